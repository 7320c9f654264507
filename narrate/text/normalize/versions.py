"""Version numbers, read part by part and never as decimals: "Python 3.11" -> "Python three point
eleven" (as a decimal, "3.11" is "three point one one"), "v2.0.1" -> "version two point zero point
one", "iOS 17.2" -> "iOS seventeen point two".

A number with one dot is a version when a product name (:data:`PRODUCTS`: iOS, Android, Python,
Windows, …) or the word "version", "v", "release", "update" or "patch" comes right before it; a
dotted series of numbers ("3.2.4") is read part by part wherever it stands, by the decimals step.
Whole numbers after a product name ("Windows 11", "Firefox 120") are plain numbers and are left to
the number steps. The words are written here, so that no later step reads the number as a
decimal, a date or an amount.
"""

from __future__ import annotations

import re
from typing import Final

from ._common import _cardinal, _digits

PRODUCTS: Final = frozenset(
    """
    iOS iPadOS macOS watchOS tvOS visionOS Android Windows Linux Ubuntu Debian Fedora Kernel kernel
    Python Java Ruby Perl PHP Rust Swift Kotlin Scala Node Node.js Deno TypeScript JavaScript ECMAScript Julia
    Django Rails React Angular Vue Laravel Flask Qt GTK GNOME KDE Unreal Blender Photoshop
    Chrome Firefox Safari Thunderbird Bluetooth Wi-Fi WiFi USB HDMI PCIe DisplayPort Thunderbolt HTTP
    TLS SSL SQL MySQL PostgreSQL Postgres SQLite MongoDB Redis Docker Kubernetes Terraform Ansible npm pip
    GPT Llama Gemini Claude Mistral Grok DeepSeek Qwen Firmware firmware HarmonyOS
    MIUI EMUI OxygenOS Tizen Chromium WordPress Drupal Joomla Minecraft Xcode Figma Outlook Excel PowerPoint
    iTunes Zigbee LTE
    """.split()
)
"""Names after which a number with a dot is a version ("Python 3.11", "Bluetooth 5.3")."""

_VERSION_WORDS: Final = r"[Vv]ersions?|[Rr]eleases?|[Uu]pdates?|[Pp]atch(?:es)?"
_PRODUCT: Final = "|".join(re.escape(p) for p in sorted(PRODUCTS, key=len, reverse=True))
_AFTER_NAME: Final = re.compile(
    rf"(?<![\w.-])(?P<name>(?:{_PRODUCT}|{_VERSION_WORDS}))(?P<gap>[ \t]|-)"
    r"(?P<v>\d+(?:\.\d+)+)(?![\w]|\.\d|[ \t]?(?:%|per\b|pc\b|hundred|thousand|million|billion|trillion|[mb]n?\b))"
)
_V_PREFIX: Final = re.compile(r"(?<![\w.-])(?:v(?P<v>\d+(?:\.\d+)*)|V(?P<dotted>\d+(?:\.\d+)+))(?![\w]|\.\d)")


def _version(version: str) -> str:
    """Each part as a whole number, "point" between them: "3.11" -> "three point eleven"; a part
    with a leading zero digit by digit ("2.05" -> "two point zero five")."""
    parts = version.split(".")
    return " point ".join(_digits(p) if len(p) > 1 and p.startswith("0") else _cardinal(int(p)) for p in parts)


def expand_versions(text: str) -> str:
    """Version numbers part by part: "Python 3.11" -> "Python three point eleven"; "v2.0.1" ->
    "version two point zero point one"; "version 3.10" -> "version three point ten". "Windows 11" is left to the number steps."""
    text = _AFTER_NAME.sub(lambda m: m.group("name") + m.group("gap").replace("-", " ") + _version(m.group("v")), text)
    return _V_PREFIX.sub(lambda m: "version " + _version(m.group("v") or m.group("dotted")), text)

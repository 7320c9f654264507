"""Version numbers read part by part: the step alone, on table-style cases."""

from __future__ import annotations

from narrate.text.normalize.versions import expand_versions
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_versions: [
        ("The code needs Python 3.11 or later.", "The code needs Python three point eleven or later."),
        ("Python 3.10", "Python three point ten"),
        ("Users of Python 2.7 must upgrade.", "Users of Python two point seven must upgrade."),
        ("Apple released iOS 17.2 on Monday.", "Apple released iOS seventeen point two on Monday."),
        ("macOS 14.1 patches a flaw.", "macOS fourteen point one patches a flaw."),
        ("Android 14.0", "Android fourteen point zero"),
        ("The v2.0.1 update fixes the bug.", "The version two point zero point one update fixes the bug."),
        ("v3", "version three"),
        ("V1.12", "version one point twelve"),
        ("The update to version 3.10 broke the app.", "The update to version three point ten broke the app."),
        ("version 3.2.4", "version three point two point four"),
        ("Bluetooth 5.3 and USB 3.2", "Bluetooth five point three and USB three point two"),
        ("GPT-4.5 was released.", "GPT four point five was released."),
        ("Linux kernel 6.12", "Linux kernel six point twelve"),
        ("release 1.05", "release one point zero five"),
        # left to the number steps
        ("Windows 11 requires newer hardware.", "Windows 11 requires newer hardware."),
        ("Firefox 120 was released.", "Firefox 120 was released."),
        ("The V2 rocket", "The V2 rocket"),
        ("The update 3.5 million users got", "The update 3.5 million users got"),
        ("Python rose 3.5% this year.", "Python rose 3.5% this year."),
        ("It grew 3.11 points.", "It grew 3.11 points."),
    ],
}

test_step = step_test(STEP_CASES)

"""Coverage-guided fuzzing of narrate's text path with atheris (libFuzzer for Python), for humans.

The standing suite is hypothesis (tests/test_fuzz.py, run by every ``pytest``). This script is the
optional second opinion: libFuzzer mutates bytes towards inputs that reach new branches of
narrate's own code (the many patterns of cleaning and normalisation), which random generation may
never hit. It checks the same properties as the suite:

* ``text`` / ``markdown``: cleaning never fails with anything but an InputError; every chunk's and
  sentence's speech fits the engine limit and holds nothing unspeakable (controls, format
  characters, surrogates, noncharacters); without normalisation the chunks hold the cleaned
  article's words exactly once, in order.
* ``normalize``: normalisation never raises and leaves nothing unspeakable but "\\n".
* ``html``: reading an HTML page gives an article or an InputError, never another exception.

Set-up (atheris ships manylinux wheels for CPython 3.8-3.11 on x86_64; it is not a project
dependency)::

    pip install atheris

Run from the repository root, with the project's virtualenv active; every libFuzzer option works::

    python scripts/fuzz_atheris.py                                  # all targets, until a failure
    python scripts/fuzz_atheris.py fuzz-corpus/ -max_total_time=600 # keep the corpus, 10 minutes
    python scripts/fuzz_atheris.py -target=normalize -max_total_time=300  # one target: text,
                                                                         # markdown, normalize, html
    python scripts/fuzz_atheris.py -target=html fuzz-html/ tests/data/html -max_total_time=600
                                          # HTML from real pages: the test pages seed the corpus
    python scripts/fuzz_atheris.py crash-<hash>                     # replay a failure

A failure prints the Python traceback and writes the input to ``crash-<hash>``; turn it into a test
case (an ``@example`` in tests/test_fuzz.py) before fixing it.
"""

from __future__ import annotations

import sys
import unicodedata

import atheris

with atheris.instrument_imports(include=["narrate"]):
    from narrate.errors import InputError
    from narrate.text.chunk import make_chunks
    from narrate.text.clean import clean_text
    from narrate.text.html import extract_html
    from narrate.text.normalize import normalize_for_speech

TARGETS = ("text", "markdown", "normalize", "html")
TARGET: str | None = None
"""The target every input goes to (``-target=``); None: the input's first byte picks one."""


def unspeakable(text: str, *, newline_ok: bool = False) -> list[str]:
    """What no engine should be sent: control, format and surrogate characters, noncharacters."""
    return [
        c
        for c in text
        if not (newline_ok and c == "\n")
        and (unicodedata.category(c) in ("Cc", "Cf", "Cs") or 0xFDD0 <= ord(c) <= 0xFDEF or ord(c) & 0xFFFE == 0xFFFE)
    ]


def cut_words(words: list[str], limit: int) -> list[str]:
    out: list[str] = []
    for word in words:
        out.extend(word[i : i + limit] for i in range(0, len(word), limit) if word[i : i + limit])
    return out


def check_article(text: str, fmt: str, limit: int) -> None:
    try:
        article = clean_text(text, format=fmt)  # type: ignore[arg-type]
    except InputError:
        return
    for chunk in make_chunks(article.blocks, limit, to_speech=normalize_for_speech):
        if len(chunk.speech) > limit:
            raise AssertionError(f"chunk over the limit {limit}: {chunk.speech!r}")
        for unit in chunk.units:
            if not 0 < len(unit.spoken) <= limit or unspeakable(unit.spoken):
                raise AssertionError(f"bad speech for limit {limit}: {unit!r}")
    chunks = make_chunks(article.blocks, limit)
    for index, block in enumerate(article.blocks):
        written = [w for c in chunks if c.block == index for w in c.text.split()]
        if written != cut_words(block.text.split(), limit):
            raise AssertionError(f"block {index} not held exactly once: {block.text!r} -> {written!r}")


def check_page(data: bytes) -> None:
    try:
        extract_html(data)
    except InputError:
        pass


def one_input(data: bytes) -> None:
    if TARGET == "html":  # the input is the page itself, so that real pages can seed the corpus
        check_page(data)
        return
    fdp = atheris.FuzzedDataProvider(data)
    target = TARGET or TARGETS[fdp.ConsumeIntInRange(0, len(TARGETS) - 1)]
    if target == "html":
        check_page(fdp.ConsumeBytes(fdp.remaining_bytes()))
        return
    limit = fdp.ConsumeIntInRange(1, 400)
    text = fdp.ConsumeUnicode(fdp.remaining_bytes())
    if target == "normalize":
        spoken = normalize_for_speech(text)
        if unspeakable(spoken, newline_ok=True):
            raise AssertionError(f"unspeakable characters left: {spoken!r}")
        return
    check_article(text, target, limit)


def _target(argv: list[str]) -> tuple[str | None, list[str]]:
    """``-target=NAME`` taken out of the arguments (the rest go to libFuzzer)."""
    chosen = None
    rest = []
    for arg in argv:
        if arg.startswith("-target="):
            chosen = arg.split("=", 1)[1]
            if chosen not in TARGETS:
                sys.exit(f"unknown target {chosen!r}: one of {', '.join(TARGETS)}")
        else:
            rest.append(arg)
    return chosen, rest


if __name__ == "__main__":
    TARGET, args = _target(sys.argv)
    atheris.Setup(args, one_input)
    atheris.Fuzz()

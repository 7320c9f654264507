"""Which sentences of a paragraph are quotations: the ones a preset's ``quote_voice`` speaks.

A sentence is quoted when every letter and digit in it lies inside quotation marks: “…”, "…",
«…» (and German »…« and „…“), and ‘…’ where it is clearly a quotation (opened after a space or at
the start, closed before a space, punctuation or the end; an apostrophe inside a word, as in
"don’t", is never one). A quotation can hold several sentences. An attribution outside the marks
(“I will go,” she said.) leaves the sentence to the main voice. A quotation that is never closed
counts only when it opens the paragraph (the English way of quoting over several paragraphs);
otherwise the stray mark is ignored.
"""

from __future__ import annotations

_CLOSERS = {"“": "”", "«": "»", "»": "«", "„": "“", '"': '"', "‘": "’"}
"""Each opening mark and the mark that closes it."""


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` character ranges of ``text`` inside quotation marks (the marks excluded)."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if stack and char == _CLOSERS[stack[-1][0]] and _may_close(char, before, after):
            _, start = stack.pop()
            if not stack:
                spans.append((start, index))
            continue
        if char in _CLOSERS and _may_open(char, before, after):
            stack.append((char, index + 1))
    if stack and stack[0][1] == 1:  # a quotation opening the paragraph and running past its end
        spans.append((1, len(text)))
    return spans


def _may_open(mark: str, before: str, after: str) -> bool:
    if mark in "‘\"":  # also apostrophes and inch marks: only after a space or an opening bracket
        return (before.isspace() or before in "([{—–-“«„") and not after.isspace()
    return not after.isspace() or mark in "«»"  # « guillemets » take a space inside in French


def _may_close(mark: str, before: str, after: str) -> bool:
    if mark in "’\"":  # not an apostrophe inside a word (don’t, rock ’n’ roll)
        return not before.isspace() and not after.isalnum()
    return True


def quoted_sentences(text: str, sentences: list[str]) -> list[bool]:
    """For each of ``sentences`` (in order, as found in ``text``), whether it is a quotation (see the
    module docstring). A sentence not found in ``text`` is not one."""
    spans = quotation_spans(text)
    flags: list[bool] = []
    cursor = 0
    for sentence in sentences:
        start = text.find(sentence, cursor)
        if start < 0 or not sentence:
            flags.append(False)
            continue
        cursor = start + len(sentence)
        letters = [start + i for i, char in enumerate(sentence) if char.isalnum()]
        flags.append(bool(letters) and all(any(a <= i < b for a, b in spans) for i in letters))
    return flags

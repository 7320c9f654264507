"""Every language's pipeline on generated and long text: it never raises, leaves no control
characters, takes linear time, and changes nothing more on a second pass over text without digits."""

from __future__ import annotations

import time
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narrate.text.normalize import normalize_for_speech

TAGS = ["es", "fr", "de", "it", "pt", "pt-PT", "es-MX", "de-CH", "nl", "pl", "sv", "ru", "tr", "sw", "ja", "xx"]

TRICKY = [
    "Sr.", "Dr.", "M.", "Mme", "z. B.", "p. ej.", "etc.", "1º", "1.ª", "1er", "2e", "3.", "3°", "°C", "%", " %",
    "€", "US$", "R$", "$", "£", "12 de marzo de 2024", "12. März", "1er janvier", "14h30", "14:30", "14.30 Uhr",
    "3.500", "3 500", "3\u202f500", "4,5", "1,50 €", "XXI", "siglo", "s.", "XXIe", "siècle", "Felipe VI",
    "2010-2015", "10–20 %", "km", "km/h", "m²", "+34 912 345 678", "01 23 45 67 89", "Tel. ", "www.ejemplo.es",
    "a@b.es", "mil", "millones", "Mio.", "M€", "2:01:09", "-", "–", "/", ".", ",", ":", " ", "\n", "'", "’", "1",
    "12", "2024", "0", "ª", "º", "&", "+", "×", "1990er", "am", "der", "l'", "un", "I", "V", "X", "entre", "\x00",
    "\u200b",
]  # fmt: skip
_ANY_TEXT = st.one_of(st.text(), st.lists(st.sampled_from(TRICKY), max_size=40).map("".join))


@settings(max_examples=800, suppress_health_check=list(HealthCheck), deadline=None)
@given(_ANY_TEXT, st.sampled_from(TAGS))
def test_never_raises_and_leaves_no_control_characters(text: str, tag: str) -> None:
    spoken = normalize_for_speech(text, language=tag)
    assert all(c == "\n" or unicodedata.category(c) not in ("Cc", "Cf", "Cs") for c in spoken), repr(spoken)
    normalize_for_speech(spoken, language=tag)  # a second pass does not raise either


_WORDS = [
    "El", "la", "Sr.", "García", "dijo", "que", "etc.", "p. ej.", "M.", "Dupont", "Mme", "z. B.", "Dr.", "Müller",
    "Sig.ra", "Rossi", "Sra.", "Silva", "www.ejemplo.es", "ana@ejemplo.es", "Felipe VI", "siglo XXI", "XXIe siècle",
    "&", "—", "...", "¿Qué?", "¡Sí!", "«oui»", "und", "e", "de", "Die", "Le", "Il", "O",
]  # fmt: skip


@settings(max_examples=300, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(" ".join), st.sampled_from(TAGS[:5]))
def test_a_second_pass_changes_nothing_on_text_without_digits(text: str, tag: str) -> None:
    once = normalize_for_speech(text, language=tag)
    assert normalize_for_speech(once, language=tag) == once


LONG_INPUTS = {
    "digits": "1" * 20_000,
    "groups": "1.000." * 4_000,
    "spaced groups": "1 000 " * 4_000,
    "ordinals": "1º " * 5_000,
    "dates": "12 de marzo de 2024 " * 1_000,
    "money": "1,50 € " * 3_000,
    "a long amount": "€" + "1" * 20_000 + ",50",
    "rulers": "Felipe VI " * 3_000,
    "ordinals with a period": "3. " * 5_000,
    "phone-like pairs": "01 23 " * 5_000,
    "abbreviations": "p. ej. Sr. " * 2_000,
    "percents": "10–20 % " * 3_000,
    "commas": "1," * 10_000,
}


@pytest.mark.parametrize("tag", ["es", "fr", "de", "it", "pt", "nl"])
@pytest.mark.parametrize("text", LONG_INPUTS.values(), ids=LONG_INPUTS.keys())
def test_long_inputs_are_handled_in_linear_time(text: str, tag: str) -> None:
    started = time.perf_counter()
    assert normalize_for_speech(text, language=tag)
    assert time.perf_counter() - started < 5

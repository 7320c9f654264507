"""The gtts engine against a real local HTTP server that speaks gTTS's protocol (tests/fake_gtts.py):
audio decoded and stitched, retries with backoff, timeouts, bounded concurrency and rate, one-line
errors, options, identity, and the engine contract."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import requests

from narrate.errors import ConfigError, EngineError
from narrate.speech.engines import VoiceParams, create_engine, engine_class, register, unregister
from narrate.speech.engines.gtts import GttsEngine, GttsOptions
from narrate.speech.voices import fallback_chain, load_preset
from tests.conftest import IN_CI

if GttsEngine.missing():  # the engine's packages are an extra: skipped locally, a failure in CI
    _why = f"{GttsEngine.missing()}; {GttsEngine.install_hint}"
    if IN_CI:
        pytest.fail(_why, pytrace=False)
    pytest.skip(_why, allow_module_level=True)

from gtts import gTTS  # noqa: E402

from tests.conftest import ARTICLE_ONLY
from tests.fake_gtts import FakeGtts, expected_seconds

VOICE = VoiceParams()
SENTENCE = "The ferry leaves the harbour at six in the morning, and it returns at nine in the evening."
LONG = (  # ~250 characters: gTTS cuts it into at least three parts
    "The ferry leaves the harbour at six in the morning, and it returns at nine in the evening. "
    "On Sundays the first crossing is at eight, because the crew comes from the other side of the bay. "
    "Tickets are sold on board; the U.S. dollar is not accepted."
)
PARAGRAPHS = " ".join([LONG] * 2)  # ~500 characters (the engine's max_chars), a dozen parts
ARTICLE = " ".join([LONG] * 4)  # ~1000 characters, two dozen parts
PADDING = 0.1
"""MP3 encoder delay and padding a decoder cannot trim (lameenc writes no LAME tag): ~67 ms per part."""


class Recorder:
    """Stands in for time.sleep: remembers the delays, sleeps only a token amount."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


class Ceiling:
    """A jitter source that always picks the top of the range, so backoff delays are predictable."""

    def uniform(self, low: float, high: float) -> float:
        return high


@pytest.fixture
def server() -> Iterator[FakeGtts]:
    with FakeGtts() as fake:
        yield fake


Make = Callable[..., GttsEngine]


@pytest.fixture
def make(server: FakeGtts) -> Iterator[Make]:
    """Engines pointed at the fake server, with recorded sleeps and top-of-range jitter; closed after."""
    engines: list[GttsEngine] = []

    def build(*, sleep: Callable[[float], None] | None = None, rng: Any = None, **options: Any) -> GttsEngine:
        engine = GttsEngine(
            GttsOptions(**{"endpoint": server.url, **options}),
            sleep=sleep if sleep is not None else Recorder(),
            rng=rng if rng is not None else Ceiling(),
        )
        engines.append(engine)
        return engine

    yield build
    for engine in engines:
        engine.close()


def parts_of(text: str, **kwargs: Any) -> list[str]:
    """The parts gTTS itself would send (its private tokenizer; fine in a test)."""
    return gTTS(text, lang_check=False, **kwargs)._tokenize(text)


# -- speaking -------------------------------------------------------------------------------------


def test_speaks_decoded_audio_at_24khz(server: FakeGtts, make: Make) -> None:
    clip = make().synthesize(SENTENCE, VOICE)
    assert clip.sample_rate == 24000
    assert clip.samples.dtype == np.float32 and clip.samples.ndim == 1
    assert clip.duration == pytest.approx(sum(expected_seconds(p) for p in parts_of(SENTENCE)), abs=2 * PADDING)
    assert np.sqrt(np.mean(clip.samples**2)) > 0.1
    (request,) = [r for r in server.requests if r.text == parts_of(SENTENCE)[0]]
    assert (request.lang, request.slow) == ("en", False)
    assert request.headers["User-Agent"] == gTTS.GOOGLE_TTS_HEADERS["User-Agent"]
    assert request.headers["Content-Type"].startswith("application/x-www-form-urlencoded")


def test_long_text_parts_are_decoded_and_stitched_in_order(server: FakeGtts, make: Make) -> None:
    engine = make()
    parts = parts_of(LONG)
    clip = engine.synthesize(LONG, VOICE)
    assert len(parts) >= 3 and len(server.requests) == len(parts)
    assert sorted(server.texts) == sorted(parts)
    # Byte-concatenated MP3s would decode to about the first part only; decoded parts add up.
    expected = sum(expected_seconds(p) for p in parts)
    assert expected <= clip.duration <= expected + PADDING * len(parts)
    # The parts follow the text's order whichever answer came first.
    first = engine.synthesize(parts[0], VOICE)
    last = engine.synthesize(parts[-1], VOICE)
    assert np.array_equal(clip.samples[: len(first.samples)], first.samples)
    assert np.array_equal(clip.samples[-len(last.samples) :], last.samples)


def test_requests_follow_gtts_own_tokenizer(server: FakeGtts, make: Make) -> None:
    make(concurrency=1).synthesize(ARTICLE, VOICE)
    assert server.texts == parts_of(ARTICLE)
    assert all(len(text) <= 100 for text in server.texts)
    assert any("U.S." in text for text in server.texts)  # kept whole, not cut as a sentence end


def test_slow_and_lang_reach_the_server(server: FakeGtts, make: Make) -> None:
    normal = make().synthesize("Bonjour à tous.", VOICE)
    slow = make(lang="fr", tld="fr", slow=True).synthesize("Bonjour à tous.", VOICE)
    assert [(r.lang, r.slow) for r in server.requests] == [("en", False), ("fr", True)]
    assert slow.duration > normal.duration * 1.3


def test_parts_at_another_rate_are_resampled(server: FakeGtts, make: Make) -> None:
    server.behave(sample_rate=22050)
    clip = make().synthesize(SENTENCE, VOICE)
    assert clip.sample_rate == 24000
    assert clip.duration == pytest.approx(sum(expected_seconds(p) for p in parts_of(SENTENCE)), abs=2 * PADDING)


def test_nothing_to_say_is_silence_without_a_request(server: FakeGtts, make: Make) -> None:
    clip = make().synthesize(" … — ", VOICE)
    assert clip.samples.size == 0 and clip.sample_rate == 24000
    assert server.requests == []


def test_default_url_follows_the_tld() -> None:
    engine = GttsEngine(GttsOptions(tld="co.uk"))
    try:
        assert engine.url == "https://translate.google.co.uk/_/TranslateWebserverUi/data/batchexecute"
    finally:
        engine.close()


# -- retries and failures -------------------------------------------------------------------------


def test_429_twice_then_success_backs_off_longer_each_time(server: FakeGtts, make: Make) -> None:
    sleep = Recorder()
    server.behave(status=429, failures=2)
    clip = make(sleep=sleep).synthesize("The ferry leaves at six.", VOICE)
    assert clip.duration > 1.0
    assert len(server.requests) == 3
    assert sleep.delays == [0.5, 1.0]


def test_backoff_is_full_jitter_under_a_cap(server: FakeGtts, make: Make) -> None:
    import random

    sleep = Recorder()
    server.behave(status=500)
    with pytest.raises(EngineError):
        make(sleep=sleep, rng=random.Random(3), retries=8).synthesize("The ferry.", VOICE)
    ceilings = [min(8.0, 0.5 * 2**n) for n in range(8)]
    assert len(sleep.delays) == 8
    assert all(0 <= d <= c for d, c in zip(sleep.delays, ceilings))
    assert len(set(sleep.delays)) == 8  # random, not fixed


@pytest.mark.parametrize(("header", "expected"), [("3", 3.0), ("9999", 30.0)])
def test_retry_after_is_honoured_and_capped(server: FakeGtts, make: Make, header: str, expected: float) -> None:
    sleep = Recorder()
    server.behave(status=503, failures=1, retry_after=header)
    make(sleep=sleep).synthesize("The ferry leaves at six.", VOICE)
    assert sleep.delays == [expected]


def test_permanent_503_is_one_line_naming_engine_and_chunk(server: FakeGtts, make: Make) -> None:
    server.behave(status=503)
    with pytest.raises(EngineError) as caught:
        make().synthesize("The ferry leaves at six.", VOICE)
    assert str(caught.value) == (
        'gtts: could not speak "The ferry leaves at…" after 5 attempts: HTTP 503 Service Unavailable'
    )
    assert len(server.requests) == 5


def test_other_client_errors_are_not_retried(server: FakeGtts, make: Make) -> None:
    sleep = Recorder()
    server.behave(status=403)
    with pytest.raises(EngineError, match=r'^gtts: could not speak "Short\." after 1 attempt: HTTP 403 Forbidden$'):
        make(sleep=sleep).synthesize("Short.", VOICE)
    assert len(server.requests) == 1 and sleep.delays == []


def test_a_failing_part_stops_the_rest_of_the_chunk(server: FakeGtts, make: Make) -> None:
    server.behave(status=400)
    with pytest.raises(EngineError, match="HTTP 400 Bad Request"):
        make(concurrency=1).synthesize(ARTICLE, VOICE)
    assert len(server.requests) <= 2 < len(parts_of(ARTICLE))


def test_never_answering_server_times_out(server: FakeGtts, make: Make) -> None:
    server.behave(hang=True)
    started = time.monotonic()
    with pytest.raises(EngineError) as caught:
        make(timeout=0.5, retries=1).synthesize("The ferry leaves at six.", VOICE)
    assert time.monotonic() - started < 3.0
    assert str(caught.value) == (
        'gtts: could not speak "The ferry leaves at…" after 2 attempts: no answer within 0.5 s'
    )
    assert len(server.requests) == 2


@pytest.mark.parametrize("audio", ["missing", "empty", "garbage"])
def test_an_answer_without_audio_is_an_error(server: FakeGtts, make: Make, audio: Any) -> None:
    server.behave(audio=audio)
    with pytest.raises(EngineError) as caught:
        make().synthesize("The ferry.", VOICE)
    assert str(caught.value) == 'gtts: could not speak "The ferry." after 1 attempt: the server answered without audio'


def test_audio_that_is_not_mp3_is_an_error(server: FakeGtts, make: Make) -> None:
    server.behave(audio="not-mp3")
    with pytest.raises(EngineError, match=r"after 1 attempt: the server's audio could not be decoded$") as caught:
        make().synthesize("The ferry.", VOICE)
    assert "\n" not in str(caught.value)


def test_connection_refused_is_retried_then_named(make: Make) -> None:
    with FakeGtts() as gone:
        url = gone.url
    sleep = Recorder()
    engine = make(endpoint=url, retries=2, sleep=sleep)
    with pytest.raises(EngineError, match=rf"after 3 attempts: cannot connect to {url[7:]} \(Connection refused\)$"):
        engine.synthesize("The ferry.", VOICE)
    assert len(sleep.delays) == 2


def test_closed_engine_refuses(make: Make) -> None:
    engine = make()
    engine.close()
    with pytest.raises(EngineError, match="closed"):
        engine.synthesize("The ferry.", VOICE)


# -- concurrency and rate -------------------------------------------------------------------------


def test_requests_run_in_parallel_but_never_more_than_concurrency(server: FakeGtts, make: Make) -> None:
    server.behave(latency=0.15)
    engine = make(concurrency=3)
    assert engine.concurrency == 3
    parts = parts_of(PARAGRAPHS)
    clips: list[Any] = []

    def speak() -> None:
        clips.append(engine.synthesize(PARAGRAPHS, VOICE))

    started = time.monotonic()
    threads = [threading.Thread(target=speak) for _ in range(2)]  # two chunks at once, as the pipeline does
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    assert len(clips) == 2 and np.array_equal(clips[0].samples, clips[1].samples)
    assert len(server.requests) == 2 * len(parts)
    assert 1 < server.max_in_flight <= 3
    assert elapsed < 2 * len(parts) * 0.15 / 2  # well under one request at a time


def test_rate_limit_spaces_requests(server: FakeGtts, make: Make) -> None:
    engine = make(rate=20.0, concurrency=4, sleep=time.sleep)
    started = time.monotonic()
    engine.synthesize(PARAGRAPHS, VOICE)
    elapsed = time.monotonic() - started
    count = len(server.requests)
    assert count == len(parts_of(PARAGRAPHS)) >= 8
    assert elapsed >= (count - 1) / 20
    arrivals = sorted(r.received_at for r in server.requests)
    assert arrivals[-1] - arrivals[0] >= 0.9 * (count - 1) / 20
    assert all(later - earlier >= 1 / 20 for earlier, later in zip(arrivals, arrivals[2:]))  # never a burst


# -- options and identity -------------------------------------------------------------------------


@pytest.fixture
def registered() -> Iterator[type[GttsEngine]]:
    register(GttsEngine)
    try:
        yield GttsEngine
    finally:
        unregister(GttsEngine.name)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"lang": "xx"}, r"'lang' must be a language gTTS speaks, not 'xx'"),
        ({"lang": "en-us"}, r"'lang' must be a language gTTS speaks, not 'en-us' \(did you mean 'en'\?\)"),
        ({"lang": "zh-cn"}, r"'lang' must be a language gTTS speaks, not 'zh-cn' \(did you mean 'zh-CN'\?\)"),
        ({"tld": "google.com"}, r"'tld' must be a top-level domain"),
        ({"endpoint": "ftp://example.org"}, r"'endpoint' must be an http:// or https:// URL"),
        ({"timeout": 0}, r"'timeout' must be more than 0 and at most 300 seconds, not 0"),
        ({"timeout": "ten"}, r"'timeout' must be a number"),
        ({"retries": -1}, r"'retries' must be a whole number from 0 to 10, not -1"),
        ({"concurrency": 0}, r"'concurrency' must be a whole number from 1 to 32, not 0"),
        ({"rate": -2.0}, r"'rate' must be 0 \(no limit\) or up to 1000 requests per second, not -2.0"),
        ({"slow": "yes"}, r"'slow' must be true or false"),
        ({"speed": 1.2}, r"unknown key 'speed'"),
    ],
)
def test_options_are_validated_with_one_line_naming_the_option(
    registered: type[GttsEngine], options: dict[str, Any], message: str
) -> None:
    with pytest.raises(ConfigError, match=r"^p\.toml \[options\]: " + message) as caught:
        create_engine("gtts", options, "p.toml")
    assert "\n" not in str(caught.value)


def test_options_check_themselves_outside_toml_too() -> None:
    with pytest.raises(ValueError, match="'concurrency'"):
        GttsOptions(concurrency=True)  # type: ignore[arg-type]
    assert GttsOptions().lang == "" and GttsOptions().tld == ""  # the language it is asked for, and its accent
    assert GttsOptions(endpoint="http://127.0.0.1:9/").endpoint


def test_identity_ignores_what_does_not_change_the_sound(registered: type[GttsEngine]) -> None:
    def identity(**options: Any) -> str:
        engine = create_engine("gtts", options, "p")
        try:
            return engine.identity(VOICE)
        finally:
            engine.close()

    base = identity()
    assert '"engine":"gtts"' in base and '"version":"2.5.4"' in base
    assert base == identity(endpoint="http://127.0.0.1:1", timeout=2.0, retries=0, concurrency=8, rate=5.0)
    assert len({base, identity(lang="fr"), identity(tld="co.uk"), identity(slow=True)}) == 4


def test_engine_is_found_by_name_and_reports_what_it_needs(registered: type[GttsEngine]) -> None:
    from narrate.speech.engines import engine_status

    assert engine_class("gtts") is GttsEngine
    assert GttsEngine.needs_network and GttsEngine.missing() is None
    assert engine_status("gtts") == (True, "needs network")


def test_presets_use_gtts_and_fall_back_to_the_default(registered: type[GttsEngine]) -> None:
    us, uk = load_preset("gtts-us"), load_preset("gtts-uk")
    assert (us.engine, us.options["lang"], us.options["tld"]) == ("gtts", "en", "com")
    assert (uk.engine, uk.options["lang"], uk.options["tld"]) == ("gtts", "en", "co.uk")
    assert us.fallback == uk.fallback == "default"
    assert [p.name for p in fallback_chain(us)] == ["gtts-us", "default"]
    for preset in (us, uk):
        create_engine(preset.engine, preset.options, str(preset.path)).close()


# -- the engine contract (the same checks tests/speech/engines/test_registry.py runs on every engine) --------------


# -- the fake server itself -----------------------------------------------------------------------


def test_fake_server_shuts_down_with_a_request_still_waiting() -> None:
    server = FakeGtts().start()
    server.behave(hang=True)
    outcome: list[object] = []

    def ask() -> None:
        try:
            body = gTTS("Hello.", lang_check=False).get_bodies()[0]
            outcome.append(requests.post(f"{server.url}/_/TranslateWebserverUi/data/batchexecute", data=body, timeout=10))
        except requests.RequestException as exc:
            outcome.append(exc)

    caller = threading.Thread(target=ask)
    caller.start()
    deadline = time.monotonic() + 5
    while not server.requests and time.monotonic() < deadline:
        time.sleep(0.01)
    assert server.max_in_flight == 1
    started = time.monotonic()
    server.stop()
    caller.join(timeout=5)
    assert time.monotonic() - started < 2.0
    assert not caller.is_alive() and isinstance(outcome[0], requests.RequestException)


def test_fake_server_answers_like_google_for_gtts_itself(server: FakeGtts, monkeypatch: pytest.MonkeyPatch) -> None:
    """gTTS's own client reads the fake's answers: the protocol is the real one."""
    import io

    import gtts.tts

    monkeypatch.setattr(gtts.tts, "_translate_url", lambda tld, path: f"{server.url}/{path}")
    buffer = io.BytesIO()
    gTTS(LONG, lang_check=False).write_to_fp(buffer)
    assert len(buffer.getvalue()) > 1000
    assert server.texts == parts_of(LONG)


# --- whole builds with the gtts engine ---------------------------------------------------------


def _gtts_preset(tmp_path: Path, server: FakeGtts, fallback: str = "") -> Path:
    preset = tmp_path / "gtts-local.toml"
    preset.write_text(
        'engine = "gtts"\n'
        + (f'fallback = "{fallback}"\n' if fallback else "")
        + f'[options]\nendpoint = "{server.url}"\ntimeout = 1.0\nretries = 1\n',
        encoding="utf-8",
    )
    return preset


def test_build_with_gtts_makes_an_episode(tmp_path: Path, server: FakeGtts) -> None:
    from narrate import build
    from tests.audiocheck import decoded_seconds

    article = tmp_path / "a.txt"
    article.write_text("Ferry news\nThe ferry leaves at six.\nIt comes back at nine, mostly on time.\n")
    report = build([article], out_dir=tmp_path / "out", voice=str(_gtts_preset(tmp_path, server)), config=ARTICLE_ONLY)
    record = report.results[0].record
    assert record is not None and record.voice["engine"] == "gtts"
    assert decoded_seconds(record.audio_path(tmp_path / "out")) == pytest.approx(record.audio.duration, abs=0.05)
    assert {r.text for r in server.requests} == {"The ferry leaves at six.", "It comes back at nine, mostly on time."}


def test_permanent_503_fails_the_article_and_writes_no_episode(tmp_path: Path, server: FakeGtts) -> None:
    from narrate import build

    server.behave(status=503)
    article = tmp_path / "a.txt"
    article.write_text("Ferry news\nThe ferry leaves at six.\n")
    out = tmp_path / "out"
    report = build([article], out_dir=out, voice=str(_gtts_preset(tmp_path, server)), config=ARTICLE_ONLY)
    assert report.results[0].error == (
        'gtts: could not speak "The ferry leaves at…" after 2 attempts: HTTP 503 Service Unavailable'
    )
    assert list((out / "episodes").iterdir()) == []
    assert report.feed_episodes == 0


def test_permanent_503_with_a_fallback_gives_a_complete_episode(tmp_path: Path, server: FakeGtts) -> None:
    from narrate import build

    server.behave(status=503)
    article = tmp_path / "a.txt"
    article.write_text("Ferry news\nThe ferry leaves at six.\nIt comes back at nine.\nOn Sundays it rests.\n")
    events: list = []
    report = build(
        [article], out_dir=tmp_path / "out", voice=str(_gtts_preset(tmp_path, server, "default")), progress=events.append,
        config=ARTICLE_ONLY,
    )
    record = report.results[0].record
    assert record is not None, report.results[0].error
    assert record.voice["fallback_chunks"] == {"default": [0, 1, 2]}
    assert {c.engine for c in record.chunks} == {"hibari"}
    assert events[-1].fallbacks == 3


# --- the article's language ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("es", ("es", "com")), ("es-ES", ("es", "es")), ("es-MX", ("es", "com.mx")), ("es-AR", ("es", "com.mx")),
        ("es-US", ("es", "us")), ("fr", ("fr", "com")), ("fr-FR", ("fr", "fr")), ("fr-CA", ("fr", "ca")),
        ("pt", ("pt", "com")), ("pt-BR", ("pt", "com.br")), ("pt_br", ("pt", "com.br")), ("pt-PT", ("pt-PT", "pt")),
        ("en", ("en", "com")), ("en-US", ("en", "com")), ("en-GB", ("en", "co.uk")), ("en-AU", ("en", "com.au")),
        ("en-IN", ("en", "co.in")), ("de", ("de", "com")), ("de-AT", ("de", "com")), ("it", ("it", "com")),
        ("zh", ("zh-CN", "com")), ("zh-CN", ("zh-CN", "com")), ("zh-Hans", ("zh-CN", "com")),
        ("zh-TW", ("zh-TW", "com")), ("zh-Hant", ("zh-TW", "com")), ("zh-HK", ("yue", "com")),
        ("he", ("iw", "com")), ("nb", ("no", "com")), ("fil", ("tl", "com")), ("tlh", None), ("", None),
    ],
)
def test_google_codes_and_accents_for_a_language(tag: str, expected: tuple[str, str] | None) -> None:
    from narrate.speech.engines.gtts import gtts_voice

    assert gtts_voice(tag) == expected


def _language_less_preset(tmp_path: Path, server: FakeGtts, options: str = "") -> Path:
    preset = tmp_path / "gtts-any.toml"
    preset.write_text(f'engine = "gtts"\n[options]\nendpoint = "{server.url}"\nretries = 0\n{options}', encoding="utf-8")
    return preset


ARTICLES = {
    "es": "El transbordador sale a las seis.",
    "fr": "Le bac part à six heures.",
    "de": "Die Fähre fährt um sechs Uhr ab.",
    "en": "The ferry leaves at six.",
}


def _one_sentence_chunk(text: str) -> Any:
    from narrate.models import BlockKind, Chunk

    return Chunk(0, text, BlockKind.PARAGRAPH, 0, True, text)


def test_requests_carry_each_articles_language(tmp_path: Path, server: FakeGtts) -> None:
    from narrate.speech.cache import ChunkCache
    from narrate.speech.speaker import Speaker

    preset = load_preset(_language_less_preset(tmp_path, server))
    assert preset.language is None
    cache = ChunkCache(tmp_path / "cache")
    speaker = Speaker.for_preset(preset, cache)
    try:
        for language, text in ARTICLES.items():
            spoken = speaker.for_language(language).speak_one(_one_sentence_chunk(text))
            assert spoken.sentences[0].clip.duration > 1.0
        assert [(r.text, r.lang) for r in server.requests] == [(text, lang) for lang, text in ARTICLES.items()]
        # The same words in another language are another cache entry; in the same language, a hit.
        speaker.for_language("fr").speak_one(_one_sentence_chunk(ARTICLES["es"]))
        again = speaker.for_language("es").speak_one(_one_sentence_chunk(ARTICLES["es"]))
        assert again.sentences[0].cached
        assert [r.lang for r in server.requests][4:] == ["fr"]
    finally:
        speaker.close()


def test_an_explicit_lang_in_the_preset_wins(tmp_path: Path, server: FakeGtts) -> None:
    from narrate.speech.speaker import Speaker

    preset = load_preset(_language_less_preset(tmp_path, server, 'lang = "fr"\n'))
    speaker = Speaker.for_preset(preset, None, "es")
    try:
        speaker.speak_one(_one_sentence_chunk(ARTICLES["es"]))
        speaker.for_language("de").speak_one(_one_sentence_chunk(ARTICLES["de"]))
    finally:
        speaker.close()
    assert [r.lang for r in server.requests] == ["fr", "fr"]


def test_the_accent_follows_the_region_unless_the_preset_sets_one() -> None:
    any_accent = GttsEngine(GttsOptions())
    british = GttsEngine(GttsOptions(tld="co.uk"))
    french = GttsEngine(GttsOptions(lang="fr", tld="ca"))
    try:
        assert any_accent.request_for("pt-BR") == ("pt", "com.br")
        assert any_accent.request_for("en-US") == ("en", "com")
        assert british.request_for("en-US") == ("en", "co.uk")
        assert french.request_for("es-MX") == ("fr", "ca")
        assert any_accent.url_for("com.br") == "https://translate.google.com.br/_/TranslateWebserverUi/data/batchexecute"
        assert any_accent.url == "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"
    finally:
        for engine in (any_accent, british, french):
            engine.close()


def test_requests_go_to_the_regional_domain(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = GttsEngine(GttsOptions(retries=0), sleep=Recorder())
    asked: list[str] = []

    def refuse(url: str, **kwargs: Any) -> Any:
        asked.append(url)
        raise requests.exceptions.ConnectionError("no network in tests")

    monkeypatch.setattr(engine._session, "post", refuse)
    try:
        with pytest.raises(EngineError, match="cannot connect to translate.google.com.mx"):
            engine.synthesize("Hola.", VoiceParams(language="es-MX"))
    finally:
        engine.close()
    assert asked == ["https://translate.google.com.mx/_/TranslateWebserverUi/data/batchexecute"]


def test_a_language_google_does_not_speak_is_a_clear_error(server: FakeGtts, make: Make) -> None:
    with pytest.raises(EngineError, match=r"^gtts does not speak 'tlh' \(Google Translate speaks \d+ languages"):
        make().synthesize("nuqneH", VoiceParams(language="tlh"))
    assert server.requests == []


def test_which_languages_a_preset_speaks() -> None:
    assert GttsEngine.speaks(GttsOptions(), "es-MX") is True
    assert GttsEngine.speaks(GttsOptions(), "he") is True
    assert GttsEngine.speaks(GttsOptions(), "tlh") is False
    assert GttsEngine.speaks(GttsOptions(lang="en"), "en-GB") is True
    assert GttsEngine.speaks(GttsOptions(lang="en"), "es") is False
    assert GttsEngine.speaks(GttsOptions(lang="zh-TW"), "zh-HK") is True
    spoken = GttsEngine.spoken_languages(GttsOptions())
    assert spoken is not None and {"en", "es", "fr", "de", "pt", "it", "he", "zh", "jv"} <= spoken


def test_identity_differs_by_language_for_a_language_less_preset(make: Make) -> None:
    engine = make()
    assert engine.identity(VoiceParams(language="es")) != engine.identity(VoiceParams(language="es-MX"))


def test_the_language_less_presets(registered: type[GttsEngine]) -> None:
    any_language, spanish = load_preset("gtts"), load_preset("gtts-es")
    assert any_language.language is None and "lang" not in any_language.options and "tld" not in any_language.options
    assert any_language.fallback == spanish.fallback == "espeak"  # never the English default for another language
    assert (spanish.language, spanish.options["lang"], spanish.options["tld"]) == ("es-ES", "es", "es")
    for preset in (any_language, spanish):
        create_engine(preset.engine, preset.options, str(preset.path)).close()

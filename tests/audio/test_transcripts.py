"""narrate.audio.transcripts: caption cues, and the WebVTT / SubRip / JSON files read back with webvtt-py."""

from __future__ import annotations

import html
import io
import json
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from narrate.audio.transcripts import (
    SRT_LINE_CHARS,
    SRT_LINES,
    Cue,
    TimedText,
    caption_cues,
    split_caption,
    to_podcast_json,
    to_srt,
    to_webvtt,
)
from tests.conftest import require_module

if TYPE_CHECKING:
    import webvtt

LONG = (
    "The harbour ferry, which had run every single morning since the spring of 1911, "
    "finally stopped last winter when the council sold the last boat to a yard in Leith."
)
SENTENCES = [
    TimedText(0.0, 1.5, "The ferry left at dawn."),
    TimedText(1.8, 9.3, LONG),
    TimedText(9.6, 10.4, "Tickets: <script>alert('x')</script> & “quotes” – 東京."),
    TimedText(3725.25, 3727.004, "An hour later."),
]


def ms(seconds: float) -> int:
    return round(seconds * 1000)


def caption_ms(caption: webvtt.Caption) -> tuple[int, int]:
    """Start and end of a parsed caption in whole milliseconds (webvtt-py's own timestamp fields)."""
    start, end = caption.start_time, caption.end_time
    return (
        ((start.hours * 60 + start.minutes) * 60 + start.seconds) * 1000 + start.milliseconds,
        ((end.hours * 60 + end.minutes) * 60 + end.seconds) * 1000 + end.milliseconds,
    )


def reader() -> ModuleType:
    """webvtt-py, an independent WebVTT and SubRip parser (skips locally when missing, fails in CI)."""
    require_module("webvtt")
    import webvtt

    return webvtt


def parse_vtt(text: str) -> list[webvtt.Caption]:
    return list(reader().from_string(text, strict=True).captions)


def parse_srt(text: str) -> list[webvtt.Caption]:
    return list(reader().from_buffer(io.StringIO(text), format="srt").captions)


# --- cues ---------------------------------------------------------------------------------------


def test_one_cue_per_short_sentence_and_several_for_a_long_one() -> None:
    cues = caption_cues(SENTENCES)
    assert len(LONG) > 84
    assert [c.text for c in cues if c.start < 1.5] == ["The ferry left at dawn."]
    long_cues = [c for c in cues if 1.8 <= c.start < 9.3]
    assert len(long_cues) == 2
    assert " ".join(c.text for c in long_cues) == LONG
    assert len(cues) == 5


def test_first_part_starts_exactly_at_the_sentence_and_last_ends_exactly_at_its_end() -> None:
    cues = caption_cues(SENTENCES)
    for sentence in SENTENCES:
        mine = [c for c in cues if sentence.start <= c.start < sentence.end]
        assert mine[0].start == sentence.start  # exactly, not approximately
        assert mine[-1].end == sentence.end


def test_cue_times_strictly_increase_and_never_overlap() -> None:
    cues = caption_cues(SENTENCES)
    for before, after in zip(cues, cues[1:]):
        assert after.start > before.start
        assert before.end <= after.start
        assert before.start < before.end


def test_parts_share_the_sentence_time_in_proportion_to_their_characters() -> None:
    cues = [c for c in caption_cues(SENTENCES) if 1.8 <= c.start < 9.3]
    total = sum(len(c.text) for c in cues)
    for cue in cues:
        assert cue.end - cue.start == pytest.approx(7.5 * len(cue.text) / total, abs=1e-9)
    assert cues[0].end == cues[1].start  # contiguous: no gap inside a sentence


def test_whitespace_is_collapsed_and_empty_sentences_give_no_cue() -> None:
    sentences = [TimedText(0, 1, "  Two\n\nlines\tjoined.  "), TimedText(1, 2, " \n "), TimedText(2, 3, "End.")]
    cues = caption_cues(sentences)
    assert [c.text for c in cues] == ["Two lines joined.", "End."]


def test_a_sentence_too_short_to_show_joins_its_neighbour() -> None:
    """An engine can return silence, trimmed to nothing: the text still reaches the captions."""
    cues = caption_cues(
        [
            TimedText(0.0, 0.0, "Silent opener."),
            TimedText(0.0, 1.0, "First."),
            TimedText(1.2, 1.2, "—"),
            TimedText(1.5, 2.0, "Last."),
        ]
    )
    assert cues == [Cue(0.0, 1.0, "Silent opener. First. —"), Cue(1.5, 2.0, "Last.")]
    assert caption_cues([TimedText(0.0, 0.0, "Nothing heard.")]) == []


def test_a_sentence_too_short_for_every_part_to_last_a_millisecond_is_one_cue() -> None:
    cues = caption_cues([TimedText(5.0, 5.001, LONG)])
    assert cues == [Cue(5.0, 5.001, LONG)]


@pytest.mark.parametrize(
    ("sentences", "message"),
    [
        ([TimedText(1.0, 0.5, "Backwards.")], "start <= end"),
        ([TimedText(-0.1, 0.5, "Negative.")], "start <= end"),
        ([TimedText(0.0, float("nan"), "NaN.")], "start <= end"),
        ([TimedText(0.0, 2.0, "One."), TimedText(1.5, 3.0, "Overlaps.")], "before the one before it ends"),
        ([TimedText(2.0, 3.0, "Late."), TimedText(0.0, 1.0, "Early.")], "before the one before it ends"),
    ],
)
def test_sentences_out_of_order_or_overlapping_are_refused(sentences: list[TimedText], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        caption_cues(sentences)


def test_max_chars_must_be_positive() -> None:
    with pytest.raises(ValueError):
        caption_cues(SENTENCES, max_chars=0)


# --- splitting rules (table) --------------------------------------------------------------------

SPLITS = [
    pytest.param("Short and sweet.", 40, ["Short and sweet."], id="short-unchanged"),
    pytest.param("a" * 20 + " " + "b" * 19, 40, ["a" * 20 + " " + "b" * 19], id="exactly-max-is-one-part"),
    pytest.param("a" * 20 + " " + "b" * 20, 40, ["a" * 20, "b" * 20], id="max-plus-one-is-two-parts"),
    pytest.param(
        "When the tide turned, the boat left the harbour quietly",
        40,
        ["When the tide turned,", "the boat left the harbour quietly"],
        id="clause-comma-preferred",
    ),
    pytest.param(
        "The fare went up; nobody could say why it did",
        40,
        ["The fare went up;", "nobody could say why it did"],
        id="clause-semicolon",
    ),
    pytest.param(
        "She said, “we are choosing,” and then she left the room for good",
        40,
        ["She said, “we are choosing,”", "and then she left the room for good"],
        id="comma-inside-closing-quote",
    ),
    pytest.param(
        "The crossing took an hour – longer when the wind came from the west",
        40,
        ["The crossing took an hour –", "longer when the wind came from the west"],
        id="dash-ends-a-clause",
    ),
    pytest.param(
        "Yes, the old ferry that crossed to the island every morning finally stopped",
        40,
        ["Yes, the old ferry that crossed to the", "island every morning finally stopped"],
        id="lopsided-clause-loses-to-even-words",
    ),
    pytest.param(
        "one two three four five six seven eight nine ten eleven twelve",
        40,
        ["one two three four five six seven", "eight nine ten eleven twelve"],
        id="no-punctuation-even-words",
    ),
    pytest.param(
        "see https://example.com/" + "x" * 50 + " for details",
        30,
        ["see", "https://example.com/" + "x" * 50, "for details"],
        id="overlong-word-is-its-own-part",
    ),
    pytest.param(
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma",
        30,
        ["alpha beta gamma delta", "epsilon zeta eta theta", "iota kappa lambda mu nu", "xi omicron pi rho sigma"],
        id="four-even-parts",
    ),
]


@pytest.mark.parametrize(("text", "max_chars", "parts"), SPLITS)
def test_long_sentence_splitting(text: str, max_chars: int, parts: list[str]) -> None:
    assert split_caption(text, max_chars) == parts
    cues = caption_cues([TimedText(10.0, 20.0, text)], max_chars=max_chars)
    assert [c.text for c in cues] == parts
    assert cues[0].start == 10.0 and cues[-1].end == 20.0


def test_long_sentence_parts_are_fewest_and_roughly_equal() -> None:
    text = " ".join(["word"] * 60)  # 299 characters
    parts = split_caption(text, 84)
    assert len(parts) == 4  # ceil(299 / 84)
    assert max(map(len, parts)) - min(map(len, parts)) <= 5  # one word and its space


# --- WebVTT -------------------------------------------------------------------------------------


def test_webvtt_is_read_back_by_webvtt_py() -> None:
    cues = caption_cues(SENTENCES)
    text = to_webvtt(cues)
    assert text.startswith("WEBVTT\n\n")
    captions = parse_vtt(text)
    assert len(captions) == len(cues)
    assert [caption_ms(c) for c in captions] == [(ms(c.start), ms(c.end)) for c in cues]
    assert [html.unescape(c.raw_text) for c in captions] == [c.text for c in cues]
    starts = [caption_ms(c)[0] for c in captions]
    assert starts == sorted(set(starts))  # strictly increasing in the file too


def test_webvtt_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "episode.vtt"
    path.write_text(to_webvtt(caption_cues(SENTENCES)), encoding="utf-8")
    assert len(reader().read(str(path))) == 5


def test_webvtt_timestamps_are_hours_minutes_seconds_millis() -> None:
    text = to_webvtt([Cue(3725.25, 3727.004, "x"), Cue(3727.004, 3599.9996 + 200, "y")])
    assert "01:02:05.250 --> 01:02:07.004" in text
    assert "01:02:07.004 --> 01:03:20.000" in text


def test_webvtt_escapes_markup_and_ampersands() -> None:
    text = to_webvtt([Cue(0, 1, "Tickets: <script>alert('x')</script> & more"), Cue(1, 2, "a --> b <i>not italic</i>")])
    assert "<script>" not in text and "<i>" not in text
    assert "Tickets: &lt;script&gt;alert('x')&lt;/script&gt; &amp; more" in text
    assert "a --&gt; b" in text  # "-->" inside cue text would be read as a timing line
    captions = parse_vtt(text)
    assert len(captions) == 2
    # webvtt-py strips cue tags from .text: escaped markup is text, so nothing is stripped
    assert captions[0].text == captions[0].raw_text
    assert html.unescape(captions[0].raw_text) == "Tickets: <script>alert('x')</script> & more"
    assert html.unescape(captions[1].raw_text) == "a --> b <i>not italic</i>"


def test_webvtt_cue_text_with_line_breaks_stays_one_cue() -> None:
    captions = parse_vtt(to_webvtt([Cue(0, 1, "one\n\ntwo"), Cue(1, 2, "three")]))
    assert [c.raw_text for c in captions] == ["one two", "three"]


def test_empty_cue_list_is_a_valid_webvtt_file() -> None:
    assert to_webvtt([]) == "WEBVTT\n"
    assert parse_vtt(to_webvtt([])) == []


# --- SubRip -------------------------------------------------------------------------------------


def test_srt_is_read_back_by_webvtt_py(tmp_path: Path) -> None:
    cues = caption_cues(SENTENCES)
    text = to_srt(cues)
    assert text.startswith("1\n00:00:00,000 --> 00:00:01,500\nThe ferry left at dawn.\n\n2\n")
    path = tmp_path / "episode.srt"
    path.write_text(text, encoding="utf-8")
    captions = list(reader().from_srt(str(path)).captions)
    assert len(captions) == len(cues)
    assert [caption_ms(c) for c in captions] == [(ms(c.start), ms(c.end)) for c in cues]
    assert [c.raw_text for c in captions] == [c.text for c in cues]  # SubRip has no escapes
    numbers = [int(block.split("\n", 1)[0]) for block in text.strip().split("\n\n")]
    assert numbers == list(range(1, len(cues) + 1))


def srt_module() -> ModuleType:
    """The ``srt`` package, a second independent SubRip parser (skips locally when missing, fails in CI)."""
    require_module("srt")
    import srt

    return srt


def srt_cues(sentences: list[TimedText]) -> list[Cue]:
    return caption_cues(sentences, SRT_LINE_CHARS, max_lines=SRT_LINES)


def check_srt_layout(sentences: list[TimedText], text: str) -> list:
    """``text`` parsed by ``srt``: every cue at most 2 lines of at most 32 characters, starts strictly
    increasing, no overlap, each cue inside the span of the sentence it shows, every word kept."""
    subtitles = list(srt_module().parse(text))
    spans = [(ms(s.start), ms(s.end)) for s in sentences if s.text.split()]
    for subtitle in subtitles:
        lines = subtitle.content.split("\n")
        assert 1 <= len(lines) <= 2, lines
        assert all(0 < len(line) <= 32 for line in lines), lines
    times = [(round(s.start.total_seconds() * 1000), round(s.end.total_seconds() * 1000)) for s in subtitles]
    for (start, end), (next_start, _) in zip(times, times[1:]):
        assert start < next_start and end <= next_start
    for start, end in times:
        assert start < end
        assert any(a <= start and end <= b for a, b in spans), (start, end)  # within one sentence's span
    words = [w for s in subtitles for w in s.content.split()]
    assert "".join(words) == "".join(w for s in sentences for w in s.text.split())  # long words may be cut
    return subtitles


def test_srt_cues_are_two_lines_of_32_characters_read_by_srt() -> None:
    """Issue 16: SRT cues were one line of up to 84 characters; Podcasting 2.0's guidance for SRT is at
    most 2 lines of at most 32 characters. WebVTT keeps its longer cues."""
    text = to_srt(srt_cues(SENTENCES))
    subtitles = check_srt_layout(SENTENCES, text)
    assert subtitles[0].content == "The ferry left at dawn."
    long = [s for s in subtitles if 1800 <= s.start.total_seconds() * 1000 < 9300]
    assert len(long) == 3 and all(s.content.count("\n") == 1 for s in long[:2])  # 165 characters: 6 lines
    assert long[0].start.total_seconds() == 1.8 and long[-1].end.total_seconds() == 9.3
    assert max(len(c.text) for c in caption_cues(SENTENCES)) > 64  # the WebVTT cues stay long


def test_a_word_longer_than_an_srt_line_is_cut() -> None:
    url = "https://example.org/" + "a" * 50
    sentences = [TimedText(0.0, 4.0, f"See {url} for more.")]
    subtitles = check_srt_layout(sentences, to_srt(srt_cues(sentences)))
    assert "".join(s.content.replace("\n", "") for s in subtitles).replace(" ", "") == f"See{url}formore."


# --- Podcasting 2.0 JSON ------------------------------------------------------------------------


def test_podcast_json_fields() -> None:
    cues = caption_cues(SENTENCES)
    document = json.loads(to_podcast_json(cues, speaker="Narrator"))
    assert document["version"] == "1.0.0"
    segments = document["segments"]
    assert len(segments) == len(cues)
    for segment, cue in zip(segments, cues):
        assert set(segment) == {"speaker", "startTime", "endTime", "body"}
        assert segment["speaker"] == "Narrator"
        assert isinstance(segment["startTime"], float) and isinstance(segment["endTime"], float)
        assert segment["startTime"] == ms(cue.start) / 1000
        assert segment["endTime"] == ms(cue.end) / 1000
        assert segment["body"] == cue.text  # raw text: JSON needs no markup escapes
    assert segments[0]["startTime"] == 0.0 and segments[-1]["endTime"] == 3727.004


def test_podcast_json_without_speaker_leaves_the_field_out() -> None:
    document = json.loads(to_podcast_json([Cue(0, 1, "東京 & <b>")]))
    assert document["segments"] == [{"startTime": 0.0, "endTime": 1.0, "body": "東京 & <b>"}]
    assert "東京" in to_podcast_json([Cue(0, 1, "東京")])  # UTF-8, not \\u escapes


# --- properties ---------------------------------------------------------------------------------

word = st.one_of(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzÉé東京", min_size=1, max_size=12),
    st.text(alphabet="abcdefghij", min_size=1, max_size=10).map(lambda w: w + ","),
    st.sampled_from(["–", "&", "<b>", "a<b", "x>y", "-->", "“quoted,”", "end.", "e.g.", "NOTE"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz/:.", min_size=40, max_size=120),  # URLs and such
)
sentence_words = st.lists(word, min_size=0, max_size=30)


@st.composite
def timed_sentences(draw: st.DrawFn) -> list[TimedText]:
    """Sentences in order, with gaps of zero or more, spoken at 5 to 50 characters a second."""
    sentences = []
    time = draw(st.floats(0, 100))
    for words in draw(st.lists(sentence_words, min_size=0, max_size=12)):
        time += draw(st.sampled_from([0.0, 0.0, 0.3, 0.75, draw(st.floats(0, 10))]))
        text = draw(st.sampled_from([" ", "\n", "  "])).join(words)
        duration = max(len(text), 1) * draw(st.floats(0.02, 0.2))
        sentences.append(TimedText(time, time + duration, text))
        time += duration
    return sentences


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences=timed_sentences(), max_chars=st.integers(10, 120))
def test_cues_are_ordered_within_limits_and_keep_every_word(sentences: list[TimedText], max_chars: int) -> None:
    cues = caption_cues(sentences, max_chars=max_chars)
    for before, after in zip(cues, cues[1:]):
        assert after.start > before.start
        assert before.end <= after.start
        assert ms(after.start) > ms(before.start)  # also in the files' whole milliseconds
    for cue in cues:
        assert cue.start < cue.end
        assert len(cue.text) <= max_chars or " " not in cue.text
    assert [w for c in cues for w in c.text.split()] == [w for s in sentences for w in s.text.split()]
    starts = {s.start for s in sentences if s.text.split()}
    assert {c.start for c in cues} >= starts  # every sentence's first part starts exactly on time

    captions = parse_vtt(to_webvtt(cues))
    assert [html.unescape(c.raw_text) for c in captions] == [c.text for c in cues]
    assert [caption_ms(c) for c in captions] == [(ms(c.start), ms(c.end)) for c in cues]
    if cues:  # webvtt-py refuses an empty SubRip file
        srt = parse_srt(to_srt(cues))
        assert [caption_ms(c) for c in srt] == [(ms(c.start), ms(c.end)) for c in cues]
        assert [c.raw_text for c in srt] == [c.text for c in cues]
    document = json.loads(to_podcast_json(cues))
    assert [s["body"] for s in document["segments"]] == [c.text for c in cues]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences=timed_sentences())
def test_srt_cues_keep_the_layout_the_times_and_every_word(sentences: list[TimedText]) -> None:
    cues = srt_cues(sentences)
    if not cues:
        return
    # sentences too short to give every cue a millisecond are shown whole (more lines): not drawn here
    if any(cue.text.count("\n") >= SRT_LINES for cue in cues):
        return
    check_srt_layout(sentences, to_srt(cues))

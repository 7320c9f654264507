"""gTTS: Google Translate's text-to-speech voice, over the network.

gTTS itself is used for what it does well: its text pre-processors and tokenizer (parts of at most
100 characters) and the request bodies (``gTTS(...).get_bodies()``). narrate sends the requests
itself, because gTTS has no retries, waits forever by default, and writes 0 bytes when an answer
carries no audio: here every request has a timeout, failures are retried with backoff, requests go
through one pooled session at a bounded concurrency and rate, and every MP3 part is decoded to PCM
before the parts are joined (MP3 files must never be byte-concatenated).

Google offers only normal and ``slow`` speech, so the voice's ``speed`` (0.5 to 2.0) is made by a
pitch-preserving time stretch of each chunk's audio (:mod:`narrate.audio.stretch`: Rubber Band
through ffmpeg), named in the engine's identity so that the chunk cache keys on it.

Language: a preset's ``lang`` and ``tld`` options, when set, are always used (``lang = "en"``,
``tld = "co.uk"``: British English whatever the article). When they are left out the engine
speaks the language it is asked for (the article's, through :class:`VoiceParams`), mapped to
Google's codes and regional accents by :func:`gtts_voice`: "pt-BR" -> lang "pt" at
translate.google.com.br, "es-MX" -> "es" at .com.mx, "fr-CA" -> "fr" at .ca, "en-GB" -> "en" at
.co.uk, "zh-TW" -> "zh-TW".
"""

from __future__ import annotations

import base64
import binascii
import collections
import email.utils
import importlib.util
import io
import math
import random
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime, timezone
from http import HTTPStatus
from typing import Any, ClassVar
from urllib.parse import urlsplit

import numpy as np
import requests
from requests.adapters import HTTPAdapter

from ...audio.mp3writer import resample
from ...audio.stretch import change_tempo, stretcher
from ...errors import EngineError
from ...models import Clip
from ...text.language import primary, region, script
from .base import Engine, EngineOptions, VoiceParams

INSTALL_HINT = "pip install 'narrate[gtts]'"
PATH = "_/TranslateWebserverUi/data/batchexecute"
RATE = 24000
"""Google's MP3s are 24 kHz mono; parts at another rate are resampled to it."""

_AUDIO = re.compile(r'jQ1olc","\[\\"(.*)\\"]')  # the same pattern gTTS uses
_TLD = re.compile(r"[a-z]{2,3}(\.[a-z]{2,3})?")


@dataclass(frozen=True)
class GttsOptions(EngineOptions):
    lang: str = ""
    """A language gTTS speaks, e.g. "en", "fr", "pt-PT", "zh-CN"; "" (the default): the language the
    engine is asked for (the article's), see :func:`gtts_voice`."""
    tld: str = ""
    """Google's top-level domain, which picks the accent: "com" (US), "co.uk", "com.au", "ca"…;
    "" (the default): the accent of the language's region ("pt-BR": "com.br"), else "com"."""
    slow: bool = False
    """Google's slow speech."""
    endpoint: str = ""
    """Base URL of the service; empty for Google's ``https://translate.google.{tld}``."""
    timeout: float = 10.0
    """Seconds to wait for each request to connect, and then for each read of the answer."""
    retries: int = 4
    """Extra attempts after the first, on 429, 5xx answers, connection errors and timeouts."""
    concurrency: int = 4
    """Requests in flight at most, across all chunks and threads of the engine."""
    rate: float = 0.0
    """Requests per second at most, across the engine; 0 = no limit."""

    def __post_init__(self) -> None:
        if not isinstance(self.lang, str):
            raise ValueError("'lang' must be a language code such as \"en\"")
        if self.lang:
            _check_lang(self.lang)
        if not isinstance(self.tld, str) or (self.tld and not _TLD.fullmatch(self.tld)):
            raise ValueError(f"'tld' must be a top-level domain such as \"com\" or \"co.uk\", not {self.tld!r}")
        if not isinstance(self.slow, bool):
            raise ValueError(f"'slow' must be true or false, not {self.slow!r}")
        if not isinstance(self.endpoint, str) or (self.endpoint and not _is_http_url(self.endpoint)):
            raise ValueError(
                f"'endpoint' must be an http:// or https:// URL (or empty for Google), not {self.endpoint!r}"
            )
        if not _number(self.timeout) or not 0 < self.timeout <= 300:
            raise ValueError(f"'timeout' must be more than 0 and at most 300 seconds, not {self.timeout!r}")
        if not _whole(self.retries) or not 0 <= self.retries <= 10:
            raise ValueError(f"'retries' must be a whole number from 0 to 10, not {self.retries!r}")
        if not _whole(self.concurrency) or not 1 <= self.concurrency <= 32:
            raise ValueError(f"'concurrency' must be a whole number from 1 to 32, not {self.concurrency!r}")
        if not _number(self.rate) or not 0 <= self.rate <= 1000:
            raise ValueError(f"'rate' must be 0 (no limit) or up to 1000 requests per second, not {self.rate!r}")


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_http_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not parts.query and not parts.fragment


def _check_lang(lang: str) -> None:
    """Languages are checked against gTTS's own list (shipped with it, no network); without gTTS
    installed the engine cannot start anyway and says so."""
    try:
        from gtts.lang import tts_langs
    except ImportError:
        return
    langs = tts_langs()
    if lang in langs:
        return
    close = [k for k in langs if k.lower() == lang.lower()] or [k for k in langs if k == lang.split("-")[0].lower()]
    hint = f" (did you mean {close[0]!r}?)" if close else " (e.g. \"en\", \"fr\", \"pt-PT\", \"zh-CN\")"
    raise ValueError(f"'lang' must be a language gTTS speaks, not {lang!r}{hint}")


_ENGLISH_TLDS = {"US": "com", "GB": "co.uk", "UK": "co.uk", "AU": "com.au", "CA": "ca", "IN": "co.in", "IE": "ie",
                 "ZA": "co.za", "NZ": "co.nz"}
_REGIONAL = {
    "fr": {"CA": "ca", "FR": "fr"},
    "pt": {"BR": "com.br", "PT": "pt"},
    "es": {"ES": "es", "MX": "com.mx", "US": "us", **dict.fromkeys(
        ["419", "AR", "BO", "CL", "CO", "CR", "CU", "DO", "EC", "GT", "HN", "NI", "PA", "PE", "PR", "PY", "SV",
         "UY", "VE"], "com.mx")},
}
"""Regions whose accent Google gives through its domain (gTTS's documentation lists en, fr, pt, es)."""
_GOOGLE_CODES = {"he": "iw", "jv": "jw", "nb": "no", "nn": "no", "fil": "tl"}
"""Languages Google knows by another code."""


def gtts_voice(language: str) -> tuple[str, str] | None:
    """Google's (lang, tld) for a BCP 47 tag, or None when gTTS does not speak the language.

    "pt-BR" -> ("pt", "com.br"), "es-MX" -> ("es", "com.mx"), "fr-CA" -> ("fr", "ca"),
    "en-GB" -> ("en", "co.uk"), "zh-Hant-TW" -> ("zh-TW", "com"), "zh-HK" -> ("yue", "com"),
    "he" -> ("iw", "com"); a language without a region gets "com", Google's own accent for it.
    """
    from gtts.lang import tts_langs

    code, area = primary(language), region(language)
    if not code:
        return None
    tld = (_ENGLISH_TLDS if code == "en" else _REGIONAL.get(code, {})).get(area, "com")
    if code == "zh":
        if area in ("HK", "MO"):
            return "yue", "com"
        traditional = script(language) == "Hant" or area == "TW"
        return ("zh-TW" if traditional else "zh-CN"), "com"
    if code == "pt" and area == "PT":
        return "pt-PT", "pt"
    lang = _GOOGLE_CODES.get(code, code)
    return (lang, tld) if lang in tts_langs() else None


class _Failure(Exception):
    """One failed attempt: the reason (for the user), whether to try again, and the server's wish."""

    def __init__(self, reason: str, retryable: bool, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        self.retry_after = retry_after


class _FairSlots:
    """A semaphore that hands its slots out first come, first served, so parts go out in the order
    they were queued (threading.Semaphore lets a thread that just released a slot take it again
    before the threads already waiting)."""

    def __init__(self, count: int) -> None:
        self._free = count
        self._lock = threading.Lock()
        self._waiting: collections.deque[threading.Event] = collections.deque()

    def __enter__(self) -> None:
        with self._lock:
            if self._free and not self._waiting:
                self._free -= 1
                return
            turn = threading.Event()
            self._waiting.append(turn)
        turn.wait()  # the slot is handed over by __exit__, already counted

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            if self._waiting:
                self._waiting.popleft().set()
            else:
                self._free += 1


class _Abandoned(Exception):
    """Another part of the same chunk failed: the rest of the chunk is not worth asking for."""


class GttsEngine(Engine):
    """Google Translate's voice through gTTS's protocol; see the module docstring."""

    name: ClassVar[str] = "gtts"
    needs_network: ClassVar[bool] = True
    install_hint: ClassVar[str] = INSTALL_HINT
    Options: ClassVar[type[EngineOptions]] = GttsOptions
    identity_ignores: ClassVar[frozenset[str]] = frozenset({"endpoint", "timeout", "retries", "concurrency", "rate"})

    # gTTS cuts a chunk into parts of at most 100 characters itself and they are fetched in
    # parallel, so a chunk can hold a few sentences; the limit bounds the work per chunk.
    _MAX_CHARS = 500
    BACKOFF_BASE: ClassVar[float] = 0.5
    """Seconds; the n-th retry waits a random time up to ``BACKOFF_BASE * 2**(n-1)`` ("full jitter")."""
    BACKOFF_CAP: ClassVar[float] = 8.0
    RETRY_AFTER_CAP: ClassVar[float] = 30.0
    """The most a server's ``Retry-After`` is obeyed for."""

    def __init__(
        self,
        options: EngineOptions,
        *,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(options)
        if not isinstance(options, GttsOptions):
            raise TypeError("GttsEngine needs GttsOptions")
        self._options = options
        self.sleep = sleep
        """Called for every wait (backoff, rate limit); tests record the delays instead."""
        self.rng = rng if rng is not None else random.Random()  # nosec B311 # retry jitter, not a secret
        """Source of the backoff jitter (its ``uniform(a, b)`` is used)."""
        try:
            import gtts
            from gtts.tts import gTTS
        except ImportError:
            raise EngineError(f"the gtts engine needs gTTS: {INSTALL_HINT}") from None
        self._gtts = gTTS
        self._version = str(gtts.__version__)
        self._soundfile = _soundfile()
        self._headers = dict(gTTS.GOOGLE_TTS_HEADERS)

        self._session = requests.Session()
        self._session.verify = True
        adapter = HTTPAdapter(pool_connections=1, pool_maxsize=max(10, options.concurrency), max_retries=0)
        self._session.mount("https://", adapter)
        self._session.mount("http://", adapter)
        self._slots = _FairSlots(options.concurrency)
        # Decoding happens in the same workers, outside the request slots, so that a part being
        # decoded does not keep a request from going out.
        self._pool = ThreadPoolExecutor(max_workers=2 * options.concurrency, thread_name_prefix="narrate-gtts")
        self._rate_lock = threading.Lock()
        self._next_request = 0.0
        self._closed = False

    @classmethod
    def missing(cls) -> str | None:
        import importlib.util

        needed = {"gTTS": "gtts", "soundfile": "soundfile"}
        absent = [package for package, module in needed.items() if importlib.util.find_spec(module) is None]
        return f"{' and '.join(absent)} not installed" if absent else None

    @property
    def max_chars(self) -> int:
        return self._MAX_CHARS

    @property
    def sample_rate(self) -> int:
        return RATE

    @property
    def version(self) -> str:
        return self._version

    @property
    def concurrency(self) -> int:
        return self._options.concurrency

    @classmethod
    def spoken_languages(cls, options: EngineOptions) -> frozenset[str] | None:
        if isinstance(options, GttsOptions) and options.lang:
            return frozenset({_primary_of_google(options.lang)})
        try:
            from gtts.lang import tts_langs
        except ImportError:
            return None
        return frozenset(_primary_of_google(code) for code in tts_langs())

    @classmethod
    def speaks(cls, options: EngineOptions, language: str) -> bool | None:
        if isinstance(options, GttsOptions) and options.lang:
            return primary(language) == _primary_of_google(options.lang)
        if importlib.util.find_spec("gtts") is None:
            return None
        return gtts_voice(language) is not None

    def request_for(self, language: str) -> tuple[str, str]:
        """The (lang, tld) asked for when speaking ``language``: the preset's options where set,
        else :func:`gtts_voice`; EngineError when Google does not speak the language."""
        o = self._options
        if o.lang:
            return o.lang, o.tld or "com"
        found = gtts_voice(language)
        if found is None:
            raise EngineError(
                f"gtts does not speak '{language}' (Google Translate speaks {len(self.spoken_languages(o) or ())} "
                "languages; set lang in the preset's [options] to one of them)"
            )
        lang, tld = found
        return lang, o.tld or tld

    def url_for(self, tld: str) -> str:
        """Where the requests for accent ``tld`` go (the endpoint, when one is set)."""
        base = self._options.endpoint.rstrip("/") if self._options.endpoint else f"https://translate.google.{tld}"
        return f"{base}/{PATH}"

    @property
    def url(self) -> str:
        """Where the requests go for the preset's own accent (``tld``, else "com")."""
        return self.url_for(self._options.tld or "com")

    def close(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._session.close()

    def synthesize(self, text: str, voice: VoiceParams) -> Clip:
        if self._closed:
            raise EngineError("gtts: the engine was closed")
        o = self._options
        lang, tld = self.request_for(voice.language)
        url = self.url_for(tld)
        try:
            bodies = self._gtts(text, lang=lang, tld=tld, slow=o.slow, lang_check=False).get_bodies()
        except AssertionError:  # gTTS asserts there is something to say: only spaces and punctuation
            bodies = []
        if not bodies:
            return Clip(np.zeros(0, dtype=np.float32), RATE)
        abandon = threading.Event()
        futures: list[Future[np.ndarray]] = [self._pool.submit(self._part, url, body, text, abandon) for body in bodies]
        done, _ = wait(futures, return_when=FIRST_EXCEPTION)
        failed = [f for f in futures if f in done and f.exception() is not None]
        if failed:
            abandon.set()
            for future in futures:
                future.cancel()
            error = failed[0].exception()
            if isinstance(error, EngineError):
                raise error
            raise EngineError(f"gtts: could not speak {_snippet(text)}: {error}") from error
        clip = Clip(np.concatenate([f.result() for f in futures]), RATE)
        return change_tempo(clip, voice.speed, self.pace(voice)) if self.pace(voice) else clip

    def pace(self, voice: VoiceParams) -> str:
        return stretcher() if voice.speed != 1.0 else ""

    # -- one part: request with retries, then decode -------------------------------------------

    def _part(self, url: str, body: str, text: str, abandon: threading.Event) -> np.ndarray:
        attempts = 1 + self._options.retries
        for attempt in range(1, attempts + 1):
            if abandon.is_set():
                raise _Abandoned()
            try:
                mp3 = self._request(url, body, abandon)
                return self._decode(mp3)
            except _Failure as failure:
                if not failure.retryable or attempt == attempts:
                    abandon.set()  # before another worker picks up the next part of this chunk
                    counted = f"{attempt} attempt" + ("s" if attempt > 1 else "")
                    raise EngineError(
                        f"gtts: could not speak {_snippet(text)} after {counted}: {failure.reason}"
                    ) from None
                self.sleep(self._backoff(attempt, failure.retry_after))
        raise AssertionError("unreachable")

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.RETRY_AFTER_CAP)
        return self.rng.uniform(0.0, min(self.BACKOFF_CAP, self.BACKOFF_BASE * 2 ** (attempt - 1)))

    def _wait_for_rate(self) -> None:
        """A token bucket holding one token: requests start at least ``1/rate`` seconds apart."""
        if self._options.rate <= 0:
            return
        with self._rate_lock:
            now = time.monotonic()
            start = max(now, self._next_request)
            self._next_request = start + 1.0 / self._options.rate
        if start > now:
            self.sleep(start - now)

    def _request(self, url: str, body: str, abandon: threading.Event) -> bytes:
        """One POST; the MP3 bytes of the answer, or :class:`_Failure`."""
        timeout = self._options.timeout
        with self._slots:
            if abandon.is_set():
                raise _Abandoned()
            self._wait_for_rate()
            try:
                response = self._session.post(
                    url, data=body.encode("utf-8"), headers=self._headers, timeout=(timeout, timeout)
                )
            except requests.exceptions.SSLError:
                raise _Failure(f"the TLS certificate of {urlsplit(url).netloc} could not be verified", False) from None
            except requests.exceptions.Timeout:
                raise _Failure(f"no answer within {timeout:g} s", True) from None
            except requests.exceptions.ConnectionError as exc:
                raise _Failure(_connection_reason(exc, urlsplit(url).netloc), True) from None
            except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError):
                raise _Failure("the answer was cut off", True) from None
            except requests.exceptions.RequestException as exc:
                raise _Failure(f"the request failed ({type(exc).__name__})", False) from None
        status = response.status_code
        if status != 200:
            reason = response.reason or _phrase(status)
            retryable = status == 429 or status >= 500
            retry_after = _retry_after(response.headers.get("Retry-After")) if status in (429, 503) else None
            raise _Failure(f"HTTP {status} {reason}".rstrip(), retryable, retry_after)
        return _audio_of(response.content)

    def _decode(self, mp3: bytes) -> np.ndarray:
        """An MP3 part as float32 mono PCM at :data:`RATE`, decoded in this process by libsndfile
        (mpg123 inside, gapless: a LAME/Xing tag's encoder delay and padding are trimmed), so the
        ~150 parts of an article cost no ffmpeg process each."""
        sf = self._soundfile
        try:
            with sf.SoundFile(io.BytesIO(mp3)) as part:
                rate = part.samplerate
                samples = part.read(dtype="float32", always_2d=True)
        except (sf.LibsndfileError, RuntimeError, TypeError, ValueError):
            raise _Failure("the server's audio could not be decoded", False) from None
        if samples.size == 0:
            raise _Failure("the server answered without audio", False)
        mono = samples[:, 0] if samples.shape[1] == 1 else samples.mean(axis=1, dtype=np.float32)
        return resample(Clip(np.ascontiguousarray(mono), int(rate)), RATE)


def _soundfile() -> Any:
    """soundfile, whose libsndfile must read MP3 (1.1 and later); EngineError when it cannot."""
    try:
        import soundfile
    except ImportError:
        raise EngineError(f"gtts cannot decode its MP3s: soundfile is not installed: {INSTALL_HINT}") from None
    if "MP3" not in soundfile.available_formats():
        raise EngineError(
            f"gtts cannot decode its MP3s: libsndfile {soundfile.__libsndfile_version__} has no MP3 support "
            "(1.1 or later is needed; the soundfile wheel ships one)"
        )
    return soundfile


def _audio_of(content: bytes) -> bytes:
    """The MP3 in a batchexecute answer, found the way gTTS finds it."""
    for line in content.decode("utf-8", errors="replace").splitlines():
        if "jQ1olc" not in line:
            continue
        found = _AUDIO.search(line)
        if found is None:
            break
        try:
            audio = base64.b64decode(found.group(1).encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            break
        if audio:
            return audio
        break
    raise _Failure("the server answered without audio", False)


def _primary_of_google(code: str) -> str:
    """The primary subtag of one of Google's codes, in BCP 47 terms ("iw" -> "he", "zh-CN" -> "zh")."""
    found = primary(code)
    return {"iw": "he", "jw": "jv"}.get(found, found)


def _retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (seconds or an HTTP date); None when absent or odd."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _connection_reason(exc: Exception, host: str) -> str:
    text = str(exc)
    if "RemoteDisconnected" in text or "Connection aborted" in text:
        return f"{host} closed the connection without answering"
    errno = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", text)
    return f"cannot connect to {host}" + (f" ({errno.group(1).strip()})" if errno else "")


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _snippet(text: str, limit: int = 20) -> str:
    """The start of a chunk, quoted, to name it in an error."""
    flat = " ".join(text.split())
    return f'"{flat[:limit].rstrip()}…"' if len(flat) > limit else f'"{flat}"'

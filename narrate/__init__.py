"""narrate: articles in, listenable audio out.

    import narrate
    report = narrate.build(["article.txt"], out_dir="output")
    for result in report.results:
        print(result.source, result.record.audio.file if result.ok else result.error)

The public names below are imported on first use (PEP 562), so that ``import narrate`` and the
``narrate`` command's start-up do not pay for the text rules, the normalisers and the audio stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .config import Config, ShowConfig, load_config
    from .errors import (
        ConfigError,
        DownloadError,
        EngineError,
        InputError,
        NarrateError,
        OutputError,
        PublishError,
    )
    from .models import Article, Block, BlockKind, Chunk, Clip
    from .pipeline import ArticleResult, BuildReport, Narrator, Progress, build, rebuild_feed
    from .publish.catalog import EpisodeRecord, load_catalog
    from .publish.listen import ListenReport, listen
    from .speech.voices import VoicePreset, load_preset
    from .text.chunk import make_chunks, split_sentences
    from .text.clean import clean_text
    from .text.intake import read_article_file
    from .text.rules import DEFAULT_RULES, LineRule

__version__ = "0.1.0"

_LAZY: dict[str, str] = {
    **dict.fromkeys(("Config", "ShowConfig", "load_config"), ".config"),
    **dict.fromkeys(
        ("ConfigError", "DownloadError", "EngineError", "InputError", "NarrateError", "OutputError", "PublishError"),
        ".errors",
    ),
    **dict.fromkeys(("Article", "Block", "BlockKind", "Chunk", "Clip"), ".models"),
    **dict.fromkeys(("ArticleResult", "BuildReport", "Narrator", "Progress", "build", "rebuild_feed"), ".pipeline"),
    **dict.fromkeys(("EpisodeRecord", "load_catalog"), ".publish.catalog"),
    **dict.fromkeys(("ListenReport", "listen"), ".publish.listen"),
    **dict.fromkeys(("VoicePreset", "load_preset"), ".speech.voices"),
    **dict.fromkeys(("make_chunks", "split_sentences"), ".text.chunk"),
    "clean_text": ".text.clean",
    "read_article_file": ".text.intake",
    **dict.fromkeys(("DEFAULT_RULES", "LineRule"), ".text.rules"),
}
"""Each public name and the module that defines it."""


def _load(module: str) -> Any:
    """The submodule ``module`` (a key of :data:`_LAZY`'s values), by a plain import: no dynamic imports."""
    if module == ".config":
        from . import config as loaded
    elif module == ".errors":
        from . import errors as loaded
    elif module == ".models":
        from . import models as loaded
    elif module == ".pipeline":
        from . import pipeline as loaded
    elif module == ".publish.catalog":
        from .publish import catalog as loaded
    elif module == ".publish.listen":
        from .publish import listen as loaded
    elif module == ".speech.voices":
        from .speech import voices as loaded
    elif module == ".text.chunk":
        from .text import chunk as loaded
    elif module == ".text.clean":
        from .text import clean as loaded
    elif module == ".text.intake":
        from .text import intake as loaded
    elif module == ".text.rules":
        from .text import rules as loaded
    else:
        raise AttributeError(f"narrate has no submodule {module}")
    return loaded


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'narrate' has no attribute '{name}'")
    value = getattr(_load(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Article",
    "ArticleResult",
    "Block",
    "BlockKind",
    "BuildReport",
    "Chunk",
    "Clip",
    "Config",
    "ConfigError",
    "DEFAULT_RULES",
    "EngineError",
    "EpisodeRecord",
    "InputError",
    "LineRule",
    "ListenReport",
    "NarrateError",
    "Narrator",
    "OutputError",
    "Progress",
    "PublishError",
    "DownloadError",
    "ShowConfig",
    "VoicePreset",
    "__version__",
    "build",
    "clean_text",
    "listen",
    "load_catalog",
    "load_config",
    "load_preset",
    "make_chunks",
    "read_article_file",
    "rebuild_feed",
    "split_sentences",
]

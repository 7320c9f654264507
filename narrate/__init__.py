"""narrate: articles in, listenable audio out.

    import narrate
    report = narrate.build(["article.txt"], out_dir="output")
    for result in report.results:
        print(result.source, result.record.audio.file if result.ok else result.error)
"""

from .config import Config, ShowConfig, load_config
from .errors import ConfigError, DownloadError, EngineError, InputError, NarrateError, OutputError, PublishError
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

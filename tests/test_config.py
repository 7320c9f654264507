"""narrate.config: narrate.toml of an output folder, --config, command-line overrides, the template."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

from narrate.config import (
    CONFIG_NAME,
    DEFAULT_BASE_URL,
    TEMPLATE,
    BuildConfig,
    Config,
    IntakeConfig,
    ListenConfig,
    PagesConfig,
    ShowConfig,
    load_config,
    write_config_template,
)
from narrate.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def config_error(path: Path) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message
    return message


# --- defaults and where the file is found ------------------------------------------------------


def test_defaults() -> None:
    config = load_config()
    assert config == Config()
    assert config.path is None
    assert config.show.title == "Narrated articles"
    assert config.show.base_url == DEFAULT_BASE_URL == "http://localhost:8000/"
    assert config.uses_default_base_url
    assert config.build == BuildConfig(voice="default", bitrate=64, sample_rate=44100)


def test_defaults_when_out_dir_has_no_config(tmp_path: Path) -> None:
    config = load_config(out_dir=tmp_path)
    assert config == Config()
    assert config.path is None


def test_out_dir_config_is_loaded_when_present(tmp_path: Path) -> None:
    path = write(tmp_path / CONFIG_NAME, '[show]\ntitle = "Harbour Radio"\n[build]\nbitrate = 96\n')
    config = load_config(out_dir=tmp_path)
    assert config.path == path
    assert config.show.title == "Harbour Radio"
    assert config.build.bitrate == 96
    assert config.show.description == ShowConfig().description  # the rest stays default
    assert config.build.voice == "default"


def test_config_path_is_used(tmp_path: Path) -> None:
    path = write(tmp_path / "elsewhere" / "show.toml", '[show]\nbase_url = "https://pod.example.org/harbour/"\n')
    config = load_config(path)
    assert config.path == path
    assert config.show.base_url == "https://pod.example.org/harbour/"
    assert not config.uses_default_base_url


def test_config_path_wins_over_the_out_dir_file(tmp_path: Path) -> None:
    write(tmp_path / "out" / CONFIG_NAME, '[show]\ntitle = "From the folder"\n')
    given = write(tmp_path / "given.toml", '[show]\ntitle = "From --config"\n')
    config = load_config(given, out_dir=tmp_path / "out")
    assert config.show.title == "From --config"
    assert config.path == given


def test_missing_config_path_is_an_error(tmp_path: Path) -> None:
    assert "no such file" in config_error(tmp_path / "absent.toml")


def test_an_out_dir_config_that_is_a_folder_is_ignored(tmp_path: Path) -> None:
    (tmp_path / CONFIG_NAME).mkdir()
    assert load_config(out_dir=tmp_path) == Config()


def test_path_is_not_part_of_equality(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.toml", "")
    config = load_config(path)
    assert config.path == path
    assert config == Config()


# --- validation --------------------------------------------------------------------------------


def test_base_url_gets_a_trailing_slash(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", '[show]\nbase_url = "https://example.org/pod"\n')
    assert load_config(path).show.base_url == "https://example.org/pod/"


@pytest.mark.parametrize(
    "base_url", ["ftp://example.org/", "example.org/pod/", "/pod/", "", "https://", "mailto:a@example.org"]
)
def test_bad_base_url(tmp_path: Path, base_url: str) -> None:
    path = write(tmp_path / "c.toml", f'[show]\nbase_url = "{base_url}"\n')
    message = config_error(path)
    assert "[show]" in message
    assert "'base_url' must be an absolute http(s) URL" in message


@pytest.mark.parametrize("bitrate", [0, 63, 65, 1000, -64])
def test_bad_bitrate(tmp_path: Path, bitrate: int) -> None:
    path = write(tmp_path / "c.toml", f"[build]\nbitrate = {bitrate}\n")
    message = config_error(path)
    assert "[build]" in message
    assert f"'bitrate' must be an MP3 bitrate such as 64 or 96, not {bitrate}" in message


@pytest.mark.parametrize("value", ['"64"', "64.0", "true"])
def test_bitrate_of_the_wrong_type(tmp_path: Path, value: str) -> None:
    path = write(tmp_path / "c.toml", f"[build]\nbitrate = {value}\n")
    assert "'bitrate' must be a whole number" in config_error(path)


@pytest.mark.parametrize("bitrate", [32, 64, 128, 320])
def test_good_bitrates(tmp_path: Path, bitrate: int) -> None:
    path = write(tmp_path / "c.toml", f"[build]\nbitrate = {bitrate}\n")
    assert load_config(path).build.bitrate == bitrate


def test_bad_sample_rate(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", "[build]\nsample_rate = 22050\n")
    assert "'sample_rate' must be 32000, 44100 or 48000, not 22050" in config_error(path)


def test_empty_title(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", '[show]\ntitle = "  "\n')
    assert "'title' must not be empty" in config_error(path)


def test_unknown_key_names_file_table_and_key(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", '[show]\ntitel = "typo"\n')
    message = config_error(path)
    assert message.startswith(f"{path} [show]: unknown key 'titel'")


def test_unknown_table(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", "[feed]\nx = 1\n")
    assert "unknown key 'feed'" in config_error(path)


def test_malformed_toml(tmp_path: Path) -> None:
    assert "not valid TOML" in config_error(write(tmp_path / "c.toml", "[show\n"))


# --- command-line overrides --------------------------------------------------------------------


def test_overrides_replace_title_and_base_url() -> None:
    config = Config().with_overrides(show_title="Harbour Radio", base_url="https://pod.example.org/h")
    assert config.show.title == "Harbour Radio"
    assert config.show.base_url == "https://pod.example.org/h/"
    assert config.show.description == ShowConfig().description
    assert config.build == BuildConfig()


def test_overrides_keep_the_file_and_its_other_settings(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", '[show]\ntitle = "File title"\nauthor = "Ann"\n[build]\nbitrate = 32\n')
    config = load_config(path).with_overrides(show_title="CLI title")
    assert config.show.title == "CLI title"
    assert config.show.author == "Ann"
    assert config.build.bitrate == 32
    assert config.path == path


def test_no_overrides_is_the_same_config() -> None:
    config = Config()
    assert config.with_overrides() is config


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"base_url": "not a url"}, "command line: 'base_url' must be an absolute http(s) URL"),
        ({"show_title": ""}, "command line: 'title' must not be empty"),
    ],
)
def test_bad_overrides(overrides: dict[str, str], expected: str) -> None:
    with pytest.raises(ConfigError) as info:
        Config().with_overrides(**overrides)
    assert str(info.value).startswith(expected)


# --- the shipped template ----------------------------------------------------------------------


def test_shipped_template_loads_and_equals_the_defaults_exactly() -> None:
    config = load_config(TEMPLATE)
    assert config == Config()
    assert config.path == TEMPLATE


def test_shipped_template_lists_every_setting() -> None:
    data = tomllib.loads(TEMPLATE.read_text(encoding="utf-8"))
    assert set(data) == {"show", "build", "clean", "intake", "cache", "episode", "listen", "pages", "voices"}
    assert set(data["listen"]) == {f.name for f in dataclasses.fields(ListenConfig)}
    assert set(data["pages"]) == {f.name for f in dataclasses.fields(PagesConfig)}
    assert data["voices"] == {}  # routes are shown commented out, as examples
    assert set(data["intake"]) == {f.name for f in dataclasses.fields(IntakeConfig)}
    assert set(data["show"]) == {f.name for f in dataclasses.fields(ShowConfig)}
    assert set(data["build"]) == {f.name for f in dataclasses.fields(BuildConfig)}
    assert data["clean"] == {"disable": []}  # rules are shown commented out, as an example


def test_write_config_template_into_a_new_folder(tmp_path: Path) -> None:
    written = write_config_template(tmp_path)
    assert written == tmp_path / CONFIG_NAME
    assert written.read_bytes() == TEMPLATE.read_bytes()
    assert load_config(out_dir=tmp_path) == Config()


def test_write_config_template_never_overwrites(tmp_path: Path) -> None:
    mine = write(tmp_path / CONFIG_NAME, '[show]\ntitle = "Mine"\n')
    assert write_config_template(tmp_path) is None
    assert mine.read_text(encoding="utf-8") == '[show]\ntitle = "Mine"\n'
    assert write_config_template(tmp_path) is None  # twice, still untouched
    assert load_config(out_dir=tmp_path).show.title == "Mine"


def test_write_config_template_does_not_overwrite_a_broken_file(tmp_path: Path) -> None:
    broken = write(tmp_path / CONFIG_NAME, "[show\n")
    assert write_config_template(tmp_path) is None
    assert broken.read_text(encoding="utf-8") == "[show\n"


def test_clean_rules_from_the_config(tmp_path: Path) -> None:
    path = write(
        tmp_path / CONFIG_NAME,
        '[clean]\ndisable = ["site-tag"]\n[[clean.rules]]\nname = "promo"\npattern = "(?i)visit our shop.*"\n',
    )
    config = load_config(path)
    names = [rule.name for rule in config.line_rules()]
    assert names[0] == "promo" and "site-tag" not in names and "byline" in names


@pytest.mark.parametrize(
    "body, message",
    [
        ('[clean]\ndisable = "site-tag"\n', "[clean]: 'disable' must be a list, not the string 'site-tag'"),
        ('[clean]\ndisable = ["nope"]\n', "[clean]: unknown rule 'nope' in 'disable'"),
        ('[[clean.rules]]\nname = "x"\n', "[clean]: 'rules' #1: missing key 'pattern'"),
        ('[[clean.rules]]\nname = "x"\npattern = "("\n', "[clean]: rule 'x': bad pattern"),
    ],
)
def test_bad_clean_config_names_file_and_key(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path / CONFIG_NAME, body)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path} {message}") or str(caught.value).startswith(f"{path}{message}")


@pytest.mark.parametrize(
    "body, message",
    [
        ('[show]\ncategory = "Helth & Fitness"\n', "[show]: 'category': 'Helth & Fitness' is not an Apple Podcasts category; did you mean 'Health & Fitness'?"),
        ('[show]\ncategory = "News"\nsubcategory = "Gadgets"\n', "[show]: 'category': 'Gadgets' is not a subcategory of 'News'"),
        ('[show]\nimage = "ftp://x.org/a.jpg"\n', "[show]: 'image' must be an http(s) URL or a file name"),
        ('[show]\nimage = "/etc/passwd"\n', "[show]: 'image' must be an http(s) URL or a file inside the output folder"),
        ('[show]\nimage = "../shared/cover.jpg"\n', "'image' must be an http(s) URL or a file inside the output folder"),
        ('[show]\nimage = "C:\\\\art\\\\cover.jpg"\n', "'image' must be an http(s) URL or a file inside the output folder"),
        ('[intake]\ntimeout = 1e300\n', "[intake]: 'timeout' must be at most 86400 seconds (a day)"),
        ('[show]\nlocked = true\n', "[show]: 'locked' needs 'owner_email'"),
        ('[show]\ntype = "daily"\n', "'type' must be \"episodic\" or \"serial\""),
    ],
)
def test_show_settings_a_directory_would_refuse(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path / CONFIG_NAME, body)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert message in str(caught.value) and str(caught.value).startswith(str(path))


@pytest.mark.parametrize("image", ["cover.jpg", "art/cover.png", "https://example.org/cover.jpg"])
def test_show_images_in_the_folder_or_on_the_web_are_accepted(tmp_path: Path, image: str) -> None:
    path = write(tmp_path / CONFIG_NAME, f'[show]\nimage = "{image}"\n')
    assert load_config(path).show.image == image


# --- languages and voices ----------------------------------------------------------------------


def test_build_language_is_auto_or_a_tag(tmp_path: Path) -> None:
    assert Config().build.assumed_language is None
    config = load_config(write(tmp_path / "narrate.toml", '[build]\nlanguage = "pt_br"\n'))
    assert config.build.assumed_language == "pt-BR"
    write(tmp_path / "bad.toml", '[build]\nlanguage = "Spanish please"\n')
    assert "'language' must be \"auto\" or a language tag" in config_error(tmp_path / "bad.toml")


def test_the_voices_table_routes_languages_to_presets(tmp_path: Path) -> None:
    assert Config().voices == {}
    config = load_config(write(tmp_path / "narrate.toml", '[voices]\nes = "gtts"\n"*" = "espeak"\n'))
    assert config.voices == {"es": "gtts", "*": "espeak"}


@pytest.mark.parametrize(
    ("table", "fragment"),
    [
        ('"not a tag!" = "espeak"', "'not a tag!' is not a language tag"),
        ('es = ""', "'es' must name a voice preset"),
        ("es = 3", "'es' must name a voice preset"),
    ],
)
def test_bad_voice_routes(tmp_path: Path, table: str, fragment: str) -> None:
    write(tmp_path / "narrate.toml", f"[voices]\n{table}\n")
    assert fragment in config_error(tmp_path / "narrate.toml")


def test_with_language_sets_the_language_of_undeclared_articles() -> None:
    assert Config().with_language("es").build.assumed_language == "es"
    assert Config().with_language(None) == Config()
    with pytest.raises(ConfigError, match="'xx yy' is not a language tag"):
        Config().with_language("xx yy")


def test_pages_settings(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / "p.toml", '[pages]\narticle_scripts = "keep"\n'))
    assert config.pages == PagesConfig(article_scripts="keep") and config.pages.keep_scripts
    assert not Config().pages.keep_scripts  # the article copy is without its scripts unless asked
    with pytest.raises(ConfigError, match="'article_scripts' must be \"remove\" or \"keep\", not 'yes'"):
        load_config(write(tmp_path / "bad-pages.toml", '[pages]\narticle_scripts = "yes"\n'))


def test_listen_settings(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / "n.toml", '[listen]\nmodel = "whisper-base"\nthreshold = 0.5\n'))
    assert config.listen == ListenConfig(model="whisper-base", threshold=0.5)
    with pytest.raises(ConfigError, match="threshold"):
        load_config(write(tmp_path / "bad.toml", "[listen]\nthreshold = 2\n"))

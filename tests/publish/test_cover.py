from __future__ import annotations

from pathlib import Path

from narrate.publish.cover import read_cover
from narrate.text.intake import IntakeConfig


def test_local_only_reads_a_file_and_never_downloads(tmp_path: Path) -> None:
    """A build reads the cover early, while it speaks, with local_only: a cover that must come from a URL
    (the article's or the show's) is left for later, untouched (no request, no warning)."""
    (tmp_path / "show.png").write_bytes(b"picture")
    intake = IntakeConfig(timeout=1.0, total_timeout=1.0)
    local = read_cover(None, "show.png", intake, tmp_path, local_only=True)
    assert local.data == b"picture" and local.warnings == []
    nowhere = "http://127.0.0.1:9/cover.png"  # the discard port: a download would fail with a warning
    for article_image, show_image in ((nowhere, "show.png"), (None, nowhere)):
        assert read_cover(article_image, show_image, intake, tmp_path, local_only=True) == (None, [], False)
    assert read_cover(nowhere, "show.png", intake, tmp_path).warnings  # without it, the download is tried

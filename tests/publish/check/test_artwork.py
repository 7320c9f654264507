"""narrate.publish.check.artwork: a real cover broken one way at a time, each caught with its own code."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from narrate.publish.check import check_feed
from tests.publish.check.conftest import ITUNES, LOCAL_CODES, channel, codes, edit_feed, only, save_image


def test_small_image(out: Path) -> None:
    save_image(out / "cover.jpg", (500, 500))
    problem = only(check_feed(out), "artwork-size")
    assert problem.severity == "error"
    assert problem.where == "cover.jpg"
    assert "500 x 500" in problem.message
    assert "1400" in problem.fix and "3000" in problem.fix and "image" in problem.fix


def test_too_large_image(out: Path) -> None:
    save_image(out / "cover.jpg", (3200, 3200))
    assert "3200 x 3200" in only(check_feed(out), "artwork-size").message


def test_non_square_image(out: Path) -> None:
    save_image(out / "cover.jpg", (1600, 1400))
    report = check_feed(out)
    assert "1600 x 1400" in only(report, "artwork-not-square").message
    assert "artwork-size" not in codes(report)  # both sides are within 1400-3000


def test_png_saved_as_jpg(out: Path) -> None:
    save_image(out / "cover.jpg", (1400, 1400), fmt="PNG")
    report = check_feed(out)
    problem = only(report, "artwork-extension")
    assert "PNG" in problem.message and ".jpg" in problem.message
    assert "cover.png" in problem.fix
    assert "artwork-format" not in codes(report)


def test_image_that_is_neither_jpeg_nor_png(out: Path) -> None:
    save_image(out / "cover.jpg", (1400, 1400), fmt="GIF", mode="P")
    report = check_feed(out)
    assert "GIF" in only(report, "artwork-format").message


def test_image_not_rgb(out: Path) -> None:
    save_image(out / "cover.jpg", (1400, 1400), mode="CMYK")
    assert "CMYK" in only(check_feed(out), "artwork-color").message


def test_image_that_is_not_an_image(out: Path) -> None:
    (out / "cover.jpg").write_bytes(b"<html>not found</html>")
    assert only(check_feed(out), "artwork-unreadable").severity == "error"


def test_truncated_image(out: Path) -> None:
    data = (out / "cover.jpg").read_bytes()
    (out / "cover.jpg").write_bytes(data[: len(data) // 2])
    assert "artwork-unreadable" in codes(check_feed(out))


def test_missing_image(out: Path) -> None:
    (out / "cover.jpg").unlink()
    assert "cover.jpg" in only(check_feed(out), "artwork-missing").message


def test_remote_image_is_checked_by_url_only(out: Path) -> None:
    def remote(root: etree._Element) -> None:
        channel(root).find(f"{ITUNES}image").set("href", "https://cdn.example.net/art/cover.webp")

    edit_feed(out, remote)
    report = check_feed(out)
    problem = only(report, "artwork-url")
    assert problem.severity == "warning"
    assert not codes(report) & LOCAL_CODES

"""narrate.publish.sanitise: what would run in the article copy is taken out; its look stays."""

from __future__ import annotations

import base64
import hashlib

import pytest
from lxml import html as lxml_html

from narrate.publish.sanitise import script_policy, without_scripts


def cleaned(body: str, head: str = "") -> lxml_html.HtmlElement:
    root = lxml_html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
    without_scripts(root)
    return root


@pytest.mark.parametrize(
    "markup",
    [
        "<script>window.ran = 1</script>",
        "<img src='data:,' onerror='window.ran = 1'>",
        "<svg onload='window.ran = 1'></svg>",
        "<a href='javascript:window.ran=1'>x</a>",
        "<a href='  JaVa&#x09;script:window.ran=1'>x</a>",
        "<iframe srcdoc='&lt;script&gt;parent.ran=1&lt;/script&gt;'></iframe>",
        "<iframe src='javascript:parent.ran=1'></iframe>",
        "<object data='data:text/html,&lt;script&gt;parent.ran=1&lt;/script&gt;'></object>",
        "<embed src='data:image/svg+xml,&lt;svg onload=parent.ran=1&gt;'>",
        "<form action='javascript:window.ran=1'><button formaction='javascript:window.ran=1'>go</button></form>",
        "<svg><a xlink:href='javascript:window.ran=1'><text>x</text></a></svg>",
        "<svg><a><animate attributeName='href' values='javascript:window.ran=1'/><text>x</text></a></svg>",
        "<details open ontoggle='window.ran = 1'><summary>s</summary></details>",
        "<!--[if IE]><script>window.ran = 1</script><![endif]-->",
    ],
)
def test_nothing_that_runs_is_left(markup: str) -> None:
    root = cleaned(f"<p>Before.</p>{markup}<p>After.</p>")
    out = lxml_html.tostring(root, encoding="unicode")
    assert "ran" not in out, out
    assert root.xpath("string(//p[1])") == "Before." and root.xpath("string(//p[last()])") == "After."


def test_styles_images_frames_and_forms_stay() -> None:
    style = ".hero { background: url(\"data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'/>\"); }"
    head = (
        f"<style>@import url('https://fonts.example/a.css'); {style}</style>"
        "<link rel='stylesheet' href='/theme.css'>"
        "<meta http-equiv='refresh' content='5;url=https://elsewhere.example/'>"
    )
    body = (
        "<p style='color: red; background: url(data:image/svg+xml;base64,PHN2Zy8+)'>Text</p>"
        "<img src='https://img.example/a.jpg' srcset='https://img.example/a2.jpg 2x' alt='a'>"
        "<img class='lazy' src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' data-src='https://img.example/b.jpg'>"
        "<iframe src='https://video.example/embed/1' title='Video'></iframe>"
        "<form action='https://search.example/'><input name='q'></form>"
    )
    root = cleaned(body, head)
    assert root.xpath("//style/text()") == [f"@import url('https://fonts.example/a.css'); {style}"]
    assert root.xpath("//link/@href") == ["/theme.css"] and not root.xpath("//meta")
    assert root.xpath("//p/@style") == ["color: red; background: url(data:image/svg+xml;base64,PHN2Zy8+)"]
    assert root.xpath("//img/@src") == ["https://img.example/a.jpg", "https://img.example/b.jpg"]
    assert root.xpath("//img/@srcset") == ["https://img.example/a2.jpg 2x"]
    assert root.xpath("//iframe/@src") == ["https://video.example/embed/1"]
    assert root.xpath("//form/@action") == ["https://search.example/"] and root.xpath("//input")


def test_a_style_that_could_close_its_noscript_is_the_cleaners() -> None:
    root = cleaned("<noscript><style></noscript><img src=x onerror='window.ran=1'></style></noscript>")
    assert "onerror" not in lxml_html.tostring(root, encoding="unicode")


def test_the_policy_lets_only_the_snippets_own_scripts_run() -> None:
    assert script_policy(lxml_html.fragment_fromstring("<div><p>no script</p></div>")) == (
        "script-src 'none'; object-src 'none'")
    snippet = lxml_html.fragment_fromstring(
        "<div><script src='https://pods.example/show/static/embed.js'></script><script>start();</script>"
        "<script src='javascript:alert(1)'></script></div>"
    )
    digest = base64.b64encode(hashlib.sha256(b"start();").digest()).decode()
    assert script_policy(snippet) == (
        f"script-src https://pods.example/show/static/embed.js 'sha256-{digest}'; object-src 'none'")

"""English boilerplate: the rules narrate has always had (also used for any language without its own).

Sources: the line patterns listed in ../shared/reference/article-cleaning.md (seen on news sites
and in public scraper blocklists), the seed article, and the 30-page benchmark sample.
"""

from __future__ import annotations

from .base import Action, LineRule, rule
from .dates import ENGLISH, date_rule
from .neutral import RELATED_HEADLINE, SEPARATOR, SITE_TAG

__all__ = ["CALENDAR", "CODE", "RULES"]

CODE = "en"
CALENDAR = ENGLISH

_NAME_WORD = r"(?-i:[A-Z][\w'’.\-]*)"
_NAMES = rf"{_NAME_WORD}(?:(?:\s+|\s*,\s*|\s+(?:and|&)\s+){_NAME_WORD}){{0,7}}"
_SHORT = r"[^.!?]{0,80}"  # a short tail without a sentence end

RULES: tuple[LineRule, ...] = (
    rule(
        "player-stub",
        r"(?:loading (?:the )?(?:audio )?player|listen to (?:this|the) (?:article|story)"
        r"(?:\s*[-–—:(·•|]?\s*\d+\s*(?:min(?:ute)?s?)\.?\)?)?"
        r"|loading audio(?: narration)?|audio (?:narration )?(?:is )?(?:not )?available.{0,30}|play audio"
        r"|listen now|tap to listen|press play to listen.{0,40}|this (?:article|story) is (?:also )?available as audio.{0,40})"
        r"\W*",
    ),
    SEPARATOR,
    rule("timestamp-labels", r"(?:published|updated|posted)\s*:?\s*(?:\|\s*(?:published|updated|posted)\s*:?\s*)*"),
    rule(
        "byline",
        rf"(?:by|written by|words by|story by|author)(?:\s*[:\-–—]\s*|\s+)(?P<value>{_NAMES})"
        r"(?:\s*(?:,|\||[-–—])\s*[\w .'’&]{0,60})?",
        Action.AUTHOR,
    ),
    date_rule(ENGLISH),
    SITE_TAG,
    rule("advertisement", r"(?:skip |story continues below |continue reading below )?advertisement(?:\s*[-–—:]\s*scroll to continue)?|sponsored(?: content)?|ad feedback"),
    rule("skip-link", r"skip to (?:main )?(?:content|navigation|search|footer)"),
    rule("continue-reading", r"continue reading(?: the main story| below| the article)?\W*"),
    rule(
        "paywall",
        r"subscribe to (?:continue|read|keep) reading.{0,40}|already a subscriber\?.{0,40}|subscribe now.{0,40}"
        r"|(?:log|sign) in to (?:continue|read).{0,40}|become a (?:member|subscriber).{0,40}|this article is for subscribers only\.?"
        r"|you have \d+ free articles? (?:left|remaining).{0,40}",
    ),
    rule("newsletter", rf"(?:sign up|subscribe) (?:for|to) {_SHORT}(?:newsletter|e-?mails?|updates|alerts|briefing|digest){_SHORT}|get (?:our|the) {_SHORT}newsletter{_SHORT}"),
    rule(
        "share",
        r"(?:share|post|tweet|pin|email|print|click to (?:share|email|print))(?: (?:this|on|to|via) ?[\w .+]{0,30})?"
        r"(?:\s*\(opens in new window\))?|copy(?: article)? link|link copied(?: to clipboard)?\W*|share this(?: article| story)?\W*",
    ),
    rule("click-to-tweet", r".{0,300}click to tweet"),
    rule("related", r"(?:related(?: articles?| stories| content| coverage| posts)?|read more|read next|more from [^.!?]{0,40}|see more|see also|don'?t miss|recommended(?: for you)?|you may also like|most (?:read|popular|viewed)|trending(?: now)?|also read|what to read next|latest (?:news|stories))(?:\s*[:|»>\-–—].{0,200})?"),
    rule("tagged-link", r".{3,200}\[(?:video|insight|photos?|gallery|watch|listen|podcast|live|poll)\]"),
    rule("app-promo", r"(?:click|tap) here to (?:get|download) the .{0,60}app.{0,40}|(?:get|download) (?:the|our) .{0,40}app\W*|read in (?:the )?app|open in app"),
    rule("licensing", r"purchase licensing rights|reprints(?: (?:&|and) permissions)?|our standards:.{0,80}|reporting by .{0,120}editing by .{0,120}"),
    rule("correction-link", r"suggest a correction|report an? (?:error|typo|correction)|submit a correction"),
    rule("provided-by", r"provided by (?-i:[A-Z])[\w .&'’-]{0,60}"),
    rule(
        "cookie-notice",
        r"(?:we|this (?:web)?site) uses? cookies.{0,300}|privacy preference cent(?:er|re)|(?:accept|reject|manage) (?:all )?cookies?.{0,40}"
        r"|cookie (?:settings|preferences|policy)|do not sell my personal information",
    ),
    rule("personal-use", r"this copy is for your personal,? non-?commercial use only.{0,300}"),
    rule("copyright", r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}).{0,120}|all rights reserved\.?"),
    rule("comments", r"\d+\s+comments?|loading comments\.*|(?:leave|add|post|view|show|hide|read) (?:a |the |all )?comments?\W*|comments?(?:\s*\(\d+\))?|join the (?:discussion|conversation)"),
    rule(
        "photo-credit",
        r"(?:photo(?:graph)?|image|picture|illustration|credit|video|source)s?(?: by)?\s*:\s*[^.!?]{1,80}"
        r"|\(?(?:getty images|ap photo[^)]{0,60}|reuters/[^)]{1,60}|afp via getty images|shutterstock)\)?|photo by .{1,60} on unsplash",
    ),
    RELATED_HEADLINE,
)
"""English rules in the order they are tried; the vendors' player stubs come before them and the
language-neutral rules after them (:func:`narrate.text.rules.rules_for`)."""


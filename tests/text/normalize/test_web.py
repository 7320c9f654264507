"""Web addresses, e-mail addresses, hashtags and @handles: each step alone, on table-style cases."""

from __future__ import annotations

from narrate.text.normalize.web import expand_emails, expand_handles, expand_urls
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_urls: [
        # "www" is said; a path of one or two short words is read, a longer one, a query or a fragment not
        ("https://www.example.com/path", "w.w.w dot example dot com slash path"),
        ("http://news.example.co.uk/a/b?c=d.", "news dot example dot co dot U.K."),
        ("Visit example.com, now", "Visit example dot com, now"),
        ("example.com/jobs", "example dot com slash jobs"),
        ("Find out more at www.bbc.co.uk/news.", "Find out more at w.w.w dot B.B.C dot co dot U.K slash news."),
        (
            "Read the report at https://www.who.int/reports.",
            "Read the report at w.w.w dot W.H.O dot int slash reports.",
        ),
        ("The guidance is on gov.uk.", "The guidance is on gov dot U.K."),
        ("Advice is available at nhs.uk.", "Advice is available at N.H.S dot U.K."),
        ("The form is at irs.gov/forms.", "The form is at I.R.S dot gov slash forms."),
        ("https://www.nytimes.com/2024/05/01/world/story.html", "w.w.w dot NY times dot com"),
        ("theguardian.com/uk-news", "the guardian dot com slash uk news"),
        ("https://example.org/news/world", "example dot org slash news slash world"),
        ("Visit sky.com.", "Visit sky dot com."),
        ("bit.ly/3xYz", "bit dot L.Y"),
        ("The U.S. and e.g. 3.5", "The U.S. and e.g. 3.5"),
        ("ASP.NET", "ASP.NET"),
    ],
    expand_emails: [
        ("ed@example.org", "ed at example dot org"),
        ("j.doe@mail.example.com.", "j dot doe at mail dot example dot com."),
    ],
    expand_handles: [
        ("Posts tagged #MeToo spread quickly.", "Posts tagged hashtag Me Too spread quickly."),
        ("The trend #BlackLivesMatter returned.", "The trend hashtag Black Lives Matter returned."),
        ("Fans used #WorldCup2022 online.", "Fans used hashtag World Cup twenty twenty-two online."),
        ("The campaign #StopTheSteal was banned.", "The campaign hashtag Stop The Steal was banned."),
        ("Voters used #GE2024 all day.", "Voters used hashtag GE twenty twenty-four all day."),
        ("#blacklivesmatter", "hashtag black lives matter"),
        ("#COP28", "hashtag COP 28"),
        ("#climate", "hashtag climate"),
        ("Follow @BBCBreaking for updates.", "Follow at BBC Breaking for updates."),
        ("The message was shared by @POTUS.", "The message was shared by at POTUS."),
        ("The mayor replied to @nytimes on Tuesday.", "The mayor replied to at NY times on Tuesday."),
        ("Tag @elonmusk in your reply.", "Tag at elon musk in your reply."),
        ("Write to @GuardianNews with tips.", "Write to at Guardian News with tips."),
        ("@realDonaldTrump", "at real Donald Trump"),
        ("@SkyNews", "at Sky News"),
        ("@NASA.", "at NASA."),
        # left alone: "#1" (the number steps say "number one"), C#, e-mail addresses
        ("The song went to #1 in the charts.", "The song went to #1 in the charts."),
        ("C# and F#", "C# and F#"),
        ("ed@example.org", "ed@example.org"),
    ],
}

test_step = step_test(STEP_CASES)

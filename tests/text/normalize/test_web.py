"""Web addresses and e-mail addresses: each step alone, on table-style cases."""

from __future__ import annotations

from narrate.text.normalize.web import expand_emails, expand_urls
from tests.text.normalize.steps import step_test

STEP_CASES = {
    expand_urls: [
        ("https://www.example.com/path", "example dot com"),
        ("http://news.example.co.uk/a/b?c=d.", "news dot example dot co dot uk."),
        ("Visit example.com, now", "Visit example dot com, now"),
        ("example.com/jobs", "example dot com slash jobs"),
        ("The U.S. and e.g. 3.5", "The U.S. and e.g. 3.5"),
        ("ASP.NET", "ASP.NET"),
    ],
    expand_emails: [
        ("ed@example.org", "ed at example dot org"),
        ("j.doe@mail.example.com.", "j dot doe at mail dot example dot com."),
    ],
}

test_step = step_test(STEP_CASES)

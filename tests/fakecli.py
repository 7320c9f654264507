"""`python -m tests.fakecli ARGS`: the narrate command with the fake engine registered, for tests
that run narrate in a subprocess (batch workers are forked, so they inherit the registration)."""

from narrate.cli import main
from narrate.speech.engines import register
from tests.fakes import FakeEngine

register(FakeEngine)
main()

"""``python -m narrate``."""

from .cli import main

main()

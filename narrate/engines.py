"""The engine plugin API, at the path plugins import it from: ``from narrate.engines import Engine``.

The engines themselves live in :mod:`narrate.speech.engines`; this module only re-exports its public
names, so that a plugin package keeps working whatever the package's layout.
"""

from .speech import engines as _engines
from .speech.engines import *  # noqa: F403  (the plugin API is exactly the engines' public names)

__all__ = list(_engines.__all__)

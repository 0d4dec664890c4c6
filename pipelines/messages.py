"""Every message a user of the pipelines can get, in Greek and English: defined in ``civhub/messages.py``.

The dashboard renders the same reasons, and ``civhub`` never imports ``pipelines``, so the
texts live there; this module keeps the name the pipelines and their docs use.
"""

from civhub.messages import MESSAGES, TARGETS, render

__all__ = ["MESSAGES", "TARGETS", "render"]

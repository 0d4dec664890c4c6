"""Text shown through Markdown exactly as written."""

from __future__ import annotations

import re

# Every character Markdown (and Streamlit's extensions: $ for maths, : for icons, ~ for strikethrough) may read.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def escape(text: str) -> str:
    """``text`` with every Markdown control character backslash-escaped, so it renders as plain text."""
    return _SPECIAL.sub(r"\\\1", text)

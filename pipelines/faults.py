"""A file-level fault: the whole file is refused and nothing changes.

``code`` is a message code of ``pipelines/messages.py``; ``params`` fill its text.
``line``, ``column`` and ``sheet`` say where, when there is a where.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FileFault(Exception):
    code: str
    params: dict = field(default_factory=dict)
    line: int | None = None
    column: str | None = None
    sheet: str | None = None

    def __str__(self) -> str:
        return f"{self.code} {self.params}"

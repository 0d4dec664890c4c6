"""How long each step of a write took, written to the pipelines log (``pipelines.log`` beside the database).

Whoever runs the loads can see there where a slow one spent its time (reading, checking, merging, the
marts); ``make bench`` reads the same lines back to show it for a national-scale load. Each record is one
log line, ``timings {...}``: a JSON object with what was timed (``what``), a few facts about it and the
seconds of each step (``<step>_s``). File names and counts only: nothing of a file's contents.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

log = logging.getLogger("civhub.pipelines")
MARK = "timings "


class Timings:
    """The steps of one write, timed one after another and logged together."""

    def __init__(self, what: str, **facts: object) -> None:
        self.record: dict[str, object] = {"what": what, **facts}

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        """Time the block as step ``name`` (a step timed twice adds up)."""
        started = time.perf_counter()
        try:
            yield
        finally:
            key = f"{name}_s"
            self.record[key] = round(self.record.get(key, 0) + time.perf_counter() - started, 3)

    def log(self, **facts: object) -> None:
        self.record.update(facts)
        log.info("%s%s", MARK, json.dumps(self.record, ensure_ascii=False))


def read(text: str) -> list[dict]:
    """The timing records among the lines of a pipelines log, in order."""
    return [json.loads(line.split(MARK, 1)[1]) for line in text.splitlines() if f" {MARK}{{" in line]

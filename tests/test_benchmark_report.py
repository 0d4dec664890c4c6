"""docs/performance.md's table of where a load's time went, from step timings worked out by hand."""

from __future__ import annotations

from benchmarks.report import _steps


def _run(seconds: float, marts: float, bare: float) -> dict:
    steps = {
        "database": {"copy_s": 0.5, "swap_s": 0.5},
        "file": {"open_s": 1.0, "stage_s": 2.0, "check_s": 1.0, "merge_s": 1.0, "commit_s": 0.5},
        "marts": {"rebuild_s": marts, "commit_s": 0.5},
    }
    return {"ingest": {"seconds": seconds, "steps": steps}, "incremental": {"seconds": seconds - 1, "steps": steps},
            "bare_read": {"seconds": bare}}


def test_the_time_of_each_step_and_the_rest_of_the_process():
    # Medians of three rounds: the marts' rebuild 2, 3 and 4 s (median 3); each ingest's steps add up to
    # 7 s + its rebuild, so the rest of the process is 12 - 9 = 3, 13 - 10 = 3 and 20 - 11 = 9 s (median 3);
    # each increment took a second less, so its rest is 2, 2 and 8 s (median 2).
    runs = [_run(12.0, 2.0, 4.0), _run(13.0, 3.0, 5.0), _run(20.0, 4.0, 6.0)]
    lines = _steps({"runs": runs})
    assert "| rebuild of the marts | 3.00 | 3.00 |" in lines
    assert "| commit of the marts | 0.50 | 0.50 |" in lines
    assert "| staging (every row read, pseudonyms) | 2.00 | 2.00 |" in lines
    assert "| start-up and the rest (the process's time less the steps above) | 3.00 | 2.00 |" in lines
    # The bare read's median is 5 s; the marts with their commit 3.5 s: 8.5 s, 1.70x the bare read. The
    # increments took 11, 12 and 19 s (median 12).
    summary = next(line for line in lines if line.startswith("Reading and storing"))
    assert "(5.0 s)" in summary and "(3.5 s with their commit)" in summary and "8.5 s, 1.70×" in summary
    assert summary.endswith("took 3.5 s of the increment's 12.0 s.")


def test_results_without_step_timings_have_no_such_table():
    assert _steps({"runs": [{"ingest": {"seconds": 1.0}, "incremental": {"seconds": 1.0}}]}) == []

"""``make bench``: time the validated ingest of 10 million hour records against DuckDB's bare read and pandas.

Every timed step runs in a fresh process (``os.wait4`` gives its own peak RSS); the
steps are interleaved over several rounds and medians reported. Results go to
``benchmarks/results/ingest.json`` and are summarised in ``docs/performance.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from civhub import config
from pipelines import timings

RESULTS = config.ROOT / "benchmarks" / "results"
TARGETS = {"ingest_vs_bare_max": 1.5, "pandas_vs_ingest_min": 2.0, "ingest_rss_mb_max": 1024, "incremental_s_max": 3.0}


def _timed(command: list[str], env: dict[str, str], log: Path | None = None) -> dict:
    """Run ``command`` in a process of its own: its seconds, peak memory and output, and, when ``log`` (the
    pipelines' log it writes) is given, the step timings it logged there (``pipelines.timings``)."""
    logged = log.stat().st_size if log and log.exists() else 0
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=config.ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    out, err = process.stdout.read().decode(), process.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(command)}\n{out}\n{err}")
    result = {
        "seconds": round(elapsed, 3), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "output": out.strip()[-300:],
    }
    if log:
        with open(log, encoding="utf-8") as handle:
            handle.seek(logged)
            result["steps"] = {record.pop("what"): record for record in timings.read(handle.read())}
    return result


def _env(db: Path, key_file: Path) -> dict[str, str]:
    return {**os.environ, "CIVHUB_DB": str(db), "CIVHUB_KEY_FILE": str(key_file), "PYTHONPATH": str(config.ROOT)}


def _fresh_db(work: Path, name: str, orgs_csv: Path, key_file: Path) -> Path:
    db = work / f"{name}.duckdb"
    for stale in work.glob(f"{name}.duckdb*"):
        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    py = sys.executable
    subprocess.run(
        [py, "-m", "pipelines", "ingest", "organizations", str(orgs_csv)],
        env=_env(db, key_file),
        cwd=config.ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return db


def _round(work: Path, files: dict[str, Path], key_file: Path) -> dict:
    py = sys.executable
    key = key_file.read_text().strip()
    out = {}
    db = _fresh_db(work, "ingest", files["orgs"], key_file)
    log = config.log_path(db)
    out["ingest"] = _timed([py, "-m", "pipelines", "ingest", "hours", str(files["big"]), "--json"], _env(db, key_file),
                           log)
    out["incremental"] = _timed(
        [py, "-m", "pipelines", "ingest", "hours", str(files["batch"]), "--json"], _env(db, key_file), log
    )
    bare_db = work / "bare.duckdb"
    bare_db.unlink(missing_ok=True)
    out["bare_read"] = _timed([py, "-m", "benchmarks.bare_read", str(files["big"]), str(bare_db)], _env(db, key_file))
    pandas_db = _fresh_db(work, "pandas", files["orgs"], key_file)
    out["pandas"] = _timed(
        [py, "-m", "benchmarks.pandas_baseline", str(files["big"]), str(pandas_db), key], _env(pandas_db, key_file)
    )
    return out


def _median(rounds: list[dict], step: str, field: str) -> float:
    return statistics.median(r[step][field] for r in rounds)


def _marts_and_browser(work: Path, rows: int, rounds: int) -> None:
    """The read side at the same scale: the marts' rebuild and reads, then a filter change in a real browser."""
    from benchmarks import browser, marts

    marts_db = work / "marts.duckdb"
    timings = marts.run(db=marts_db if marts_db.exists() else None, rows=rows, rounds=rounds, work=work)
    (RESULTS / "marts.json").write_text(json.dumps(timings, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"marts": timings["median"], "verdict": timings["verdict"]}, indent=2))
    clicks = browser.filter_change_seconds(marts_db)
    (RESULTS / "browser.json").write_text(json.dumps({"rows": rows, **clicks}, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(clicks, indent=2))


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--ingest-only", action="store_true", help="skip the marts and browser timings")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="civhub-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    key_file = work / "bench.key"
    key_file.write_text(os.urandom(32).hex() + "\n")
    orgs, volunteers = 5_000, max(1_000, args.rows // 15)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "benchmarks.generate", str(work), str(args.rows), str(orgs), str(volunteers)],
                   cwd=config.ROOT, check=True)
    files = {"orgs": work / "orgs.csv", "big": work / "hours-big.csv", "batch": work / "hours-batch.csv"}
    generation = round(time.perf_counter() - started, 1)
    rounds = [_round(work, files, key_file) for _ in range(args.rounds)]
    med = {step: {f: _median(rounds, step, f) for f in ("seconds", "peak_rss_mb")} for step in rounds[0]}
    ratios = {
        "ingest_vs_bare": round(med["ingest"]["seconds"] / med["bare_read"]["seconds"], 2),
        "pandas_vs_ingest": round(med["pandas"]["seconds"] / med["ingest"]["seconds"], 2),
    }
    verdict = {
        "ingest_within_1.5x_of_bare": ratios["ingest_vs_bare"] <= TARGETS["ingest_vs_bare_max"],
        "ingest_2x_faster_than_pandas": ratios["pandas_vs_ingest"] >= TARGETS["pandas_vs_ingest_min"],
        "ingest_peak_rss_under_1GB": med["ingest"]["peak_rss_mb"] < TARGETS["ingest_rss_mb_max"],
        "incremental_under_3s": med["incremental"]["seconds"] < TARGETS["incremental_s_max"],
    }
    result = {
        "rows": args.rows,
        "rounds": args.rounds,
        "file_mb": round(files["big"].stat().st_size / 1e6, 1),
        "generation_seconds": generation,
        "median": med,
        "ratios": ratios,
        "targets": TARGETS,
        "verdict": verdict,
        "runs": rounds,
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3, 1),
            **{p: version(p) for p in ("duckdb", "pandas", "pyarrow")},
        },
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    # The scratch folder is this machine's business, not the results'.
    text = json.dumps(result, indent=2, ensure_ascii=False).replace(str(work), "<scratch>")
    (RESULTS / "ingest.json").write_text(text + "\n", encoding="utf-8")
    print(json.dumps({"median": med, "ratios": ratios, "verdict": verdict}, indent=2))
    if not args.ingest_only:
        _marts_and_browser(work, args.rows, args.rounds)
    from benchmarks.report import write

    print(write().relative_to(config.ROOT))
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

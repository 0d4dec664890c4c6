"""``docs/performance.md``, written from the measured results in ``benchmarks/results/`` (never typed by hand)."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

from civhub import config

RESULTS = config.ROOT / "benchmarks" / "results"
DOC = config.ROOT / "docs" / "performance.md"

INTRO = """# Performance — Επιδόσεις

Every number below was measured by `make bench` (`python -m benchmarks`) and is rewritten from
`benchmarks/results/*.json` each time it runs; nothing here is typed by hand. Each timed step runs
in a fresh process (its peak memory is that process's own maximum resident set), interleaved over
several rounds; the figures are medians. The machine is shared: compare ratios measured in the same
run rather than seconds across runs.
"""


def _load(name: str) -> dict | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _mark(ok: bool) -> str:
    return "met" if ok else "**not met**"


def _ingest(result: dict) -> list[str]:
    med, ratios, verdict, machine = result["median"], result["ratios"], result["verdict"], result["machine"]
    lines = [
        "## Ingest of hour records",
        "",
        f"{result['rows']:,} hour records in one {result['file_mb']} MB UTF-8 CSV, {result['rounds']} rounds. "
        "The validated ingest is the real command (`python -m pipelines ingest hours FILE`): staging, every "
        "validation rule, pseudonymisation, deduplication, the merge, the load record and the rebuild of the "
        "marts, all in one swap of the database file.",
        "",
        "| step | seconds (median) | peak memory (MB) |",
        "|---|---|---|",
    ]
    names = {
        "ingest": "validated ingest (pipelines)",
        "bare_read": "DuckDB `read_csv` into a table (no checks)",
        "pandas": "pandas: the same checks, then DuckDB",
        "incremental": "100,000-row file into the loaded database",
    }
    for step, label in names.items():
        lines.append(f"| {label} | {med[step]['seconds']:.1f} | {med[step]['peak_rss_mb']:.0f} |")
    lines += [
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
        f"| validated ingest within 1.5× of the bare read | {ratios['ingest_vs_bare']}× | "
        f"{_mark(verdict['ingest_within_1.5x_of_bare'])} |",
        f"| at least 2× faster than pandas | pandas takes {ratios['pandas_vs_ingest']}× as long | "
        f"{_mark(verdict['ingest_2x_faster_than_pandas'])} |",
        f"| ingest peak memory under 1 GB | {med['ingest']['peak_rss_mb']:.0f} MB | "
        f"{_mark(verdict['ingest_peak_rss_under_1GB'])} |",
        f"| incremental 100,000 rows under 3 s | {med['incremental']['seconds']:.1f} s | "
        f"{_mark(verdict['incremental_under_3s'])} |",
        "",
        *_rounds(result["runs"]),
        *_steps(result),
        f"Machine: {machine['cpus']} cores, {machine['memory_gb']} GB, {machine['platform']}; Python "
        f"{machine['python']}, duckdb {machine['duckdb']}, pandas {machine['pandas']}, pyarrow {machine['pyarrow']}.",
        "",
    ]
    return lines


def _rounds(runs: list[dict]) -> list[str]:
    """Each round's seconds and ratios: how far they spread shows how much a verdict near its target can be trusted."""
    lines = [
        "Each round, in the order run (seconds):",
        "",
        "| round | validated ingest | bare read | pandas | 100,000 rows | ingest ÷ bare read | pandas ÷ ingest |",
        "|---|---|---|---|---|---|---|",
    ]
    for number, run in enumerate(runs, 1):
        ingest, bare, pandas = (run[step]["seconds"] for step in ("ingest", "bare_read", "pandas"))
        lines.append(f"| {number} | {ingest:.1f} | {bare:.1f} | {pandas:.1f} | {run['incremental']['seconds']:.1f} | "
                     f"{ingest / bare:.2f}× | {pandas / ingest:.2f}× |")
    return [*lines, ""]


# The steps a load logs (pipelines.timings), in the order they run: (what, step) -> label.
LOAD_STEPS = {
    ("database", "copy_s"): "copy of the live database",
    ("file", "open_s"): "opening the file (encoding, header, checksum)",
    ("file", "stage_s"): "staging (every row read, pseudonyms)",
    ("file", "check_s"): "checking every rule",
    ("file", "merge_s"): "merging (duplicates, corrections, history, quality notes)",
    ("file", "commit_s"): "commit of the load",
    ("marts", "rebuild_s"): "rebuild of the marts",
    ("marts", "commit_s"): "commit of the marts",
    ("database", "swap_s"): "checkpoint and swap of the database file",
}


def _steps(result: dict) -> list[str]:
    """Where the time of the ingest and of the increment went, from the step timings each load logged."""
    runs = [run for run in result["runs"] if all("steps" in run[step] for step in ("ingest", "incremental"))]
    if not runs:
        return []
    med = {step: _step_medians(runs, step) for step in ("ingest", "incremental")}
    lines = ["Where the time went, from the timings each load writes to the pipelines log (medians, seconds):", "",
             "| step | validated ingest | 100,000 rows |", "|---|---|---|"]
    lines += [f"| {label} | {med['ingest'][key]:.2f} | {med['incremental'][key]:.2f} |" for key, label in
              [*LOAD_STEPS.items(), (("process", "rest_s"), "start-up and the rest (the process's time less the "
                                                            "steps above)")]]
    bare = statistics.median(run["bare_read"]["seconds"] for run in runs)
    ingest_marts = med["ingest"][("marts", "rebuild_s")] + med["ingest"][("marts", "commit_s")]
    increment_marts = med["incremental"][("marts", "rebuild_s")] + med["incremental"][("marts", "commit_s")]
    increment = statistics.median(run["incremental"]["seconds"] for run in runs)
    lines += [
        "",
        f"Reading and storing the file as the bare read does ({bare:.1f} s) and rebuilding the marts as the "
        f"ingest did ({ingest_marts:.1f} s with their commit) come to {bare + ingest_marts:.1f} s, "
        f"{(bare + ingest_marts) / bare:.2f}× the bare read, before a single row is checked. The marts' rebuild "
        f"and its commit took {increment_marts:.1f} s of the increment's {increment:.1f} s.",
        "",
    ]
    return lines


def _step_medians(runs: list[dict], step: str) -> dict[tuple[str, str], float]:
    """The median of each logged step of ``step`` over ``runs``, and of the rest of its process's time."""
    per_run = []
    for run in runs:
        logged = {key: run[step]["steps"].get(key[0], {}).get(key[1], 0.0) for key in LOAD_STEPS}
        logged[("process", "rest_s")] = run[step]["seconds"] - sum(logged.values())
        per_run.append(logged)
    return {key: statistics.median(values[key] for values in per_run) for key in per_run[0]}


STEP_NAMES = {"rebuild_stored_s": "rebuild, its marts stored (commit and checkpoint)"}


def _marts(result: dict) -> list[str]:
    med, targets, verdict = result["median"], result["targets"], result["verdict"]
    lines = ["## Marts", "", f"{result['rows']:,} hour records, {result['rounds']} rounds.", "",
             "| step | seconds (median) | target | verdict |", "|---|---|---|---|"]
    if "rebuild_stored_s" in med:  # the rebuild up to its commit, which the target does not stop at
        lines.append(f"| rebuild, before its commit | {med['rebuild_s']} | | |")
    for name, target in targets.items():
        lines.append(f"| {STEP_NAMES.get(name, name.removesuffix('_s').replace('_', ' '))} | {med[name]} | "
                     f"≤ {target} | {_mark(verdict[name])} |")
    if "rebuild_processor_s" in result:
        processor, cpus = result["rebuild_processor_s"], result["cpus"]
        lines += ["", f"Each rebuild used {processor} s of processor time over all its threads (median) before its "
                      f"commit, so on this machine's {cpus} cores it cannot take less than {processor / cpus:.2f} s, "
                      "however its work is shared out."]
    return [*lines, ""]


def _browser(result: dict) -> list[str]:
    lines = ["## A filter change in a real browser", ""]
    for page in (result, result.get("overview")):
        if page:
            lines += [_filter_change(page), ""]
    return lines


def _filter_change(page: dict) -> str:
    sent = ""
    if "received_mb_first_choice" in page:
        sent = (f" The browser received {page['received_mb_first_choice']} MB for a first choice and "
                f"{page['received_mb_repeat']} MB for a repeated one.")
    return (f"{page['change'].capitalize()} on the {page['page']} page, {page['rounds']} changes, headless Chromium: "
            f"median {page['median_s']} s, slowest {page['max_s']} s (target under {page['target_s']} s: "
            f"{_mark(page['within_target'])}).{sent}")


def write() -> Path:
    parts = [INTRO]
    for name, render in (("ingest", _ingest), ("marts", _marts), ("browser", _browser)):
        result = _load(name)
        parts += render(result) if result else [f"## {name}", "", "Not measured yet: run `make bench`.", ""]
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text("\n".join(parts).rstrip() + "\n", encoding="utf-8")
    return DOC


if __name__ == "__main__":
    print(write())

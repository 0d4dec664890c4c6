"""The hour files: the bulk as plain UTF-8 CSV (DuckDB scans those directly), and a few organizations that
send their own file the way their office makes it: an Excel workbook, a CSV from Greek Excel, dates with
Greek month names, municipalities as names, or columns of personal data that must never be loaded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from pipelines.demo.dialects import EXCEL_UTF8, GREEK_EXCEL, MONTH_NAMES, PLAIN, Dialect, Table, write_csv, write_xlsx
from pipelines.demo.people import PERSONAL_COLUMNS, fake_people
from pipelines.demo.period import START
from pipelines.demo.places import Namer, ambiguous_codes
from pipelines.demo.regions import HOUR_HEADERS, Region, regions_of
from pipelines.demo.volunteers import ROLE_WORDS
from pipelines.demo.world import World
from pipelines.kinds import HOURS

COLUMNS = [c.name for c in HOURS.columns]
PLAIN_MISTAKES = 0.0003  # hours typed as 0 or 30 in the big files
SPECIALS = ("xlsx", "greek_excel", "month_names", "names", "personal")
SPECIAL_ROWS = (30, 2500)  # organizations sending their own file are small to middling
PERSONAL_BY_SENDER = {"xlsx": PERSONAL_COLUMNS[:2], "greek_excel": PERSONAL_COLUMNS[2:], "personal": PERSONAL_COLUMNS}
EPOCH_DAYS = (START - START.replace(year=1970, month=1, day=1)).days


def write_hours(world: World, out: Path) -> list[Path]:
    rng = world.rng("hour-files")
    special = _pick_special(world, rng)
    bulk = ~np.isin(world.hours.org, np.array(sorted(special), dtype=np.int32))
    paths = _write_bulk(world, out, bulk, rng)
    namer = Namer(world.municipalities, rng)
    for org, dialect in sorted(special.items()):
        paths.append(_write_special(world, out, org, dialect, namer, rng))
    return paths


def _pick_special(world: World, rng: np.random.Generator) -> dict[int, str]:
    """org index -> how it writes; never a municipality whose bare name is ambiguous (names files)."""
    counts = np.bincount(world.hours.org, minlength=len(world.orgs))
    ambiguous = ambiguous_codes(world.municipalities)
    fits = [i for i, n in enumerate(counts) if SPECIAL_ROWS[0] <= n <= SPECIAL_ROWS[1]
            and world.orgs[i].municipality not in ambiguous]
    chosen = [fits[i] for i in rng.permutation(len(fits))[: world.scale.special_files * len(SPECIALS)]]
    return {org: SPECIALS[n % len(SPECIALS)] for n, org in enumerate(chosen)}


def _write_bulk(world: World, out: Path, bulk: np.ndarray, rng: np.random.Generator) -> list[Path]:
    regions = regions_of(world.municipalities)
    region_of_org = np.array([[r.code for r in regions].index(_region(world, o.municipality)) for o in world.orgs])
    row_region = region_of_org[world.hours.org]
    columns = _Dictionaries(world)
    paths = []
    for name, members, dialect in _bulk_groups(world, regions, row_region, bulk):
        rows = np.flatnonzero(bulk & np.isin(row_region, members))
        paths.append(_write_plain(out / "hours" / f"{name}.csv", world, rows, columns, dialect, rng))
    return paths


def _region(world: World, code: str) -> str:
    return next(m.region_code for m in world.municipalities if m.code == code)


def _bulk_groups(world: World, regions: list[Region], row_region: np.ndarray,
                 bulk: np.ndarray) -> list[tuple[str, list[int], Dialect]]:
    """One file per region; at national scale a few large files, regions dealt out to balance their sizes."""
    if world.scale.hour_files == 0:
        return [(r.slug, [i], HOUR_HEADERS.get(r.code, PLAIN)) for i, r in enumerate(regions)]
    sizes = np.bincount(row_region[bulk], minlength=len(regions))
    parts: list[list[int]] = [[] for _ in range(world.scale.hour_files)]
    for index in np.argsort(-sizes, kind="stable"):
        min(parts, key=lambda p: sizes[p].sum() if p else 0).append(int(index))
    return [(f"part-{n}", sorted(p), PLAIN) for n, p in enumerate(parts, start=1)]


class _Dictionaries:
    """The distinct strings of each column, so that 10 million rows are written as indices into them."""

    def __init__(self, world: World):
        self.volunteers = pa.array(world.volunteers.ids())
        self.orgs = pa.array([o.org_id for o in world.orgs])
        codes = sorted({o.municipality for o in world.orgs})
        self.codes = pa.array(codes)
        self.code_of_org = np.array([codes.index(o.municipality) for o in world.orgs], dtype=np.int32)
        self.activities = pa.array([a.activity_id for a in world.activities])
        self.roles = pa.array([word for _, word in ROLE_WORDS])


def _coded(indices: np.ndarray, dictionary: pa.Array) -> pa.DictionaryArray:
    return pa.DictionaryArray.from_arrays(pa.array(indices.astype(np.int32), mask=indices < 0), dictionary)


def _write_plain(path: Path, world: World, rows: np.ndarray, d: _Dictionaries, dialect: Dialect,
                 rng: np.random.Generator) -> Path:
    h = world.hours
    hours = h.hours[rows].copy()
    wrong = np.flatnonzero(rng.random(len(rows)) < PLAIN_MISTAKES)
    hours[wrong] = rng.choice([0.0, 30.0], size=len(wrong))
    org = h.org[rows]
    table = pa.table({
        "record_id": pa.array(h.record_no[rows]),
        "volunteer_id": _coded(h.volunteer[rows], d.volunteers),
        "org_id": _coded(org, d.orgs),
        "municipality_code": _coded(d.code_of_org[org], d.codes),
        "activity_id": _coded(h.activity[rows], d.activities),
        "date": pa.array((h.day[rows] + EPOCH_DAYS).astype(np.int32), type=pa.date32()),
        "hours": pa.array(hours),
        "role": _coded(world.volunteers.role[h.volunteer[rows]], d.roles),
    })
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write((",".join(Table("hours", COLUMNS).header(dialect.headers)) + "\n").encode("utf-8"))
        pacsv.write_csv(table, fh, pacsv.WriteOptions(include_header=False, quoting_style="none"))
    return path


def _write_special(world: World, out: Path, org: int, how: str, namer: Namer, rng: np.random.Generator) -> Path:
    table = _org_table(world, org, names=how == "names", namer=namer)
    _plant_mistakes(table, how, lambda: namer.misspelt(world.orgs[org].municipality), rng)
    volunteers = world.hours.volunteer[world.hours.org == org]
    if how in PERSONAL_BY_SENDER:
        _add_personal(table, PERSONAL_BY_SENDER[how], volunteers, rng)
    stem = out / "hours" / f"{world.orgs[org].org_id.lower()}-{how.replace('_', '-')}"
    if how == "xlsx":
        dates = [row[table.columns.index("date")] for row in table.rows]
        years = sorted(d.year for d in dates if isinstance(d, date))
        title = f"Ώρες εθελοντισμού {years[0]}–{years[-1]} – {world.orgs[org].name}"
        return write_xlsx(stem.with_suffix(".xlsx"), table, title, total_of="hours", sheet="Ώρες")
    dialect = {"greek_excel": GREEK_EXCEL, "month_names": MONTH_NAMES, "names": EXCEL_UTF8, "personal": PLAIN}[how]
    return write_csv(stem.with_suffix(".csv"), table, dialect)


def _add_personal(table: Table, columns: tuple[str, ...], volunteers: np.ndarray, rng: np.random.Generator) -> None:
    """The sender's own columns about each volunteer, filled with fake people."""
    people = fake_people(rng, volunteers.tolist())
    table.extra = list(columns)
    for row, volunteer in zip(table.rows, volunteers, strict=True):
        row += [value for column, value in zip(PERSONAL_COLUMNS, people[int(volunteer)], strict=True)
                if column in columns]


def _org_table(world: World, org: int, names: bool, namer: Namer) -> Table:
    h, o = world.hours, world.orgs[org]
    ids = world.volunteers.ids()
    table = Table("hours", list(COLUMNS))
    for i in np.flatnonzero(h.org == org):
        role = world.volunteers.role[h.volunteer[i]]
        table.rows.append([
            int(h.record_no[i]), ids[h.volunteer[i]], o.org_id, namer(o.municipality, names),
            world.activities[h.activity[i]].activity_id if h.activity[i] >= 0 else None,
            START + timedelta(days=int(h.day[i])), float(h.hours[i]), ROLE_WORDS[role][1] if role >= 0 else None,
        ])
    return table


def _plant_mistakes(table: Table, how: str, misspelt: Callable[[], str], rng: np.random.Generator) -> None:
    """Three slips of the kind each sender makes by hand, on rows drawn at random."""
    date, hours, place = (table.columns.index(name) for name in ("date", "hours", "municipality_code"))
    picks = rng.choice(len(table.rows), size=min(3, len(table.rows)), replace=False)
    for n, row in enumerate(table.rows[int(i)] for i in picks):
        if how == "greek_excel":
            if n < 2:
                row[date] = f"31/02/{row[date].year}"
            else:
                row[hours] = 0.0
        elif how == "month_names" and n < 2:
            row[date] = f"{31 - n} Φεβρουαρίου {row[date].year}"
        elif how == "names" and n < 2:
            row[place] = misspelt()
        elif how in ("xlsx", "personal") and n < 2:
            row[hours] = 30.0 if n == 0 else 0.0

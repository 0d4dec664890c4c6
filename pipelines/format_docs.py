"""``docs/data-formats.md``, written from the definitions the loader itself uses.

The prose is here; the tables of kinds, columns, aliases, accepted values and messages
come from ``pipelines/kinds.py`` and ``pipelines/messages.py``, so the document cannot
drift from the code: ``python -m pipelines docs`` rewrites it and a test fails when the
committed file differs.
"""

from __future__ import annotations

from civhub import config
from pipelines.ingest import SUBMISSION_SUFFIXES
from pipelines.kinds import KINDS, LOAD_ORDER, Column, Kind
from pipelines.messages import MESSAGES

DOC_PATH = config.ROOT / "docs" / "data-formats.md"

TYPE_TEXT = {
    "id": "identifier (text)",
    "text": "text",
    "date": "date",
    "decimal": "number (decimal comma or point)",
    "duration": "hours: a number (`2,5`), hours:minutes (`2:30`) or words (`2 ώρες 30 λεπτά`)",
    "int": "whole number",
    "year": "year",
    "municipality": "municipality (code or name)",
    "choice": "one of the accepted values",
    "role": "role as written",
    "id_list": "list of identifiers separated by `;`, `|` or `,`",
}

INTRO = """# Data formats — Μορφές αρχείων

What civhub accepts, how it reads it, and every answer it can give. This file is
written by `python -m pipelines docs` from the definitions the loader uses
(`pipelines/kinds.py`, `pipelines/messages.py`); a test fails when it is out of date.

## Loading files

```
python -m pipelines ingest KIND FILE… [--json] [--dry-run] [--lang el|en]
python -m pipelines status
python -m pipelines demo [--seed N] [--scale test|default|national]
```

FILE may be a folder: it stands for the CSV and Excel files directly in it ({suffixes}), loaded in
name order; hidden files and Excel's lock files (`~$…`) are left out. With `--dry-run` the files are
checked against the database and answered exactly as a load would answer, and nothing of them is
saved: a way to check a file before sending it.

KIND is one of: {kinds}. Load in this order, because rows refer to earlier ones
(an hour record names an organization, an activity its lead and partner organizations):
{order}.

Exit codes: **0** the file loaded (with or without quarantined rows), **1** a file was
refused (nothing changed), **2** a usage error. With `--json`, one object per file:
`{{"file", "kind", "status", "rows_read", "rows_loaded", "rows_updated", "rows_duplicate",
"rows_quarantined", "errors": [{{"line", "column", "reason"}}]}}` (the first 20 errors;
`python -m pipelines status` and the dashboard's Data page show them all).
Blank templates for every kind, with Greek and with English headers, as CSV and XLSX,
are in `data/templates/`; they load as they are.

## How files are read

- **CSV and text**: UTF-8 with or without BOM, UTF-16 (Excel "Unicode text"), Windows-1253
  and ISO-8859-7 (the older Greek Excel "CSV"), detected automatically. Delimiter `,`,
  `;` or TAB, detected from the header row. Fields may be quoted with `"` (a quote inside is
  doubled) and may contain line breaks. Blank lines and lines whose cells are all empty are
  skipped and counted. A cell holding only a dash (`-`, `–`, `—`) is an empty cell.
- **XLSX**: the sheet whose header row matches the kind is used (not simply the first
  sheet; a visible sheet before a hidden one); title rows above the header are skipped; rows whose first cell says
  «ΣΥΝΟΛΟ», «Σύνολα», «Γενικό σύνολο», "Total" are skipped; Excel dates are real dates; a
  formula with no saved value refuses that row. Before anything is parsed, the archive is
  checked (number of parts, sizes, compression ratio: a "zip bomb" is refused) and XML
  with DOCTYPE/ENTITY declarations is refused.
- **Headers** are matched by name, never by position: capitals, accents, final sigma,
  extra spaces and dashes do not matter; the aliases below are accepted. Columns that are
  not listed (names, telephones, e-mails, notes…) are **ignored and never stored**; the
  summary names them.
- **The header row again** further down (exports pasted one below the other) is skipped and
  counted, not read as a record: a row is the header again when every column the header
  matched holds a header of that same column, written as the header writes it or in any of
  the ways above (the other language's template, capitals, no accents). A row that names
  only some of its columns is a record, and is checked as one. Up to 3 title rows just above
  the repeated header (text in their first cell only, blank rows between allowed) are skipped
  with it and counted.
- **Line numbers** are those a text editor shows (the line where a record starts); for XLSX,
  Excel's row numbers.
- **Dates**: `2024-03-05`, `05/03/2024`, `5/3/24` (always day first), `05.03.2024`,
  `05-03-2024`, and month names in Greek or English, in any case, with or without accents,
  nominative, genitive or abbreviated (`5 Μαρτίου 2024`, `5 ΜΑΡ 2024`, `5 March 2024`).
  Dates of activity and hours must lie between 1 January 2011 and today.
- **Numbers**: `3,5` and `1.234,5` (Greek) or `3.5` and `1,234.5` (English), decided per
  column from its values; a `€` sign is allowed.
- **Hours** (hour records): a number (`2,5`), hours and minutes as Excel shows a time (`2:30`,
  and Excel's time cells), or in words (`2 ώρες`, `45 λεπτά`, `2 ώρες και 30 λεπτά`, `3h`).
  Minutes are turned into hours to four decimals and stored to the hundredth (`0:20` is 0,33 h).
- **Municipalities**: the 4-digit ELSTAT 2021 code (`0101`) or the name in any common
  spelling: with or without «Δήμος», accents, capitals, final sigma, genitive or nominative,
  Latin transliteration (`Komotini`); stray invisible characters and full-width digits are
  ignored. A name shared by two municipalities must be given as a code. An unknown name is
  quarantined with suggestions ("did you mean").
- **Roles** (hour records): written freely in Greek or English (εθελοντής, οδηγός, γιατρός,
  νοσηλεύτρια, εκπαιδευτικός…); `data/reference/role_map.csv` maps them to the role
  categories used to value the work. An unknown word is never refused: it is valued as a
  general volunteer and listed as a data-quality note.

## Loading rules

- Each file loads **all or nothing** for the rows it accepts: the good rows and the refused
  rows of one file are committed together, in one transaction, on a copy of the database
  that replaces the live one only when everything succeeded. A file-level fault changes
  nothing. A load that is interrupted leaves the database as it was before.
- The files given to one command (`ingest hours a.csv b.csv …`) are loaded one after another
  on the same copy, each in its own transaction (a refused file does not stop the others);
  the indicators are then recomputed once, and the copy replaces the live database at the
  end: the dashboard sees all the command's files at once, or none if it is interrupted.
- Each row is checked for required fields, types, ranges, dates, references (the
  organization, activity, space and municipality must exist), field length and NUL
  characters. A refused row goes to **quarantine** with its line, column, value (cut to 200
  characters) and reason; the other rows load.
- **Idempotent**: every kind has a natural key (below). Loading the same file twice, a renamed
  copy, or a cumulative re-submission adds nothing already loaded. A corrected re-submission
  replaces the changed records (the last load wins) and keeps the old values in the
  history table. A record absent from a later file is never deleted, so a header-only file
  changes nothing.
- Within one file, identical rows count once; one key with different values is a conflict
  and all its rows are quarantined.
- **Volunteer identifiers** are replaced, as they are read, by a keyed hash (HMAC-SHA256),
  of which the database keeps the first 64 bits as the volunteer's number (two of a million
  volunteers share one with probability about 3 in 100 million);
  the key is kept outside the database (`CIVHUB_PSEUDONYM_KEY`, or the file named by
  `CIVHUB_KEY_FILE`, by default `pseudonym.key` beside the database, created with mode 0600
  on first use). The same identifier in two files gives the same volunteer. The raw
  identifier is never written to the database, the logs or the quarantine.
- A volunteer whose records add up to more than 24 hours in one day is loaded and listed as a
  data-quality note.
"""


def _column_row(column: Column) -> str:
    aliases = ", ".join(f"`{a}`" for a in sorted({column.el, column.en, *column.aliases}))
    rules = []
    if column.max_len and column.type in {"id", "text", "role", "id_list"}:
        rules.append(f"at most {column.max_len} characters")
    if column.minimum is not None or column.maximum is not None:
        low = f"> {column.minimum:g}" if column.min_exclusive else f"≥ {column.minimum:g}"
        rules.append(" and ".join(x for x in (low if column.minimum is not None else "",
                                              f"≤ {column.maximum:g}" if column.maximum is not None else "") if x))
    if column.ref:
        rules.append(f"must exist in {column.ref}")
    if column.personal:
        rules.append("pseudonymised; never stored as given")
    required = "yes" if column.required else "no"
    return f"| `{column.name}` | {TYPE_TEXT[column.type]} | {required} | {aliases} | {'; '.join(rules)} |"


def _choices(column: Column) -> list[str]:
    lines = [f"Accepted values of `{column.name}` (the code or any of its names):", ""]
    for value, names in (column.choices or {}).items():
        lines.append(f"- `{value}`: {', '.join(names)}")
    return [*lines, ""]


def _kind_section(kind: Kind) -> list[str]:
    lines = [f"### `{kind.name}` — {kind.el} / {kind.en}", "",
             f"Stored in `{kind.table}`; natural key: {', '.join(f'`{k}`' for k in kind.key)}.", "",
             "| column | type | required | header names accepted | rules |", "|---|---|---|---|---|"]
    lines += [_column_row(c) for c in kind.columns]
    lines.append("")
    for column in kind.columns:
        if column.choices:
            lines += _choices(column)
    return lines


def _messages() -> list[str]:
    lines = ["## Every message", "", "| code | Ελληνικά | English |", "|---|---|---|"]
    for code, text in MESSAGES.items():
        lines.append(f"| `{code}` | {text['el']} | {text['en']} |")
    return lines


def render() -> str:
    intro = INTRO.format(kinds=", ".join(f"`{k}`" for k in KINDS), order=" → ".join(f"`{k}`" for k in LOAD_ORDER),
                         suffixes=", ".join(f"`{suffix}`" for suffix in SUBMISSION_SUFFIXES))
    body = [intro, "## Kinds and columns", ""]
    for name in LOAD_ORDER:
        body += _kind_section(KINDS[name])
    body += _messages()
    return "\n".join(body).rstrip() + "\n"


def write() -> None:
    DOC_PATH.parent.mkdir(exist_ok=True)
    DOC_PATH.write_text(render(), encoding="utf-8")

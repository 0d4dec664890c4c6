"""Build the corpus files that cannot be typed in an editor.

These are the files in other encodings, with NUL bytes or invisible characters, with exact
lengths, with a 2 MB line, and the XLSX workbooks and hostile archives. The plain UTF-8 files
of ``files/`` are written by hand. Run from the repository root to rewrite them:

    python tests/corpus/make_corpus.py

The output is the same on every run, byte for byte (XLSX timestamps are fixed), and a test
checks that the committed files are what this script makes. Files over ~3 MB are not
committed: the tests build them in a temporary folder with ``build_large``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

import openpyxl

FILES = Path(__file__).resolve().parent / "files"

GREEK_HOURS_HEADER = [
    "Κωδικός εγγραφής", "Κωδικός εθελοντή", "Κωδικός οργάνωσης", "Δήμος", "Ημερομηνία", "Ώρες", "Ρόλος",
]
HOURS_HEADER = "record_id,volunteer_id,org_id,municipality_code,date,hours,role"
LONG_FIELD_CHARS = 2_100_000
# One more than the readers' limit on a field (civhub.config.MAX_FIELD_CHARS, 16 MiB of characters).
OVER_LIMIT_CHARS = 16 * 1024 * 1024 + 1
# Zip entries and document properties carry this instead of the time of the build.
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
FIXED_W3CDTF = b"2024-01-01T00:00:00Z"


def _lines(rows: list[str], end: str = "\n") -> str:
    return "".join(row + end for row in rows)


def _legacy_rows(prefix: str) -> list[str]:
    """Hour records whose text differs between Windows-1253 and ISO-8859-7 ('Ά' is 0xA2 in one, 0xB6 in the other)."""
    return [
        ";".join(GREEK_HOURS_HEADER),
        f"{prefix}-1;V-101;ORG-A;Δήμος Άνδρου;05/03/2024;2,5;Άλλος ρόλος",
        f"{prefix}-2;V-102;ORG-B;0102;06/03/2024;1,5;οδηγός",
    ]


def enc_utf8_bom() -> bytes:
    return b"\xef\xbb\xbf" + _lines(_legacy_rows("BOM")).encode("utf-8")


def enc_utf16le_tab() -> bytes:
    # What Excel saves as "Unicode text": UTF-16 LE with its BOM, tab-separated, CRLF.
    rows = [row.replace(";", "\t") for row in _legacy_rows("U16")]
    return b"\xff\xfe" + _lines(rows, "\r\n").encode("utf-16-le")


def enc_utf16le_multiline() -> bytes:
    # Excel's "Unicode text" quotes a cell with a line break in it (Alt+Enter) and keeps its CRLF.
    rows = [
        "\t".join(GREEK_HOURS_HEADER),
        'U16M-1\tV-103\tORG-A\t0101\t05/03/2024\t2,5\t"οδηγός\r\nκαι βοηθός"',
        "U16M-2\tV-103\tORG-A\t0101\t06/03/2024\t1,5\tοδηγός",
        "U16M-3\tV-103\tORG-A\t0101\t07/03/2024\t0\tοδηγός",
    ]
    return b"\xff\xfe" + _lines(rows, "\r\n").encode("utf-16-le")


def enc_cp1253() -> bytes:
    return _lines(_legacy_rows("W1253"), "\r\n").encode("cp1253")


def enc_iso8859_7() -> bytes:
    return _lines(_legacy_rows("ISO"), "\r\n").encode("iso-8859-7")


def support_cp1253_euro() -> bytes:
    rows = [
        "Δήμος;Έτος;Κωδικός οργάνωσης;Είδος στήριξης;Ποσό (€)",
        "Κομοτηνής;2023;ORG-A;επιχορήγηση;1.234,50 €",
        "0101;2023;;ρεύμα νερό;€ 300",
        "Αρριανών;2010;;χώρος;100",
        "0102;2024;ORG-B;Προσωπικό;2.000",
    ]
    return _lines(rows, "\r\n").encode("cp1253")


def long_line_2mb() -> bytes:
    rows = [
        HOURS_HEADER,
        "LL-1,V-203,ORG-A,0101,2024-03-05,1,οδηγός",
        "LL-2,V-203,ORG-A,0101,2024-03-06,1," + "x" * LONG_FIELD_CHARS,
        "LL-3,V-203,ORG-A,0101,2024-03-07,1,οδηγός",
        "LL-4,V-203,ORG-A,0101,2024-03-08,0,οδηγός",
    ]
    return _lines(rows).encode("utf-8")


def nul_in_field() -> bytes:
    rows = [
        HOURS_HEADER,
        "NUL-1,V-204,ORG-A,0101,2024-03-05,1,οδη\0γός",
        "NUL-2,V-2\0" + "05,ORG-A,0101,2024-03-05,1,οδηγός",
        "NUL-3,V-204,ORG-A,0101,2024-03-06,1,οδηγός",
    ]
    return _lines(rows).encode("utf-8")


def empty() -> bytes:
    return b""


def whitespace_only() -> bytes:
    return b"   \r\n\t\n \xc2\xa0 \n\n"


def binary_junk() -> bytes:
    # Every byte value, as in an image or a program renamed to .csv: no text encoding decodes it.
    return bytes(range(256)) * 16


def text_too_long() -> bytes:
    rows = [
        "org_id,name,type,municipality_code",
        "TL-1," + "Α" * 200 + ",association,0101",
        "TL-2," + "Β" * 201 + ",association,0101",
        "T" * 65 + ",Σύλλογος,association,0101",
        "TL-4,Σύλλογος,,0101",
    ]
    return _lines(rows).encode("utf-8")


# Fourteen ways people write the municipality of Komotini (0101); the invisible ones are spelled out here.
KOMOTINI_SPELLINGS = (
    "0101",
    "101",
    "Δήμος Κομοτηνής",
    "ΔΗΜΟΣ ΚΟΜΟΤΗΝΗΣ",
    "ΚΟΜΟΤΗΝΗΣ",
    "Κομοτηνής",
    "Κομοτηνη",
    "κομοτηνης",
    "Κομοτηνή",
    "Komotini",
    "Dimos Komotinis",
    "\uff10\uff11\uff10\uff11",  # full-width digits
    "Κομο\u200bτηνής",  # a zero-width space inside
    "  Δήμος   Κομοτηνής  ",
)


def municipality_spellings() -> bytes:
    rows = ["org_id,name,type,municipality_code"]
    rows += [f"MS-{i:02d},Σύλλογος {i},association,{text}" for i, text in enumerate(KOMOTINI_SPELLINGS, 1)]
    return _lines(rows).encode("utf-8")


def field_over_limit() -> bytes:
    rows = [
        HOURS_HEADER,
        "FL-1,V-911,ORG-A,0101,2024-03-05,1," + "x" * OVER_LIMIT_CHARS,
        "FL-2,V-911,ORG-A,0101,2024-03-06,1,οδηγός",
        "FL-3,V-911,ORG-A,0101,2024-03-07,0,οδηγός",
    ]
    return _lines(rows).encode("utf-8")


# XLSX ------------------------------------------------------------------------------------------


def _rewrite_zip(data: bytes, changes: dict[str, Callable[[bytes], bytes]] | None = None,
                 extra: dict[str, bytes] | None = None) -> bytes:
    """The archive ``data`` with fixed timestamps, some members changed and some added."""
    changes = dict(changes or {})
    changes["docProps/core.xml"] = lambda xml: re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", FIXED_W3CDTF, xml)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
        for name, content in [*members, *(extra or {}).items()]:
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, changes.get(name, lambda x: x)(content))
    return out.getvalue()


def _saved(book: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_multi_sheet() -> bytes:
    """Instructions on the first sheet, the data on the second under merged title rows, a total row, a decoy sheet."""
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Οδηγίες"
    notes.append(["Συμπληρώστε μία εγγραφή ανά γραμμή."])
    notes.append(["Οι ημερομηνίες γράφονται ως ημερομηνίες του Excel."])
    data = book.create_sheet("Μάρτιος 2024")
    data.append(["ΩΡΕΣ ΕΘΕΛΟΝΤΙΣΜΟΥ — ΜΑΡΤΙΟΣ 2024"])
    data.merge_cells("A1:G1")
    data.append(["Οργάνωση: Κοινωνικό Παντοπωλείο Κομοτηνής"])
    data.merge_cells("A2:G2")
    data.append([])
    data.append(["Α/Α", "Κωδικός εθελοντή", "Κωδικός οργάνωσης", "Δήμος", "Ημερομηνία", "Ώρες", "Ρόλος"])
    data.append(["XS-1", "V-601", "ORG-A", "Κομοτηνής", date(2024, 3, 5), 2.5, "οδηγός"])
    data.append(["XS-2", "V-602", "ORG-A", "Κομοτηνής", date(2024, 3, 6), 4, "γιατρός"])
    data.append(["XS-3", "V-603", "ORG-A", "Κομοτηνής", date(2099, 1, 1), 1, "οδηγός"])
    data.append(["XS-4", "V-601", "ORG-A", "Κομοτηνής", "07/03/2024", 1.5, None])
    data.append(["ΣΥΝΟΛΟ", None, None, None, None, "=SUM(F5:F8)", None])
    decoy = book.create_sheet("Σύνοψη")
    decoy.append(["Κωδικός οργάνωσης", "Ώρες"])
    decoy.append(["ORG-A", 9])
    return _rewrite_zip(_saved(book))


def xlsx_excel_types() -> bytes:
    """Cells as Excel types them: numbers for identifiers and for the code 0101 (shown as 101), a date as text,
    decimal commas as text, a sum with binary noise (0.1 + 0.2)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Α/Α", "Κωδικός εθελοντή", "Κωδικός οργάνωσης", "Δήμος", "Ημερομηνία", "Ώρες", "Ρόλος"])
    sheet.append([1, 12345, "ORG-A", 101, "5 Μαρτίου 2024", "2,5", "οδηγός"])
    sheet.append([2, 12346, "ORG-A", 101, datetime(2024, 3, 6, 0, 0), "1,5", None])
    sheet.append([3, 12347, "ORG-A", "Κομοτηνής", date(2024, 3, 7), 0.1 + 0.2, None])
    sheet.append([4.0, 12348, "ORG-A", 101, date(2024, 3, 8), 25, None])
    return _rewrite_zip(_saved(book))


def xlsx_numbers_mixed() -> bytes:
    """Number cells (1.375 and 12.5 kg) in a column where one cell is text with a decimal comma ('2,5')."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["activity_id", "org_id", "municipality_code", "date", "category", "title", "service_units",
                  "service_unit"])
    sheet.append(["XN-1", "ORG-A", "0101", date(2024, 2, 1), "agriculture", "Λαχανικά", 1.375, "kg"])
    sheet.append(["XN-2", "ORG-A", "0101", date(2024, 2, 2), "agriculture", "Λαχανικά", "2,5", "kg"])
    sheet.append(["XN-3", "ORG-A", "0101", date(2024, 2, 3), "agriculture", "Λαχανικά", 12.5, "kg"])
    return _rewrite_zip(_saved(book))


def xlsx_hours_as_time() -> bytes:
    """Hours as people type them in Excel: time cells (2:30 typed into a cell, a duration), and text."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Κωδικός εγγραφής", "Κωδικός εθελοντή", "Κωδικός οργάνωσης", "Δήμος", "Ημερομηνία", "Ώρες"])
    hours = [time(2, 30), timedelta(hours=1, minutes=45), "2:30", "2 ώρες", "45 λεπτά", "2 ώρες και 20 λεπτά",
             "3h", "2:75"]
    for number, value in enumerate(hours, 1):
        sheet.append([f"XT-{number}", f"V-{700 + number}", "ORG-A", "0101", date(2024, 3, number), value])
    sheet["F2"].number_format = "h:mm"
    sheet["F3"].number_format = "[h]:mm"
    return _rewrite_zip(_saved(book))


def xlsx_repeated_header() -> bytes:
    """Two months pasted one below the other, the second with its header row (row 3)."""
    book = openpyxl.Workbook()
    sheet = book.active
    header = ["Κωδικός εγγραφής", "Κωδικός εθελοντή", "Κωδικός οργάνωσης", "Δήμος", "Ημερομηνία", "Ώρες"]
    sheet.append(header)
    sheet.append(["XR-1", "V-511", "ORG-A", "0101", date(2024, 3, 5), 2])
    sheet.append(header)
    sheet.append(["XR-2", "V-512", "ORG-A", "0101", date(2024, 4, 5), 3])
    sheet.append(["XR-3", "V-513", "ORG-A", "0101", date(2024, 4, 6), "x"])
    return _rewrite_zip(_saved(book))


def xlsx_repeated_header_variant() -> bytes:
    """Exports of two templates pasted together: the English header, then the Greek one in capitals and
    without accents (row 3), then a row that names some columns but is data (row 5)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Record ID", "Volunteer ID", "Organization ID", "Municipality", "Date", "Hours"])
    sheet.append(["XV-1", "V-531", "ORG-A", "0101", date(2024, 3, 5), 2])
    sheet.append(["ΚΩΔΙΚΟΣ ΕΓΓΡΑΦΗΣ", "ΚΩΔΙΚΟΣ ΕΘΕΛΟΝΤΗ", "ΚΩΔΙΚΟΣ ΟΡΓΑΝΩΣΗΣ", "ΔΗΜΟΣ", "ΗΜΕΡΟΜΗΝΙΑ", "ΩΡΕΣ"])
    sheet.append(["XV-2", "V-532", "ORG-A", "0101", date(2024, 4, 5), 3])
    sheet.append(["XV-3", "V-533", "ORG-A", "Δήμος", "Date", "Hours"])
    return _rewrite_zip(_saved(book))


def _cache_value(cell: str, value: str) -> Callable[[bytes], bytes]:
    """Give the formula in ``cell`` the value Excel would have saved with it."""

    def change(xml: bytes) -> bytes:
        pattern = rb'(<c r="' + cell.encode() + rb'"[^>]*><f>[^<]*</f>)<v\s*/>'
        result, count = re.subn(pattern, rb"\1<v>" + value.encode() + b"</v>", xml)
        if count != 1:
            raise ValueError(f"no formula without a value in {cell}")
        return result

    return change


def xlsx_formulas() -> bytes:
    """Formulas with a saved value (F3), without one in a used column (F4) and in an ignored column (G5)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Ώρες"
    sheet.append(["record_id", "volunteer_id", "org_id", "municipality_code", "date", "hours", "Σημειώσεις"])
    sheet.append(["XF-1", "V-701", "ORG-B", "0102", date(2024, 3, 5), 2, None])
    sheet.append(["XF-2", "V-701", "ORG-B", "0102", date(2024, 3, 6), "=1+2", None])
    sheet.append(["XF-3", "V-701", "ORG-B", "0102", date(2024, 3, 7), "=2*1.5", None])
    sheet.append(["XF-4", "V-701", "ORG-B", "0102", date(2024, 3, 8), 1, '=A1&"-"&B1'])
    return _rewrite_zip(_saved(book), {"xl/worksheets/sheet1.xml": _cache_value("F3", "3")})


def _small_hours_book() -> bytes:
    book = openpyxl.Workbook()
    book.active.append(["record_id", "volunteer_id", "org_id", "municipality_code", "date", "hours"])
    book.active.append(["XB-1", "V-702", "ORG-A", "0101", date(2024, 3, 5), 1])
    return _saved(book)


def xlsx_zip_bomb() -> bytes:
    # The data sheet itself, padded with 20 MB of spaces that deflate to about 20 KB. The workbook is valid and
    # would load if it were parsed: only the check of the archive, before any parsing, refuses it.
    def pad(xml: bytes) -> bytes:
        return xml.replace(b"</worksheet>", b" " * (20 * 1024 * 1024) + b"</worksheet>")

    return _rewrite_zip(_small_hours_book(), {"xl/worksheets/sheet1.xml": pad})


BILLION_LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<!DOCTYPE worksheet [\n<!ENTITY lol "lol">\n'
    + b"".join(
        b"<!ENTITY lol%d \"%s\">\n" % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
    )
    + b"]>\n"
)


def xlsx_billion_laughs() -> bytes:
    def change(xml: bytes) -> bytes:
        body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
        return BILLION_LAUGHS + body.replace(b"<t>XB-1</t>", b"<t>&lol9;</t>", 1)

    return _rewrite_zip(_small_hours_book(), {"xl/worksheets/sheet1.xml": change})


def xlsx_truncated() -> bytes:
    # A download cut halfway: the ZIP signature is there, the central directory is not.
    whole = _rewrite_zip(_small_hours_book())
    return whole[: len(whole) // 2]


GENERATED: dict[str, Callable[[], bytes]] = {
    "enc_utf8_bom.csv": enc_utf8_bom,
    "enc_utf16le_tab.txt": enc_utf16le_tab,
    "enc_utf16le_multiline.txt": enc_utf16le_multiline,
    "enc_cp1253.csv": enc_cp1253,
    "enc_iso8859_7.csv": enc_iso8859_7,
    "support_cp1253_euro.csv": support_cp1253_euro,
    "long_line_2mb.csv": long_line_2mb,
    "nul_in_field.csv": nul_in_field,
    "empty.csv": empty,
    "whitespace_only.csv": whitespace_only,
    "binary_junk.csv": binary_junk,
    "text_too_long.csv": text_too_long,
    "municipality_spellings.csv": municipality_spellings,
    "xlsx_multi_sheet.xlsx": xlsx_multi_sheet,
    "xlsx_formulas.xlsx": xlsx_formulas,
    "xlsx_excel_types.xlsx": xlsx_excel_types,
    "xlsx_numbers_mixed.xlsx": xlsx_numbers_mixed,
    "xlsx_hours_as_time.xlsx": xlsx_hours_as_time,
    "xlsx_repeated_header.xlsx": xlsx_repeated_header,
    "xlsx_repeated_header_variant.xlsx": xlsx_repeated_header_variant,
    "xlsx_zip_bomb.xlsx": xlsx_zip_bomb,
    "xlsx_billion_laughs.xlsx": xlsx_billion_laughs,
    "xlsx_truncated.xlsx": xlsx_truncated,
}
# Too big to commit: built at test time.
LARGE: dict[str, Callable[[], bytes]] = {"field_over_limit.csv": field_over_limit}


def build(folder: Path = FILES) -> list[Path]:
    """Write every committed generated file into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in GENERATED.items():
        (folder / name).write_bytes(make())
        written.append(folder / name)
    return written


def build_large(name: str, folder: Path) -> Path:
    """Write the large file ``name`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    target.write_bytes(LARGE[name]())
    return target


if __name__ == "__main__":
    for path in build():
        print(path.name, path.stat().st_size)

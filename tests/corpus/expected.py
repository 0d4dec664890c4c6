"""What the loader must answer for each corpus file, worked out by hand from the file and docs/data-formats.md.

Every entry runs against a database holding only the fixture (``fixture/``: organizations
ORG-A in 0101, ORG-B in 0102, ORG-C in 7101; activities ACT-1 and ACT-2), after the files
of ``before`` (same kind) are loaded. Lines are the lines a text editor shows (the line
where a record starts), or Excel's row numbers. A refusal is the English message exactly
as ``--json`` prints it, with where it happened.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    id: str
    file: str
    kind: str
    status: str  # loaded | refused
    exit_code: int
    read: int = 0
    loaded: int = 0
    updated: int = 0
    duplicate: int = 0
    quarantined: int = 0
    quarantine: tuple[tuple[int, str | None, str], ...] = ()  # (line, column, reason code)
    refusal_code: str | None = None  # the code of pipelines/messages.py
    refusal: str | None = None
    refusal_line: int | None = None
    refusal_column: str | None = None
    before: tuple[str, ...] = ()
    large: bool = False  # built at test time by make_corpus.build_large, not committed


def ok(id: str, file: str, kind: str, read: int, loaded: int, updated: int = 0, duplicate: int = 0,
       quarantine: tuple = (), before: tuple[str, ...] = (), large: bool = False) -> Entry:
    return Entry(id, file, kind, "loaded", 0, read, loaded, updated, duplicate, len(quarantine), quarantine,
                 before=before, large=large)


def refused(id: str, file: str, kind: str, code: str, message: str, line: int | None = None,
            column: str | None = None) -> Entry:
    return Entry(id, file, kind, "refused", 1, refusal_code=code, refusal=message, refusal_line=line,
                 refusal_column=column)


CORPUS: tuple[Entry, ...] = (
    # Encodings and delimiters: 'Δήμος Άνδρου' (5901) and the role 'Άλλος ρόλος' only read right in the right code page.
    ok("enc_utf8", "enc_utf8.csv", "hours", read=2, loaded=2),
    ok("enc_utf8_bom_semicolon", "enc_utf8_bom.csv", "hours", read=2, loaded=2),
    ok("enc_utf16le_tab", "enc_utf16le_tab.txt", "hours", read=2, loaded=2),
    # A cell with a line break (CRLF) in UTF-16: the record after it starts on line 4.
    ok("enc_utf16le_multiline", "enc_utf16le_multiline.txt", "hours", read=3, loaded=2,
       quarantine=((5, "hours", "out_of_range"),)),
    ok("enc_cp1253", "enc_cp1253.csv", "hours", read=2, loaded=2),
    ok("enc_iso8859_7", "enc_iso8859_7.csv", "hours", read=2, loaded=2),
    # Windows-1253 with '€' (0x80) and Greek decimal commas; the year 2010 is before 2011.
    ok("support_cp1253_euro", "support_cp1253_euro.csv", "support", read=4, loaded=3,
       quarantine=((4, "year", "out_of_range"),)),
    # Day-first dates; 01/13/2024 has no month 13.
    ok("dates_day_first", "dates_day_first.csv", "hours", read=7, loaded=6, quarantine=((8, "date", "bad_date"),)),
    # Greek month names: genitive, capitals, no accents, abbreviated, weekday, nominative, English; no day; day 32.
    ok("dates_greek_months", "dates_greek_months.csv", "hours", read=12, loaded=10,
       quarantine=((12, "date", "bad_date"), (13, "date", "bad_date"))),
    # A 2.1 MB role on line 3 (limit 100 characters); line 5 still has its own number.
    ok("long_line_2mb", "long_line_2mb.csv", "hours", read=4, loaded=2,
       quarantine=((3, "role", "too_long"), (5, "hours", "out_of_range"))),
    # A field of 16 MiB + 1 characters: over the readers' limit, the row is refused, not the file.
    ok("field_over_limit", "field_over_limit.csv", "hours", read=3, loaded=1,
       quarantine=((2, "role", "field_too_long"), (4, "hours", "out_of_range")), large=True),
    ok("nul_in_field", "nul_in_field.csv", "hours", read=3, loaded=1,
       quarantine=((2, "role", "nul_byte"), (3, "volunteer_id", "nul_byte"))),
    # Cut mid-row: the last record opens a quote that never closes.
    ok("truncated_quote", "truncated_quote.csv", "hours", read=2, loaded=1,
       quarantine=((3, None, "unterminated_quote"),)),
    # Records on lines 2 (to 4), 5, 6, 7 (to 8) and 9.
    ok("embedded_newlines", "embedded_newlines.csv", "activities", read=5, loaded=3,
       quarantine=((6, "category", "unknown_choice"), (9, "org_id", "unknown_reference"))),
    # DW-1 twice alike (one duplicate), DW-2 twice unlike (both refused), DW-1 of ORG-B is another record,
    # DW-4 twice with the same values written differently (' V-209 ', 06/03/2024, 1.50).
    ok("dup_within_file", "dup_within_file.csv", "hours", read=8, loaded=4, duplicate=2,
       quarantine=((4, "record_id", "conflicting_record"), (5, "record_id", "conflicting_record"))),
    ok("resub_base", "resub_base.csv", "hours", read=3, loaded=3),
    ok("resub_same_file_twice", "resub_base.csv", "hours", read=3, loaded=0, duplicate=3, before=("resub_base.csv",)),
    ok("resub_renamed_copy", "resub_base - Copy.csv", "hours", read=3, loaded=0, duplicate=3,
       before=("resub_base.csv",)),
    ok("resub_cumulative", "resub_cumulative.csv", "hours", read=5, loaded=2, duplicate=3,
       before=("resub_base.csv",)),
    # RS-2 corrected from 2.5 to 3.5 hours, rows in another order.
    ok("resub_correction", "resub_correction.csv", "hours", read=3, loaded=0, updated=1, duplicate=2,
       before=("resub_base.csv",)),
    refused("empty", "empty.csv", "hours", "empty_file", "The file is empty."),
    ok("header_only", "header_only.csv", "hours", read=0, loaded=0),
    refused("whitespace_only", "whitespace_only.csv", "hours", "empty_file", "The file is empty."),
    refused("only_delimiters", "only_delimiters.csv", "hours", "no_header",
            "No header row with the columns of kind 'hours' was found."),
    refused("missing_columns", "missing_columns.csv", "hours", "missing_columns",
            "Required columns are missing: Date (date), Hours (hours). (line 1)", line=1),
    refused("duplicate_column", "duplicate_column.csv", "hours", "duplicate_column",
            "The column 'hours' appears twice in the header. (line 1, column 'Ώρες')", line=1, column="Ώρες"),
    refused("binary_junk", "binary_junk.csv", "hours", "unreadable_encoding",
            "The text encoding was not recognised (accepted: UTF-8, UTF-16, Windows-1253, ISO-8859-7)."),
    ok("unknown_refs", "unknown_refs.csv", "hours", read=5, loaded=1,
       quarantine=((2, "org_id", "unknown_reference"), (3, "activity_id", "unknown_reference"),
                   (4, "municipality_code", "unknown_municipality"), (5, "municipality_code", "unknown_municipality"))),
    # Name, telephone, e-mail and notes columns: ignored, the rows load.
    ok("personal_columns", "personal_columns.csv", "hours", read=2, loaded=2),
    ok("formula_html_text", "formula_html_text.csv", "organizations", read=5, loaded=5),
    # Sheet 'Μάρτιος 2024' (the second): merged titles on rows 1-2, header on row 4, ΣΥΝΟΛΟ on row 9.
    ok("xlsx_multi_sheet", "xlsx_multi_sheet.xlsx", "hours", read=4, loaded=3,
       quarantine=((7, "date", "date_in_future"),)),
    ok("xlsx_formulas", "xlsx_formulas.xlsx", "hours", read=4, loaded=3,
       quarantine=((4, "hours", "formula_without_value"),)),
    # Numbers where Excel keeps numbers: identifiers, the code 0101 shown as 101, a sum 0.1 + 0.2.
    ok("xlsx_excel_types", "xlsx_excel_types.xlsx", "hours", read=4, loaded=3,
       quarantine=((5, "hours", "out_of_range"),)),
    # Hours as Excel keeps what people type: a time cell 2:30 (row 2), a duration 1:45 (row 3), and text;
    # 2:75 is no time.
    ok("xlsx_hours_as_time", "xlsx_hours_as_time.xlsx", "hours", read=8, loaded=7,
       quarantine=((9, "hours", "bad_hours"),)),
    # A dash (-, –, —) in a cell is an empty cell: no activity, no role (rows 2, 3); no hours, no volunteer (4, 5).
    ok("dash_placeholders", "dash_placeholders.csv", "hours", read=4, loaded=2,
       quarantine=((4, "hours", "required"), (5, "volunteer_id", "required"))),
    # The header row again on line 3 (two exports pasted together): skipped, not read as a record, and the
    # lines after it keep their numbers; on the fast path (plain UTF-8) and in a workbook.
    ok("repeated_header", "repeated_header.csv", "hours", read=3, loaded=2, quarantine=((5, "hours", "bad_hours"),)),
    ok("xlsx_repeated_header", "xlsx_repeated_header.xlsx", "hours", read=3, loaded=2,
       quarantine=((5, "hours", "bad_hours"),)),
    # Hours of 20 digits (line 3), too many for any number column to hold, are out of range as 14 digits are (line 4).
    ok("huge_number", "huge_number.csv", "hours", read=3, loaded=1,
       quarantine=((3, "hours", "out_of_range"), (4, "hours", "out_of_range"))),
    # Lines ending in CR LF and in LF in one file (exports pasted together from two systems): read line by line.
    ok("mixed_line_endings", "mixed_line_endings.csv", "hours", read=3, loaded=2,
       quarantine=((4, "hours", "bad_hours"),)),
    # Two exports pasted together, each with its title row: the second title (line 5) goes with the repeated header
    # (line 7); a row with only its first cell further down (line 9) is a record, refused as one.
    ok("repeated_header_titles", "repeated_header_titles.csv", "hours", read=4, loaded=2,
       quarantine=((9, "volunteer_id", "required"), (10, "hours", "bad_hours"))),
    # The header row again written another way: in the other template's language, in capitals, without
    # accents (lines 3 and 5, the cell of the ignored column too). Line 7 holds headers in some columns only:
    # a record, refused for its date. On the fast path (plain UTF-8) and in a workbook (row 3; row 5 is data).
    ok("repeated_header_variant", "repeated_header_variant.csv", "hours", read=4, loaded=2,
       quarantine=((6, "hours", "bad_hours"), (7, "date", "bad_date"))),
    ok("xlsx_repeated_header_variant", "xlsx_repeated_header_variant.xlsx", "hours", read=3, loaded=2,
       quarantine=((5, "municipality_code", "unknown_municipality"),)),
    # Hours in words with a Greek decimal comma; «μισή ώρα» (half an hour) is not read.
    ok("hours_in_words", "hours_in_words.csv", "hours", read=4, loaded=3, quarantine=((5, "hours", "bad_hours"),)),
    # A number cell is a number: 1.375 kg is not 1,375 kg because another cell of the column says '2,5'.
    ok("xlsx_numbers_mixed", "xlsx_numbers_mixed.xlsx", "activities", read=3, loaded=3),
    # The records of xlsx_formulas.xlsx sent again as CSV: only XF-3 (refused there for its formula) is new.
    ok("resub_xlsx_as_csv", "resub_xlsx_as_csv.csv", "hours", read=4, loaded=1, duplicate=3,
       before=("xlsx_formulas.xlsx",)),
    refused("xlsx_zip_bomb", "xlsx_zip_bomb.xlsx", "hours", "zip_bomb",
            "The Excel file decompresses to a suspiciously large size and was refused."),
    refused("xlsx_billion_laughs", "xlsx_billion_laughs.xlsx", "hours", "xml_entities",
            "The Excel file contains XML declarations (DOCTYPE/ENTITY) that are not allowed."),
    refused("xlsx_truncated", "xlsx_truncated.xlsx", "hours", "unreadable_xlsx", "The Excel file cannot be read."),
    # Two title lines and a line of empty cells above the header (line 4).
    ok("title_rows_above_header", "title_rows_above_header.csv", "hours", read=3, loaded=2,
       quarantine=((6, "hours", "bad_hours"),)),
    # An empty line (3), a line of empty cells (4), one of spaces and commas (6).
    ok("blank_lines", "blank_lines.csv", "hours", read=3, loaded=2, quarantine=((7, "org_id", "unknown_reference"),)),
    ok("dates_out_of_range", "dates_out_of_range.csv", "hours", read=5, loaded=2,
       quarantine=((2, "date", "date_in_future"), (3, "date", "date_too_early"), (6, "date", "date_too_early"))),
    ok("hours_out_of_range", "hours_out_of_range.csv", "hours", read=7, loaded=2,
       quarantine=((2, "hours", "out_of_range"), (3, "hours", "out_of_range"), (4, "hours", "out_of_range"),
                   (7, "hours", "required"), (8, "hours", "bad_hours"))),
    # Names of 200 (the limit) and 201 characters, an identifier of 65 (limit 64), an empty type.
    ok("text_too_long", "text_too_long.csv", "organizations", read=4, loaded=1,
       quarantine=((3, "name", "too_long"), (4, "org_id", "too_long"), (5, "type", "required"))),
    ok("municipality_spellings", "municipality_spellings.csv", "organizations", read=14, loaded=14),
    ok("municipality_ambiguous", "municipality_ambiguous.csv", "organizations", read=4, loaded=2,
       quarantine=((2, "municipality_code", "ambiguous_municipality"),
                   (5, "municipality_code", "ambiguous_municipality"))),
    # Headers in capitals, without accents, with a plain final sigma, extra spaces, aliases; English aliases.
    ok("headers_greek_variants", "headers_greek_variants.csv", "hours", read=1, loaded=1),
    ok("headers_english", "headers_english.csv", "hours", read=1, loaded=1),
    # Komotini twice with different dates (a conflict), Ηρακλείου (two municipalities), a centre to open in 2030.
    ok("pact_mixed", "pact_mixed.csv", "pact", read=4, loaded=1,
       quarantine=((2, "municipality_code", "conflicting_record"), (4, "municipality_code", "ambiguous_municipality"),
                   (5, "municipality_code", "conflicting_record"))),
    ok("activities_partners", "activities_partners.csv", "activities", read=5, loaded=1,
       quarantine=((3, "end_date", "end_before_start"), (4, "partner_org_ids", "unknown_reference"),
                   (5, "beneficiaries", "bad_integer"), (6, "service_unit", "missing_unit"))),
    # Service units in a file with no unit column: the row with units (line 2) lacks its unit; the other loads.
    ok("activities_units_no_unit_column", "activities_units_no_unit_column.csv", "activities", read=2, loaded=1,
       quarantine=((2, "service_unit", "missing_unit"),)),
    # AP-1 again with its partners in another order and separator, every value spelled differently.
    ok("activities_partners_reordered", "activities_partners_reordered.csv", "activities", read=1, loaded=0,
       duplicate=1, before=("activities_partners.csv",)),
    # V-950 works 20 + 10 hours on 9 March: loaded, with a note; 24 hours in one record is allowed.
    ok("over_24h_day", "over_24h_day.csv", "hours", read=3, loaded=3),
    # A cell past the header's last column (line 3); empty ones past it (line 4) are harmless.
    ok("too_many_cells", "too_many_cells.csv", "hours", read=3, loaded=2, quarantine=((3, None, "too_many_cells"),)),
)

_CATEGORIES = ("agriculture, coordination, culture, education, environment, food_support, health_care, "
               "housing_support, other, social_support")

# The English reason shown for some quarantined lines (in --json "errors").
REASONS: dict[str, tuple[tuple[int, str], ...]] = {
    "unknown_refs": (
        (2, "There is no organization with this identifier; load it first."),
        (3, "There is no activity with this identifier; load it first."),
        (4, "Unknown municipality. Did you mean: Δήμος Κομοτηνής?"),
        (5, "Unknown municipality."),
    ),
    "municipality_ambiguous": (
        (2, "The name matches several municipalities: Δήμος Ηρακλείου (Περιφέρεια Αττικής), "
            "Δήμος Ηρακλείου (Περιφέρεια Κρήτης). Give the code."),
    ),
    "dup_within_file": ((4, "The same record (ORG-A|DW-2) appears with different values on lines 4, 5."),),
    "hours_out_of_range": ((2, "Value out of range (> 0, ≤ 24)."), (7, "A required field is empty."),
                           (8, "Invalid hours: write a number (2.5), hours:minutes (2:30) "
                               "or e.g. '2 hours 30 minutes'.")),
    "dates_out_of_range": ((2, "The date is in the future."), (3, "The date is before 2011-01-01.")),
    "dates_day_first": ((8, "Invalid date (e.g. 31/12/2024, 2024-12-31, 31 December 2024)."),),
    "text_too_long": ((3, "Text too long (limit 200 characters)."), (4, "Text too long (limit 64 characters).")),
    "xlsx_formulas": ((4, "Excel formula without a computed value; open and save the file in Excel."),),
    "truncated_quote": ((3, "The file ends inside a quoted field (truncated file?)."),),
    "field_over_limit": ((2, "Field far too long."),),
    "nul_in_field": ((2, "The field contains a forbidden character (NUL)."),),
    "embedded_newlines": ((6, f"Value not accepted (accepted: {_CATEGORIES})."),),
    "too_many_cells": ((3, "The line has more cells than the header."),),
    "support_cp1253_euro": ((4, "Value out of range (2011–{year})."),),
    "pact_mixed": ((2, "The same record (0101) appears with different values on lines 2, 5."),),
    "activities_partners": ((3, "The end date is before the start date."),
                            (4, "There is no organization with this identifier; load it first."),
                            (5, "A whole number was expected."), (6, "Service units were given without their unit.")),
}

_LAST_LOAD = "(SELECT max(load_id) FROM loads)"
_HOURS_ROWS = ("SELECT record_id, municipality_code, activity_id, work_date::VARCHAR, hours::VARCHAR, role_raw, "
               "role_category FROM volunteer_hours WHERE record_id LIKE ? ORDER BY org_id, record_id")


def _legacy_rows(prefix: str) -> list[tuple]:
    return [
        (f"{prefix}-1", "5901", None, "2024-03-05", "2.50", "Άλλος ρόλος", "general"),
        (f"{prefix}-2", "0102", None, "2024-03-06", "1.50", "οδηγός", "driver"),
    ]


# What the database holds after an entry: (query, parameters, rows), compared as sorted lists.
CONTENTS: dict[str, tuple[tuple[str, list, list[tuple]], ...]] = {
    "enc_utf8": ((_HOURS_ROWS, ["ENC8-%"], [
        ("ENC8-1", "5901", "ACT-1", "2024-03-05", "3.00", "Άλλος ρόλος", "general"),
        ("ENC8-2", "0102", None, "2024-03-06", "2.00", "οδηγός", "driver"),
    ]),),
    "enc_utf8_bom_semicolon": ((_HOURS_ROWS, ["BOM-%"], _legacy_rows("BOM")),),
    "enc_utf16le_tab": ((_HOURS_ROWS, ["U16-%"], _legacy_rows("U16")),),
    "enc_cp1253": ((_HOURS_ROWS, ["W1253-%"], _legacy_rows("W1253")),),
    "enc_iso8859_7": ((_HOURS_ROWS, ["ISO-%"], _legacy_rows("ISO")),),
    "support_cp1253_euro": (
        ("SELECT municipality_code, year, org_id, kind, amount_eur::VARCHAR FROM municipal_support", [], [
            ("0101", 2023, "ORG-A", "grant", "1234.50"),
            ("0101", 2023, "", "utilities", "300.00"),
            ("0102", 2024, "ORG-B", "staff", "2000.00"),
        ]),
        ("SELECT encoding, delimiter FROM loads WHERE load_id = " + _LAST_LOAD, [], [("cp1253", ";")]),
    ),
    "dates_day_first": (("SELECT record_id, work_date::VARCHAR FROM volunteer_hours", [], [
        ("DF-1", "2024-03-05"), ("DF-2", "2024-03-05"), ("DF-3", "2024-03-05"), ("DF-4", "2024-03-05"),
        ("DF-5", "2024-03-05"), ("DF-6", "2024-01-13"),
    ]),),
    "dates_greek_months": (("SELECT record_id, work_date::VARCHAR FROM volunteer_hours", [], [
        ("GM-1", "2024-03-05"), ("GM-2", "2024-03-05"), ("GM-3", "2024-03-05"), ("GM-4", "2024-03-05"),
        ("GM-5", "2024-03-05"), ("GM-6", "2024-03-05"), ("GM-7", "2024-03-05"), ("GM-8", "2024-03-05"),
        ("GM-9", "2024-05-01"), ("GM-10", "2023-09-03"),
    ]),),
    "long_line_2mb": (
        ("SELECT record_id, role_raw FROM volunteer_hours", [], [("LL-1", "οδηγός"), ("LL-3", "οδηγός")]),
        # The quarantine keeps the first 200 characters of a refused value.
        ("SELECT line, value FROM quarantine WHERE column_name = 'role'", [], [(3, "x" * 200)]),
    ),
    "nul_in_field": (
        ("SELECT record_id FROM volunteer_hours", [], [("NUL-3",)]),
        ("SELECT line, value FROM quarantine", [], [(2, "οδηγός"), (3, None)]),
    ),
    "embedded_newlines": (("SELECT activity_id, title FROM activities WHERE activity_id LIKE 'EN-%'", [], [
        ("EN-1", "Διανομή τροφίμων\nστην κεντρική πλατεία\nκάθε Σάββατο"),
        ("EN-2", 'Μαθήματα "Ελληνικών", για ενήλικες'),
        ("EN-4", "Θέατρο\nγια παιδιά"),
    ]),),
    "dup_within_file": (("SELECT org_id, record_id, hours::VARCHAR FROM volunteer_hours", [], [
        ("ORG-A", "DW-1", "2.00"), ("ORG-A", "DW-4", "1.50"), ("ORG-B", "DW-1", "2.00"), ("ORG-B", "DW-3", "1.00"),
    ]),),
    "resub_cumulative": (("SELECT count(*), sum(hours)::VARCHAR FROM volunteer_hours", [], [(5, "13.00")]),),
    "resub_correction": (
        ("SELECT record_id, hours::VARCHAR FROM volunteer_hours", [], [
            ("RS-1", "3.00"), ("RS-2", "3.50"), ("RS-3", "4.00"),
        ]),
        ("SELECT kind, record_key, json_extract_string(old_values, '$.hours') FROM record_history", [], [
            ("hours", "ORG-A|RS-2", "2.5"),
        ]),
    ),
    "resub_renamed_copy": (("SELECT count(*), sum(hours)::VARCHAR FROM volunteer_hours", [], [(3, "9.50")]),),
    "header_only": (("SELECT count(*) FROM volunteer_hours", [], [(0,)]),),
    "personal_columns": (
        ("SELECT ignored_columns FROM loads WHERE load_id = " + _LAST_LOAD, [], [
            (["Ονοματεπώνυμο", "Τηλέφωνο", "E-mail", "Σημειώσεις"],),
        ]),
        ("SELECT record_id, hours::VARCHAR FROM volunteer_hours", [], [("PC-1", "2.00"), ("PC-2", "3.00")]),
    ),
    "formula_html_text": (("SELECT org_id, name, registry_number FROM organizations WHERE org_id LIKE 'FX-%'", [], [
        ("FX-1", "=cmd|'/c calc'!A1", "+SUM(1)"),
        ("FX-2", "+SUM(1)", "@x"),
        ("FX-3", "@x", "-1+1"),
        ("FX-4", "<script>alert(1)</script>", "<b>12</b>"),
        ("FX-5", '=HYPERLINK("http://example.invalid","click")', None),
    ]),),
    "xlsx_multi_sheet": (
        (_HOURS_ROWS, ["XS-%"], [
            ("XS-1", "0101", None, "2024-03-05", "2.50", "οδηγός", "driver"),
            ("XS-2", "0101", None, "2024-03-06", "4.00", "γιατρός", "medical"),
            ("XS-4", "0101", None, "2024-03-07", "1.50", None, "general"),
        ]),
        ("SELECT sheet FROM loads WHERE load_id = " + _LAST_LOAD, [], [("Μάρτιος 2024",)]),
    ),
    "xlsx_formulas": (("SELECT record_id, work_date::VARCHAR, hours::VARCHAR FROM volunteer_hours", [], [
        ("XF-1", "2024-03-05", "2.00"), ("XF-2", "2024-03-06", "3.00"), ("XF-4", "2024-03-08", "1.00"),
    ]),),
    "enc_utf16le_multiline": (("SELECT record_id, role_raw, hours::VARCHAR FROM volunteer_hours", [], [
        ("U16M-1", "οδηγός\r\nκαι βοηθός", "2.50"), ("U16M-2", "οδηγός", "1.50"),
    ]),),
    "xlsx_excel_types": ((_HOURS_ROWS, ["_"], [  # one-character record ids: 1, 2, 3
        ("1", "0101", None, "2024-03-05", "2.50", "οδηγός", "driver"),
        ("2", "0101", None, "2024-03-06", "1.50", None, "general"),
        ("3", "0101", None, "2024-03-07", "0.30", None, "general"),
    ]),),
    "xlsx_hours_as_time": ((_HOURS_ROWS, ["XT-%"], [  # 2 h 20 min are 2.3333 h, stored to the hundredth
        ("XT-1", "0101", None, "2024-03-01", "2.50", None, "general"),
        ("XT-2", "0101", None, "2024-03-02", "1.75", None, "general"),
        ("XT-3", "0101", None, "2024-03-03", "2.50", None, "general"),
        ("XT-4", "0101", None, "2024-03-04", "2.00", None, "general"),
        ("XT-5", "0101", None, "2024-03-05", "0.75", None, "general"),
        ("XT-6", "0101", None, "2024-03-06", "2.33", None, "general"),
        ("XT-7", "0101", None, "2024-03-07", "3.00", None, "general"),
    ]),),
    "repeated_header": ((_HOURS_ROWS, ["RH-%"], [
        ("RH-1", "0101", None, "2024-03-05", "2.00", None, "general"),
        ("RH-2", "0101", None, "2024-04-05", "3.00", None, "general"),
    ]),),
    "xlsx_repeated_header": ((_HOURS_ROWS, ["XR-%"], [
        ("XR-1", "0101", None, "2024-03-05", "2.00", None, "general"),
        ("XR-2", "0101", None, "2024-04-05", "3.00", None, "general"),
    ]),),
    "dash_placeholders": ((_HOURS_ROWS, ["DP-%"], [
        ("DP-1", "0101", None, "2024-03-05", "2.00", None, "general"),
        ("DP-2", "0101", None, "2024-03-05", "1.50", None, "general"),
    ]),),
    "hours_in_words": ((_HOURS_ROWS, ["HW-%"], [  # 20 minutes are 0.3333 h
        ("HW-1", "0101", None, "2024-03-05", "1.50", "οδηγός", "driver"),
        ("HW-2", "0101", None, "2024-03-05", "0.33", None, "general"),
        ("HW-3", "0101", None, "2024-03-05", "2.50", None, "general"),
    ]),),
    "xlsx_numbers_mixed": (("SELECT activity_id, service_units, service_unit FROM activities "
                            "WHERE activity_id LIKE 'XN-%'", [], [
        ("XN-1", 1.375, "kg_produce"), ("XN-2", 2.5, "kg_produce"), ("XN-3", 12.5, "kg_produce"),
    ]),),
    "resub_xlsx_as_csv": (("SELECT record_id, hours::VARCHAR FROM volunteer_hours", [], [
        ("XF-1", "2.00"), ("XF-2", "3.00"), ("XF-3", "3.00"), ("XF-4", "1.00"),
    ]),),
    "headers_greek_variants": ((_HOURS_ROWS, ["HG-%"], [
        ("HG-1", "0101", None, "2024-03-05", "2.50", "Οδηγός", "driver"),
    ]),),
    "headers_english": ((_HOURS_ROWS, ["HE-%"], [
        ("HE-1", "0101", None, "2024-03-05", "1.50", "driver", "driver"),
    ]),),
    "pact_mixed": (("SELECT municipality_code, signed_on::VARCHAR, centre_opened_on::VARCHAR FROM pact", [], [
        ("0102", "2024-02-01", "2030-03-01"),
    ]),),
    "activities_partners": (
        ("SELECT activity_id, category, beneficiaries, service_units, service_unit, end_date::VARCHAR "
         "FROM activities WHERE activity_id LIKE 'AP-%'", [], [
            ("AP-1", "food_support", 120, 1200.5, "food_parcel", "2024-12-31"),
        ]),
        ("SELECT activity_id, org_id FROM activity_partners WHERE activity_id LIKE 'AP-%'", [], [
            ("AP-1", "ORG-B"), ("AP-1", "ORG-C"),
        ]),
    ),
    "activities_partners_reordered": (
        ("SELECT activity_id, org_id FROM activity_partners WHERE activity_id LIKE 'AP-%'", [], [
            ("AP-1", "ORG-B"), ("AP-1", "ORG-C"),
        ]),
        ("SELECT count(*) FROM record_history", [], [(0,)]),
    ),
    "over_24h_day": (
        ("SELECT note, rows, json_extract(params, '$.hours')::DOUBLE, json_extract_string(params, '$.date') "
         "FROM quality_notes WHERE note = 'over_24h_day'", [], [("over_24h_day", 2, 30.0, "2024-03-09")]),
        # The unknown role (ξεναγός, Ξεναγός) is noted; its records are valued as a general volunteer's.
        ("SELECT sum(rows) FROM quality_notes WHERE note = 'unknown_role'", [], [(2,)]),
        ("SELECT record_id, role_category FROM volunteer_hours", [], [
            ("OV-1", "general"), ("OV-2", "general"), ("OV-3", "driver"),
        ]),
    ),
    "blank_lines": (("SELECT blank_lines FROM loads WHERE load_id = " + _LAST_LOAD, [], [(3,)]),),
    "text_too_long": (("SELECT org_id, length(name) FROM organizations WHERE org_id LIKE 'TL-%'", [], [
        ("TL-1", 200),
    ]),),
    "municipality_spellings": (
        ("SELECT municipality_code, count(*) FROM organizations WHERE org_id LIKE 'MS-%' GROUP BY 1", [], [
            ("0101", 14),
        ]),
    ),
    "municipality_ambiguous": (
        ("SELECT org_id, municipality_code FROM organizations WHERE org_id LIKE 'AM-%'", [], [
            ("AM-2", "7101"), ("AM-3", "4604"),
        ]),
    ),
}

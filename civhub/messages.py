"""Every message a user of the pipelines or the dashboard can get about a file, in Greek and English.

The pipelines write the codes and the dashboard renders them, so the texts live on the read
side (``civhub`` never imports ``pipelines``); ``pipelines/messages.py`` re-exports them.
Reasons are stored as codes with parameters (``quarantine.reason`` / ``params``) and
rendered in the reader's language when shown. ``docs/data-formats.md`` lists them all;
a test checks that every code here is documented there and has both languages.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

MESSAGES: dict[str, dict[str, str]] = {
    # Faults of a whole file: nothing is loaded.
    "file_not_found": {"el": "Το αρχείο δεν βρέθηκε.", "en": "The file was not found."},
    "not_a_file": {"el": "Δεν είναι αρχείο.", "en": "This is not a file."},
    "empty_folder": {
        "el": "Ο φάκελος δεν περιέχει αρχεία για φόρτωση ({suffixes}).",
        "en": "The folder holds no files to load ({suffixes}).",
    },
    "empty_file": {"el": "Το αρχείο είναι κενό.", "en": "The file is empty."},
    "file_too_large": {
        "el": "Το αρχείο είναι πολύ μεγάλο (όριο {limit}).",
        "en": "The file is too large (limit {limit}).",
    },
    "unreadable_encoding": {
        "el": "Η κωδικοποίηση του κειμένου δεν αναγνωρίστηκε (δεκτές: UTF-8, UTF-16, Windows-1253, ISO-8859-7).",
        "en": "The text encoding was not recognised (accepted: UTF-8, UTF-16, Windows-1253, ISO-8859-7).",
    },
    "unreadable_file": {"el": "Το αρχείο δεν μπορεί να ανοιχτεί.", "en": "The file cannot be opened."},
    "xls_not_supported": {
        "el": "Παλιό αρχείο Excel (.xls) ή αρχείο με κωδικό: αποθηκεύστε το ως .xlsx ή CSV χωρίς κωδικό.",
        "en": "Old Excel file (.xls) or password-protected workbook: save it as .xlsx or CSV without a password.",
    },
    "xlsx_parser_unsafe": {
        "el": "Λείπει ο ασφαλής αναλυτής XML (defusedxml)· τα αρχεία Excel δεν διαβάζονται.",
        "en": "The safe XML parser (defusedxml) is missing; Excel files cannot be read.",
    },
    "unreadable_xlsx": {"el": "Το αρχείο Excel δεν μπορεί να διαβαστεί.", "en": "The Excel file cannot be read."},
    "zip_bomb": {
        "el": "Το αρχείο Excel αποσυμπιέζεται σε ύποπτα μεγάλο μέγεθος και απορρίφθηκε.",
        "en": "The Excel file decompresses to a suspiciously large size and was refused.",
    },
    "xml_entities": {
        "el": "Το αρχείο Excel περιέχει δηλώσεις XML (DOCTYPE/ENTITY) που δεν επιτρέπονται.",
        "en": "The Excel file contains XML declarations (DOCTYPE/ENTITY) that are not allowed.",
    },
    "no_header": {
        "el": "Δεν βρέθηκε γραμμή επικεφαλίδων με τις στήλες του είδους «{kind}».",
        "en": "No header row with the columns of kind '{kind}' was found.",
    },
    "missing_columns": {
        "el": "Λείπουν υποχρεωτικές στήλες: {missing_el}.{unrecognised_el}{other_kinds_el}",
        "en": "Required columns are missing: {missing_en}.{unrecognised_en}{other_kinds_en}",
    },
    "duplicate_column": {
        "el": "Η στήλη «{column}» εμφανίζεται δύο φορές στην επικεφαλίδα.",
        "en": "The column '{column}' appears twice in the header.",
    },
    "unknown_kind": {
        "el": "Άγνωστο είδος αρχείου «{kind}» (δεκτά: {kinds}).",
        "en": "Unknown kind of file '{kind}' (accepted: {kinds}).",
    },
    "internal_error": {
        "el": "Απρόβλεπτο σφάλμα κατά τη φόρτωση· τίποτα δεν άλλαξε. Λεπτομέρειες στο αρχείο καταγραφής.",
        "en": "Unexpected error while loading; nothing was changed. Details are in the log.",
    },
    # Reasons a single row is quarantined: the other rows still load.
    "required": {"el": "Υποχρεωτικό πεδίο κενό.", "en": "A required field is empty."},
    "too_long": {"el": "Πολύ μεγάλο κείμενο (όριο {max} χαρακτήρες).", "en": "Text too long (limit {max} characters)."},
    "nul_byte": {
        "el": "Το πεδίο περιέχει μη επιτρεπτό χαρακτήρα (NUL).",
        "en": "The field contains a forbidden character (NUL).",
    },
    "bad_date": {
        "el": "Μη έγκυρη ημερομηνία (π.χ. 31/12/2024, 2024-12-31, 31 Δεκεμβρίου 2024).",
        "en": "Invalid date (e.g. 31/12/2024, 2024-12-31, 31 December 2024).",
    },
    "date_in_future": {"el": "Η ημερομηνία είναι στο μέλλον.", "en": "The date is in the future."},
    "date_too_early": {"el": "Η ημερομηνία είναι πριν από {min}.", "en": "The date is before {min}."},
    "end_before_start": {
        "el": "Η ημερομηνία λήξης είναι πριν από την έναρξη.",
        "en": "The end date is before the start date.",
    },
    "bad_number": {"el": "Μη έγκυρος αριθμός.", "en": "Invalid number."},
    "bad_integer": {"el": "Αναμενόταν ακέραιος αριθμός.", "en": "A whole number was expected."},
    "bad_hours": {
        "el": "Μη έγκυρες ώρες: γράψτε αριθμό (2,5), ώρες:λεπτά (2:30) ή π.χ. «2 ώρες 30 λεπτά».",
        "en": "Invalid hours: write a number (2.5), hours:minutes (2:30) or e.g. '2 hours 30 minutes'.",
    },
    "bad_year": {"el": "Μη έγκυρο έτος.", "en": "Invalid year."},
    "out_of_range": {"el": "Τιμή εκτός ορίων ({range}).", "en": "Value out of range ({range})."},
    "unknown_municipality": {
        "el": "Άγνωστος δήμος.{suggestions_el}",
        "en": "Unknown municipality.{suggestions_en}",
    },
    "ambiguous_municipality": {
        "el": "Το όνομα ταιριάζει σε περισσότερους δήμους: {candidates}. Δώστε τον κωδικό.",
        "en": "The name matches several municipalities: {candidates}. Give the code.",
    },
    "unknown_choice": {
        "el": "Μη αποδεκτή τιμή (δεκτές: {allowed}).",
        "en": "Value not accepted (accepted: {allowed}).",
    },
    "unknown_reference": {
        "el": "Δεν υπάρχει {target} με αυτόν τον κωδικό· πρέπει πρώτα να φορτωθεί.",
        "en": "There is no {target} with this identifier; load it first.",
    },
    "missing_unit": {
        "el": "Δόθηκαν μονάδες υπηρεσίας χωρίς τη μονάδα μέτρησης.",
        "en": "Service units were given without their unit.",
    },
    "conflicting_record": {
        "el": "Η ίδια εγγραφή ({key}) εμφανίζεται με διαφορετικές τιμές στις γραμμές {lines}.",
        "en": "The same record ({key}) appears with different values on lines {lines}.",
    },
    "too_many_cells": {
        "el": "Η γραμμή έχει περισσότερα κελιά από την επικεφαλίδα.",
        "en": "The line has more cells than the header.",
    },
    "field_too_long": {"el": "Υπερβολικά μεγάλο πεδίο.", "en": "Field far too long."},
    "unterminated_quote": {
        "el": "Το αρχείο τελειώνει μέσα σε πεδίο με εισαγωγικά (κομμένο αρχείο;).",
        "en": "The file ends inside a quoted field (truncated file?).",
    },
    "formula_without_value": {
        "el": "Τύπος Excel χωρίς υπολογισμένη τιμή· ανοίξτε και αποθηκεύστε το αρχείο στο Excel.",
        "en": "Excel formula without a computed value; open and save the file in Excel.",
    },
    # Data-quality notes: the rows loaded, but deserve a look.
    "unknown_role": {
        "el": "Άγνωστος ρόλος «{word}» ({rows} εγγραφές): αποτιμήθηκε ως γενικός εθελοντής.",
        "en": "Unknown role '{word}' ({rows} records): valued as a general volunteer.",
    },
    "over_24h_day": {
        "el": "Εθελοντής με {hours} ώρες την {date} (πάνω από 24 σε μία ημέρα).",
        "en": "A volunteer with {hours} hours on {date} (over 24 in one day).",
    },
}

TARGETS = {
    "organizations": {"el": "οργάνωση", "en": "organization"},
    "activities": {"el": "δράση", "en": "activity"},
    "spaces": {"el": "χώρος", "en": "space"},
}


def _suggestions(params: Mapping, lang: str) -> str:
    names = params.get("suggestions") or []
    if not names:
        return ""
    joined = ", ".join(names)
    return f" Μήπως εννοείτε: {joined};" if lang == "el" else f" Did you mean: {joined}?"


def render(code: str, params: Mapping | str | None = None, lang: str = "el") -> str:
    """The message for ``code`` in ``lang`` ("el" or "en"), filled with ``params``."""
    if isinstance(params, str):
        params = json.loads(params or "{}")
    params = dict(params or {})
    template = MESSAGES.get(code, {}).get(lang)
    if template is None:
        return code
    if code == "unknown_municipality":
        params[f"suggestions_{lang}"] = _suggestions(params, lang)
    if code == "unknown_choice" and params.get(f"allowed_{lang}"):
        params["allowed"] = params[f"allowed_{lang}"]
    if code == "missing_columns":
        params |= _missing_columns(params, lang)
    if code == "unknown_reference":
        params["target"] = TARGETS.get(params.get("table", ""), {}).get(lang, params.get("table", ""))
    if "range" not in params and {"min", "max"} & params.keys():
        params["range"] = f"{params.get('min', '')}–{params.get('max', '')}"
    for key, value in list(params.items()):
        if isinstance(value, list):
            params[key] = ", ".join(map(str, value))
    try:
        return template.format_map(_Blanks(params))
    except (IndexError, ValueError):
        return template


_LOOKS_LIKE = {"el": "Μοιάζει με αρχείο του είδους", "en": "It looks like a file of kind"}
_NOT_RECOGNISED = {"el": "Στήλες του αρχείου που δεν αναγνωρίστηκαν", "en": "Columns of the file not recognised"}


def _missing_columns(params: dict, lang: str) -> dict[str, str]:
    """The missing columns by their template header and name (Ώρες (hours)), and the file's headers that
    matched no column."""
    names = params.get("columns", [])
    headers = params.get(f"headers_{lang}") or names
    missing = ", ".join(f"{h} ({name})" if h != name else name for h, name in zip(headers, names, strict=True))
    unrecognised = ", ".join(f"«{h}»" if lang == "el" else f"'{h}'" for h in params.get("unrecognised", []))
    if unrecognised:
        intro = _NOT_RECOGNISED[lang]
        unrecognised = f" {intro}: {unrecognised}."
    others = ", ".join(f"«{k}»" if lang == "el" else f"'{k}'" for k in params.get("other_kinds", []))
    if others:
        others = f" {_LOOKS_LIKE[lang]} {others}."
    return {f"missing_{lang}": missing, f"unrecognised_{lang}": unrecognised, f"other_kinds_{lang}": others}


class _Blanks(dict):
    """Parameters for a message; one that is missing shows as an ellipsis, never as a placeholder."""

    def __missing__(self, key: str) -> str:
        return "…"

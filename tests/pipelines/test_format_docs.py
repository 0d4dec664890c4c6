"""docs/data-formats.md documents every kind, column, alias, accepted value and message."""

from __future__ import annotations

import pytest

from pipelines.format_docs import DOC_PATH, render
from pipelines.kinds import KINDS
from pipelines.messages import MESSAGES
from pipelines.messages import render as render_message


def test_committed_document_is_up_to_date():
    assert DOC_PATH.read_text(encoding="utf-8") == render(), "run: python -m pipelines docs"


def test_every_column_alias_value_and_message_is_in_the_document():
    text = DOC_PATH.read_text(encoding="utf-8")
    for kind in KINDS.values():
        for column in kind.columns:
            for name in (column.name, column.el, column.en, *column.aliases):
                assert f"`{name}`" in text, (kind.name, name)
            for value, names in (column.choices or {}).items():
                assert f"`{value}`" in text and all(n in text for n in names)
    for code, languages in MESSAGES.items():
        assert f"`{code}`" in text and languages["el"] in text and languages["en"] in text


def test_every_code_the_pipelines_raise_has_a_message():
    import re

    from civhub import config

    codes = set()
    for path in (config.ROOT / "pipelines").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r'FileFault\(\s*"([a-z_0-9]+)"', text))
        codes |= set(re.findall(r'"(formula_without_value|too_many_cells|field_too_long|unterminated_quote)"', text))
    assert codes and codes <= MESSAGES.keys(), codes - MESSAGES.keys()


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Required columns are missing: Date (date), Hours (hours). "
           "Columns of the file not recognised: 'Ημ/νια εργ.', 'Ώρες εθελοντ.'."),
    ("el", "Λείπουν υποχρεωτικές στήλες: Ημερομηνία (date), Ώρες (hours). "
           "Στήλες του αρχείου που δεν αναγνωρίστηκαν: «Ημ/νια εργ.», «Ώρες εθελοντ.»."),
])
def test_missing_columns_are_named_as_the_templates_name_them(lang, expected):
    params = {"columns": ["date", "hours"], "unrecognised": ["Ημ/νια εργ.", "Ώρες εθελοντ."],
              "headers_el": ["Ημερομηνία", "Ώρες"], "headers_en": ["Date", "Hours"]}
    assert render_message("missing_columns", params, lang) == expected


def test_missing_columns_without_headers_or_strangers():
    message = render_message("missing_columns", {"columns": ["signed_on"]}, "en")
    assert message == "Required columns are missing: signed_on."


def test_accepted_values_are_listed_by_their_greek_names_in_greek():
    params = {"allowed": ["education", "health_care"], "allowed_el": ["εκπαίδευση", "υγειονομική φροντίδα"]}
    assert render_message("unknown_choice", params, "el") == (
        "Μη αποδεκτή τιμή (δεκτές: εκπαίδευση, υγειονομική φροντίδα)."
    )
    assert render_message("unknown_choice", params, "en") == "Value not accepted (accepted: education, health_care)."
    # Rows quarantined before the Greek names were kept show the codes.
    assert render_message("unknown_choice", {"allowed": ["education"]}, "el") == "Μη αποδεκτή τιμή (δεκτές: education)."

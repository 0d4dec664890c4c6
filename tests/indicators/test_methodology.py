"""docs/methodology.md: written from the registry, in Greek and English, every indicator in both."""

from __future__ import annotations

from civhub import methodology
from civhub.indicators.registry import BY_KEY, INDICATORS
from pipelines.kinds import ACTIVITY_CATEGORIES


def test_the_file_is_current():
    # Fails when the registry changed and `python -m civhub methodology` was not run.
    assert methodology.is_current(), "run: python -m civhub methodology"


def test_every_indicator_is_documented_in_both_languages():
    text = methodology.DOC_PATH.read_text(encoding="utf-8")
    assert methodology.undocumented(text) == {"el": [], "en": []}
    for indicator in INDICATORS:
        assert indicator.formula_el in text and indicator.formula_en in text


def test_a_missing_entry_is_found():
    text = methodology.render()
    entry = f"#### {BY_KEY['leverage_ratio'].label_en} (`leverage_ratio`)"
    assert methodology.undocumented(text.replace(entry, "")) == {"el": [], "en": ["leverage_ratio"]}
    assert methodology.undocumented("# nothing here") == {
        lang: [i.key for i in INDICATORS] for lang in methodology.LANGS
    }


def test_the_diversity_formula_names_the_number_of_categories():
    diversity = BY_KEY["activity_diversity"]
    assert f"ln({len(ACTIVITY_CATEGORIES)})" in diversity.formula_el
    assert f"ln({len(ACTIVITY_CATEGORIES)})" in diversity.formula_en

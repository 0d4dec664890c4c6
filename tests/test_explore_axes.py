"""The Explore scatter's axis titles: the indicator's label, and its unit only where the label does not say it."""

from __future__ import annotations

import pytest

from civhub.explore import _axis


@pytest.mark.parametrize(("key", "lang", "title"), [
    # The label names the unit, word for word.
    ("hours_per_volunteer", "en", "Hours per volunteer"),
    ("volunteers_per_1k", "el", "Εθελοντές ανά 1.000 κατοίκους"),
    # "(€)" stands for "euro"; the rest of the unit is in the label.
    ("value_per_resident", "en", "Value per resident (€)"),
    ("cost_per_beneficiary", "el", "Δημοτικό κόστος ανά ωφελούμενο (€)"),
    # The unit is a plural of the label ("ισοδύναμα", "equivalents").
    ("fte_equivalent", "el", "Ισοδύναμο πλήρους απασχόλησης"),
    ("fte_equivalent", "en", "Full-time equivalent"),
    # The label does not say the scale: the unit follows it.
    ("volunteer_retention", "en", "Volunteer retention — share (0 to 1)"),
    ("social_capital_index", "el", "Δείκτης κοινωνικού κεφαλαίου — εκατοστημόριο (0 έως 100)"),
    ("leverage_ratio", "en", "Leverage of municipal support — euro per euro of municipal support"),
])
def test_axis_titles(key, lang, title):
    assert _axis(key, lang) == title

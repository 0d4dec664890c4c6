"""``docs/methodology.md``, in Greek and English, written from the indicator registry.

Every indicator of ``civhub.indicators.registry`` gets its label, unit, direction, formula and
sources in both languages; the principles that hold for all of them come first. ``python -m civhub
methodology`` rewrites the file and ``--check`` tells whether it still matches the registry.
"""

from __future__ import annotations

from pathlib import Path

from civhub import config
from civhub.indicators.registry import GROUPS, INDICATORS, SOURCES, UNITS, Indicator
from civhub.privacy import MIN_VOLUNTEERS

DOC_PATH = config.ROOT / "docs" / "methodology.md"
LANGS = ("el", "en")

HEADINGS = {
    "el": {"part": "Ελληνικά", "principles": "Γενικές αρχές", "unit": "Μονάδα", "direction": "Κατεύθυνση",
           "definition": "Ορισμός", "sources": "Πηγές", "additive": "Αθροίζεται στις περιοχές",
           "volunteers": "Βασίζεται σε εθελοντές (απόκρυψη μικρών αριθμών)", "yes": "ναι", "no": "όχι",
           "range": "Δημοσιεύεται ως εύρος: κεντρική τιμή στη στήλη `{key}`, κατώτερη `{low}`, ανώτερη `{high}`.",
           "columns": "Στήλες"},
    "en": {"part": "English", "principles": "Principles", "unit": "Unit", "direction": "Direction",
           "definition": "Definition", "sources": "Sources", "additive": "Adds up over areas",
           "volunteers": "Built from volunteers (small-number protection)", "yes": "yes", "no": "no",
           "range": "Published as a range: central value in column `{key}`, low `{low}`, high `{high}`.",
           "columns": "Columns"},
}

# A Greek ";" is a question mark: lists take the ano teleia.
SEPARATORS = {"el": "· ", "en": "; "}

DIRECTIONS = {
    True: {"el": "η μεγαλύτερη τιμή είναι καλύτερη", "en": "higher is better"},
    False: {"el": "η μικρότερη τιμή είναι καλύτερη", "en": "lower is better"},
    None: {"el": "καμία κατεύθυνση δεν είναι καλύτερη", "en": "neither direction is better"},
}

PRINCIPLES = {
    "el": [
        "**Περιοχές και περίοδοι.** Κάθε δείκτης υπολογίζεται για κάθε δήμο (κωδικοί ΕΛΣΤΑΤ 2021), κάθε "
        "περιφέρεια (NUTS-2) και τη χώρα, ανά μήνα, τρίμηνο και έτος. Υπάρχει γραμμή για μια περιοχή και "
        "περίοδο όταν υπάρχουν δεδομένα: ώρες εθελοντισμού, δράση, δημοτική στήριξη ή διαθέσιμος χώρος.",
        "**Παρονομαστές.** Ο πληθυσμός είναι ο μόνιμος πληθυσμός της απογραφής 2021 (ΕΛΣΤΑΤ)· για τις "
        "περιφέρειες και τη χώρα, το άθροισμα των δήμων τους.",
        "**Διακριτές μετρήσεις.** Οι διαφορετικοί εθελοντές, οργανώσεις και ζεύγη οργανώσεων μετρώνται ξανά "
        "από τις εγγραφές για κάθε περιοχή και περίοδο και δεν αθροίζονται ποτέ από τους δήμους: ένας "
        "εθελοντής ή μια οργάνωση μπορεί να δραστηριοποιείται σε περισσότερους δήμους.",
        "**Δράσεις σε βάθος χρόνου.** Μια δράση διαρκεί από την ημερομηνία έναρξης έως τη λήξη της (μία ημέρα "
        "αν δεν έχει λήξη) και ανήκει σε κάθε περίοδο στην οποία διαρκεί. Οι ωφελούμενοι και οι μονάδες "
        "υπηρεσίας της μοιράζονται στις περιόδους ανάλογα με τις ημέρες της σε καθεμία.",
        "**Αποτίμηση.** Η εθελοντική εργασία αποτιμάται με τη μέθοδο κόστους αντικατάστασης της ILO, με τις "
        "αμοιβές σε ισχύ την ημέρα της εργασίας (data/reference/valuation_rates.csv, "
        "data/reference/VALUATION_SOURCES.md). Η δημοτική στήριξη κάθε έτους μοιράζεται εξίσου στους μήνες του· "
        "οι χώροι αποτιμώνται με το τεκμαρτό μίσθωμα του data/reference/space_rent.csv.",
        f"**Μικροί αριθμοί.** Κάθε γραμμή (περιοχή και περίοδος) που προκύπτει από 1 έως {MIN_VOLUNTEERS - 1} "
        f"διαφορετικούς εθελοντές αποκρύπτεται: όλα τα κελιά της που βασίζονται σε εθελοντές εμφανίζονται ως "
        f"«<{MIN_VOLUNTEERS}», ποτέ ως αριθμός. Αποκρύπτονται και άλλες γραμμές (δευτερογενής απόκρυψη), ώστε "
        "καμία κρυμμένη γραμμή να μην προκύπτει από ένα σύνολο και τις υπόλοιπες: οι δήμοι μιας περιφέρειας "
        "αθροίζονται στην περιφέρεια και οι περιφέρειες στη χώρα, σε κάθε περίοδο· οι μήνες και τα τρίμηνα ενός "
        "έτους στο έτος και οι μήνες ενός τριμήνου στο τρίμηνο, σε κάθε περιοχή. Όπου ένα τέτοιο άθροισμα έχει "
        "μία μόνο κρυμμένη γραμμή, κρύβεται και η γραμμή με τους λιγότερους εθελοντές από όσες έχουν τουλάχιστον "
        f"{MIN_VOLUNTEERS} (αλλιώς το σύνολο), ώσπου να μη μείνει καμία μόνη. Κρύβεται ολόκληρη η γραμμή, γιατί "
        "τα κελιά της προκύπτουν το ένα από το άλλο (αξία = ώρες × αμοιβή, ανά κάτοικο = άθροισμα / πληθυσμός). "
        f"Η διατήρηση εθελοντών αποκρύπτεται και όταν η προηγούμενη περίοδος έχει 1 έως {MIN_VOLUNTEERS - 1} "
        "εθελοντές.",
        "**Όμοιοι δήμοι.** Κάθε δήμος ανήκει σε μία ομάδα ομοίων στο πνεύμα της τυπολογίας του ν. 4555/2018: "
        "μητροπολιτικοί (πολεοδομικά συγκροτήματα Αθήνας και Θεσσαλονίκης), νησιωτικοί (η Κρήτη και η Εύβοια "
        "μετρούν ως ηπειρωτικές), ηπειρωτικοί άνω των 25.000 κατοίκων, 10.001–25.000, έως 10.000. Δίπλα σε κάθε "
        "τιμή δήμου δίνεται η διάμεσος της ομάδας (στήλη `<δείκτης>_peer_median`) και η θέση του δήμου "
        "(`<δείκτης>_peer_rank`, 1 = η καλύτερη τιμή) μεταξύ όσων δήμων της ομάδας έχουν δημοσιευμένη τιμή "
        "(`<δείκτης>_peer_count`), μόνο από δημοσιευμένα κελιά. Κάθε δήμος έχει και τους "
        "10 πλησιέστερους γείτονές του κατά CIPFA (z-τιμές λογαρίθμου πληθυσμού και πυκνότητας).",
        "**Σύνθετος δείκτης.** Ο δείκτης κοινωνικού κεφαλαίου και η παραλλαγή του με την πρώτη κύρια "
        "συνιστώσα υπολογίζονται από την ίδια συνάρτηση (civhub/composite.py) για κάθε περίοδο· οι φορτίσεις "
        "και το ποσοστό διακύμανσης που εξηγεί η κύρια συνιστώσα δημοσιεύονται για κάθε περίοδο. Επειδή η "
        "κατάταξη εξαρτάται από τη μέθοδο, οι επιμέρους δείκτες εμφανίζονται πάντα μαζί με τον σύνθετο.",
        "**Ταυτότητα εθελοντών.** Οι κωδικοί εθελοντών αποθηκεύονται μόνο ψευδωνυμοποιημένοι, ως τα πρώτα "
        "64 bit του κατακερματισμού τους με κλειδί (HMAC-SHA256), και σε αυτά μετρώνται οι διαφορετικοί "
        "εθελοντές: δύο εθελοντές συμπίπτουν με πιθανότητα κάτω από 1 στα 10 εκατομμύρια για ένα "
        "εκατομμύριο εθελοντές.",
    ],
    "en": [
        "**Areas and periods.** Every indicator is computed for each municipality (ELSTAT 2021 codes), each "
        "region (NUTS-2) and the country, per month, quarter and year. An area and period has a row when "
        "there are data: volunteer hours, an activity, municipal support or a space made available.",
        "**Denominators.** Population is the resident population of the 2021 census (ELSTAT); for regions "
        "and the country, the sum of their municipalities.",
        "**Distinct counts.** Distinct volunteers, organizations and pairs of organizations are counted "
        "again from the records for every area and period, never summed over municipalities: one volunteer "
        "or organization may be active in several.",
        "**Activities over time.** An activity runs from its start date to its end date (one day when it "
        "has none) and belongs to every period it runs in. The people it served and its service units are "
        "shared among those periods in proportion to its days in each.",
        "**Valuation.** Volunteer work is valued by the ILO replacement-cost method at the rates in force on "
        "the day of the work (data/reference/valuation_rates.csv, data/reference/VALUATION_SOURCES.md). Each "
        "year's municipal support is spread evenly over its months; spaces are valued at the imputed rent "
        "of data/reference/space_rent.csv.",
        f"**Small numbers.** A row (an area in a period) built from 1 to {MIN_VOLUNTEERS - 1} distinct volunteers "
        f"is withheld: every volunteer-based cell of it shows as \"<{MIN_VOLUNTEERS}\", never as a number. More "
        "rows are withheld (secondary suppression) so that no withheld row can be recomputed from a total and "
        "the rows beside it: the municipalities of a region add up to the region and the regions to the nation, "
        "in every period; the months and the quarters of a year add up to the year and the months of a quarter "
        "to the quarter, for every area. Wherever such a sum holds a single withheld row, the row with the fewest "
        f"volunteers among those with at least {MIN_VOLUNTEERS} is withheld too (else the total), until none is "
        "left alone. Whole rows are withheld, because their cells follow from one another (value = hours × rate, "
        f"per resident = sum / population). Retention is withheld also when the previous period had 1 to "
        f"{MIN_VOLUNTEERS - 1} volunteers.",
        "**Peers.** Each municipality belongs to one peer group in the spirit of the Law 4555/2018 typology: "
        "metropolitan (the Athens and Thessaloniki urban areas), island (Crete and Evia count as mainland), "
        "mainland over 25,000 residents, 10,001–25,000, up to 10,000. Every municipal value comes with the "
        "peer-group median (column `<indicator>_peer_median`) and the municipality's rank "
        "(`<indicator>_peer_rank`, 1 = the best value) among the municipalities of the group with a published "
        "value (`<indicator>_peer_count`), from published cells only. Each municipality also "
        "has its 10 nearest neighbours by the CIPFA method (z-scored log population and log density).",
        "**Composite index.** The social capital index and its principal-component variant come from one "
        "function (civhub/composite.py) for every period; the loadings and the share of variance the "
        "principal component explains are published for every period. Because ranks depend on the method, "
        "the sub-indicators always appear with the index.",
        "**Volunteer identity.** Volunteer identifiers are stored pseudonymised only, as the first 64 bits of "
        "their keyed hash (HMAC-SHA256), on which distinct volunteers are counted: two volunteers coincide "
        "with probability below 1 in 10 million at a million volunteers.",
    ],
}


def render() -> str:
    """The whole document."""
    lines = [
        "# Μεθοδολογία δεικτών · Indicator methodology",
        "",
        "<!-- Written by `python -m civhub methodology` from civhub/indicators/registry.py: edit the registry, "
        "not this file. -->",
        "",
    ]
    for lang in LANGS:
        lines += _part(lang)
    return "\n".join(lines).rstrip() + "\n"


def _part(lang: str) -> list[str]:
    words = HEADINGS[lang]
    lines = [f"## {words['part']}", "", f"### {words['principles']}", ""]
    lines += [f"- {paragraph}" for paragraph in PRINCIPLES[lang]]
    lines.append("")
    for group, names in GROUPS.items():
        lines += [f"### {names[lang]}", ""]
        for indicator in (i for i in INDICATORS if i.group == group):
            lines += _entry(indicator, lang)
    return lines


def _entry(indicator: Indicator, lang: str) -> list[str]:
    words = HEADINGS[lang]
    sources = SEPARATORS[lang].join(SOURCES[source][lang] for source in indicator.sources)
    lines = [
        f"#### {indicator.label(lang)} (`{indicator.key}`)",
        "",
        f"- {words['definition']}: {indicator.formula(lang)}",
        f"- {words['unit']}: {UNITS[indicator.unit][lang]}",
        f"- {words['direction']}: {DIRECTIONS[indicator.higher_is_better][lang]}",
        f"- {words['sources']}: {sources}",
        f"- {words['additive']}: {words['yes'] if indicator.additive else words['no']}",
        f"- {words['volunteers']}: {words['yes'] if indicator.volunteer_based else words['no']}",
    ]
    if indicator.low_column:
        lines.append("- " + words["range"].format(key=indicator.key, low=indicator.low_column,
                                                  high=indicator.high_column))
    return [*lines, ""]


def undocumented(text: str) -> dict[str, list[str]]:
    """Per language, the indicators whose entry (heading with label and key) the document lacks."""
    parts = dict(zip(LANGS, _split_parts(text), strict=False))
    return {
        lang: [i.key for i in INDICATORS if f"#### {i.label(lang)} (`{i.key}`)" not in parts.get(lang, "")]
        for lang in LANGS
    }


def _split_parts(text: str) -> list[str]:
    headings = [f"## {HEADINGS[lang]['part']}\n" for lang in LANGS]
    if not all(heading in text for heading in headings):
        return []
    greek_at, english_at = (text.index(heading) for heading in headings)
    return [text[greek_at:english_at], text[english_at:]]


def write(path: Path = DOC_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(), encoding="utf-8")
    return path


def is_current(path: Path = DOC_PATH) -> bool:
    return path.exists() and path.read_text(encoding="utf-8") == render()

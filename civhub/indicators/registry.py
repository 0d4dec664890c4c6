"""The indicator registry: every indicator defined once, read by pages, exports, the CLI and the methodology.

Each entry names the column of ``mart_indicators`` (``civhub/sql/marts/indicators.sql``) that holds
it. ``additive`` says that the values of the municipalities add up to those of their region and of
the nation (sums, not ratios); ``volunteer_based`` that a value is built from volunteers' records, so
that it is published only when built from at least 5 distinct volunteers (``civhub.privacy``).
"""

from __future__ import annotations

from dataclasses import dataclass

SOCIAL_CAPITAL = "social_capital"
SERVICE_COST = "service_cost"

GROUPS = {
    SOCIAL_CAPITAL: {"el": "Κοινωνικό κεφάλαιο", "en": "Social capital"},
    SERVICE_COST: {"el": "Κόστος υπηρεσιών", "en": "Service cost"},
}

UNITS = {
    "per_10k": {"el": "ανά 10.000 κατοίκους", "en": "per 10,000 residents"},
    "per_1k": {"el": "ανά 1.000 κατοίκους", "en": "per 1,000 residents"},
    "hours_per_resident": {"el": "ώρες ανά κάτοικο", "en": "hours per resident"},
    "hours_per_volunteer": {"el": "ώρες ανά εθελοντή", "en": "hours per volunteer"},
    "share": {"el": "ποσοστό (0 έως 1)", "en": "share (0 to 1)"},
    "ties_per_organization": {"el": "δεσμοί ανά οργάνωση", "en": "ties per organization"},
    "evenness": {"el": "δείκτης (0 έως 1)", "en": "index (0 to 1)"},
    "percentile": {"el": "εκατοστημόριο (0 έως 100)", "en": "percentile (0 to 100)"},
    "eur": {"el": "ευρώ", "en": "euro"},
    "fte": {"el": "ισοδύναμα πλήρους απασχόλησης", "en": "full-time equivalents"},
    "eur_per_eur": {"el": "ευρώ ανά ευρώ δημοτικής στήριξης", "en": "euro per euro of municipal support"},
    "eur_per_resident": {"el": "ευρώ ανά κάτοικο", "en": "euro per resident"},
    "eur_per_beneficiary": {"el": "ευρώ ανά ωφελούμενο", "en": "euro per person served"},
}

# Rates per resident: times the population they give a sum again.
PER_RESIDENT_UNITS = frozenset({"per_10k", "per_1k", "hours_per_resident", "eur_per_resident"})

SOURCES = {
    "volunteer_hours": {"el": "ώρες εθελοντισμού που υποβάλλουν οι οργανώσεις",
                        "en": "volunteer hours submitted by the organizations"},
    "activities": {"el": "δράσεις που υποβάλλουν οι οργανώσεις", "en": "activities submitted by the organizations"},
    "activity_partners": {"el": "συνεργαζόμενες οργανώσεις κάθε δράσης",
                          "en": "partner organizations of each activity"},
    "organizations": {"el": "μητρώο οργανώσεων", "en": "register of organizations"},
    "municipal_support": {"el": "δημοτική στήριξη ανά έτος", "en": "municipal support per year"},
    "spaces": {"el": "δημοτικοί χώροι που διατέθηκαν", "en": "municipal spaces made available"},
    "municipalities": {"el": "ΕΛΣΤΑΤ, μόνιμος πληθυσμός απογραφής 2021",
                       "en": "ELSTAT, resident population of the 2021 census"},
    "valuation_rates": {"el": "ωριαίες αμοιβές αποτίμησης ανά κατηγορία ρόλου (data/reference/valuation_rates.csv)",
                        "en": "hourly valuation rates per role category (data/reference/valuation_rates.csv)"},
    "service_unit_costs": {"el": "αξία μονάδας υπηρεσίας (data/reference/service_unit_costs.csv)",
                           "en": "value of a unit of service (data/reference/service_unit_costs.csv)"},
    "space_rent": {"el": "τεκμαρτό μίσθωμα χώρων (data/reference/space_rent.csv)",
                   "en": "imputed rent of spaces (data/reference/space_rent.csv)"},
}


@dataclass(frozen=True)
class Indicator:
    """One indicator. ``higher_is_better`` is None where neither direction is better."""

    key: str
    group: str
    label_el: str
    label_en: str
    unit: str
    higher_is_better: bool | None
    formula_el: str
    formula_en: str
    sources: tuple[str, ...]
    additive: bool
    volunteer_based: bool
    low_column: str | None = None  # the bounds of a value published as a range
    high_column: str | None = None

    @property
    def adds_up(self) -> bool:
        """Its values add up over areas, or do once multiplied by the published populations."""
        return self.additive or self.unit in PER_RESIDENT_UNITS

    @property
    def column(self) -> str:
        return self.key

    @property
    def columns(self) -> tuple[str, ...]:
        """The column, then the range bounds when there are any."""
        return tuple(c for c in (self.key, self.low_column, self.high_column) if c)

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_el

    def formula(self, lang: str) -> str:
        return self.formula_en if lang == "en" else self.formula_el


_PEOPLE = ("municipalities",)
_HOURS = ("volunteer_hours", *_PEOPLE)
_ACTS = ("activities", "activity_partners")
_VALUE = ("volunteer_hours", "valuation_rates")
_SERVICES = ("activities", "service_unit_costs")
_SUPPORT = ("municipal_support", "spaces", "space_rent")

INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "active_organizations_per_10k", SOCIAL_CAPITAL,
        "Ενεργές οργανώσεις ανά 10.000 κατοίκους", "Active organizations per 10,000 residents",
        "per_10k", True,
        "Οργανώσεις με τουλάχιστον μία δράση (ως επικεφαλής ή συνεργάτης) ή μία καταγεγραμμένη ώρα εθελοντισμού "
        "στον δήμο μέσα στην περίοδο, × 10.000 / πληθυσμός 2021.",
        "Organizations with at least one activity (as lead or partner) or one recorded volunteer hour in the "
        "area during the period, × 10,000 / population 2021.",
        ("organizations", *_ACTS, *_HOURS), additive=False, volunteer_based=False,
    ),
    Indicator(
        "volunteers_per_1k", SOCIAL_CAPITAL,
        "Εθελοντές ανά 1.000 κατοίκους", "Volunteers per 1,000 residents",
        "per_1k", True,
        "Διαφορετικοί εθελοντές με ώρες στην περίοδο, × 1.000 / πληθυσμός 2021.",
        "Distinct volunteers with hours in the period, × 1,000 / population 2021.",
        _HOURS, additive=False, volunteer_based=True,
    ),
    Indicator(
        "volunteer_hours_per_capita", SOCIAL_CAPITAL,
        "Ώρες εθελοντισμού ανά κάτοικο", "Volunteer hours per resident",
        "hours_per_resident", True,
        "Ώρες εθελοντισμού της περιόδου / πληθυσμός 2021.",
        "Volunteer hours in the period / population 2021.",
        _HOURS, additive=False, volunteer_based=True,
    ),
    Indicator(
        "hours_per_volunteer", SOCIAL_CAPITAL,
        "Ώρες ανά εθελοντή", "Hours per volunteer",
        "hours_per_volunteer", True,
        "Ώρες εθελοντισμού της περιόδου / διαφορετικοί εθελοντές με ώρες στην περίοδο.",
        "Volunteer hours in the period / distinct volunteers with hours in the period.",
        ("volunteer_hours",), additive=False, volunteer_based=True,
    ),
    Indicator(
        "volunteer_retention", SOCIAL_CAPITAL,
        "Διατήρηση εθελοντών", "Volunteer retention",
        "share", True,
        "Από τους εθελοντές με ώρες στην προηγούμενη περίοδο ίδιας διάρκειας (μήνα, τρίμηνο, έτος) στην ίδια "
        "περιοχή, το ποσοστό που είχαν ώρες και σε αυτήν. Κενό όταν η προηγούμενη περίοδος δεν είχε εθελοντές.",
        "Of the volunteers with hours in the same area in the previous period of the same length (month, "
        "quarter, year), the share who also had hours in this one. Empty when the previous period had none.",
        ("volunteer_hours",), additive=False, volunteer_based=True,
    ),
    Indicator(
        "collaboration_rate", SOCIAL_CAPITAL,
        "Ποσοστό συνεργατικών δράσεων", "Collaboration rate",
        "share", True,
        "Δράσεις της περιόδου με τουλάχιστον μία συνεργαζόμενη οργάνωση / δράσεις της περιόδου. Μια δράση ανήκει "
        "σε κάθε περίοδο στην οποία διαρκεί.",
        "Activities in the period with at least one partner organization / activities in the period. An "
        "activity belongs to every period it runs in.",
        _ACTS, additive=False, volunteer_based=False,
    ),
    Indicator(
        "ties_per_organization", SOCIAL_CAPITAL,
        "Δεσμοί συνεργασίας ανά οργάνωση", "Ties per organization",
        "ties_per_organization", True,
        "Διαφορετικά ζεύγη οργανώσεων που συνδιοργάνωσαν τουλάχιστον μία δράση της περιόδου (επικεφαλής και "
        "συνεργάτες, κάθε ζεύγος μία φορά) / ενεργές οργανώσεις της περιόδου.",
        "Distinct pairs of organizations that co-organized at least one activity in the period (lead and "
        "partners alike, each pair once) / active organizations in the period.",
        ("organizations", *_ACTS, "volunteer_hours"), additive=False, volunteer_based=False,
    ),
    Indicator(
        "bridging_share", SOCIAL_CAPITAL,
        "Ποσοστό γεφυρωτικών δεσμών", "Bridging share",
        "share", True,
        "Από τα ζεύγη οργανώσεων που συνδιοργάνωσαν δράση στην περίοδο, το ποσοστό όσων οι δύο οργανώσεις είναι "
        "διαφορετικού τύπου.",
        "Of the pairs of organizations that co-organized an activity in the period, the share whose two "
        "organizations are of different types.",
        ("organizations", *_ACTS), additive=False, volunteer_based=False,
    ),
    Indicator(
        "activity_diversity", SOCIAL_CAPITAL,
        "Ποικιλία δράσεων", "Activity diversity",
        "evenness", True,
        "Ομοιομορφία Shannon των κατηγοριών των δράσεων της περιόδου: H / ln(10), όπου H = −Σ pᵢ ln pᵢ πάνω "
        "στις κατηγορίες με δράσεις, pᵢ το μερίδιο των δράσεων της κατηγορίας i και 10 οι κατηγορίες του "
        "υποδείγματος δεδομένων. 0 όταν όλες οι δράσεις είναι μίας κατηγορίας, 1 όταν μοιράζονται εξίσου σε όλες.",
        "Shannon evenness of the categories of the activities in the period: H / ln(10), where "
        "H = −Σ pᵢ ln pᵢ over the categories with activities, pᵢ the share of activities in category i, and 10 "
        "the categories of the data model. 0 when all activities share one category, 1 when they spread "
        "evenly over all of them.",
        ("activities",), additive=False, volunteer_based=False,
    ),
    Indicator(
        "social_capital_index", SOCIAL_CAPITAL,
        "Δείκτης κοινωνικού κεφαλαίου", "Social capital index",
        "percentile", True,
        "Μέσος όρος με ίσα βάρη των z-τιμών των εθελοντών ανά 1.000 κατοίκους, των ωρών ανά κάτοικο, των ενεργών "
        "οργανώσεων ανά 10.000 κατοίκους, της διατήρησης εθελοντών, του ποσοστού συνεργατικών δράσεων και των "
        "δεσμών ανά οργάνωση, πάνω στους δήμους με όλα αυτά ορισμένα στην περίοδο (εκτός όσων έχουν 1 έως 4 "
        "εθελοντές), ως εκατοστημόριο 0–100. Μόνο για δήμους.",
        "Equal-weight mean of the z-scores of volunteers per 1,000 residents, hours per resident, active "
        "organizations per 10,000 residents, volunteer retention, collaboration rate and ties per "
        "organization, across the municipalities with all of them defined in the period (leaving out those "
        "with 1 to 4 volunteers), as a percentile 0–100. Municipalities only.",
        (*_HOURS, "organizations", *_ACTS), additive=False, volunteer_based=True,
    ),
    Indicator(
        "social_capital_index_pca", SOCIAL_CAPITAL,
        "Δείκτης κοινωνικού κεφαλαίου (κύρια συνιστώσα)", "Social capital index (principal component)",
        "percentile", True,
        "Οι ίδιες έξι συνιστώσες στους ίδιους δήμους, σταθμισμένες με την πρώτη κύρια συνιστώσα του πίνακα "
        "συσχετίσεών τους αντί για ίσα βάρη, ως εκατοστημόριο 0–100. Οι φορτίσεις και το ποσοστό της "
        "διακύμανσης που εξηγεί δημοσιεύονται για κάθε περίοδο· η κατάταξη εξαρτάται από τη μέθοδο.",
        "The same six components over the same municipalities, weighted by the first principal component of "
        "their correlation matrix instead of equally, as a percentile 0–100. Its loadings and explained "
        "variance are published for every period; ranks depend on the method.",
        (*_HOURS, "organizations", *_ACTS), additive=False, volunteer_based=True,
    ),
    Indicator(
        "volunteer_value_eur", SERVICE_COST,
        "Αξία εθελοντικής εργασίας (€)", "Value of volunteer work (€)",
        "eur", True,
        "Μέθοδος κόστους αντικατάστασης της ILO, με τις αμοιβές σε ισχύ την ημέρα της εργασίας: κεντρική τιμή = "
        "ώρες × αμοιβή γενικού εργαζομένου κοινωνικών υπηρεσιών· κατώτερη = ώρες × νόμιμος κατώτατος μισθός· "
        "ανώτερη = ώρες × αμοιβή ειδικού του ρόλου (νοσηλευτής για ιατρείο, εκπαιδευτικός για φροντιστήριο, …).",
        "ILO replacement-cost method, at the rates in force on the day of the work: central = hours × the "
        "generalist social-services wage; low = hours × the statutory minimum wage; high = hours × the "
        "specialist wage of the role (nurse for clinic roles, teacher for tutoring, …).",
        _VALUE, additive=True, volunteer_based=True,
        low_column="volunteer_value_eur_low", high_column="volunteer_value_eur_high",
    ),
    Indicator(
        "fte_equivalent", SERVICE_COST,
        "Ισοδύναμο πλήρους απασχόλησης", "Full-time equivalent",
        "fte", True,
        "Ώρες εθελοντισμού / (2.080 × μήνες της περιόδου / 12): 2.080 ώρες είναι ένα έτος πλήρους απασχόλησης.",
        "Volunteer hours / (2,080 × months in the period / 12): 2,080 hours are one full-time year.",
        ("volunteer_hours",), additive=True, volunteer_based=True,
    ),
    Indicator(
        "services_value_eur", SERVICE_COST,
        "Αξία υπηρεσιών (€)", "Value of services (€)",
        "eur", True,
        "Μονάδες υπηρεσίας των δράσεων × αξία μονάδας. Μια δράση που διαρκεί περισσότερες ημέρες μοιράζεται "
        "στις περιόδους ανάλογα με τις ημέρες της σε καθεμία.",
        "Service units of the activities × the value of a unit. An activity running over several days is "
        "shared among the periods in proportion to its days in each.",
        _SERVICES, additive=True, volunteer_based=False,
    ),
    Indicator(
        "municipal_support_eur", SERVICE_COST,
        "Δημοτική στήριξη (€)", "Municipal support (€)",
        "eur", None,
        "Ποσά δημοτικής στήριξης (κάθε έτος μοιράζεται εξίσου στους 12 μήνες του) συν το τεκμαρτό μίσθωμα των "
        "δημοτικών χώρων που διατέθηκαν: έκταση × μηνιαίο μίσθωμα ανά μονάδα × μήνες διαθεσιμότητας στην περίοδο "
        "(ένας μήνας μετράει κατά το μέρος των ημερών του που ο χώρος ήταν διαθέσιμος).",
        "Municipal support amounts (each year spread evenly over its 12 months) plus the imputed rent of the "
        "municipal spaces made available: size × monthly rent per unit × months available in the period (a "
        "month counts by the share of its days on which the space was available).",
        _SUPPORT, additive=True, volunteer_based=False,
    ),
    Indicator(
        "leverage_ratio", SERVICE_COST,
        "Μόχλευση δημοτικής στήριξης", "Leverage of municipal support",
        "eur_per_eur", True,
        "(Κεντρική αξία εθελοντικής εργασίας + αξία υπηρεσιών) / δημοτική στήριξη: κάθε ευρώ δημοτικής στήριξης "
        "αποδίδει Χ ευρώ υπηρεσιών. Κενό (όχι 0, όχι άπειρο) όπου δεν υπάρχει στήριξη.",
        "(Central value of volunteer work + value of services) / municipal support: each euro of municipal "
        "support yields X euros of services. Empty (not 0, not infinite) where there is no support.",
        (*_VALUE, *_SERVICES, *_SUPPORT), additive=False, volunteer_based=True,
    ),
    Indicator(
        "value_per_resident", SERVICE_COST,
        "Αξία ανά κάτοικο (€)", "Value per resident (€)",
        "eur_per_resident", True,
        "(Κεντρική αξία εθελοντικής εργασίας + αξία υπηρεσιών) / πληθυσμός 2021.",
        "(Central value of volunteer work + value of services) / population 2021.",
        (*_VALUE, *_SERVICES, *_PEOPLE), additive=False, volunteer_based=True,
    ),
    Indicator(
        "beneficiaries_per_1k", SERVICE_COST,
        "Ωφελούμενοι ανά 1.000 κατοίκους", "People served per 1,000 residents",
        "per_1k", True,
        "Ωφελούμενοι που δηλώνουν οι δράσεις (μοιρασμένοι στις περιόδους όπως η αξία υπηρεσιών) × 1.000 / "
        "πληθυσμός 2021.",
        "People served as the activities report them (shared among periods as the value of services is) "
        "× 1,000 / population 2021.",
        ("activities", *_PEOPLE), additive=False, volunteer_based=False,
    ),
    Indicator(
        "cost_per_beneficiary", SERVICE_COST,
        "Δημοτικό κόστος ανά ωφελούμενο (€)", "Municipal cost per person served (€)",
        "eur_per_beneficiary", False,
        "Δημοτική στήριξη / ωφελούμενοι. Κενό όπου δεν υπάρχουν ωφελούμενοι.",
        "Municipal support / people served. Empty where no one was served.",
        (*_SUPPORT, "activities"), additive=False, volunteer_based=False,
    ),
)

BY_KEY: dict[str, Indicator] = {indicator.key: indicator for indicator in INDICATORS}

# The components of the social capital index, in the order the issue lists them.
INDEX_COMPONENTS = (
    "volunteers_per_1k",
    "volunteer_hours_per_capita",
    "active_organizations_per_10k",
    "volunteer_retention",
    "collaboration_rate",
    "ties_per_organization",
)


def indicator(key: str) -> Indicator:
    """The registry entry of ``key``; raises KeyError for an unknown one."""
    return BY_KEY[key]

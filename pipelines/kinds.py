"""What each kind of submitted file holds: its columns, their types, limits and aliases.

Headers are matched by name, never by position: a header is folded (see
``civhub.text.fold``) and looked up among the aliases of the kind's columns.
Every alias here is documented in ``docs/data-formats.md`` (a test checks it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from civhub.text import fold

ORG_TYPES = {
    "social_cooperative": ("κοινωνικός συνεταιρισμός", "κοινσεπ", "social cooperative"),
    "solidarity_house": ("οίκος αλληλεγγύης", "σπίτι αλληλεγγύης", "solidarity house"),
    "social_supermarket": ("κοινωνικό σούπερ μάρκετ", "κοινωνικό παντοπωλείο", "social supermarket", "social grocery"),
    "social_farm": ("κοινωνικό αγρόκτημα", "social farm"),
    "tutoring_centre": ("κοινωνικό φροντιστήριο", "φροντιστήριο", "tutoring centre", "tutoring center"),
    "social_clinic": ("κοινωνικό ιατρείο", "ιατρείο", "social clinic"),
    "social_pharmacy": ("κοινωνικό φαρμακείο", "φαρμακείο", "social pharmacy"),
    "volunteer_group": ("εθελοντική ομάδα", "ομάδα εθελοντών", "volunteer group"),
    "association": ("σύλλογος", "σωματείο", "association"),
    "other": ("άλλο", "other"),
}

ACTIVITY_CATEGORIES = {
    "food_support": ("επισιτιστική στήριξη", "σίτιση", "food support"),
    "health_care": ("υγειονομική φροντίδα", "υγεία", "health care"),
    "education": ("εκπαίδευση", "education"),
    "agriculture": ("γεωργία", "αγροτικά", "agriculture"),
    "housing_support": ("στέγαση", "στεγαστική στήριξη", "housing support"),
    "culture": ("πολιτισμός", "culture"),
    "environment": ("περιβάλλον", "environment"),
    "social_support": ("κοινωνική στήριξη", "social support"),
    "coordination": ("συντονισμός", "coordination"),
    "other": ("άλλο", "other"),
}

SERVICE_UNITS = {
    "food_parcel": ("δέμα τροφίμων", "τρόφιμα δέμα", "food parcel"),
    "meal": ("γεύμα", "μερίδα", "meal"),
    "clinic_visit": ("ιατρική επίσκεψη", "επίσκεψη", "clinic visit"),
    "medicine_pack": ("συσκευασία φαρμάκου", "φάρμακο", "medicine pack"),
    "tutoring_hour": ("ώρα διδασκαλίας", "ώρα μαθήματος", "tutoring hour"),
    "kg_produce": ("κιλά παραγωγής", "κιλό", "kg", "kg produce"),
    "bed_night": ("διανυκτέρευση", "bed night"),
    "household_served": ("νοικοκυριό", "οικογένεια", "household", "household served"),
    "event": ("εκδήλωση", "event"),
}

SPACE_KINDS = {
    "building": ("κτίριο", "building"),
    "farmland": ("αγροτεμάχιο", "αγρόκτημα", "γη", "farmland"),
    "other": ("άλλο", "other"),
}

SIZE_UNITS = {
    "m2": ("τ.μ.", "τμ", "μ2", "m²", "sq m", "m2"),
    "stremma": ("στρέμμα", "στρέμματα", "stremma", "stremmata"),
}

SUPPORT_KINDS = {
    "space": ("χώρος", "ακίνητο", "space"),
    "utilities": ("λειτουργικά", "κοινόχρηστα", "ρεύμα νερό", "utilities"),
    "staff": ("προσωπικό", "staff"),
    "grant": ("επιχορήγηση", "χρηματοδότηση", "grant"),
    "other": ("άλλο", "other"),
}


@dataclass(frozen=True)
class Column:
    """One column of a kind.

    ``type`` is one of: id, text, date, decimal, duration (hours), int, year, municipality,
    choice, role, id_list. ``ref`` names the table whose key the value must exist in.
    """

    name: str
    type: str
    el: str
    en: str
    required: bool = True
    max_len: int = 64
    aliases: tuple[str, ...] = ()
    choices: dict[str, tuple[str, ...]] | None = None
    ref: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    min_exclusive: bool = False
    personal: bool = False  # pseudonymised before it is stored anywhere (see pipelines/pseudonym.py)

    def names(self) -> set[str]:
        """Every folded header that means this column."""
        return {fold(x) for x in (self.name, self.el, self.en, *self.aliases)}


@dataclass(frozen=True)
class Kind:
    name: str
    table: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    el: str
    en: str
    rules: tuple[str, ...] = field(default=())

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def header_map(self) -> dict[str, str]:
        """folded header -> canonical column name."""
        return {alias: c.name for c in self.columns for alias in c.names()}


def _municipality(required: bool = True) -> Column:
    return Column(
        "municipality_code",
        "municipality",
        "Δήμος",
        "Municipality",
        required,
        120,
        ("κωδικός δήμου", "κωδ. δήμου", "δήμος", "municipality", "municipality code", "dimos", "code"),
    )


HOURS = Kind(
    "hours",
    "volunteer_hours",
    ("org_id", "record_id"),
    (
        Column(
            "record_id",
            "id",
            "Κωδικός εγγραφής",
            "Record ID",
            aliases=("α/α", "αα", "αριθμός εγγραφής", "record", "id"),
        ),
        Column(
            "volunteer_id",
            "id",
            "Κωδικός εθελοντή",
            "Volunteer ID",
            personal=True,
            aliases=("εθελοντής", "κωδ. εθελοντή", "volunteer", "volunteer code"),
        ),
        Column(
            "org_id",
            "id",
            "Κωδικός οργάνωσης",
            "Organization ID",
            ref="organizations",
            aliases=("οργάνωση", "φορέας", "κωδικός φορέα", "organisation id", "organization", "organisation"),
        ),
        _municipality(),
        Column(
            "activity_id",
            "id",
            "Κωδικός δράσης",
            "Activity ID",
            required=False,
            ref="activities",
            aliases=("δράση", "activity"),
        ),
        Column(
            "date",
            "date",
            "Ημερομηνία",
            "Date",
            aliases=("ημερ/νία", "ημ/νία", "ημερομηνια εργασιας", "day", "work date"),
        ),
        Column(
            "hours",
            "duration",
            "Ώρες",
            "Hours",
            minimum=0,
            maximum=24,
            min_exclusive=True,
            aliases=("ώρες εθελοντισμού", "ώρες εργασίας", "διάρκεια", "hrs", "volunteer hours"),
        ),
        Column(
            "role",
            "role",
            "Ρόλος",
            "Role",
            required=False,
            max_len=100,
            aliases=("ιδιότητα", "καθήκοντα", "θέση", "εργασία", "task", "position"),
        ),
    ),
    "Ώρες εθελοντισμού",
    "Volunteer hours",
)

ORGANIZATIONS = Kind(
    "organizations",
    "organizations",
    ("org_id",),
    (
        Column(
            "org_id",
            "id",
            "Κωδικός οργάνωσης",
            "Organization ID",
            aliases=("κωδικός φορέα", "κωδ. οργάνωσης", "organisation id", "id"),
        ),
        Column(
            "name",
            "text",
            "Επωνυμία",
            "Name",
            max_len=200,
            aliases=("όνομα", "ονομασία", "organisation name", "organization name"),
        ),
        Column("type", "choice", "Τύπος", "Type", choices=ORG_TYPES, max_len=80, aliases=("είδος", "μορφή", "kind")),
        _municipality(),
        Column(
            "founded_on",
            "date",
            "Ημερομηνία ίδρυσης",
            "Founded on",
            required=False,
            aliases=("ίδρυση", "founded", "foundation date"),
        ),
        Column(
            "registry_number",
            "text",
            "Αριθμός μητρώου",
            "Registry number",
            required=False,
            aliases=("αρ. μητρώου", "μητρώο", "registry", "gemi"),
        ),
    ),
    "Οργανώσεις",
    "Organizations",
)

ACTIVITIES = Kind(
    "activities",
    "activities",
    ("activity_id",),
    (
        Column("activity_id", "id", "Κωδικός δράσης", "Activity ID", aliases=("κωδ. δράσης", "id")),
        Column(
            "org_id",
            "id",
            "Κωδικός οργάνωσης",
            "Lead organization",
            ref="organizations",
            aliases=(
                "επικεφαλής οργάνωση",
                "οργάνωση",
                "φορέας",
                "lead organization",
                "lead organisation",
                "organization",
            ),
        ),
        Column(
            "partner_org_ids",
            "id_list",
            "Συνεργαζόμενες οργανώσεις",
            "Partner organizations",
            required=False,
            max_len=1000,
            ref="organizations",
            aliases=("συνεργάτες", "εταίροι", "partners", "partner organisations", "partner organizations"),
        ),
        _municipality(),
        Column("date", "date", "Ημερομηνία", "Date", aliases=("ημερομηνία έναρξης", "έναρξη", "start date", "start")),
        Column("end_date", "date", "Ημερομηνία λήξης", "End date", required=False, aliases=("λήξη", "end")),
        Column(
            "category",
            "choice",
            "Κατηγορία",
            "Category",
            choices=ACTIVITY_CATEGORIES,
            max_len=80,
            aliases=("θεματική", "τομέας"),
        ),
        Column(
            "title", "text", "Τίτλος", "Title", max_len=300, aliases=("περιγραφή", "ονομασία", "description", "name")
        ),
        Column(
            "beneficiaries",
            "int",
            "Ωφελούμενοι",
            "Beneficiaries",
            required=False,
            minimum=0,
            maximum=1_000_000,
            aliases=("αριθμός ωφελουμένων", "άτομα", "people served"),
        ),
        Column(
            "service_units",
            "decimal",
            "Μονάδες υπηρεσίας",
            "Service units",
            required=False,
            minimum=0,
            maximum=10_000_000,
            aliases=("ποσότητα", "quantity", "units"),
        ),
        Column(
            "service_unit",
            "choice",
            "Μονάδα",
            "Unit",
            required=False,
            choices=SERVICE_UNITS,
            max_len=80,
            aliases=("μονάδα μέτρησης", "unit of service"),
        ),
        Column("space_id", "id", "Κωδικός χώρου", "Space ID", required=False, ref="spaces", aliases=("χώρος", "space")),
    ),
    "Δράσεις",
    "Activities",
)

SPACES = Kind(
    "spaces",
    "spaces",
    ("space_id",),
    (
        Column("space_id", "id", "Κωδικός χώρου", "Space ID", aliases=("κωδ. χώρου", "id")),
        _municipality(),
        Column("kind", "choice", "Είδος", "Kind", choices=SPACE_KINDS, max_len=80, aliases=("τύπος", "type")),
        Column("name", "text", "Ονομασία", "Name", max_len=200, aliases=("όνομα", "περιγραφή", "description")),
        Column(
            "size",
            "decimal",
            "Έκταση",
            "Size",
            minimum=0,
            maximum=100_000_000,
            min_exclusive=True,
            aliases=("εμβαδόν", "μέγεθος", "area"),
        ),
        Column(
            "size_unit",
            "choice",
            "Μονάδα έκτασης",
            "Size unit",
            choices=SIZE_UNITS,
            max_len=20,
            aliases=("μονάδα", "unit"),
        ),
        Column("available_from", "date", "Διαθέσιμο από", "Available from", aliases=("από", "from")),
        Column(
            "available_to",
            "date",
            "Διαθέσιμο έως",
            "Available to",
            required=False,
            aliases=("έως", "εως", "to", "until"),
        ),
        Column(
            "host_org_id",
            "id",
            "Οργάνωση που φιλοξενεί",
            "Host organization",
            required=False,
            ref="organizations",
            aliases=("φιλοξενούμενη οργάνωση", "οργάνωση", "host", "host organisation"),
        ),
    ),
    "Δημοτικοί χώροι",
    "Municipal spaces",
)

SUPPORT = Kind(
    "support",
    "municipal_support",
    ("municipality_code", "year", "kind", "org_id"),
    (
        _municipality(),
        Column("year", "year", "Έτος", "Year", aliases=("χρονιά",)),
        Column(
            "org_id",
            "id",
            "Κωδικός οργάνωσης",
            "Organization ID",
            required=False,
            ref="organizations",
            aliases=("οργάνωση", "φορέας", "organization", "organisation"),
        ),
        Column(
            "kind",
            "choice",
            "Είδος στήριξης",
            "Kind",
            choices=SUPPORT_KINDS,
            max_len=80,
            aliases=("είδος", "τύπος", "type", "support kind"),
        ),
        Column(
            "amount_eur",
            "decimal",
            "Ποσό (€)",
            "Amount (€)",
            minimum=0,
            maximum=1_000_000_000,
            aliases=("ποσό", "ποσό ευρώ", "ευρώ", "amount", "eur", "amount eur"),
        ),
    ),
    "Δημοτική στήριξη",
    "Municipal support",
)

PACT = Kind(
    "pact",
    "pact",
    ("municipality_code",),
    (
        _municipality(),
        Column(
            "signed_on",
            "date",
            "Υπογραφή Συμφώνου",
            "Pact signed on",
            aliases=("ημερομηνία υπογραφής", "υπογραφή", "signed", "signed on"),
        ),
        Column(
            "centre_opened_on",
            "date",
            "Λειτουργία Κέντρου Ενεργών Πολιτών",
            "Centre opened on",
            required=False,
            aliases=("έναρξη κέντρου", "κέντρο", "centre opened", "center opened", "center opened on"),
        ),
    ),
    "Σύμφωνο Συνεργασίας",
    "Cooperation Pact",
)

KINDS: dict[str, Kind] = {k.name: k for k in (HOURS, ACTIVITIES, ORGANIZATIONS, SPACES, SUPPORT, PACT)}

# The order in which a batch of files of several kinds must load (references first).
LOAD_ORDER = ("pact", "organizations", "spaces", "activities", "hours", "support")


def choice_value(column: Column, raw: str) -> str | None:
    """The canonical value of a choice column for what a person wrote, or None."""
    assert column.choices is not None
    wanted = fold(raw).replace("_", " ")
    for value, aliases in column.choices.items():
        if wanted in {fold(value).replace("_", " "), *map(fold, aliases)}:
            return value
    return None

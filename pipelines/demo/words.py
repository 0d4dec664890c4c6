"""Greek words the demo writes: organization names, activity titles, roles, months, fake contact details."""

from __future__ import annotations

MONTHS_NOMINATIVE = (
    "Ιανουάριος", "Φεβρουάριος", "Μάρτιος", "Απρίλιος", "Μάιος", "Ιούνιος",
    "Ιούλιος", "Αύγουστος", "Σεπτέμβριος", "Οκτώβριος", "Νοέμβριος", "Δεκέμβριος",
)
MONTHS_GENITIVE = (
    "Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου",
    "Ιουλίου", "Αυγούστου", "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου",
)

# Quoted names of cooperatives, solidarity houses and groups.
MOTTOS = (
    "Αλληλεγγύη", "Ανάσα", "Γέφυρα", "Κοινός Τόπος", "Φάρος", "Ρίζες", "Σπόρος", "Κυψέλη", "Ορίζοντες",
    "Αγκαλιά", "Συν-Κοινωνία", "Μαζί", "Πυξίδα", "Άλλος Τρόπος", "Καλημέρα", "Ελιά", "Θάλασσα", "Αρωγή",
    "Ενεργοί Πολίτες", "Αλκυόνη", "Εστία", "Πρόσβαση", "Νέοι Ορίζοντες", "Χαμόγελο", "Βοήθεια", "Κοινότητα",
)

# '{g}' is the municipality in the genitive (Κομοτηνής), '{m}' a motto.
ORG_NAME_PATTERNS = {
    "social_supermarket": ("Κοινωνικό Παντοπωλείο Δήμου {g}", "Κοινωνικό Σούπερ Μάρκετ {g}",
                           "Κοινωνικό Παντοπωλείο «{m}» {g}"),
    "social_pharmacy": ("Κοινωνικό Φαρμακείο Δήμου {g}", "Κοινωνικό Φαρμακείο Αλληλεγγύης {g}"),
    "social_clinic": ("Κοινωνικό Ιατρείο {g}", "Κοινωνικό Ιατρείο Αλληλεγγύης {g}",
                      "Μητροπολιτικό Κοινωνικό Ιατρείο {g}"),
    "social_cooperative": ("ΚοινΣΕπ «{m}» {g}", "Κοινωνική Συνεταιριστική Επιχείρηση «{m}»", "Κοιν.Σ.Επ. {m} {g}"),
    "solidarity_house": ("Οίκος Αλληλεγγύης {g}", "Σπίτι Αλληλεγγύης «{m}» {g}", "Ξενώνας Φιλοξενίας «{m}»"),
    "social_farm": ("Κοινωνικό Αγρόκτημα {g}", "Κοινωνικός Λαχανόκηπος Δήμου {g}", "Αγρόκτημα Αλληλεγγύης «{m}»"),
    "tutoring_centre": ("Κοινωνικό Φροντιστήριο Δήμου {g}", "Δωρεάν Φροντιστήριο «{m}» {g}",
                        "Κοινωνικό Φροντιστήριο «{m}»"),
    "volunteer_group": ("Εθελοντική Ομάδα {g}", "Εθελοντική Ομάδα Πολιτικής Προστασίας {g}",
                        "Ομάδα Εθελοντών «{m}» {g}", "Εθελοντική Ομάδα Διάσωσης {g}", "Εθελοντές Πυροσβέστες {g}",
                        "Εθελοντική Ομάδα Νέων «{m}»"),
    "association": ("Πολιτιστικός Σύλλογος {g}", "Σύλλογος Γυναικών {g}", "Φιλοζωικός Σύλλογος {g}",
                    "Σύλλογος Γονέων και Κηδεμόνων {g}", "Σύλλογος Φίλων Περιβάλλοντος {g}",
                    "Σύλλογος Ατόμων με Αναπηρία «{m}»", "Αθλητικός Σύλλογος «{m}» {g}", "Σύλλογος Συνταξιούχων {g}"),
    "other": ("Δίκτυο Αλληλεγγύης {g}", "Τράπεζα Χρόνου {g}", "ΑΜΚΕ «{m}»", "Ίδρυμα «{m}»",
              "Ενοριακό Φιλόπτωχο Ταμείο {g}", "Τράπεζα Τροφίμων {g}"),
}

# Titles of one-off activities by category; a month list limits a title to its season.
EVENT_TITLES = {
    "food_support": (("Συλλογή τροφίμων σε σούπερ μάρκετ", None), ("Διανομή πασχαλινών δεμάτων", (3, 4)),
                     ("Χριστουγεννιάτικη διανομή τροφίμων", (12,)), ("Κοινωνική κουζίνα στην πλατεία", None),
                     ("Μαγειρεύουμε για τους άστεγους", None)),
    "health_care": (("Δωρεάν προληπτικές εξετάσεις", None), ("Εθελοντική αιμοδοσία", None),
                    ("Ενημέρωση για τον διαβήτη", None), ("Μαθήματα πρώτων βοηθειών", None)),
    "education": (("Μαθήματα ελληνικών για πρόσφυγες", None), ("Εργαστήρι ψηφιακών δεξιοτήτων για ηλικιωμένους", None),
                  ("Καλοκαιρινό εργαστήρι ανάγνωσης", (6, 7, 8)), ("Σεμινάριο εθελοντισμού", None)),
    "agriculture": (("Συγκομιδή ελιάς", (11, 12)), ("Φύτευση λαχανόκηπου", (3, 4)), ("Τρύγος αλληλεγγύης", (9,)),
                    ("Ανταλλαγή σπόρων", (2, 3)),
                    ("Εθελοντική εργασία στον κοινωνικό λαχανόκηπο", None)),
    "housing_support": (("Επισκευή σπιτιών ευάλωτων νοικοκυριών", None), ("Στήριξη αστέγων στον καύσωνα", (7, 8)),
                        ("Θερμαινόμενος χώρος για αστέγους", (1, 2, 12))),
    "culture": (("Γιορτή της γειτονιάς", (5, 6, 9)), ("Θεατρική παράσταση για παιδιά", None),
                ("Έκθεση φωτογραφίας", None), ("Καλοκαιρινό φεστιβάλ", (7, 8)), ("Παζάρι βιβλίου", None)),
    "environment": (("Καθαρισμός ακτής", (4, 5, 6, 9, 10)), ("Δενδροφύτευση", (11, 12, 1, 2, 3)),
                    ("Καθαρισμός ρέματος", (3, 4, 10)), ("Πυροφύλαξη", (6, 7, 8, 9)), ("Ανακύκλωση στα σχολεία", None)),
    "social_support": (("Επισκέψεις σε μοναχικούς ηλικιωμένους", None), ("Συλλογή ρούχων και κουβερτών", (10, 11, 12)),
                       ("Στήριξη πληγέντων από φυσική καταστροφή", None), ("Σχολικά είδη για παιδιά", (8, 9))),
    "coordination": (("Συνάντηση δικτύου οργανώσεων της πόλης", None), ("Ημέρα Εθελοντισμού", (12,)),
                     ("Εκπαίδευση συντονιστών εθελοντών", None)),
    "other": (("Ανοιχτή συνέλευση μελών", None), ("Ημέρα γνωριμίας με την οργάνωση", None)),
}

# The one-off activity categories an organization of each type runs, with weights.
EVENT_CATEGORIES = {
    "social_supermarket": {"food_support": 8, "social_support": 2},
    "social_pharmacy": {"health_care": 8, "social_support": 2},
    "social_clinic": {"health_care": 9, "education": 1},
    "social_cooperative": {"food_support": 3, "agriculture": 2, "culture": 2, "social_support": 2, "other": 1},
    "solidarity_house": {"housing_support": 6, "food_support": 3, "social_support": 2},
    "social_farm": {"agriculture": 8, "food_support": 2, "education": 1},
    "tutoring_centre": {"education": 9, "culture": 1},
    "volunteer_group": {"environment": 5, "social_support": 3, "food_support": 2, "health_care": 1, "culture": 1},
    "association": {"culture": 5, "social_support": 2, "education": 2, "environment": 2, "other": 1},
    "other": {"social_support": 4, "food_support": 2, "education": 2, "other": 1},
}

# Running services reported per period: (category, service unit, title).
SERVICE_TITLES = {
    "social_pharmacy": ("health_care", "medicine_pack", "Διάθεση φαρμάκων σε ωφελούμενους"),
    "social_clinic": ("health_care", "clinic_visit", "Λειτουργία κοινωνικού ιατρείου"),
    "social_supermarket": ("food_support", "household_served", "Διανομή ειδών πρώτης ανάγκης"),
    "solidarity_house": ("housing_support", "bed_night", "Φιλοξενία στον οίκο αλληλεγγύης"),
    "tutoring_centre": ("education", "tutoring_hour", "Δωρεάν μαθήματα ενισχυτικής διδασκαλίας"),
    "social_farm": ("agriculture", "kg_produce", "Παραγωγή λαχανικών για το κοινωνικό παντοπωλείο"),
}
COORDINATION_TITLE = "Συνάντηση συντονισμού οργανώσεων στο Κέντρο Ενεργών Πολιτών"

# Roles as people write them: for each role, the spellings seen (either gender, any case), and its weight by type.
ROLE_SPELLINGS = {
    "volunteer": ("εθελοντής", "Εθελοντής", "εθελόντρια", "Εθελόντρια", "ΕΘΕΛΟΝΤΗΣ", "εθελοντης"),
    "coordinator": ("συντονιστής", "Συντονίστρια", "συντονίστρια", "Συντονιστής"),
    "driver": ("οδηγός", "Οδηγός", "Εθελοντής οδηγός"),
    "doctor": ("γιατρός", "Ιατρός", "παθολόγος", "Παιδίατρος", "οδοντίατρος"),
    "nurse": ("νοσηλεύτρια", "Νοσηλευτής", "νοσοκόμα"),
    "pharmacist": ("φαρμακοποιός", "Φαρμακοποιός"),
    "teacher": ("εκπαιδευτικός", "Καθηγήτρια", "καθηγητής", "δασκάλα", "Δάσκαλος"),
    "farmer": ("αγρότης", "Γεωπόνος", "αγρότισσα"),
    "cook": ("μάγειρας", "Μαγείρισσα", "Μάγειρας"),
    "carer": ("φροντίστρια", "Κοινωνική λειτουργός", "κοινωνικός λειτουργός"),
    "office": ("γραμματέας", "Διοικητικός", "λογιστής"),
    "technician": ("τεχνικός", "Ηλεκτρολόγος", "υδραυλικός"),
    "lawyer": ("δικηγόρος", "Δικηγόρος"),
    "psychologist": ("ψυχολόγος", "Ψυχολόγος"),
    "unusual": ("παντός εργασίας", "φωτογράφος", "κλόουν", "μελισσοκόμος", "DJ"),
}
ROLE_HOURS = {  # typical length of a shift in hours
    "volunteer": 3.0, "coordinator": 3.5, "driver": 2.5, "doctor": 3.0, "nurse": 3.5, "pharmacist": 3.0,
    "teacher": 2.0, "farmer": 4.5, "cook": 4.0, "carer": 3.5, "office": 3.0, "technician": 3.0, "lawyer": 2.0,
    "psychologist": 2.0, "unusual": 3.0,
}
ROLES_BY_TYPE = {
    "social_pharmacy": {"pharmacist": 35, "volunteer": 45, "office": 12, "coordinator": 5},
    "social_clinic": {"doctor": 28, "nurse": 20, "psychologist": 5, "volunteer": 35, "office": 8, "coordinator": 4},
    "social_supermarket": {"volunteer": 65, "driver": 15, "office": 10, "coordinator": 6},
    "solidarity_house": {"cook": 20, "carer": 25, "volunteer": 40, "psychologist": 5, "lawyer": 5, "coordinator": 5},
    "tutoring_centre": {"teacher": 75, "volunteer": 15, "coordinator": 6},
    "social_farm": {"farmer": 45, "volunteer": 45, "driver": 8},
    "social_cooperative": {"volunteer": 50, "cook": 10, "technician": 10, "office": 12, "farmer": 10, "coordinator": 6},
    "volunteer_group": {"volunteer": 72, "driver": 8, "coordinator": 10, "nurse": 5, "technician": 5},
    "association": {"volunteer": 68, "coordinator": 10, "office": 10, "teacher": 8, "psychologist": 4},
    "other": {"volunteer": 60, "lawyer": 8, "psychologist": 8, "carer": 12, "coordinator": 10},
}

# Fake people for the personal-data columns some files carry: (Greek, ELOT 743 Latin for e-mail addresses).
FIRST_NAMES_MALE = (("Γιώργος", "giorgos"), ("Δημήτρης", "dimitris"), ("Νίκος", "nikos"), ("Γιάννης", "giannis"),
                    ("Κώστας", "kostas"), ("Παναγιώτης", "panagiotis"), ("Χρήστος", "christos"),
                    ("Θανάσης", "thanasis"), ("Μιχάλης", "michalis"), ("Σπύρος", "spyros"))
FIRST_NAMES_FEMALE = (("Μαρία", "maria"), ("Ελένη", "eleni"), ("Κατερίνα", "katerina"), ("Βασιλική", "vasiliki"),
                      ("Σοφία", "sofia"), ("Αναστασία", "anastasia"), ("Ευαγγελία", "evangelia"),
                      ("Δέσποινα", "despoina"), ("Χριστίνα", "christina"), ("Αγγελική", "aggeliki"))
SURNAMES = (  # (male, female, Latin male, Latin female)
    ("Παπαδόπουλος", "Παπαδοπούλου", "papadopoulos", "papadopoulou"), ("Γεωργίου", "Γεωργίου", "georgiou", "georgiou"),
    ("Οικονόμου", "Οικονόμου", "oikonomou", "oikonomou"), ("Καραγιάννης", "Καραγιάννη", "karagiannis", "karagianni"),
    ("Βασιλείου", "Βασιλείου", "vasileiou", "vasileiou"), ("Μακρής", "Μακρή", "makris", "makri"),
    ("Παπανικολάου", "Παπανικολάου", "papanikolaou", "papanikolaou"), ("Αντωνίου", "Αντωνίου", "antoniou", "antoniou"),
    ("Σταθόπουλος", "Σταθοπούλου", "stathopoulos", "stathopoulou"),
    ("Κωνσταντίνου", "Κωνσταντίνου", "konstantinou", "konstantinou"),
    ("Δημητρίου", "Δημητρίου", "dimitriou", "dimitriou"), ("Αλεξίου", "Αλεξίου", "alexiou", "alexiou"),
)

FORMER_BUILDINGS = (
    "πρώην Δημοτικό Σχολείο", "πρώην ΚΑΠΗ", "πρώην Κοινοτικό Κατάστημα", "πρώην Δημοτική Αγορά",
    "πρώην Σιδηροδρομικός Σταθμός", "πρώην Καπναποθήκη", "πρώην Νηπιαγωγείο", "πρώην Στρατόπεδο",
)
FIELD_PLACES = ("Κάμπος", "Αμπέλια", "Λιβάδι", "Ποταμιά", "Ελαιώνας", "Μύλος", "Βρύση", "Πλατάνια", "Αλώνια", "Λάκκα")

REGION_NAMES = {  # genitive, as in «Περιφέρεια Αττικής»
    "EL30": "Αττικής", "EL41": "Βορείου Αιγαίου", "EL42": "Νοτίου Αιγαίου", "EL43": "Κρήτης",
    "EL51": "Ανατολικής Μακεδονίας και Θράκης", "EL52": "Κεντρικής Μακεδονίας", "EL53": "Δυτικής Μακεδονίας",
    "EL54": "Ηπείρου", "EL61": "Θεσσαλίας", "EL62": "Ιονίων Νήσων", "EL63": "Δυτικής Ελλάδας",
    "EL64": "Στερεάς Ελλάδας", "EL65": "Πελοποννήσου",
}

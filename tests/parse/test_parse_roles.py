"""Role text -> role category, against a tiny role map written for these tests."""

from pathlib import Path

import pytest

from civhub.config import REFERENCE_DIR
from pipelines.parse.roles import ROLE_CATEGORIES, RoleMap

FIXTURE = Path(__file__).parent / "fixtures" / "role_map.csv"
HEADER = "word,language,role_category,note\n"


@pytest.fixture(scope="module")
def roles() -> RoleMap:
    return RoleMap.from_csv(FIXTURE)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("οδηγός", ("driver", True)),
        ("ΟΔΗΓΟΣ", ("driver", True)),
        ("  Οδηγος ", ("driver", True)),
        ("Εθελοντής", ("general", True)),
        ("ΕΘΕΛΟΝΤΡΙΑ", ("general", True)),
        ("Nurse", ("nursing", True)),
        ("Κοινωνικός  Λειτουργός", ("care", True)),
    ],
)
def test_whole_role_matches(roles, raw, expected):
    assert roles.category(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # A specific word beats a general one even when the general word is longer.
        ("Εθελοντής οδηγός", ("driver", True)),
        ("Volunteer driver", ("driver", True)),
        ("Οδηγός/Διανομέας", ("driver", True)),
        ("εθελόντρια (νοσηλευτής)", ("nursing", True)),
        # The longest specific word wins: βοηθός φαρμακείου, not βοηθός.
        ("Εθελοντής βοηθός φαρμακείου", ("pharmacy", True)),
        ("βοηθός", ("general", True)),
        ("Εθελοντής βοηθός", ("general", True)),
    ],
)
def test_contained_word_matches(roles, raw, expected):
    assert roles.category(raw) == expected


@pytest.mark.parametrize("raw", ["Αυτοκινητοοδηγός", "Οδηγοί", "Ταμίας", "cashier", "x"])
def test_unknown_role_is_general_and_flagged(roles, raw):
    assert roles.category(raw) == ("general", False)


# A dash or other punctuation alone is how people leave a cell empty.
@pytest.mark.parametrize("raw", ["", "   ", None, "\u200b", "-", "—", "???"])
def test_no_role_is_a_general_volunteer(roles, raw):
    assert roles.category(raw) == ("general", True)


def test_very_long_text_is_unknown(roles):
    assert roles.category("οδηγός " * 500) == ("general", False)


@pytest.mark.parametrize(
    ("content", "fault"),
    [
        ("word,role_category\nοδηγός,driver\n", "missing columns language"),
        (f"{HEADER}οδηγός,el,chauffeur,\n", ":2: empty word or unknown role category 'chauffeur'"),
        (f"{HEADER},el,driver,\n", ":2: empty word"),
        (f"{HEADER}οδηγός,el,driver,\nΟΔΗΓΟΣ,el,care,\n", ":3: 'ΟΔΗΓΟΣ' is mapped to both driver and care"),
    ],
)
def test_malformed_role_map_is_refused(tmp_path, content, fault):
    path = tmp_path / "role_map.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=fault.replace("(", r"\(")):
        RoleMap.from_csv(path)


def test_categories_are_the_schema_ones():
    assert ROLE_CATEGORIES == (
        "general", "coordination", "driver", "medical", "nursing", "pharmacy", "teaching", "agriculture",
        "food_service", "care", "administration", "technical", "legal", "psychology",
    )


def test_shipped_role_map_loads():
    shipped = RoleMap.from_csv(REFERENCE_DIR / "role_map.csv")
    assert shipped.category("Εθελοντής οδηγός") == ("driver", True)
    assert shipped.category("") == ("general", True)

"""Round 18c: chats and quick notes. Lower-case streets that open with an adjective of street
names ("aan de nieuwe gracht 3") or end in "wal" or "brink", streets whose street word
"straat" is mistyped after a preposition ("op kerkstaat 14"), a number and a unit after a
lower-case street (a count, no house number), and an age written "84j". Every sentence here
is written for this round; every name, street and number is made up."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


# -- lower-case streets with an adjective, "wal" and "brink" -------------------------------
@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("ze woont aan de nieuwe gracht 3", "nieuwe gracht 3"),
        ("hij zit op de lange nieuwstraat 12", "lange nieuwstraat 12"),
        ("sleutel ligt bij de buren, oude haven 21b", "oude haven 21b"),
        ("dhr verhuist naar korte steeg 4, 2e etage", "korte steeg 4"),
        ("ik ben nu aan de zuidwal 8 bij mw", "zuidwal 8"),
        ("mw woont op dorpsbrink 12a", "dorpsbrink 12a"),
    ],
)
def test_lower_case_street_with_adjective_or_new_street_word(
    engine: PrivacyEngine, text: str, street: str
) -> None:
    assert street in labelled(engine, text, "adres"), text


# -- a mistyped street word after a preposition ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("mw staat ingeschreven op kerkstaat 14", "kerkstaat 14"),
        ("ga naar hoofdstaat 12", "hoofdstaat 12"),
        ("bij kerkstrat 9 is de sleutelkluis", "kerkstrat 9"),
        ("woont aan de Molensraat 3", "Molensraat 3"),
    ],
)
def test_mistyped_street_word_after_preposition(
    engine: PrivacyEngine, text: str, street: str
) -> None:
    assert street in labelled(engine, text, "adres"), text


# -- near misses: counts, measures and verbs ---------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "op de oude weg 3 keer gevallen",
        "op de grote markt 2 uur gewacht",
        "het is een lange weg 2 jaar revalidatie",
        "op de stadswal 2 uur gewandeld",
        "op de oude weg 2 dagen",
        "naar hoofdstaat 12 uur",
        "als hij opstaat 2x per nacht",
        "ze staat 3 uur in de keuken",
        "de situatie ontstaat 2 keer per week",
        "ligt op kamer 12",
        "afspraak om 14.30 bij de huisarts",
        "2x 500mg paracetamol per dag",
        "pijnscore 7/10",
        "kost 12,50 per week",
    ],
)
def test_counts_and_verbs_are_no_street(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "adres") == [], text


# -- an age written "84j" ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("mw 84j valt veel", "84j"),
        ("dhr (77j) woont alleen", "77j"),
        ("zoontje 4j met astma", "4j"),
    ],
)
def test_age_with_a_bare_j(engine: PrivacyEngine, text: str, age: str) -> None:
    assert age in " ".join(labelled(engine, text, "leeftijd")), text


@pytest.mark.parametrize(
    "text",
    [
        "2j geleden gevallen",
        "sinds 3j in zorg",
        "hij heeft 3j gerookt",
        "vitamine B12 en Q10",
        "sinds 3 jaar in zorg",
        "score 7/10 en 2x 500 mg",
    ],
)
def test_durations_with_j_are_no_age(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "leeftijd") == [], text


# -- a country code in brackets ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("bereikbaar via (+31) 6 4123 7788", "(+31) 6 4123 7788"),
        ("(0031) 6 41237788 is de dochter", "(0031) 6 41237788"),
        ("tel (+31)6-41237788", "(+31)6-41237788"),
    ],
)
def test_country_code_in_brackets(engine: PrivacyEngine, text: str, phone: str) -> None:
    assert phone in " ".join(labelled(engine, text, "telefoon")), text


@pytest.mark.parametrize(
    "text", ["score (+3) 12 punten", "(31) 612345 stuks", "om 14.30 bellen, 2x 500mg"]
)
def test_bracketed_numbers_without_country_code_are_no_phone(
    engine: PrivacyEngine, text: str
) -> None:
    assert labelled(engine, text, "telefoon") == [], text


# -- a listed street right after "op", "aan", "naar", "bij" without "de" -------------------------
@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("ben op eikenlaan maar niemand doet open", "eikenlaan"),
        ("rij nu naar kerkstraat", "kerkstraat"),
        ("sta bij Molenweg ff parkeren", "Molenweg"),
    ],
)
def test_listed_street_after_bare_preposition(
    engine: PrivacyEngine, text: str, street: str
) -> None:
    assert street in labelled(engine, text, "adres"), text


@pytest.mark.parametrize(
    "text",
    [
        "ze speelt op schoolplein",
        "we lopen via achterweg naar huis",
        "even naar snelweg",
        "op straat gevallen",
        "bij rotonde rechtsaf",
        "ligt op kamer 12",
    ],
)
def test_common_places_after_bare_preposition_are_no_street(
    engine: PrivacyEngine, text: str
) -> None:
    assert labelled(engine, text, "adres") == [], text

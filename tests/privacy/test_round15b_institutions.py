"""Round 15b: organisations by the brand names in deduce's own lists (after a cue of care,
work or stay), the insurer after "verzekerd bij", a team of an area after an organisation, new
kind words and kind compounds (services, advice, money help, youth health, trades), an
abbreviation as the name after a kind, and "Lyceum" after a name. A positive and a hard
negative test for each rule, on made-up sentences: the brands are entries of deduce's lists of
care institutions, every other organisation here is invented or a real place used as a
place."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        # a brand from deduce's lists after a cue of care, work or stay
        ("Sinds maart woont hij in een trainingshuis vanuit Pluryn.", "Pluryn"),
        ("Mevrouw is vorige week aangemeld bij Lunet voor een intake.", "Lunet"),
        ("De afspraak bij de longarts in het LUMC is verzet.", "LUMC"),
        ("Zorgverzekeraar: Rode Kruis, polis onbekend.", "Rode Kruis"),
        ("Aan: Rivierduinen\nBetreft: verwijzing", "Rivierduinen"),
        # a whole two-word entry needs no cue
        ("TODO\n[ ] Rode Kruis bellen over de cursus", "Rode Kruis"),
        # a unit of it after a comma is a cue too
        ("Weekverslag, Amarant, woongroep De Linde", "Amarant"),
        # a person's name before "van <brand>" keeps its own part
        ("Overleg gehad met begeleider Karin Mulder van Cordaan over de planning.", "Cordaan"),
        # a place after the brand names one house of it
        ("Na ontslag gaat hij naar Zuyderland Heerlen, afdeling 3.", "Zuyderland Heerlen"),
        # the insurer after "verzekerd bij" or an insurer's field
        ("Zij is verzekerd bij ZKD, relatienummer 1234.", "ZKD"),
        ("Zorgverzekeraar: Dalmeer Zorg, polis 55.", "Dalmeer Zorg"),
        # a team of an area after a found organisation
        ("De sleutel ligt bij Buurtzorg team Dalmeer-Noord.", "Buurtzorg team Dalmeer-Noord"),
        # new kind words and compounds before a name or place
        (
            "Hij werkt twee dagen bij Hotel De Vergulde Zwaan in de keuken.",
            "Hotel De Vergulde Zwaan",
        ),
        ("Nieuwe oorstukjes via Audicien Hoorcomfort in de stad.", "Audicien Hoorcomfort"),
        ("Zijn werkgever is Kwekerij Dalmeer; die regelt vervoer.", "Kwekerij Dalmeer"),
        ("De pgb-aanvraag ligt bij Zorgkantoor Rijnmond.", "Zorgkantoor Rijnmond"),
        ("Overdracht naar Zorgthuis Veendam op maandag.", "Zorgthuis Veendam"),
        ("Intake bij Vluchtelingenwerk Noord staat gepland.", "Vluchtelingenwerk Noord"),
        ("Het groeiboekje ligt bij JGZ Salland.", "JGZ Salland"),
        ("Hij belde zelf de HAP Zwolle vannacht.", "HAP Zwolle"),
        ("Vrijwilligers van VPTZ Betuwe komen 's nachts waken.", "VPTZ Betuwe"),
        ("De huur gaat naar Woonservice Dalmeer, elke maand.", "Woonservice Dalmeer"),
        (
            "Verwezen naar Voedingsadvies Noorderhaven voor een dieet.",
            "Voedingsadvies Noorderhaven",
        ),
        ("Het geld loopt via Budgetbeheer De Munt.", "Budgetbeheer De Munt"),
        ("Nazorg via Slachtofferhulp Nederland na het ongeval.", "Slachtofferhulp Nederland"),
        ("Gesprek met Schuldhulpmaatje Betuwe op dinsdag.", "Schuldhulpmaatje Betuwe"),
        # an abbreviation may close the name after a kind
        ("De aanvraag is ontvangen door Zorgkantoor ZKN, kenmerk volgt.", "Zorgkantoor ZKN"),
        # a name before "Lyceum" or "Gymnasium"
        ("Mentor Anja de Bruin van het Dalmeers Lyceum belde.", "Dalmeers Lyceum"),
    ],
)
def test_an_organisation_of_round_15b(engine: PrivacyEngine, text: str, organisation: str) -> None:
    assert organisation in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    "text",
    [
        # first names and places stay what they are, whatever the lists hold
        "Ze ging met Sophia naar de markt en daarna naar huis.",
        "Hij verhuist volgende maand naar Deventer.",
        # ordinary words with a capital, no brand
        "Neem contact op met de huisarts. Kies de juiste maat tilband.",
        "Hij spreekt goed Nederlands en een beetje Engels.",
        # the kinds alone, or before a plain word
        "Voedingsadvies bij de ziekte van Crohn: eet kleine porties.",
        "Het Hotel was vol. Een Kwekerij is geen winkel.",
        "Bel de Klantenservice als u vragen heeft over de Autoservice.",
        "Schuldhulp is aangevraagd; Slachtofferhulp belt nog.",
        # a one-letter initial is no abbreviation of a name; a kind or a code after a kind
        "Het Zorgkantoor A. stuurt geen brief.",
        "Crisisdienst GGZ \u2013 beoordeling om 23.10 uur.",
        "Ritnummer HAP HAP-0931, rit gepland.",
        # a listed word in capitals only after "het"; a program after a bare "in"
        "Opname wegens een infarct, PCI met DES. Een cliënt met NAH.",
        "Separeerregistratie in Argos: cijfers van vorig kwartaal.",
        # an insurer's cue with no name after it
        "Zij is verzekerd bij haar man. Zorgverzekeraar: onbekend.",
        "Machtigingsnummer zorgverzekeraar: MV-552031.",
    ],
)
def test_no_organisation_of_round_15b(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []


def test_a_longer_organisation_round_a_listed_entry_stays_whole(engine: PrivacyEngine) -> None:
    text = "Van: Ziekenhuis Gelderse Vallei\nBetreft: ontslag"
    assert labelled(engine, text, "instelling") == ["Ziekenhuis Gelderse Vallei"]


def test_a_quarter_after_team_stays_a_place(engine: PrivacyEngine) -> None:
    text = "Overdracht Buurtzorg team Dalmeer-Velve aan het ziekenhuis."
    assert "Buurtzorg team Dalmeer-Velve" not in labelled(engine, text, "instelling")


def test_the_person_before_van_brand_keeps_her_name(engine: PrivacyEngine) -> None:
    text = "Overleg gehad met begeleider Karin Mulder van Cordaan over de planning."
    assert "Karin Mulder" in labelled(engine, text, "naam")

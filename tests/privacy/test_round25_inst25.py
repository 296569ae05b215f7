"""Round 25 (inst25): organisations by shapes that held-out text showed weak: the police,
the safety region and the fire brigade before a region, kinds in lower case in chats
("zorggroep de linde", "ggz noord"), national shops after an article ("bij de Jumbo") and
read as a name, a school named by a Latin or medical word, housing corporations named
"Woon..." ("Woonpartners Zuidrand"), and the kind of a document cut off an organisation's
span ("Incidentmelding Zuyderland"). Made-up sentences; every organisation, person and
place name here is invented or used only as an example of its shape."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        # the police, the safety region, the fire brigade and a region
        ("Politie Zeeland-West-Brabant heeft aangifte opgenomen.", "Politie Zeeland-West-Brabant"),
        ("Veiligheidsregio Kennemerland is ingelicht.", "Veiligheidsregio Kennemerland"),
        ("Brandweer Twente was snel ter plaatse.", "Brandweer Twente"),
        ("Melding gedaan bij Politie Oost-Nederland, team Deventer.", "Politie Oost-Nederland"),
        # kinds in lower case in chats
        ("ze woont nu bij zorggroep de linde", "zorggroep de linde"),
        ("ik ben bij ggz noord geweest", "ggz noord"),
        ("ze is naar zorglocatie de esdoorn", "zorglocatie de esdoorn"),
        ("mam zit nu in woonvoorziening de wilgenhoek", "woonvoorziening de wilgenhoek"),
        # national shops after an article, and read as a name
        ("Ze werkt parttime bij de Jumbo.", "Jumbo"),
        ("Haar moeder werkt van de Hema.", "Hema"),
        ("Ze is gevallen bij de Albert Heijn.", "Albert Heijn"),
        ("boodschappen gedaan bij de lidl", "lidl"),
        ("hij woont boven de Kruidvat in het centrum", "Kruidvat"),
        ("Zij werkt bij Albert Heijn Xpress in Amersfoort.", "Albert Heijn Xpress"),
        ("Met hem naar de Albert Heijn op de Kooilaan geweest.", "Albert Heijn"),
        ("Leefgeld opgehaald bij de Jumbo aan de Dorpsstraat. Daarna naar huis.", "Jumbo"),
        # a school named by a Latin or medical word
        ("Hij zit op Scholengemeenschap Arcus in klas 3.", "Scholengemeenschap Arcus"),
        ("Zij is leerling van Scholengemeenschap Arcus, klas 2 vmbo.", "Scholengemeenschap Arcus"),
        # housing corporations and homes named "Woon..."
        ("Contact met Woonpartners Zuidrand over de huur.", "Woonpartners Zuidrand"),
        ("Huurachterstand bij Woongoed Middelburg.", "Woongoed Middelburg"),
        ("Ze huurt bij Woonhaven Dordrecht.", "Woonhaven Dordrecht"),
        ("Wonen Limburg heeft de huur verhoogd.", "Wonen Limburg"),
        ("Woonzorglocatie De Bronsgroene Eik belde.", "Woonzorglocatie De Bronsgroene Eik"),
        ("Hij woont bij Woonkracht Oost sinds mei.", "Woonkracht Oost"),
        # the youth and family centre without "voor", and a saint's church, clinic or school
        ("Verwezen naar Centrum Jeugd en Gezin Zuidoost.", "Centrum Jeugd en Gezin Zuidoost"),
        ("Aangemeld bij het Centrum Jeugd & Gezin Noordwijk.", "Centrum Jeugd & Gezin Noordwijk"),
        ("Hij bezoekt de Sint-Jozefkerk in Almelo.", "Sint-Jozefkerk"),
        ("Opname in de Sint Maartenskliniek.", "Sint Maartenskliniek"),
        ("Ze zit op de St. Bavoschool in groep 3.", "St. Bavoschool"),
        # meal services, client support and deacons before their area
        ("Meneer krijgt maaltijden via Tafeltje Dekje Zuid.", "Tafeltje Dekje Zuid"),
        ("Maaltijden van Tafeltje-dekje Súdwest gestart.", "Tafeltje-dekje Súdwest"),
        ("Ze gaat naar Cliëntondersteuning Noord-Oost.", "Cliëntondersteuning Noord-Oost"),
        ("Hulp van de Diaconie Overvecht.", "Diaconie Overvecht"),
        # the document's kind is cut off
        (
            "Incidentmelding Zuyderland Medisch Centrum\nDatum: 3 maart",
            "Zuyderland Medisch Centrum",
        ),
        ("Dagrapportage Stichting De Overstap\nCliënt sliep goed.", "Stichting De Overstap"),
        (
            "Secretariaat Revalidatiecentrum Het Roer\nBetreft: verwijzing",
            "Revalidatiecentrum Het Roer",
        ),
        ("Rapportage Zorgcentrum De Linde, afdeling 2", "Zorgcentrum De Linde"),
        # shapes that already worked, kept as probes
        ("Mevrouw krijgt sinds maart zorg van Zorggroep Noorderlicht.", "Zorggroep Noorderlicht"),
        ("Hij woont bij Stichting De Overstap in een begeleide kamer.", "Stichting De Overstap"),
        ("Thuiszorg Amstelland komt drie keer per week langs.", "Thuiszorg Amstelland"),
        ("Ze verhuist volgende maand naar 't Hoge Hof.", "'t Hoge Hof"),
        ("De melding is gedaan bij GGD Hollands Midden.", "GGD Hollands Midden"),
        ("Zijn zoon zit op OBS De Regenboog in groep 5.", "OBS De Regenboog"),
        ("Dochter gaat naar CBS De Wegwijzer.", "CBS De Wegwijzer"),
        ("Hij volgt een opleiding aan ROC Midden Nederland.", "ROC Midden Nederland"),
        ("Ze studeert verpleegkunde aan Hogeschool Windesheim.", "Hogeschool Windesheim"),
        ("Medicatie wordt opgehaald bij Apotheek Centraal.", "Apotheek Centraal"),
        (
            "De huisarts van Huisartsenpraktijk Dorpsstraat is gebeld.",
            "Huisartsenpraktijk Dorpsstraat",
        ),
        (
            "Hij heeft een huurachterstand bij Woningcorporatie Eigen Haard.",
            "Woningcorporatie Eigen Haard",
        ),
        ("Meneer werkt bij Vitalis als schoonmaker.", "Vitalis"),
        ("Hulp via Buurtzorg is gestart.", "Buurtzorg"),
        ("heb gebeld met apotheek de vaart", "apotheek de vaart"),
        ("Wijkverpleging Oost-Betuwe komt dagelijks.", "Wijkverpleging Oost-Betuwe"),
    ],
)
def test_an_organisation_of_round_25(engine: PrivacyEngine, text: str, organisation: str) -> None:
    assert organisation in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    "text",
    [
        "Meneer Zeeman komt morgen langs.",
        "De thuiszorg komt morgen.",
        "Het wijkteam heeft contact opgenomen.",
        "De gemeente heeft de aanvraag afgewezen.",
        "De politie kwam langs na de melding.",
        "de zorggroep de hele week niet gebeld",
        "bij de ggz de medicatie besproken",
        "De Woonkamer Links is netjes opgeruimd.",
        "Woonadres: zie dossier.",
        "Wonen en werken gaat goed samen voor hem.",
        "Zij zit op het Lyceum Vandaag niet, ze is ziek.",
        "Het FACT-team komt langs.",
        "Tafeltje Dekje komt morgen.",
        "Het Centrum Jeugd en Gezin belde.",
    ],
)
def test_a_look_alike_stays_clean_of_organisations(engine: PrivacyEngine, text: str) -> None:
    assert not labelled(engine, text, "instelling")


def test_a_family_after_youth_stays_no_name(engine: PrivacyEngine) -> None:
    text = "Verwezen naar Centrum Jeugd en Gezin Zuidoost."
    assert not labelled(engine, text, "naam")
    assert "Bakker" in labelled(engine, "Gesprek met gezin Bakker over de zorg.", "naam")


def test_a_town_named_after_a_saint_stays_a_place(engine: PrivacyEngine) -> None:
    text = "Hij woont in Sint-Michielsgestel."
    assert not labelled(engine, text, "instelling")


def test_a_person_named_as_a_shop_stays_a_name(engine: PrivacyEngine) -> None:
    assert "Zeeman" in labelled(engine, "Meneer Zeeman komt morgen langs.", "naam")


def test_a_person_after_a_housing_role_is_no_corporation(engine: PrivacyEngine) -> None:
    text = "Woonbegeleider Jan belde over de sleutel."
    assert not labelled(engine, text, "instelling")

"""Round 23 (inst23): institutions on new text, by the shape of the phrase. Made-up text;
every name, organisation and sentence is invented (the places are real towns, as the engine
reads them from deduce's list)."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        # a club's founding year and a body's branch after a slash belong to the name
        ("Hij zit op voetbal bij VV Blauw Geel '38 en dat gaat goed.", "VV Blauw Geel '38"),
        ("Schulden: Belastingdienst/Toeslagen € 2.300, verder niets.", "Belastingdienst/Toeslagen"),
    ],
)
def test_the_tail_of_an_organisation(engine: PrivacyEngine, text: str, institution: str) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    "text",
    [
        "Zie de MIC-melding van 7-2-'19 in het dossier.",
        "Opname 14 mrt '24 t/m 2 april, daarna naar huis.",
        "Hij heeft een aanvraag bij de gemeente/het wijkteam gedaan.",
    ],
)
def test_no_tail_without_an_organisation(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        ("Er loopt beslag door gerechtsdeurwaarder Kortenhoeve (dossier 7).", "Kortenhoeve"),
        ("Achterstand bij energieleverancier Stroomveld van ca. € 400.", "Stroomveld"),
    ],
)
def test_a_bailiff_and_an_energy_supplier(
    engine: PrivacyEngine, text: str, institution: str
) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    "text",
    [
        "Er is een brief van de gerechtsdeurwaarder. Morgen bellen.",
        "De achterstand bij de energieleverancier is afgelost.",
    ],
)
def test_no_bailiff_without_a_name(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        ("Jolanda: ik check bij OLVG en de dochter.", "OLVG"),
        ("Hij heeft morgen om 9u een ct-scan in het ZLV.", "ZLV"),
        ("Controle bij de cardioloog in het MCZL.", "MCZL"),
    ],
)
def test_a_hospital_by_its_abbreviation(engine: PrivacyEngine, text: str, institution: str) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    "text",
    [
        "Graag bespreken in het ZAT van donderdag.",
        "Geen afwijkingen bij ECG en EEG.",
        "Leg de score vast in het ECD.",
        "Niet van toepassing bij ZZP en PGB.",
    ],
)
def test_no_hospital_in_other_abbreviations(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        (
            "Tot dan.\n\nMet groet,\nPriscilla Martina\nWoonconsulent Woonvast Rotterdam",
            "Woonvast Rotterdam",
        ),
        (
            "Graag uw reactie.\n\nGroet,\nWytze Dijkstra\nSchuldhulpverlener Gemeente Wijdemeren",
            "Gemeente Wijdemeren",
        ),
    ],
)
def test_an_employer_under_a_signature(engine: PrivacyEngine, text: str, institution: str) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    "text",
    [
        "Tot dan.\n\nGroetjes,\nTessa Nieuwenhuis\nWijkverpleegkundige Team Noord",
        "Tot dan.\n\nGroet,\nTessa Nieuwenhuis\nWijkverpleegkundige Regio Zuid",
        "Tot dan.\n\nGroet,\nTessa Nieuwenhuis\nWijkverpleegkundige Rotterdam",
    ],
)
def test_no_employer_in_a_team_or_place(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        ("olaf: ik check bij olvg en bel de dochter", "olvg"),
        ("ze heeft morgen bloed prikken in het zlv, vervoer geregeld", "zlv"),
    ],
)
def test_a_hospital_by_its_abbreviation_in_lower_case(
    engine: PrivacyEngine, text: str, institution: str
) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    "text",
    [
        "ze ligt nu in het zkh, morgen meer",
        "hij eet vanavond bij zus en komt daarna",
        "dat staat in het mdo verslag",
    ],
)
def test_no_hospital_in_lower_case_words(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        ("ze is overgestapt naar zorgquest thuiszorg, staat in de mail", "zorgquest thuiszorg"),
        ("de insuline komt nu via medimax apotheek", "medimax apotheek"),
    ],
)
def test_a_brand_before_its_kind_in_lower_case(
    engine: PrivacyEngine, text: str, institution: str
) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    "text",
    [
        "zij krijgt sinds maart palliatieve thuiszorg en dat gaat goed",
        "na de ontslag thuiszorg geregeld via de wijkverpleging thuiszorg",
        "de particuliere thuiszorg komt twee keer per week",
    ],
)
def test_no_brand_in_a_kind_of_care(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        ("Zij meldt het verzuim bij Leerplicht Gemeente Den Haag.", "Leerplicht Gemeente Den Haag"),
        ("Aanvraag bij het Wmo-loket gemeente Zaanstad gedaan.", "Wmo-loket gemeente Zaanstad"),
    ],
)
def test_a_service_of_a_municipality(engine: PrivacyEngine, text: str, institution: str) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        ("Vandaag Gemeente Utrecht gebeld over de aanvraag.", "Gemeente Utrecht"),
        ("Gisteren met Jansen Gemeente Utrecht gebeld.", "Gemeente Utrecht"),
    ],
)
def test_no_service_before_a_municipality(
    engine: PrivacyEngine, text: str, institution: str
) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        ("Hij haalt de rol bij Apotheek Tuindorp 't Lansink.", "Apotheek Tuindorp 't Lansink"),
        ("ff checken, lotte van de sbo de regenboog belde", "sbo de regenboog"),
        ("jeugdbescherming gelderland moet het weten", "jeugdbescherming gelderland"),
        ("Werkgever ICT-bedrijf Bytebrug is op de hoogte.", "ICT-bedrijf Bytebrug"),
    ],
)
def test_more_shapes_of_organisations(engine: PrivacyEngine, text: str, institution: str) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    "text",
    [
        "Dhr. Van 't Hof (63) revalideerde voorspoedig.",
        "de obs heeft de hele week vrij",
        "Werkgever Henk is akkoord met de uren.",
        "Zijn werkgever is op de hoogte.",
    ],
)
def test_no_organisation_in_these_shapes(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []

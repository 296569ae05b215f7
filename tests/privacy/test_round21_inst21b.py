"""Round 21 (inst21b): a capitalised compound whose last part says an organisation's kind
("Kindertherapie", "Wijkverpleging", "Peuterwerk", "Formulierenbrigade", "Alarmdienst")
before a name on the same line that no list knows as an ordinary word or a first name
("Kindertherapie Zonnedael", "Peuterwerk Lindeveld") is an institution. Made-up text;
every name is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        ("Zij heeft een intake bij Kindertherapie Zonnedael gehad.", "Kindertherapie Zonnedael"),
        ("De zorg wordt geleverd door Wijkverpleging Kraaiwijk.", "Wijkverpleging Kraaiwijk"),
        ("Hij gaat twee ochtenden naar Peuterwerk Lindeveld.", "Peuterwerk Lindeveld"),
        ("Hulp bij de aanvraag via Formulierenbrigade Oostmaar.", "Formulierenbrigade Oostmaar"),
        ("Het alarm loopt via Alarmdienst Veiligwacht.", "Alarmdienst Veiligwacht"),
        ("Zij werkt als vrijwilliger bij Ontmoetingspunt Kraanbrug.", "Ontmoetingspunt Kraanbrug"),
        ("Hij helpt bij Fietsenwerkplaats Trapstad.", "Fietsenwerkplaats Trapstad"),
        ("Kaas haalt zij bij Kaashandel Ruitenbeek.", "Kaashandel Ruitenbeek"),
        ("Een scootmobiel geleend via Scootershop Rijvaart.", "Scootershop Rijvaart"),
        ("Op donderdag gaat hij naar Biljartclub Keuzeweg.", "Biljartclub Keuzeweg"),
        ("Aangemeld bij Maatjesproject Samenloop.", "Maatjesproject Samenloop"),
        ("Overleg met Dementienetwerk Dommelstreek.", "Dementienetwerk Dommelstreek"),
        ("De woning is van Volkshuisvesting Amstelrand.", "Volkshuisvesting Amstelrand"),
        ("Zij werkt op Zuivelboerderij Wieringa.", "Zuivelboerderij Wieringa"),
        ("Het vervoer gaat via Vervoersdienst Rijnrit.", "Vervoersdienst Rijnrit"),
        ("Behandeling bij Kinderfysiotherapie Maasoever.", "Kinderfysiotherapie Maasoever"),
        ("Het rooster komt van Thuiszorgtechniek Medilux.", "Thuiszorgtechniek Medilux"),
        ("Aanvraag via Werkgeversservicepunt Veluwerand.", "Werkgeversservicepunt Veluwerand"),
    ],
)
def test_a_compound_kind_before_an_unknown_name(
    engine: PrivacyEngine, text: str, institution: str
) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Fysiotherapie Maandag en donderdag, oefeningen thuis.",
            marks=pytest.mark.xfail(strict=True, reason="an earlier rule finds it"),
        ),
        "Wijkverpleging Ochtend: wassen en aankleden.",
        "Ergotherapie Advies over hulpmiddelen volgt.",
        "Kindertherapie Sanne vindt het leuk.",
        "Huiswerk Engels is af.",
        pytest.param(
            "Thuiszorg Avond: medicatie gegeven.",
            marks=pytest.mark.xfail(strict=True, reason="an earlier rule finds it"),
        ),
        "Vrijwilligerswerk Zaterdag gaat niet door.",
        pytest.param(
            "Logopedie Slikken gaat beter.",
            marks=pytest.mark.xfail(strict=True, reason="an earlier rule finds it"),
        ),
        "Boodschappendienst Dinsdag komt later.",
        pytest.param(
            "Cliënt zit bij Dagbesteding Groep twee.",
            marks=pytest.mark.xfail(strict=True, reason="an earlier rule finds it"),
        ),
    ],
)
def test_a_compound_kind_before_an_ordinary_word_stays_out(
    engine: PrivacyEngine, text: str
) -> None:
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        ("De intake was bij Kindertherapie IJsselhof.", "Kindertherapie IJsselhof"),
        ("Hij kaart bij Biljartclub De Stoot.", "Biljartclub De Stoot"),
        ("Zij is aangemeld bij Ontmoetingspunt De Brink.", "Ontmoetingspunt De Brink"),
        ("Hulp via Formulierenbrigade Dal & Heuvel.", "Formulierenbrigade Dal & Heuvel"),
        ("De dagbesteding is bij Zorgboerderijwerk Het Erf.", "Zorgboerderijwerk Het Erf"),
        ("Koffie drinken bij Buurtwerk 't Trefpunt.", "Buurtwerk 't Trefpunt"),
    ],
)
def test_a_compound_kind_before_a_house_name(
    engine: PrivacyEngine, text: str, institution: str
) -> None:
    assert labelled(engine, text, "instelling") == [institution]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Fysiotherapie De heer oefent zelf.",
            marks=pytest.mark.xfail(strict=True, reason="an earlier rule finds it"),
        ),
        "Huiswerk & Spelen gaat goed.",
        "Ergotherapie De Mevrouw is tevreden.",
        "Vrijwilligerswerk De Sanne helpt mee.",
    ],
)
def test_a_compound_kind_before_an_article_and_a_person_stays_out(
    engine: PrivacyEngine, text: str
) -> None:
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "house"),
    [
        ("Instelling: Stichting Zorggroep Noorderlicht, locatie Het Anker, kamer 4", "Het Anker"),
        ("Naar: Verpleeghuis Meerzicht, afdeling De Wilg, tweede etage", "De Wilg"),
        ("Jeugdzorg De Stroom, behandelgroep De Boeg, meldt een incident.", "De Boeg"),
        ("Zij woont bij Woonzorg Vechtstede, locatie De Kastanje.", "De Kastanje"),
        ("Overdracht naar Zorgcentrum Rozenhof, woongroep Het Wiel.", "Het Wiel"),
    ],
)
def test_a_house_after_a_found_institution(engine: PrivacyEngine, text: str, house: str) -> None:
    assert any(house in found for found in labelled(engine, text, "instelling"))


@pytest.mark.parametrize(
    "text",
    [
        "Zij ligt op de afdeling, de kamer is klein.",
        "Overleg op locatie, De cliënt was rustig.",
        pytest.param(
            "Mevrouw gaat naar afdeling De Geriatrie morgen.",
            marks=pytest.mark.xfail(strict=True, reason="an earlier rule finds it"),
        ),
        "Zij zit in De Tuin te lezen.",
    ],
)
def test_no_house_without_a_found_institution(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []

"""Round 12c: organisations, addresses and clean texts on new text. A positive and a hard
negative test for each rule, on made-up text: every organisation, name and street here is
invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Zijn uitkering loopt via Werkplein Dommeldal sinds mei.", "Werkplein Dommeldal"),
        ("Zij woont met twee kinderen in AZC De Lindeboom.", "AZC De Lindeboom"),
        ("Tijdelijk verblijf in Opvanghuis De Zeemeeuw.", "Opvanghuis De Zeemeeuw"),
        ("Locatie: Beschermd Wonen De Wilgenhoek, kamer 4", "Beschermd Wonen De Wilgenhoek"),
        ("Advies opgesteld door Reclassering Zuidrand.", "Reclassering Zuidrand"),
        ("Casus besproken in het Zorg- en Veiligheidshuis Kempenrand.", "Veiligheidshuis"),
        ("Ze belde om drie uur naar Zorgcentrale Wieldorp.", "Zorgcentrale Wieldorp"),
        ("Verwijzing naar Jeugd-GGZ Windroos volgt.", "Jeugd-GGZ Windroos"),
        ("Na de nacht in Crisisopvang Heidezicht gaat hij terug.", "Crisisopvang Heidezicht"),
        ("Incident in Forensisch Psychiatrisch Centrum De Brakel", "Centrum De Brakel"),
    ],
)
def test_an_organisation_after_a_kind_of_round_12c(
    engine: PrivacyEngine, text: str, organisation: str
) -> None:
    assert any(organisation in found for found in labelled(engine, text, "instelling"))


@pytest.mark.parametrize(
    "text",
    [
        "Werkplein Vandaag: we bespreken de planning.",  # a plain word: no name
        "De reclassering belt morgen terug over het toezicht.",  # the kind alone
        "Beschermd wonen is een vorm van zorg voor mensen met een psychische aandoening.",
    ],
)
def test_no_organisation_of_round_12c_without_a_name(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Hij zit op de schakelklas van Veldmeer Scholengroep.", "Veldmeer Scholengroep"),
        ("Dwayne verblijft nu bij Zandvoet Jongerenhuis.", "Zandvoet Jongerenhuis"),
        ("With kind regards,\nDr Amy Rawlings, Brackenford Clinic", "Brackenford Clinic"),
        ("De bewindvoerder is Keizer & Smeets Bewindvoering.", "Keizer & Smeets Bewindvoering"),
        ("Morgen met ontslag uit Wierdaumc naar huis.", "Wierdaumc"),
    ],
)
def test_a_name_before_a_kind_of_round_12c(
    engine: PrivacyEngine, text: str, organisation: str
) -> None:
    assert organisation in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Betrokken: wijkagent, Talvora (woningcorporatie) en de huisarts.", "Talvora"),
        ("Verslag intake Oorwijzer, audiologisch centrum", "Oorwijzer"),
    ],
)
def test_a_name_that_a_kind_in_brackets_or_after_a_comma_describes(
    engine: PrivacyEngine, text: str, organisation: str
) -> None:
    assert organisation in labelled(engine, text, "instelling")


def test_a_person_that_a_kind_describes_stays_a_person(engine: PrivacyEngine) -> None:
    text = "Laura (wijkteam) komt dinsdag langs. CJIB, zorgverzekeraar en huur staan open."
    assert labelled(engine, text, "instelling") == []
    assert "Laura" in labelled(engine, text, "naam")


def test_an_organisation_grown_over_its_region_and_team(engine: PrivacyEngine) -> None:
    text = "Doorverwezen naar Vluchtelingenhuis Oost Nederland voor de huur."
    assert "Vluchtelingenhuis Oost Nederland" in labelled(engine, text, "instelling")
    found = labelled(engine, "Hij is bekend bij FACT-team Oost van GGZ Lindewaard.", "instelling")
    assert "FACT-team Oost van GGZ Lindewaard" in found


def test_no_region_or_team_without_an_organisation(engine: PrivacyEngine) -> None:
    text = "Het FACT-team Oost van de gemeente komt in Midden-Nederland samen."
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Opname bij Kerwindal van maart tot april.", "Kerwindal"),
        ("ik werk nu bij Pluktuin en kan pas na vijf uur", "Pluktuin"),
        ("Reden: achterstand huur bij Woonvreugd, vier maanden.", "Woonvreugd"),
        ("Verwezen naar: Geldrust\nReden: schulden", "Geldrust"),
    ],
)
def test_one_word_after_admission_work_rent_or_referral(
    engine: PrivacyEngine, text: str, organisation: str
) -> None:
    assert organisation in labelled(engine, text, "instelling")


def test_no_organisation_after_rent_or_admission_where_a_person_or_word_stands(
    engine: PrivacyEngine,
) -> None:
    text = "De huur bij Jansen is betaald. Opname bij voorkeur in de ochtend."
    assert labelled(engine, text, "instelling") == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("[08:14] Kraamzorg Anouk: goeiemorgen, ik ben er om negen uur", "Anouk"),
        ("Kinderen: Djessy (10). School van Djessy: CBS De Fontein.", "Djessy"),
    ],
)
def test_a_person_after_a_kind_is_no_organisation(
    engine: PrivacyEngine, text: str, person: str
) -> None:
    assert not any(person in found for found in labelled(engine, text, "instelling"))
    assert any(person in found for found in labelled(engine, text, "naam"))


def test_a_form_of_address_after_a_kind_is_no_organisation(engine: PrivacyEngine) -> None:
    text = "Tijdens transport van Hr. Kowalski naar huis raakte de brancard los."
    assert not any("Hr" in found for found in labelled(engine, text, "instelling"))


def test_a_kind_with_a_name_stays_an_organisation(engine: PrivacyEngine) -> None:
    found = labelled(engine, "Hij krijgt hulp van Thuiszorg De Korenaar.", "instelling")
    assert "Thuiszorg De Korenaar" in found
    # a first name after a kind that is no kind of care: the house is named after her
    found = labelled(engine, "Ze woont in Zorgcentrum Anna, kamer 3.", "instelling")
    assert "Zorgcentrum Anna" in found


# -- addresses ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Woont zonder lift, Hendrik Vlierboomstraat 12-III, 1092 KP.",
            "Hendrik Vlierboomstraat 12-III",
        ),
        ("Adres Schouw 14-08, 8232 ET Lelystad.", "Schouw 14-08"),
        ("Woonoverlast Nieuwe Kraanburg 22, Middelburg.", "Nieuwe Kraanburg 22"),
        ("tamara: kerkstraat 8 achter zaandam, bel aan", "kerkstraat 8 achter"),
    ],
)
def test_addresses_of_round_12c(engine: PrivacyEngine, text: str, address: str) -> None:
    assert address in labelled(engine, text, "adres")


def test_a_person_before_his_street_keeps_his_name(engine: PrivacyEngine) -> None:
    text = "Route: beginnen bij dhr Tromp Zuiderparklaan 2 om zeven uur."
    assert "Zuiderparklaan 2" in labelled(engine, text, "adres")
    assert "Tromp" in labelled(engine, text, "naam")


def test_no_address_after_adres_without_a_number(engine: PrivacyEngine) -> None:
    text = "Het adres Kerkplein is bekend bij de balie; om 12-08 uur volgt overleg."
    assert labelled(engine, text, "adres") == []


# -- clean texts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Het aanbod Rots & Water duurt tien weken.",
        "Hij volgt de training Agressie Regulatie Op Maat sinds de zomer.",
        "- Nieuwe collega start in week 3.\n- Scholing Eerste Hulp op vrijdag.",
        "Streefwaarde overdag: 4-10 mmol/l. Bij een hypo drie tabletten.",
    ],
)
def test_titles_of_trainings_and_ranges_are_no_identifiers(
    engine: PrivacyEngine, text: str
) -> None:
    assert engine.analyse(text).spans == []


def test_a_surname_that_is_a_word_stays_a_name_outside_a_title(engine: PrivacyEngine) -> None:
    found = labelled(engine, "Gesprek met dhr. Rots en mw. Maat over de planning.", "naam")
    assert any("Rots" in f for f in found)
    assert any("Maat" in f for f in found)

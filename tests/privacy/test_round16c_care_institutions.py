"""Round 16c: institutions of many care settings. New kind words (the tax
office, the municipal welfare service, municipal teams and desks, school networks, legal and
money advice, addiction, maternity and GP care) and pharmacy compounds, roles of social work,
debt help, probation, youth and maternity care before the organisation they work for,
"nazorg door" and "follow-up door" as cues, stays and form fields before a listed brand, and
the creditors' field of a debt-help text. A positive and a hard negative test for each rule,
on made-up sentences with invented organisations (and brands from deduce's lists)."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        # a school group (a kind the engine knew) and new kind words before a name or place
        ("Hij is leerling van Scholengemeenschap De Brink.", "Scholengemeenschap De Brink"),
        ("Brief van Belastingdienst Toeslagen over de huurtoeslag.", "Belastingdienst Toeslagen"),
        ("Sociale Dienst Drechtsteden belt volgende week terug.", "Sociale Dienst Drechtsteden"),
        # a pharmacy compound before a name
        ("Medicatie ophalen bij Dienstapotheek Noord na 17 uur.", "Dienstapotheek Noord"),
        # a role of social work or debt help before the organisation, ending the clause
        ("Maatschappelijk werker Kwartaz, 010-7132 800", "Kwartaz"),
        ("Schuldhulpverlener Humanitas, tel. 010-1234567", "Humanitas"),
        ("Reclasseringswerker Novalux.", "Novalux"),
        # "nazorg door", "follow-up door": the organisation that takes over
        ("Nazorg door Altrecht, eerste afspraak over twee weken.", "Altrecht"),
        ("Follow-up door Vornhaven over 1 week.", "Vornhaven"),
        # the creditors' field of a debt-help text
        ("Schuldeisers: Belastingdienst Toeslagen, CZ, Vodafone en Essent.", "CZ"),
        ("Schuldeisers: Belastingdienst Toeslagen, CZ, Vodafone en Essent.", "Vodafone"),
        ("Crediteuren: Eneco, Ziggo", "Ziggo"),
        # more kind words of municipal teams, school networks, advice and maternity care
        ("Aangemeld bij Toegangsteam Oost.", "Toegangsteam Oost"),
        ("Afspraak bij Sociaal Raadslieden Zaanstad op maandag.", "Sociaal Raadslieden Zaanstad"),
        ("De bevalling was in Kraamhotel De Wieg.", "Kraamhotel De Wieg"),
        # a stay or a form field before a brand from deduce's lists
        ("Zij is bevallen in Isala.", "Isala"),
        ("Jeugdhulpaanbieder: Pluryn", "Pluryn"),
    ],
)
def test_care_setting_organisation_found(
    engine: PrivacyEngine, text: str, organisation: str
) -> None:
    assert organisation in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a role before a person's surname or first name stays a person
        ("Maatschappelijk werker Bakker, tel 06-12345678", "Bakker"),
        ("Kraamverzorgende Anouk.", "Anouk"),
        # a role before a kind: the role of that kind ("jeugdverpleegkundige GGD")
        ("Gesprek met jeugdverpleegkundige GGD, volgende week terug.", "GGD"),
        ("Telefoonnotitie praktijkondersteuner GGZ, Huisartsenpraktijk Dalmeer", "GGZ"),
        # "begeleid" is no cue: "begeleid verlof naar Rotterdam-Zuid"
        ("Begeleid verlof naar Rotterdam-Zuid is goed verlopen.", "Rotterdam-Zuid"),
        # the creditors' field without organisations
        ("Schuldeisers: geen bekend.", "geen"),
        ("Crediteuren: Zie bijlage", "Zie bijlage"),
        ("Schuldeisers: Jan, Utrecht en Essent", "Jan"),
        ("Schuldeisers: Jan, Utrecht en Essent", "Utrecht"),
        # a plain compound in "-apotheek" without a name after it
        ("De dienstapotheek is in het weekend open.", "dienstapotheek"),
        # a kind word without a name after it
        ("Het Samenwerkingsverband is akkoord met het plan.", "Samenwerkingsverband"),
        ("De Vereniging komt in mei samen.", "Vereniging"),
        # a place after a stay "in" stays a place
        ("Na de revalidatie in Rotterdam gaat ze naar huis.", "Rotterdam"),
    ],
)
def test_care_setting_near_miss_not_an_organisation(
    engine: PrivacyEngine, text: str, word: str
) -> None:
    assert not any(word in found for found in labelled(engine, text, "instelling"))

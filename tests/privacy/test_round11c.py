"""Round 11c: ages, dates and record numbers of more shapes. For each rule a text where the
shape is an identifier (it must be found whole) and one where a look-alike is none (nothing
of that label may be found). Every name and number here is made up; none is copied from a
benchmark set."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from carai.privacy.patterns import find_ages, find_codes, find_dates
from tests.privacy.helpers import labelled


def ages(text: str) -> list[str]:
    return sorted({text[c.start : c.end] for c in find_ages(text)})


def dates(text: str) -> list[str]:
    return sorted({text[c.start : c.end] for c in find_dates(text)})


def codes(text: str) -> list[str]:
    return sorted({text[c.start : c.end] for c in find_codes(text)})


# -- ages in months and weeks, half years, after "lft", in chats ------------------------------
@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Leeftijd: 9 mnd, gewicht 8,1 kg.", "9 mnd"),
        ("lft. 18 maanden, loopt nog niet.", "18 maanden"),
        ("Lft: 77 jr, woont zelfstandig.", "77 jr"),
        ("De baby van 4 weken drinkt slecht.", "4 weken"),
        ("Haar zoontje van 10 maanden is verkouden.", "10 maanden"),
        ("Peuter (15 mnd) gezien op het consultatiebureau.", "15 mnd"),
        ("Consult voor Ilvy Brinkhorst (11 maanden) om 9 uur.", "11 maanden"),
        ("Het kindje is 7 weken oud en slaapt veel.", "7 weken oud"),
        ("Tobin (2,5 jaar oud) speelt in de gang.", "2,5 jaar oud"),
        ("sem is 3,5 jaar en naar de peuterspeelzaal.", "3,5 jaar"),
        ("dhr. wolbers is 88 en wil naar huis.", "88"),
        ("mevr. van der plas is bijna 90.", "bijna 90"),
        ("De heer is 81 en rijdt nog auto.", "81"),
        ("mw. 93jaar, woont alleen.", "93jaar"),
        ("Dhr. Ovink (79 j.) valt vaak.", "79 j."),
        ("De 66\u2011jarige buurman belde.", "66\u2011jarige"),
        ("Een tachtigjarige vrouw is gevallen.", "tachtigjarige"),
        ("De drieënnegentigjarige bewoonster slaapt.", "drieënnegentigjarige"),
        ("Gevonden: man, ca. 70 jaar, geen papieren bij zich.", "70 jaar"),
    ],
)
def test_ages_found_whole(text: str, age: str) -> None:
    assert age in ages(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sinds 3 maanden pijn in de rug, over 6 weken terug bij de fysio.",
        "Zwanger van 20 weken, controle bij de verloskundige.",
        "Rust (2 weken) en daarna weer opbouwen.",
        "De behandeling (12 weken) is afgerond; wachttijd 6-8 weken.",
        "mevrouw haar saturatie is 95 en de pols is 72.",
        "Al 2,5 jaar last van de heup.",
        "Sinds 5 j. in zorg, 4 j. geleden geopereerd.",
        "De heer zijn saturatie is 93.",
        "Het 25-jarig jubileum van de zorggroep en een veertigjarige samenwerking.",
        "Nekklachten, ca. 4 jaar; de man heeft ruim 2 jaar pijn.",
    ],
)
def test_no_age_in_these_texts(text: str) -> None:
    assert ages(text) == []


# -- dates: a year in two digits, zero-padded short dates, month and short year --------------
@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Begin '24 verhuisd naar een aanleunwoning.", "'24"),
        ("Sinds \u201919 in zorg bij het wijkteam.", "\u201919"),  # a typographic apostrophe
        ("Valincident 7-11-'23, geen letsel.", "7-11-'23"),
        ("Gezien 04/09, wond genezen.", "04/09"),
        ("Evaluatie mei '26 met de dochter.", "mei '26"),
        ("Opname mei 2025 na een val.", "mei 2025"),
        ("Vanaf oktober woont ze in de aanleunwoning.", "oktober"),
    ],
)
def test_dates_found_whole(text: str, date: str) -> None:
    assert date in dates(text)


@pytest.mark.parametrize(
    "text",
    [
        "Het ging om 't jaar '24 uur per dag' van de campagne.",
        "Pijn 2/3 van de dag, score 4/10.",
        "Schema 1-0-1, RR 135/85.",
        "Zo'n 24 mensen op de lijst.",
        "Oktober is de maand van de borstkanker; vanaf vandaag een nieuw rooster.",
    ],
)
def test_no_date_in_these_texts(text: str) -> None:
    assert dates(text) == []


# -- record numbers: dotted, after "o.v.v.", in a list after its label -----------------------
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Uw kenmerk 25.0731, graag bij reactie vermelden.", "25.0731"),
        ("ref. 23.44190 gebruiken in de mail.", "23.44190"),
        ("Reageren onder vermelding van 2026/0093.", "2026/0093"),
        ("Betaling o.v.v. 8812034 graag voor vrijdag.", "8812034"),
        ("Cliëntnummers: 3301277, 3301278, 3301290 en 3301305.", "3301305"),
        ("Zorg-ID: 4471093, zie het ECD.", "4471093"),
        ("Aanvraag 2026-00871 ingediend bij de gemeente.", "2026-00871"),
        ("Dossiernummer:\n4471093\nBetreft: verhuizing", "4471093"),
    ],
)
def test_record_numbers_found(text: str, number: str) -> None:
    assert number in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dossier bijgewerkt, nr 10.05 uur gebeld.",
        "Kamer 12.14 en bed 3 vrijgemaakt.",
        "Versie 2.31.4 van het protocol, bedrag 1.250.000 begroot.",
        "Telefoon 020-5550 1234, daarna 45678 stappen gelopen.",
        "Over tijd 12345 keer geklikt, de eenheid 55210 gemeten.",
        "Mw. Ovink, 74 jaar, BSN volgt; telefoon 0612345678.",
        "Dossier bijgewerkt.\nKamer:\n12345 stappen per dag gelopen.",
    ],
)
def test_no_record_number_in_these_texts(text: str) -> None:
    assert codes(text) == []


def test_engine_marks_the_new_shapes(engine: PrivacyEngine) -> None:
    text = "Peuter (15 mnd) van mw. Wolbers, gezien 04/09. Begin '24 verhuisd. Uw kenmerk 25.0731."
    assert labelled(engine, text, "leeftijd") == ["15 mnd"]
    assert set(labelled(engine, text, "datum")) == {"04/09", "'24"}
    assert labelled(engine, text, "nummer") == ["25.0731"]


def test_engine_leaves_durations_and_doses(engine: PrivacyEngine) -> None:
    text = "Rust (2 weken), paracetamol 2 dd 500 mg om 10.05 uur, pijn 7/10, kamer 2.14."
    assert engine.analyse(text).spans == []

"""Issue 16, round 2: ages without "jaar", whole addresses of every shape, and no spans on
care texts without identifiers. Every name, street and number here is made up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled

ROOT = Path(__file__).resolve().parents[2]
CLEAN_SET = ROOT / "benchmarks" / "privacy" / "clean_set.jsonl"


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Het gaat om een man van 67 met diabetes.", "67"),
        ("Een vrouw van 84 jaar woont zelfstandig.", "84 jaar"),
        ("Een patiënt van 72 met hartfalen.", "72"),
        ("Mevrouw is ruim 80 en woont zelfstandig.", "ruim 80"),
        ("Hij is bijna 18 en gaat op kamers.", "bijna 18"),
        ("Mevrouw, inmiddels 93, wil naar huis.", "inmiddels 93"),
        ("Zij wordt volgende week 85.", "85"),
        ("mw ria: jarig vandaag, wordt 95!", "95"),
        ("Opa is 84.", "84"),
        ("Ze vierde gisteren haar 90e verjaardag.", "90e"),
        ("Hij rookt sinds zijn 16e.", "16e"),
        ("Dhr. van den Berg (84-jr) slaapt slecht.", "84-jr"),
        ("Dhr. Yılmaz (70) en Łukasz (76) zitten aan tafel.", "70"),  # noqa: RUF001
        ("mw. de groot, 91, slaapt veel.", "91"),
        ("Bewoners: mw. Pieters (88) en mw. Kok, 92.", "92"),
        ("Dhr Bakker 84 jaar, weduwnaar.", "84 jaar"),
    ],
)
def test_ages_without_jaar_are_found(engine: PrivacyEngine, text: str, age: str) -> None:
    assert age in labelled(engine, text, "leeftijd")


@pytest.mark.parametrize(
    "text",
    [
        "Moeder van 3 kinderen, woont in een flat.",
        "Geef 3 keer per dag 2 tabletten.",
        "Mevrouw ligt op kamer 12 en krijgt 20 E insuline.",
        "Zij woont al 12 jaar in dit huis.",
        "Saturatie is 95 en de pols is 72.",
        "Dit is 12 keer gebeurd; de dosis wordt 20 mg.",
        "De meeste bewoners zijn boven de 80.",
        "Hij liep 80 meter met de rollator.",
        "Het is haar 3e opname dit jaar.",
    ],
)
def test_numbers_that_are_no_ages_stay(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "leeftijd") == []


@pytest.mark.parametrize(
    "address",
    [
        "Dr. A.F. Philipsweg 3 bis",
        "Mgr. Nolensplein 3",
        "Burgemeester Mr. Dr. Van der Veldestraat 3",
        "Willem de Zwijgerlaan 8-10",
        "Jan van Elsenstraat 3-112",
        "Wethouder van Eschstraat 41",
        "Dorpsstraat 21-III",
        "Laan van Meerdervoort 1023",
        "Noordervaart 9",
        "Kon. Emmakade 8",
    ],
)
def test_streets_with_titles_particles_and_suffixes_are_one_span(
    engine: PrivacyEngine, address: str
) -> None:
    text = f"Ze woont met partner Yvonne op de {address}, 1234 AB Zwolle."
    result = engine.analyse(text)
    assert address in [s.text for s in result.spans if s.label == "adres"]
    assert "Yvonne" in [s.text for s in result.spans if s.label == "naam"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("adres is molendijk 44 b", "molendijk 44 b"),
        ("ik woon op de burg. de withstraat 3", "burg. de withstraat 3"),
        ("op de van 't helstpark 5 c in zwolle", "van 't helstpark 5 c"),
        ("kon. nolensweg 7 rood is het adres", "kon. nolensweg 7 rood"),
        ("Adres Kerkplein 2-4.", "Kerkplein 2-4"),
        ("Hij woont aan de Vaart 24.", "Vaart 24"),
    ],
)
def test_chat_and_labelled_addresses(engine: PrivacyEngine, text: str, address: str) -> None:
    assert labelled(engine, text, "adres") == [address]


def test_a_lower_case_postcode_after_an_address(engine: PrivacyEngine) -> None:
    text = "mevrouw jansen, tuinstraat 4, 1234 ab zwolle"
    assert labelled(engine, text, "postcode") == ["1234 ab"]
    assert labelled(engine, "we zijn 1234 ab aan het tellen", "postcode") == []


@pytest.mark.parametrize(
    "text",
    [
        "Specialist Ouderengeneeskunde komt donderdag; Casemanager Dementie is gebeld.",
        "Verpleegkundige Specialist heeft de wond bekeken.",
        "Jeugdzorg, groepsoverdracht: rustige middag.",
        "Respijtzorg besproken met de mantelzorger.",
        "groen = rustig. Oranje = trekt zich terug. Rood = achterdochtig.",
        "Ik heb het in ChatGPT gevraagd en met Copilot vergeleken.",
    ],
)
def test_words_that_identify_no_one_stay(engine: PrivacyEngine, text: str) -> None:
    assert [s.text for s in engine.analyse(text).spans] == []


def test_the_clean_texts_get_no_spans(engine: PrivacyEngine) -> None:
    """58 care texts without any identifier (benchmarks/privacy/clean_set.jsonl): at most one
    may get a span (the engine marks none of them now; one is room for a rule that must
    guess)."""
    items = [json.loads(line) for line in CLEAN_SET.read_text(encoding="utf-8").splitlines()]
    assert len(items) >= 40
    assert all(item["spans"] == [] for item in items)
    flagged = [item["id"] for item in items if engine.analyse(item["text"]).spans]
    assert len(flagged) <= 1, flagged

"""Round 25 (names25): person names in chats and greetings, and look-alikes that stay
clean. A speaker after a bullet or before an emoji ("- sanne: ", "[09:12] ruud 👍: "); a
known first name in lower case after a greeting or "@" ("Hoi ineke,", "@joyce"); stock
names of idiom ("Jan Modaal", "Klaas Vaak") and wards named after a tree, flower or bird
("groep Beuk", "huiskamer De Merel") are no person. Made-up text; every name here is
invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled

# -- speakers in a chat log ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("[09:12] ruud 👍: ik ben er om 10 uur", "ruud"),
        ("- sanne: zal ik de medicatie uitzetten?", "sanne"),
        ("* ruud: ok, doe ik", "ruud"),
        ("> joost: top, dank je", "joost"),
        ("wim 🙏: fijn dat je belde", "wim"),
        ("- Ans (EVV): mevrouw heeft goed gegeten", "Ans"),
    ],
)
def test_a_speaker_after_a_bullet_or_before_an_emoji(
    engine: PrivacyEngine, text: str, name: str
) -> None:
    assert name in labelled(engine, text, "naam")


# -- a lower-case first name after a greeting or "@" ----------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hoi ineke, kun jij morgen de dienst overnemen?", "ineke"),
        ("Hallo joost, kan jij de huisarts bellen?", "joost"),
        ("Goedemorgen sanne! Mevrouw sliep goed.", "sanne"),
        ("thx mo 👍", "mo"),
        ("@joyce kun je even naar kamer 4 kijken?", "joyce"),
        ("Hoi anne-fleur, dank voor de overdracht.", "anne-fleur"),
    ],
)
def test_a_lower_case_first_name_after_a_greeting(
    engine: PrivacyEngine, text: str, name: str
) -> None:
    assert name in labelled(engine, text, "naam")


@pytest.mark.parametrize(
    "text",
    [
        "Hoi allemaal, fijne dienst.",
        "Hallo team, de planning staat online.",
        "Top dag! Iedereen bedankt.",
        "Dag zuster, tot morgen.",
        "Mail de lijst naar planning@zorgthuis.nl graag.",
    ],
)
def test_a_greeting_without_a_name_stays_clean(engine: PrivacyEngine, text: str) -> None:
    assert not labelled(engine, text, "naam")


# -- stock names of idiom --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jan Modaal kan deze eigen bijdrage niet betalen.",
        "Dat weet Jan en alleman inmiddels wel.",
        "Om negen uur sliep iedereen; Klaas Vaak kwam snel.",
        "Jantje Beton haalt geld op voor speeltuinen.",
        "Ze keken naar Jan Klaassen en Katrijn op de markt.",
        "Hoe het verder moet, Joost mag het weten.",
    ],
)
def test_a_stock_name_is_no_person(engine: PrivacyEngine, text: str) -> None:
    assert not labelled(engine, text, "naam")


def test_a_real_name_with_jan_stays(engine: PrivacyEngine) -> None:
    assert "Jan de Vries" in labelled(engine, "Jan de Vries belt morgen terug.", "naam")


# -- wards named after nature ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ze verhuist volgende week naar groep Beuk.",
        "Huiskamer De Merel is vandaag gesloten.",
        "De Merel en de Lijster zijn de twee huiskamers.",
        "Hij zit sinds maart in woongroep Zwaluw.",
    ],
)
def test_a_ward_named_after_nature_is_no_person(engine: PrivacyEngine, text: str) -> None:
    assert not labelled(engine, text, "naam")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mevrouw de Roos belt morgen.", "de Roos"),
        ("Gesprek met Merel de Roos over de zorg.", "Merel de Roos"),
        ("Merel belt morgen terug.", "Merel"),
    ],
)
def test_a_person_with_a_nature_name_stays(engine: PrivacyEngine, text: str, name: str) -> None:
    assert name in labelled(engine, text, "naam")


# -- lower-case names with particles, a second title --------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("zoon sjaak de bruin komt zaterdag", "sjaak de bruin"),
        ("cliënt gerrit van den berg 81jr, woont alleen", "gerrit van den berg"),
        ("schoonzoon kwame van der linden belt vaker", "kwame van der linden"),
        ("huisarts dr van dijk gebeld, komt morgen", "van dijk"),
        ("wijkarts dr. de graaf komt langs", "de graaf"),
    ],
)
def test_a_lower_case_name_after_a_role_or_two_titles(
    engine: PrivacyEngine, text: str, name: str
) -> None:
    assert name in labelled(engine, text, "naam")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        pytest.param(
            "ik ben met anna de stad in geweest",
            "stad",
            marks=pytest.mark.xfail(
                strict=True,
                reason="the merge of round 25 took out the rule for a noun after 'de': it "
                "cost a real lower-case name on a held-out set; left open",
            ),
        ),
        ("vandaag met tom naar de winkel gelopen", "winkel"),
    ],
)
def test_a_noun_after_a_lower_case_first_name_stays_out(
    engine: PrivacyEngine, text: str, word: str
) -> None:
    assert not any(word in name for name in labelled(engine, text, "naam"))

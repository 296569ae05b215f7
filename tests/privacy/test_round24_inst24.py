"""Round 24 (inst24): national bodies and the national firms a household deals with (energy,
water, telecom, banks and lenders, transport, mail, national shops and employers), named
bare as organisations. Made-up sentences; the firms are real national organisations, the
people and amounts are invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Achterstanden bij Eneco en bij Ziggo, samen ruim € 800.", "Eneco"),
        ("Achterstanden bij Eneco en bij Ziggo, samen ruim € 800.", "Ziggo"),
        ("De waterrekening van Evides is nog open.", "Evides"),
        ("Hij heeft een betaalrekening bij Triodos en een lening.", "Triodos"),
        ("Zij vult vakken bij Lidl in Tiel, 24 uur per week.", "Lidl"),
        ("Het rijbewijs ligt bij het CBR voor een keuring.", "CBR"),
        ("Inschrijving bij de KvK is nog niet gedaan.", "KvK"),
        ("Vervoer naar de dagbesteding met Qbuzz, soms met Valys.", "Valys"),
        ("De incasso ligt nu bij Intrum; regeling aangevraagd.", "Intrum"),
        # insurers bare, in a list of debts
        ("Schulden:\n- Menzis premie € 410\n- Ziggo € 95", "Menzis"),
        ("Achterstand bij ONVZ en bij Eneco.", "ONVZ"),
        # a national shop in lower case in a chat
        ("kees: ze werkt nu bij lidl in zwolle", "lidl"),
    ],
)
def test_a_national_firm_or_body(engine: PrivacyEngine, text: str, organisation: str) -> None:
    assert organisation in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    "text",
    [
        "Zij mailt vanaf haar adres bij ziggo.nl, zie www.eneco.nl voor de storing.",
        "De gamma-GT was verhoogd; plus een licht verhoogd bilirubine.",
        "Hij heeft een lage ING-score volgens de test.",  # joined to a word
        "Actie: bellen naar de woningcorporatie. Action points volgen in het MDO.",
        "Polis: CZ 88.10.431 loopt nog.",  # before a number: the policy's
    ],
)
def test_no_national_firm(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "instelling") == []

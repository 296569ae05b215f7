"""Round 24 (addr24): house numbers with a floor or flat, and record numbers in more shapes.

All sentences are made up (fictional people, streets and numbers): a flat's letter and
number after a space ("4 B-2"), a flat after a slash ("210 /3"), a room ("45 k2"), "bv"
and a floor in words ("driehoog"); a number of the Chamber of Commerce after "KvK", a BIG
number in any groups of digits, a check digit after groups ("ZK 4410 2291 7", "HC
22.0913.4"), a second group after a code with a hyphen ("RMC-7712 4401"), a label after a
slash ("Verzekeraar/polis"), labels without "nummer" ("MRN", "Zorgpas", "Rijbewijs"); and
their near misses.
"""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled

ADDRESSES = [
    ("Mevrouw woont Molenstraat 12 driehoog, Breda.", ["Molenstraat 12 driehoog"]),
    ("Adres: Lindelaan 4 bv, Deventer.", ["Lindelaan 4 bv"]),
    ("Adres: Lindelaan 4 k3, Deventer.", ["Lindelaan 4 k3"]),
    ("Adres: Lindelaan 4 B-2, Deventer.", ["Lindelaan 4 B-2"]),
    ("Adres: Lindelaan 4a2, Deventer.", ["Lindelaan 4a2"]),
    ("Adres: Heuvelring 210 /3 | Arts: dr. Bos", ["Heuvelring 210 /3"]),
    # near misses: a floor that does not follow a house number, a word after the number
    ("mw woont op de 3e verdieping van Hoefweg 21, Tiel.", ["Hoefweg 21"]),
    ("Hij woont Kerkstraat 5 al twintig jaar.", ["Kerkstraat 5"]),
]


@pytest.mark.parametrize(("text", "addresses"), ADDRESSES)
def test_house_number_tails(engine: PrivacyEngine, text: str, addresses: list[str]) -> None:
    assert labelled(engine, text, "adres") == addresses


NUMBERS = [
    ("Fysio De Brug | KvK 12345678", ["12345678"]),
    ("Bemiddeling via Jansen Uitzend BV (KvK 61 22 90 13) in Venlo.", ["61 22 90 13"]),
    ("KvK-nummer: 3344 5566", ["3344 5566"]),
    ("Verpleegkundige | BIG 49 11 02 331 07", ["49 11 02 331 07"]),
    ("Verzekerd bij Menzis, polisnr. MZ 4410 2291 7", ["MZ 4410 2291 7"]),
    ("Contractnummer: HC 22.0913.4", ["HC 22.0913.4"]),
    ("Patiëntnr. RMC-7712 4401, BSN volgt", ["RMC-7712 4401"]),
    ("Verzekeraar/polis: ZZ 71.44.881", ["ZZ 71.44.881"]),
    # labels of a record or a document without "nummer" ("MRN", "Zorgpas", "Rijbewijs"), a
    # check digit after groups of three
    ("MRN: 7730921", ["7730921"]),
    ("Zorgpas: 5518 0377 21", ["5518 0377 21"]),
    ("Rijbewijs: 4409127731", ["4409127731"]),
    ("Vreemdelingennummer 31.207.554.6", ["31.207.554.6"]),
    # near misses: a date after a label, a time, a KvK without a number, a count after a code
    ("Dossiernummer: geb. 17-07-1945", []),
    ("De KvK belt morgen om 10.30 terug.", []),
    ("Patiëntnr. RMC-7712 2 keer gebeld", ["RMC-7712"]),
    ("Rijbewijs: verlopen sinds 2021, zorgpas wel geldig", []),
]


@pytest.mark.parametrize(("text", "numbers"), NUMBERS)
def test_record_numbers(engine: PrivacyEngine, text: str, numbers: list[str]) -> None:
    assert labelled(engine, text, "nummer") == numbers

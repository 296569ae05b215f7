"""The fast whole-text scans (``patterns.Gated``) find exactly what their gated patterns
find: the class they open with holds every character the gate lets through (checked on
every Unicode character), and ``finditer`` gives the same matches, groups included, on the
texts of every benchmark set, on made-up tricky strings and on random text."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carai.privacy import engine, patterns
from carai.privacy.patterns import Gated
from tests.privacy.helpers import set_texts

SCANS = sorted(
    (f"{module.__name__}.{name}", value)
    for module in (patterns, engine)
    for name, value in vars(module).items()
    if isinstance(value, Gated)
)
EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def _found(scan: Gated, text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in scan.finditer(text)]


def _found_plain(scan: Gated, text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in scan.plain.finditer(text)]


def test_every_scan_has_a_fast_class() -> None:
    assert len(SCANS) >= 30
    assert [name for name, scan in SCANS if scan.lead is None] == []


@pytest.mark.parametrize(("name", "scan"), SCANS, ids=[name for name, _ in SCANS])
def test_the_fast_class_holds_every_character_of_the_gate(name: str, scan: Gated) -> None:
    assert scan.lead is not None
    gate = set(re.findall("(?:" + scan.first + ")", EVERY_CHARACTER, scan.flags))
    lead = set(re.findall("(?-i:" + scan.lead + ")", EVERY_CHARACTER, scan.flags))
    assert gate, name
    assert gate <= lead, sorted(gate - lead)


TRICKY = [
    "",
    "\u0130 \u0131 \u017f \u212a k",
    "Hij wordt 84, is 3 en was 5. \u0130s 80. \u017finds 2019 WORDT ze 90",
    "Mw. Jansen (84) woont aan de Kerkstraat 4-112, 1234 AB Zwolle; BSN 123.456.782",
    "geb. 17-07-1945, op 3/4 om 10.05 uur; NL91ABNA0417164300; 06-12345678; AB-12-CD",
    "sinds haar 16e, van 12 jaar, leeftijd: 80; zoon van 9; dat ze 100 wordt",
]


def test_the_same_matches_on_every_set_and_tricky_strings() -> None:
    texts = set_texts(held_out=True) + TRICKY
    assert len(texts) > 500
    for name, scan in SCANS:
        for text in texts:
            assert _found(scan, text) == _found_plain(scan, text), (name, text[:80])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(
            list("aAbdeEiIkmnostvwWzZ0123456789 -./,:()'\n@é\u0130\u0131\u017f\u212a")
        ),
        max_size=120,
    )
)
def test_the_same_matches_on_random_text(text: str) -> None:
    for name, scan in SCANS:
        assert _found(scan, text) == _found_plain(scan, text), name


# -- triggers: a scan is skipped where the text lacks every piece its pattern needs ---------


def test_triggers_are_read_from_the_patterns() -> None:
    needs = patterns.trigger(re.compile(r"(?<!\w)(?i:dhr|mevrouw|de heer)\.?[ ]+([A-Z]\w+)"))
    assert needs is not None
    assert needs.search("bezoek van mevrouw jansen".lower())
    assert needs.search("de heer x".lower())
    assert not needs.search("de dochter belt morgen terug")
    # no piece of three letters that every match must hold: no trigger, the scan always runs
    assert patterns.trigger(re.compile(r"\d{4}[ ]?[A-Z]{2}")) is None
    assert patterns.trigger(re.compile(r"(?:straat|\d)+x")) is None
    # a piece that an optional part or a negative look-around holds is no piece at all
    assert patterns.trigger(re.compile(r"(?:mevrouw)?[A-Z]\w+(?!straat)")) is None
    # a look-ahead must hold in the text, so its pieces count
    ahead = patterns.trigger(re.compile(r"\d+(?=[ ]jaar)"))
    assert ahead is not None
    assert ahead.search("84 jaar")
    assert not ahead.search("84 kilo")
    assert sum(scan._needs is not None for _, scan in SCANS) >= 20


def test_a_skipped_scan_finds_nothing_the_pattern_would() -> None:
    scan = patterns.gated("(?i:[ks])", re.compile(r"(?i:(?:kerk)?straat)[ ]\d+"))
    assert scan._needs is not None
    assert _found(scan, "Hij woont in de Kerkstraat 4.") == _found_plain(
        scan, "Hij woont in de Kerkstraat 4."
    )
    assert _found(scan, "Geen adres hier, 4 keer gebeld.") == []
    # ignoring case, the long s and the Kelvin sign match "s" and "k", but their lower
    # case is no "s" or "k": a text with them is always scanned
    for text in ("Kerk\u017ftraat 4", "\u212aerkstraat 4", "\u0130 straat 5"):
        assert _found(scan, text) == _found_plain(scan, text) != [], text

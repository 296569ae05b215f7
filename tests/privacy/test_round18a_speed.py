"""Round 18a (speed18): one reader of opening strings, and leads found by one intersection.

- Round 17b's institution scans that have leads of their own (``Gated.leads``, round 17d's
  reader) are matched at those leads by ``Gated.finditer``; ``engine._OpeningStarts`` keeps
  only the three scans that may also open with a capitalised compound, their word openings
  read by ``patterns.lead_strings`` (with a larger limit). Each of the twelve scans still
  gives, through ``_OpeningStarts.finditer``, exactly the matches of its own pattern's
  ``finditer``: on hand-made edge cases, every tuning text and random text.
- ``patterns._lead_starts`` finds the leads that stand in the text by one set intersection
  instead of one look-up per lead: the same positions, in the same order, as the loop it
  replaces (kept here), for every scan with leads.
"""

from __future__ import annotations

import random
import re

import pytest

from carai.privacy import engine, patterns
from carai.privacy.engine import _OPENING_SCANS, _OPENINGS, _OpeningStarts, _plain
from carai.privacy.patterns import Gated
from tests.privacy.helpers import tuning_texts
from tests.privacy.test_round17b_speed import OPENING_CASES

# The twelve scans of round 17b, nine of which now run on their own leads.
TWELVE = (
    patterns.INSTITUTION_AFTER_CONTEXT,
    patterns.INSTITUTION_AFTER_STAY,
    patterns.INSTITUTION_AFTER_VERB,
    patterns.INSTITUTION_AFTER_ROLE,
    patterns.MORE_INSTITUTION_LOWER,
    patterns.LOWER_INSTITUTION,
    patterns.WORK_PLACE,
    patterns.ROLE_OF_ORGANISATION,
    patterns.SERVICE_VIA,
    patterns.DESK_SCHOOL_HOSPITAL,
    patterns.INSTITUTION,
    patterns.MORE_INSTITUTION,
)

LED = sorted(
    {
        f"{module.__name__}.{name}": value
        for module in (patterns, engine)
        for name, value in vars(module).items()
        if isinstance(value, Gated) and value.leads is not None
    }.items()
)

TRICKY = [
    "",
    "a",
    "hoek hoek hoek",
    "Op de hoek Molenstraat/Kerkweg, kruising stationsweg / dorpsstraat",
    "dossiernummer hv 14453108, patiëntnr. zt 0048812, Cl.nr 1234567, tel 06-12345678",
    "opgenomen in De Hoeve; begeleider van Zorggroep Noord; werkt bij de GGD Twente",
    "\u0130 \u0131 \u017f \u212a: opgenomen in De Hoeve, begeleider\u212a Abc",
    "hoi priya!! thx rik, lars ben je er al? mw de groot 14:03: ok",
]

PIECES = [
    *sorted({lead for _, scan in LED for lead in scan.leads or ()})[:200],
    *sorted(set().union(*_OPENINGS))[:200],
    "De Hoeve",
    "Zorggroep Noord",
    "Veluwezorg",
    "Fysio- en ",
    "Montessorischool",
    "Jansen",
    "12",
    "1234 AB",
    "\n",
    ", ",
    ". ",
    "-",
    "\u0130",
    "\u212a",
]


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(
            rng.choice([p, p.capitalize(), p.upper(), " " + p]) for p in rng.choices(PIECES, k=12)
        )
        for _ in range(count)
    ]


def _found(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


def _old_lead_starts(lowered: str, leads: tuple[str, ...]) -> list[int]:
    """patterns._lead_starts before round 18a: one look-up per lead, then a sort."""
    spots = patterns._TRIGGERS.spots(lowered)
    starts: list[int] = []
    for lead in leads:
        starts += spots.get(lead, ())
    starts.sort()
    return starts


def test_nine_scans_run_on_their_own_leads() -> None:
    assert len(_OPENING_SCANS) == 3
    for scan in TWELVE:
        if scan not in _OPENING_SCANS:
            assert isinstance(scan, Gated)
            assert scan.leads is not None


def _same_matches(text: str) -> bool:
    starts = _OpeningStarts(text)
    return all(
        _found(starts.finditer(scan)) == _found(_plain(scan).finditer(text)) for scan in TWELVE
    )


def test_twelve_scans_same_matches_on_hand_made_text() -> None:
    for text in [*OPENING_CASES, *TRICKY]:
        assert _same_matches(text), text


def test_twelve_scans_same_matches_on_the_tuning_sets() -> None:
    texts = tuning_texts()
    assert len(texts) > 1000
    for text in texts:
        assert _same_matches(text), text[:80]


def test_twelve_scans_same_matches_on_random_text() -> None:
    for text in _random_texts(1500, 18):
        assert _same_matches(text), text


def test_word_openings_start_no_other() -> None:
    """The three scans' openings: none is the start of another (the one scan reports the
    longest at each place), each of two characters or more."""
    for openings in _OPENINGS:
        assert openings
        assert min(map(len, openings)) >= 2
        for a in openings:
            assert not any(b != a and b.startswith(a) for b in openings), a


def test_default_limit_gives_the_leads_of_before() -> None:
    """The limit is a parameter now; left out, it is the limit the scans were made with
    (round 22: a scan may be made with a larger one, ``Gated.lead_limit``)."""
    for _, scan in LED:
        assert patterns.lead_strings(scan.plain, scan.lead_limit) == scan.leads
        if scan.lead_limit == patterns._MAX_PIECES:
            assert patterns.lead_strings(scan.plain) == scan.leads


def test_absent_is_gone() -> None:
    assert not hasattr(Gated, "_absent")


@pytest.mark.parametrize(("name", "scan"), LED, ids=[name for name, _ in LED])
def test_lead_starts_as_before(name: str, scan: Gated) -> None:
    assert scan.leads is not None
    for text in [*TRICKY, *_random_texts(200, sum(map(ord, name)))]:
        lowered = patterns.lower_text(text)
        if lowered is None:
            continue  # a case trap: the scan runs over the whole text, no leads asked
        assert patterns._lead_starts(lowered, scan._lead_set) == _old_lead_starts(
            lowered, scan.leads
        ), text


def test_lead_starts_as_before_on_the_tuning_sets() -> None:
    for text in tuning_texts():
        lowered = patterns.lower_text(text)
        if lowered is None:
            continue
        for _, scan in LED:
            assert scan.leads is not None
            got = patterns._lead_starts(lowered, scan._lead_set)
            assert got == _old_lead_starts(lowered, scan.leads), text[:80]


def test_lead_starts_of_another_text_are_not_stale() -> None:
    """The one-text copy of _TRIGGERS is read in line: a new text is scanned anew."""
    scan = dict(LED)["carai.privacy.patterns.RECORD"]
    first = patterns.lower_text("dossier 123, dossier 456")
    second = patterns.lower_text("geen nummer, dan het dossier")
    assert first is not None
    assert second is not None
    assert patterns._lead_starts(first, scan._lead_set) == [0, 13]
    assert patterns._lead_starts(second, scan._lead_set) == [21]
    assert [m.start() for m in re.finditer("dossier", second)] == [21]

"""Round 17d (speedinfra): cheaper whole-text scans with the same spans.

- A ``patterns.Gated`` scan whose matches all start with one of a few strings ("hoek ",
  "kruising ", ...; ``Gated.leads``, read from the pattern) matches its pattern only where
  one of them stands: the same matches, groups and order as the pattern's own ``finditer``
  and ``search``, on hand-made strings, on the tuning sets and on random text. The leads
  are found by the one scan of ``patterns._TRIGGERS``, which now lists where each of its
  pieces stands: exactly where ``str.find`` finds it.
- ``URL`` and ``EMAIL`` are matched only where a match can start (``_url_matches``,
  ``_email_matches``): the same matches as their ``finditer``.
- So are ``ADDRESS_LOWER`` (before a street word, a space and a digit), ``CODE`` (before the
  first digit after its letters) and ``STREET_BEFORE_POSTCODE`` (before a postcode); the
  street words before a number are looked up in the lower-case text (``_street_words``).
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carai.privacy import engine, patterns
from carai.privacy.patterns import Gated, lead_strings
from tests.privacy.helpers import tuning_texts as _tuning_texts

LED = sorted(
    (f"{module.__name__}.{name}", value)
    for module in (patterns, engine)
    for name, value in vars(module).items()
    if isinstance(value, Gated) and value.leads is not None
)


def _found(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


TRICKY = [
    "",
    "hoek",
    "Op de hoek Molenstraat/Kerkweg, kruising stationsweg / dorpsstraat",
    "HOEK KERKSTRAAT/MOLENWEG; Hoek Kerkstraat/Molenweg",
    "\u0130 \u0131 \u017f \u212a k: h\u0130ek Kerkstraat/Molenweg; \u017ftraat",
    "dossiernummer hv 14453108, patiëntnr. zt 0048812, Cl.nr 1234567",
    "wordt wordt 80 werd 90; WORDT 85, wordtwordt 7",
    "mevrouw, inmiddels 93, en dhr, 84, zoon van 9; zoonvan 9",
]


def _every_spot(lowered: str, piece: str) -> list[int]:
    spots, at = [], lowered.find(piece)
    while at >= 0:
        spots.append(at)
        at = lowered.find(piece, at + 1)
    return spots


def test_the_one_scan_finds_every_place_of_every_piece() -> None:
    pieces = patterns._TRIGGERS._pieces
    assert {lead for _, scan in LED for lead in scan.leads or ()} <= pieces
    texts = [*_tuning_texts()[::10], *TRICKY, "in de in 'in dienst'in", "aprapril apr"]
    for text in texts:
        lowered = text.lower()
        spots = patterns._TRIGGERS.spots(lowered)
        assert spots == {
            piece: found for piece in pieces if (found := _every_spot(lowered, piece))
        }, text[:80]
        assert patterns._TRIGGERS.present(lowered) == set(spots)


def test_the_longest_trie_takes_the_longest_piece() -> None:
    trie = re.compile(
        "(?:" + patterns._alternation({"in", "in de", "in dienst", "apr"}, longest=True) + ")"
    )
    assert [trie.match(text)[0] for text in ("in de", "in dienst", "in d", "inx")] == [  # type: ignore[index]
        "in de",
        "in dienst",
        "in",
        "in",
    ]
    short = re.compile("(?:" + patterns._alternation({"in", "in de"}) + ")")
    assert short.match("in de")[0] == "in"  # type: ignore[index]


def test_leads_are_read_from_the_pattern() -> None:
    assert lead_strings(re.compile(r"(?<![\w-])(?i:hoek|kruising)[ ]\w+")) == (
        "hoek ",
        "kruising ",
    )
    # an optional word first: each way the start can be written
    assert lead_strings(re.compile(r"(?i:woon|post)?adres:? \d")) == (
        "adres ", "adres: ", "postadres ", "postadres: ", "woonadres ", "woonadres: ",
    )  # fmt: skip
    # a class, an optional part or one character first: no leads (the scan stays as it was)
    assert lead_strings(re.compile(r"[a-z]+straat")) is None
    assert lead_strings(re.compile(r"(?:de )?[A-Z]\w+")) is None
    assert lead_strings(re.compile(r"v\d")) is None
    # a look-around takes no text; a lead is not the start of another lead
    assert lead_strings(re.compile(r"(?<!\w)(?=\w)(?:zus|zusje|zoon)\b")) == ("zoon", "zus")
    # a repeated group starts with its own start
    assert lead_strings(re.compile(r"(?:ab|cd)+x")) == ("ab", "cd")
    assert len(LED) >= 20


@pytest.mark.parametrize(("name", "scan"), LED, ids=[name for name, _ in LED])
def test_every_match_starts_with_a_lead(name: str, scan: Gated) -> None:
    assert scan.leads is not None
    for text in TRICKY:
        for m in scan.plain.finditer(text):
            lowered = patterns.lower_text(text)
            if lowered is not None:
                assert lowered.startswith(scan.leads, m.start()), (name, text)


def test_the_same_matches_on_the_tuning_sets_and_tricky_strings() -> None:
    texts = _tuning_texts() + TRICKY
    assert len(texts) > 1000
    for name, scan in LED:
        for text in texts:
            assert _found(scan.finditer(text)) == _found(scan.plain.finditer(text)), (
                name,
                text[:80],
            )


def test_search_finds_the_same_match_from_any_position() -> None:
    texts = [*_tuning_texts()[::25], *TRICKY]
    for name, scan in LED:
        for text in texts:
            for pos in range(0, len(text) + 1, max(1, len(text) // 7)):
                old, new = scan.plain.search(text, pos), scan.search(text, pos)
                assert _found([new] if new else []) == _found([old] if old else []), (name, pos)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [*"aAdDeEhHiIkKnNoOrRsStTwW0189 -.,:()\n\u0130\u0131\u017f\u212a", "hoek ", "wordt "]
        ),
        max_size=60,
    ).map("".join)
)
def test_the_same_matches_on_random_text(text: str) -> None:
    for name, scan in LED:
        assert _found(scan.finditer(text)) == _found(scan.plain.finditer(text)), name


# -- URL and EMAIL from the places where a match can start ---------------------------------

WEB = [
    "zie https://www.zorg.nl/a?b=1 en www.Lindeboom.NL, of intranet.lindeboom.nl/verhuizing",
    "mail j.de-vries+zorg@mail.example.com; Info@Thuiszorg-Noord.nl. en a@b",
    "geldpunt-noord.nl, -abc-def.nl/x, abc-def.info/y, x.y.z.com/, i.v.m.de, @x.nl, .nl",
    "HTTP://X.NL H\u0130TP://x.nl http\u017f://x.nl www.ka\u017f.nl \u212aerk.nl jan@\u212aerk.nl",
    "é-mail.nl é@x.nl _x@y.nl a-@b.com x..nl 1.2.nl/ a.nl/b.nl",
]


def test_url_and_email_matches_are_the_patterns_own() -> None:
    for text in _tuning_texts() + WEB + TRICKY:
        assert _found(patterns._url_matches(text)) == _found(patterns.URL.finditer(text)), text
        assert _found(patterns._email_matches(text)) == _found(patterns.EMAIL.finditer(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [*"aAhHtTpPwWsS0-._/@:é +\n\u212a\u017f\u0131", "http://", "www.", ".nl", ".com/"]
        ),
        max_size=40,
    ).map("".join)
)
def test_url_and_email_matches_on_random_text(text: str) -> None:
    assert _found(patterns._url_matches(text)) == _found(patterns.URL.finditer(text))
    assert _found(patterns._email_matches(text)) == _found(patterns.EMAIL.finditer(text))


# -- addresses and codes from the places where a match can start ----------------------------

# Round 22 (addr22): also before a word that says a house number follows ("Kerkstraat nr. 12")
_OLD_GAP = re.compile(
    r"(?<=[^\W\d_])(?=[ ]\d|(?:[ ]|,[ ]|[ ]op[ ])"
    r"(?i:huisnummer|huisnr\.?|nummer|nr\.?|no\.|t/o|tegenover)[ ]?\d)"
)
ADDRESSES = [
    "burg. de withlaan 2, prof. dr. van dijkstraat 14, laan van de helende meesters 421 b",
    "kon. nolensweg 7 rood, van 't helstpark 5 c, Kerkstraat 4, STEENWEG 12, steenweg 3",
    "Skûtsjestrjitte 9, 8701 PR Bolsward; Laat 140, 1811 EK; Kanaaldijk N.W. 31, 5707 LB",
    "Sint Jansstraat 4-112,  1234AB; Adres 12, 1234 AB; Postbus 12, 1234 AB; Jan 1 1234 ab",
    "CL-2023-0481, cl-203318, TZ-88214, Z-1183372, HV 44180231, W-2025/4410, ZK/2025/77142",
    "ABCDEF-12345, abcde12345678, x1234567, AB 123456, O2, 4dd, NaCl 0,9, Ag 12, é-12345",
    "weg 1 weg 2 weg 3, \u212aerkstraat 4, kerk\u017ftraat 5, \u0130 straat 6, dijk\u0131 7",
    "Kerkstraat nr. 12, lindelaan nr 7, Molenweg nummer 4, Wittlaan t/o 220, NR 5, no.3",
    "in de Kerkstraat, nummer 12; kerkstraat op nummer 12, op nr 3, Weg, huisnummer 4",
]


def _old_street_words(text: str) -> list[tuple[int, int]]:
    words = []
    for gap in _OLD_GAP.finditer(text):
        end = gap.start()
        low = max(0, end - patterns._LONGEST_STREET_WORD)
        word = patterns._STREET_WORD_AT_END.search(text, low, end)
        if word is not None:
            words.append((word.start(), end))
    return words


def _same_addresses_and_codes(text: str) -> None:
    gaps = patterns._gaps_before_number(text)
    assert gaps == [gap.start() for gap in _OLD_GAP.finditer(text)], text
    assert list(patterns._street_words(text, gaps)) == _old_street_words(text), text
    assert _found(patterns._address_lower_matches(text, gaps)) == _found(
        patterns.ADDRESS_LOWER.finditer(text)
    ), text
    assert _found(patterns._code_matches(text)) == _found(patterns.CODE.finditer(text)), text
    assert _found(patterns._street_before_postcode_matches(text)) == _found(
        patterns.STREET_BEFORE_POSTCODE.finditer(text)
    ), text


def test_addresses_and_codes_on_the_tuning_sets_and_hand_made_strings() -> None:
    for text in _tuning_texts() + ADDRESSES + TRICKY:
        _same_addresses_and_codes(text)


def test_addresses_and_codes_on_random_text() -> None:
    pieces = [
        *"aAbBsStTkK0123 -/.,'\n\u212a\u017f\u0131\u0130é_",
        *("straat ", "laan van ", "burg. ", "de ", "AB-", "weg 12", "hof 3a", "Kerkstraat"),
        *("1234 AB", "1234AB", ", ", "  ", "Laat 140, ", "N.W. ", "Sint ", "12 t/m 14 "),
        *("'t ", "AB 1234567", "steenweg 5", "STRAAT 4"),
    ]
    chance = random.Random(17)
    for _ in range(20000):
        text = "".join(chance.choice(pieces) for _ in range(chance.randint(0, 30)))
        _same_addresses_and_codes(text)


def test_lower_case_is_the_lower_case() -> None:
    for text in [*TRICKY, *WEB, *ADDRESSES, *_tuning_texts()[::50]]:
        assert patterns.lower_case(text) == text.lower()
        assert patterns.lower_case(text) == text.lower()  # asked again: the copy kept

"""Round 14a (privspeed2): what the engine shares or finds more cheaply must equal what it did
before. The runs of a found word by str.find (``_run_occurrences``) equal the runs a scan of
every word (``[^\\W_]+``) finds; the long runs (``_LONG_WORD``) equal that scan's runs of six
or more; the one pass over the found names (``_found_values``) gives the values and the
slip names the two loops of round 13a gave. All texts are made up."""

from __future__ import annotations

import re
from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from carai.privacy import PrivacyEngine, patterns
from carai.privacy import engine as engine_module
from carai.privacy.engine import (
    _LONG_WORD,
    _NAME_PART,
    _run_occurrences,
    _surname_with_particles,
)

_ANY_WORD = re.compile(r"[^\W_]+")
# letters of several scripts, digits, underscores, hyphens, spaces and marks
_ALPHABET = "abAB_ -.'\n9éÉßİ\u0131Σ\u03c3ж1²٣"


def _word_index(text: str) -> dict[str, list[int]]:
    words: dict[str, list[int]] = defaultdict(list)
    for m in _ANY_WORD.finditer(text):
        words[m.group(0)].append(m.start())
    return words


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_run_occurrences_equal_the_word_scan(text: str) -> None:
    words = _word_index(text)
    for value in {*words, "ab", "a", "Ab", "b_a", "9"}:
        if _ANY_WORD.fullmatch(value):
            assert _run_occurrences(text, value) == words.get(value, []), (text, value)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_long_words_are_the_long_runs(text: str) -> None:
    runs = [m.group(0) for m in _ANY_WORD.finditer(text) if len(m.group(0)) >= 6]
    assert _LONG_WORD.findall(text) == runs


def test_run_occurrences_cases() -> None:
    text = "Jan_Jansen zag Jan, Janneke en jan-Jan. Jan"
    assert _run_occurrences(text, "Jan") == [0, 15, 35, 40]
    assert _run_occurrences(text, "Jansen") == [4]
    assert _run_occurrences("", "Jan") == []


def _found_values_before(
    engine: PrivacyEngine, first: list[object]
) -> tuple[dict[str, str], list[str]]:
    """Round 13a's two loops, as they stood in spans() and _misspelt_repeats."""
    labels = {s.text: s.label for s in first if len(s.text) >= 2}  # type: ignore[attr-defined]
    for span in first:
        if span.label == "naam":  # type: ignore[attr-defined]
            surname = _surname_with_particles(span.text)  # type: ignore[attr-defined]
            if surname is not None:
                labels.setdefault(surname, "naam")
            for word in _NAME_PART.findall(span.text):  # type: ignore[attr-defined]
                if engine._propagates(word):
                    labels.setdefault(word, "naam")
                    other = word.capitalize() if word.islower() else word.lower()
                    known = engine._is_first_name(word) or engine._is_surname(word)
                    unlisted = other not in engine._whitelist and not engine._is_place(other)
                    if word.islower() or known or unlisted:
                        labels.setdefault(other, "naam")
    names = [
        value
        for value, label in labels.items()
        if label == "naam" and len(value) >= 6 and value[:1].isupper() and value.isalpha()
    ]
    return labels, names


def test_found_values_and_slips(engine: PrivacyEngine) -> None:
    text = (
        "Mevrouw Kowalczyk belde. Later belde mevr. Kowalzyk terug over Senait Tesfay; "
        "senait komt morgen. De Linde en Linde Bakker, fam. Oosterveld en Oostervelt; "
        "marlon van 't zand en mw. van 't Zand."
    )
    spans = engine.spans(text)  # what was found, as the first spans of a text
    labels, slips = engine._found_values(spans)
    labels_before, names_before = _found_values_before(engine, list(spans))
    assert labels == labels_before
    assert slips == set(names_before)
    found = engine._misspelt_repeats(text, labels, slips)
    assert found == [w for w in dict.fromkeys(_LONG_WORD.findall(text)) if w in found]
    texts = {s.text for s in engine.spans(text)}
    assert {"Kowalczyk", "Kowalzyk"} <= texts  # the slip found as the name


def test_english_months_one_list() -> None:
    assert patterns.ENGLISH_MONTHS[0] == "January"
    assert len(patterns.ENGLISH_MONTHS) == 12
    for month in ("january", "march", "october", "mei", "december"):
        assert re.fullmatch(patterns.MONTHS, month)
    assert re.search(patterns.MONTHS, "april")


# -- every trigger's pieces in one scan (patterns._TRIGGERS) --------------------------------

_PIECE_ALPHABET = "aprilmjunzorghuisb 'tdeo."


def _triggers_with_pieces() -> list[frozenset[str]]:
    return [
        scan._pieces
        for module in (patterns, engine_module)
        for scan in vars(module).values()
        if isinstance(scan, patterns.Gated) and scan._pieces is not None
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_PIECE_ALPHABET, max_size=60))
def test_one_scan_finds_exactly_the_pieces_in_the_text(text: str) -> None:
    lowered = text.lower()
    present = patterns._TRIGGERS.present(lowered)
    # every scan's pieces are registered; a test may have added a scan of its own
    # (test_gated builds one that needs "straat "), so the registered ones are compared
    every = set().union(*_triggers_with_pieces())
    assert every <= patterns._TRIGGERS._pieces
    assert present == {piece for piece in patterns._TRIGGERS._pieces if piece in lowered}


def test_one_scan_finds_a_longer_piece_after_a_shorter_one() -> None:
    # "apr" and "april", "huis" and "huisartsenpost", "zorg" and "zorgcentrum": a trie
    # reports the shorter at that place; the longer must be found too.
    for text in ("op 3 april", "de huisartsenpost", "zorgcentrum de linde", "zoontje"):
        present = patterns._TRIGGERS.present(text)
        for piece in set().union(*_triggers_with_pieces()):
            assert (piece in present) == (piece in text), (text, piece)


def test_each_scan_asks_the_one_scan_as_its_own_trigger_would() -> None:
    texts = [
        "Mevrouw Jansen woont sinds april in het zorgcentrum; dochter belt.",
        "geen enkel stuk",
        "",
        "ZOON Piet, 84 JAAR, naar de HUISARTSENPOST",
    ]
    for module in (patterns, engine_module):
        for scan in vars(module).values():
            if isinstance(scan, patterns.Gated) and scan._needs is not None:
                for text in texts:
                    lowered = patterns.lower_text(text)
                    assert lowered is not None
                    absent = scan._lower_or_absent(text) is False
                    assert absent == (scan._needs.search(lowered) is None)


def test_a_scan_made_later_is_asked_too() -> None:
    text = "de zzqwx staat hier"
    assert patterns._TRIGGERS.present(patterns.lower_text(text) or "")
    scan = patterns.gated("z", re.compile(r"zzqwx"))
    assert [m.group(0) for m in scan.finditer(text)] == ["zzqwx"]


def test_isalnum_is_one_run_of_letters_and_digits() -> None:
    # the engine asks str.isalnum() where it matched [^\W_]+ whole: the same class on
    # every character, and neither takes the empty string
    one = re.compile(r"[^\W_]")
    every = (chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert [c for c in every if bool(one.fullmatch(c)) != c.isalnum()] == []
    assert not "".isalnum()
    assert not _ANY_WORD.fullmatch("")

"""Round 6 of issue 16: whole names and whole addresses of kinds the engine was not tuned
on before (see benchmarks/privacy/variants3.py). Every name, street and number is made up."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.privacy.build_set import parse_marked
from benchmarks.privacy.variants3 import TEMPLATES, Parts3, half
from carai.privacy import PrivacyEngine
from carai.privacy.patterns import STREET_TITLES
from tests.privacy.test_whole_spans import PARTICLES


def _found(engine: PrivacyEngine, text: str) -> set[tuple[str, str]]:
    return {(s.label, s.text) for s in engine.analyse(text).spans}


def _gone(engine: PrivacyEngine, text: str, value: str) -> None:
    """No word of ``value`` (but particles and single letters) is left after pseudonymising."""
    pseudonymised = engine.analyse(text).pseudonymised
    for word in re.findall(r"[^\W_]+", value):
        if len(word) > 1 and word.lower() not in PARTICLES:
            assert not re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", pseudonymised), (
                word,
                pseudonymised,
            )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an unknown first name before a double-barrelled surname or one with particles
        ("Gesprek met Wojciech Kamińska-de Wit over de dagbesteding.", "Wojciech Kamińska-de Wit"),
        ("Post voor Bożena van der Zwaag graag naar huis.", "Bożena van der Zwaag"),
        # lower case in a chat, after a title, with initials or letters Dutch never writes
        ("mw. serkan szymański gaat naar de fysio.", "serkan szymański"),
        ("dhr. c.m. coşkun (77) is verhuisd.", "c.m. coşkun"),
        ("gesprek met c.m. ramlakhan-doekhie over de zorg.", "c.m. ramlakhan-doekhie"),
        ("gesprek met errol karataş over de zorg.", "errol karataş"),
        ("post voor khadija van 't zand ligt klaar.", "khadija van 't zand"),
        # initials alone for a person after "door", "aan", "met"
        ("Overgedragen door S. aan de avonddienst.", "S."),
        ("overgedragen door h.j. aan de nachtdienst.", "h.j."),
    ],
)
def test_names_of_new_kinds_are_found_whole(engine: PrivacyEngine, text: str, name: str) -> None:
    assert ("naam", name) in _found(engine, text)
    _gone(engine, text, name)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("huisbezoek meester j. de vriesstraat 56hs: deed open.", "meester j. de vriesstraat 56hs"),
        ("post graag naar laan van souburg 15bis, schiedam.", "laan van souburg 15bis"),
        ("verhuisd naar pater de çalişkanhof 88-i in kampen.", "pater de çalişkanhof 88-i"),
        ("Post naar Kapelaan van der Weedapad 2-6 gestuurd.", "Kapelaan van der Weedapad 2-6"),
        # a word before the title is no part of the street, and no name
        (
            "Huisbezoek Burgemeester Robijnstraat 104-3: deed open.",
            "Burgemeester Robijnstraat 104-3",
        ),
        # the street starts after a sentence that ends in a name
        (
            "Zij gaat naar Thuiszorg Het Anker. Huisbezoek Meester J. de Vriesstraat 56hs: ja.",
            "Meester J. de Vriesstraat 56hs",
        ),
    ],
)
def test_addresses_of_new_kinds_are_found_whole(
    engine: PrivacyEngine, text: str, address: str
) -> None:
    found = _found(engine, text)
    assert ("adres", address) in found
    assert not any(label == "naam" and value == "Huisbezoek" for label, value in found)
    _gone(engine, text, address)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("Gesprek met haar nichtje van 7 over school.", "leeftijd", "7"),
        ("Zijn neefje van 12 logeert hier.", "leeftijd", "12"),
        ("overgedragen; dossier k-881-257 bijgewerkt.", "nummer", "k-881-257"),
    ],
)
def test_ages_and_numbers_of_new_kinds(
    engine: PrivacyEngine, text: str, label: str, value: str
) -> None:
    assert (label, value) in _found(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Urinekweek: groei van E. coli, antibiotica gestart.",
        "Wondkweek met S. aureus, contact met de huisarts.",
        "Beschrijf liever de situatie in algemene woorden.",
        "Gewicht stabiel ten opzichte van vorige week.",
        "Bespreken met o.a. de fysio en de ergo.",
        "De ingrediëntenlijst van de koekjes hangt op het prikbord.",
    ],
)
def test_no_personal_data_stays_unmarked(engine: PrivacyEngine, text: str) -> None:
    assert engine.analyse(text).spans == []


def test_a_surname_that_is_a_title_stays_in_the_name(engine: PrivacyEngine) -> None:
    # "Graaf" and "Koning" open street names, but here they end a person's name.
    found = _found(engine, "Noah de Graaf en Jesse Koning kwamen op bezoek.")
    assert ("naam", "Noah de Graaf") in found
    assert ("naam", "Jesse Koning") in found
    # a street a few words later does not take the title from the name
    found = _found(engine, "Mevr. Anna Koning woont aan de Molenweg 12.")
    assert ("naam", "Anna Koning") in found


# -- realistic generated texts from the tuning half of variants3's parts -------------------


@st.composite
def round6_texts(draw: st.DrawFn) -> str:
    parts = Parts3(random.Random(draw(st.integers(0, 10**6))), 0)
    templates = half(TEMPLATES, 0)
    body = " ".join(draw(st.sampled_from(templates))(parts) for _ in range(draw(st.integers(1, 3))))
    text, _ = parse_marked(body.lower() if draw(st.booleans()) else body)
    return text


def _check_no_word_left(engine: PrivacyEngine, text: str) -> None:
    """Spans in bounds, sorted and apart, and no word of a found name or address left in
    the pseudonymised text. Words that open many street names ("sint", "burgemeester") and
    house numbers ("56hs") identify no one alone and may stay where another street has
    them."""
    result = engine.analyse(text)
    previous_end = 0
    for span in result.spans:
        assert type(span.start) is int
        assert type(span.end) is int
        assert previous_end <= span.start < span.end <= len(text)
        previous_end = span.end
    for span in result.spans:
        if span.label not in {"naam", "adres"}:
            continue
        for word in re.findall(r"[^\W_]+", span.text):
            lower = word.lower()
            if (
                len(word) < 3
                or word[0].isdigit()
                or lower in PARTICLES
                or lower in STREET_TITLE_WORDS
            ):
                continue
            assert not re.search(
                rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", result.pseudonymised
            ), (span, result.pseudonymised)


STREET_TITLE_WORDS = {title.rstrip(".") for title in STREET_TITLES}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=round6_texts())
def test_round6_texts_leave_no_word_of_a_found_name_or_address(
    engine: PrivacyEngine, text: str
) -> None:
    _check_no_word_left(engine, text)

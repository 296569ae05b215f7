"""Round 25 (lead25): dates as a mail program in English writes them in a message's head.

All sentences are made up: an English short month before a day and a year ("Mar 7, 2025",
"Oct 14 2025"), the day before "Oct" ("3 Oct 2024"), and an English weekday before such a
date that lists of first names hold ("Thu", "Sat"), which is no name there; and the near
misses: "Jan" with a day but no year is still the first name, "Thu" before a surname is a
person.
"""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled

DATES = [
    ("Sent: Fri, Mar 7, 2025 at 9:12 AM", ["Mar 7, 2025"]),
    ("Verzonden: Tue, Oct 14 2025 16:40", ["Oct 14 2025"]),
    ("Sent: Thu 3 Oct 2024 21:47", ["3 Oct 2024"]),
    ("Date: Sat, 12 Apr 2025 08:03", ["12 Apr 2025"]),
    ("Jan 3, 2024 nog langs geweest bij de praktijk", ["Jan 3, 2024"]),
    # near misses: no year after the day
    ("Jan 3 keer gebeld, geen gehoor", []),
    ("Oct 3 staat in het rooster", []),
]


@pytest.mark.parametrize(("text", "dates"), DATES)
def test_english_short_months(engine: PrivacyEngine, text: str, dates: list[str]) -> None:
    assert labelled(engine, text, "datum") == dates


WEEKDAYS = [
    ("Sent: Thu 3 Oct 2024 21:47", []),
    ("Date: Sat, 12 Apr 2025 08:03", []),
    ("Sent: Fri, Mar 7, 2025 at 9:12 AM", []),
    # near misses: a weekday's short form that is a person's name
    ("Thu Nguyen belde over haar moeder.", ["Thu Nguyen"]),
    ("Gesprek met Thu, de dochter van mevrouw.", ["Thu"]),
]


@pytest.mark.parametrize(("text", "names"), WEEKDAYS)
def test_english_weekday_before_a_date(engine: PrivacyEngine, text: str, names: list[str]) -> None:
    assert labelled(engine, text, "naam") == names


MORE_DATES = [
    # a birthday written as day-month before "jarig"; a rising range stays an age
    ("oma: ben 17-6 jarig dan word ik 90", ["17-6"]),
    ("Ik ben 28-3 jarig, kom je ook?", ["28-3"]),
    # a year in brackets in a history of illness
    ("B: bekend met COPD en CVA (2018). Woont alleen.", ["2018"]),
    ("Voorgeschiedenis: status na MI (2020), DM2 (2012)", ["2020", "2012"]),
    ("Wmo (2015) en Jeugdwet gelden hier.", []),
    # a night named by its two days
    ("Incident in de nacht van 4 op 5 maart op de groep.", ["4", "5 maart"]),
    ("Hij scoorde 2 op 3 oktober, een mooie uitslag.", ["3 oktober"]),
]


@pytest.mark.parametrize(("text", "dates"), MORE_DATES)
def test_birthday_history_and_night(engine: PrivacyEngine, text: str, dates: list[str]) -> None:
    assert labelled(engine, text, "datum") == dates


def test_rising_range_before_jarig_stays_an_age(engine: PrivacyEngine) -> None:
    text = "De kinderen in deze groep zijn 4-6 jarig."
    assert labelled(engine, text, "datum") == []


MATERNITY = [
    ("Kraamvrouw: Amina Boukhari, 29, para 2", ["Amina Boukhari"]),
    ("Moeder: Dorien Kuipers-Smit (31)", ["Dorien Kuipers-Smit"]),
    # near misses: a label before an ordinary word
    ("Moeder: Goed hersteld, bloedverlies normaal.", []),
    ("Baby: Geel, start fototherapie.", []),
]


@pytest.mark.parametrize(("text", "names"), MATERNITY)
def test_maternity_labels(engine: PrivacyEngine, text: str, names: list[str]) -> None:
    assert labelled(engine, text, "naam") == names


AGES_AFTER_NICKNAME = [
    ('Cliënt: dhr. Anton Kraaijeveld ("Toon"), 79, woont alleen.', ["79"]),
    ("Mw. Hendrika Bos (Riek), 91, valt vaak.", ["91"]),
    # near miss: a score in brackets is no name
    ("Pijn (VAS 7), 8 keer per dag wisselhouding.", []),
]


@pytest.mark.parametrize(("text", "ages"), AGES_AFTER_NICKNAME)
def test_age_after_a_nickname(engine: PrivacyEngine, text: str, ages: list[str]) -> None:
    assert labelled(engine, text, "leeftijd") == ages


TOWNS = [
    ("Ze woont sinds kort in Den Bosch bij haar zus.", ["Den Bosch"]),
    ("verhuisd naar den bosch, nieuwe huisarts nog zoeken", ["den bosch"]),
    # near misses: the surname "Van den Bosch", and a person addressed by a title
    ("Jan van den Bosch belde over zijn moeder.", []),
    ("Dhr. P. van den Bosch komt morgen.", []),
    ("mevrouw Den Bosch belde terug.", []),
]


@pytest.mark.parametrize(("text", "places"), TOWNS)
def test_den_bosch_is_a_town(engine: PrivacyEngine, text: str, places: list[str]) -> None:
    assert labelled(engine, text, "plaats") == places

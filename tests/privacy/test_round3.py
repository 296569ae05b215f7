"""Issue 16, round 3: more ways to write an age, corners and ranges of streets, and fewer
false names in care texts without identifiers. One positive and one negative test per new
pattern. Every name, street and number here is made up."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "age"),
    [
        # a qualifier such as "toch", "echt" between the verb and the age
        ("hoi, hij is toch 93?? ik wacht nog even", "93"),
        ("Ze is echt al 92 en nog zo kwiek.", "92"),
        # the verb before the person: "wordt hij 80"
        ("Op 12 maart wordt hij 80.", "80"),
        # the number before the verb in a subordinate clause
        ("Ze zegt dat ze 100 wordt volgende week.", "100"),
        ("Zijn vader, die 60 wordt, komt ook.", "60"),
        ("Kleinzoon Sjoerd, die 21 is geworden, kwam langs.", "21"),
        ("Omdat hij 17 is, mag hij nog niet zelf tekenen.", "17"),
        # after a name and a comma, before a colon
        ("- kamer 11, mw. Mies Kuiper, 101: slaapt goed.", "101"),
        # "levensjaar" belongs to the age, like "jaar"
        ("Mw. Riek Hoogland, in haar 95e levensjaar, eet slecht.", "95e levensjaar"),
    ],
)
def test_new_age_forms_are_found(engine: PrivacyEngine, text: str, age: str) -> None:
    assert age in labelled(engine, text, "leeftijd")


@pytest.mark.parametrize(
    "text",
    [
        "Het is toch 12 uur.",  # a time after "is toch"
        "Gisteren is ze 2 keer gevallen.",  # a count after "is ze"
        "De saturatie die 88 was, is nu 94.",  # "die ... was" is no turning age
        "Het aantal dat 12 is geworden, blijft gelijk.",  # no person before the number
        "De dosis die 20 wordt, gaat in op maandag.",  # a dose that changes
        "mw. Mies Kuiper, 10:30 uur gedoucht.",  # a time after a name, not an age
    ],
)
def test_numbers_that_are_no_age_stay_unmarked(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "leeftijd") == []


def test_a_birthday_ordinal_stays_without_the_word_verjaardag(engine: PrivacyEngine) -> None:
    assert labelled(engine, "Ze vierde haar 90e verjaardag.", "leeftijd") == ["90e"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Dhr. woont op Burgemeester van Roijensingel 22 t/m 24 in Utrecht.",
         "Burgemeester van Roijensingel 22 t/m 24"),
        ("Adres: Kortenaerkade 2 1e etage", "Kortenaerkade 2 1e etage"),
        ("Zij woont op de 2e Jan Steenstraat 4 hs.", "2e Jan Steenstraat 4 hs"),
        ("Ze woont op de hoek Molenstraat/Kerkweg, naast de bakker.", "Molenstraat/Kerkweg"),
        ("De kruising Stationsweg / Dorpsstraat is gevaarlijk.", "Stationsweg / Dorpsstraat"),
        ("Adres: Flat Laan van Nieuw-Oosteinde 300-56", "Laan van Nieuw-Oosteinde 300-56"),
    ],
)  # fmt: skip
def test_whole_addresses_of_new_shapes(engine: PrivacyEngine, text: str, address: str) -> None:
    assert labelled(engine, text, "adres") == [address]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Hij woont Kerkstraat 2 1e keer gezien.", "Kerkstraat 2"),  # no floor word
        ("De 2e keer ging het goed op Kerkweg 3.", "Kerkweg 3"),  # "2e keer" is no street
    ],
)
def test_address_growth_stops_at_ordinary_words(
    engine: PrivacyEngine, text: str, address: str
) -> None:
    assert labelled(engine, text, "adres") == [address]


def test_a_range_word_without_a_number_is_not_taken(engine: PrivacyEngine) -> None:
    assert labelled(engine, "Hij woont Kerkstraat 4 t/m de zomer.", "adres") == ["Kerkstraat 4"]


def test_a_corner_needs_two_streets(engine: PrivacyEngine) -> None:
    text = "Zet de stoel in de hoek, niet bij het raam. Hoek links/rechts."
    assert engine.analyse(text).spans == []


@pytest.mark.parametrize(
    "text",
    [
        "Iedereen schrijft een korte S, O, A en P. De Teamleider legt het uit.",
        "De BHV-training is verplaatst naar de Grote Zaal. Neem je Pasje mee.",
        "Vergadering in de Kleine Zaal, daarna lunch in het Restaurant.",
        "Het ACT-team en het FACT-team overleggen met de Wijkagent.",
    ],
)
def test_care_words_are_no_identifiers(engine: PrivacyEngine, text: str) -> None:
    assert engine.analyse(text).spans == []


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("Dhr. P. de Vries belde.", "naam", "P. de Vries"),  # initials and particle stay
        ("Mw. Zaal belde vanochtend.", "naam", "Zaal"),  # the surname after a title
        ("Jan Kapper belde over zijn moeder.", "naam", "Jan Kapper"),  # a job that is a surname
        ("Vandaag kwam Kleinzoon Sjoerd langs.", "naam", "Sjoerd"),  # relation word outside
        ("Zorgcoördinator van Zorggroep Oosterlengte belt over het FACT-team.", "instelling",
         "Zorggroep Oosterlengte"),
    ],
)  # fmt: skip
def test_real_names_next_to_those_words_stay_found(
    engine: PrivacyEngine, text: str, label: str, value: str
) -> None:
    assert labelled(engine, text, label) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Het Kindcentrum meldt dat het Meisje vaker afwezig is.",  # a kind after an article
        "De Vrijwilliger brengt haar in de Rolstoel naar de kerk.",  # a noun with a capital
        "Mevrouw las de krant en dronk koffie.",  # a verb after "Mevrouw"
        "Meneer Pastoor kwam langs voor de ziekenzalving.",  # a role after "Meneer"
    ],
)
def test_capitalised_nouns_and_verbs_are_no_identifiers(engine: PrivacyEngine, text: str) -> None:
    assert engine.analyse(text).spans == []


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("Mevrouw is opgenomen in Antoniushof.", "instelling", "Antoniushof"),
        ("Zij verblijft in het Zonnehuis.", "instelling", "Zonnehuis"),  # no ordinary stem
        ("Ze werkt bij Schoonwerk sinds vorig jaar.", "instelling", "Schoonwerk"),
        ("Mevrouw Lasser belde over de afspraak.", "naam", "Lasser"),
    ],
)
def test_names_of_institutions_and_people_stay_found(
    engine: PrivacyEngine, text: str, label: str, value: str
) -> None:
    assert labelled(engine, text, label) == [value]

"""Round 15c: addresses and places of more kinds. House numbers with a floor or a second
number, a street with no street word before a postcode or after "woont" / "op de", streets
without a number after "het", a time after a name in a chat, and places by a cue that only a
place takes (a part of town, where someone comes from, a family event abroad, a place that is
a common word too). Made-up text; every name, street and person here is invented."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("pakket brengen naar Lindelaan 14 3hg, bel aan bij de buren", "Lindelaan 14 3hg"),
        ("ze woont nu Vinkenstraat 9 2-hoog, sleutel in kluisje", "Vinkenstraat 9 2-hoog"),
        ("zoon is verhuisd naar de Lijsterweg 12 huisnr 3, Assen.", "Lijsterweg 12 huisnr 3"),
    ],
)
def test_a_house_number_with_a_floor_or_a_second_number(
    engine: PrivacyEngine, text: str, address: str
) -> None:
    assert address in labelled(engine, text, "adres")


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Cliënt: mw. Tjitske Dijkstra, Skipsleane 7, 9104 KT Damwâld", "Skipsleane 7"),
        ("Jongere: Daan Mol (15), Hooge Zijde 31, 5626 AB Eindhoven", "Hooge Zijde 31"),
        ("Ouders: Ria en Gert Pool, Vroonland 8, 7411 KJ Deventer", "Vroonland 8"),
        ("Patiënt: dhr. K. Wessels, Zuiddijk O.Z. 12, 7731 PP Ommen, tel.", "Zuiddijk O.Z. 12"),
    ],
)
def test_a_street_without_a_street_word_before_a_postcode(
    engine: PrivacyEngine, text: str, address: str
) -> None:
    assert address in labelled(engine, text, "adres")


def test_a_post_box_before_a_postcode_stays_a_post_box(engine: PrivacyEngine) -> None:
    assert labelled(engine, "Postbus 4410, 3006 AK Rotterdam", "adres") == ["Postbus 4410"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("anouk: nee hoor, hij woont Brinkhof 23-A sinds de zomer", "Brinkhof 23-A"),
        ("tom: ze woont op de vossenkamp 402 toch?", "vossenkamp 402"),
        ("de fysio zit nu op de Kotter 6-12\nfijne dag", "Kotter 6-12"),
    ],
)
def test_a_street_without_a_street_word_after_woont_or_op_de(
    engine: PrivacyEngine, text: str, address: str
) -> None:
    assert address in labelled(engine, text, "adres")


@pytest.mark.parametrize(
    "text",
    [
        "ze ligt op de kamer 12.",  # a common word and a number
        "hij woont al 3 jaar in de flat.",
        "we zitten vandaag op de afdeling 3.",  # a common word
        "de dosis gaat op de Lyrica 75 mg.",  # a unit after the number
    ],
)
def test_no_street_after_op_de_in_ordinary_words(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "adres") == []


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("zijn fiets staat bij de Albert Heijn op het Kerkplein, haal jij hem", "Kerkplein"),
        ("rustig gesprek in de buurt van het Koningsplein. Daarna naar huis", "Koningsplein"),
        ("ze woont in de Burgemeester Visserstraat, vlak bij de kerk", "Burgemeester Visserstraat"),
        ("gevallen op de Oude Gracht bij de brug", "Oude Gracht"),
        ("we liepen naar de Leidse Markt en terug", "Leidse Markt"),
        ("Goed, dan de Julianalaan. Daar woont mevrouw Smit", "Julianalaan"),
    ],
)
def test_a_street_without_a_number_after_het(engine: PrivacyEngine, text: str, street: str) -> None:
    assert street in labelled(engine, text, "adres")


@pytest.mark.parametrize(
    "text",
    [
        "ze zit in de Grote Zaal met de groep",  # no street word
        "In het Leerplein staat een nieuwe module",  # "in het": a program as often
        "Dat staat in de Werkinstructie van het team",
    ],
)
def test_no_street_without_a_number_in_rooms_and_programs(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "adres") == []


def test_an_organisation_after_van_het_is_no_street(engine: PrivacyEngine) -> None:
    text = "Opgenomen op de afdeling longziekten van het Medisch Centrum Havenkade gisteren."
    assert labelled(engine, text, "adres") == []


def test_a_time_after_a_name_in_a_chat_is_no_house_number(engine: PrivacyEngine) -> None:
    text = "Sanne 21:05: ik ben er bijna\nMirjam 21:06: top"
    assert labelled(engine, text, "adres") == []
    assert "Sanne" in labelled(engine, text, "naam")


def test_the_place_after_a_street_and_number_is_a_place(engine: PrivacyEngine) -> None:
    text = "Eline 16:08: adres nog steeds Molenstraat 5 Raalte?\nwessel: ja"
    assert "Molenstraat 5" in labelled(engine, text, "adres")
    assert "Raalte" in labelled(engine, text, "plaats")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Vanaf maart neemt Ilse de planning van wijk Transvaal over.", "Transvaal"),
        ("hij rijdt vandaag de route Overvecht, 9 cliënten", "Overvecht"),
        ("Dhr. Haddad, 61, uit Latakia oorspronkelijk, sinds 2015 hier.", "Latakia"),
        ("Mevrouw Rosalia, van Bonaire afkomstig, spreekt Papiaments.", "Bonaire"),
        ("kan iemand mijn dienst ruilen? bruiloft in Agadir dat weekend", "Agadir"),
        ("Ze vertelt dat ze heimwee heeft naar Nickerie. Somber.", "Nickerie"),
        ("wie doet de route? Emmen centrum, 6 cliënten", "Emmen"),
        ("korte overdracht wijkteam assen - zondag", "assen"),
        ("Zijn dochter gaat naar opvang De Regenboog in Leiden sinds mei.", "Leiden"),
        ("Zij woont in Dieren, bij haar zus.", "Dieren"),
    ],
)
def test_places_by_a_cue_that_only_a_place_takes(
    engine: PrivacyEngine, text: str, place: str
) -> None:
    assert place in labelled(engine, text, "plaats")


@pytest.mark.parametrize(
    "text",
    [
        "Inkomen uit Participatiewet, beslag op loon.",  # "komen" inside "Inkomen"
        "Overdracht ochtend naar middag. Kamer 4 rustig.",  # a part of the day
        "Geachte heer Rozendaal,\n\nHierbij de stukken.",  # a surname after "heer"
        "De wijk Zorg en Welzijn bespreekt dit.",  # a kind of institution
        "Ze is goed in Leiden van een groep, zegt de mentor.",  # no house, no living
        "Dat doe je in Teams of in Word.",
    ],
)
def test_no_place_without_such_a_cue(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "plaats") == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Overdracht Zorggroep Noord, kliniek Hoogeveen, afdeling 2", "Hoogeveen"),
        ("Melding MIC, wijkteam Tiel, meldingsnummer volgt", "Tiel"),
        ("Verslag, ambulant team Den Haag Noordwest, 3 mei", "Den Haag"),
    ],
)
def test_the_town_of_a_branch_is_a_place(engine: PrivacyEngine, text: str, place: str) -> None:
    assert place in labelled(engine, text, "plaats")


@pytest.mark.parametrize(
    "text",
    [
        "Rapportage nachtdienst, afdeling De Linde, alles rustig.",
        "Valincident op afd. De Kade, kamer 12.",
    ],
)
def test_a_ward_with_its_article_is_no_place(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "plaats") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("hij woont op de van Houtenkade 31 2 hoog", "van Houtenkade 31 2 hoog"),
        ("adres wijzigen naar Plein 1813 nr 4", "Plein 1813 nr 4"),
        ("pakje bezorgen op Bgm. Rooversln 6 a.u.b.", "Bgm. Rooversln 6"),
        ("zij woont nw. molenstr 18, achterom", "nw. molenstr 18"),
    ],
)
def test_particles_numbers_and_short_titles_of_a_street(
    engine: PrivacyEngine, text: str, address: str
) -> None:
    assert labelled(engine, text, "adres") == [address]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("zoon woont sinds kort in den helder", "den helder"),
        ("hij werkt tegenwoordig in rotterdam-zuid", "rotterdam-zuid"),
        ("ze is verhuisd naar 's-hertogenbosch", "'s-hertogenbosch"),
    ],
)
def test_lower_case_places_of_more_words_in_a_chat(
    engine: PrivacyEngine, text: str, place: str
) -> None:
    assert place in labelled(engine, text, "plaats")

"""Round 10b of issue 16: names on text not seen before. A bracket inside a name, a lower-case
first name before the particles of a surname, a first name before a middle initial, a short
title ("mnr"), an age in years or a role in brackets after a name of more words; and words
read as names that are none (a ward, a station, a form label, an agenda item, a sector after
a role). A positive and a negative test per rule. Every name here is made up."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a nickname or initials in brackets inside the name
        ("Cliënt: A.M. (Ria) Dijkhuis, 80 jaar, woont alleen.", "A.M. (Ria) Dijkhuis"),
        ("Dhr. Joop (J.H.) Terpstra, 70, gaat naar huis.", "Joop (J.H.) Terpstra"),
        # a lower-case known first name before the particles of a capitalised surname
        ("[07:40] joost vd Heuvel: ik ben onderweg", "joost vd Heuvel"),
        # a first name no list holds before a middle initial and a surname, after a label
        ("Naam: Wobbegien B. Hofstee\nGeboren: onbekend", "Wobbegien B. Hofstee"),
        # a short title
        ("Bel jij mnr Oukili even terug over de pedicure?", "Oukili"),
        # a lower-case word with a letter of Turkish or Polish spelling, in a chat
        ("[16:10] wendy: heeft iemand gülşen al gezien vandaag?", "gülşen"),
        ("[16:12] wendy: zegt jarosław dat hij later komt?", "jarosław"),
        # a lower-case first name alone under a closing
        (
            "Beste collega,\n\nDe planning voor maart staat klaar.\n\nGroetjes,\nwillemijn",
            "willemijn",
        ),
        # an age in years in brackets after a name of more words
        (
            "Vandaag de aanmelding van Ysaline Gebrehiwet (17 jaar) besproken.",
            "Ysaline Gebrehiwet",
        ),
        # a role in brackets after a name of more words
        (
            "Aanwezig: Zbigniew Kaczmarczyk (ergotherapeut), Ode Ekwueme (pedagogisch medewerker)",
            "Zbigniew Kaczmarczyk",
        ),
        (
            "Aanwezig: Zbigniew Kaczmarczyk (ergotherapeut), Ode Ekwueme (pedagogisch medewerker)",
            "Ode Ekwueme",
        ),
    ],
)
def test_a_whole_name_of_a_new_kind(engine: PrivacyEngine, text: str, name: str) -> None:
    assert name in labelled(engine, text, "naam")


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        # brackets after an organisation and a word: no name grows over them
        ("Na overleg (telefonisch) Verwijzing gestuurd.", "overleg (telefonisch) Verwijzing"),
        # a lower-case common word before the particles of a name
        ("[07:40] joost: ik zag de Heuvel niet", "zag de Heuvel"),
        # a common word before a middle initial opens a sentence
        ("Gisteren B. Hofstee gebeld.", "Gisteren B. Hofstee"),
    ],
)
def test_no_name_grown_over_words_that_are_none(
    engine: PrivacyEngine, text: str, not_a_name: str
) -> None:
    assert not_a_name not in labelled(engine, text, "naam")


@pytest.mark.parametrize(
    "text",
    [
        # a short title before a verb
        "Zegt mnr zelf dat hij pijn heeft? Vraag het hr. morgen.",
        # an age or a role in brackets after what is no person
        "Het Medicatieoverleg Wijkteam (12 jaar) loopt goed.",
        "Er was Overleg Palliatieve (verpleegkundige) zorg.",
        # a ward, a unit or a station named after a first name
        "Overdracht unit Orchidee, afd. Hendrik, daarna naar station Laurens met de bus.",
        # the label of a form line before a name, outside a chat
        "Contactpersonen\nBuur: Kwame Asante (41 jaar)",
        # an agenda item ending in -ing with a word no list holds as a name
        "Agenda: rooster.\nScholing Vaxeo gaat niet door.",
        # a sector after a role
        "Begeleider Wonen belde over vervoer. Medewerker Huisvesting komt later.",
        # loan words with ü or ç, foreign letters inside an e-mail or web address
        "De müsli en de crème, façade geverfd. Mail naar info@zorg-łąka.pl of www.łąka.pl.",
        # a lower-case word under a closing that no list knows as a first name
        "Groetjes,\nplanning\n\nMet vriendelijke groet,\nteam",
    ],
)
def test_no_name_where_no_person_is(engine: PrivacyEngine, text: str) -> None:
    names = labelled(engine, text, "naam")
    for word in (
        "mnr",
        "hr",
        "Zegt",
        "Medicatieoverleg",
        "Overleg",
        "Palliatieve",
        "Orchidee",
        "Hendrik",
        "Laurens",
        "Buur",
        "Scholing",
        "Vaxeo",
        "Wonen",
        "Huisvesting",
        "müsli",
        "façade",
        "łąka",
        "planning",
        "team",
    ):
        assert not any(word in name.split() for name in names), (word, names)


@pytest.mark.parametrize(
    "text", ["", "mnr", "mnr.", "(17 jaar)", "A (ergotherapeut)", "P.W. (", ") Prins", "x B. "]
)
def test_round10b_rules_never_raise_on_cut_text(engine: PrivacyEngine, text: str) -> None:
    engine.analyse(text)

"""The rule of the check before sending (carai/sandbox/presend.py) on its own, without the
privacy engine: what blocks, as written in the case or not, each text once."""

from __future__ import annotations

import pytest

from carai.sandbox import presend

# The rule's edges ---------------------------------------------------------------------------

F = presend.Found


def test_as_written_means_whole_words_on_both_sides() -> None:
    case = ["Mevrouw Visser woont in Zwolle. Dossier CL-204518."]
    assert presend.blocked([F("Visser", "naam")], case_texts=case) == []
    # Part of a longer word is not the case's own name or number.
    assert presend.blocked([F("Vis", "naam")], case_texts=case) == [F("Vis", "naam")]
    assert presend.blocked([F("isser", "naam")], case_texts=case) == [F("isser", "naam")]
    assert presend.blocked([F("CL-20451", "nummer")], case_texts=case) == [F("CL-20451", "nummer")]


def test_spaces_and_capitals_do_not_matter() -> None:
    case = ["Contact: Jan  de\nVries, zoon."]
    assert presend.blocked([F(" jan DE vries ", "naam")], case_texts=case) == []
    assert presend.blocked([F("JAN DE VRIESMAN", "naam")], case_texts=case) != []


def test_text_that_begins_or_ends_with_a_sign_needs_no_word_edge_there() -> None:
    case = ["tel(06) 12345678; mail j.devries@zorgmail.example.nl.Hij belt terug."]
    assert presend.blocked([F("(06) 12345678", "telefoon")], case_texts=case) == []
    assert presend.blocked([F("devries@zorgmail.example.nl.", "email")], case_texts=case) == []


def test_any_of_the_case_texts_may_hold_it() -> None:
    found = [F("Visser", "naam"), F("Zwolle", "plaats")]
    assert presend.blocked(found, case_texts=["Dhr. Visser", "Hij woont in Zwolle"]) == []
    assert presend.blocked(found, case_texts=["Dhr. Visser"]) == [F("Zwolle", "plaats")]
    assert presend.blocked(found, case_texts=[]) == found


def test_each_text_once_as_first_written_in_order_with_its_label() -> None:
    found = [
        F("Jan Smit", "naam"),
        F("0612345678", "telefoon"),
        F("jan  smit", "naam"),
        F("Amsterdam", "instelling"),  # not a personal label
        F("Amsterdam", "plaats"),
    ]
    assert presend.blocked(found, case_texts=["Een verzonnen casus."]) == [
        F("Jan Smit", "naam"),
        F("0612345678", "telefoon"),
        F("Amsterdam", "plaats"),
    ]


def test_an_empty_span_blocks_nothing() -> None:
    assert presend.blocked([F(" \n", "naam")], case_texts=["Casus"]) == []


@pytest.mark.parametrize("label", sorted(presend.PERSONAL_LABELS))
def test_every_personal_label_blocks(label: str) -> None:
    assert presend.blocked([F("Onbekend 42", label)], case_texts=["Casus"]) == [
        F("Onbekend 42", label)
    ]

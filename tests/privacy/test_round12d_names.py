"""Round 12d: names by where they stand (speakers in chats and minutes, families, a man
addressed in a letter, English relations, form lines with a date of birth, a room or a
role) and whole names (a nickname in quotes or in brackets, an unknown first name before a
found surname). Every name here is made up; none is taken from a benchmark set."""

from __future__ import annotations

import re

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # minutes: a surname alone as a speaker label, standing nowhere else in the text
        (
            "Notulen teamoverleg 4 maart\nKorteweg: geeft aan dat het slecht gaat.\n"
            "Van Lier: vraagt of de huisarts al gebeld is.\nKorteweg: neemt dat op zich.",
            {"Korteweg", "Van Lier"},
        ),
        # a chat behind an app's name, and a time after the name
        (
            "[WhatsApp] femke: ben je al bij hem?\n[WhatsApp] joris: ja, net binnen",
            {"femke", "joris"},
        ),
        ("marit 09:12: wie doet de medicatie?\nruben 09:14: ik", {"marit", "ruben"}),
        # an initial without a full stop after the name
        ("lotte v: ik ben er om 8\nruben: top", {"lotte v", "ruben"}),
        # a speaker that no list knows, with a letter Dutch words do not have
        ("Femke: wie heeft de sleutel?\nHüsnü: ik, ligt op kantoor", {"Femke", "Hüsnü"}),
        # capitalised speakers: a lower-case first name in a message is a name too
        ("Bas: ik ga er met wietske heen\nFemke: prima, bel even", {"wietske"}),
        # families and a man addressed in a letter
        ("Wie gaat er vandaag naar fam. Oyelaran?", {"Oyelaran"}),
        ("het gezin el idrissi komt morgen", {"el idrissi"}),
        ("Geachte heer Oyelaran, hierbij uw nieuwe afspraak.", {"Oyelaran"}),
        # an English relation word
        ("Husband Prakash will drive her to the hospital.", {"Prakash"}),
        # form lines: a date of birth, a room, initials or a role after an unknown name
        ("Aanvrager: Natalka Hrytsenko, geb. 4 mei 1980", {"Natalka Hrytsenko"}),
        ("Betrokken bewoner: Tawfiq Abdelrazek (kamer 4)", {"Tawfiq Abdelrazek"}),
        ("Naam cliënt: Mendy, B.\nGeboortedatum: onbekend", {"Mendy, B."}),
        ("Zoon gebeld. Melder: Oana Dumitrescu, verzorgende IG.", {"Oana Dumitrescu"}),
        ("Mother: Tsehay Gebru-Alemu, new address follows.", {"Tsehay Gebru-Alemu"}),
        # whole names: a nickname in quotes, initials with a first name in brackets, an
        # unknown first name before a surname with a foreign letter, "(bijnaam ...)"
        ("Cliënt: Wendell 'Wen' Sno, 29-jarige man", {"Wendell 'Wen' Sno"}),
        ("Casus G. (Gerrit) Dalfsen, woont in Zwolle.", {"G. (Gerrit) Dalfsen"}),
        ("- bed 3: Zdzisiek Wiśniewski, wil naar huis", {"Zdzisiek Wiśniewski"}),
        ("22.40 uur: Vasil Dragomirov (bijnaam Vasko) kwam binnen.", {"Vasil Dragomirov"}),
    ],
)
def test_names_by_where_they_stand(engine: PrivacyEngine, text: str, names: set[str]) -> None:
    found = set(labelled(engine, text, "naam"))
    assert names <= found, found
    pseudonymised = engine.analyse(text).pseudonymised
    for name in names:
        for word in re.findall(r"[^\W_]{3,}", name):
            if word.lower() not in {"van", "el"}:
                assert not re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", pseudonymised)


@pytest.mark.parametrize(
    ("text", "not_names"),
    [
        # form labels that deduce knows as surnames, in a text that is no chat or minutes
        ("Doel: zelfstandig wonen.\nTip: meet zittend de bloeddruk.", {"Doel", "Tip"}),
        # minutes: the labels of actions and decisions stay plain words
        (
            "Notulen MDO\nKorteweg: geeft aan dat het goed gaat.\nHendriksma: is het eens.\n"
            "Actie: huisarts belt.\nBesluit: geen opname.",
            {"Actie", "Besluit"},
        ),
        # English: a possessive opening a sentence and a month are no first names
        ("My partner is at home with the baby. On the 4th of June she called.", {"My", "June"}),
        # after "fam." or "gezin" an ordinary word is no family name
        ("De fam. is ingelicht en het gezin de komende week weg.", {"is", "de komende"}),
        # a form line whose words are a place and a department
        ("Aanvrager: Gemeente Zwolle, afdeling Wmo", {"Gemeente Zwolle"}),
        # a word that opens a sentence stays out of the name after it
        ("Gisteren Wiśniewski gebeld over de sleutel.", {"Gisteren Wiśniewski"}),
        # an English relation word itself is no first name
        ("Husband Prakash will drive her.", {"Husband Prakash"}),
    ],
)
def test_plain_words_stay(engine: PrivacyEngine, text: str, not_names: set[str]) -> None:
    found = set(labelled(engine, text, "naam"))
    assert not (not_names & found), found


def test_a_vietnamese_first_name_my_stays_a_name_in_dutch(engine: PrivacyEngine) -> None:
    # only an English text makes "My" a possessive
    text = "Mevrouw Tran is gevallen. Dochter My komt morgen langs."
    assert "My" in labelled(engine, text, "naam")


def test_a_chat_name_does_not_grow_over_a_place_of_care(engine: PrivacyEngine) -> None:
    text = "[16:02] Noa: update over soufiane uit de crisisopvang\n[16:03] Ilse: slaapt hij?"
    names = labelled(engine, text, "naam")
    assert "soufiane" in names
    assert not any("crisisopvang" in name for name in names)


def test_the_column_of_names_in_a_table(engine: PrivacyEngine) -> None:
    text = (
        "Overzicht aanmeldingen\n"
        "Naam              | Geb.datum  | BSN\n"
        "Abeba Girmay      | 03-11-1989 | onbekend\n"
        "Tekle Haileab     | 1995       | onbekend\n"
        "Afspraak          | morgen     | -\n"
        "| nr | naam | klas |\n|---|---|---|\n| 1 | Zhou Wenjie | 3H |\n"
    )
    names = labelled(engine, text, "naam")
    assert {"Abeba Girmay", "Tekle Haileab", "Zhou Wenjie"} <= set(names)
    assert "Afspraak" not in names  # an ordinary word in the column is no name


def test_a_table_without_a_column_of_names_gives_none(engine: PrivacyEngine) -> None:
    text = "Onderdeel  | Score | Opmerking\nMobiliteit | 3     | Loopt Met Rollator\n"
    assert labelled(engine, text, "naam") == []


def test_a_lower_case_name_before_an_age_in_a_chat(engine: PrivacyEngine) -> None:
    text = "mo: nieuwe aanmelding, tsega (16), kamer vrij?\ngerdien: ok, en een meisje (15)"
    names = labelled(engine, text, "naam")
    assert "tsega" in names
    assert "meisje" not in names  # a plain word before an age stays

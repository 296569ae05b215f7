"""Issue 16 on dev6: the kinds of identifier its blind texts showed us, tried on other made-up
texts (other names, streets and numbers than in dev6). A positive and a negative test for
each new rule. Every name, street and number here is made up."""

from __future__ import annotations

import pytest

from carai.privacy import PrivacyEngine
from tests.privacy.helpers import labelled


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hoi femke kun jij de late dienst doen?\nik moet weg om 4 uur", "femke"),
        ("daan is ziek vandaag\nwie neemt zijn ronde over?\nik wel", "daan"),
        ("ok ik bel wel even\nthx noor\ntot zo", "noor"),
        ("morgen met sanne naar de cliënt\nprima, ik zeg het tegen de planner", "sanne"),
    ],
)
def test_a_first_name_in_lower_case_in_a_chat(engine: PrivacyEngine, text: str, name: str) -> None:
    assert name in labelled(engine, text, "naam")


@pytest.mark.parametrize(
    "text",
    [
        # lower-case words that are also first names, where they are no names
        "pijn aan de knie, oxycodon max 4x per dag\nfysio komt morgen\nok",
        "overleg met woonzorgcentrum sint jozef over de indicatie\nprima\nik bel ze",
    ],
)
def test_no_chat_name_where_the_word_is_no_name(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "naam") == []


def test_a_chat_name_only_in_a_chat(engine: PrivacyEngine) -> None:
    # A report in sentences: a lower-case word is no first name there.
    text = "De cliënt kreeg max 2 tabletten. Zij sliep goed. Morgen volgt controle."
    assert labelled(engine, text, "naam") == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Nr.: ZW-INC-20931. Datum: 3 mei.", "ZW-INC-20931"),
        ("MIC 2025/0417 - valincident op de gang.", "2025/0417"),
        (
            "Patiënt: dhr. P. Smit, pat.nr. KT 4471 208\nOvergeplaatst naar de afdeling.",
            "KT 4471 208",
        ),
        ("Het nummer van zijn paspoort is NPK3R8T51; ophalen volgende week.", "NPK3R8T51"),
    ],
)
def test_record_numbers_of_new_shapes(engine: PrivacyEngine, text: str, code: str) -> None:
    assert code in labelled(engine, text, "nummer")


@pytest.mark.parametrize(
    "text",
    [
        "De saturatie was 94 procent bij 2 liter zuurstof.",
        "Gebruik COVID19 als zoekwoord in het ECD.",
        "Kamer 12 345 is een oud nummer van de telefooncentrale.",
    ],
)
def test_no_record_number_in_ordinary_numbers(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "nummer") == []


def test_an_agb_code_with_a_dash(engine: PrivacyEngine) -> None:
    assert labelled(engine, "Praktijk Oost, AGB-code 03-118842.", "agb") == ["03-118842"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Aan: Praktijk Zuid, Postbus 4410, 2501 CK Den Haag", "Postbus 4410"),
        ("Adres: De Mieden 14, 9001 AB Grou.", "De Mieden 14"),
        ("Woonadres: It Skar 3a, Drachten", "It Skar 3a"),
        ("dhr. K. Oost, Kasteel Wittemstraat 9, Valkenburg", "Kasteel Wittemstraat 9"),
        ("mw. Hoek woont op Oranjekaai 12-B4 in Zaandam.", "Oranjekaai 12-B4"),
    ],
)
def test_addresses_of_new_shapes(engine: PrivacyEngine, text: str, address: str) -> None:
    assert address in labelled(engine, text, "adres")


def test_no_address_after_adres_without_a_number(engine: PrivacyEngine) -> None:
    assert labelled(engine, "Adres: zie het dossier, niet bekend.", "adres") == []


@pytest.mark.parametrize(
    "text",
    [
        # a verb opening a sentence before "u"/"de", not a place
        "Weeg uzelf elke ochtend. Bel de afdeling bij vragen.",
        # a noun opening a subject line, which the text writes in lower case too
        "Onderwerp: Kookles\n\nDe kookles is donderdag. Neem een schort mee naar de kookles.",
    ],
)
def test_sentence_start_words_are_no_names_or_places(engine: PrivacyEngine, text: str) -> None:
    spans = engine.analyse(text).spans
    assert [s.text for s in spans if s.label in ("naam", "plaats")] == []


# Round 8: an organisation named right after a care role or a team word (made-up names).
@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Aanwezig: Noor (ambulant begeleider Welvaart), ouders.", "Welvaart"),
        ("Medewerker: Tim Dekker, persoonlijk begeleider Kompaan.", "Kompaan"),
        ("Notitie FACT-team Oostgeest\nCliënt: dhr. P. Smit", "Oostgeest"),
        ("Aanwezig: Mo (jongerenwerker Jouvia), leerplicht.", "Jouvia"),
    ],
)
def test_an_organisation_after_a_care_role(
    engine: PrivacyEngine, text: str, organisation: str
) -> None:
    assert organisation in labelled(engine, text, "instelling")


@pytest.mark.parametrize(
    "text",
    [
        "Overleg met het team Noord, daarna lunch.",
        "Het team Wonen: goed overleg.",
        "Besproken met de begeleider. Daarna rust.",
        "De begeleider Jansen belde.",  # a person, not an organisation
    ],
)
def test_no_organisation_after_a_role_when_the_word_is_a_name_or_a_word(
    engine: PrivacyEngine, text: str
) -> None:
    assert labelled(engine, text, "instelling") == []


def test_a_name_before_bewindvoering(engine: PrivacyEngine) -> None:
    assert "Prins Bewindvoering" in labelled(
        engine, "Haar bewindvoerder is Prins Bewindvoering, bel hen.", "instelling"
    )


# Round 8: clean texts. A surname-only word opening a line as a field label with a one-word
# value, or heading a list of plain words, is no name; a name in a real sentence still is.
@pytest.mark.parametrize(
    "text",
    [
        "Melding gedaan.\nSmid: hoog.\nKans: klein.",
        "Beroepen van vroeger.\nSmid, bakker, kapper: iedereen deed mee.",
    ],
)
def test_a_field_label_or_list_head_is_no_name(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "naam") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Overleg.\nJansen: meldt dat de cliënt onrustig was.", "Jansen"),
        ("Gesprek.\nBakker, ik en de cliënt gingen samen winkelen.", "Bakker"),
    ],
)
def test_a_surname_opening_a_line_in_a_sentence_stays_a_name(
    engine: PrivacyEngine, text: str, name: str
) -> None:
    assert name in labelled(engine, text, "naam")


@pytest.mark.parametrize(
    ("text", "url"),
    [
        # a bare domain, without www or a path (deduce finds these; so must we)
        ("stuur het naar info@budgetmaatje.nl of kijk op budgetmaatje.nl", "budgetmaatje.nl"),
        ("Meer over de cursus op leerplein-zorg.com, onder 'Aanbod'.", "leerplein-zorg.com"),
        ("link naar de app: bit.ly/4hQzT9 (werkt alleen op je telefoon)", "bit.ly/4hQzT9"),
    ],
)
def test_a_bare_domain_is_a_web_address(engine: PrivacyEngine, text: str, url: str) -> None:
    assert url in labelled(engine, text, "url")


@pytest.mark.parametrize(
    "text",
    [
        # abbreviations glued together in a hurried chat, and file names, are no web address
        "ok i.v.m.de planning bel ik morgen",
        "het verslag.docx staat in de map, zie ook bijlage.pdf",
    ],
)
def test_no_web_address_in_abbreviations_or_file_names(engine: PrivacyEngine, text: str) -> None:
    assert labelled(engine, text, "url") == []

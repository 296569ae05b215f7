"""The checksums and number patterns of the privacy engine (``carai.privacy.patterns``) on
their own: the BSN 11-test, the IBAN check (ISO 13616, modulo 97) and what ``find_numbers``
marks. Every number here is made up (test numbers that pass or fail the checksum on purpose).
"""

from __future__ import annotations

import pytest

from carai.privacy.patterns import STRONG, Candidate, bsn_valid, find_numbers, iban_valid


@pytest.mark.parametrize(
    "digits",
    [
        "123456782",
        "111222333",
        "999999990",
        "10000008",  # 8 digits: read with a leading zero
        "10000021",
    ],
)
def test_numbers_that_pass_the_11_test(digits: str) -> None:
    assert bsn_valid(digits)


@pytest.mark.parametrize(
    "digits",
    [
        "123456781",  # remainder 1
        "123456783",
        "123456772",  # a digit swapped
        "10000009",
        "000000000",  # passes the sum, but is no number
        "00000000",
        "1234567820",  # 10 digits
        "1234567",  # 7 digits
        "12345678a",
        "123 45678",
        "",
    ],
)
def test_numbers_that_fail_the_11_test(digits: str) -> None:
    assert not bsn_valid(digits)


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164300",
        "NO9386011117947",  # 15 characters: the shortest there is
        "NL13ABNA0417164",  # 15, made up with the right check digits
        "GB82WEST12345698765432",
        "DE89370400440532013000",
    ],
)
def test_ibans_with_the_right_check_digits(iban: str) -> None:
    assert iban_valid(iban)


@pytest.mark.parametrize(
    "iban",
    [
        "NL92ABNA0417164300",  # check digits one off
        "NL91ABNA0417164301",
        "NL91ABNA0417163400",  # two digits swapped
        "NL61ABNA041716",  # right check digits, but 14 characters
        "1285ABNA0417164300",  # right check digits, but no country letters
        "NLEZABNA0417164300",  # right remainder, but letters for check digits
        "NLC5ABNA0417164300",  # the same, one letter
        "",
    ],
)
def test_ibans_that_are_refused(iban: str) -> None:
    assert not iban_valid(iban)


def _found(text: str, label: str) -> list[str]:
    return [text[c.start : c.end] for c in find_numbers(text) if c.label == label]


def test_an_iban_is_marked_with_its_spaces_and_cut_at_its_countrys_length() -> None:
    text = "IBAN NL91 ABNA 0417 1643 00 staat op de brief."
    assert Candidate(5, 27, "iban", "IBAN met geldig controlegetal", STRONG) in list(
        find_numbers(text)
    )
    # Digits glued to the end are not part of it: a Dutch IBAN has 18 characters.
    assert _found("Rekening NL91ABNA0417164300123 en verder.", "iban") == ["NL91ABNA0417164300"]
    assert _found("Noorse rekening NO9386011117947.", "iban") == ["NO9386011117947"]


@pytest.mark.parametrize(
    "text",
    [
        "Rekening NL92ABNA0417164300 klopt niet.",  # wrong check digits
        "Rekening XX91ABNA0417164300 land onbekend.",  # no such country
        "Rekening NL91ABNA04171643 te kort.",
    ],
)
def test_no_iban_without_a_known_country_its_length_and_the_right_check(text: str) -> None:
    assert _found(text, "iban") == []


def test_spaces_do_not_count_towards_an_ibans_length() -> None:
    # 15 characters with the right check digits (valid for Norway), with spaces 18: too
    # short for a Dutch IBAN.
    assert _found("Rekening NL13 ABNA 0417 164 is te kort.", "iban") == []


def test_a_refused_iban_does_not_stop_the_search_for_the_next_one() -> None:
    text = "Eerst XX91ABNA0417164300, dan NL91ABNA0417164300."
    assert _found(text, "iban") == ["NL91ABNA0417164300"]


def test_a_bsn_is_marked_when_it_passes_the_11_test() -> None:
    text = "Haar BSN is 123456782."
    assert list(find_numbers(text)) == [
        Candidate(12, 21, "bsn", "9 cijfers die de elfproef halen", STRONG)
    ]
    assert _found("Nummer 123.456.782 staat erop.", "bsn") == ["123.456.782"]
    assert _found("Nummer 123456781 staat erop.", "bsn") == []


def test_eight_digits_are_a_bsn_only_where_the_text_says_so() -> None:
    assert _found("Het getal 10000008 is geen BSN.", "bsn") == []
    assert _found("Haar bsn: 10000008 staat erop.", "bsn") == ["10000008"]
    assert _found("Burgerservicenummer: 10000008.", "bsn") == ["10000008"]
    # At most 20 characters between the word and the number, also after the long word (a
    # window of 30 characters missed this one: found by mutation testing).
    assert _found("Burgerservicenummer van mevrouw: 10000008.", "bsn") == ["10000008"]
    assert _found("Burgerservicenummer van die oudere mevrouw: 10000008.", "bsn") == []
    far = "Haar bsn staat niet in deze lange zin, maar 10000008 wel."
    assert _found(far, "bsn") == []
    # An 8-digit number that is no BSN does not stop the search for the ones after it.
    assert _found("Kamer 10000008, BSN 123456782.", "bsn") == ["123456782"]


def test_phone_e_mail_web_address_agb_record_number_and_licence_plate() -> None:
    text = "Bel 06-12345678 of mail sanne@zorg-a.example."
    assert list(find_numbers(text)) == [
        Candidate(4, 15, "telefoon", "Nederlands telefoonnummer", STRONG),
        Candidate(24, 44, "email", "e-mailadres", STRONG),
    ]
    web = "Zie https://intranet.example.nl/pagina. of www.zorg.nl, graag."
    # Punctuation after a web address ends the sentence, not the address.
    assert list(find_numbers(web)) == [
        Candidate(4, 38, "url", "webadres", STRONG),
        Candidate(43, 54, "url", "webadres", STRONG),
    ]
    assert _found("Zie intranet.lindeboom.nl/verhuizing!", "url") == [
        "intranet.lindeboom.nl/verhuizing"
    ]
    assert _found("Zie https://mail.zorg.nl/INBOX.", "url") == ["https://mail.zorg.nl/INBOX"]
    # An AGB code after the word AGB outranks the other number patterns.
    assert list(find_numbers("AGB-code 12345678 van de huisarts.")) == [
        Candidate(9, 17, "agb", "AGB-code na het woord AGB", STRONG + 1)
    ]
    assert list(find_numbers("Patiëntnummer: 4482910 in het dossier.")) == [
        Candidate(15, 22, "nummer", "nummer na 'patiënt-/cliëntnummer'", STRONG)
    ]
    assert list(find_numbers("Kenteken 12-ABC-3 geparkeerd.")) == [
        Candidate(9, 17, "kenteken", "Nederlands kenteken", STRONG)
    ]


def test_texts_without_digits_still_find_e_mail_and_web_addresses() -> None:
    assert list(find_numbers("Geen getallen hier, alleen tekst.")) == []
    assert _found("Mail naar a@b.nl", "email") == ["a@b.nl"]
    assert _found("Kijk op example.nl/pad", "url") == ["example.nl/pad"]
    assert _found("Zie WWW.ZORG.NL", "url") == ["WWW.ZORG.NL"]

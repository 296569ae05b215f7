"""The lists of cues that several rules share: each sub-list stays a part of the list it
names, and the rules built from a list still take what the list holds (made-up text)."""

from __future__ import annotations

from carai.privacy import engine, patterns


def _words(words: str) -> set[str]:
    return set(words.split())


def test_lower_case_kinds_are_part_of_the_kind_words() -> None:
    assert _words(patterns.LOWER_KIND_BEFORE_NAME_WORDS) <= _words(
        patterns.MORE_INSTITUTION_KIND_WORDS
    )
    every_kind = _words(patterns.INSTITUTION_KIND_WORDS) | _words(
        patterns.MORE_INSTITUTION_KIND_WORDS
    )
    assert _words(patterns.CHAT_INSTITUTION_KIND_WORDS) - every_kind == {"college"}
    # the three kind lists share only "wmo-loket" (see the comment in patterns.py)
    desks = _words(patterns.DESK_SCHOOL_HOSPITAL_KIND_WORDS)
    assert not desks & _words(patterns.INSTITUTION_KIND_WORDS)
    assert desks & _words(patterns.MORE_INSTITUTION_KIND_WORDS) == {"wmo-loket"}
    assert not _words(patterns.INSTITUTION_KIND_WORDS) & _words(
        patterns.MORE_INSTITUTION_KIND_WORDS
    )


def test_street_title_lists() -> None:
    titles = _words(patterns.STREET_NAME_TITLES)
    assert _words(patterns.TITLES_OF_STREET_WITHOUT_WORD) <= titles
    assert titles - patterns.STREET_TITLES == {"pr."}


def test_forms_of_address_in_every_rule() -> None:
    for form in ("dhr", "mw", "mevr", "mevrouw", "meneer", "de heer"):
        assert engine._TITLES.match(form.capitalize() + " Zwanebloem") is not None
        found = engine._TITLE_INITIALS_NAME.search(f"gesprek met {form} Q. Zwanebloem")
        assert found is not None
        assert found.group(1) == "Q. Zwanebloem"
        found = engine._INITIALS_AFTER_PERSON.search(f"{form} Q.R. sliep goed")
        assert found is not None
        assert found.group(1) == "Q.R."
    assert {"dhr", "dhr.", "mw", "mw.", "mevr", "mevr."} | {
        "mevrouw",
        "meneer",
    } == engine._ADDRESS_WORDS
    # not a form of address: "mevrouw." with a full stop, "HR" in capitals
    assert engine._TITLES.match("mevrouw. Zwanebloem") is None
    assert engine._SHORT_TITLE_NAME.search("HR Zwanebloem") is None
    assert engine._SHORT_TITLE_NAME.search("hr. Zwanebloem") is not None


def test_closing_lists() -> None:
    for closing in ("Met vriendelijke groet", "Warme groet", "Groetjes", "Mvg"):
        found = engine._NAME_UNDER_CLOSING.search(f"Tot dinsdag.\n{closing},\nQuirina Zwanebloem")
        assert found is not None
        assert found.group(1) == "Quirina Zwanebloem"
    assert engine._LOWER_NAME_UNDER_CLOSING.search("komt goed\nliefs\nquirina") is not None
    # "liefs" only before a lower-case name; "warme groet" only before a capitalised one
    assert engine._NAME_UNDER_CLOSING.search("komt goed\nLiefs,\nQuirina Zwanebloem") is None
    assert engine._LOWER_NAME_UNDER_CLOSING.search("komt goed\nwarme groet\nquirina") is None

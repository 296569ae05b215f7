"""The Dutch privacy check: deduce plus our own detectors and corrections. No Django here.

Load it once per process with :func:`get_engine` (about 10 s and 1 GB once deduce's lookup
cache exists; the first build takes a minute or two). The cache lives in a writable folder
of our choosing, never in site-packages: ``CARAI_DEDUCE_CACHE`` or ``~/.cache/carai/deduce``.
"""

from __future__ import annotations

import bisect
import collections
import copy
import fcntl
import functools
import gc
import importlib
import itertools
import logging
import math
import operator
import os
import pickle
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from carai.privacy import patterns
from carai.privacy.patterns import LOOKUP, PATTERN, STRONG, Candidate

logger = logging.getLogger(__name__)

LABELS = (
    "naam",
    "datum",
    "leeftijd",
    "adres",
    "postcode",
    "plaats",
    "instelling",
    "bsn",
    "telefoon",
    "email",
    "nummer",
    "iban",
    "agb",
    "url",
    "kenteken",
)
NO_PERSONAL_DATA = "no_personal_data"
PERSONAL_DATA = "personal_data"
SPECIAL_CATEGORY = "special_category"

_DEDUCE_LABELS = {
    "persoon": "naam",
    "patient": "naam",
    "locatie": "adres",
    "datum": "datum",
    "leeftijd": "leeftijd",
    "telefoonnummer": "telefoon",
    "emailadres": "email",
    "url": "url",
    "bsn": "bsn",
    "id": "nummer",
    "ziekenhuis": "instelling",
    "zorginstelling": "instelling",
}
# Titles and person words that open what deduce read as a name: the forms of address
# (patterns.FORMS_OF_ADDRESS; the written-out ones without a full stop), then others.
_TITLES = re.compile(
    r"^(?:(?:"
    + patterns.word_alternation(patterns.LONG_FORMS_OF_ADDRESS)
    + r"|(?:"
    + patterns.word_alternation(patterns.SHORT_FORMS_OF_ADDRESS)
    + r")\.?|mr\.?|dokter|dr\.?|drs\.?|ir\.?|"
    r"prof\.?|zuster|broeder|cliënt|client|patiënt|patient)\s+)+",
    re.IGNORECASE,
)
# The reason shown for a name found after a form of address or a title ("mevrouw", "dhr.",
# "dr.", "huisarts"): the Privacycheck page shows it to the user, so it names the kind of cue.
_AFTER_TITLE = "naam na 'meneer', 'mevrouw' of een titel"
# deduce steps whose work ours does anyway, so we skip them: its redactor (we write our own
# placeholders), its age, phone, e-mail, BSN/identifier and URL annotators, its dates, its
# street pattern (a capitalised word ending in "straat", "laan" ...) and its postcodes
# (patterns.py finds all of those, and more). Its street list and house numbers stay: they
# find streets without such an ending ("Zeswielen 17").
_DEDUCE_SKIPPED = frozenset(
    {"redactor", "ages", "phone_numbers", "email_addresses", "identifiers", "urls", "dates",
     "street_pattern", "postal_code", "postbus"}
)  # fmt: skip
_TE_PLACE = re.compile(r"^te\s+", re.IGNORECASE)
# English words for a relation ("Husband Karthik", "my partner Tom"); not "son", which is
# also a Dutch place and surname ("van Son").
_ENGLISH_RELATIONS = (
    "husband|wife|partner|daughter|mother|father|brother|sister|boyfriend|girlfriend"
    "|grandson|granddaughter"
)
# A role or relation word in what deduce read as a name: "Kleinzoon Sjoerd" is Sjoerd,
# "P. De Teamleider" is no name at all ("Husband Prakash": English relations too).
_ROLE_WORD = re.compile(
    r"(?<![\w-])(?i:"
    + patterns.ROLE_WORDS
    + r"|flat|woning|appartement|"
    + _ENGLISH_RELATIONS
    + r")(?![\w-])"
)
_LEADING_ROLE = re.compile(_ROLE_WORD.pattern + r"[ ]+")
# A role or relation by the end of a compound, or one the list above lacks, before a first
# name that deduce took into the name ("Thuisbegeleider Teuntje", "Stiefzoon Bram",
# "Zorgvrager Anouk"): trimmed off when the word after it is a first name of deduce's list.
_LEADING_ROLE_COMPOUND = re.compile(
    r"(?i:[a-zà-ÿ]+(?:begeleider|begeleidster|coach|chauffeur|verpleger|verpleegster"
    r"|verzorger|verzorgster|verzorgende|kracht|medewerker|medewerkster|zoon|dochter|neef"
    r"|nicht|broer|zus|kind|jongen|meisje|zwagerin|oom|tante|vrager|dienst|meester|maakster"
    r"|leider|leidster|nemer|agent|therapeut|therapeute|ouder)|zorgvrager|cliënte|jongere|conciërge|secretaresse|chauffeur|verpleger|verpleegster"
    r"|verzorgende|verzorger|verzorgster|vriendje|vriendinnetje|zwagerin|jobcoach|mentrix"
    r"|invalkracht|huismeester)[ ]+(?=[A-Z])"
)
_INITIAL_OR_PARTICLE = re.compile(r"(?:[A-Z]\.|" + patterns.NAME_PARTICLES + r")", re.IGNORECASE)
# "de Grote Zaal", "de Kleine Kapel": an inflected adjective before a one-word "name"
_AFTER_ADJECTIVE = re.compile(
    r"\b(?:de|het|in|naar|op)[ ](?:Grote|Kleine|Oude|Nieuwe|Lange|Korte|Hoge|Lage|Witte|Rode"
    r"|Blauwe|Gele|Groene|Bovenste|Onderste|Achterste|Voorste)[ ]$"
)
_LETTER_BEFORE_SLASH = re.compile(r" [A-Za-z]/")
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?i:de|het|een|ons|onze)[ ]$")
# Round 22 (inst22): endings of Dutch adjectives before a noun ("Klinische", "Ambulante",
# "Geriatrische", "Cognitieve", "Medische"): such a word names a kind, not a practice.
_OPENS_LINE_OR_SENTENCE = re.compile(r"(?:\A|[.!?\n])[ \t]*\Z")
_INITIAL_WORD = re.compile(r"(?:[A-ZÀ-Þ]\.)+")
_ADJECTIVE_ENDINGS = ("isch", "ische", "ante", "ale", "ieve", "iele", "ele", "ende", "ige", "aire")
_KIND_ENDING = re.compile(
    r"(?:ziekenhuis|kliniek|zorg|gasthuis|hof|huis|centrum|dal|oord|boerderij)$"
)
_ABBREVIATION_COMPOUND = re.compile(r"[A-Z]{2,}-[a-z]")
_COMPASS = frozenset("noord oost zuid west midden centrum".split())  # noqa: SIM905
_SHORT_PARTICLES = frozenset("van der den de ter ten te op in 't".split())  # noqa: SIM905
_CARE_KIND_ENDINGS = (
    "logie",
    "kunde",
    "atrie",
    "chirurgie",
    "revalidatie",
    "therapie",
    "verpleging",
    "begeleiding",
    "behandeling",
    "dienst",
    "voorbereiding",
    "overleg",
    "afdeling",
)
# The first part of a compound that names a kind of care, not an organisation:
# "Dagcentrum", "Wijkzorg", "Thuiszorg", "Kraamzorg", "Jeugdzorg".
_CARE_PREFIXES = frozenset("dag wijk thuis kraam jeugd woon zorg nacht".split())  # noqa: SIM905
# Words for a department or a unit, not a name, in a report's heading.
_DEPARTMENT_WORDS = frozenset(
    """afdeling afd unit kamer team groep locatie cliënt client patiënt bewoner bewoners
    cliënten patiënten vandaag gisteren ochtend middag avond nacht dienst""".split()  # noqa: SIM905
)
# Superlatives, ordinals and determiners after an article: "het liefst", "de hele".
_NOT_AFTER_KIND = frozenset(
    """liefst best meest eerst laatst minst vaakst hele gehele volgende vorige andere zelfde
    eerste laatste tweede derde ander beste""".split()  # noqa: SIM905
)
# An article or a possessive before a lower-case kind word: a kind, not a name.
_OWNER_BEFORE = re.compile(
    r"(?<![\w-])(?i:de|het|een|onze|ons|jullie|hun|haar|zijn|die|deze|dat|elke)[ ]+$"
)
_LEADING_LOWER = re.compile(r"^(?:(?:aan|op|in|de|het|den|bij|naar|van|te)\s+)+")
_P = patterns.NAME_PARTICLES
_PART = patterns.NAME_PART
_NAME_PART = re.compile(_PART)
# Pieces that make a found name whole (see PrivacyEngine._grow_name).
_HYPHENS = "-\u2010\u2011"  # the first character of a _RIGHT_HYPHEN match
_RIGHT_OPENERS = " " + _HYPHENS  # the first character of every piece _grow_name adds on the right
_RIGHT_HYPHEN = re.compile(r"[" + _HYPHENS + r"](" + _P + r"[ -])?(" + _PART + r")")
_RIGHT_INITIAL = re.compile(r" [A-Z]\.(?![\w.])")
_RIGHT_NICK = re.compile(r" \((" + _PART + r")\) (" + _PART + r")")
_RIGHT_WORD = re.compile(r" ((?:" + _P + r" )*)(" + _PART + r")")
_LEFT_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.[ ]?){1,5})[ ]?$")
_LEFT_HYPHEN = re.compile(r"(?<![\w-])(" + _PART + r")-$")
# Nouns for a person by age or sex that deduce's lists also hold as surnames ("Jongen",
# "Kind"): before an age in brackets they say who, not a name.
_PERSON_NOUNS = frozenset(
    {"jongen", "meisje", "kind", "baby", "peuter", "kleuter", "tiener", "puber", "jongere",
     "jongeman", "jongedame", "dame", "heer", "man", "vrouw", "knul", "meid", "oudere"}
)  # fmt: skip
# Two initials without full stops right before a found name: "JP de Graaf", "AJ Visser".
_LEFT_BARE_INITIALS = re.compile(r"(?<![\w.&/-])([A-Z]{2}) $")
# Two capitals of care and office language that stand before a name as a role, ward or
# thing, not as initials ("HA Jansen" is the GP Jansen, "PB Visser" the personal counsellor).
_NOT_BARE_INITIALS = frozenset(
    {"AI", "BV", "CB", "CV", "DB", "EU", "GP", "GZ", "HA", "HR", "IC", "ID", "IT", "KV", "MT",
     "MW", "NL", "NV", "OK", "OR", "OT", "PB", "PC", "PG", "PT", "PZ", "RN", "SP", "TV", "VG",
     "VS", "VV", "WW", "ZZ"}
)  # fmt: skip
_LEFT_WORD = re.compile(r"(?<![\w.-])(" + _PART + r")((?: " + _P + r")*) $")
# The words (between white space) that the particles of _P consist of, in lower case.
_PARTICLE_PIECES = frozenset(
    re.sub(r"\\(.)", r"\1", piece)
    for particle in _P.removeprefix("(?i:").removesuffix(")").split("|")
    for piece in particle.split(r"\s+")
)


def _left_word(window: str) -> re.Match[str] | None:
    """``_LEFT_WORD.search(window)``, with the same match, searched from the start of the last
    word (between white space) that cannot be a piece of a particle: a match is one word,
    then only particles up to the window's end, so it cannot start before that word (it
    may start inside it, after a bracket; the look-behind still sees what stands before).
    A word with a letter outside ASCII may match a particle ignoring case (the long s as
    "s"): it is passed over as if it were one."""
    head = window.rstrip()
    while head:
        word = head.rsplit(None, 1)[-1]
        cut = len(head) - len(word)
        if word.isascii() and word.lower() not in _PARTICLE_PIECES:
            return _LEFT_WORD.search(window, cut)
        head = head[:cut].rstrip()
    return _LEFT_WORD.search(window)


def _speaker_starts(text: str) -> list[int]:
    """Where a patterns.SPEAKER match can start: at a line's start (its "^"), at a line feed,
    or at white space followed by more (its "\\s{2,}")."""
    lines = _line_starts(text)
    line_feeds = [start - 1 for start in lines[1:]]
    return sorted({*lines, *line_feeds, *(m.start() for m in _WHITE_SPACE_PAIR.finditer(text))})


def _line_starts(text: str) -> list[int]:
    """Where the lines of a text start: 0 and every position after a line feed."""
    starts, at = [0], text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _matches_from(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a pattern whose every match is non-empty and
    starts at one of ``starts`` (ascending): the pattern is tried there only, and, as
    finditer does, a start inside the last match is skipped. A match at a start is the one
    finditer finds there (``match`` and ``search`` try a position alike; the anchors and
    look-behinds still see the characters before it; see patterns._starts_in_order)."""
    return list(patterns._starts_in_order(pattern, text, starts))


# (a class first: the regex engine skips in C to the next white space)
_WHITE_SPACE_PAIR = re.compile(r"\s(?=\s)")
_PARTICLE_WORDS = frozenset(
    {"van", "de", "der", "den", "het", "ter", "ten", "te", "el", "al", "ait", "ben", "bin", "abu",
     "da", "dos", "du", "del", "di", "la", "le", "von", "zur", "'t", "in", "op", "uit", "vd",
     "v.d."}
)  # fmt: skip
_NOT_NAME_WORDS = frozenset(
    """januari februari maart april mei juni juli augustus september oktober november
    december maandag dinsdag woensdag donderdag vrijdag zaterdag zondag dhr mw mevr mevrouw
    meneer mijnheer heer dr drs dokter arts huisarts prof ir ing mr mej zuster broeder
    cliënt client patiënt patient bewoner bewoonster zoon dochter moeder vader opa oma
    afdeling kamer team locatie groep verpleegkundige begeleider
    wmo wlz zvw wgbo wzd wvggz avg jeugdwet participatiewet""".split()  # noqa: SIM905
)
# English weekdays, as a mail program in English writes them before a date ("Sent: Thu 3
# Oct 2024", "Fri, Mar 7, 2025"); lists of first names hold some of them ("Thu", "Sat").
# Round 25.
_ENGLISH_WEEKDAYS = frozenset(
    """Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday""".split()  # noqa: SIM905
)
_DAY_OR_MONTH_AFTER = re.compile(
    r",?[ ](?:\d{1,2}(?!\d)|" + patterns.ENGLISH_SHORT_MONTH + r"[a-z]*\b)"
)
# Words that end an organisation's or a place's name, never a person's: growth stops there.
_KIND_WORD = re.compile(
    r"(?i:.*(?:zorg|groep|centrum|stichting|praktijk|team|kliniek|school|college|lyceum"
    r"|opvang|voorziening|bedrijf|winkel|gemeente|instituut|apotheek|afdeling|supermarkt))$"
)
_INSTITUTION_KIND = re.compile(patterns.INSTITUTION_KINDS)
# "zgh", "vph" ...: a kind of institution shortened in a chat ends a name before it.
_SHORT_INSTITUTION_KINDS = frozenset(patterns.SHORT_INSTITUTION_KINDS.split())
# Round 23 (inst23): the kinds of school that chats write before a house's name ("obs de
# regenboog"): after them a frequent word is the school's name too.
_SCHOOL_ABBREVIATIONS = frozenset("obs cbs sbo kbs rkbs pcbs".split())  # noqa: SIM905
# A form of address after a kind word ("transport van Hr. Kowalczyk"): a person follows.
_PERSON_FORMS_OF_ADDRESS = frozenset(
    (patterns.FORMS_OF_ADDRESS + " " + patterns.NOTE_FORMS_OF_ADDRESS + " hr").split()
)


def _word_before(text: str, start: int, *, reach: int) -> str:
    """The last word in the ``reach`` characters before ``start``, without a full stop at its
    end ("dhr." gives "dhr"); "" when there is none."""
    words = text[max(0, start - reach) : start].split()
    return words[-1].rstrip(".") if words else ""


def _address_form_before(text: str, start: int, *, reach: int) -> bool:
    """Whether the word before ``start`` (within ``reach`` characters) is a form of address
    ("mevrouw", "dhr.", "mw"). One place for this question: a short reach asks for the word
    right before, a longer one lets an initial or two stand between."""
    return _word_before(text, start, reach=reach).lower() in _PERSON_FORMS_OF_ADDRESS


# After one capitalised word opening a sentence: ": <one lower-case word>" closing the clause
# (a field label and its value, "Ernst: laag."), or ", <word>, <word>" (a list of plain
# words, "Smid, bakker, kapper").
_LABEL_OR_LIST_AFTER = re.compile(
    r":[ \t]*[a-zà-ÿ][a-zà-ÿ-]*[ \t]*(?:[.;,]|\n|$)|,[ ]*[a-zà-ÿ]+,[ ]*[a-zà-ÿ]+\b"
)
# Round 23 (clean23): two lower-case words after a comma, joined by a comma or "en" ("Roos,
# anjer en gerbera liggen klaar"): the word before heads a list of things, also where it is
# a first name too; not before pronouns ("Roos, jij en ik").
_LOWER_LIST_AFTER = re.compile(
    r",[ ]*(?!(?:ik|je|jij|we|wij|jullie|u|ze|zij|hij|haar|hem|mij|ons)[ ,])"
    r"([a-zà-ÿ]{3,})(?:,[ ]*|[ ]en[ ])(?!(?:ik|jij|wij|jullie|zij|hij|haar|hem|mij|ons)\b)"
    r"([a-zà-ÿ]{3,})\b"
)
# Round 14b: a word for a place of care right before a house's name (patterns.
# INSTITUTION_AFTER_CONTEXT): "locatie", "woongroep", "woonlocatie" ... (not "afdeling").
_CARE_PLACE_BEFORE = re.compile(
    r"(?<![\w-])(?i:locatie|woonlocatie|zorglocatie|woongroep|leefgroep|behandelgroep"
    r"|dagbesteding)[ ]+\Z"
)
_VERB_ENDINGS = ("t", "d", "en", "de", "te", "je", "ig", "lijk")
_HAS_DIGIT = re.compile(r"\d")
_TITLE_WORD = re.compile(r"(?<![\w.])[A-Z][a-z]+\.?(?![\w.])")
# A street and house number right after a title: only words of a street name between
# ("Meester J. de Vriesstraat 5"), not "Anna Koning woont aan de Molenweg 12".
_STREET_FOLLOWS = re.compile(
    r"[ ](?:(?:[A-Z][\w'.-]*|van|de|der|den|het|'t|ter|ten|op)[ ]){0,3}"
    r"[A-Z][\w'-]*?(?i:" + patterns.STREET_SUFFIX + r")[ ]\d"
)
# Street titles of rank or office (not "Groot", "Lange", "Oost": those are surnames too).
_OFFICE_TITLES = patterns.STREET_TITLES - frozenset(
    """nieuwe oude lange korte grote kleine hoge lage noord zuid oost west groot klein heilige
    onze lieve vrouwe oranje""".split()  # noqa: SIM905
)
# Letters of Turkish, Polish and other names that Dutch words never have.
# (ü and ö only after a consonant: Dutch writes them after a vowel, "reünie", "coördinator")
# Not IGNORECASE: there the dotless i would match every "i".
_FOREIGN_LETTER = re.compile(
    r"[çğışłńśźżąęćőřžÇĞŞŁŃŚŹŻĄĘĆŐŘŽİ]|(?<![aeiouyAEIOUY])[üöÜÖ]"
    r"|(?<=[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z])[óÓ](?=[b-df-hj-np-tv-z])"  # "Wójcik", not "vóór"
)
# Every _FOREIGN_LETTER match is one of these characters.
_FOREIGN_LETTER_CHARACTER = re.compile("[çğışłńśźżąęćőřžÇĞŞŁŃŚŹŻĄĘĆŐŘŽİüöÜÖóÓ]")


def _has_foreign_letter(text: str) -> bool:
    """``_FOREIGN_LETTER.search(text)`` as a truth value, searched from the first character
    that can start a match (a plain class, which the regex engine skips to quickly)."""
    first = _FOREIGN_LETTER_CHARACTER.search(text)
    return first is not None and _FOREIGN_LETTER.search(text, first.start()) is not None


# Shapes of Polish surnames in lower case after a known first name ("ilham wojcik", "huseyin
# szymanski"): no Dutch word starts with "sz"/"cz" or ends so.
_FOREIGN_SHAPE = re.compile(r"^(?:sz|cz)[a-z]|[a-z](?:[cs]zyk|wicz|[nw]sk[ai]|ck[ai]|jcik|jczak)$")
# A capitalised word of a Polish shape that no Dutch word has: "cz" ("Kowalczyk",
# "Kaczmarek", "Wieczorek"), "Sz" opening or "sz" closing it ("Szulc", "Tomasz"), a consonant
# and "rz" opening it ("Grzegorz", "Krzysztof", "Przemek"), "-wicz", "-ski"/"-ska" after l, n,
# w, d, t or r and "-cki"/"-cka" ("Michalski", "Nowicki"). With the capitalised word next to it
# (first name and surname) or inside a sentence it is a name a list need not know.
_POLISH_WORD = patterns.gated(  # entered at capitals only, not at every position (round 22)
    "[A-Z]",
    re.compile(
        r"(?<![\w'-])(?:[A-Z][a-z]*cz[a-z]*|Sz[a-z]+|[A-Z][a-z]*[aeiouy]sz|[BCDGKPT]rz[a-z]+"
        r"|[A-Z][a-z]*(?:wicz|[lnwdtr]sk[ai]|[a-z]ck[ai])"
        # Ukrainian surnames written in Dutch letters (round 23): "Kovalenko", "Kravchuk",
        # "Melnyk", "Petrovych"; no Dutch word ends so
        r"|[A-Z][a-z]*(?:enko|chuk|yuk|nyk|[eo]vych))(?:-[A-Z][a-z]+)?(?![\w'-])"
    ),
)
_POLISH_CLUES = (
    "cz",
    "sz",
    "Sz",
    "rz",
    "ski",
    "ska",
    "cki",
    "cka",
    "enko",
    "chuk",
    "yuk",
    "nyk",
    "ych",
)
_UKRAINIAN_ENDING = re.compile(r"(?:enko|chuk|yuk|nyk|[eo]vych)(?:-[A-Z][a-z]+)?$")
_POSTCODE_ONLY = re.compile(r"^[1-9]\d{3}\s?[A-Z]{2}$")
_POSTCODE_AT_END = re.compile(r",?\s+([1-9]\d{3}\s?[A-Z]{2})$")
# A capitalised word (round 17b: the capital first and the character before it checked after
# it: the same matches as the look-behind first, but the regex engine skips in C to the next
# capital; plain, not gated: a gated scan matches each of its some 130 hits a text twice).
_CAPITALISED = re.compile(r"[A-Z](?<![\w'-].)[a-zà-ÿ]{2,}(?![\w'-])")
_NEXT_CAPITALISED = re.compile(r"[ ]([A-Z][a-zà-ÿ'-]{1,})(?!\w)")
# The capitalised word right before a position (one space between).
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'-])([A-Z][a-zà-ÿ]{1,})[ ]$")
_WORD = re.compile(r"[a-zà-ÿ]+(?:-[a-zà-ÿ]+)?")
# The first word of a name, up to a space, hyphen or other sign.
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# A capitalised word after a cue of where someone lives, comes from or goes to, not at the
# start of a sentence and with no capitalised word after it (a name of more words).
_NEXT_WORD = re.compile(r"[ ]([a-zA-Zà-ÿ'-]{3,})(?=[ ]*(?:[.,;:)]|\n|$|[ ][a-z]))")
# A street after "op de", "van de" ...: one or two words, the last ending in a street word.
# Also after the chat shorthand "vd" ("op de parkeerplaats vd beatrixlaan") and after
# "richting" ("liep richting kerkstraat"), where a street is named as a way to go. Round
# 18c: also right after "op", "aan", "naar" or "bij" with no "de", as chats
# leave it out ("ben op eikenlaan", "rij nu naar kerkstraat"); not before "plein", which
# after a bare "op" is mostly a square of a school or a home ("speelt op schoolplein").
_STREET_WORDS_NO_PLEIN = patterns.COMMON_STREET_WORDS.replace("|plein", "")
_STREET_AFTER_DE = patterns.gated(
    "(?i:[oanvlibr])",
    re.compile(
        r"(?<![\w-])(?:(?i:op|aan|naar|via|langs|over|van|in|bij)[ ]de|(?i:vd|v\.d\.|v/d)"
        r"|(?i:op|aan|naar|bij)(?=[ ][a-zA-Zà-ÿ]+(?i:"
        + _STREET_WORDS_NO_PLEIN
        + r")(?![\w-]|[ ]\d))"
        r"|(?i:richting)(?:[ ](?i:de))?)[ ]("
        r"(?:[a-zA-Zà-ÿ][a-zà-ÿ]+[ ])?[a-zA-Zà-ÿ][a-zà-ÿ]{3,}"
        r"(?i:" + patterns.COMMON_STREET_WORDS + r"))(?![\w-]|[ ]\d)"
    ),
)
# What a text holds where _STREET_AFTER_DE can match: its cues ("op eikenlaan" has no "de").
# Round 23 (addr23): the street word after the hyphen of "Wiersma-erf", "Kennedy-laan 4",
# and a house number if one follows (see _hyphen_streets).
_HYPHEN_STREET_WORD = re.compile(
    r"(?:straat|laan|weg|plein|erf|hof|kade|gracht|singel|pad|dreef|steeg|plantsoen)"
    r"(?:[ ](" + patterns.HOUSE_NUMBER + r")(?!\d|[,.:]\d))?(?![\w'-])"
)
# Round 23 (addr23): "kaya flamboyan 22", "Kaya Gobernador N. Debrot 14": "kaya", one to
# four words of its name and a house number (see _caribbean_streets).
_CARIBBEAN_STREET = re.compile(
    r"(?<![\w-])((?i:kaya)[ ](?:[A-Za-zÀ-ÿ][\w'.-]*[ ]){0,3}[A-Za-zÀ-ÿ][\w'-]{2,})"
    r"[ ](" + patterns.HOUSE_NUMBER + r")(?!\d|[,.:]\d)"
)
_CUES_BEFORE_LISTED_STREET = (
    " de ", "vd", "v.d.", "v/d", "richting", "op ", "aan ", "naar ", "bij ",
)  # fmt: skip
# "op straat, bredeweg richting de kerk": a street of one word in lower case right before
# "richting", asked of the street list like those after "de".
_STREET_BEFORE_RICHTING = patterns.gated(
    "[a-zà-ÿ]",
    re.compile(
        r"(?<![\w-])([a-zà-ÿ]{4,}(?:" + patterns.COMMON_STREET_WORDS + r"))"
        r"[ ](?i:richting)(?![\w-])"
    ),
)
# One capitalised street after a bare "de" ("dan de Beatrixlaan"), asked of the street list.
_LISTED_STREET_AFTER_DE = patterns.gated(
    "[dD]",
    re.compile(
        r"(?<![\w-])[dD]e[ ]([A-ZÀ-Þ][a-zà-ÿ]{3,}(?:" + patterns.COMMON_STREET_WORDS + r"))"
        r"(?![\w-]|[ ]\d)"
    ),
)
# Lower-case particles right before a street ("op de van Speijkstraat"), and the shortened
# ones ("vd", "v.d.", "v/d") apart.
_PARTICLES_BEFORE_STREET = re.compile(
    r"(?<![\w.'/])(?:((?:(?:van|de|der|den|ter|ten|'t|het)[ ]){1,3})|((?:vd|v\.d\.|v/d)[ ]))\Z"
)
_STREET_WORD_END = re.compile(r"(?i:" + patterns.STREET_SUFFIX + r")$")
# Round 25 (addr25): a preposition right before the article before a street ("op de").
_PREPOSITION_BEFORE = re.compile(r"(?<![\w-])(?i:op|in|aan|naar|bij|uit|over|langs|via)[ ]\Z")
# Round 25 (addr25): a street name that ends in a common street word ("Kerkplein").
_COMMON_STREET_WORD_END = re.compile(r"(?i:" + patterns.COMMON_STREET_WORDS + r")$")
# Round 25 (addr25): a title of a street named after a person, in lower case and shortened
# or whole, right before the lower-case particles of that street ("burg. van Heemstraweg").
_LOWER_TITLE_BEFORE_STREET = re.compile(
    r"(?<![\w.'-])(?:burg|bgm|dr|st|prof|mgr|ds|past|gen|burgemeester|dokter|pastoor|pater"
    r"|professor|generaal|meester|mr)\.?[ ]\Z"
)
_STREET_NAME_PART = re.compile(r"[^\d\n]+?(?=[ ]\d|\Z)")
# Adjectives that open Dutch street names ("Nieuwe Vlasburg 22", "Oude Delft 112").
_STREET_ADJECTIVES = r"(?:Nieuwe|Oude|Lange|Korte|Hoge|Lage|Grote|Kleine)"
# Round 21 (addr21): one of them, capitalised, right before a found street ("wonend Nieuwe
# Buren 17a"): it is the street's first word. One space before the street; "nieuwe" in
# lower case ("haar nieuwe Kerkstraat 4") stays out.
_STREET_ADJECTIVE_BEFORE = re.compile(r"(?<![\w.'-])" + _STREET_ADJECTIVES + r"[ ]\Z")
# Round 21 (addr21): initials right before a street named after a person ("J.P. Coenstraat
# 14", "A.F. Philipsweg 44"): the street's. One to three capitals with a full stop each, then
# one space and a street whose first word ends in a street word; "H. de Grootstraat" has them
# already, "J. Bakker, Kerkstraat 4" has a comma between.
_INITIALS_BEFORE_STREET = re.compile(r"(?<![\w.])(?:[A-Z]\.){1,3}[ ]\Z")
_ONLY_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
# Round 21 (addr21): capitals after a dot, slash or hyphen right after a found record number
# ("Ons kenmerk: 25.0412.JV", "Zaaknr. 2025.00412.WMO"): the number's own tail. One to four
# capitals and then no word character; "2025.0412. Daarna" (a space after the dot) stays.
_LETTERS_AFTER_NUMBER = re.compile(r"(?<=\d)[./-][A-Z]{1,4}(?![\w/-])")
_DISTRICT_AFTER = re.compile(
    r"-(?:Noord|Oost|Zuid|West|Centrum|Midden|Noordoost|Noordwest|Zuidoost|Zuidwest)(?![\w-])"
)
_PLACE_CUE_GATE = re.compile(r"(?:in|uit|te|naar) [A-ZÀ-Þ]")
_PLACE_AFTER_CUE = patterns.gated(  # found from its leads "in ", "te " ... (round 22)
    "[iutvn]",
    re.compile(
        r"(?<![\w-])(in|uit|vanuit|te|naar)[ ]([A-ZÀ-Þ][a-zà-ÿçğışłńśźżąęćőřž'\u2019-]{2,})"
        r"(?![\w'\u2019-])(?![ ][A-ZÀ-Þ0-9])"
    ),
)
# A lower-case word for a branch of an organisation and its town: "kliniek Den Haag".
_BRANCH_KINDS = "kliniek wijkteam woonvorm team locatie vestiging regio"
_BRANCH_AND_TOWN = re.compile(
    r"(?:"
    + patterns.word_alternation(_BRANCH_KINDS)
    + r")[ ]([A-ZÀ-Þ][\w'\u2019-]+(?:[ ][A-ZÀ-Þ][\w'\u2019-]+)?)"
)
# A capitalised word (a house, a person) right before a cue ("De Zon in Leiden").
_BRANCH_BEFORE = re.compile(r"(?<![\w-])(?:" + patterns.word_alternation(_BRANCH_KINDS) + r")[ ]\Z")
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w'-])[A-ZÀ-Þ][\w'\u2019-]+[ ]\Z")
# A part of town after "wijk", "route", "buurt" ("wijk Lombok", "de route Kanaleneiland"), one
# capitalised word with no capitalised word after it.
_DISTRICT_AFTER_CUE = patterns.gated(
    "[wrb]",
    re.compile(
        r"(?<![\w-])(?:wijk|route|buurt)[ ]([A-ZÀ-Þ][a-zà-ÿ'\u2019-]{3,})(?![\w'\u2019-])"
        r"(?![ ][A-ZÀ-Þ0-9])"
    ),
)
# Where someone comes from, told by the word after the place: "uit Homs oorspronkelijk",
# "van Curaçao afkomstig".
_PLACE_BEFORE_ORIGIN = patterns.gated(
    "[uv]",
    re.compile(
        r"(?<![\w-])(?:uit|van)[ ]([A-ZÀ-Þ][a-zà-ÿçğışłńśźżąęćőřž'\u2019-]{2,})[ ,]+"
        r"(?i:oorspronkelijk|afkomstig)(?![\w-])"
    ),
)
# Countries by their ending ("Syrië", "Turkije", "Nederland", "Afghanistan"): no place.
# ("Syrië", "Turkije", "Polen"'s neighbours "Duitsland", "Afghanistan", "Eritrea",
# "Oekraïne"); a diaeresis marks a foreign country far more often than a town.
_COUNTRY_ENDING = re.compile(r"(?:ije|land|stan|ea)$|[ëï]")
# Words before the cue that make it a system, a record or a stay: "staat in HiX",
# "ingevoerd in Triaspect", "opgenomen in ...", "ontslag uit ...".
_NOT_PLACE_BEFORE = re.compile(
    r"(?i:staat|staan|stond|zet|zetten|gezet|ingevoerd|genoteerd|geregistreerd|vastgelegd"
    r"|registratie|opgenomen|opname|ontslag|ontslagen|overgeplaatst|bevallen|partus|ligt"
    r"|verwezen|zit|werkt|stage|gebeld|mail|app|autocomplete)\W*(?:\w+\W+){0,2}$"
)
# "naar" takes a place only after a word of travel or moving ("terug naar", "vakantie naar").
_TRAVEL_BEFORE = re.compile(
    r"(?i:terug|vakantie|bruiloft|heimwee|verhuist|verhuisd|verhuizen|reist|reizen|reis|vlucht"
    r"|gevlucht"
    r"|emigreert|geëmigreerd|vertrekt|vertrokken|familie|huis)\W*(?:\w+\W+){0,2}$"
)
# After a bare "in", "uit" or "te" a word no list knows is a place only with a word of
# living, family, origin or travel shortly before it ("woont in", "dochter ... in", "komt
# uit", "geboren te", "gevlucht uit", "vakantie in"): without one it is as often an app, a
# program, a folder or an infinitive ("in Outlook", "uit Excel", "map te Archiveren").
_LIVING_BEFORE = re.compile(
    r"(?i:\bwoon\w*|\bwon(?:en|end|ende|ing)\b|verblijf\w*|verblijft|geboren|opgegroeid"
    r"|getogen|terug|vakantie|bruiloft|begrafenis|uitvaart|verhuis\w*|verhuisd"
    r"|reis\w*|reist|vlucht\w*|gevlucht|emigr\w+|geëmigreerd|vertrek\w*|vertrokken|gevestigd"
    r"|familie\w*|ouders|vader|moeder|zoon|dochter|kleinzoon|kleindochter|kinderen|broer|zus"
    r"|zuster|oom|tante|neef|nicht|opa|oma|grootouders|partner|echtgeno\w+|vriend\w*"
    r"|lives?|lived|living|born|family|moved)\b\W*(?:[\w']+\W+){0,4}$"
)
# Before "uit" a word of coming from too ("komt uit", "afkomstig uit", "was gekomen"... "uit").
_ORIGIN_BEFORE = re.compile(
    r"(?<![\w-])(?i:afkomstig|komt|kwam|kwamen|komen|gekomen|from)\b\W*(?:[\w']+\W+){0,4}$"
)
# A listed place opening a sentence or a clause ("Best onrustig", "Putten uit ...",
# "Rondvraag - Bergen was ...") with a lower-case word after it is an ordinary word there
# (an adverb, a verb, a noun); a place opening a sentence stands alone ("Venlo, 20 januari").
# (Not a particle of a longer place: "Bergen op Zoom", "Alphen aan den Rijn".)
_LOWER_WORD_AFTER = re.compile(
    r"[ ]+(?!(?:op|aan|a/d|den|der|ter|ten|in|bij|onder|boven|over)(?![\w/]))[a-zà-ÿ]"
)
# ... unless that word is a verb of which the place is the subject ("Zwolle vindt ze ...",
# "Zwolle is ..."): a finite verb ends in -t or is one of the short irregular forms.
_FINITE_VERB_AFTER = re.compile(
    r"[ ]+(?:(?!(?:nooit|niet|ooit|uit|net|echt|slecht|licht|vlot|laat|dicht|eerst|meest)\b)"
    r"[a-zà-ÿ]+t|is|was|had|kan|kon|zal|zou|wil|mag|werd|ging|kwam|lag|zat|bleef|gaf|ziet)\b"
)
# "dan" and an object or adverb after a sentence's first word: that word is an order
# ("Schakel dan de arts in", "Bel dan direct"); a name opening a sentence has its verb next.
_IMPERATIVE_THEN = re.compile(
    r"[ ]dan[ ](?:de|het|een|u|je|jij|dit|dat|direct|eerst|altijd|even)(?![\w-])"
)
# Round 23 (clean23): an article or "u" and a lower-case word after a word opening a
# sentence, perhaps after an adverb ("Pak de tillift", "Spoel de sonde", "Haak eerst de
# lussen in", "Was uw handen"): the word is a verb that orders, not a surname.
_OBJECT_AFTER_ORDER = re.compile(
    r"[ ](?:(?:eerst|nu|even|altijd|nooit|direct|meteen|daarna|voorzichtig|rustig)[ ])?"
    r"(?:de|het|een|u|uw|uzelf|jezelf|deze|dit)[ ][a-zà-ÿ]"
)
# Round 24 (clean24): the same for a preposition and a lower-case word after it ("Remmen van
# bed en stoel vast", "Koel bij zwelling", "Valk op het dak"): a surname opening a sentence
# has its verb next, so the first word is a noun or an order.
_PREPOSITION_AFTER_WORD = re.compile(
    r"[ ](?:op|bij|van|aan|met|in|onder|tijdens|zonder|tegen)[ ][a-zà-ÿ]"
)
# ... unless a participle ends the clause: then a note names whom it helped ("Bakker een
# kop koffie gegeven", "Visser de medicatie aangereikt").
_PARTICIPLE_IN_CLAUSE = re.compile(r"[^.!?\n,;:]*?(?<![\w-])[a-zà-ÿ]*ge[a-zà-ÿ]+(?:d|t|en)\b")
# "... van de week" after a sentence's first word: a regular item ("Tip van de week").
_OF_THE_PERIOD = re.compile(r"[ ]van[ ](?:de|het)[ ](?:dag|week|maand|jaar)(?![\w-])")
# Colours, which are surnames too ("Zwart", "Groen"): what a report sees ("Zwart gekleurde
# ontlasting", "Groen slijm opgehoest") when no verb follows.
_COLOURS = frozenset("zwart wit groen rood geel bruin blauw grijs paars roze".split())  # noqa: SIM905
# "gekleurde", and "verkleurde" (a participle without "ge-"): "Zwart verkleurde teen".
_PARTICIPLE_AFTER = re.compile(r"[ ]+(?:ge[a-zà-ÿ]+|verkleur)(?:de|te)[ ]")
# ... or a verb in the past tense ("Hulsing belde", "Hulsing zorgde").
_PAST_VERB_AFTER = re.compile(r"[ ]+[a-zà-ÿ]+(?:de|te|den|ten)\b")
_DASH_BEFORE = re.compile(r"[\u2013-][ \t]+$")
# ... nor before a part of town ("Hoogeveen centrum, 7 cliënten", "Leeuwarden noord").
_PART_OF_TOWN = r"(?:noord|zuid)(?:oost|west)?|oost|west|midden|centrum"
_PART_OF_TOWN_AFTER = re.compile(r"[ ]+(?:" + _PART_OF_TOWN + r")(?![\w-])")
_PART_OF_TOWN_WORD = re.compile(r"(?i:" + _PART_OF_TOWN + r")")
# A time after a number: "Fleur 21:05:" is who writes in a chat and when.
_CLOCK_AFTER_NUMBER = re.compile(r"[:.][0-5]\d(?!\d)")
# The place at the end of what deduce read as one address ("Nieuwstraat 5 Raalte").
_PLACE_AFTER_HOUSE_NUMBER = re.compile(
    r"(?<=\d)[A-Za-z]?,?[ ]+([A-ZÀ-Þ][a-zà-ÿ'-]+(?:[ ][A-ZÀ-Þ][a-zà-ÿ'-]+)?)$"
)
# A number with a unit of time or measure after it is no house number ("Roer 30 seconden").
_QUANTITY_AFTER_NUMBER = patterns.QUANTITY_AFTER_NUMBER
# A word after the end of a sentence or an item's number on the same line, before a colon or
# a dash ("... vast in het ECD. Tip: ...", "2. Scholing - iedereen ..."), heads what follows:
# no name (who speaks in a chat opens the line itself: "Bakker: ...").
_SENTENCE_END_ON_LINE = re.compile(r"[^\s][.!?][ \t]+$|(?m:^[ \t]*\d{1,2}[.)][ \t]+$)")
_LABEL_AFTER = re.compile(r"[ \t]*:(?=[ \t])|[ \t]+[\u2013-][ \t]")
# A lower-case word right before a one-word name that is a common word too: unless it is a
# form of address ("mevrouw Vos"), the word is no name ("naar Engels", "spreekt goed Engels").
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w.])([a-z]+)[ ]$")
_WORDS_OF_ADDRESS = frozenset(
    (
        "heer",
        "meneer",
        "mijnheer",
        "mevrouw",
        "juffrouw",
        "zuster",
        "broeder",
        "dokter",
        "geachte",
        "beste",
        "lieve",
    )
)
# An English sentence ("a child psychologist in London"): the bare cue stays enough there.
_ENGLISH_BEFORE = re.compile(r"\b(?:[Tt]he|and|am|are|who|with|I)\b")
_PLACE_AFTER_POSTCODE_CAPITALS = patterns.gated(
    r"\d",
    re.compile(
        r"(?<![\w])[1-9]\d{3}[ ]?([A-Z]{2}),?[ ]+([A-Z][a-zà-ÿ'-]{2,}(?:[ ][A-Z][a-zà-ÿ'-]{2,})?)"
        r"(?=[ ]*(?:[.,;:)]|\n|$))"
    ),
)
_PLACE_AFTER_WORD = patterns.gated(
    "[tiunbw]",
    re.compile(r"\b(?:te|in|uit|naar|bij|woont in)\s+([A-Z][\w'-]+(?:[ -][A-Z][\w'-]+)?)"),
)
# The runs of letters and digits ([^\W_]+) of six or more: whole runs only, since a scan
# reaches a run at its first character and a shorter run cannot match.
_LONG_WORD = re.compile(r"[^\W_]{6,}")
# Greetings and thanks in lower case, as a chat opens a message ("hee roos", "hi daan"): no
# first name before a surname, though a list holds the word as one.
_LOWER_GREETINGS = frozenset(
    ("hee", "heey", "hey", "hoi", "hoii", "hi", "hai", "hallo", "dag", "doei", "thx", "thanks")
)
# Round 25: a known first name in lower case after a greeting or thanks opening a line or a
# message, before a comma, "!", "?", an emoji or the line's end ("Hoi ineke, ...",
# "Goedemorgen sanne!"), in any text, not in chats only; and a name mentioned with "@"
# ("@joyce kun je kijken?"), no e-mail address.
_LOWER_NAME_AFTER_GREETING = patterns.gated(
    "(?i:[hgdbt])",
    re.compile(
        r"(?:^|(?<=\n)|(?<=: ))(?i:hoi|hallo|hey|hee|hi|hai|dag|goedemorgen|goeiemorgen"
        r"|goedemiddag|goedenavond|thx|thanks|bedankt|dank je|dankjewel|top)[ ]+("
        + patterns.LOWER_LETTER
        + r"{2,}(?:-"
        + patterns.LOWER_LETTER
        + r"{2,})?)[ ]*(?=[,!?]|\n|$|[\u2600-\u27bf\U0001f300-\U0001faff])"
    ),
)
_AT_NAME = re.compile(r"(?<![\w.@])@(" + patterns.LOWER_LETTER + r"{2,}|[A-Z][a-z]+)(?![\w@.-])")
# Round 25: stock names of Dutch idiom, no person ("Jan Modaal", "Jan en alleman", "Klaas
# Vaak", "Jantje Beton"): a closed class, listed whole. Tried only where a name found opens.
_STOCK_NAME = re.compile(
    r"(?i:jan[ ](?:modaal|en[ ]alleman|met[ ]de[ ]pet|publiek|soldaat|lul|doedel|boezeroen"
    r"|klaassen(?:[ ]en[ ]katrijn)?|rap[ ]en[ ]z'n[ ]maat)|klaas[ ]vaak|jantje[ ]beton"
    r"|joost[ ]mag[ ]het[ ]weten|piet[ ]snot)(?![\w-])"
)
_STOCK_NAME_HEADS = frozenset(("jan", "klaas", "jantje", "joost", "piet"))
# Round 25: wards, groups and living rooms named after a tree, flower or bird that is also a
# first name or a surname ("groep Beuk", "huiskamer De Merel", "De Merel en de Zwaluw"): a
# closed class of nature words, dropped as a name after a ward word, or after "De" with no
# form of address before it.
_NATURE_WARD_WORDS = frozenset(
    """merel roos linde iris lelie jasmijn madelief heide hazel berk beuk eik els wilg den
    vink mees zwaan valk kievit reiger lijster specht uil zwaluw meeuw roodborst klaproos tulp
    narcis anemoon zonnebloem vlinder vlinders lavendel hortensia magnolia esdoorn kastanje
    populier olijf ekster wielewaal""".split()  # noqa: SIM905
)
_WARD_WORD_BEFORE = re.compile(
    r"(?<![\w-])(?i:groep|woongroep|leefgroep|huiskamer|afdeling|afd\.|unit|paviljoen|vleugel"
    r"|kamer)[ ]+(?:(?i:de|het)[ ]+)?$"
)
_ARTICLE_DE_BEFORE = re.compile(r"(?:^|(?<=[\s(]))[Dd]e[ ]$")
_ADDRESS_BEFORE_ARTICLE = re.compile(
    r"(?<![\w-])(?i:dhr|mw|mevr|mevrouw|meneer|mijnheer|heer|familie|fam|dr|mr|juf|meester)\.?"
    r"[ ]+[Dd]e[ ]$"
)
# Two lower-case words side by side (overlapping pairs: the second word starts the next one).
_LOWER_PAIR = re.compile(
    r"(?<![\w-])([a-zà-ÿ]{2,}(?:-[a-zà-ÿ]+)?)(?= ("
    + patterns.LOWER_LETTER
    + r"{2,}(?:-"
    + patterns.LOWER_LETTER
    + r"+)?)(?![\w-]))"
)


# -- Names from a person cue (greetings, signatures, kinship, speaking verbs) ---------------
# A word no list knows as a name is still one where the text says it is a person: after a
# greeting opening a line ("Beste Sjoerdje,"), as the first line after a closing ("Met
# vriendelijke groet,\nTeun Gravemaker"), after "roepnaam"/"bijnaam", after a kinship word
# in the diminutive ("zusje Ilse"), before a verb of speaking ("Wietske zegt"), after the
# label of a person in a form ("Cliënt: Olek Baranowski (41)"), after a title with an
# initial of any alphabet ("Dhr. Ö. Kaya"), initials after "cliënt", a word before "uit
# kamer 8". See docs/privacy-history.md, "Round 9a" (where these were added).
_NAME_PHRASE = (
    r"(" + _PART + r"(?:(?:[ ]" + _P + r")*[ ]" + _PART + r"|-(?:" + _P + r"-)?" + _PART
    + r"){0,3})"
)  # fmt: skip
# The words for a person in a form or a note ("Cliënt: ...", "bewoner K.M."): one list for
# the rules that take a name or initials after them.
_PERSON_WORDS = (
    r"cliënte?|client|patiënte?|patient|bewoner|bewoonster"
    # Round 24: the person a youth or welfare note is about ("Jongere: Filmon Tesfay").
    r"|jongere|pleegkind|minderjarige|zorgvrager|hulpvrager"
)
# Round 22: people a school or a training writes about ("Student: Amanuel Tesfay").
_LEARNER_WORDS = r"studente?|leerling|cursist|stagiaire?|deelneemster"
# The closings of a letter or a message, and the adjectives before "groet": one list for
# the rules that take the name on the line under them.
_CLOSING_ADJECTIVES = r"vriendelijke|hartelijke|lieve"
_CLOSING_WORDS = r"groet(?:en|jes)?|mvg|gr\.?"
# Kept apart: "warme groet", "collegiale groet" only before a capitalised name, and "doei",
# "liefs" only before a lower-case first name (as each rule was made; taking them in the
# other rule too would change what it finds).
_FORMAL_CLOSING_ADJECTIVES = r"warme|collegiale"
_CHAT_CLOSING_WORDS = r"doei|liefs"
_NAME_AFTER_GREETING = patterns.gated(
    "[BLHDG]",
    re.compile(
        r"(?:^|(?<=\n)|(?<=: ))(?:Beste|Lieve|Hoi|Hallo|Hey|Hee|Hi|Dag|Goedemorgen|Goeiemorgen"
        r"|Goedemiddag|Goedenavond)[ ]+" + _NAME_PHRASE + r"[ ]*(?=[,!]|\n|$)"
    ),
)
_NAME_UNDER_CLOSING = re.compile(
    r"(?im:^(?:met[ ]+)?(?:(?:"
    + _CLOSING_ADJECTIVES
    + "|"
    + _FORMAL_CLOSING_ADJECTIVES
    + r")[ ]+)?(?:"
    + _CLOSING_WORDS
    + r")[ \t]*,?[ \t]*\n(?:[ \t]*\n)?[ \t]*)"
    r"((?:[A-Z]\.[ ]?){0,4}" + _NAME_PHRASE[1:] + r"[ \t]*(?=(,[ ]*[a-zà-ÿ])|,|\n|$)"
)
_NICKNAME = patterns.gated(
    "(?i:[rbgndhz])",
    re.compile(
        r"(?<![\w-])(?i:roepnaam|bijnaam|genaamd|noemt zich"
        # "haar broer belt, die heet Dawit": a person's name after "heet" and a pronoun
        r"|(?:die|hij|ze|zij)[ ]heet(?:te)?)[ :]+(" + _PART + r")(?![\w-])"
    ),
)
_NAME_AFTER_KIN = patterns.gated(
    "(?i:[zbdnkhstv])",
    re.compile(
        r"(?<![\w-])(?i:zusje|broertje|zoontje|dochtertje|neefje|nichtje|kleinzoontje"
        r"|kleindochtertje|halfbroer|halfzus|stiefzoon|stiefdochter|tweelingbroer|tweelingzus"
        r"|vriendje|vriendinnetje|baby|pasgeborene)[ ]+(" + _PART + r")(?![\w-])"
    ),
)
# Family and partners ("haar dochter shaienne" in a message: see _KIN_WORD) ...
_KIN = (
    r"zoon|dochter|broer|zus|moeder|vader|man|vrouw|echtgenoot|echtgenote|partner|vriend"
    r"|vriendin|schoonzoon|schoondochter|kleinzoon|kleindochter|nicht|neef|tante|oom|opa|oma"
)
# ... and the other people around a client who stand beside a name in brackets.
_RELATIONS = (
    _KIN
    + r"|zuster|buurman|buurvrouw|schoonmoeder|schoonvader|stiefvader|stiefmoeder"
    + r"|mantelzorger|contactpersoon|mentor"
)
# A relation in brackets after a name, or a name in brackets after a relation: "Hendra
# (neef) brengt haar", "Mentor belt moeder (Olena)". One scan, from the bracket.
_RELATION_IN_BRACKETS = patterns.gated("[(]", re.compile(r"\((?i:" + _RELATIONS + r")\)"))
_NAME_AFTER_RELATION = patterns.gated(
    "(?i:[nzbdmvotpeksc])",
    re.compile(r"(?<![\w-])(?i:" + _RELATIONS + r")[ ]\((" + _PART + r")\)"),
)
# Who introduces themselves: "ik ben Oksana, dochter van ...", "Mijn naam is Rahaf."
_SELF_INTRODUCTION = patterns.gated(
    "(?i:[im])",
    re.compile(
        r"(?<![\w-])(?i:ik[ ]ben|ik[ ]heet|mijn[ ]naam[ ]is)[ ]+"
        + _NAME_PHRASE
        + r"(?=[ ]*[,.!]|\n)"
    ),
)
# Verbs of speaking, for this scan and for a place that is also a first name after them
# (_AFTER_SPEAKING: "zei Stein").
_SPEAKING_WORDS = "zegt|zei|vertelt|vertelde|vraagt|vroeg|riep|antwoordde"
# (the scan looks for the verb; the word before it is checked there only)
_SPEAKING_VERB = re.compile(
    r" (?:" + _SPEAKING_WORDS + r"|belde|belt|appte|appt|mailde|antwoordt"
    r"|huilt|huilde|lacht|lachte|roept|deed[ ]open|doet[ ]open)(?![\w-])"
)
_MESSAGE_LINE = re.compile(r"(?m)^[A-Za-zÀ-ÿ]{2,20}:[ ]")  # "Merel: ja klopt"
_KIN_WORD = re.compile(r"(?i:" + _KIN + r")")
# Round 23: "van" before a first name and a surname after a role ("buurvrouw van Henk
# Zwartjes"): a preposition, no particle of the name (group 1: the first name).
_VAN_BEFORE_FIRST_NAME = re.compile(
    r"van[ ]+(?=([A-Z][a-zà-ÿ]+)[ ]+(?:(?:van|de|der|den|ter|te)[ ]+)*[A-Z])"
)
# Round 23: the parts of a town a practice is named after ("HA Oost", "HA Centrum").
_COMPASS_WORDS = frozenset("noord zuid oost west centrum".split())  # noqa: SIM905
# Round 23: a lower-case word opening a clause (after a line start, a list's dash or a
# comma) before another lower-case word: "- mw is 81, ola tolkt meestal".
_CLAUSE_OPENING_WORD = re.compile(
    r"(?:^|(?<=[\n,;])|(?<=[-\u2022][ ]))[ ]*([a-zà-ÿ]{3,})[ ][a-z]", re.M
)
_POSSESSIVE_BEFORE = re.compile(r"(?<![\w-])(?i:mijn|haar|zijn|z'n|d'r|hun|uw)[ ]\Z")
# "intake Rahaf Al-Khatib": a word and a surname joined to an Arabic particle by a hyphen.
_ARABIC_HYPHEN_NAME = patterns.gated(
    "[A-Z]",
    re.compile(
        r"(?<![\w'-])([A-Z][a-zà-ÿ]{2,}[ ])?((?:Al|El|Abu|Ben|Bin|Ait)-[A-Z][a-zà-ÿ]{2,})(?![\w-])"
    ),
)
_LOWER_WORD_AT_END = re.compile(r"(?<![\w'.@/-])([a-zà-ÿçğışłńśźżąęćőřž]{3,})$")
_NAME_WORD_AT_END = re.compile(r"(?<![\w'.-])(" + _PART + r")$")
# Round 24: a nickname in quotes after the first name of a form's name ("Cliënt: Rudsel
# "Rudy" Martina"); the checks of a phrase read it without the nickname.
# The quotes that open and close a nickname ("Kevin 'Kev' Tjon A Fong", "Rudsel "Rudy"
# Martina"): one pair of classes for every rule that reads one.
_OPEN_QUOTE = "['\u2018\"\u201c]"
_CLOSE_QUOTE = "['\u2019\"\u201d]"
_QUOTED_NICK = r"[ ]" + _OPEN_QUOTE + _PART + _CLOSE_QUOTE
_QUOTED_NICK_AFTER_FIRST = r"(?:" + _QUOTED_NICK + r")?"
_QUOTED_NICK_IN_PHRASE = re.compile(_QUOTED_NICK)
# Round 24: a person's whole name before a comma and a word for a role or a job, as in a
# signature or a list of who was there ("Verslag door Chidi Okonkwo, ambulant begeleider";
# "Tesfu Abraha, wijkverpleegkundige"). One lower-case word may stand before the role.
_PLAIN_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_]*(?:-[^\W\d_]+)*")
# (It opens with a literal comma, which the regex engine finds fast by itself.)
_COMMA_ROLE_AFTER_NAME = re.compile(
    r",[ ](?:[a-z][a-z-]+[ ])?(?i:" + patterns.ROLE_WORDS + r")(?![\w-])"
)
_NAME_AFTER_PERSON_LABEL = re.compile(
    r"(?im:^(?:"
    + _PERSON_WORDS
    + r"|betrokkene|aanwezig|aan|naam|cc|contactpersoon|melder|verwijzer|jeugdige|deelnemer"
    # the people of a maternity note ("Kraamvrouw: ...", "Kind: ...", round 25)
    + r"|kraamvrouw|zwangere|moeder|vader|kind|baby|zuigeling|pasgeborene"
    + r"|"
    + _LEARNER_WORDS
    + r")"
    r"[ \t]*:[ \t]*)"
    r"((?:[A-Z]\.[ ]?){0,4}" + _PART + _QUOTED_NICK_AFTER_FIRST + _NAME_PHRASE[1 + len(_PART) :]
    + r"(?=[ \t]*(\([ ]?\d|,[ ]*\d|[(,;\n]|$))"
)  # fmt: skip
_PERSON_LABEL_WORD = re.compile(
    r"(?i:[ \t]*(?:" + _PERSON_WORDS + r"|jeugdige|deelnemer|naam|" + _LEARNER_WORDS + r")[ \t]*:)"
)
# A first name between commas after a person addressed by a title and before an age, as
# a roll call in a handover does: "de heer Tesfamariam, Yonas, 45, nieuw in zorg".
_FIRST_NAME_BEFORE_AGE = patterns.gated(
    "(?i:[hmd])",
    re.compile(
        r"(?<![\w-])(?i:heer|meneer|mevrouw|dhr\.?|mw\.?|mevr\.?)[ ]+(?:"
        + _P
        + r"[ ])*"
        + _PART
        + r",[ ]("
        + _PART
        + r"),[ ](?:[1-9]\d?|1[01]\d)(?:[ ]jaar)?[,;.]"
    ),
)
# An initial joined by "en" to initials and a surname: two people of one family ("Ouders
# (M. en J. van Beers)"), the first by an initial alone.
_INITIAL_AND_NAME = patterns.gated(
    "[A-Z]",
    re.compile(
        r"(?<![\w.])([A-Z]\.)[ ]en[ ](?=(?:[A-Z]\.[ ]?){1,4}[ ]?(?:" + _P + r"[ ])*[A-Z][a-zà-ÿ])"
    ),
)
_TITLE_INITIALS_NAME = patterns.gated(
    "(?i:[dm])",
    re.compile(
        r"(?<![\w-])(?i:" + patterns.word_alternation(patterns.FORMS_OF_ADDRESS) + r")\.?[ ]+"
        r"((?:[^\W\d_a-zà-ÿ]\.[ ]?){1,4}(?:" + _P + r"[ ]+){0,3}" + _PART + r")"
    ),
)
# Pieces that every match of a scan above or below holds: a quick search for the piece (a
# plain character first, which the regex engine skips to in C) spares the scan of a text
# without it. _INITIALS_AFTER_PERSON and patterns.INITIALS_ALONE: two initials (after
# white space or none); _FIRST_NAME_BEFORE_AGE: its end; _TITLE_INITIALS_NAME: its first
# initial; _INITIALS_NICK_SURNAME: its last initial and the bracket; _INITIAL_AND_NAME:
# "M. en J.".
_TWO_INITIALS = re.compile(r"[A-Z]\.\s?[A-Z]\.")
_AGE_BETWEEN_COMMAS = re.compile(r",[ ](?:[1-9]\d?|1[01]\d)(?:[ ]jaar)?[,;.]")
_CAPITAL_INITIAL = re.compile(r"[^\W\d_a-zà-ÿ]\.")
_INITIAL_BRACKET = re.compile(r"[A-Z]\.[ ]?[ ]?\(")
_INITIAL_EN_INITIAL = re.compile(r"[A-Z]\.[ ]en[ ][A-Z]\.")
# Groups and services that speak or call like a person ("Politie belde"): never a name.
# (Verbs that organisations and results use too, "meldt", "geeft aan", "laat weten", are
# left out of _SPEAKING_VERB: "Insuline gaf aan ...".)
_NOT_PERSONS = frozenset(
    """politie brandweer ambulance receptie planning secretariaat familie ouders kinderen
    buren iemand niemand iedereen men allen collega collega's team jullie u""".split()  # noqa: SIM905
)
# Initials right after a person word: "cliënt K.M.", also initials that read as an
# abbreviation elsewhere ("A.D."), but not an abbreviation that follows a noun ("o.a.").
_INITIALS_AFTER_PERSON = patterns.gated(
    "(?i:[cpbdm])",
    re.compile(
        r"(?<![\w-])(?i:"
        + _PERSON_WORDS
        + "|"
        + patterns.word_alternation(patterns.FORMS_OF_ADDRESS)
        + r")\.?[ ]+((?:[A-Z]\.[ ]?){1,3}[A-Z]\.)(?![\w.]|[ ]?[A-Z][a-z])"
    ),
)
_ABBREVIATIONS_AFTER_NOUN = frozenset(
    """O.A. E.A. E.D. C.Q. I.V.M. N.V.T. Z.S.M. A.U.B. T.Z.T. D.W.Z. N.B. P.S. O.K. I.O.M.
    I.S.M. M.B.T. T.A.V. I.P.V. T.B.V. M.I.V. N.A.V. V.G. M.V.G.""".split()  # noqa: SIM905
)
# A person named by a room: "wiktor uit kamer 8", "Jolanda van kamer 12".
_NAME_BEFORE_ROOM = re.compile(r"(?<![\w'-])([^\W\d_]{3,})[ ](?:uit|van)[ ]kamer[ ]?\d")
_ROOM_NUMBER = re.compile(r"kamer[ ]?\d")


def _room_after_cue(text: str) -> bool:
    """Whether " uit kamer 3" or " van kamer 3" stands in the text, as every _NAME_BEFORE_ROOM
    match has: a quick look for "kamer" and a number, before the scan that tries every word."""
    return "kamer" in text and any(
        text[m.start() - 5 : m.start()] in (" uit ", " van ") for m in _ROOM_NUMBER.finditer(text)
    )


_LEFT_INITIALS_PARTICLES = re.compile(r"(?<![\w.])((?:[A-Z]\.[ ]?){1,5})[ ]?((?:" + _P + r"[ ])+)$")
_PARTICLE_ENDS = tuple(sorted(_PARTICLE_PIECES))


# A kind word in lower case and "van" before the name: "de fysio van Zorggroep Zonnehof" is
# someone's physiotherapist; the organisation is what follows "van".
_LOWER_KIND_OF = re.compile(r"[a-zà-ÿ][\w-]*[ \t]+van[ \t]+(?=[A-ZÀ-Þ])")


def _after_lower_kind_of(text: str, candidate: Candidate) -> Candidate:
    """The candidate without a leading kind word in lower case and "van" (see above)."""
    m = _LOWER_KIND_OF.match(text, candidate.start, candidate.end)
    if m is None:
        return candidate
    return Candidate(m.end(), candidate.end, candidate.label, candidate.reason, candidate.priority)


# A place that is also a first name, where a verb says a person stands: the subject at the
# start of a sentence ("Lisse belde vanochtend"), or after a verb of speaking ("zei Stein").
# Only words that deduce's lists hold as a first name and a place are taken (in _cue_names).
_PERSON_VERBS = _SPEAKING_WORDS + r"|belde|belt|huilde|huilt|lachte|lacht|sliep|slaapt|voelde|voelt"
# Round 22 (speed22): a Gated scan, so its verbs are found by the one scan of
# patterns._TRIGGERS (its leads) instead of a search entering the pattern at every word.
_PERSON_VERB = patterns.gated(
    "[abhlrsvz]", re.compile(r"(?<![\w-])(?:" + _PERSON_VERBS + r")(?![\w-])")
)
# Round 23 (speed23): the two scans below open with look-behinds, which made a plain scan
# enter them at every position (0.4 ms each at 5,000 characters); gated, the first is
# entered at capitals only, the second matched where its verbs stand (its leads).
_SUBJECT_OF_PERSON_VERB = patterns.gated(
    "[A-ZÀ-Þ]",
    re.compile(
        r"(?:^|(?<=[.!?][ ])|(?<=\n))([A-ZÀ-Þ][a-zà-ÿ]+)[ ](?:" + _PERSON_VERBS + r")(?![\w-])",
        re.MULTILINE,
    ),
)
_AFTER_SPEAKING = patterns.gated(
    "[avrz]",
    re.compile(r"(?<![\w-])(?:" + _SPEAKING_WORDS + r")[ ]([A-ZÀ-Þ][a-zà-ÿ]+)(?![\w-])"),
)


def _left_initials_particles(window: str) -> re.Match[str] | None:
    """``_LEFT_INITIALS_PARTICLES.search(window)``, without the search where it cannot match:
    a match holds an initial's full stop, and its last particle ends the last word before
    the space at the window's end (after a space or an initial's full stop: "J.van "). A
    word with a letter outside ASCII may match a particle ignoring case: it is searched."""
    if "." not in window:
        return None
    last = window.rstrip().rsplit(None, 1)
    if last and last[-1].isascii() and not last[-1].lower().endswith(_PARTICLE_ENDS):
        return None
    return _LEFT_INITIALS_PARTICLES.search(window)


# -- Names by a short title, a bracket, an age or role in brackets, a foreign letter --------
# (docs/privacy-history.md, "Round 10b")
# A bracket inside a name: "P.J. (Pieter) Dekker", "Kees (C.W.) Bakhuis": initials or a first
# name, a nickname or initials in brackets, then the found surname.
_LEFT_BRACKET = re.compile(
    r"(?<![\w.])((?:[A-Z]\.[ ]?){1,5}|" + _PART + r")[ ]\((" + _PART + r"|(?:[A-Z]\.){1,5})\)[ ]$"
)
# "Gerritdina B. Hofstee": a first name that no list holds before one initial and a surname.
_MIDDLE_INITIAL = re.compile(r"[A-Z]\.[ ][A-Z]")
_NAME_WORD_BEFORE_SPACE = re.compile(r"(?<![\w'.-])(" + _PART + r")[ ]$")
# "mnr Oukili", "hr. Van Tuyl": short titles that TITLE_NAME does not hold.
_SHORT_TITLE_NAME = patterns.gated(
    "(?i:[mh])",
    re.compile(
        r"(?<![\w-])(?:(?i:"
        + patterns.word_alternation(patterns.NOTE_FORMS_OF_ADDRESS)
        + r")|[Hh]r)\.?[ ]+((?:"
        + _P
        + r"[ ]+){0,3}"
        + _PART
        + r")(?![\w-])"
    ),
)
# A name before an age in years in brackets: "Liya Tesfamariam (17 jaar)", "(8 jr)".
_AGE_IN_YEARS_AFTER = re.compile(r"[ ]\((?:[1-9]\d?|1[01]\d)[ ]?(?:jaar|jr\.?)(?:\)|,)")
# A name before its role in brackets: "Anna Kowalczyk (ergotherapeut)", "(persoonlijk
# begeleider)": a lower-case role word of ROLE_WORDS or with an ending of a profession.
_ROLE_IN_BRACKETS = re.compile(
    r"[ ]\((?:[a-zà-ÿ]+[ ])?(?:" + patterns.ROLE_WORDS + r"|[a-zà-ÿ]+(?:kundige|therapeut"
    r"|arts|loog|loge|iste?|coach|coördinator|begeleider|begeleidster|verzorgende"
    r"|medewerker|medewerkster|manager|assistent|werker|consulent|deskundige|pedagoog))"
    r"(?:\)|,)"
)
# A word for the client and an age in brackets after a name: "Ilias (cliënt, 19)".
_CLIENT_AND_AGE_AFTER = re.compile(
    r"[ ]\((?i:" + _PERSON_WORDS + r"),[ ]?(?:[1-9]\d?|1[01]\d)(?:[ ]?(?:jaar|jr\.?))?\)"
)
# A nickname in brackets after a name: "Dimitar Petrov (bijnaam Mitko)".
_NICKNAME_IN_BRACKETS = re.compile(r"[ ]\((?i:bijnaam|roepnaam|alias|genaamd)[ :]")
# A job that is named after a sector: "Begeleider Wonen", "Medewerker Huisvesting".
_SECTOR_ROLE_BEFORE = re.compile(
    r"(?<![\w-])(?i:begeleider|begeleidster|medewerker|medewerkster|coördinator|consulent"
    r"|manager|teamleider|planner|coach|adviseur)[ ]+$"
)
# A word with a letter of Turkish, Polish, Czech or Hungarian spelling that Dutch words and
# loan words never have (not "ü", "ö", "ç": "müsli", "façade"): a name, also in lower case
# in a chat ("heeft iemand ayşe gezien?"). Not inside an e-mail address or a web address.
_STRICT_FOREIGN = "[şğıłńśźżąęćőřžŞĞİŁŃŚŹŻĄĘĆŐŘŽ]"
_STRICT_FOREIGN_LETTER = re.compile(_STRICT_FOREIGN)
_FOREIGN_WORD = re.compile(
    r"(?<![\w@./-])([^\W\d_]*" + _STRICT_FOREIGN + r"[^\W\d_]*)(?![\w@/]|\.[a-z])"
)
# A lower-case first name alone on the line after a closing: "Groetjes,\nlieke".
_LOWER_NAME_UNDER_CLOSING = re.compile(
    r"(?im:^(?:met[ ]+)?(?:(?:"
    + _CLOSING_ADJECTIVES
    + r")[ ]+)?(?:"
    + _CLOSING_WORDS
    + "|"
    + _CHAT_CLOSING_WORDS
    + r")[ \t]*[,!]?[ \t]*\n[ \t]*)([a-zà-ÿ]{2,})[ \t]*(?=\n|$)"
)
# Where a name in a list or after a preposition stands: "Aanwezig: X (...), Y (...)",
# "de indicatie van X (19 jaar)".
_LISTED_BEFORE = re.compile(
    r"(?:^|[,:;(\n][ \t]*|(?<![\w-])(?i:en|met|van|door|voor|bij|aan|naar)[ ]+)$"
)
_NAME_PHRASE_AT_END = re.compile(r"(?<![\w'.-])" + _NAME_PHRASE + r"$")
# What cannot follow a subject that opens a sentence (the verb comes second): an
# object, reflexive or indefinite pronoun, Dutch or English. Not "u"/"je" ("Joris u kunt
# bellen" calls him) nor an article ("Anouk de hele dag op bed": a note without a verb).
_NO_VERB_AFTER = re.compile(
    r"[ ](?:uzelf|jezelf|zich|hem|iets|niets|alles|your|it|this|them|the)(?![\w'-])"
)
_ENGLISH_TITLE_BEFORE = re.compile(r"(?<![\w-])(?:and|of|the)[ ]+$")
# Words of the name of a training or method ("Rots & Water", "Regulatie Op Maat").
_AMPERSAND_WORD_AFTER = re.compile(r"[ ]&[ ]([A-Z][a-zà-ÿ]+)(?![\w'-])")
_TITLE_PREPOSITION_BEFORE = re.compile(
    r"(?<![\w'-])[A-Z][a-zà-ÿ]+[ ](?:Op|In|Voor|Met|Zonder|Naar|Over|Aan|En)[ ]\Z"
)
# A capitalised word or an abbreviation right after a word opening a line ("Scholing BHV").
_NEXT_CAPITALISED_WORD = re.compile(r"[ ]([A-Z][A-Za-zà-ÿ]+)(?![\w'-])")
# AI and voice assistants whose names deduce lists as first names: what this platform's
# texts are about. Only where the text speaks of AI, a chatbot or a smart speaker.
_AI_ASSISTANTS = frozenset({"Alexa", "Bing", "Claude", "Siri"})
_AI_ASSISTANT_CUE = re.compile(
    r"(?<![\w-])(?:AI|(?i:chatgpt|chatbot\w*|taalmodel\w*|spraakassistent\w*|slimme speaker"
    r"|kunstmatige intelligentie|copilot|gemini|google|apple|amazon|microsoft|openai"
    r"|anthropic|prompt\w*|gpt[\w.-]*|llm|perplexity|mistral))(?![\w])"
)
_ABBREVIATION_AFTER = re.compile(r"\.[ ]?\d")
_SEPARABLE_PARTICLE_AFTER = re.compile(r"[ ](?:door|af|mee|terug|toe|aan|op|uit|in|na)(?![\w-])")
# Two people named together: "dank aan Henny en Gé" (a first name a list knows and one
# that it does not).
_NAME_AND_NAME = patterns.gated(
    "[A-Z]", re.compile(r"(?<![\w'-])([A-Z][a-zà-ÿ]+)[ ]en[ ]([A-Z][a-zà-ÿ]+)(?![\w'-])")
)
_KIND_AFTER = re.compile(r"[ ]+(?:" + patterns.INSTITUTION_KINDS + r")")
_PLACE_PREPOSITION_BEFORE = re.compile(r"(?<![\w-])(?i:in|naar|uit|te|vanuit|richting)[ ]\Z")
# A verb put before its subject (inversion), not a name in lower case in a chat: "die ken
# ik", "ken je iemand?". After a word that opens such a clause, or before a pronoun and an
# object ("sanne je bent" calls Sanne).
_INVERSION_OPENER_BEFORE = re.compile(
    r"(?<![\w-])(?i:die|dat|dit|wie|wat|waar|hoe|ook|dan|nu|toen|daar|hier|misschien|wel)[ ]\Z"
)
_SUBJECT_PRONOUN_AFTER = re.compile(r"[ ](?i:ik|je|jij|we|wij|jullie|u|ze|zij|hij)(?![\w'-])")
_OBJECT_AFTER_PRONOUN = re.compile(
    r"[ ](?i:ik|je|jij|we|wij|jullie|u)[ ](?i:iemand|iets|niemand|de|het|een|dat|die|dit|deze"
    r"|mij|me|hem|haar|ons|er|nog)(?![\w'-])"
)
# A numbered step or part as the label of an item: "- Stap 1:", "Fase 2 en 3:" (not a time:
# "Korteweg 09:12:" is who speaks).
_NUMBERED_LABEL_AFTER = re.compile(
    r"[ ]\d{1,2}[a-z]?(?:[ ]?(?:,|en|t/m|-|&)[ ]?\d{1,2}[a-z]?)*[ ]?:(?!\d)"
)
# The head of the name of a scale, test or index named after a person ("Berg Balance
# Scale", "Glasgow Coma Scale", "Tinetti test"): the name inside it is no person.
_INSTRUMENT_HEAD = re.compile(
    r"(?:^|[ -])(?i:scale|schaal|test|index|score|questionnaire|inventory|vragenlijst"
    r"|methode|method|syndroom|syndrome|disease|protocol|manoeuvre|maneuver|techniek)$"
)
_INSTRUMENT_AFTER = re.compile(
    r"(?:(?:[ ][A-Z][a-z]+){0,2}[ ](?:Scale|Schaal|Test|Index|Score|Questionnaire|Inventory"
    r"|Vragenlijst|Syndroom|Syndrome|Disease)|-(?i:schaal|test|index|score|syndroom)"
    # a grade or stage of a classification named after its authors: "Kellgren-Lawrence
    # graad 3", "Fontaine stadium II"
    r"|[ ](?i:graad|stadium|klasse)[ ]+(?:\d|[IV]+(?![\w-]))"
    # a model, method or grip named after its maker: "Kübler-Ross model", "Gordon-methode"
    r"|[ -](?:model|methode|greep|houding|classificatie|criteria|piramide))(?![\w-])"
)
# The same kind of name after its head: "het syndroom van Korsakov", "het model van Gordon",
# "de methode Hoogendijk", "de ziekte van Huntington". A person's own illness or method is
# written with a title or a possessive ("de ziekte van haar man", "van meneer Jansen").
_INSTRUMENT_BEFORE = re.compile(
    r"(?<![\w-])(?i:syndroom|ziekte|model|methode|theorie|piramide|schaal|greep|techniek)"
    r"[ ]+(?:van[ ]+)?\Z"
)
# A full stop after a word of three letters or more and a capital: a sentence ends inside
# what a list read as one name ("Hans Verschuren. Fleur").
_SENTENCE_END_IN_NAME = re.compile(r"(?<![\w.])([A-Za-zÀ-ÿ][a-zà-ÿ]{2,})\.[ ]+(?=[A-Z])")
# The minutes of a time after its hour ("Fleur 21:05:" in a chat): no house number.
_MINUTES_AFTER_HOUR = re.compile(r":[0-5]\d(?!\d)")
# A role at the end of a word ("Studentbegeleider", "Wijkverpleegkundige"), and what
# children call their parents and grandparents: labels of a chat that are no names.
_ROLE_AT_END = re.compile(r"(?i:" + patterns.ROLE_WORDS + r")$")
_FAMILY_CALLS = frozenset("mam mama pap papa ma pa mams paps oma opa omi opi".split())  # noqa: SIM905
# Endings of Dutch nouns that no first name has ("opmerking", "vrijheid", "informatie").
_NOUN_ENDINGS = ("ing", "heid", "tie", "teit", "schap", "nis", "isme")
# National chains of shops that lists hold as a name or an organisation. After an article
# ("boodschappen bij de Albert Heijn", "naar de Hema") they name the kind of shop around the
# corner, as "de bakker" does, and point to no one; without one ("werkt bij Albert Heijn")
# the shop may be an employer and stays.
_SHOP_CHAINS = frozenset(
    "Albert Heijn|Jumbo|Lidl|Aldi|Hema|HEMA|Kruidvat|Etos|Blokker|Primark|Ikea|IKEA".split("|")  # noqa: SIM905
)
# Round 25 (inst25): a kind of school before its name (a disease word may name a school).
_SCHOOL_KIND_BEFORE = re.compile(r"(?i:school|scholengemeenschap|college|lyceum|gymnasium)\Z")
# Round 25 (inst25): a chain and a street after it that a name scan read as one name.
_SHOP_CHAIN_BEFORE_STREET = re.compile(
    r"(?:" + "|".join(sorted(_SHOP_CHAINS, key=len, reverse=True)) + r")[ ](?:op|aan)[ ]"
)
# A job title written with capitals, as the heading of a role ("De Teamleider Zorg", "Hoofd
# Zorg", "De Diëtist"): a role word (or "Hoofd") and then only words of a field of care.
# A list or the organisation scan reads it as an organisation; it names no one.
_ROLE_TITLE_HEAD = re.compile(r"(?i:hoofd|" + patterns.ROLE_WORDS + r")")
_ROLE_TITLE_TAILS = frozenset(
    "zorg wonen welzijn vrijwilligers kwaliteit facilitair planning behandeling".split()  # noqa: SIM905
)
# A floor after its ordinal ("Printer 3e verdieping"): no house number after a street.
_FLOOR_AFTER = re.compile(r"[ ](?i:verdieping|etage|verd\.)")
# A brand or make before a product's name ("tillift merk Arjo"): a firm, no person.
_BRAND_WORD_BEFORE = re.compile(r"(?<![\w-])(?i:merk|fabrikaat|fabrikant)[ :]+$")
# A greeting that deduce took into the name after it ("Goedemorgen Sevda"): trimmed off.
# Also a closing or a word of thanks or assent before the name of the one greeted or who
# signs ("Groetjes Marloes", "Dag Soraya,", "Thanks Priya", "Oké Daan").
_GREETING_IN_NAME = re.compile(
    r"(?:Goedemorgen|Goeiemorgen|Goedemiddag|Goedenavond|Goedenacht|Welterusten|Hoi|Hoii"
    r"|Hallo|Hey|Heey|Hee|Hi|Hai|Beste|Lieve|Dag|Doei|Groetjes|Groeten|Groet|Grtjs|Gr|Liefs"
    r"|Mvg|Thanks|Thx|Thnx|Tnx|Dank|Bedankt|Oke|Oké|Prima|Fijn|Top|Super)[,]?[ ]+(?=\S)"
)
# The kind of a document as the first word of a heading before a name ("Sessieverslag
# Moleman Psychologie", "Ontslagbrief Jansen"): a compound noun, no part of the name.
_DOCUMENT_HEAD_IN_NAME = re.compile(
    r"[A-Z][a-zà-ÿ]*(?:verslag|brief|rapportage|notitie|overzicht|formulier)[ ]+(?=[A-Z])"
)
# Round 25 (inst25): the same kinds of document, and reports, notices, messages and a desk,
# before an organisation ("Incidentmelding Zuyderland", "Ontslagbericht Parnassia Groep").
_DOCUMENT_HEAD_IN_ORGANISATION = re.compile(
    r"(?:[A-Z][a-zà-ÿ]*(?:verslag|brief|rapportage|rapport|notitie|overzicht|formulier"
    r"|melding|bericht)|Rapportage|Verslag|Notitie|Secretariaat)[ ]+(?=[A-ZÀ-Þ])"
)
# A salutation to a group opening a letter: "Lieve vrijwilligers,", "Beste collega's!"
_GROUP_SALUTATION_AFTER = re.compile(
    r"[ ][a-zà-ÿ'\u2019]{3,}(?:[ ]allemaal)?[ ]*[,!:][ ]*(?:\n|\Z)"
)
# The same mid-line: a word for a group and a comma or "!" ("Lieve allemaal, bedankt voor
# ..."). A plural noun, "allemaal" or "team" right after a name is no verb: no sentence about
# a person opens so ("Lieve zegt, ..." stays a name).
_GROUP_WORD_SALUTATION_AFTER = re.compile(
    r"[ ](?:allemaal|iedereen|allen|team|[a-zà-ÿ]{2,}(?:en|ers|'s|\u2019s))[ ]*[,!]"
)
# An item of a numbered or bulleted list ("2. ", "- ") before a word and an article: the
# word is the verb of an instruction ("2. Spoel de sonde", "- Draai het wiel").
_ITEM_MARKER_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[-*\u2022\u2013]|\d{1,2}[.)])[ \t]*$")
_ARTICLE_AFTER = re.compile(r"[ ](?:de|het|een)[ ]+[a-zà-ÿ]")
# "op de" that some surnames open with ("op de Beek", "Op den Kamp") at the start of a found
# name: with no first name or form of address before it, it says where someone works or
# stays ("ik sta op de Linde", a ward), no one's name. Not "in de", "bij de": a house or an
# institution ("in de Hooge Hof") follows those, and is an identifier under another label.
_PREPOSITION_PARTICLE = re.compile(r"op[ ](?:de|den|het|'t)[ ]")
# A limit of age for a group in a protocol or a lesson ("Doelgroep: alle cliënten ouder dan
# 70 jaar", "mensen boven de 65"): a plural word for people, then the comparison right before
# the age. Of one person ("mevrouw is ouder dan 90") it stays an age.
_GROUP_AGE_LIMIT_BEFORE = re.compile(
    r"(?<![\w-])(?i:alle|cli[eë]nten|mensen|personen|ouderen|bewoners|pati[eë]nten|kinderen"
    r"|volwassenen|iedereen|vrouwen|mannen|jongeren)(?:[ ][\w-]+){0,2}[ ]"
    r"(?i:ouder[ ]dan|jonger[ ]dan|boven[ ]de|onder[ ]de|vanaf|tot)[ ]$"
)
# A letter that names a class after its noun ("rijbewijs C", "vitamine B", "hepatitis C",
# "groep A"), read with the next sentence's first word as an initial and a surname.
_LETTER_OF_A_CLASS = re.compile(r"[A-Z]\.[ ]+[A-Z]")
_CLASS_WORD_BEFORE = re.compile(
    r"(?<![\w-])(?i:rijbewijs|vitamine|hepatitis|type|groep|categorie|klasse|bijlage|blok"
    r"|fase|niveau|gebouw|vleugel|zorgzwaartepakket|zzp|wlz-profiel|profiel)[ ]+$"
)
# A department of a hospital by its speciality ("Polikliniek Dermatologie", "afdeling
# Geriatrie"): part of an institution, no institution on its own.
_HOSPITAL_DEPARTMENT_WORDS = frozenset(("polikliniek", "poli", "afdeling", "afd."))
# Parts of the day that open a sentence of a report ("Middag rustig"): no place.
_DAY_PARTS = frozenset("ochtend middag namiddag avond nacht".split())  # noqa: SIM905
_DATE_WORD_BEFORE = re.compile(
    r"(?<![\w-])(?i:op|vanaf|sinds|tot|t/m|per|d\.d\.|dd|datum|on|since|until)[ ]*:?[ ]*$"
)
# Words after which one capitalised word names a ward, a unit or a station, not a person
# ("unit Orion", "afd. Joachim", "station Alexander").
_UNIT_WORD_BEFORE = re.compile(
    r"(?<![\w-])(?i:afdeling|afd\.|unit|paviljoen|vleugel|station|halte|metrostation)[ ]+$"
)
# After "max"/"Max": an amount that is no age ("Max 5 zinnen", "max. 3 keer per dag"): the
# word is "maximaal", not the first name Max ("Max (5)" and "Max 5 jaar" stay names).
_AMOUNT_AFTER_MAX = re.compile(
    r"\.?[ ]?\d+(?:[.,]\d+)?[ ]?(?!(?i:jaar|jr|jarig|maand|mnd|mndn)(?![a-z]))[a-z%]"
)
# A lower-case article or demonstrative right before a span: "met de Sara Stedy" (a device).
_LOWER_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:de|het|een|die|deze|dat)[ ]$")
_RIGHT_HYPHEN_PARTICLE = re.compile(
    r"[ ](" + _P + r")-([A-Z]" + _PART[len(patterns.LETTER) :] + r")"
)


_LOWER_WORD = re.compile(r"(?<![\w'@.-])[^\W\d_A-Z]{3,}(?![\w'@-])")
# A pronoun or article right after a word opening a sentence: the word is a verb
# ("Weeg uzelf", "Bel de huisarts"), not a place.
_IMPERATIVE_OBJECT = re.compile(r"[ ](?:u|uzelf|je|jezelf|jij|zich|het|de|een|dit|dat)(?![\w-])")


_NUMBER_AFTER = re.compile(r"[ ]?\d")
# Round 22: a frequent word opening a sentence with a preposition next ("Leg in gewone taal
# uit", "Zet op papier") is an order, not a village of the same name.
_PREPOSITION_AFTER_ORDER = re.compile(r"[ ]+(?:in|op|aan|bij|onder|over|uit|neer)[ ]+[a-zà-ÿ]")
# Round 22: a word joined by a dash to a lower-case word for a unit of a house names the
# unit or its kind ("Korsakov-woonvorm", "Zonnebloem-afdeling"), not the house.
_UNIT_AFTER_DASH = re.compile(r"-(?:woonvorm|afdeling|unit|woongroep|groep|huiskamer)$")
# Round 22: a time that ends its line after a word: the line names who writes and when
# ("kees 21:47" above a message in an exported chat).
_CLOCK_ENDS_LINE = re.compile(r"[ ]\d{1,2}[:.]\d{2}[ \t]*(?:\n|$)")
# Round 22: a word of quantity right before a lower-case word makes it a thing ("veel roos
# en rode plekken", "geen mark te zien"), not a person in a chat.
_QUANTIFIER_BEFORE = re.compile(r"(?<![\w-])(?:veel|weinig|minder|geen|beetje|extra)[ ]+$")
# A bare number right after a word ("kamer 6", "bed 2", "kamer 1.14", "kamer 4b"), no word
# after its digits: "van der linden 3x gebeld", "de bruin 79jr" are names, a count, an age.
_BARE_NUMBER_AFTER = re.compile(
    r"[ ](?:\d+(?:[.-]\d+)?[a-h]?\b(?![.,]?\w)"
    # round 24 (clean24): a room's number in words ("mevrouw van kamer acht"), not a count
    r"|(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien"
    r"|zestien|zeventien|achttien|negentien|twintig)\b"
    r"(?![ ]+(?:keer|maal|x|dagen|weken|uur|tabletten|kinderen)\b))"
)


# -- Names of speakers, families, relations and form lines (docs/privacy-history.md, 12d) ---
# Who speaks, at the start of a line of a chat or of minutes: after an app's name or a time
# stamp in brackets ("[Signal] tamara:", "[09-01-25, 16:02] Noa:"), with a time after the
# name ("marloes 14:03:"), an initial without a full stop ("sanne k:"), particles ("De
# Vries:") or a role in brackets ("Kim (leefgroep):").
_SPEAKER_LABEL = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*|\d{1,2}[:.]\d{2}[ \t]*-?[ \t]*)*"
    # "Esra Yilmaz 09:12:": a first name and a surname only with the time a message was sent
    r"(" + _PART + r"[ ](?:" + _P + r"[ ])*" + _PART + r"(?=[ ]\d{1,2}[:.]\d{2}[ \t]*:)"
    r"|(?:" + _P + r"[ ])*" + _PART + r"(?:-" + _PART + r")?(?:[ ][A-Za-z](?![\w.]))?)"
    r"(?:[ ]\d{1,2}[:.]\d{2})?(?:[ ]\([^()\n]{1,25}\))?[ \t]*:(?=[ \t]|$)"
)
_SPEAKER_REASON = "naam van wie spreekt"
# A chat exported with the name and the time on a line of their own above each message
# ("Kasia 23:48", "Jeroen Visser 10:05"): a name phrase, a time and nothing else.
_SPEAKER_TIME_LINE = re.compile(r"(?m)^[ \t]*" + _NAME_PHRASE + r"[ \t]+\d{1,2}[:.]\d{2}[ \t]*$")
# The end of every _SPEAKER_TIME_LINE match (a digit first: the regex engine skips to one)
_TIME_AT_LINE_END = re.compile(r"(?m)\d[:.]\d{2}[ \t]*$")
# Words that say a text is the minutes of a meeting, where a surname alone labels a speaker.
_MINUTES_CUE = re.compile(
    r"(?<![\w-])(?i:notulen|verslag|overleg|mdo|vergadering|bespreking|intervisie|aanwezig"
    r"|teamoverleg|casusoverleg|agenda)(?![\w-])"
)
# A family by its name: "fam. Boukhari", "familie De Wit", "het gezin el yousfi"; a man
# addressed in a letter: "Geachte heer Berhane".
_FAMILY_OR_SIR_NAME = patterns.gated(
    "(?i:[fgbl])",
    re.compile(
        # round 25 (inst25): not "Centrum Jeugd en Gezin Zuidoost", an organisation
        r"(?<![\w-])(?:(?i:fam\.?|familie|(?<![Jj]eugd[ ]en[ ])(?<![Jj]eugd[ ]&[ ])gezin)"
        r"|(?i:geachte|beste|lieve)[ ]+heer)[ ]+"
        r"((?:" + _P + r"[ ]+){0,3}" + _PART + r"(?:-" + _PART + r")?)(?![\w'-])"
    ),
)
# Particles that only names of Arabic or Berber origin open with, also in lower case.
# A Dutch past participle ("gekeurd", "ingevuld", "opgehaald", "besproken", "verstuurd"):
# after a lower-case "al" it makes "al" the adverb "already", not the Arabic particle.
_PAST_PARTICIPLE = re.compile(
    r"(?:(?:aan|af|bij|door|in|mee|na|om|op|over|terug|toe|uit|vast|weg)?ge|be|ver|ont|her)"
    r"[a-zà-ÿ]{2,}(?:d|t|en)"
)
_FOREIGN_PARTICLES = frozenset({"el", "al", "ben", "ait", "abu", "bin"})
# An English word for a relation before a first name: "Husband Karthik", "my partner Tom".
_ENGLISH_RELATION_WORD = re.compile(r"(?i:" + _ENGLISH_RELATIONS + r")")
_ENGLISH_RELATION_NAME = patterns.gated(
    "(?i:[hwpsdmfbg])",
    re.compile(r"(?<![\w-])(?i:" + _ENGLISH_RELATIONS + r")[ ]+(" + _PART + r")(?![\w'-])"),
)
# What follows a name on a form line and says it is a person's: a date of birth, a room, or
# a role after a comma ("Aanvrager: Oksana Kovalenko, geb. 3 maart 1979", "Melder: Iulia
# Popescu, verzorgende IG").
_PERSON_DETAIL_AFTER = re.compile(
    r"[ \t]*(?:,[ ]*|\([ ]?)(?i:geb\.|geb[ ]|geboren|born|d\.o\.b|dob|kamer[ ]\d|room[ ]\d)"
    r"|[ \t]*,[ ]*(?:[a-zà-ÿ]+[ ])?(?:" + patterns.ROLE_WORDS + r"|[a-zà-ÿ]*(?:kundige"
    r"|therapeut|verzorgende|medewerker|medewerkster|begeleider|begeleidster))(?![\w-])"
)
# The labels of a form line that a person's name follows: more than _NAME_AFTER_PERSON_LABEL
# knows, with a word before the person word ("Naam cliënt:", "Betrokken bewoner:"), English
# ones, and a label that follows a full stop on the same line (". Melder: ...").
_PERSON_LABEL_LINE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.;][ ]))[ \t]*(?i:(?:naam|betrokken|betreft)[ ]+)?(?i:"
    + _PERSON_WORDS
    + r"|aanvrager|aanvraagster|melder|verwijzer|betrokkene|moeder|vader|mother|father"
    r"|name|client name|patient name)[ \t]*:[ \t]*"
    r"((?:" + _PART + r"[ ])?(?:" + _P + r"[ ])*" + _PART + r"(?:-" + _PART + r")?)"
    r"(,[ ]?(?:[A-Z]\.[ ]?){1,4}(?![\w]))?"
)
# Where a _PERSON_LABEL_LINE match can start, besides the text's start: after a line feed,
# ". " or "; " (a class first: the regex engine skips to the next such character in C).
_LINE_OR_CLAUSE_END = re.compile(r"[\n.;](?:(?<=\n)|[ ])")
# A nickname in quotes inside a name: "Kevin 'Kev' Tjon A Fong".
_RIGHT_QUOTED_NICK = re.compile(
    r" " + _OPEN_QUOTE + r"(" + _PART + r")" + _CLOSE_QUOTE + r" (" + _PART + r")"
)
# Initials, then a first name in brackets, then the surname: "F. (Fred) Baars", also when the
# surname is a place too.
_INITIALS_NICK_SURNAME = patterns.gated(
    "[A-Z]",
    re.compile(
        r"(?<![\w.])((?:[A-Z]\.[ ]?){1,4}[ ]?\((" + _PART + r")\)[ ]"
        r"(?:" + _P + r"[ ])*" + _PART + r")(?![\w'])"
    ),
)
# The header of a table's column of names ("Naam | Geb.datum | BSN"), and the cell under it.
_NAME_COLUMN_HEADERS = frozenset(
    "naam name cliënt client patiënt patient bewoner jeugdige leerling deelnemer".split()  # noqa: SIM905
)
_NAME_CELL = re.compile(r"[ \t]*((?:[A-Z]\.[ ]?){0,4}" + _NAME_PHRASE[1:] + r"[ \t]*$")
# English words that deduce lists as first names but open a sentence as a possessive or
# stand as a month: "My partner ...", "the 4th of June" (any English month after such a word:
# those deduce lists and those that a cue finds as a name alike).
_ENGLISH_POSSESSIVE = frozenset({"My"})
_ENGLISH_MONTHS = frozenset(patterns.ENGLISH_MONTHS)
_ENGLISH_CUE = patterns.gated(  # found from its leads (round 22)
    "[tawpy]", re.compile(r"(?<![\w-])(?:the|and|with|please|thank|you|your)(?![\w-])")
)
_MONTH_CONTEXT = re.compile(
    r"(?<![\w-])(?:of|in|since|until|from|early|late|mid|\d{1,2}(?:st|nd|rd|th)?)[ ]+$"
)


# How frequent (wordfreq's Zipf scale, English) a word opening an English sentence must be
# to count as a word, not a first name: "take" 5.9, "can" 6.5; "mark" 5.1, "june" 5.2.
_ENGLISH_WORD_ZIPF = 5.5


@functools.lru_cache(maxsize=4096)
def _english_zipf(word: str) -> float:
    """wordfreq's Zipf figure of an English word (asked only in English text)."""
    import wordfreq  # here: only an engine that loads deduce needs it

    return float(wordfreq.zipf_frequency(word, "en", wordlist="small"))


def _title_before(text: str, start: int) -> bool:
    """Whether the word before ``start`` opens a street or building name ("sint", "st.")."""
    words = text[max(0, start - 16) : start].split()
    return bool(words) and words[-1].lower() in patterns.STREET_TITLES


def _full_form_in_written_text(text: str, title: str) -> bool:
    """Whether a form of address is written in full ("meneer", "mevrouw") in a text that is
    not written in lower case. Who writes "mevrouw" in full in a text with capitals writes
    the surname after it with a capital too ("mevrouw Van Dijk"): an unknown lower-case word
    there is a plain noun ("die meneer van de hoekkamer"). Quick notes and chats ("mw
    akkermans", "meneer kowalczyk" in a chat) keep their lower-case names."""
    return title.split()[0].lower() in ("meneer", "mevrouw") and not _is_chat(text)


# Round 24: a transcript of a spoken message is written as it was said, in lower case, like
# a chat ("Transcriptie spraakbericht ...", "voicemail van ...").
_SPOKEN_MESSAGE = re.compile(r"(?i:spraakbericht|spraakmemo|voicemail|ingesproken|transcripti)")


def _is_chat(text: str) -> bool:
    """Whether at least two lines, or the text itself, open in lower case, as chats do, or
    the text's head says it is a spoken message written out."""
    lower = sum(1 for line in text.split("\n") if line[:1].islower())
    return lower >= 2 or text[:1].islower() or bool(_SPOKEN_MESSAGE.search(text, 0, 200))


@dataclass(frozen=True, init=False)
class Span:
    start: int
    end: int
    label: str
    text: str
    reason: str

    def __init__(self, start: int, end: int, label: str, text: str, reason: str) -> None:
        # as patterns.Candidate: the dataclass's dict in one step, not five object.__setattr__
        self.__dict__.update(start=start, end=end, label=label, text=text, reason=reason)


@dataclass
class Result:
    text: str
    spans: list[Span]
    pseudonymised: str
    verdict: str

    def as_json(self) -> dict[str, Any]:
        return {
            "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in self.spans],
            "verdict": self.verdict,
        }


def default_cache_dir() -> Path:
    configured = os.environ.get("CARAI_DEDUCE_CACHE")
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "carai" / "deduce"


def _places_left_out(places: Any) -> frozenset[str]:
    """The one-word places of deduce's source list that its place lookup leaves out because
    they are ordinary words too ("Leiden", "Dieren", "Best"): a cue must say a place is
    meant (`PrivacyEngine._common_word_place`)."""
    from deduce import lookup_structs  # imported by the engine's deduce already

    source = Path(lookup_structs.__file__).parent / "data/lookup/src/locations/lst_placename"
    return frozenset(
        p
        for p in lookup_structs.load_raw_itemset(source)
        if " " not in p and "-" not in p and not _in_trie(places, [p])
    )


def _import_deduce() -> Any:
    """Import deduce without letting its ``logging.basicConfig`` take over our logging."""
    root = logging.getLogger()
    guard = None
    if not root.handlers:
        guard = logging.NullHandler()
        root.addHandler(guard)  # basicConfig does nothing when the root has a handler
    level = root.level
    try:
        import deduce
    finally:
        if guard is not None:
            root.removeHandler(guard)
        root.setLevel(level)
    return deduce


# What a cache file cut short by a crash, or written by another process meanwhile, raises.
_BROKEN_CACHE = (pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError)


def load_deduce(deduce: Any, cache: Path) -> Any:
    """Make deduce's ``Deduce`` with its lookup cache in ``cache``, safely across processes.

    deduce writes its cache file in place. Without a lock, a web server and a task worker that
    start together read each other's half-written file and fail. So one process at a time
    loads or builds (an exclusive lock on a file beside the cache), and a cache that cannot be
    read (a crash while it was written) is built again instead of stopping the platform.
    """
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / "build.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            try:
                return deduce.Deduce(cache_path=cache)
            except _BROKEN_CACHE as exc:
                logger.warning("deduce's cache in %s is broken (%r): building it again", cache, exc)
                return deduce.Deduce(cache_path=cache, build_lookup_structs=True)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@functools.cache
def _document_class() -> Any:
    from docdeid.document import Document  # loaded with deduce, which needs it

    return Document


@functools.cache
def _annotation_class() -> Any:
    from docdeid.annotation import Annotation  # loaded with deduce, which needs it

    return Annotation


@functools.cache
def _annotation_set_class() -> Any:
    """docdeid's ``AnnotationSet``, imported once (round 24: an import statement in a
    function run per text costs a microsecond or more each time, and a short text ran
    some seven of them)."""
    from docdeid.annotation import AnnotationSet  # loaded with deduce, which needs it

    return AnnotationSet


@functools.cache
def _sort_field_names() -> tuple[frozenset[str], Any]:
    """docdeid's ``_OPTIONAL_FIELDS`` and ``UNKNOWN_ATTR_DEFAULT``, imported once."""
    from docdeid.annotation import _OPTIONAL_FIELDS, UNKNOWN_ATTR_DEFAULT

    return frozenset(_OPTIONAL_FIELDS), UNKNOWN_ATTR_DEFAULT


def _annotation(
    text: str, start_char: int, end_char: int, tag: str, priority: int, start_token: Any,
    end_token: Any,
) -> Any:  # fmt: skip
    """docdeid's ``Annotation(text=..., start_char=..., ...)``, made as the quick tokenizer
    makes tokens: the frozen dataclass's ``__init__`` sets each of its eight fields through
    ``object.__setattr__`` and its ``__post_init__`` one more (about 7 µs an annotation,
    some 16 a text of 300 characters and 250 of 5,000). Here the same dict, keys in the
    same order (the fields in their order, the ``_key_cache`` from its default factory,
    then ``length``), is set in one step, after the same check of the length
    (tests/privacy/test_round19b_speed.py)."""
    if len(text) != end_char - start_char:
        raise ValueError("The span does not match the length of the text.")
    made = object.__new__(_annotation_class())
    object.__setattr__(
        made,
        "__dict__",
        {
            "text": text,
            "start_char": start_char,
            "end_char": end_char,
            "tag": tag,
            "priority": priority,
            "start_token": start_token,
            "end_token": end_token,
            "_key_cache": {},
            "length": len(text),
        },
    )
    return made


def _annotation_of_tokens(
    text: str, start_token: Any, end_token: Any, tag: str, priority: int
) -> Any:
    """:func:`_annotation` from its first token to its last: the text and offsets are theirs."""
    start_char, end_char = start_token.start_char, end_token.end_char
    return _annotation(
        text[start_char:end_char], start_char, end_char, tag, priority, start_token, end_token
    )


# deduce's token pattern (deduce.tokenizer._TOKENIZER_PATTERN): a word, a line break or
# tab, four spaces or more, or any other one character.
_DEDUCE_WORD_PATTERN = r"\w+|[\n\r\t]| {4,}|[^ ]"


class _QuickTokenizer:
    """deduce's own tokenizer, with its tokens made several times faster: a third of
    deduce's time on a long text goes to making tokens, mostly to the checks of docdeid's
    frozen ``Token`` dataclass, which set each field through ``object.__setattr__`` and
    compare the text's length with its span. The same pattern finds the same pieces, so
    these checks can only pass; we fill each token's fields directly, link the tokens and
    merge terms exactly as deduce does. The pieces come from one ``split`` and their
    offsets from the lengths of the parts (no match object per piece), and terms are
    merged on plain lists before any token is made. The tokens are equal, field by field,
    to deduce's own (tests/privacy/test_tokens.py, test_round17a_speed.py)."""

    def __init__(self, tokenizer: Any) -> None:
        from docdeid.ds.lookup import LookupTrie
        from docdeid.tokenizer import Token, TokenList

        self._tokenizer = tokenizer
        self._lookup_trie = LookupTrie  # imported here once, not in _merge per text
        self._token = Token
        self._token_list = TokenList
        self._split: Any = None
        pattern = tokenizer._pattern
        if pattern.pattern == _DEDUCE_WORD_PATTERN:
            import deduce.tokenizer

            # deduce's pattern (its module and flags too) in a group: ``split`` then gives
            # the text between its matches and the matches themselves
            self._split = deduce.tokenizer.regex.compile("(" + pattern.pattern + ")", pattern.flags)

    @classmethod
    def over(cls, tokenizer: Any) -> Any:
        """A quick tokenizer for deduce's, or deduce's itself where it is not the kind we
        know (another deduce version): then nothing changes."""
        import deduce.tokenizer

        known = type(tokenizer) is deduce.tokenizer.DeduceTokenizer and all(
            hasattr(tokenizer, name) for name in ("_pattern", "_trie", "_merge", "link_tokens")
        )
        return cls(tokenizer) if known else tokenizer

    def tokenize(self, text: str) -> Any:
        tokenizer = self._tokenizer
        words, starts, ends = self._pieces(text)
        if tokenizer._trie is not None and not tokenizer._start_words.isdisjoint(words):
            words, starts, ends = self._merge(text, words, starts, ends)
        # the tokens, made in one pass with their links: the fields in deduce's order, set
        # as the token's own dict (no checks of the frozen dataclass, no keyword dict)
        new, token_class, set_field = object.__new__, self._token, object.__setattr__
        tokens = [new(token_class) for _ in words]
        if tokenizer.link_tokens and tokens:
            before: list[Any] = [None, *tokens[:-1]]
            after: list[Any] = [*tokens[1:], None]
        else:
            before = after = [None] * len(tokens)
        for token, word, start, end, previous, following in zip(
            tokens, words, starts, ends, before, after, strict=True
        ):
            set_field(
                token,
                "__dict__",
                {
                    "text": word,
                    "start_char": start,
                    "end_char": end,
                    "_previous_token": previous,
                    "_next_token": following,
                },
            )
        made = _LazyIndexTokenList.of(self._token_list, tokens)
        made.__dict__["_carai_texts"] = words  # the tokens' texts, for _token_keys
        return made

    def _pieces(self, text: str) -> tuple[list[str], list[int], list[int]]:
        """The text, start and end of each match of deduce's token pattern. With deduce's
        own pattern (it never matches an empty piece), one ``split`` gives the text
        between the matches and the matches, in turns, in the order of the text: adding
        up their lengths gives every offset, without a match object per token. Another
        pattern (another deduce version): its own matches."""
        split = self._split
        if split is None:
            spans = [m.span() for m in self._tokenizer._pattern.finditer(text)]
            return [text[s:e] for s, e in spans], [s for s, _ in spans], [e for _, e in spans]
        parts = split.split(text)  # between, match, between, ..., match, between
        offsets = list(itertools.accumulate(map(len, parts)))
        return parts[1::2], offsets[0:-1:2], offsets[1::2]

    def _merge(
        self, text: str, words: list[str], starts: list[int], ends: list[int]
    ) -> tuple[list[str], list[int], list[int]]:
        """deduce's ``DeduceTokenizer._merge`` (join the pieces of a merge term such as
        "van der" into one token), trying the trie only at the pieces that can start a term
        instead of asking every piece in a Python loop; a joined token is the text from
        its first piece's start to its last piece's end, as deduce's ``_join_tokens``
        makes it: the same tokens out."""
        tokenizer = self._tokenizer
        start_words, trie = tokenizer._start_words, tokenizer._trie
        # docdeid's LookupTrie puts each word through the root's matching pipeline: with
        # none (deduce's merge terms), the walk in _longest_term asks as it would
        plain = type(trie) is self._lookup_trie and trie.matching_pipeline is None
        texts: list[str] = []
        firsts: list[int] = []
        lasts: list[int] = []
        done = 0  # pieces before this one are in the lists
        for i in [i for i, word in enumerate(words) if word in start_words]:
            if i < done:
                continue  # inside a term joined already
            length = _longest_term(trie, words, i) if plain else None
            if length is None:
                prefix = trie.longest_matching_prefix(words, start_i=i)
                length = 0 if prefix is None else len(prefix)
            if not length:
                continue
            last = i + length - 1
            texts += words[done:i]
            firsts += starts[done:i]
            lasts += ends[done:i]
            texts.append(text[starts[i] : ends[last]])
            firsts.append(starts[i])
            lasts.append(ends[last])
            done = last + 1
        return texts + words[done:], firsts + starts[done:], lasts + ends[done:]


def _longest_term(trie: Any, words: list[str], i: int) -> int:
    """How many words from ``words[i]`` the longest entry of a docdeid ``LookupTrie``
    without a matching pipeline covers (0 for none): its ``longest_matching_prefix``
    walked here, without the method calls per word."""
    longest, node, j, length = 0, trie, i, len(words)
    while True:
        if node.is_terminal:
            longest = j - i
        if j >= length:
            return longest
        child = node.children.get(words[j])
        if child is None:
            return longest
        node, j = child, j + 1


class _LazyIndexTokenList:
    """docdeid's ``TokenList`` whose index of token positions (a dict keyed by the tokens,
    each hashed through the frozen dataclass's Python ``__hash__``) is made when first
    asked for. Only docdeid's own ``MultiTokenLookupAnnotator`` asks, and the engine runs
    :class:`_QuickLookupAnnotator` in its place, so a document's tokens are usually never
    indexed at all. Everything else is the ``TokenList`` docdeid makes."""

    _made: dict[type, type] = {}

    @classmethod
    def of(cls, token_list: type, tokens: list[Any]) -> Any:
        kind = cls._made.get(token_list)
        if kind is None:

            def token_index(self: Any, token: Any) -> int:
                index = self.__dict__.get("_token_index")
                if index is None:
                    index = self._token_index = {t: i for i, t in enumerate(self._tokens)}
                return int(index[token])

            kind = cls._made[token_list] = type(
                "Lazy" + token_list.__name__, (token_list,), {"token_index": token_index}
            )
        made: Any = object.__new__(kind)
        made.__dict__.update(_tokens=tokens, _words={}, _text_to_tokens={})
        return made


# -- Speed: deduce's word-list steps, the same annotations with less work ------------------


class _QuickLookupAnnotator:
    """One of deduce's word-list steps (``MultiTokenLookupAnnotator``: first names,
    surnames, places, streets, hospitals, institutions, diseases), giving exactly its
    annotations with less work. deduce's own step makes a list of all token texts, finds
    its start tokens as a set of tokens that it sorts and looks up in an index, and puts
    each token text through the step's matching pipeline (lower case for hospitals) again
    at every level of its trie, in each of the seven steps. Here the texts of a document's
    tokens, per matching pipeline, their set and their positions are made once and shared
    by the steps (see :func:`_token_keys`); the walk through the step's trie and the
    annotations are deduce's. ``tests/privacy/test_quick_lookups.py`` compares the
    annotations with deduce's own on every development set text and random text."""

    def __init__(self, annotator: Any) -> None:
        self._annotator = annotator
        self._trie = annotator._trie
        self._pipeline = list(annotator._matching_pipeline or [])
        self._pipe_key = str(self._pipeline)
        self._start_words = annotator._start_words
        self._overlapping = annotator.overlapping
        self.tag = annotator.tag
        self.priority = annotator.priority

    def process(self, doc: Any, **kwargs: Any) -> None:
        doc.annotations.update(self.annotate(doc))

    def annotate(self, doc: Any) -> list[Any]:
        tokens = doc.get_tokens()
        keys, words, where = _token_keys(tokens, self._pipe_key, self._pipeline)
        trie, text = self._trie, doc.text
        length = len(keys)
        annotations = []
        min_i = 0
        # the tokens that can start a match, in order: one set intersection, as deduce does
        starts = sorted(i for word in words.intersection(self._start_words) for i in where[word])
        for i in starts:
            if i < min_i:
                continue
            # deduce's LookupTrie.longest_matching_prefix, on texts already through the
            # pipeline: the longest run of tokens from i that ends at a terminal node
            longest, node, j = 0, trie, i
            while True:
                if node.is_terminal:
                    longest = j - i
                if j >= length:
                    break
                child = node.children.get(keys[j])
                if child is None:
                    break
                node, j = child, j + 1
            if not longest:
                continue
            annotations.append(
                _annotation_of_tokens(
                    text, tokens[i], tokens[i + longest - 1], self.tag, self.priority
                )
            )
            if not self._overlapping:
                min_i = i + longest
        return annotations


@functools.cache
def _lowercase_string_class() -> Any:
    """docdeid's ``LowercaseString``, imported once (see :func:`_annotation_set_class`)."""
    from docdeid.str.processor import LowercaseString  # loaded with deduce, which needs it

    return LowercaseString


def _token_keys(
    tokens: Any, pipe_key: str, pipeline: list[Any]
) -> tuple[list[str], set[str], dict[str, list[int]]]:
    """The texts of the tokens put through a matching pipeline, their set, and where each
    stands (token positions; every user sorts the positions it takes): made once per
    document and pipeline, kept on the token list."""
    cache: dict[str, tuple[list[str], set[str], dict[str, list[int]]]]
    cache = tokens.__dict__.setdefault("_carai_keys", {})
    made = cache.get(pipe_key)
    if made is None:
        LowercaseString = _lowercase_string_class()
        if pipeline and all(type(modifier) is LowercaseString for modifier in pipeline):
            made = cache[pipe_key] = _casefolded_keys(tokens, len(pipeline))
            return made
        keys = tokens.__dict__.get("_carai_texts") or [token.text for token in tokens]
        for modifier in pipeline:
            if type(modifier) is LowercaseString:
                keys = [key.casefold() for key in keys]  # what its process() does, per key
                continue
            process = modifier.process
            keys = [process(key) for key in keys]
        where: dict[str, list[int]] = defaultdict(list)
        for i, key in enumerate(keys):
            where[key].append(i)
        made = cache[pipe_key] = (keys, set(where), where)
    return made


def _casefolded_keys(tokens: Any, times: int) -> tuple[list[str], set[str], dict[str, list[int]]]:
    """:func:`_token_keys` for a pipeline that only lower-cases (``times`` docdeid
    ``LowercaseString`` steps, each a ``casefold``), made from the plain texts' keys: each
    distinct text is folded once instead of each token, and its positions are added to
    those of its folded text. The same keys, set and positions (not in order within one
    folded text where two texts fold alike, "Zorg" and "zorg"; the users sort them)."""
    plain_keys, _, plain_where = _token_keys(tokens, str([]), [])
    keys: Iterable[str] = plain_where
    for _ in range(times):  # each distinct text folded ``times`` times, in C
        keys = map(str.casefold, keys)
    folded = dict(zip(plain_where, keys, strict=True))
    where: dict[str, list[int]] = {}
    for word, positions in plain_where.items():
        key = folded[word]
        known = where.get(key)
        # the plain text's own list where it is the only one (no list is ever changed)
        where[key] = positions if known is None else known + positions
    return list(map(folded.__getitem__, plain_keys)), set(where), where


# How many times deduce's context step may grow its names in one text. deduce recurses once
# per pass without a bound: a long run of capitalised names ("Jan Piet Klaas Bakker ..."
# repeated over 20,000 characters) grows every name by one word per pass, which took minutes
# and many gigabytes. Real names grow in a few passes; the sets give the same spans with this
# bound (tests/privacy/test_long_input.py).
_CONTEXT_PASSES = 25
# And how much growing it may do in all (round 11b): the names that grew in a pass, summed
# over the passes, at most twice the names it started with plus 100. In
# a run of names every name grows on every pass (1,136 names, 25 passes of 1,136 in 5,000
# characters: 0.24 s a pass at 20,000); on the development sets at most 20 grew in all
# (17 of 11 at most as a share), so they keep every pass. Names cut short this way still
# overlap, and the engine joins overlapping names (``_merge_same_label``).
_CONTEXT_GROWTH = (2, 100)


def _bounded_context(processor: Any) -> Any:
    """deduce's ``ContextAnnotator`` with its passes done in a loop of at most
    ``_CONTEXT_PASSES``, and no more once the growing exceeds ``_CONTEXT_GROWTH``, instead
    of an unbounded recursion (the same result otherwise)."""
    from deduce.annotator import ContextAnnotator
    from docdeid.annotation import AnnotationSet

    class BoundedContextAnnotator(ContextAnnotator):  # type: ignore[misc]
        def _annotate(self, text: str, annotations: Any) -> Any:
            done = AnnotationSet()
            current = annotations
            times, plus = _CONTEXT_GROWTH
            budget = times * len(annotations) + plus
            for _ in range(_CONTEXT_PASSES):
                original = current.copy()
                for context_pattern in self.pattern:
                    current = self._apply_context_pattern(text, current, context_pattern)
                if not self.iterative:
                    return current
                changed = AnnotationSet(current.difference(original))
                done.update(current.intersection(original))
                if not changed:
                    return done
                current = changed
                budget -= len(changed)
                if budget < 0:
                    break
            done.update(current)
            return done

    bounded = copy.copy(processor)
    bounded.__class__ = BoundedContextAnnotator
    return bounded


def _position_matcher(position: dict[str, Any], ds: Any) -> Callable[[str], bool]:
    """One position of a deduce token pattern (``{"lookup": "prefix"}``, ``{"and": [...]}``)
    as a function of a token's text (every test deduce has reads only the text), with the
    same answer as deduce's ``_PatternPositionMatcher.match``, which reads the position's
    dict on every call. Raises (and the step then stays deduce's own) where deduce would
    too."""
    if len(position) != 1:
        raise ValueError(position)
    ((kind, value),) = position.items()
    if kind == "equal":
        return lambda word: bool(word == value)
    if kind == "re_match":
        pattern = re.compile(value)  # what re.match(value, ...) compiles and caches
        return lambda word: pattern.match(word) is not None
    if kind == "is_initials":
        return lambda word: (len(word) <= 4 and word.isupper()) == value
    if kind == "like_name":
        # deduce's any(ch.isdigit() for ch in word), the same calls through map in C
        return lambda word: (
            (len(word) >= 3 and word.istitle() and not any(map(str.isdigit, word))) == value
        )
    if kind in ("lookup", "neg_lookup"):
        contains = _lookup_test(ds[value])
        if kind == "lookup":
            return contains
        return lambda word: not contains(word)
    if kind in ("and", "or"):
        parts = [_position_matcher(part, ds) for part in value]
        if len(parts) == 1:
            (only,) = parts
            return lambda word: bool(only(word))
        if kind == "and":
            if len(parts) == 2:
                one, two = parts
                return lambda word: bool(one(word) and two(word))
            if len(parts) == 3:
                one, two, three = parts
                return lambda word: bool(one(word) and two(word) and three(word))
            return lambda word: all(part(word) for part in parts)
        if len(parts) == 2:
            one, two = parts
            return lambda word: bool(one(word) or two(word))
        return lambda word: any(part(word) for part in parts)
    raise NotImplementedError(kind)


def _lookup_test(lookup: Any) -> Callable[[str], bool]:
    """``word in lookup`` for one of deduce's word lists. A docdeid ``LookupSet`` puts the
    word through its matching pipeline and asks its set of items: with no pipeline, or one
    that only lower-cases (``casefold``, what docdeid's ``LowercaseString`` does), that is
    done here directly on the same set, without the method calls. Any other lookup is
    asked as deduce asks it."""
    from docdeid.ds.lookup import LookupSet
    from docdeid.str.processor import LowercaseString

    if type(lookup) is not LookupSet:
        return lambda word: word in lookup
    pipeline = list(lookup.matching_pipeline or [])
    # the set is read from the lookup on each call: ``clear_items`` puts a new one in place
    if not pipeline:
        return lambda word: word in lookup._items
    if all(type(modifier) is LowercaseString for modifier in pipeline):
        if len(pipeline) == 1:
            return lambda word: word.casefold() in lookup._items
        times = len(pipeline)

        def casefolded(word: str) -> bool:
            for _ in range(times):
                word = word.casefold()
            return word in lookup._items

        return casefolded
    return lambda word: word in lookup


def _chained_token(token: Any, attr: str, skip: set[str]) -> Any:
    """deduce's ``_get_chained_token``: the next (or previous) token that is not skipped,
    read from the token's link itself instead of through its method."""
    link = "_next_token" if attr == "next" else "_previous_token"
    token = getattr(token, link)
    while token is not None and token.text in skip:
        token = getattr(token, link)
    return token


def _pattern_matchers(
    self: Any, pattern: list[dict[str, Any]]
) -> list[Callable[[str], bool]] | None:
    """A token-pattern step's pattern as one function per position, made at its first use
    (None where deduce's own matching must do it)."""
    made = self._matchers.get(id(pattern))
    if made is None:
        try:
            matchers: list[Callable[[str], bool]] | None = [
                _position_matcher(position, self.ds) for position in pattern
            ]
        except (ValueError, NotImplementedError, KeyError, TypeError):
            matchers = None  # deduce's own matching, and its error, for this pattern
        made = self._matchers[id(pattern)] = (pattern, matchers)
    result: list[Callable[[str], bool]] | None = made[1]
    return result


def _quick_match_sequence(
    self: Any,
    text: str,
    pattern: list[dict[str, Any]],
    start_token: Any,
    direction: str = "right",
    skip: set[str] | None = None,
) -> Any:
    """deduce's ``TokenPatternAnnotator._match_sequence`` with the pattern's positions made
    into functions once (see :func:`_quick_token_patterns`)."""
    matchers = _pattern_matchers(self, pattern)
    if matchers is None or direction not in ("left", "right"):
        return self._deduce_kind._match_sequence(
            self, text, pattern, start_token, direction=direction, skip=skip
        )
    skipped: Collection[str] = skip or ()  # no new empty set per try
    link = "_next_token" if direction == "right" else "_previous_token"
    current = end_token = start_token
    for matches in matchers if direction == "right" else reversed(matchers):
        if current is None or not matches(current.text):
            return None
        end_token = current
        current = getattr(current, link)
        while current is not None and current.text in skipped:
            current = getattr(current, link)
    if direction == "left":
        start_token, end_token = end_token, start_token
    return _annotation_of_tokens(text, start_token, end_token, self.tag, self.priority)


def _quick_apply_context_pattern(
    self: Any, text: str, annotations: Any, context_pattern: dict[str, Any]
) -> Any:
    """deduce's ``ContextAnnotator._apply_context_pattern`` (grow each annotation whose tag
    the pattern takes by the tokens after or before it that match), with the direction's
    link and the pattern's tag read once instead of through lookups and a reversed list
    per annotation. The same annotations, changed in the same order."""
    made = self._contexts.get(id(context_pattern))
    if made is None or made[0] is not context_pattern:
        made = self._contexts[id(context_pattern)] = (
            context_pattern,
            _context_parts(self, context_pattern),
        )
    parts = made[1]
    if parts is None:
        return self._deduce_kind._apply_context_pattern(self, text, annotations, context_pattern)
    direction, right, skip, pre_tag, pattern, new_tag, link, first, takes = parts
    for annotation in annotations.copy():
        tag = annotation.tag
        taken = takes.get(tag)
        if taken is None:
            pieces = tag.split("+")
            taken = takes[tag] = (pieces[-1] if right else pieces[0]) in pre_tag
        if not taken:
            continue
        # deduce's _get_chained_token (see _chained_token), on the token's link itself
        start_token = getattr(annotation.end_token if right else annotation.start_token, link)
        while start_token is not None and start_token.text in skip:
            start_token = getattr(start_token, link)
        if first is not None and (start_token is None or not first(start_token.text)):
            continue  # the first position fails: deduce's _match_sequence finds nothing
        found = self._match_sequence(text, pattern, start_token, direction=direction, skip=skip)
        if found:
            left, right_part = (annotation, found) if right else (found, annotation)
            merged = _annotation(
                text[left.start_char : right_part.end_char],
                left.start_char,
                right_part.end_char,
                new_tag.format(tag=annotation.tag),
                annotation.priority,
                left.start_token,
                right_part.end_token,
            )
            annotations.remove(annotation)
            annotations.add(merged)
    return annotations


def _context_parts(self: Any, context_pattern: dict[str, Any]) -> tuple[Any, ...] | None:
    """What :func:`_quick_apply_context_pattern` reads from one context pattern, read once
    per pattern instead of on every call (a short text pays these reads in full for each of
    the dozen patterns): its direction, skip set, tags, link and first position's test, and
    a dict that keeps per annotation tag whether the pattern grows it (a function of the tag
    and the pattern's ``pre_tag`` alone).
    None for a direction deduce's own step must handle. The pattern is deduce's and is never
    changed after load; the cache keeps the pattern itself and checks it is the same object."""
    direction = context_pattern["direction"]
    if direction not in ("left", "right"):
        return None
    right = direction == "right"
    matchers = _pattern_matchers(self, context_pattern["pattern"])
    return (
        direction,
        right,
        set(context_pattern.get("skip", [])),
        context_pattern["pre_tag"],
        context_pattern["pattern"],
        context_pattern["tag"],
        "_next_token" if right else "_previous_token",
        None if not matchers else matchers[0] if right else matchers[-1],
        {},  # per tag: whether the pattern grows it (its pre_tag asked once per tag)
    )


def _quick_pattern_annotate(self: Any, doc: Any) -> list[Any]:
    """deduce's ``TokenPatternAnnotator.annotate`` (try the pattern at every token that can
    start it), with the start tokens read from the token texts the word-list steps share
    (:func:`_token_keys`) instead of from docdeid's ``token_lookup``, which builds its own
    index of the token texts once more. deduce tries its start tokens in the order of a set
    of tokens (by their hash, which changes with every process); here they are tried in
    the order of the text: each try stands alone, so the annotations are the same."""
    start_words = self._start_words
    if start_words is None:
        return list(self._deduce_kind.annotate(self, doc))
    pipeline = list(self._matching_pipeline or [])
    tokens = doc.get_tokens()
    _, words, where = _token_keys(tokens, str(pipeline), pipeline)
    starts = sorted(i for word in words.intersection(start_words) for i in where[word])
    text, pattern, skip = doc.text, self.pattern, self.skip
    annotations = []
    for i in starts:
        found = self._match_sequence(text, pattern, tokens[i], direction="right", skip=skip)
        if found is not None:
            annotations.append(found)
    return annotations


def _quick_token_patterns(processor: Any) -> Any:
    """A copy of one of deduce's token-pattern steps (``TokenPatternAnnotator``: "dhr." and
    an initial, an initial and a name ...; ``ContextAnnotator``: a name grown by an
    interfix or an initial, a house number) that matches each pattern with its positions
    made into functions once, and reads the next token from the token's link: deduce's
    ``_match_sequence`` reads each position's dict and calls methods per token on every try
    (about a quarter of the deduce steps we keep). The same annotations:
    ``tests/privacy/test_quick_lookups.py`` compares them with deduce's."""
    kind = type(processor)
    quick = copy.copy(processor)
    methods: dict[str, Any] = {
        "_match_sequence": _quick_match_sequence,
        "_get_chained_token": staticmethod(_chained_token),
        "_deduce_kind": kind,
    }
    if hasattr(kind, "_apply_context_pattern"):
        methods["_apply_context_pattern"] = _quick_apply_context_pattern
    elif kind.__name__ == "TokenPatternAnnotator":
        methods["annotate"] = _quick_pattern_annotate
    quick.__class__ = type("Quick" + kind.__name__, (kind,), methods)
    quick._matchers = {}
    quick._contexts = {}
    return quick


def _sorted_annotations(annotations: Any, by: tuple[str, ...], callbacks: Any) -> list[Any]:
    """docdeid's ``AnnotationSet.sorted(by, callbacks, deterministic=True)``: the same key
    per annotation (the attributes in ``by``, through their callbacks, then every other
    field by name, as ``Annotation.get_sort_key`` builds it) without the key cache, which
    hashes each annotation, its tokens and the callbacks' frozendict to look the key up."""
    optional_fields, UNKNOWN_ATTR_DEFAULT = _sort_field_names()

    callbacks = callbacks or {}
    skipped = set(by) | optional_fields
    # per set of field names: one getter of the other fields, in the order of their names
    # (each is in the annotation's dict, so getattr's default is never needed)
    extras: dict[tuple[str, ...], Callable[[Any], tuple[Any, ...]]] = {}
    leading = [(attr, attr in callbacks, callbacks.get(attr)) for attr in by]

    def key(annotation: Any) -> tuple[Any, ...]:
        values = []
        for attr, called, callback in leading:
            value = getattr(annotation, attr, UNKNOWN_ATTR_DEFAULT)
            values.append(callback(value) if called else value)
        names = tuple(annotation.__dict__)
        others = extras.get(names)
        if others is None:
            others = extras[names] = _fields_getter(sorted(set(names) - skipped))
        return (*values, *others(annotation))

    return sorted(annotations, key=key)


def _fields_getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The values of the named attributes as a tuple, read in C (``attrgetter``)."""
    if not names:
        return lambda annotation: ()
    getter = operator.attrgetter(*names)
    if len(names) == 1:
        return lambda annotation: (getter(annotation),)
    return getter


def _quick_resolve_overlap(self: Any, annotations: Any, text: str) -> Any:
    """docdeid's ``OverlapResolver.process_annotations`` with a byte mask and the free runs
    found in Python: docdeid marks the characters taken in a numpy array and compares its
    values one by one in a Python loop, which costs more than the marking saves on a short
    text. The same annotations in the same order; a cut one starts and ends at a plain int
    instead of a numpy integer (equal, and the engine makes every offset an int)."""
    Annotation, AnnotationSet = _annotation_class(), _annotation_set_class()

    if not annotations:
        return self._deduce_kind.process_annotations(self, annotations, text)  # its error
    kept = []
    taken = bytearray(max(annotation.end_char for annotation in annotations))
    ordered = _sorted_annotations(annotations, self._sort_by, self._sort_by_callbacks)
    for annotation in ordered:
        start, end = annotation.start_char, annotation.end_char
        part = taken[start:end]
        if 1 not in part:
            kept.append(annotation)
        else:
            run = 0
            while run < len(part):  # each run of free characters stays, cut out of it
                if part[run]:
                    run += 1
                    continue
                run_end = part.find(1, run)
                run_end = len(part) if run_end == -1 else run_end
                kept.append(
                    Annotation(
                        text=annotation.text[run:run_end],
                        start_char=start + run,
                        end_char=start + run_end,
                        tag=annotation.tag,
                    )
                )
                run = run_end
        taken[start:end] = b"\x01" * len(part)
    return AnnotationSet(kept)


def _quick_overlaps(processor: Any) -> Any:
    """A copy of deduce's overlap step (``OverlapResolver``), or of its person-tag step,
    which holds one, resolving overlaps through :func:`_quick_resolve_overlap`."""
    from docdeid.process.annotation_processor import OverlapResolver

    quick = copy.copy(processor)
    if type(processor) is OverlapResolver:
        quick.__class__ = type(
            "QuickOverlapResolver",
            (OverlapResolver,),
            {"process_annotations": _quick_resolve_overlap, "_deduce_kind": OverlapResolver},
        )
    else:
        quick._overlap_resolver = _quick_overlaps(processor._overlap_resolver)
        if type(processor).process_annotations.__qualname__ == _PERSON_TAGS_METHOD:
            quick.__class__ = type(
                "Quick" + type(processor).__name__,
                (type(processor),),
                {"process_annotations": _quick_person_tags},
            )
    return quick


# deduce 3's own method, which _quick_person_tags copies (another version: its own method)
_PERSON_TAGS_METHOD = "PersonAnnotationConverter.process_annotations"


def _quick_person_tags(self: Any, annotations: Any, text: str) -> Any:
    """deduce's ``PersonAnnotationConverter.process_annotations`` (resolve the overlaps of
    the name annotations, drop the pseudo names and blank ones, tag the rest "patient" or
    "persoon"), its new annotations made by :func:`_annotation` instead of the dataclass
    (``priority`` 0 and no tokens, the dataclass's defaults): the same set."""
    AnnotationSet = _annotation_set_class()

    kept = self._overlap_resolver.process_annotations(annotations, text=text)
    return AnnotationSet(
        _annotation(
            annotation.text,
            annotation.start_char,
            annotation.end_char,
            "patient" if "patient" in annotation.tag else "persoon",
            0,
            None,
            None,
        )
        for annotation in kept
        if "pseudo" not in annotation.tag and len(annotation.text.strip()) != 0
    )


def _quick_merge_adjacent(self: Any, annotations: Any, text: str) -> Any:
    """docdeid's ``MergeAdjacentAnnotations.process_annotations`` (join each annotation to
    the next when their tags match and only slack stands between them, left to right),
    with the annotations sorted by :func:`_sorted_annotations` (the order of docdeid's
    ``sorted``, without its key cache) and the slack pattern compiled once, where docdeid
    asks ``re.fullmatch`` with the pattern's text per pair. With an overlap check asked
    for, or nothing to merge (docdeid's own error), docdeid's own."""
    AnnotationSet = _annotation_set_class()

    if self.check_overlap or not annotations:
        return self._deduce_kind.process_annotations(self, annotations, text)
    processed = AnnotationSet()
    ordered = _sorted_annotations(annotations, ("start_char",), None)
    slack = self._slack
    for index in range(len(ordered) - 1):
        annotation, following = ordered[index], ordered[index + 1]
        if self._tags_match(annotation.tag, following.tag) and (
            slack.fullmatch(text[annotation.end_char : following.start_char]) is not None
        ):
            ordered[index + 1] = self._adjacent_annotations_replacement(annotation, following, text)
        else:
            processed.add(annotation)
    processed.add(ordered[-1])
    return processed


def _quick_merges(processor: Any) -> Any:
    """A copy of deduce's merge of adjacent annotations that merges through
    :func:`_quick_merge_adjacent`, or the step itself where it is not the kind we know."""
    from docdeid.process.annotation_processor import MergeAdjacentAnnotations

    kind = type(processor)
    known = (
        isinstance(processor, MergeAdjacentAnnotations)
        and isinstance(processor.slack_regexp, str)
        and kind.process_annotations is MergeAdjacentAnnotations.process_annotations
        and kind._are_adjacent_annotations is MergeAdjacentAnnotations._are_adjacent_annotations
    )
    if not known:
        return processor
    quick = copy.copy(processor)
    quick.__class__ = type(
        "Quick" + kind.__name__,
        (kind,),
        {"process_annotations": _quick_merge_adjacent, "_deduce_kind": kind},
    )
    quick._slack = re.compile(processor.slack_regexp)  # what re.fullmatch(text, ...) compiles
    return quick


def _quick_processors(group: Any) -> Any:
    """A copy of deduce's processor tree (the same processors, in the same order) in which
    each word-list step is done by :class:`_QuickLookupAnnotator`. deduce's own tree is not
    changed: "deduce alone" in the benchmarks still runs it as shipped."""
    from docdeid.process.annotator import MultiTokenLookupAnnotator
    from docdeid.process.doc_processor import DocProcessor, DocProcessorGroup

    # docdeid's group runs only what it knows as a DocProcessor (an abstract base class)
    DocProcessor.register(_QuickLookupAnnotator)
    copy = DocProcessorGroup()
    for name, processor in group:
        if isinstance(processor, DocProcessorGroup):
            processor = _quick_processors(processor)
        elif type(processor) is MultiTokenLookupAnnotator:
            processor = _QuickLookupAnnotator(processor)
        elif type(processor).__name__ == "ContextAnnotator":
            processor = _quick_token_patterns(_bounded_context(processor))
        elif type(processor).__name__ == "TokenPatternAnnotator":
            processor = _quick_token_patterns(processor)
        elif type(processor).__name__ == "OverlapResolver" or (
            type(processor).__name__ == "PersonAnnotationConverter"
            and type(getattr(processor, "_overlap_resolver", None)).__name__ == "OverlapResolver"
        ):
            processor = _quick_overlaps(processor)
        elif type(processor).__name__ == "DeduceMergeAdjacentAnnotations":
            processor = _quick_merges(processor)
        copy.add_processor(name, processor)
    return copy


def _steps_to_run(group: Any, disabled: frozenset[str]) -> list[Any]:
    """The processors docdeid's ``DocProcessorGroup.process(doc, disabled=disabled)`` runs,
    in its order, as one list made at load: it walks the same tree on every text, asking
    each name against ``disabled`` and each processor twice through the ABC's
    ``isinstance`` (a fixed cost that a short text pays in full). The same walk, done once:
    a name in ``disabled`` is left out with all under it, a ``DocProcessor`` is run, a group
    is entered with the same ``disabled``, anything else is passed over. The processors
    themselves are kept, so a step's method replaced later is still the one called."""
    from docdeid.process.doc_processor import DocProcessor, DocProcessorGroup

    steps: list[Any] = []
    for name, processor in group:
        if name in disabled:
            continue
        if isinstance(processor, DocProcessor):
            steps.append(processor)
        elif isinstance(processor, DocProcessorGroup):
            steps += _steps_to_run(processor, disabled)
    return steps


def _unlink_tokens(document: Any) -> None:
    """Take the links out of a document's tokens once deduce's steps are done with them.
    Each token points to the next and the next back to it: without this, a text's tokens
    are a ring that only Python's cycle collector frees, and the thousand tokens of a long
    text then wait through its slower rounds (about a tenth of deduce's kept steps). Freed
    at once instead; the annotations keep their offsets and tags, all the engine reads."""
    for token_list in document._token_lists.values():
        for token in token_list._tokens:
            fields = token.__dict__
            fields["_previous_token"] = fields["_next_token"] = None


# -- end of deduce's quicker steps ---------------------------------------------------------


# How often a Dutch word must be used (wordfreq's Zipf scale: 4.0 is once in 100,000 words)
# to count as an ordinary word (``_ordinary_words``); 3.0 for a word of a noun's ending
# (``_NOUN_ENDING``: "directie", "verpleging", "huishouding"), and 4.5 for a word of deduce's
# lists of surnames to count as a plain word after "mevrouw" written in full.
_ORDINARY_ZIPF = 4.0
_NOUN_ZIPF = 3.0
_FREQUENT_SURNAME_ZIPF = 4.5
# Round 21 (inst21): below this a plain word after a lower-case kind and an article may be
# the house's name ("apotheek de hoeksteen": 3.1; "school de hele week": "hele" 5.8,
# "apotheek de medicatie": 3.9).
_RARE_NAME_WORD_ZIPF = 3.5
# Endings of Dutch nouns that no given name has and few surnames ("-ing" has many, as
# "Abbing" or "Bekkering", but deduce's list holds them and no such surname is frequent).
_NOUN_ENDING = ("ing", "tie", "heid", "teit", "schap", "erij", "isme")


def _frequent_words() -> dict[str, float]:
    """The Dutch words (lower case, letters only) used at least ``_NOUN_ZIPF`` on
    wordfreq's Zipf scale, with that figure: some 28,000 words, from "de" down to "pittig".
    wordfreq's frequencies alone cannot tell a word from a name ("jansen", "peter" and
    "roos" are as frequent as "pittig"): the rules that use them also ask deduce's lists."""
    import wordfreq  # here: only an engine that loads deduce needs it (0.1 s to import)

    least = 10 ** (_NOUN_ZIPF - 9)
    return {
        word: math.log10(frequency) + 9
        for word, frequency in wordfreq.get_frequency_dict("nl", "small").items()
        if frequency >= least and word.isalpha()
    }


def _ordinary_words(
    zipf: dict[str, float], first_names: Any, surnames: Any, interfix_surnames: Collection[str]
) -> frozenset[str]:
    """The frequent words (``_ORDINARY_ZIPF``; ``_NOUN_ZIPF`` with a noun's ending of six
    letters or more) that none of deduce's lists of first names and surnames holds:
    "volgens", "bovendien", "helaas", "directie", words deduce's common words lack.
    Per-word evidence for the rules that ask whether a capital only opens a sentence or
    whether a word after a weak cue is a name."""
    return frozenset(
        word
        for word, figure in zipf.items()
        if (figure >= _ORDINARY_ZIPF or (len(word) >= 6 and word.endswith(_NOUN_ENDING)))
        and not _in_trie(first_names, [word.capitalize()])
        and not _in_trie(surnames, [word.capitalize()])
        and word.capitalize() not in interfix_surnames
    )


class PrivacyEngine:
    """Finds identifiers in Dutch text. Thread-safe for reading once built."""

    def __init__(self, *, cache_dir: Path | None = None, use_deduce: bool = True) -> None:
        self.deduce: Any = None
        if use_deduce:
            deduce = _import_deduce()
            self.deduce = load_deduce(deduce, cache_dir or default_cache_dir())
            structs = self.deduce.lookup_structs
            self._first_names = structs["first_name"]
            self._surnames = structs["surname"]
            self._interfix_surnames = frozenset(structs["interfix_surname"].items())
            # Plain sets: much faster to ask than deduce's lookup objects.
            self._common = (
                frozenset(w.lower() for w in structs["common_word"].items())
                | frozenset(w.lower() for w in structs["stop_word"].items())
                | patterns.NOT_NAMES
            )
            self._whitelist = frozenset(w.lower() for w in structs["whitelist"].items())
            self._zipf = _frequent_words()
            self._ordinary = _ordinary_words(
                self._zipf, self._first_names, self._surnames, self._interfix_surnames
            )
            self._places = structs["placename"]
            self._word_places = _places_left_out(self._places)
            self._medical = frozenset(w.lower() for w in structs["medical_term"].items())
            self._diseases = structs["eponymous_disease"]
            self._listed_words, self._listed_pairs = _listed_institutions(
                deduce, self._listed_word_fits
            )
            self._tokenizers = {
                name: _QuickTokenizer.over(tokenizer)
                for name, tokenizer in self.deduce.tokenizers.items()
            }
            self._processors = _quick_processors(self.deduce.processors)
            self._steps = _steps_to_run(self._processors, _DEDUCE_SKIPPED)

    def _deduce_document(self, text: str) -> Any:
        """deduce's ``deidentify`` without the steps we skip, its tokens made faster (the
        same tokens: see :class:`_QuickTokenizer`)."""
        document = _document_class()(text, tokenizers=self._tokenizers)
        for step in self._steps:  # what self._processors.process(..., disabled=...) runs
            step.process(document)
        return document

    # -- detection ------------------------------------------------------------------------

    def _deduce_candidates(self, text: str) -> list[Candidate]:
        if self.deduce is None:
            return []
        # docdeid only asks ``name in disabled``: the frozenset itself, no copy per text.
        document = self._deduce_document(text)
        annotations = document.annotations
        _unlink_tokens(document)
        found = []
        for annotation in annotations:
            label = _DEDUCE_LABELS.get(annotation.tag)
            if label is None:
                continue
            # deduce gives numpy integers where it cut overlapping annotations: plain ints.
            start, end = int(annotation.start_char), int(annotation.end_char)
            piece = text[start:end]
            reason = "herkend aan vaste lijsten met namen, plaatsen en patronen"
            if label == "naam":
                place = _TE_PLACE.match(piece)
                if place is not None:  # deduce reads "te Maastricht" as a person
                    start += place.end()
                    label, reason = "plaats", "plaatsnaam na 'te'"
                else:
                    title = _TITLES.match(piece)
                    if title is not None:
                        start += title.end()
                    lead = _LEADING_ROLE.match(text, start, end)
                    if lead is not None:
                        start = lead.end()
                    elif (lead := _LEADING_ROLE_COMPOUND.match(text, start, end)) is not None:
                        start = self._after_leading_word(text, lead, start, end)
                    end = _before_role_word(text, start, end, self._is_surname)
                    end = self._before_street_title(text, start, end)
                    if end <= start:
                        continue
                    if not _has_name_word(text[start:end]):
                        continue  # "P. De Teamleider": an initial and a job, no name
                    if (
                        " " not in text[start:end]
                        and _LABEL_AFTER.match(text, end)
                        and _SENTENCE_END_ON_LINE.search(text, max(0, start - 40), start)
                        and not self._is_first_name(text[start:end])
                    ):
                        continue  # "... in het ECD. Tip: ...", "2. Scholing - ...": a heading
                    if (
                        " " not in text[start:end]
                        and text[start:end].lower() in self._common
                        and (prev := _LOWER_WORD_BEFORE.search(text, max(0, start - 20), start))
                        and prev.group(1) not in _PERSON_FORMS_OF_ADDRESS
                        and prev.group(1) not in _WORDS_OF_ADDRESS
                    ):
                        continue  # "vertaald naar Engels", "spreekt goed Engels": a word
                    if (
                        _AFTER_ADJECTIVE.search(text, max(0, start - 10), start)
                        and " " not in (text[start:end])
                    ):
                        continue  # "de Grote Zaal": a room, not Mr Zaal
                if all(w in _PARTICLE_WORDS or w in _NOT_A_NAME_LEFT for w in piece.split()):
                    continue  # "aan de ": what deduce leaves of a name it cut at an address
                if self._is_disease(text[start:end]):
                    continue  # "Parkinson", "Alzheimer": a disease, not a person
                if label == "naam":
                    end = self._extend_surname(text, end)
            elif label == "adres":
                if _POSTCODE_ONLY.match(piece):
                    letters = piece[-2:]
                    if patterns.postcode_is_dose(text, start, letters):
                        continue  # "2850 IE" insulin
                    label, reason = "postcode", "Nederlandse postcode"
                elif not _HAS_DIGIT.search(piece):
                    label = "plaats"
                    if self._after_word_of_address(text, start):
                        label = "naam"  # "Geachte heer Rozendaal": a surname, not the village
                    if piece.lower() in self._common and _starts_sentence(text, start):
                        continue  # "Oranje = ...": a word opening a sentence, not the village
                    if (
                        piece.lower() in self._ordinary
                        and _starts_sentence(text, start)
                        and _PREPOSITION_AFTER_ORDER.match(text, end)
                    ):
                        continue  # round 22: "Leg in eenvoudige taal uit": an order
                    if (
                        " " not in piece
                        and _LOWER_WORD_AFTER.match(text, end)
                        and (
                            (
                                _starts_sentence(text, start)
                                and not _FINITE_VERB_AFTER.match(text, end)
                                and not _PART_OF_TOWN_AFTER.match(text, end)
                            )
                            or _DASH_BEFORE.search(text, max(0, start - 4), start)
                        )
                    ):
                        continue  # "Best onrustig", "1. Plak nooit", "Putten uit": a word
                elif _QUANTITY_AFTER_NUMBER.match(text, end):
                    continue  # "Roer 30 seconden": a verb and a time, no street
                elif (
                    piece.endswith("e") and piece[-2:-1].isdigit() and _FLOOR_AFTER.match(text, end)
                ):
                    continue  # "Printer 3e verdieping": a floor, no street
                elif _CLOCK_AFTER_NUMBER.match(text, end):
                    continue  # "Fleur 21:05: ...": who writes in a chat and when, no street
                elif patterns.AGE_AFTER_NUMBER.match(text, end):
                    continue  # "Moerman 81 jaar": a name and an age, no street
                elif _MINUTES_AFTER_HOUR.match(text, end):
                    continue  # "Fleur 21:05: haha": who writes and when, no street
                else:
                    lead = _LEADING_LOWER.match(piece)
                    if lead is not None and piece[lead.end() : lead.end() + 1].isupper():
                        start += lead.end()  # "aan de Vaart 24": the street starts at "Vaart"
                        piece = text[start:end]
                    if _LETTER_BEFORE_SLASH.match(text, end - 2):
                        end -= 2  # "Kerkstraat 4 t/m de zomer": "t" of "t/m", no house letter
                        piece = text[start:end]
                    postcode = _POSTCODE_AT_END.search(piece)
                    if postcode is not None:  # "Dijkweg 3 4531 EK": an address and a postcode
                        found.append(
                            Candidate(start + postcode.start(1), end, "postcode", reason, LOOKUP)
                        )
                        end = start + postcode.start()
                    place = _PLACE_AFTER_HOUSE_NUMBER.search(piece)
                    if place is not None and self._is_place(place.group(1)):
                        # "Nieuwstraat 5 Raalte": deduce joins the place to the street
                        found.append(
                            Candidate(start + place.start(1), end, "plaats", reason, LOOKUP)
                        )
                        end = start + place.start()
            if end > start:
                candidate = Candidate(start, end, label, reason, LOOKUP)
                if label == "instelling" and self._care_type(text, candidate):
                    continue
                if label == "instelling" and _ABBREVIATION_COMPOUND.match(text, start, end + 2):
                    continue  # "FACT-team", "GGZ-instelling": a kind of team, not a name
                found.append(candidate)
        return found

    def _before_street_title(self, text: str, start: int, end: int) -> int:
        """ "Huisbezoek Burgemeester" before "Robijnstraat 4", "Huisbezoek Meester J. de
        Vriesstraat": a title of rank or office inside what deduce read as a name, with a
        street and house number after it, opens the street; the name ends before it. What
        is left is no name if it is one word opening a sentence that no list knows."""
        for m in _TITLE_WORD.finditer(text, start, end):
            if (
                m.start() > start
                and m.group(0).lower() in _OFFICE_TITLES
                and _STREET_FOLLOWS.match(text, m.end())
            ):
                end = start + len(text[start : m.start()].rstrip())
                break
        else:
            return end
        word = text[start:end]
        if (
            " " not in word
            and _starts_sentence(text, start)
            and not self._is_first_name(word)
            and not self._is_surname(word.lower())
        ):
            return start
        return end

    def _after_leading_word(self, text: str, lead: re.Match[str], start: int, end: int) -> int:
        """Where a name starts after a greeting or role word ``lead`` that deduce took into it:
        after the word when no list holds it as a name, or when a first name of deduce's list
        that is no surname follows it ("Lieve Marloes", "Top Soraya"); else at ``start``
        ("Lieve Jansen", "Kok Jansen")."""
        word = lead.group(0).strip(", ")
        rest = _FIRST_WORD.match(text, lead.end(), end)
        if not (self._is_surname(word.lower()) or self._is_first_name(word)) or (
            rest is not None
            and self._is_first_name(rest.group(0))
            and not self._is_surname(rest.group(0).lower())
        ):
            return lead.end()
        return start

    def _after_opening_word(self, piece: str, start: int) -> int:
        """Where a name ``piece`` of two words or more at the start of a sentence begins when
        its first word is a common word (deduce's list, or an ordinary word by its frequency:
        ``_ordinary_words``) and no name of deduce's lists, and its second a first name that
        is no surname ("Vanochtend Priya", "Volgens Anouk", "Graag Sjoerd bellen"): a capital
        that only opens the sentence, before the name. Else ``start`` ("Gurbinder Singh",
        "Ömer Aydin": a first name no list holds, "Marloes Roos", "Dhr. Jansen")."""
        first, second = piece.split(" ")[:2]
        if (
            len(first) < 3
            or not first.isalpha()
            or not first[1:].islower()
            or not second.isalpha()
            or not (first.lower() in self._common or first.lower() in self._ordinary)
            or self._is_first_name(first)
            or self._is_surname(first.lower())
            or not self._is_first_name(second)
            or self._is_surname(second.lower())
            or _ROLE_WORD.fullmatch(first)
        ):
            return start
        return start + len(first) + 1

    def _extend_surname(self, text: str, end: int) -> int:
        """ "Wilhelmina Testpersoon": deduce knows the first name, not the rare surname."""
        following = _NEXT_CAPITALISED.match(text, end)
        if following is None:
            return end
        word = following.group(1)
        if word.lower() in self._common or _in_trie(self._places, [word]):
            return end
        if self._is_disease(word) or not self._name_like(word, particles=False):
            return end
        return following.end(1)

    def _is_disease(self, piece: str) -> bool:
        word = piece.strip()
        return bool(word) and (
            _in_trie(self._diseases, word.split()) or word.lower() in self._medical
        )

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one engine per process
    def _is_first_name(self, word: str) -> bool:
        return _in_trie(self._first_names, [word.capitalize()])

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one engine per process
    def _is_surname(self, word: str) -> bool:
        """A surname in deduce's lists, also one that comes after a particle ("Dam")."""
        name = word.capitalize()
        return _in_trie(self._surnames, [name]) or name in self._interfix_surnames

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one engine per process
    def _is_place(self, word: str) -> bool:
        return _in_trie(self._places, [word])

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one engine per process
    def _name_like(self, word: str, *, particles: bool) -> bool:
        """Whether a capitalised word after a name (or after "van der" in one) continues it."""
        lower = word.lower()
        if not word[:1].isupper() or (word.isupper() and len(word) > 1):
            return False  # lower case, or an abbreviation such as "EVV", "SEH"
        if lower in _NOT_NAME_WORDS or lower in patterns.STREET_TITLES:
            return False
        if _INSTITUTION_KIND.fullmatch(word) or _KIND_WORD.match(word):
            return False
        if particles:
            return True  # "van Boxtel", "de Haan": a place or a common word after a particle
        if self._is_surname(lower):
            return True
        return lower not in self._common and not self._is_place(word)

    # -- whole names and addresses ---------------------------------------------------------

    def _grow_name(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Grow a found part of a name to the whole name: initials before it, a first name
        before it, particles and further surnames after it, double-barrelled parts, a
        nickname in brackets ("Bernardus (Ben) Wolters")."""
        lower_case = text[start:end].islower()
        left_at = -1
        left: tuple[int | None, re.Match[str] | None, int] = (None, None, 0)
        judged = (-1, -1)
        for _ in range(8):
            before = (start, end)
            # Each piece on the right opens with a space or a hyphen: where the next
            # character is neither, none can match (and the end stays), else a look at the
            # next character spares each match where it cannot stand.
            if text[end : end + 1] in _RIGHT_OPENERS:
                m = _RIGHT_HYPHEN.match(text, end) if text[end : end + 1] in _HYPHENS else None
                if m is not None and (m.group(2)[0].isupper() or m.group(1) or lower_case):
                    end = m.end()
                m = _RIGHT_INITIAL.match(text, end) if text[end : end + 1] == " " else None
                if m is not None and " " not in text[start:end] and text[start].isupper():
                    end = m.end()  # "Rachid B."
                space = text[end : end + 1] == " "
                # "Lina Al-Hamwi"
                m = (
                    _RIGHT_HYPHEN_PARTICLE.match(text, end)
                    if space and text[start].isupper()
                    else None
                )
                if m is not None:
                    end = m.end()
                m = _RIGHT_NICK.match(text, end) if text[end : end + 2] == " (" else None
                if (
                    m is not None
                    and m.group(1)[0].isupper()
                    and self._name_like(m.group(2), particles=False)
                ):
                    end = m.end()
                m = (
                    _RIGHT_QUOTED_NICK.match(text, end)
                    if text[end + 1 : end + 2] in "'\u2018\"\u201c"
                    else None
                )
                if m is not None and self._name_like(m.group(2), particles=False):
                    end = m.end()  # "Kevin 'Kev' Tjon A Fong"
                m = _RIGHT_WORD.match(text, end) if text[end : end + 1] == " " else None
                if m is not None and not (
                    len(m.group(2)) <= 4 and text[m.end() : m.end() + 1] == "."
                ):
                    word, particles = m.group(2), bool(m.group(1))
                    if word[0].isupper():
                        if self._name_like(word, particles=particles) and not _street_with_number(
                            text, m.start(2), m.end()
                        ):
                            end = m.end()
                    elif (
                        lower_case
                        and particles
                        and word not in self._common
                        and not _KIND_WORD.match(word)  # "jamal uit de crisisopvang"
                        and word not in _SHORT_INSTITUTION_KINDS  # "de wit van zgh noord"
                    ):
                        end = m.end()  # "mw de groot" in a chat
                    elif (
                        lower_case
                        and word not in self._common
                        and (self._is_surname(word) or _FOREIGN_LETTER.search(word))
                    ):
                        end = m.end()  # "mevrouw fatima bosma", "dhr. serkan szymański" in a chat
            if left_at != start:  # the left side depends on the start alone
                left_at, left = start, self._left_of_name(text, start)
            joined, m, width = left
            if joined is not None:
                start = joined
            elif m is not None and (start, end) != judged:
                # the word on the left is judged by the start and the end alone: a second
                # look at the same name (the right side did not grow) finds the same
                judged = (start, end)
                at = start - (width - m.start(1))
                word, particles = m.group(1), bool(m.group(2))
                if (
                    (
                        self._left_name_word(word, particles)
                        or self._first_name_before_surname(text, word, start, end)
                        or (lower_case and particles and self._lower_first_name(word))
                        or self._lower_first_name_before_particles(text, word, start, particles)
                        or _month_as_first_name(text, word, at, particles)
                    )
                    and (
                        not _starts_sentence(text, at)
                        or self._is_first_name(word)
                        or self._is_surname(word.lower())
                        or _STRICT_FOREIGN_LETTER.search(text[start:end]) is not None
                        # round 24: a word too rare for wordfreq's Dutch list, before a found
                        # surname alone ("Yohannes Ghebremedhin belde"), also opens a sentence
                        or (
                            word.lower() not in self._zipf
                            and word[1:].isalpha()
                            and word[1:].islower()  # not "EVV'er Priscilla"
                            and self._unknown_first_name_before(word, text[start:end])
                        )
                    )
                ):
                    start = at
            if (start, end) == before:
                break
        return start, end

    def _left_of_name(self, text: str, start: int) -> tuple[int | None, re.Match[str] | None, int]:
        """What stands left of a name that starts at ``start``, as far as it depends on the
        start alone (so _grow_name looks once per start, not again when only the end grew):
        the new start where initials, a bracket, a first name before an initial or a
        capitalised part before a hyphen join the name; else the word (and particles) before
        it for _grow_name to judge; and the length of the window looked at."""
        window = text[max(0, start - 40) : start]
        # Each pattern on the left ends in ".", "-" or " " (and "$" allows a newline
        # after it): a look at the last characters spares the search of the window.
        tail = window[-4:]
        m = _LEFT_INITIALS.search(window) if "." in tail else None
        if m is None and " " in tail and text[start].isupper():  # "A. Ben Yahia"
            m = _left_initials_particles(window)
        if m is None and ") " in tail and text[start].isupper():
            m = self._left_bracket(window)  # "P.J. (Pieter) Dekker"
        if m is None and text[start + 1 : start + 3] == ". " and _MIDDLE_INITIAL.match(text, start):
            m = self._first_name_before_initial(text, window, start)
        if m is not None:
            return start - (len(window) - m.start(1)), None, len(window)
        m = _LEFT_HYPHEN.search(window) if "-" in tail else None
        if m is not None and m.group(1)[0].isupper():
            return start - (len(window) - m.start(1)), None, len(window)
        m = _LEFT_BARE_INITIALS.search(window) if tail[-2:-1].isupper() else None
        if m is not None and self._bare_initials(m.group(1)):
            return start - (len(window) - m.start(1)), None, len(window)
        return None, (_left_word(window) if " " in tail else None), len(window)

    def _bare_initials(self, letters: str) -> bool:
        """Whether two capitals without full stops before a name are its initials ("JP de
        Graaf"): not a word ("EN", "OP") nor a role ("SO", "PB", "OK" aside by the lists)."""
        return (
            letters.lower() not in self._common
            and not _ROLE_WORD.fullmatch(letters)
            and letters not in _NOT_BARE_INITIALS
        )

    def _first_name_before_surname(self, text: str, word: str, start: int, end: int) -> bool:
        """ "Bożena van der Zwaag", "Wojciech Kamińska-de Wit": a capitalised word that no
        list knows as a first name, right before a surname with particles or a hyphen, is the
        first name when it is name-like (no common word, place, title or kind of
        organisation) or has a letter Dutch words never have."""
        name = text[start:end]
        if not (name[:1].islower() or "-" in name.split(" ", 1)[0]):
            return self._unknown_first_name_before(word, name)
        if not word[:1].isupper() or word.lower() in self._common or _ROLE_WORD.fullmatch(word):
            return False
        return bool(_FOREIGN_LETTER.search(word)) or self._name_like(word, particles=False)

    def _unknown_first_name_before(self, word: str, name: str) -> bool:
        """ "Grzegorz Zieliński", "van Yonas Berhane": a capitalised word that no list knows,
        right before a found one-word surname (no first name), is its first name when a
        person cue would take it (no common, role, place, medical or kind word)."""
        return (
            " " not in name
            and name[:1].isupper()
            and not self._is_first_name(name)
            and self._cue_name_word(word, strict=True)
            and not _ENGLISH_RELATION_WORD.fullmatch(word)
        )

    def _lower_first_name(self, word: str) -> bool:
        """ "ilham" in "ilham ait benhaddou" in a chat: a lower-case first name before the
        particles of a found surname."""
        return (
            word.islower()
            and word not in self._common
            and (self._is_first_name(word) or _FOREIGN_LETTER.search(word) is not None)
        )

    def _left_name_word(self, word: str, particles: bool) -> bool:
        """Whether the word before a found name belongs to it: a known first name ("Fatima"
        before "El Amrani"), or any name-like word before particles ("Wim ter Steege")."""
        if not word[0].isupper() or word.lower() in self._common:
            return False
        if word.lower() in _NOT_NAME_WORDS or word.lower() in patterns.STREET_TITLES:
            return False
        if particles:
            return self._name_like(word, particles=False)
        return self._is_first_name(word) and not self._is_place(word)

    def _grow_address(self, text: str, start: int, end: int) -> tuple[int, int]:
        """ "St. Jorisplein 8" -> "St. Jorisplein 8-2": the rest of the house number. And
        the particles in lower case before the street, "van Speijkstraat 9", "de Ruyterweg
        110", where deduce's street list holds the street with them (so "op de Kerkstraat 4"
        stays "Kerkstraat 4"), or shortened ("vd Helststraat 3", never a preposition)."""
        if text[end - 1 : end].isdigit():
            m = patterns.HOUSE_TAIL_AT.match(text, end)
            if m is not None:
                end = m.end()
        if start >= 3 and text[start - 1] == " " and text[start : start + 1].isupper():
            adjective = _STREET_ADJECTIVE_BEFORE.search(text, max(0, start - 8), start)
            if adjective is not None:
                return adjective.start(), end  # "Nieuwe Buren 17a"
            initials = _INITIALS_BEFORE_STREET.search(text, max(0, start - 8), start)
            if initials is not None and _STREET_WORD_END.search(text, start, text.find(" ", start)):
                return initials.start(), end  # "J.P. Coenstraat 14"
            before = _PARTICLES_BEFORE_STREET.search(text, max(0, start - 24), start)
            if before is not None:
                start = self._street_particles(text, before, start, end)
                if start >= 3 and text[start].islower():
                    # round 25 (addr25): a title in lower case before the particles ("in de
                    # burg. van Heemstraweg 23"): the street's first word
                    title = _LOWER_TITLE_BEFORE_STREET.search(text, max(0, start - 14), start)
                    if title is not None:
                        start = title.start()
        return start, end

    def _named_after_person(self, street: str) -> bool:
        """ "Ruyterweg": a surname and a street word joined ("Lijnbaan" is no surname's)."""
        word = _STREET_WORD_END.search(street)
        return word is not None and self._is_surname(street[: word.start()].lower())

    def _street_particles(self, text: str, before: re.Match[str], start: int, end: int) -> int:
        """Where a street starts when lower-case particles (``before``) stand before it."""
        if before.group(2):
            return before.start(2)  # "vd", "v.d.", "v/d"
        if self.deduce is None:
            return start
        street = _STREET_NAME_PART.match(text, start, end)
        if street is None:
            return start
        streets = self.deduce.lookup_structs["street"]
        words = before.group(1).split()
        for index in range(len(words)):  # the most particles first
            tokens = [*words[index:], *street.group(0).split()]
            if tokens[0] == "'t" and index == len(words) - 1:
                # round 25 (addr25): "'t" alone before a street whose last word is not a
                # common street word opens its name ("op 't Vonder 9", "'t Hoenderveld 4");
                # "in 't Kerkplein 4" is an article before a square
                if not _COMMON_STREET_WORD_END.search(street.group(0)):
                    return start - 3
                continue
            if (
                tokens[0] in {"de", "het", "'t"}
                and (
                    not self._named_after_person(tokens[1])
                    # round 25 (addr25): nor after a preposition when the street without
                    # the article is a listed street of its own ("op de Hoogstraat 12", "in
                    # de Lindenhof 14"); "op de Ruyterweg" is listed only with it, and ", de
                    # Ruyterstraat 5" has no preposition
                    or (
                        len(tokens) == 2
                        and _PREPOSITION_BEFORE.search(
                            text, max(0, before.start() - 8), before.start()
                        )
                        is not None
                        and _in_trie(streets, tokens[1:])
                    )
                )
            ):
                continue  # "op de Lijnbaan 4": "de" alone only before a surname's street
            if _in_trie(streets, tokens):
                return start - len(" ".join(words[index:])) - 1
        if len(words) > 1 and words[0] in {"de", "het"} and words[1] in {"van", "ter", "ten"}:
            # "op de van Lennepkade 88": after the article a particle opens the street
            return start - len(" ".join(words[1:])) - 1
        return start

    # -- names found from their context ------------------------------------------------------

    def _lowercase_name_candidates(self, text: str) -> list[Candidate]:
        """ "pieter jansen": a known first name followed by a known surname, in lower case."""
        if self.deduce is None:
            return []
        found = []
        for m in _LOWER_PAIR.finditer(text):
            a, b = m.group(1), m.group(2)
            if (
                a not in self._common
                and a not in _LOWER_GREETINGS
                and b not in self._common
                and a not in self._whitelist
                and b not in self._whitelist
                and self._is_first_name(a)
                and (self._is_surname(b) or _FOREIGN_LETTER.search(b) or _FOREIGN_SHAPE.search(b))
            ):
                found.append(
                    Candidate(m.start(1), m.end(2), "naam", "voornaam en achternaam", PATTERN)
                )
        return found

    def _polish_shape_names(self, text: str) -> list[Candidate]:
        """ "met Dorota Kowalczyk", "Grzegorz Mazur belde", "mevrouw Kaczmarek", "Oksana
        Melnyk": a word of a Polish or Ukrainian shape (``_POLISH_WORD``) that no list holds,
        with the capitalised word after or before it that is no common word, role or title, or
        alone inside a sentence."""
        if self.deduce is None or not any(clue in text for clue in _POLISH_CLUES):
            return []
        found = []
        for m in _POLISH_WORD.finditer(text):
            if not self._unlisted_word(m.group(0)):
                continue
            start, end = m.start(), m.end()
            after = _NEXT_CAPITALISED.match(text, end)
            before = _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
            if after is not None and self._unlisted_word(after.group(1)):
                end = after.end(1)
            elif before is not None and self._unlisted_word(before.group(1)):
                start = before.start(1)
            elif _starts_sentence(text, start):
                continue  # a word alone that opens a sentence: no evidence of a name
            reason = (
                "lijkt op een Oekraïense naam"
                if _UKRAINIAN_ENDING.search(m.group(0))
                else "lijkt op een Poolse naam"
            )
            found.append(Candidate(start, end, "naam", reason, PATTERN))
        return found

    def _unlisted_word(self, word: str) -> bool:
        """A word that is no common or medical word, role, title or place of the lists."""
        lower = word.lower()
        return not (
            lower in self._common
            or lower in self._whitelist
            or lower in self._medical
            or _ROLE_WORD.fullmatch(word)
            or _TITLES.match(word + " ")
            or self._is_place(word)
        )

    def _lowercase_particle_names(self, text: str) -> list[Candidate]:
        """ "lisa de jong", "w.j.m. van dam", "sanne nowak-kowalska": lower-case names with
        particles, initials or a hyphen, where a list knows the first name or the surname."""
        if self.deduce is None:
            return []
        found = []
        for m in patterns.LOWER_NAME.finditer(text):
            if self._lower_particle_name_ok(m):
                found.append(
                    Candidate(m.start(), m.end(), "naam", "naam in kleine letters", PATTERN)
                )
            elif not m.group(2) and m.group(1)[-1:] == " ":
                # round 25: the last word may open a name with particles ("zoon sjaak de
                # bruin", where "zoon sjaak" is no name), which finditer passes over
                inner = patterns.LOWER_NAME.match(text, m.start(3))
                if (
                    inner is not None
                    and inner.group(2)
                    and self._lower_particle_name_ok(inner)
                    and self._lower_name_inside_ok(inner)
                ):
                    found.append(
                        Candidate(
                            inner.start(), inner.end(), "naam", "naam in kleine letters", PATTERN
                        )
                    )
        return found

    def _lower_name_inside_ok(self, m: re.Match[str]) -> bool:
        """A LOWER_NAME match inside a longer one that was no name: a known first name, no
        ordinary word, and a surname a list knows ("zoon sjaak de bruin", not "kader van
        beginnende")."""
        head, last = m.group(1).strip(), m.group(3)
        surname = last.split("-")[-1]
        return (
            self._is_first_name(head)
            and head not in self._common
            and head not in self._whitelist
            and (self._is_surname(surname) or surname.capitalize() in self._interfix_surnames)
        )

    def _lower_particle_name_ok(self, m: re.Match[str]) -> bool:
        """Whether a patterns.LOWER_NAME match is a name (see _lowercase_particle_names)."""
        head, particles, last = m.group(1).strip(), m.group(2), m.group(3)
        surname = last.split("-")[-1]
        if not (particles or "-" in last or head.endswith(".")):
            return False  # two plain words: _lowercase_name_candidates
        if particles.split()[:1] in (["ben"], ["ait"]) and (
            len(head) < 4 or len(surname) < 4 or head in self._common
        ):
            return False  # "hee ben jij", "ik ben moe": the verb "ben"
        if (
            particles
            and len(surname) > 5
            and surname.endswith("ende")
            and not self._is_surname(surname)
        ):
            return False  # round 25: "kader van beginnende collega's": a present participle
        if particles.split() == ["al"] and _PAST_PARTICIPLE.fullmatch(last):
            return False  # "de tilliften al gekeurd", "bijdrage al ingevuld": "already"
        if surname in self._medical or surname in _NOT_NAME_WORDS or surname in patterns.NOT_NAMES:
            return False
        if (surname in self._common or last in self._common) and not (
            particles
            and (
                head.endswith(".")
                or self._is_first_name(head)
                or _FOREIGN_LETTER.search(head)  # "gülsüm van 't zand"
            )
        ):
            return False
        if head.endswith("."):
            if head.upper() in patterns.NOT_INITIALS or not (
                self._is_surname(surname) or particles or "-" in last
            ):
                return False
        elif (
            head in self._common
            or head in self._whitelist
            or not (
                self._is_first_name(head)
                or _FOREIGN_LETTER.search(head)
                # "wojciech el hamdaoui": an Arabic or Berber particle and a surname
                or (
                    particles.split()[:1] in (["el"], ["al"], ["ben"], ["ait"])
                    and surname not in self._common
                    and surname not in self._whitelist
                    and len(surname) > 3
                )
            )
            or not (particles or "-" in last or self._is_surname(last))
        ):
            return False
        return True

    def _context_name_candidates(self, text: str) -> list[Candidate]:
        """Names after a title ("dhr jansen", "mw. Van den Berg"), after a role or relation
        ("dochter Marleen", "juf Marloes"), initials standing for a person ("A.B."), a name
        before an age in brackets ("Wessel (10)"), who writes in a chat ("sanne: ...")."""
        if self.deduce is None:
            return []
        found = []
        for m in patterns.TITLE_NAME.finditer(text):
            name = m.group(1)
            if "\n" in text[m.start() : m.start(1)]:
                continue  # "overleg met de arts\nS: ...": a title ends a line, a heading follows
            words = name.lower().split()
            last = words[-1].split("-")[-1]
            if (last in self._common or last in _NOT_NAME_WORDS) and not self._particle_surname(
                name
            ):
                continue
            if name.islower() and last in self._common and _BARE_NUMBER_AFTER.match(text, m.end(1)):
                continue  # "mevrouw van kamer 6", "meneer van bed 2": a room or a bed by its
                # number, not Mrs Van Kamer ("mw van der linden 3x gebeld" keeps its name)
            if name.split()[-1].islower():
                known = self._is_surname(last) or self._is_first_name(last)
                if not known and len(words) > 1 and words[-2] in ("de", "het", "'t"):
                    continue  # "meneer van de fysio": an article and a word no list knows as a
                    # name; "mw van 't hof", "dhr de haan" are known
                abbreviated = m.group(0)[:1].lower() in "dm" and not m.group(0).lower().startswith(
                    ("dr", "dokter")
                )
                if not (known or (abbreviated and self._lowercase_name_ok(last))):
                    continue  # "dhr. meet zelf", "arts ter plaatse": no name
                if not known and _full_form_in_written_text(text, m.group(0)):
                    continue  # "die meneer van de hoekkamer": a room, no name
                if (
                    len(words) == 1
                    and self._zipf.get(last, 0.0) >= _FREQUENT_SURNAME_ZIPF
                    and not self._is_first_name(last)
                    and _full_form_in_written_text(text, m.group(0))
                ):
                    continue  # "wilde mevrouw mee naar buiten": a frequent word, no "Mee"
            if _in_trie(self._diseases, [last.capitalize()]):
                continue
            if m.group(0).startswith("HA") and (
                self._is_place(name)
                or name.lower() in self._ordinary
                or name.lower() in _COMPASS_WORDS
            ):
                continue  # "HA Geldrop", "HA Centrum": the practice of a place, no surname
            if (
                name.isupper()
                and len(name) <= 3
                and m.group(0)[:1].lower() in "ah"  # "arts", "huisarts"
            ):
                continue  # "Arts VG", "huisarts SO": a speciality's abbreviation, no name
            if (
                name.islower()
                and " " not in name
                and name.endswith("t")
                and m.group(0)[:1].lower() in "ahd"
                and m.group(0).lower().startswith(("arts", "huisarts", "dokter"))
                and _SEPARABLE_PARTICLE_AFTER.match(text, m.end(1))
            ):
                continue  # "huisarts verwijst door": a verb and its particle, no name
            found.append(Candidate(m.start(1), m.end(1), "naam", _AFTER_TITLE, PATTERN))
        for m in patterns.ROLE_NAME.finditer(text):
            name = m.group(1)
            last = name.split()[-1]
            if len(last) == 2 and last.endswith("."):
                pass  # "Cliënt R. (15)": a person by an initial
            elif last[0].isupper():
                if not self._name_like(last, particles=" " in name.strip()):
                    continue
                if self._is_care_word(last) and not self._kin_cue(m, text):
                    continue  # "Specialist Ouderengeneeskunde", "Casemanager Dementie"
            elif (
                not (self._is_first_name(last) and last not in self._common)
                and not (
                    " " not in name.strip()
                    and _KIN_WORD.fullmatch(m.group(0)[: m.start(1) - m.start()].strip())
                    and _POSSESSIVE_BEFORE.search(text, max(0, m.start() - 6), m.start())
                    and len(last) > 3
                    and not last.endswith((*_VERB_ENDINGS, "ing"))
                    and last not in self._whitelist
                    and self._cue_name_word(last.capitalize(), strict=True)
                    and (_is_chat(text) or len(_MESSAGE_LINE.findall(text)) >= 2)
                )
                and not self._repeated_kin_name(text, m, last)
            ):
                continue  # not "haar dochter shaienne" in a chat: a possessive, kin, a name
            lead = _VAN_BEFORE_FIRST_NAME.match(text, m.start(1))
            if lead is not None and not self._is_first_name(lead.group(1)):
                lead = None
            found.append(
                Candidate(
                    m.start(1) if lead is None else lead.end(),
                    m.end(1),
                    "naam",
                    "naam na een rol of familielid ('dochter', 'fysio')",
                    PATTERN,
                )
            )
        for m in patterns.INITIALS_ALONE.finditer(text) if _TWO_INITIALS.search(text) else ():
            if m.group(1).replace(" ", "") not in patterns.NOT_INITIALS:
                found.append(Candidate(m.start(1), m.end(1), "naam", "voorletters", LOOKUP))
        for m in patterns.INITIALS_AFTER_WORD.finditer(text):
            if m.group(1).upper() not in patterns.NOT_INITIALS and (
                patterns.INITIALS_WORD_BEFORE.search(text, max(0, m.start() - 8), m.start())
            ):
                found.append(Candidate(m.start(1), m.end(1), "naam", "voorletters", LOOKUP))
        for age in patterns.AGE_IN_BRACKETS.finditer(text):
            before = patterns.NAME_BEFORE_AGE.search(text, max(0, age.start() - 40), age.start())
            if before is None:
                continue
            word = before.group(1)
            if word.lower() in _PERSON_NOUNS:
                continue  # "Jongen (15)": a noun for a person, though also a surname
            if (
                self._name_like(word, particles=False)
                or self._is_first_name(word)
                or (word.islower() and self._lower_chat_name(text, word, before.start(1)))
            ):  # "selam (17)" in a chat
                found.append(
                    Candidate(
                        before.start(1), before.end(1), "naam", "naam voor een leeftijd", PATTERN
                    )
                )
        for m in patterns.RELATION_NAME.finditer(text):
            word = m.group(1)
            if word not in self._common and self._is_first_name(word):
                found.append(Candidate(m.start(1), m.end(1), "naam", "voornaam na 'zoon'", PATTERN))
        for m in _matches_from(patterns.SPEAKER, text, _speaker_starts(text)):
            word = m.group(1)
            if word.lower() not in self._common and self._is_first_name(word.lower()):
                found.append(
                    Candidate(m.start(1), m.end(1), "naam", "naam van wie schrijft", PATTERN)
                )
        return found

    def _repeated_kin_name(self, text: str, m: re.Match[str], word: str) -> bool:
        """Round 23: a lower-case word that no list knows right after a family word, which
        the text uses again as a word of its own, opening a clause before a lower-case word
        ("dochter ola verhuist ... ola tolkt meestal"): a first name the lists lack. Not a
        Dutch word, a chat's abbreviation (a short word ending in a consonant: "ivm", "evt")
        or a word a list knows."""
        cue = m.group(0)[: m.start(1) - m.start()].strip()
        if (
            " " in m.group(1).strip()
            or not _KIN_WORD.fullmatch(cue)
            or not word.isalpha()
            or len(word) < 3
            or (len(word) == 3 and word[-1] not in "aeiouy")
            or word in self._common
            or word in self._ordinary
            or word in self._whitelist
            or self._zipf.get(word, 0.0) >= _ORDINARY_ZIPF
            or word.endswith(("ing", "en"))
        ):
            return False
        return any(
            again.start() != m.start(1)
            for again in _CLAUSE_OPENING_WORD.finditer(text)
            if again.group(1) == word
        )

    @staticmethod
    def _kin_cue(m: re.Match[str], text: str) -> bool:
        """Whether a role match's cue is a family word and its name a capitalised word in the
        middle of a sentence ("haar overleden man Cor", "Broer Ilias (06-...)"): a relative
        is called by a name, never by a speciality, so a word deduce's medical list also
        holds ("cor", "ilias") is the name there. A role ("Casemanager Dementie") is not."""
        cue = m.group(0)[: m.start(1) - m.start()].strip()
        name = m.group(1)
        return (
            _KIN_WORD.fullmatch(cue) is not None
            and " " not in name.strip()
            and name[:1].isupper()
            and not name.isupper()
        )

    def _particle_surname(self, name: str) -> bool:
        """ "huisarts Van der Meer", "dhr. de Boer": after particles a capitalised ordinary
        word is a surname, unless it names a kind of organisation or is a title; in lower
        case, as chats write it ("meneer de haan", "dr van dijk"), when deduce's list of
        surnames after a particle holds it."""
        words = name.split()
        last = words[-1]
        if len(words) < 2 or words[-2].lower() not in _PARTICLE_WORDS or "-" in last:
            return False
        if last[:1].isupper():
            return self._name_like(last, particles=True)
        return last.capitalize() in self._interfix_surnames

    def _lower_chat_name(self, text: str, word: str, start: int) -> bool:
        """A lower-case word before a cue ("uit kamer 3", "(17)") is a name in a chat when it
        follows no article, ends like no verb and is no word a list holds."""
        return (
            _is_chat(text)
            and not _article_before(text, start)
            and not word.endswith((*_VERB_ENDINGS, "ing"))
            and word not in self._whitelist
            and self._cue_name_word(word.capitalize(), strict=True)
        )

    def _is_care_word(self, word: str) -> bool:
        """A medical term or speciality that no list knows as a name ("Dementie")."""
        lower = word.lower()
        return (
            lower in self._medical
            and not self._is_first_name(lower)
            and not self._is_surname(lower)
        )

    def _lowercase_name_ok(self, word: str) -> bool:
        """A lower-case word after "dhr"/"mw" is a name if a list knows it as one, or if it
        is no word we know and does not end like a Dutch verb or adjective."""
        if self._is_surname(word) or self._is_first_name(word):
            return True
        return (
            len(word) >= 3
            and word not in self._whitelist
            and word not in self._medical
            and word not in self._ordinary  # "mevrouw mee naar buiten"
            and not word.endswith(_VERB_ENDINGS)
        )

    def _institutions_after_stay(
        self, text: str, starts: _OpeningStarts | None = None
    ) -> list[Candidate]:
        """patterns.INSTITUTION_AFTER_STAY: an article and a name after "dagbesteding bij",
        "opgenomen in" ... unless the name is a place ("in De Bilt") or a common word ("in de
        Tuin"); after "rekening van", "gebeld met" also unless it is a person's name."""
        found = []
        starts = starts or _OpeningStarts(text)
        for m in starts.finditer(patterns.INSTITUTION_AFTER_STAY):
            name = m.group(2)
            words = name.split()
            rest = [word.lower() for word in words[1:]]
            if _in_trie(self._places, [words[0].capitalize(), *words[1:]]) or _in_trie(
                self._places, words[1:]
            ):
                continue
            if rest[0] in self._common or rest[0] in _NOT_NAME_WORDS:
                continue
            if any(_INSTITUTION_KIND.fullmatch(word) for word in words[1:]):
                continue  # "in het Kempenland Ziekenhuis": the kind rules find it, no article
            if m.group("stay") is None and (
                self._is_surname(rest[0]) or self._is_first_name(rest[0])
            ):
                continue  # "gebeld met de Vries"
            # After a cue of a stay the organisation beats deduce's longer person or place
            # ("bij de Kroon" read as a surname).
            priority = STRONG if m.group("stay") else PATTERN
            found.append(
                Candidate(m.start(2), m.end(2), "instelling", "naam van een organisatie", priority)
            )
        return found

    def _institution_candidates(self, text: str) -> list[Candidate]:
        """Every organisation rule, in one place: the kinds of patterns.INSTITUTION_KINDS and
        their context, then (with deduce's lists) the kind words that list lacks and the
        desks, headings, letterheads and referrals."""
        starts = _OpeningStarts(text)  # where the scans that open with a word can match
        found = [
            _after_lower_kind_of(text, c)
            for c in patterns.find_institutions(text, starts.finditer(patterns.INSTITUTION))
            if not self._care_type(text, c)
            and not self._generic_kind(text, c)
            and not self._ordinary_word_of_kind(text, c)
            and not self._person_after_kind(text, c)
        ]
        if self.deduce is None:
            return found
        found += self._kind_apposition_candidates(text)
        for m in starts.finditer(patterns.INSTITUTION_AFTER_CONTEXT):
            name = m.group(1)
            words = name.split()
            rest = words[1:]
            if self._is_place(name) or _in_trie(self._places, words):
                continue  # "in De Bilt"
            # round 21 (inst21b): after a word for a place of care a house may be named by a
            # common word ("locatie Het Baken", "behandelgroep De Kajuit"); "in De Tuin" not;
            # there only "De" goes before a surname ("locatie Het Anker" names no person)
            care_place = _CARE_PLACE_BEFORE.search(text, max(0, m.start(1) - 15), m.start(1))
            if len(rest) == 1 and (
                (self._is_surname(rest[0].lower()) and (care_place is None or words[0] == "De"))
                or (rest[0].lower() in self._common and care_place is None)
            ):
                continue  # "bij De Vries", "in De Tuin"
            # after a word for a place of care ("locatie De Hooge Weide") the house outranks
            # deduce reading its words as a person's name
            priority = STRONG if care_place is not None else LOOKUP
            found.append(
                Candidate(m.start(1), m.end(1), "instelling", "naam van een organisatie", priority)
            )
        found += self._institutions_after_stay(text, starts)
        for m in starts.finditer(patterns.INSTITUTION_AFTER_VERB):
            if not patterns.WORK_VERB_BEFORE.search(
                text, max(0, m.start() - 60), m.end(0) - len(m.group(1))
            ):
                continue
            name = m.group(1)
            first = name.split()[0]
            if " " not in name and _article_before(text, m.start(1)):
                continue  # "brengt haar in de Rolstoel": a noun written with a capital
            if (
                first.lower() in self._common
                or first.lower() in _NOT_NAME_WORDS
                or self._is_place(first)
                or self._is_surname(first.lower())
                or self._is_first_name(first.lower())
            ):
                continue
            found.append(
                Candidate(m.start(1), m.end(1), "instelling", "naam van een organisatie", LOOKUP)
            )
        found += self._suffix_organisations(text)
        for m in starts.finditer(patterns.INSTITUTION_AFTER_ROLE):
            word = m.group(1)
            lower = word.lower()
            if (
                lower in self._common
                or lower in self._medical
                or lower in _NOT_NAME_WORDS
                or lower.endswith("en")  # "team Wonen": an infinitive or a plural
                or self._is_place(word)
                or self._is_surname(lower)
                or self._is_first_name(lower)
                or (word.isupper() and _INSTITUTION_KIND.fullmatch(word))
                # round 24 (clean24): a team named by an ordinary word is a department
                # ("Met vriendelijke groet,\nTeam Onderhoud", "team Planning:")
                or (m.group(0)[:4].lower() == "team" and lower in self._ordinary)
            ):
                continue  # "begeleider Jansen.", "team Wonen:", "jeugdverpleegkundige GGD,"
            # a pattern with its context: it outranks deduce reading the word as a name
            found.append(
                Candidate(m.start(1), m.end(1), "instelling", "naam van een organisatie", PATTERN)
            )
        found += self._listed_institution_candidates(text)
        found += [
            Candidate(m.start(1), m.end(1), "instelling", "zorgverzekeraar", STRONG)
            for m in patterns.INSURER_AFTER_CUE.finditer(text)
            if not self._is_first_name(m.group(1).split()[0])
        ]  # "Verzekerd bij VGZ", "Zorgverzekeraar: Zilveren Kruis": the insurer
        # then the kinds the main list lacks, and desks, headings and referrals
        found += self._kind_word_institution_candidates(text, starts)
        found += self._desk_heading_referral_candidates(text, starts)
        found += self._creditor_candidates(text)
        if ":" in text:
            found += self._organisation_field_candidates(text)
            found += self._addressee_organisations(text)
        found += self._kind_compound_organisations(text)
        return found

    def _addressee_organisations(self, text: str) -> list[Candidate]:
        """Round 21 (inst21): patterns.ADDRESSEE_ORGANISATION ("Aan: Huisartsengroep
        Deppenbroek,", "Aan: Wijkverpleging Lombok"): kept when the first word is an
        ordinary word (``_ordinary_words``: no first name or surname) or an organisation's
        kind, no abbreviation and no form of address, and some word after the first is no common,
        frequent or medical word and no compass point ("Lombok", "Baronie"), or a place
        ("Kralingen"): "Aan: Afdeling
        Interne Geneeskunde" and "Aan: Team Noord" stay out."""
        found = []
        for m in patterns.ADDRESSEE_ORGANISATION.finditer(text):
            words = m.group(1).split()
            head = words[0]
            if (
                head.isupper()  # "Aan: SEH Ziekenhuis X": a department before the house
                or self._is_first_name(head)
                or head.lower() in _PERSON_FORMS_OF_ADDRESS
                or not (
                    head.lower() in self._ordinary
                    or patterns.ORGANISATION_HEAD_WORD.fullmatch(head)
                )
            ):
                continue
            if not any(
                self._is_place(w)
                or (
                    w[:1].isupper()
                    and w.lower() not in self._common
                    and w.lower() not in self._zipf
                    and w.lower() not in self._medical
                    and w.lower() not in _COMPASS
                )
                for w in words[1:]
            ):
                continue
            found.append(
                Candidate(m.start(1), m.end(1), "instelling", "naam van een organisatie", STRONG)
            )
        return found

    def _kind_compound_organisations(self, text: str) -> list[Candidate]:
        """Round 21 (inst21b): patterns.KIND_COMPOUND_BEFORE_NAME ("Kindertherapie
        IJsselzicht", "Peuterwerk Wyck", "Alarmdienst Noordwacht"): kept when the word after
        the compound is a place, or no common, frequent or medical word, no compass point, no
        first name and no form of address ("Fysiotherapie Maandag", "Kindertherapie Sanne"
        stay out); after an article ("Biljartclub De Keu") or before "&" and a word
        ("Formulierenbrigade Maas & Heuvel") any word but a first name or a form of address."""
        found = []
        for m in patterns.KIND_COMPOUND_BEFORE_NAME.finditer(text):
            word = m.group(3)
            low = word.lower()
            if self._is_first_name(word) or low in _PERSON_FORMS_OF_ADDRESS:
                continue  # "Kindertherapie Sanne": the therapist; "Fysiotherapie De Heer"
            house = m.group(2) is not None or m.group(4) is not None
            if (
                not house
                and not self._is_place(word)
                and (
                    low in self._common
                    or low in self._zipf
                    or low in self._medical
                    or low in _COMPASS
                )
            ):
                continue
            found.append(
                Candidate(m.start(1), m.end(), "instelling", "naam van een organisatie", STRONG)
            )
        return found

    def _suffix_organisations(self, text: str) -> list[Candidate]:
        """Round 18b: patterns.SUFFIX_ORGANISATION after patterns.PREPOSITION_BEFORE ("bij
        Plangroep", "van HEEMwonen"). Organisations name themselves with such compounds; a
        word of the lists, a place, a surname or a generic kind ("Mantelzorg") is dropped."""
        found = []
        for m in patterns.SUFFIX_ORGANISATION.finditer(text):
            if not patterns.PREPOSITION_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue
            word = m.group(1)
            lower = word.lower()
            if (
                self._known_word(lower)
                or word in patterns.GENERIC_INSTITUTIONS
                or self._is_place(word)
                or self._is_surname(lower)
            ):
                continue
            found.append(
                Candidate(m.start(1), m.end(1), "instelling", "naam van een organisatie", PATTERN)
            )
        return found

    def _creditor_candidates(self, text: str) -> list[Candidate]:
        """Round 16c: the organisations in the creditors' field of a debt-help text
        ("Schuldeisers: Belastingdienst Toeslagen, CZ, Vodafone en Essent"): each item of the
        list that is one to three capitalised words, no digits, and not a first name, a
        place or a plain word ("Schuldeisers: Geen", "Crediteuren: Zie bijlage")."""
        found = []
        for field in patterns.CREDITORS_FIELD.finditer(text):
            pos = field.start(1)
            for part in patterns.CREDITOR_SEPARATOR.split(field.group(1)):
                start = text.index(part, pos) if part else pos
                pos = start + len(part)
                item = part.strip()
                first = item.split()[0].lower() if item else ""
                if (
                    not patterns.CREDITOR_ITEM.fullmatch(item)
                    or first in self._common
                    or first in _NOT_NAME_WORDS
                    or self._is_first_name(first)
                    or self._is_place(item)
                ):
                    continue
                found.append(
                    Candidate(start, start + len(item), "instelling", "schuldeiser", PATTERN)
                )
        return found

    def _organisation_field_candidates(self, text: str) -> list[Candidate]:
        """Round 18b: the value of a form's field that names an organisation
        (patterns.ORGANISATION_FIELD: "Werkgever: Coolblue", "Verhuurder: Woonbron"). The
        field says what the value is, so a name no list holds is taken; a first name or a
        surname (a private landlord, a contact), a place or a plain word is not."""
        found = []
        for m in patterns.ORGANISATION_FIELD.finditer(text):
            words = m.group(1).split()
            bare = words[1:] if words[0] in {"De", "Het", "'t"} else words
            first = bare[0].lower() if bare else ""
            if (
                not bare
                or first in self._common
                or first in _NOT_NAME_WORDS
                or self._is_first_name(first)
                or (len(words) == 1 and self._is_surname(first))
                or self._is_place(" ".join(bare))
                or _HAS_DIGIT.search(m.group(1))
            ):
                continue
            found.append(
                Candidate(m.start(1), m.end(1), "instelling", "naam van een organisatie", STRONG)
            )
        return found

    def _person_after_kind(self, text: str, candidate: Candidate) -> bool:
        """ "Kraamzorg Anouk" (the maternity nurse), "School van Djessy" (her school),
        "transport van Hr. Kowalczyk": after a kind word a person is meant, not a name of
        the organisation: a form of address, a first name after "van", or one first name
        after a kind of care ending in "-zorg"."""
        if self.deduce is None or candidate.priority == LOOKUP:
            return False
        kind = _INSTITUTION_KIND.match(text, candidate.start, candidate.end)
        if kind is None:
            return False
        words = text[kind.end() : candidate.end].split()
        if not words:
            return False
        after_van = words[0].lower() == "van"
        name = words[1:] if after_van else words
        if not name:
            return False
        if name[0].lower().rstrip(".") in _PERSON_FORMS_OF_ADDRESS:
            return True
        if len(name) != 1 or not self._is_first_name(name[0]):
            return False
        return after_van or kind.group(0).lower().endswith("zorg")

    def _kind_apposition_candidates(self, text: str) -> list[Candidate]:
        """ "Porthos (woningcorporatie)", "Klankwijzer, audiologisch centrum": a name that a
        kind word in brackets or after a comma describes, if no list knows a word of it as a
        person, place or plain word ("Laura (wijkteam)" is a person of the team)."""
        found = []
        reason = "naam van een organisatie"
        for m in patterns.KIND_APPOSITION.finditer(text):
            before = patterns.NAME_BEFORE_KIND_APPOSITION.search(
                text, max(0, m.start() - 60), m.start()
            )
            if before is None:
                continue
            words = [w for w in before.group(1).split() if w not in _SHORT_PARTICLES]
            if all(self._organisation_word(w, first_name_ok=False) for w in words):
                found.append(Candidate(*before.span(1), "instelling", reason, PATTERN))
        return found

    # -- Round 15b: institutions that deduce's own lists name -------------------------------

    def _listed_word_fits(self, word: str) -> bool:
        """Whether a word of deduce's institution lists can stand for the organisation on its
        own: no ordinary, medical or kind word, and no first name, surname or place (those
        are read as such unless another rule knows better)."""
        lower = word.lower()
        return not (
            len(word) < (3 if word.isupper() else 4)
            or not _LISTED_WORD_SHAPE.fullmatch(word)
            or lower in self._common
            or lower in self._whitelist
            or lower in self._medical
            or _INSTITUTION_KIND.fullmatch(word)
            or _KIND_WORD.match(word)
            or self._is_first_name(word)
            or self._is_surname(lower)
            or self._is_place(word)
        )

    def _listed_institution_candidates(self, text: str) -> list[Candidate]:
        """A care organisation written by its brand name alone, that deduce's lists of
        hospitals and care institutions hold but its person, place or nothing reading wins:
        "opgenomen in het Ikazia", "vanuit Pameijer", "stomaverpleegkundige J. Timmer van
        Isala", "aangemeld bij Tactus", "Zorgverzekeraar: Zilveren Kruis". One word only
        after a cue of care, work or stay or a letter's field (patterns.
        LISTED_INSTITUTION_CUE_BEFORE), or before a unit of it ("Amarant, woongroep ...");
        a word opening a sentence with no cue stays what it was. After a cue it outranks
        deduce's person, whose name keeps the part before it. A whole two-word entry ("Rode
        Kruis", "Gelderse Vallei") is the organisation without a cue too (every one in the
        tuning sets is), ranked as a pattern: above deduce's person of the same words, below
        a longer organisation round it ("Ziekenhuis Gelderse Vallei")."""
        found = []
        reason = "naam van een zorginstelling uit de lijst"
        for m in patterns.LISTED_INSTITUTION_WORDS.finditer(text):
            first, second = m.group(1), m.group(2)
            if second is not None and (first, second) in self._listed_pairs:
                start, end = m.start(1), m.end(2)
            elif first in self._listed_words and not (
                first.isupper()
                and not _NEUTER_BEFORE.search(text, max(0, m.start() - 5), m.start())
            ):
                start, end = m.span(1)
            else:
                continue
            if patterns.LISTED_INSTITUTION_CUE_BEFORE.search(
                text, max(0, start - 30), start
            ) or patterns.LISTED_INSTITUTION_CUE_AFTER.match(text, end):
                found.append(
                    Candidate(start, self._site_end(text, end), "instelling", reason, STRONG)
                )
            elif end == m.end(2):  # a whole two-word entry needs no cue ("[ ] Zilveren Kruis
                # bellen"): it outranks deduce's person of the same words, not a longer name
                # (round 18b: with the site after it, "Rode Kruis Utrecht levert")
                found.append(
                    Candidate(start, self._site_end(text, end), "instelling", reason, PATTERN)
                )
        found += self._national_bodies_with_site(text)
        found += self._names_before_care_disciplines(text)
        if ", " in text:
            found += self._role_line_organisations(text)
        if "roet" in text:  # "groet", "Groetjes": a signature
            found += self._signature_role_organisations(text)
        return found

    def _signature_role_organisations(self, text: str) -> list[Candidate]:
        """Round 23 (inst23): "Priscilla Martina\nWoonconsulent Woonstad Rotterdam"
        (patterns.SIGNATURE_ROLE_ORGANISATION): under the writer's name, the capitalised
        words after a role name the employer. The line above must hold a first name or a
        surname; a team ("Team Leiden Noord"), a place, a first name or plain words as the
        employer stay what they are."""
        found = []
        for m in patterns.SIGNATURE_ROLE_ORGANISATION.finditer(text):
            person = m.group(1).split()
            if len(person) > 4 or not any(
                self._is_first_name(w) or self._is_surname(w.lower()) for w in person
            ):
                continue
            name = m.group(2)
            words = name.split()
            bare = words[1:] if words[0] in ("De", "Het", "'t") else words
            if (
                not bare
                or bare[0].lower() in _BRANCH_KINDS.split()  # "Team Leiden Noord", "Regio Zuid"
                or (bare[0].lower() in self._common and not _INSTITUTION_KIND.fullmatch(bare[0]))
                or self._is_place(" ".join(bare))
                or self._is_first_name(bare[0])
                or all(w.lower() in self._common for w in bare)
            ):
                continue
            found.append(
                Candidate(m.start(2), m.end(2), "instelling", "naam van een organisatie", STRONG)
            )
        return found

    def _role_line_organisations(self, text: str) -> list[Candidate]:
        """Round 22 (inst22): "J. Verbeek, huisarts, Huisartsenpraktijk Beugen", "Jolanda
        Mertens, casemanager dementie, De Zorgbrug" (patterns.ROLE_LINE_ORGANISATION): the
        last part of a line of a person, a role and capitalised words is the employer.
        The first part must be two or more capitalised words or particles holding an
        initial, a first name or a surname; a place, a first name or plain words as the
        last part stay what they are."""
        found = []
        for m in patterns.ROLE_LINE_ORGANISATION.finditer(text):
            person = m.group(1).split()
            if (
                len(person) < 2
                or not all(w[0].isupper() or w.lower() in _SHORT_PARTICLES for w in person)
                or not any(
                    _INITIAL_WORD.fullmatch(w)
                    or self._is_first_name(w)
                    or self._is_surname(w.lower())
                    for w in person
                )
            ):
                continue  # "Ik ben moe, echt moe, ...": no person opens the line
            name = m.group(2)
            bare = name.split(" ", 1)[1] if name.startswith(("De ", "Het ", "'t ")) else name
            if (
                self._is_place(bare)
                or self._is_first_name(bare.split()[0])
                or all(w.lower() in self._common for w in bare.split())
            ):
                continue
            found.append(
                Candidate(m.start(2), m.end(2), "instelling", "naam van een organisatie", STRONG)
            )
        return found

    def _names_before_care_disciplines(self, text: str) -> list[Candidate]:
        """Round 22 (inst22): "Kenter Jeugdhulp", "Moleman Psychologie", "Sophia Revalidatie"
        (patterns.NAME_BEFORE_CARE_DISCIPLINE): a practice's name before its discipline is
        one organisation, also when the name is a person's. Not after a word that describes
        a kind of the care or study (an ordinary, frequent or medical word that is no first
        name or surname, "Master Psychologie", "Consult Logopedie"; a word of an adjective's
        ending, "Klinische Psychologie", "Ambulante Jeugdhulp"), a form of address or a kind
        ("Mevrouw", "Afdeling"), nor a word opening a line or sentence (a heading's
        "Ontslagbrief Revalidatie"); after a colon it may stand ("Aan: Kenter Jeugdhulp")."""
        found = []
        for m in patterns.NAME_BEFORE_CARE_DISCIPLINE.finditer(text):
            word = m.group(1)
            lower = word.lower()
            if (
                self._known_word(lower)
                or (
                    lower in self._zipf  # a frequent word: "Master", "Consult", "Sectie"
                    and not (self._is_first_name(word) or self._is_surname(lower))
                )
                or lower.endswith(_ADJECTIVE_ENDINGS)
                or _KIND_WORD.match(word)
                or _TITLES.match(word + " ")
                or _OPENS_LINE_OR_SENTENCE.search(text, max(0, m.start() - 3), m.start())
            ):
                continue  # also "Ontslagbrief Revalidatie," opening a letter: a heading
            found.append(
                Candidate(m.start(), m.end(), "instelling", "naam van een praktijk", STRONG)
            )
        return found

    def _national_bodies_with_site(self, text: str) -> list[Candidate]:
        """ "Leger des Heils Nijmegen draagt ... over", "UWV Zwolle": a national body
        (patterns.NATIONAL_BODY) and a place of deduce's list after it, before the end of
        the clause or a lower-case word, name one office of it, as `_site_end` reads a
        listed brand's house: one name, not a body and a separate place."""
        found = []
        for m in patterns.NATIONAL_BODY.finditer(text):
            end = self._site_end(text, m.end())
            if end > m.end():
                found.append(
                    Candidate(m.start(), end, "instelling", "naam van een organisatie", STRONG)
                )
        return found

    def _site_end(self, text: str, end: int) -> int:
        """Where a listed organisation's name ends that a place may follow: "Youz Den Haag",
        "Sevagram Hoogveld" (a site the place list knows, before the end of the clause or a
        lower-case word) name one house of it, as one name."""
        m = patterns.LISTED_INSTITUTION_SITE.match(text, end)
        if m is None or not _in_trie(self._places, m.group(1).split()):
            return end
        return m.end(1)

    # -- institutions by a kind word the main list lacks, and after a verb of working ------

    def _kind_word_institution_candidates(
        self, text: str, starts: _OpeningStarts | None = None
    ) -> list[Candidate]:
        """Organisations by kind words the main list lacks ("FPK De Zandhaven", "Kredietbank
        Salland", "Montessorischool De Boog"), a name before "GGZ", kind words in lower case in
        chats ("apotheek de linde"), and one word after a verb of working or admission ("werkt
        bij Amaris", also a first name, "opgenomen in Vincent"). Needs deduce's lists."""
        found = []
        reason = "naam van een organisatie"
        starts = starts or _OpeningStarts(text)
        for m in itertools.chain(
            starts.finditer(patterns.MORE_INSTITUTION),
            starts.finditer(patterns.MORE_INSTITUTION_LOWER),
        ):
            name = m.group(2)
            words = name.split()
            bare = words[1:] if words[0].lower() in {"de", "het", "'t", "den"} else words
            if not bare or bare[0].lower() in _NOT_NAME_WORDS:
                continue  # "Kantoor Maandag": a weekday, not a name
            if _HAS_DIGIT.search(bare[0]) or (
                len(bare) == 1 and bare[0].isupper() and _INSTITUTION_KIND.fullmatch(bare[0])
            ):
                continue  # "HAP HAP-0931": a record number; "Crisisdienst GGZ": two kinds
            if (
                len(words) == 1
                and name.lower() not in _COMPASS
                and (
                    self._is_first_name(name)
                    or name.lower() in self._common
                    # round 25 (inst25): a school may bear a Latin word ("Scholengemeenschap
                    # Arcus"); a clinic's disease word names a department ("Kliniek Reuma")
                    or (self._is_disease(name) and not _SCHOOL_KIND_BEFORE.search(m.group(1)))
                )
            ):
                continue  # "Kraamzorg Anouk": the maternity nurse; "Kantoor Dicht"
            # a kind word in lower case describes, it is no part of the name: "uitzendbureau
            # Werkvast" gives "Werkvast" (a capitalised one is: "Kredietbank Salland")
            if m.group(1).lower() in patterns.LOWER_KIND_IN_NAME_WORDS:
                found.append(Candidate(m.start(1), m.end(2), "instelling", reason, STRONG))
            elif m.group(1)[:1].islower():
                found.append(Candidate(m.start(2), m.end(2), "instelling", reason, PATTERN))
            elif _INSTITUTION_KIND.fullmatch(m.group(1)):  # a kind the main list knows
                found.append(Candidate(m.start(1), m.end(2), "instelling", reason, PATTERN))
            else:  # a new capitalised kind and a name: stronger than a name read over both
                found.append(Candidate(m.start(1), m.end(2), "instelling", reason, STRONG))
        for m in patterns.SAINT_COMPOUND_INSTITUTION.finditer(text):
            found.append(Candidate(m.start(), m.end(), "instelling", reason, STRONG))
        for m in patterns.WOON_COMPOUND_NAME.finditer(text):
            kind = m.group(1).lower()
            if kind != "wonen" and (
                patterns.WOON_PLAIN_COMPOUND_END.search(kind) or kind in self._common
            ):
                continue  # "Woonkamer Links", "Woonadres Dorpsstraat": plain words
            words = m.group(2).split()
            bare = words[1:] if words[0].lower() in {"de", "het", "'t", "den"} else words
            head = bare[0] if bare else ""
            if (
                not head
                or head.lower() in _NOT_NAME_WORDS
                or head.lower() in self._common
                or (len(bare) == len(words) and self._is_first_name(head))
                or (kind == "wonen" and not self._is_place(head.split("-")[0]))
            ):
                continue  # "Woonbegeleider Jan", "Wonen Jansen": a person, no corporation
            found.append(Candidate(m.start(1), m.end(2), "instelling", reason, STRONG))
        if "GGZ" in text:
            for m in patterns.NAME_BEFORE_GGZ.finditer(text):
                word = m.group(1).split()[0].lower()
                if (
                    word in self._common
                    or word in self._whitelist
                    or word in self._medical
                    or word.endswith(("ische", "isch"))
                    or _starts_sentence(text, m.start(1))
                ):
                    continue  # "Specialistische GGZ", "Basis GGZ": a kind of care
                found.append(Candidate(m.start(1), m.end(1), "instelling", reason, PATTERN))
        for m in starts.finditer(patterns.LOWER_INSTITUTION):
            school = m.group(1).split()[0] in _SCHOOL_ABBREVIATIONS
            if not school and _OWNER_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "de apotheek de medicijnen": a kind, not a name
            word = m.group(2)
            if word is not None and (
                # round 21 (inst21): a plain word less used than _RARE_NAME_WORD_ZIPF may name
                # the house ("apotheek de hoeksteen", "dagopvang de klaproos"); round 23: after
                # a school's abbreviation any plain word but an adjective ("van de sbo de
                # regenboog"; not "de obs de komende weken")
                (
                    word in self._common
                    and self._zipf.get(word, 0.0) >= _RARE_NAME_WORD_ZIPF
                    and (not school or word.endswith(("e", "isch")))
                )
                or word in _NOT_AFTER_KIND
                or _plural(word)
                or word in _NOT_NAME_WORDS
            ):
                continue  # "ziekenhuis het liefst", "school de hele week", "de medicijnen"
            # stronger than a lower-case name grown over "van": "sanne bos van obs de linde"
            found.append(Candidate(m.start(1), m.end(1), "instelling", reason, STRONG))
        for m in patterns.LOWER_KIND_BEFORE_PLACE_NAME.finditer(text):
            if _OWNER_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue
            word = m.group(2)
            if self._is_first_name(word.capitalize()) or self._known_word(word):
                continue
            if (
                self._is_place(word.capitalize())
                # a team or clinic and its town: a branch and a place ("wijkteam emmen")
                and not m.group(1).split()[0].endswith(("team", "kliniek"))
            ) or (
                len(word) >= 6
                and word.endswith(patterns.TOPONYM_ENDINGS)
                and word not in self._zipf
                and not self._is_surname(word)
            ):
                found.append(Candidate(m.start(1), m.end(1), "instelling", reason, STRONG))
        for m in patterns.LOWER_KIND_AFTER_BRAND.finditer(text):
            brand = patterns.BRAND_BEFORE_LOWER_KIND.search(text, max(0, m.start() - 30), m.start())
            if brand is None:
                continue
            word = brand.group(1)
            if (
                word in self._zipf
                or self._known_word(word)
                or word.endswith(("e", "isch"))  # an adjective: "palliatieve thuiszorg"
                or self._is_first_name(word.capitalize())
                or _INSTITUTION_KIND.fullmatch(word)
                or self._kind_of_care(word)  # "wijkverpleging thuiszorg"
                or any(word[i:] in self._zipf for i in range(1, len(word) - 5))
            ):  # ... and compounds of a long Dutch word ("gezinsbegeleiding")
                continue
            found.append(Candidate(brand.start(1), m.end(), "instelling", reason, STRONG))
        for m in patterns.EMPLOYER_NAMED.finditer(text):
            first = m.group(1).split()[0]
            if not self._organisation_word(first, first_name_ok=False):
                continue  # "werkgever Jansen", "werkgever Utrecht": a person, a place
            found.append(Candidate(m.start(1), m.end(1), "instelling", reason, STRONG))
        for m in patterns.HOUSE_NAME_WITH_ARTICLE.finditer(text):
            kind = patterns.LOWER_CLUB_KIND_BEFORE.search(text, max(0, m.start() - 30), m.start())
            if kind is None or self._is_surname(m.group(0).lower()):
                continue
            found.append(Candidate(kind.start(), m.end(), "instelling", reason, STRONG))
        for m in patterns.COMPASS_AFTER.finditer(text):
            kind = patterns.COMPOUND_KIND_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if kind is not None and not _OWNER_BEFORE.search(
                text, max(0, kind.start() - 8), kind.start()
            ):
                found.append(Candidate(kind.start(), m.end(), "instelling", reason, STRONG))
        for m in starts.finditer(patterns.WORK_PLACE):
            group = 1 if m.group(1) is not None else 2
            word = m.group(group)
            lower = word.lower()
            if (
                self._known_word(lower)
                or self._is_place(word.capitalize())
                or self._is_surname(lower)
                or (word.islower() and self._is_first_name(lower))
            ):
                continue  # "werkt bij Jansen", "werkt bij jan": a person; "in Zwolle"
            found.append(Candidate(m.start(group), m.end(group), "instelling", reason, PATTERN))
        for m in starts.finditer(patterns.ROLE_OF_ORGANISATION):
            person, name = m.group(1), m.group(2)
            if person is not None and not self._is_first_name(person):
                continue
            if not all(
                self._organisation_word(w, first_name_ok=person is not None) for w in name.split()
            ):
                continue  # "begeleider van Jan", "casemanager bij De Vries"
            # stronger than deduce's "Samantha van Zorgkracht" as one name
            found.append(Candidate(m.start(2), m.end(2), "instelling", reason, STRONG))
        if "erzeker" in text or "Basisschool" in text or "Lyceum" in text or "Gymnasium" in text:
            for m in patterns.NAME_BEFORE_CHECKED_KIND.finditer(text):
                words = m.group(1).split()[:-1]
                if all(
                    self._organisation_word(w, first_name_ok=False)
                    and not w.endswith("nde")  # "Aanvullende Verzekering": a kind of policy
                    and w.lower()[:-1] not in self._common
                    for w in words
                ):
                    found.append(Candidate(m.start(1), m.end(1), "instelling", reason, STRONG))
        has_form = "BV" in text or "B.V." in text or "VOF" in text or "V.O.F." in text
        for m in patterns.COMPANY_FORM.finditer(text) if has_form or "N.V." in text else ():
            first = m.group(1).split()[0]
            if first.lower() not in self._common and not self._is_first_name(first):
                found.append(Candidate(m.start(1), m.end(1), "instelling", reason, STRONG))
        for m in patterns.NAME_BEFORE_TRADE.finditer(text):
            first = m.group(1).split()[0]
            before = text[max(0, m.start() - 30) : m.start()].split()
            if (
                self._is_first_name(first)
                or first.lower() in self._common
                or (before and self._is_first_name(before[-1]))  # "Henk Bouwman Transport"
            ):
                continue
            if self._is_surname(first.lower()) or self._organisation_word(
                first, first_name_ok=False
            ):
                found.append(Candidate(m.start(1), m.end(1), "instelling", reason, STRONG))
        if "afd" in text or "Afd" in text:
            for m in itertools.chain(
                patterns.HOUSE_BEFORE_DEPARTMENT.finditer(text),
                patterns.HOUSE_AFTER_DEPARTMENT.finditer(text),
            ):
                bare = m.group(1).split()[1:]
                if not _starts_sentence(text, m.start(1)) and all(
                    self._organisation_word(w, first_name_ok=False)
                    and not self._is_care_word(w)
                    and w.lower()[:-1] not in self._common  # "De Interne afdeling"
                    for w in bare
                ):
                    found.append(Candidate(*m.span(1), "instelling", reason, STRONG))
        for m in starts.finditer(patterns.SERVICE_VIA):
            if self._organisation_word(m.group(1).split()[0], first_name_ok=False):
                found.append(Candidate(m.start(1), m.end(1), "instelling", reason, PATTERN))
        found += self._hospital_abbreviations(text)
        if "school" in text or "kindcentrum" in text:
            found += self._schools_by_name(text)
        return found

    def _hospital_abbreviations(self, text: str) -> list[Candidate]:
        """ "opgenomen in het ETZ", "spoed naar het RKZ": patterns.HOSPITAL_ABBREVIATION after
        patterns.STAY_BEFORE_HOSPITAL. Hospitals are named by abbreviations no list holds;
        after a stay or a transfer and "het" the abbreviation is the house, unless it is one
        of a file, a plan, a meeting or a ward ("opgenomen in het ECD"), or a word or a
        medical term of deduce's lists. Found from the capitals: most have no "het" before."""
        found = []
        for m in patterns.HOSPITAL_ABBREVIATION.finditer(text):
            start = m.start()
            word = m.group(1)
            if not (
                text.endswith(("het ", "'t "), 0, start)
                and patterns.STAY_BEFORE_HOSPITAL.search(text, max(0, start - 70), start)
            ) and not (
                text.endswith(("bij ", "Bij ", "het ", "'t "), 0, start)
                and patterns.HOSPITAL_SHAPED_ABBREVIATION.fullmatch(word)
                and patterns.PLACE_BEFORE_HOSPITAL_ABBREVIATION.search(
                    text, max(0, start - 12), start
                )
                and not _INSTITUTION_KIND.fullmatch(word)
            ):
                continue  # most capitals: no "het" or stay before them
            if word.upper() in patterns.NOT_HOSPITAL_ABBREVIATIONS or self._known_word(
                word.lower()
            ):
                continue
            found.append(
                Candidate(
                    m.start(1), m.end(1), "instelling", "afkorting van een ziekenhuis", STRONG
                )
            )
        for m in patterns.LOWER_HOSPITAL_ABBREVIATION.finditer(text):
            word = m.group(1)
            upper = word.upper()
            if (
                not patterns.HOSPITAL_SHAPED_ABBREVIATION.fullmatch(upper)
                or upper in patterns.NOT_HOSPITAL_ABBREVIATIONS
                or word in _SHORT_INSTITUTION_KINDS
                or _INSTITUTION_KIND.fullmatch(word)
                or self._known_word(word)
                or word in self._zipf
                or self._is_first_name(word.capitalize())
                or self._is_surname(word)
            ):
                continue  # "bij zus", "naar het zkh": a word, a kind
            found.append(
                Candidate(
                    m.start(1), m.end(1), "instelling", "afkorting van een ziekenhuis", PATTERN
                )
            )
        return found

    def _schools_by_name(self, text: str) -> list[Candidate]:
        """ "De Regenboog school": patterns.NAME_BEFORE_LOWER_SCHOOL. The name of a school
        often is a plain word ("Regenboog", "Kompas"), so only a type of school, an adjective
        ("de Openbare school") and a place are dropped; a capitalised article is part of the
        name, a lower-case one is not."""
        found = []
        for m in patterns.NAME_BEFORE_LOWER_SCHOOL.finditer(text):
            words = m.group(2).split()
            if any(
                w.lower() in patterns.SCHOOL_TYPE_WORDS or w.endswith("e") for w in words
            ) or _in_trie(self._places, words):
                continue
            start = m.start(1) if text[m.start(1)].isupper() else m.start(2)
            found.append(Candidate(start, m.end(1), "instelling", "naam van een school", STRONG))
        return found

    # -- desks, UMCs, schools, report headings, letterheads, referrals --------------------

    def _desk_heading_referral_candidates(
        self, text: str, starts: _OpeningStarts | None = None
    ) -> list[Candidate]:
        """Municipal desks, UMCs and schools by kind ("Sociaal Domein Hoorn", "UMC Veluwe"),
        a name before "UMC" or joined to "-poli", the team or house in a report's heading,
        an organisation in a letterhead or under a signature, one word after a verb of
        referral ("aangemeld bij Kompaan") and the place after a street and house number.
        Needs deduce's lists."""
        found = []
        reason = "naam van een organisatie"
        starts = starts or _OpeningStarts(text)
        for m in starts.finditer(patterns.DESK_SCHOOL_HOSPITAL):
            words = m.group(2).split()
            bare = words[1:] if words[0].lower() in {"de", "het", "'t", "den"} else words
            if not bare or bare[0].lower() in _NOT_NAME_WORDS:
                continue
            if len(bare) == 1 and (
                bare[0].lower() in self._common
                or self._is_first_name(bare[0])
                or (self._is_disease(bare[0]) and not _SCHOOL_KIND_BEFORE.search(m.group(1)))
            ):
                continue  # "Lyceum Vandaag", "UMC Anna": no name of an organisation
            if m.group(1)[:1].islower():  # "wmo-loket Noord": the kind describes
                found.append(Candidate(m.start(2), m.end(2), "instelling", reason, PATTERN))
            else:
                found.append(Candidate(m.start(1), m.end(2), "instelling", reason, STRONG))
        if "MC" in text:
            for m in patterns.NAME_BEFORE_UMC.finditer(text):
                first = re.split(r"[ -]", m.group(1))[0].lower()
                if "-" not in m.group(1) and (
                    first in self._common or first in self._medical or first.endswith("isch")
                ):
                    continue  # "Academisch MC": a kind
                found.append(Candidate(m.start(1), m.end(1), "instelling", reason, STRONG))
        for m in patterns.NAME_HYPHEN_DEPARTMENT.finditer(text):
            word = m.group(1)
            if self._organisation_word(word, first_name_ok=False) and not self._kind_of_care(word):
                found.append(Candidate(m.start(1), m.end(1), "instelling", reason, PATTERN))
        for m in patterns.REPORT_HEADING.finditer(text):
            if self._house_or_team_name(m.group(1)):
                found.append(Candidate(m.start(1), m.end(1), "instelling", reason, STRONG))
        for head in patterns.LETTERHEAD.finditer(text[:240]):
            if self._organisation_word(head.group(1), first_name_ok=False) and self._is_place(
                head.group(2)
            ):
                found.append(Candidate(head.start(1), head.end(1), "instelling", reason, STRONG))
        tail = patterns.SIGNATURE_ORGANISATION.search(text, max(0, len(text) - 80))
        if tail is not None:
            word = tail.group(1)
            if (
                word.lower() not in self._common
                and not self._kind_of_care(word)
                and not self._is_first_name(word)
            ):
                found.append(Candidate(tail.start(1), tail.end(1), "instelling", reason, STRONG))
        for m in patterns.REFERRAL_TO.finditer(text):
            word = m.group(1)
            lower = word.lower()
            if (
                self._known_word(lower)
                or _INSTITUTION_KIND.fullmatch(word)
                or self._is_place(word.capitalize())
                or self._is_surname(lower)
                or self._is_first_name(lower)
            ):
                continue  # "aangemeld bij Jansen", "verwezen naar Anne", "naar thuiszorg"
            found.append(Candidate(m.start(1), m.end(1), "instelling", reason, PATTERN))
        for m in patterns.PLACE_AFTER_HOUSE_NUMBER.finditer(text):
            if not patterns.STREET_BEFORE.search(text, max(0, m.start() - 31), m.start() - 1):
                continue  # "om 4 uur", "kamer 12 Haarlem": no street before the number
            word = m.group(2)
            if word.lower() not in self._common and self._is_place(word.capitalize()):
                found.append(Candidate(m.start(2), m.end(2), "plaats", "plaatsnaam", PATTERN))
                continue
            # "90-2 den haag": two words; "Dorpsstraat 3, Ouderkerk": the first word of a
            # longer place ("Ouderkerk aan de Amstel") after a comma
            second = _NEXT_WORD.match(text, m.end(2))
            if second is not None and _in_trie(
                self._places, [word.capitalize(), second.group(1).capitalize()]
            ):
                found.append(Candidate(m.start(2), second.end(1), "plaats", "plaatsnaam", PATTERN))
            elif (
                word[:1].isupper()
                and text[m.end(1) : m.start(2)].startswith(",")
                and word.lower() not in self._common
                and self._starts_longer_place(word)
            ):
                found.append(Candidate(m.start(2), m.end(2), "plaats", "plaatsnaam", PATTERN))
        return found

    def _starts_longer_place(self, word: str) -> bool:
        """Whether ``word`` opens a place of more words in deduce's list ("Ouderkerk")."""
        node = self._places.children.get(word)
        return node is not None and bool(node.children)

    def _house_or_team_name(self, name: str) -> bool:
        """The words after "Rapportage" or "Verslag teamoverleg" name a house or a team (not
        a person, a date or a department): "De Vlinder", "Ons Eigen Huis", "Zonnehof Noord"."""
        words = name.split()
        article = words[0].lower() in {"de", "het", "'t", "den"}
        bare = words[1:] if article else words
        if not bare:
            return False
        lower = [w.lower() for w in bare]
        if any(w in _NOT_NAME_WORDS or w in _DEPARTMENT_WORDS for w in lower):
            return False  # "Rapportage Maandag", "Overdracht nachtdienst Afdeling 3"
        if any(self._is_first_name(w) for w in bare):
            return False  # "Rapportage Shirley Leysner": a client
        if not article and len(bare) == 1:
            if _UNIT_AFTER_DASH.search(bare[0]):
                return False  # round 22: "Rapportage Korsakov-woonvorm": a unit, or its kind
            return self._organisation_word(bare[0], first_name_ok=False) and not (
                self._kind_of_care(bare[0])
            )
        if (
            not article
            and self._is_surname(lower[-1])
            and lower[-1] not in self._common
            and lower[-1] not in _COMPASS  # "Zonnehof Noord": a branch
            and not all(w in self._common and w not in _SHORT_PARTICLES for w in lower[:-1])
        ):
            return False  # "Rapportage Van Dam": a client; "Ons Eigen Huis" stays
        return not all(self._is_care_word(w) for w in bare)

    def _kind_of_care(self, word: str) -> bool:
        """ "Wondzorg", "Geriatrie", "Thuiszorg": a speciality or a kind of care, no name."""
        lower = word.lower()
        if _ABBREVIATION_COMPOUND.match(word) or lower.endswith(_CARE_KIND_ENDINGS):
            return True  # "PG-afdeling", "Wijkverpleging", "Geriatrie"
        kind = _KIND_ENDING.search(lower)
        if kind is None:
            return lower in self._medical
        stem = lower[: kind.start()]
        return (
            not stem
            or stem in _CARE_PREFIXES
            or stem in self._common
            or self._is_care_word(stem)
            or stem in self._medical
        )

    def _organisation_word(self, word: str, *, first_name_ok: bool) -> bool:
        """A capitalised word that no list knows as a surname, place or common word (and as
        a first name, unless a first name stands before it): part of an organisation's name."""
        lower = word.lower()
        return not (
            lower in self._common
            or lower in self._whitelist
            or lower in self._medical
            or lower in _NOT_NAME_WORDS
            or self._is_surname(lower)
            or self._is_place(word)
            or (not first_name_ok and self._is_first_name(word))
        )

    def _generic_kind(self, text: str, candidate: Candidate) -> bool:
        """ "het Kindcentrum", "de Zorgboerderij": one word of an ordinary word and a kind of
        institution after a lower-case article is a kind, not the name of one."""
        word = text[candidate.start : candidate.end]
        kind = _KIND_ENDING.search(word)
        if candidate.priority != LOOKUP or " " in word or kind is None:
            return False
        if not _article_before(text, candidate.start):
            return False
        stem = word[: kind.start()].lower()
        return stem in self._common or stem in self._medical or self._is_care_word(stem)

    def _ordinary_word_of_kind(self, text: str, candidate: Candidate) -> bool:
        """Round 22: "Akkoord, eens per maand", "Gehoord worden", "Stadhuis": one word that
        only ends like a kind of institution ("-oord", "-huis") and is a frequent Dutch word
        no list of names holds is that word, not the name of an institution."""
        if candidate.priority != LOOKUP or candidate.reason != "naam van een zorginstelling":
            return False  # a national body ("Belastingdienst") is frequent and still one
        word = text[candidate.start : candidate.end]
        return " " not in word and word.lower() in self._ordinary

    def _care_type(self, text: str, candidate: Candidate) -> bool:
        """ "Jeugdzorg, groepsoverdracht", "Respijtzorg besproken": one word for a kind of
        care (found only by its ending) opening a sentence, or made of a medical word."""
        if candidate.priority != LOOKUP:
            return False
        word = text[candidate.start : candidate.end]
        if " " in word or not word.lower().endswith("zorg"):
            return False
        first_part = word[: -len("zorg")].lower()
        return _starts_sentence(text, candidate.start) or first_part in self._medical

    def _place_candidates(self, text: str) -> list[Candidate]:
        """Capitalised words after "te", "in", "uit", "naar" that are Dutch place names."""
        if self.deduce is None:
            return []
        found = []
        for m in _PLACE_AFTER_WORD.finditer(text):
            name = m.group(1)
            if _in_trie(self._places, re.split(r"([ -])", name)[::2]) or _in_trie(
                self._places, [name]
            ):
                found.append(Candidate(m.start(1), m.end(1), "plaats", "plaatsnaam", PATTERN))
        # "in heerenveen zijn", "1611jv (bovenkarspel)": when two words are no place, the
        # first may be one.
        for m in (
            *patterns.LOWER_PLACE.finditer(text),
            *patterns.PLACE_AFTER_POSTCODE.finditer(text),
        ):
            name = m.group(1)
            place = self._lower_place(m.start(1), name)
            if not place and " " in name:
                place = self._lower_place(m.start(1), name.split(" ")[0])
            found.extend(place)
        # Any other known place name, capitalised, where no sentence starts.
        for m in _CAPITALISED.finditer(text):
            name = m.group(0)
            # the place list first: some 6 in 100 capitalised words pass it, and every test
            # here only reads the text
            if (
                not self._is_place(name)
                or name.lower() in self._common
                or _starts_sentence(text, m.start())
            ):
                continue
            if _DASH_BEFORE.search(text, max(0, m.start() - 4), m.start()) and (
                _LOWER_WORD_AFTER.match(text, m.end())
            ):
                continue  # "Rondvraag - Bergen was ...": a clause opens after the dash
            if self._after_word_of_address(text, m.start()):
                continue  # "Geachte heer Rozendaal": a surname, not the village
            if _article_before(text, m.start()) and not self._is_place("De " + name):
                continue  # "ik sta op de Linde": a ward or a house; a town takes no article
            found.append(Candidate(m.start(), m.end(), "plaats", "bekende plaatsnaam", LOOKUP))
        found.extend(self._places_no_list_knows(text))
        found.extend(self._districts_and_origins(text))
        return found

    def _districts_and_origins(self, text: str) -> Iterator[Candidate]:
        """Places no list holds, by a cue that only a place takes: a part of town after
        "wijk", "route" or "buurt" ("de coördinatie van wijk Lombok", "op de route
        Kanaleneiland"), and where someone comes from, with "afkomstig" or "oorspronkelijk"
        after it ("uit Homs oorspronkelijk", "van Curaçao afkomstig"). Not a common word, a
        first name or a surname, nor a kind of institution ("wijk Zorg", "route Jansen")."""
        lowered = text.lower()
        if not any(cue in lowered for cue in ("wijk ", "route ", "buurt ", "afkomstig", "oorspr")):
            return
        for pattern in (_DISTRICT_AFTER_CUE, _PLACE_BEFORE_ORIGIN):
            for m in pattern.finditer(text):
                word = m.group(1)
                lower = word.lower()
                if (
                    self._known_word(lower)
                    or _INSTITUTION_KIND.fullmatch(word)
                    or _KIND_ENDING.search(lower)
                    or (self._is_first_name(word) and not self._is_place(word))
                    or (self._is_surname(lower) and not self._is_place(word))
                ):
                    continue
                yield Candidate(m.start(1), m.end(1), "plaats", "wijk of herkomst", PATTERN)

    def _places_no_list_knows(self, text: str) -> Iterator[Candidate]:
        """Places that deduce's Dutch list does not hold, by their cue: a capitalised word
        after "woont in", "uit", "vanuit", "geboren te", "terug naar" ... ("familie in Lviv",
        "komt uit Aleppo", "vakantie naar Bandung") that no list knows as a word or a first
        name (after "naar" nor as a surname: "terug naar Jansen"), with no capitals within
        ("in ChatGPT") and not a country by its ending ("uit Syrië");
        not after a verb of a record or a stay ("staat in Outlook", "opgenomen in ...").
        After a bare "in", "uit" or "te" the word needs a word of living, family, origin or
        travel before it ("woont in", "familie in", "komt uit"), a foreign letter ("detox in
        Wrocław") or an English sentence (round 14f: "evaluatie in Teams" is no place).
        And a capitalised word after a postcode in capitals ("2311 BN Leiden"), which the
        place list leaves out when it is a common word too."""
        if _PLACE_CUE_GATE.search(text) is not None:
            for m in _PLACE_AFTER_CUE.finditer(text):
                word = m.group(2)
                lower = word.lower()
                cue = m.group(1).lower()
                before = text[max(0, m.start() - 30) : m.start()].rsplit("\n", 1)[-1]
                if self._common_word_place(text, m):
                    yield Candidate(
                        m.start(2), m.end(2), "plaats", "plaatsnaam na 'in', 'uit'", PATTERN
                    )
                    continue
                if (
                    self._known_word(lower)
                    or any(c.isupper() for c in word[1:])
                    or _COUNTRY_ENDING.search(lower)
                    or patterns.ANY_MONTH.match(lower)
                    or _INSTITUTION_KIND.fullmatch(word)
                    or _KIND_ENDING.search(lower)
                    or lower.endswith("umc")
                    or self._is_first_name(word)
                    or (cue == "naar" and self._is_surname(lower))
                    or self._is_place(word)
                    or _NOT_PLACE_BEFORE.search(before)
                    or (cue == "naar" and _TRAVEL_BEFORE.search(before) is None)
                    # "Teams-opnames", "Excel-bestand": a compound, no place
                    or ("-" in word and word.rsplit("-", 1)[1][:1].islower())
                    or (
                        cue in ("in", "uit", "te")
                        and _LIVING_BEFORE.search(text, max(0, m.start() - 60), m.start()) is None
                        and (
                            cue != "uit"
                            or _ORIGIN_BEFORE.search(text, max(0, m.start() - 60), m.start())
                            is None
                        )
                        and _FOREIGN_LETTER.search(word) is None  # "detox in Wrocław"
                        and _ENGLISH_BEFORE.search(before) is None
                    )
                ):
                    continue
                yield Candidate(
                    m.start(2), m.end(2), "plaats", "plaatsnaam na 'in', 'uit'", PATTERN
                )
        if _HAS_DIGIT.search(text) is not None:
            for m in _PLACE_AFTER_POSTCODE_CAPITALS.finditer(text):
                word = m.group(2)
                if patterns.postcode_is_dose(text, m.start(), m.group(1)):
                    continue  # "2850 IE Lantus": a dose and a medicine
                if not (self._is_first_name(word) or word.lower() in _NOT_NAME_WORDS):
                    yield Candidate(
                        m.start(2), m.end(2), "plaats", "plaatsnaam na postcode", PATTERN
                    )

    @staticmethod
    def _after_word_of_address(text: str, start: int) -> bool:
        """Whether a word of address ("heer", "mevrouw", "dhr") stands right before."""
        before = _LOWER_WORD_BEFORE.search(text, max(0, start - 20), start)
        return before is not None and (
            before.group(1) in _WORDS_OF_ADDRESS or before.group(1) in _PERSON_FORMS_OF_ADDRESS
        )

    def _common_word_place(self, text: str, m: re.Match[str]) -> bool:
        """ "Kinderdagverblijf De Zon in Leiden", "Het Rhedens in Dieren", "woont in Leiden":
        a place in deduce's list that is a common word too ("leiden", "dieren") after "in" or
        "uit", where a house or a person (a capitalised word that opens no sentence) stands
        right before the cue, or a word of living shortly before it."""
        word = m.group(2)
        if m.group(1) not in ("in", "uit") or word not in self._word_places:
            return False
        owner = _CAPITALISED_WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if owner is not None and not _starts_sentence(text, owner.start()):
            return True
        return _LIVING_BEFORE.search(text, max(0, m.start() - 60), m.start()) is not None

    def _lower_place(self, start: int, name: str) -> list[Candidate]:
        """A lower-case word at ``start`` that deduce knows as a place and that is no
        common word ("heerenveen", not "zijn"); also of two words ("den helder"), with "'s-"
        ("'s-hertogenbosch") or a part of town ("rotterdam-zuid")."""
        if name in self._common or name in self._whitelist or name in _DAY_PARTS:
            return []
        article, _, rest = name.partition(" ")
        if article in {"het", "'t", "de"} and self._zipf.get(rest, 0.0) >= _ORDINARY_ZIPF:
            return []  # round 25 (addr25): "naar het hof", "naar het veld": an article, a word
        capitalised = re.sub(r"(^|[- ])(\w)", lambda g: g.group(1) + g.group(2).upper(), name)
        capitalised = capitalised.replace("'S-", "'s-")  # "'s-hertogenbosch"
        head, dash, tail = capitalised.rpartition("-")
        if dash and _PART_OF_TOWN_WORD.fullmatch(tail):
            capitalised = head  # "rotterdam-zuid": a town and a part of it
        if not (
            self._is_place(capitalised)
            or _in_trie(self._places, re.split(r"[ -]", capitalised))  # "den helder"
            or (
                capitalised.startswith("'s-")  # deduce's tokens of "'s-Hertogenbosch"
                and _in_trie(self._places, ["'", "s", "-", capitalised[3:]])
            )
        ):
            return []
        return [Candidate(start, start + len(name), "plaats", "plaatsnaam", LOOKUP)]

    def _whole(
        self,
        text: str,
        candidates: list[Candidate],
        names: dict[tuple[int, int], tuple[int, int]] | None = None,
    ) -> list[Candidate]:
        """Names and addresses grown to the whole; a name of more than one word is strong.
        ``names`` keeps, for one text, where each found place grew to before the addresses
        cut it: spans() passes one dict to both of its calls, so a place found in both (a
        name found again as an extra) grows once."""
        out = []
        address_starts = [c.start for c in candidates if c.label == "adres" and c.priority > LOOKUP]
        # Several rules often find the same name (deduce, a cue, a title): grow each place
        # once. The whole name and whether it has more words depend on the text, the place
        # and the addresses only, so the result is the same.
        grown: dict[tuple[int, int], tuple[int, int, bool]] = {}
        names = {} if names is None else names
        for c in candidates:
            if c.label == "naam":
                place = grown.get((c.start, c.end))
                if place is None:
                    # _cut_at_kind and _grow_name depend on the text and the place alone
                    raw = names.get((c.start, c.end))
                    if raw is None:
                        cut = _cut_at_kind(text, c.start, c.end)
                        raw = names[c.start, c.end] = self._grow_name(text, c.start, cut)
                    start, end = raw
                    # "Yvonne op de Laan van Meerdervoort 1023": a name stops where a street
                    # starts
                    end = min([a for a in address_starts if start < a < end], default=end)
                    end = start + len(_without_trailing_particles(text[start:end]))
                    several = " " in text[start:end].strip() or "-" in text[start:end]
                    place = grown[c.start, c.end] = (start, end, several)
                start, end, several = place
                priority = max(c.priority, PATTERN) if several else c.priority
                out.append(Candidate(start, end, c.label, c.reason, priority))
            elif c.label == "adres":
                start, end = self._grow_address(text, c.start, c.end)
                out.append(Candidate(start, end, c.label, c.reason, c.priority))
            elif c.label == "instelling":
                out.append(self._organisation_with_place(text, _whole_organisation(text, c)))
            elif c.label == "nummer" and (tail := _LETTERS_AFTER_NUMBER.match(text, c.end)):
                # "kenmerk 25.0412.JV": the letters after a dot belong to the number
                out.append(Candidate(c.start, tail.end(), c.label, c.reason, c.priority))
            elif c.label == "plaats" and (district := _DISTRICT_AFTER.match(text, c.end)):
                # "Rotterdam-Zuid", "Amsterdam-Noord": the part of town belongs to the place
                out.append(Candidate(c.start, district.end(), c.label, c.reason, c.priority))
            else:
                out.append(c)
        return out

    def _organisation_with_place(self, text: str, c: Candidate) -> Candidate:
        """ "Praktijk voor Psychologie" + " Noorderveld": a place right after an organisation
        of two or more capitalised words, ending the clause, belongs to its name; after one
        word ("Rijnhorst Arnhem") or a lower-case kind ("kliniek Den Dolder") it is the
        place of the house."""
        if sum(word[:1].isupper() for word in text[c.start : c.end].split()) < 2:
            return c  # "Rijnhorst Arnhem", "Gelre ziekenhuizen Zutphen": a house and its place
        m = patterns.PLACE_AFTER_ORGANISATION.match(text, c.end)
        if m is None or m.group(1).lower() in self._common or not self._is_place(m.group(1)):
            return c
        return Candidate(c.start, m.end(1), c.label, c.reason, max(c.priority, PATTERN))

    # -- a street without a street word before a place --------------------------------------
    def _street_before_place(self, text: str) -> Iterator[Candidate]:
        """ "Maartensdwinger 3, Haren": one capitalised word that no list knows as a common
        word, a place or a first name, a house number, and a place that deduce knows, where a
        word before it on the line says an address follows ("woont", "naar", "adres", "bij"
        ...; "Hoofdstuk 3, Utrecht" has none). With a postcode after the number the address
        is found already."""
        if _HAS_DIGIT.search(text) is None:
            return
        for m in _STREET_NUMBER_PLACE.finditer(text):
            street, place = m.group(1).split(" ")[-1], m.group(3)
            line = text[max(0, m.start() - 60) : m.start()].rsplit("\n", 1)[-1]
            if (
                # a range or flat after a rare word ("Hoogend 4-6, Ommen") says an address
                # without a cue ("Hoofdstuk 4-6, Utrecht" does not)
                (
                    " " not in m.group(1)
                    and ("-" not in m.group(2) or self._zipf.get(street.lower(), 0.0) >= 2.5)
                    and _ADDRESS_CUE_BEFORE.search(line) is None
                )
                or street.lower() in self._common
                or self._is_place(street)
                or self._is_first_name(street)
                or not (self._is_place(place) or _CLAUSE_END.match(text, m.end()))
            ):
                continue
            yield Candidate(
                m.start(1), m.end(2), "adres", "straat en huisnummer voor een plaats", PATTERN
            )

    def _known_word(self, lower: str) -> bool:
        """Whether a list knows ``lower`` as a word: common, whitelisted, medical or one of
        ours that is never a name."""
        return (
            lower in self._common
            or lower in self._whitelist
            or lower in self._medical
            or lower in _NOT_NAME_WORDS
        )

    def _branch_places(self, text: str, candidates: list[Candidate]) -> list[Candidate]:
        """ "PsyQ kliniek Heerlen", "wijkteam Veldhoven", "woonvorm Waalwijk", "ambulant team
        Den Haag Zuidwest": a lower-case word for a branch of a larger organisation
        (`_BRANCH_KINDS`) and the town it works in, read as an organisation or a name. The
        town is a place (a part of town after it stays out); the word before it names no
        one. Not "gemeente" or "praktijk", which are read as the organisation itself as
        often."""
        out = []
        for c in candidates:
            town = self._branch_town(text, c)
            if town is None:
                out.append(c)
            else:
                out.append(Candidate(*town, "plaats", "plaats van een vestiging", c.priority))
        return out

    def _branch_town(self, text: str, c: Candidate) -> tuple[int, int] | None:
        """Where the town of `_branch_places` stands in ``c``, if it is one."""
        if c.label == "instelling":
            m = _BRANCH_AND_TOWN.fullmatch(text, c.start, c.end)
            if m is None:
                return None
            start, end = m.span(1)
        elif c.label == "naam" and _BRANCH_BEFORE.search(text, max(0, c.start - 12), c.start):
            start, end = c.start, c.end
        else:
            return None
        words = text[start:end].split(" ")
        if len(words) > 1 and _PART_OF_TOWN_WORD.fullmatch(words[-1]):
            words.pop()  # "Den Haag Zuidwest": the part of town is no part of the place
        if not _in_trie(self._places, words):
            return None
        return start, start + len(" ".join(words))

    def _street_after_living_cue(self, text: str) -> Iterator[Candidate]:
        """ "hij woont Hambaken 17-B", "woont op de kruiskamp 1001 toch?", "de huisarts is op
        de Botter 12-04": a street without a street word, in any case, and a house number
        that ends the clause, after a word of living or "op de", "aan de"
        (`_STREET_AFTER_LIVING`); after "op de" a capitalised word needs more than digits
        after it ("op de Vlinder 4" is a ward and a room as often). The street is no word a
        list knows as a common word, a first name, a place or a month ("op de kamer 12.",
        "woont Utrecht 3" stay out). The same after the label "adres is" or "adres:"
        (`_STREET_AFTER_ADDRESS_LABEL`)."""
        if _HAS_DIGIT.search(text) is None:
            return
        for m in itertools.chain(
            _STREET_AFTER_LIVING.finditer(text), _STREET_AFTER_ADDRESS_LABEL.finditer(text)
        ):
            word = m.group(1)
            lower = word.lower()
            if (
                self._known_word(lower)
                or patterns.ANY_MONTH.match(lower)
                or self._is_first_name(word.capitalize())
                or self._is_place(word.capitalize())
                or _QUANTITY_AFTER_NUMBER.match(text, m.end(2))
                or (m.group(0)[0] in "oOaA" and word[0].isupper() and m.group(2).isdigit())
            ):
                continue  # "op de Vlinder 4": a ward and a room as often as a street
            yield Candidate(
                m.start(1), m.end(2), "adres", "straat en huisnummer na 'woont'", PATTERN
            )

    def _hyphen_streets(self, text: str) -> Iterator[Candidate]:
        """ "op de Wiersma-erf", "Kennedy-laan 4": a capitalised word, a hyphen and a street
        word in lower case (_HYPHEN_STREET_WORD) is a street named after a person or a thing,
        with its house number if one follows (round 23, addr23). The word before the hyphen
        has three letters or more and no hyphen of its own ("Oost-West-laan" is left)."""
        at = text.find("-")
        while at > 0:
            m = _HYPHEN_STREET_WORD.match(text, at + 1)
            if m is not None:
                start = at
                while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "'\u2019"):
                    start -= 1
                if (
                    at - start >= 3
                    and text[start].isupper()
                    and text[start + 1 : at].islower()
                    and (start == 0 or text[start - 1] not in "-./")
                    and not (m.group(1) and _QUANTITY_AFTER_NUMBER.match(text, m.end()))
                ):
                    yield Candidate(start, m.end(), "adres", "straatnaam met streepje", STRONG)
            at = text.find("-", at + 1)

    def _caribbean_streets(self, text: str) -> Iterator[Candidate]:
        """ "kaya flamboyan 22", "Kaya Gobernador N. Debrot 14": "kaya" (street, in
        Papiamento, the word of the addresses of Curaçao, Bonaire and Aruba), its name and a
        house number (_CARIBBEAN_STREET; round 23, addr23). Not a first name "Kaya" and a
        surname before an age or a count ("Kaya Bakker 84 jaar", "Kaya Smit 3 keer")."""
        if "kaya " not in text.lower():
            return
        for m in _CARIBBEAN_STREET.finditer(text):
            last = m.group(1).rsplit(" ", 1)[-1]
            if (
                patterns.AGE_AFTER_NUMBER.match(text, m.end(2))
                or _QUANTITY_AFTER_NUMBER.match(text, m.end(2))
                or (last[0].isupper() and self._is_surname(last) and " " not in m.group(1)[5:])
            ):
                continue
            yield Candidate(m.start(1), m.end(2), "adres", "straatnaam met huisnummer", STRONG)

    def _lower_listed_street_numbers(self, text: str) -> Iterator[Candidate]:
        """ "op achter de hoven 3": a street of several words in lower case and a house number
        after a cue (`_LOWER_STREET_AFTER_CUE`), when deduce's street list holds it with its
        words capitalised but those of `_LOWER_WORDS_IN_STREETS` ("Achter de Hoven"). The
        street opens with a word that is no article or particle ("op de hele dag 3" never
        reads "Hele Dag"). "op de kolk 14" (one word) is `_street_after_living_cue`'s."""
        streets = self.deduce.lookup_structs["street"]
        tokenizer = self.deduce.tokenizers["default"]
        for m in _LOWER_STREET_AFTER_CUE.finditer(text):
            words = m.group(1).split(" ")
            if words[0] in _LOWER_WORDS_IN_STREETS:
                continue
            title = " ".join(w if w in _LOWER_WORDS_IN_STREETS else w.capitalize() for w in words)
            if _in_trie(streets, [t.text for t in tokenizer.tokenize(title)]):
                yield Candidate(
                    m.start(1), m.end(2), "adres", "bekende straat met huisnummer", PATTERN
                )

    def _listed_streets_without_number(self, text: str) -> Iterator[Candidate]:
        """ "op de hoofdweg", "zit op de oranje nassaulaan", "in de buurt van de
        Paterswoldseweg": a street without a house number after "op de", "aan de", "van de",
        "vd", "richting" ... or before "richting" (`_STREET_BEFORE_RICHTING`), in any case,
        when deduce's street list knows it (capitalised, with a space or a hyphen between two
        words) and it is no common word. The capitalised streets after "op de" are found by
        patterns.STREET_WITHOUT_NUMBER already."""
        lowered = text.lower()
        if not any(cue in lowered for cue in _CUES_BEFORE_LISTED_STREET) or not any(
            end in lowered for end in patterns.STREET_ENDS
        ):
            return
        streets = self.deduce.lookup_structs["street"]
        for m in itertools.chain(
            _STREET_AFTER_DE.finditer(text), _STREET_BEFORE_RICHTING.finditer(text)
        ):
            words = m.group(1).split(" ")
            if words[-1].lower() in self._common or words[-1].lower() in self._whitelist:
                continue
            tokens = [w[:1].upper() + w[1:] for w in words]
            if len(tokens) == 2:
                known = _in_trie(streets, tokens) or _in_trie(streets, [tokens[0], "-", tokens[1]])
                if not known:
                    if _in_trie(streets, tokens[1:]) and words[0].islower():
                        start = m.end(1) - len(words[1])
                        yield Candidate(start, m.end(1), "adres", "straat na 'op de'", PATTERN)
                    continue
            elif not _in_trie(streets, tokens):
                continue
            yield Candidate(m.start(1), m.end(1), "adres", "straat na 'op de'", PATTERN)
        for m in _LISTED_STREET_AFTER_DE.finditer(text):
            # "Oke, dan de Beatrixlaan.": one capitalised word the street list knows after
            # a bare "de" (no preposition before it)
            if m.group(1).lower() not in self._common and _in_trie(streets, [m.group(1)]):
                yield Candidate(m.start(1), m.end(1), "adres", "straat na 'de'", PATTERN)

    def spans(self, text: str) -> list[Span]:
        if "\r" in text:
            return self._spans_across_line_ends(text)
        candidates: list[Candidate] = []
        candidates.extend(patterns.find_numbers(text))
        candidates.extend(patterns.find_codes(text))
        candidates.extend(patterns.find_postcodes(text))
        candidates.extend(patterns.find_addresses(text, self._common))
        candidates.extend(patterns.find_ages(text))
        candidates.extend(patterns.find_dates(text))
        candidates.extend(self._institution_candidates(text))
        candidates.extend(self._lowercase_name_candidates(text))
        candidates.extend(self._lowercase_particle_names(text))
        candidates.extend(self._polish_shape_names(text))
        candidates.extend(self._context_name_candidates(text))
        candidates.extend(self._place_candidates(text))
        candidates.extend(self._deduce_candidates(text))
        candidates.extend(patterns.find_more_identifiers(text))
        candidates.extend(patterns.find_service_numbers(text))
        candidates.extend(patterns.find_more_shapes(text))
        candidates.extend(patterns.find_more_record_numbers(text))
        candidates.extend(patterns.find_table_cells(text))
        candidates.extend(patterns.find_list_items(text))
        candidates.extend(patterns.find_more_ages(text))
        candidates.extend(patterns.find_chat_ages(text))
        candidates.extend(patterns.find_more_dates(text))
        candidates.extend(self._street_before_place(text))
        candidates.extend(self._street_after_living_cue(text))
        candidates.extend(self._hyphen_streets(text))
        candidates.extend(self._caribbean_streets(text))
        if self.deduce is not None:
            candidates.extend(self._listed_streets_without_number(text))
            candidates.extend(self._lower_listed_street_numbers(text))
        candidates.extend(self._chat_first_names(text))
        candidates.extend(self._greeted_lower_names(text))
        candidates.extend(self._cue_names(text))
        candidates = self._without_sentence_start_words(text, candidates)
        candidates = self._without_false_friends(text, candidates)
        candidates = self._without_stock_and_ward_names(text, candidates)
        candidates = self._without_unit_and_label_names(text, candidates)
        candidates = self._without_plain_words(text, candidates)
        if "-" in text:
            candidates = _without_compound_heads(text, candidates)
        candidates = self._branch_places(text, candidates)
        if "osch" in text:
            candidates = _everyday_town_names(text, candidates)
        names: dict[tuple[int, int], tuple[int, int]] = {}  # see _whole
        candidates = _addresses_after_names(
            text,
            _persons_before_their_street(
                text,
                self._whole(text, candidates, names),
                self._is_first_name,
                self._is_surname,
            ),
            self._is_first_name,
        )
        first = _resolve(text, _merge_same_label(candidates))
        # A value found once is personal everywhere: "Jansen" in the next sentence too, and
        # each word of a name on its own ("Sven" after "Sven de Kort").
        labels, slip_names = self._found_values(first)
        covered = {(span.start, span.end) for span in first}
        extra_ages = [
            Candidate(m.start(1), m.end(1), "leeftijd", "leeftijd na een naam", 0)
            for span in first
            if span.label == "naam"
            for m in (_AGE_AFTER_FOUND_NAME.match(text, span.end),)
            if m is not None and 0 < int(m.group("n")) <= 120
        ]
        extra_ages += _corrected_ages(text, first) + _phone_rests(text, first)
        extra_ages += _second_ages(text, first) + [
            Candidate(m.start(1), m.end(1), "leeftijd", "leeftijd: 'Daan van 9'", 0)
            for span in first
            if span.label == "naam"
            and " " not in span.text
            and self._is_first_name(span.text)
            and not _address_form_before(text, span.start, reach=12)
            for m in (_AGE_VAN_AFTER_FIRST_NAME.match(text, span.end),)
            if m is not None and 0 < int(m.group("n")) <= 17
        ]
        for word in self._misspelt_repeats(text, labels, slip_names):
            labels.setdefault(word, "naam")
        extra = [
            Candidate(
                start,
                start + len(value),
                label,
                "staat al eerder in de tekst als persoonsgegeven",
                0,
            )
            for value, label in labels.items()
            for start in (
                _run_occurrences(text, value) if value.isalnum() else _word_occurrences(text, value)
            )
            if (start, start + len(value)) not in covered
        ]
        # A word of a name found again is grown to the whole name there too ("bosma" in
        # "fatima bosma-de haan" when "haan" alone is a common word).
        # Grown into a name already found ("Fan pieter" where "Fan" is one): the word alone.
        in_first = bytearray(len(text) + 1)  # the characters ``first`` covers: one pass
        for span in first:
            in_first[span.start : span.end] = b"\x01" * (span.end - span.start)
        extra = [
            grown if not _overlaps_first(grown, first, in_first) else word
            for word, grown in zip(extra, self._whole(text, extra, names), strict=True)
        ]
        extra += extra_ages
        if not extra:
            return _organisations_without_document_heads(
                text,
                self._organisations_with_their_site(
                    text,
                    self._names_after_kinds(
                        text,
                        self._organisations_read_as_persons(_without_lone_months(text, first)),
                    ),
                ),
            )
        # The extras rank below every other candidate, so resolving them all again would keep
        # exactly ``first`` and then fill free places with extras: do just that second part.
        return _organisations_without_document_heads(
            text,
            self._organisations_with_their_site(
                text,
                self._names_after_kinds(
                    text,
                    self._organisations_read_as_persons(
                        _without_lone_months(text, _resolve(text, extra, kept=first))
                    ),
                ),
            ),
        )

    def _names_after_kinds(self, text: str, spans: list[Span]) -> list[Span]:
        """Round 21 (inst21): an institution found as one compound of a kind ("Omgangshuis",
        "Respijthuis", "Vrijwilligersgroep") grows over the name right after it on the same
        line (patterns.NAME_AFTER_LONE_KIND: "Omgangshuis Oss", "Dorpshuis 't Anker"), and
        any institution over "&" and a capitalised word ("Kapsalon Knip&Krul"); spans inside
        the grown one go. Not over a first name ("Kraamzorg Anouk": the nurse), and no span
        is added where none was found."""
        grown: list[tuple[int, int]] = []
        for i, span in enumerate(spans):
            if span.label != "instelling":
                continue
            if " " not in span.text and (
                _KIND_ENDING.search(span.text)
                or patterns.ORGANISATION_HEAD_WORD.fullmatch(span.text)
            ):
                m = patterns.NAME_AFTER_LONE_KIND.match(text, span.end)
                if m is not None and not self._is_first_name(m.group(1).split()[0]):
                    grown.append((i, m.end(1)))
                    continue
            m = patterns.AMPERSAND_NAME_AFTER.match(text, span.end)
            if m is not None:
                grown.append((i, m.end(1)))
                continue
            m = patterns.ORGANISATION_TAIL_AFTER.match(text, span.end)
            if m is not None and (m.group(1) is None or not self._is_place(m.group(1))):
                grown.append((i, m.end()))
        if not grown:
            return spans
        out = list(spans)
        for i, end in grown:
            old = spans[i]
            out[i] = Span(old.start, end, "instelling", text[old.start : end], old.reason)
        drop = {
            j
            for i, end in grown
            for j, other in enumerate(spans)
            if j != i and spans[i].start <= other.start and other.end <= end
        }
        return [span for j, span in enumerate(out) if j not in drop]

    def _organisations_with_their_site(self, text: str, spans: list[Span]) -> list[Span]:
        """Round 22 (inst22): a found place right after an organisation on the same line, at
        the end of the clause or before a lower-case word, names its office, one name with
        it ("via Praktijkondersteuner Jeugd Heiloo", "samen met Arbodienst Bedrijfsgezond
        Twente aangepast"): the institution grows over the place. A place with no
        institution before it takes the words before it as one when the word right before it
        says an organisation's kind or has a brand's shape (patterns.ORGANISATION_BEFORE_SITE:
        "van Medisch Team Veluwezoom", "door Palliatief Thuisteam Kennemerland", "bij
        PodoZorg Aalsmeer"); a first name or surname there, or any span over those words,
        keeps the place alone. Only after a preposition of contact or help (patterns.
        PREPOSITION_BEFORE_SITE_ORGANISATION): a heading's "Isala Zwolle" or "FACT-team
        Emmen" stays two. Also one or two capitalised adjectives right before a found
        institution join it (patterns.ADJECTIVES_BEFORE_ORGANISATION: "Sociaal
        Raadsliedenwerk Zaanstad"). Only found spans change: no span is added."""
        spans = self._organisations_over_particle_towns(text, spans)
        changed: dict[int, Span] = {}
        drop: set[int] = set()
        for j, span in enumerate(spans):
            if span.label != "instelling" or " " not in span.text:
                continue  # a kind alone ("het Academisch UMC") describes, it names no one
            m = patterns.ADJECTIVES_BEFORE_ORGANISATION.search(
                text, max(0, span.start - 40), span.start
            )
            if m is None and span.text[0].islower():
                m = patterns.LOWER_KIND_BEFORE_LOWER_ORGANISATION.search(
                    text, max(0, span.start - 30), span.start
                )
            if m is None and span.text.startswith(("Gemeente ", "gemeente ")):
                m = self._service_before_municipality(text, span.start)
            if m is None:
                continue
            if j and spans[j - 1].end > m.start():
                if spans[j - 1].start < m.start():
                    continue
                drop.add(j - 1)  # "Sociaal" read as a name on its own
            changed[j] = Span(
                m.start(), span.end, "instelling", text[m.start() : span.end], span.reason
            )
        for j, place in enumerate(spans):
            if place.label != "plaats" or j in drop:
                continue
            if patterns.SITE_CLAUSE_END.match(text, place.end) is None:
                continue
            before = changed.get(j - 1, spans[j - 1]) if j else None
            before_start = -1
            if (
                before is not None
                and before.label == "instelling"
                and before.end + 1 == place.start
                and text[before.end] == " "
            ):
                start = before_start = before.start
            else:
                m = patterns.ORGANISATION_BEFORE_SITE.search(
                    text, max(0, place.start - 50), place.start
                )
                if m is None or (before is not None and before.end > m.start()):
                    continue
                head = m.group(2)
                if (
                    not (
                        patterns.ORGANISATION_HEAD_WORD.fullmatch(head)
                        or patterns.BRAND_HEAD_BEFORE_SITE.fullmatch(head)
                    )
                    or self._is_first_name(head)
                    or self._is_surname(head.lower())
                ):
                    continue
                start = m.start()
            if not patterns.PREPOSITION_BEFORE_SITE_ORGANISATION.search(
                text, max(0, start - 8), start
            ):
                continue
            if start == before_start:
                drop.add(j - 1)
            changed[j] = Span(
                start,
                place.end,
                "instelling",
                text[start : place.end],
                "naam van een organisatie met de plaats van een vestiging",
            )
        if not changed:
            return spans
        return [changed.get(j, span) for j, span in enumerate(spans) if j not in drop]

    def _service_before_municipality(self, text: str, start: int) -> re.Match[str] | None:
        """Round 23 (inst23): "Leerplicht" before "Gemeente Den Haag", "Wmo-loket" before
        "gemeente Zaanstad" (patterns.SERVICE_BEFORE_MUNICIPALITY): the word of a service
        joins the municipality found after it. Not a role ("Schuldhulpverlener"), a person,
        a place, nor a word opening a sentence unless it says a kind ("Wmo-loket")."""
        m = patterns.SERVICE_BEFORE_MUNICIPALITY.search(text, max(0, start - 40), start)
        if m is None:
            return None
        word = m.group(0)[:-1]
        if (
            _ROLE_AT_END.search(word)
            or self._is_first_name(word)
            or self._is_surname(word.lower())
            or self._is_place(word)
            or (
                _starts_sentence(text, m.start())
                and "-" not in word
                and not _KIND_ENDING.search(word)
                and not _INSTITUTION_KIND.fullmatch(word)
            )
        ):
            return None
        return m

    def _organisations_over_particle_towns(self, text: str, spans: list[Span]) -> list[Span]:
        """Round 22 (inst22b): an institution whose last word opens a town of more words in
        deduce's place list ("Huisartsen Bergen" before "aan Zee", "Fysiotherapie Alphen"
        before "aan den Rijn") grows over the rest of the town (patterns.PLACE_PARTICLE_TAIL);
        the place read in that rest ("aan Zee") goes. No span is added, and a town that is
        not listed whole ("Bergen aan het werk") leaves the spans as they are."""
        grown: list[tuple[int, int]] = []
        for i, span in enumerate(spans):
            if span.label != "instelling" or " " not in span.text:
                continue
            m = patterns.PLACE_PARTICLE_TAIL.match(text, span.end)
            if m is None:
                continue
            if _in_trie(self._places, [span.text.rsplit(" ", 1)[1], *m.group(1).split()]):
                grown.append((i, m.end(1)))
        if not grown:
            return spans
        out = list(spans)
        drop: set[int] = set()
        for i, end in grown:
            old = spans[i]
            out[i] = Span(old.start, end, "instelling", text[old.start : end], old.reason)
            drop.update(
                j
                for j, other in enumerate(spans)
                if j != i and old.end <= other.start and other.start < end
            )
        return [span for j, span in enumerate(out) if j not in drop]

    def _organisation_after_van(self, rest: list[str]) -> bool:
        """Whether the words after a lower-case "van" that deduce took into a name are an
        organisation: a kind word first and no plain word after it ("van Gezinsvoogdij
        Maas", "van Zorgkwartier"), or "Het" and one capitalised word ("van Het Baken": a
        surname writes "van het" in lower case)."""
        if not rest or rest[0][:1].islower():
            return False
        if rest[0] == "Het":
            return len(rest) == 2 and rest[1][:1].isupper()
        head = rest[0]
        return bool(
            patterns.ORGANISATION_HEAD_WORD.fullmatch(head)
            and not self._is_first_name(head)
            and not self._is_surname(head.lower())
            and not any(w.lower() in self._common for w in rest[1:])
        )

    def _organisations_read_as_persons(self, spans: list[Span]) -> list[Span]:
        """Round 21 (inst21): a name found as a person's whose first word says an
        organisation's kind ("Arbodienst Veldhoven", "Stichting Moskee Nour el Maas",
        "Zorgkracht Gelderland", patterns.ORGANISATION_HEAD_WORD) or whose last word only an
        organisation's name has ("Maasoevers Wonen") is an institution: the label changes,
        the span stays. A first word of deduce's first names or surnames keeps the person
        ("Punt", "Gonda van Zorgkwartier"), a first name after the kind too ("Kraamzorg
        Anouk": the nurse), and a kind before only a compass point or plain words ("Wijkteam
        West"); a single word stays (a kind alone names no one)."""
        out = spans
        for i, span in enumerate(spans):
            if span.label != "naam" or " " not in span.text:
                continue
            words = span.text.split()
            head = words[0]
            if head == "van" and self._organisation_after_van(words[1:]):
                # round 22 (inst22): "de voogd van Gezinsvoogdij Maas", "de teamleider van Het
                # Baken": deduce's name grown over "van"; the organisation is the rest
                if out is spans:
                    out = list(spans)
                start = span.start + 4
                out[i] = Span(
                    start, span.end, "instelling", span.text[4:], "naam van een organisatie"
                )
                continue
            if not (
                patterns.ORGANISATION_HEAD_WORD.fullmatch(head)
                or words[-1] in patterns.ORGANISATION_LAST_WORD
            ) or (self._is_first_name(head) or self._is_surname(head.lower())):
                continue
            rest = words[1:]
            if self._is_first_name(rest[0]) or all(
                w.lower() in _COMPASS or w.lower() in self._common for w in rest
            ):
                continue  # "Kraamzorg Anouk": the nurse; "Wijkteam West": a kind and a part
            if out is spans:
                out = list(spans)
            out[i] = Span(span.start, span.end, "instelling", span.text, "naam van een organisatie")
        return out

    def _chat_first_names(self, text: str) -> list[Candidate]:
        """ "hoi priya", "thx rik", "lars ben je er al?": a known first name in lower case,
        in a chat (a text whose lines open in lower case), that is no ordinary word."""
        if self.deduce is None:
            return []
        if not _is_chat(text):
            labels = self._speaker_labels(text)  # "Bas: ja joost en ik ...": a chat too
            if len(labels) < 2 or self._speaker_text(labels, text) != "chat":
                return []
        found = []
        for m in _LOWER_WORD.finditer(text):
            word = m.group(0)
            if (
                not word.islower()
                or word in self._common
                or word in self._whitelist
                or word in self._medical
                or word in _NOT_NAME_WORDS
                or word in _PARTICLE_WORDS
                or word in patterns.STREET_TITLES
                or not self._is_first_name(word)
                or self._is_place(word.capitalize())
                or _article_before(text, m.start())
                or (
                    _NUMBER_AFTER.match(text, m.end())  # "max 4x per dag"
                    and not _CLOCK_ENDS_LINE.match(text, m.end())  # "kees 21:47": who writes
                )
                or _QUANTIFIER_BEFORE.search(text, max(0, m.start() - 10), m.start())
                or _title_before(text, m.start())  # "woonzorgcentrum sint jozef"
            ):
                continue
            found.append(Candidate(m.start(), m.end(), "naam", "voornaam in een chat", LOOKUP))
        return found

    def _greeted_lower_names(self, text: str) -> list[Candidate]:
        """Round 25: "Hoi ineke, ...", "Goedemorgen sanne!", "@joyce kun je ...": a known
        first name in lower case after a greeting or "@", in any text; no ordinary, medical
        or place word."""
        if self.deduce is None:
            return []
        hits = list(_LOWER_NAME_AFTER_GREETING.finditer(text))
        if "@" in text:
            hits += _AT_NAME.finditer(text)
        found = []
        for m in hits:
            word = m.group(1)
            lower = word.lower()
            parts = lower.split("-")
            if (
                lower in self._common
                or lower in self._whitelist
                or lower in self._medical
                or lower in _NOT_NAME_WORDS
                or lower in _PARTICLE_WORDS
                or not all(self._is_first_name(part) for part in parts)
                or (word.islower() and self._is_place(word.capitalize()))
            ):
                continue
            found.append(Candidate(m.start(1), m.end(1), "naam", "voornaam na een groet", PATTERN))
        return found

    # -- names from a person cue -----------------------------------------------------------

    def _cue_name_word(self, word: str, *, strict: bool) -> bool:
        """Whether a capitalised word can be a person's name where a cue says a person
        stands there: no common, stop, title, role, medical or kind word, no place or
        disease. ``strict`` (a weaker cue: a verb after it) also refuses medical terms and
        the words deduce's whitelist of ordinary and medical words holds."""
        lower = word.lower()
        if not word[:1].isupper() or (word.isupper() and len(word) > 1):
            return False
        if (
            lower in self._common
            or lower in _NOT_NAME_WORDS
            or lower in _NOT_PERSONS
            or lower in _PARTICLE_WORDS
            or lower in patterns.STREET_TITLES
            or _ROLE_WORD.fullmatch(word)
            or _INSTITUTION_KIND.fullmatch(word)
            or _KIND_WORD.match(word)
            # a place that is also a first name is a name where a cue says a person stands
            # ("Hoi Ede,", "ik ben Stein")
            or (self._is_place(word) and not self._is_first_name(word))
            or _in_trie(self._diseases, [word])
        ):
            return False
        # "Beste Cor,": a strong cue allows a word that is also a medical term
        return not (
            strict
            and (lower in self._whitelist or lower in self._medical or lower in self._ordinary)
        )

    def _cue_phrase_ok(self, phrase: str, *, strict: bool) -> bool:
        """Every word of a phrase (initials and particles aside) passes ``_cue_name_word``."""
        words = [
            w
            for w in re.split(r"[ -]", phrase)
            if w and not re.fullmatch(r"[^\W\d_]\.", w) and w.lower() not in _PARTICLE_WORDS
        ]
        return bool(words) and all(self._cue_name_word(w, strict=strict) for w in words)

    def _has_known_name_word(self, phrase: str) -> bool:
        """Whether a list knows a word of the phrase as a name, or one has a foreign letter."""
        return any(
            self._is_first_name(w) or self._is_surname(w.lower()) or _FOREIGN_LETTER.search(w)
            for w in re.split(r"[ -]", phrase)
            if len(w) > 1 and w.lower() not in _PARTICLE_WORDS
        )

    def _cue_names(self, text: str) -> list[Candidate]:
        """Names that no list needs to know, found by a cue that a person stands there."""
        if self.deduce is None:
            return []
        found = []

        def add(start: int, end: int, reason: str) -> None:
            found.append(Candidate(start, end, "naam", reason, PATTERN))

        if _PERSON_VERB.search(text):
            for pattern in (_SUBJECT_OF_PERSON_VERB, _AFTER_SPEAKING):
                for hit in pattern.finditer(text):
                    word = hit.group(1)
                    if (
                        self._is_first_name(word)
                        and self._is_place(word)
                        and word.lower() not in self._common
                    ):
                        add(hit.start(1), hit.end(1), "voornaam bij een werkwoord van een persoon")

        if "\n" in text or text[:1].isupper():
            lines = _line_starts(text)  # the two patterns below match at a line's start only
            for m in _NAME_AFTER_GREETING.finditer(text):
                if self._cue_phrase_ok(m.group(1), strict=False):
                    add(m.start(1), m.end(1), "naam na een groet")
            for m in _matches_from(_NAME_UNDER_CLOSING, text, lines):
                phrase = m.group(1)
                if not self._cue_phrase_ok(phrase, strict=False):
                    continue
                one_word = not re.search(r"[ -]", phrase.strip())
                if one_word and not (m.group(2) or self._is_first_name(phrase)):
                    continue  # "Groet,\nSecretariaat": one word needs ", <role>" after it
                add(m.start(1), m.end(1), "naam onder een brief")
            for m in _matches_from(_NAME_AFTER_PERSON_LABEL, text, lines):
                phrase = _QUOTED_NICK_IN_PHRASE.sub("", m.group(1))
                several = bool(re.search(r"[ -]", phrase.strip()))
                age_after = bool(m.group(2)) and any(c.isdigit() for c in m.group(2))
                if not self._cue_phrase_ok(phrase, strict=False):
                    continue
                if not (
                    age_after
                    or (several and self._has_known_name_word(phrase))
                    or (several and _PERSON_LABEL_WORD.match(m.group(0)))
                ):
                    continue  # "Aan: Veilig Thuis": a name needs a known part or an age
                    # (not after a word for a person: "Cliënt: Jevgeni Bondarenko")
                add(m.start(1), m.end(1), "naam na 'Cliënt:'")
        for m in _COMMA_ROLE_AFTER_NAME.finditer(text) if ", " in text else ():
            name = _NAME_PHRASE_AT_END.search(text, max(0, m.start() - 60), m.start())
            if name is None:
                continue
            words = name.group(1).split(" ")
            start = name.start(1)
            while words and not (
                _PLAIN_NAME_WORD.fullmatch(words[0])
                and self._cue_name_word(words[0], strict=True)
                and (words[0].lower() not in self._zipf or self._is_first_name(words[0]))
            ):
                # "Verslag Chidi Okonkwo", "Notulen ...", "EVV'er Priscilla": no heading word,
                # no frequent word, no role
                start += len(words.pop(0)) + 1
            if (
                len(words) >= 2
                and all(_PLAIN_NAME_WORD.fullmatch(w) or w in _PARTICLE_WORDS for w in words)
                and self._cue_phrase_ok(" ".join(words), strict=True)
            ):
                add(start, m.start(), "naam voor een functie")
        for m in _NICKNAME.finditer(text):
            if self._cue_name_word(m.group(1), strict=False):
                add(m.start(1), m.end(1), "roepnaam")
        for m in _NAME_AFTER_KIN.finditer(text):
            if self._cue_name_word(m.group(1), strict=False):
                add(m.start(1), m.end(1), "naam na 'zusje'")
        relations = list(_NAME_AFTER_RELATION.finditer(text))
        for bracket in _RELATION_IN_BRACKETS.finditer(text):
            m = _NAME_WORD_BEFORE_SPACE.search(text, max(0, bracket.start() - 40), bracket.start())
            if m is not None:
                relations.append(m)
        for m in relations:
            if not _starts_sentence(text, m.start(1)) and self._cue_name_word(
                m.group(1), strict=True
            ):
                add(m.start(1), m.end(1), "naam bij een familielid tussen haakjes")
        for m in _ARABIC_HYPHEN_NAME.finditer(text):
            if _KIND_AFTER.match(text, m.end()) or _ARTICLE_BEFORE.search(
                text, max(0, m.start() - 5), m.start()
            ):
                continue  # "Al-Amal Basisschool", "de Al-Noor moskee": an organisation
            first = m.group(1)
            if first is not None and not (
                self._cue_name_word(first.strip(), strict=True)
                and not _starts_sentence(text, m.start(1))
            ):
                add(m.start(2), m.end(2), "naam met 'Al-'")
            else:
                add(m.start(), m.end(), "naam met 'Al-'")
        for m in _NAME_AND_NAME.finditer(text) if " en " in text else ():
            left, right = m.group(1), m.group(2)
            for known, other, start in ((left, right, m.start(2)), (right, left, m.start(1))):
                if (
                    self._is_first_name(known)
                    and known.lower() not in self._common
                    and not self._is_place(known)
                    and not _starts_sentence(text, start)
                    and len(other) <= 7  # a long unknown word is rather a compound
                    and self._cue_name_word(other, strict=True)
                ):
                    add(start, start + len(other), "naam naast een voornaam")  # "Henny en Gé"
        for m in _SELF_INTRODUCTION.finditer(text):
            if self._cue_phrase_ok(m.group(1), strict=True):
                add(m.start(1), m.end(1), "naam na 'ik ben'")
        verbs = list(_SPEAKING_VERB.finditer(text))
        for verb in verbs:
            m = _NAME_WORD_AT_END.search(text, max(0, verb.start() - 40), verb.start())
            if m is None or _article_before(text, m.start(1)):
                continue  # "de Voorzitter zegt"
            word = m.group(1)
            if self._cue_name_word(word, strict=True) or (
                self._is_first_name(word) and not self._is_place(word)
            ):
                add(m.start(1), m.end(1), "naam voor 'zegt'")
        for verb in verbs if verbs and _has_foreign_letter(text) else ():
            m = _LOWER_WORD_AT_END.search(text, max(0, verb.start() - 30), verb.start())
            if (
                m is not None
                and _FOREIGN_LETTER.search(m.group(1))
                and not _article_before(text, m.start(1))
            ):
                add(m.start(1), m.end(1), "naam voor 'zegt'")  # "gülsüm deed open"
        for m in _INITIALS_AFTER_PERSON.finditer(text) if _TWO_INITIALS.search(text) else ():
            if m.group(1).replace(" ", "") not in _ABBREVIATIONS_AFTER_NOUN:
                add(m.start(1), m.end(1), "voorletters na 'cliënt'")
        for m in _NAME_BEFORE_ROOM.finditer(text) if _room_after_cue(text) else ():
            word = m.group(1)
            if word.islower():
                if not self._lower_chat_name(text, word, m.start(1)):
                    continue  # "iemand uit kamer 3", "verhuist van kamer 3"
            elif _article_before(text, m.start(1)) or not self._cue_name_word(word, strict=True):
                continue
            add(m.start(1), m.end(1), "naam voor 'uit kamer'")
        for m in _FIRST_NAME_BEFORE_AGE.finditer(text) if _AGE_BETWEEN_COMMAS.search(text) else ():
            if self._cue_name_word(m.group(1), strict=False):
                add(m.start(1), m.end(1), "voornaam voor een leeftijd")
        for m in _INITIAL_AND_NAME.finditer(text) if _INITIAL_EN_INITIAL.search(text) else ():
            add(m.start(1), m.end(1), "voorletter naast een naam")
        for m in _TITLE_INITIALS_NAME.finditer(text) if _CAPITAL_INITIAL.search(text) else ():
            last = m.group(1).split()[-1]
            if last.lower() not in self._common and last.lower() not in _NOT_NAME_WORDS:
                add(m.start(1), m.end(1), _AFTER_TITLE)
        # then a short title, a foreign letter, a signature in lower case, an age or a role
        found += self._title_age_role_names(text)
        found += self._speaker_family_form_names(text)
        return found

    # -- names of speakers, families, relations and form lines -----------------------------

    def _speaker_labels(self, text: str) -> list[re.Match[str]]:
        """The labels that open lines of a chat or of minutes ("Noa:", "marloes 14:03:")."""
        return _matches_from(_SPEAKER_LABEL, text, _line_starts(text)) if ":" in text else []

    def _label_name_kind(self, phrase: str) -> str:
        """ "first" when a list knows the label's word as a first name (no ordinary word),
        "surname" when it knows it as a surname, "" otherwise."""
        word = phrase.split()[-1] if len(phrase.split()[-1]) > 1 else phrase.split()[0]
        lower = word.lower()
        if lower in self._whitelist or lower in _NOT_NAME_WORDS or lower in _PARTICLE_WORDS:
            return ""
        if lower not in self._common and self._is_first_name(lower):
            return "first"
        parts = lower.split("-")
        if len(parts) == 2 and all(  # "Jan-Willem", "anne-marie": a double first name
            len(part) > 1 and part not in self._common and self._is_first_name(part)
            for part in parts
        ):
            return "first"
        return "surname" if self._is_surname(lower) else ""

    def _another_writer(self, phrase: str, turns: collections.Counter[str]) -> bool:
        """In a chat of people whose labels are first names, a one-word label that writes two
        messages or more is one of them too, also when a list holds the word as a medical or
        ordinary term ("[09:16] lies: ja", "[09:18] lies: top"). Not a word of deduce's
        common words, a role, a family word, a place or a noun by its ending ("Opmerking:",
        "Studentbegeleider:", "mam:", "Utrecht:")."""
        lower = phrase.lower()
        return (
            turns[lower] >= 2
            and phrase.isalpha()
            and len(phrase) > 2
            and lower not in self._common
            and lower not in _NOT_NAME_WORDS
            and lower not in _PARTICLE_WORDS
            and _ROLE_AT_END.search(phrase) is None
            and lower not in _FAMILY_CALLS
            and not lower.endswith(_NOUN_ENDINGS)
            and _INSTITUTION_KIND.fullmatch(phrase) is None
            and not self._is_place(phrase.capitalize())
        )

    def _speaker_text(self, labels: list[re.Match[str]], text: str) -> str:
        """ "chat" when two or more labels are first names a list knows (people writing to
        each other), "minutes" when two or more are names and the text is the minutes of a
        meeting or a chat, "" otherwise (a form's "Tip:" and "Doel:")."""
        kinds = {m.group(1).lower(): self._label_name_kind(m.group(1)) for m in labels}
        for m in labels:
            # "Esra Yilmaz 09:12:": a first name and a surname with the time a message was
            # sent, as a chat app writes who speaks, is a writer by a first name too
            phrase = m.group(1)
            first = phrase.split()[0].lower()
            if (
                kinds[phrase.lower()] != "first"
                and " " in phrase
                and text[m.end(1) : m.end(1) + 2][:1] == " "
                and text[m.end(1) + 1 : m.end(1) + 2].isdigit()
                and first not in self._common
                and self._is_first_name(first)
            ):
                kinds[phrase.lower()] = "first"
        names = [kind for kind in kinds.values() if kind]
        foreign = sum(1 for phrase in kinds if _FOREIGN_LETTER.search(phrase))
        if names.count("first") >= 2 or (names.count("first") and foreign):
            return "chat"
        if names.count("first") == 1 and len(labels) >= 4:
            # one known first name taking turns with one other writer ("mo:" / "lies:")
            turns = collections.Counter(m.group(1).lower() for m in labels)
            if any(
                not kind and self._another_writer(phrase, turns) for phrase, kind in kinds.items()
            ):
                return "chat"
        if len(names) >= 2 and (_is_chat(text) or _MINUTES_CUE.search(text)):
            return "minutes"
        return ""

    def _speaker_time_lines(self, text: str) -> list[Candidate]:
        """Who writes in a chat whose lines "Kasia 23:48" stand above the messages: two or
        more people taking turns (a label comes back), a message under every label, a list
        knowing a word of one label as a name, and every label capitalised and no ordinary
        word, place or role (a schedule "Ontbijt 08:00" / "Koffie 10:30" is no chat)."""
        if _TIME_AT_LINE_END.search(text) is None:
            return []  # every line of the chat ends in a time
        lines = _matches_from(_SPEAKER_TIME_LINE, text, _line_starts(text))
        if len(lines) < 3:
            return []
        phrases = [m.group(1) for m in lines]
        if (
            not 2 <= len(set(phrases)) < len(phrases)
            or any(not text[a.end() : b.start()].strip() for a, b in itertools.pairwise(lines))
            or not any(self._has_known_name_word(phrase) for phrase in set(phrases))
            or not all(
                phrase[:1].isupper() and self._cue_phrase_ok(phrase, strict=True)
                for phrase in set(phrases)
            )
        ):
            return []
        return [Candidate(m.start(1), m.end(1), "naam", _SPEAKER_REASON, PATTERN) for m in lines]

    def _table_names(self, text: str) -> list[Candidate]:
        """The cells of a table's column headed "Naam" (or "cliënt", "name" ...), on the
        rows under the header that have as many cells: "Tesfay Gebremedhin  | 1995 | ..."."""
        found = []
        column, cells, at = -1, 0, 0
        for line in text.split("\n"):
            parts = line.split("|")
            if len(parts) < 2:
                column = -1
            elif column < 0:
                heads = [part.strip().lower() for part in parts]
                column = next((i for i, h in enumerate(heads) if h in _NAME_COLUMN_HEADERS), -1)
                cells = len(parts)
            elif len(parts) == cells:
                start = at + sum(len(part) + 1 for part in parts[:column])
                m = _NAME_CELL.fullmatch(parts[column])
                if m is not None and self._cue_phrase_ok(m.group(1), strict=False):
                    found.append(
                        Candidate(
                            start + m.start(1),
                            start + m.end(1),
                            "naam",
                            "naam in een tabel",
                            PATTERN,
                        )
                    )
            at += len(line) + 1
        return found

    def _speaker_family_form_names(self, text: str) -> list[Candidate]:
        """Names by where they stand: who speaks in a chat or in minutes ("Bakker: geeft
        aan ...", "[Signal] tamara: ..."), a family ("fam. Boukhari"), a man addressed in a
        letter ("Geachte heer Berhane"), an English relation ("Husband Karthik"), a form
        line whose name is followed by a date of birth, a room or a role ("Aanvrager:
        Oksana Kovalenko, geb. ..."), initials with a first name in brackets ("F. (Fred)
        Baars")."""
        found = []
        labels = self._speaker_labels(text)
        speaker_text = self._speaker_text(labels, text) if len(labels) >= 2 else ""
        if speaker_text:
            turns = collections.Counter(m.group(1).lower() for m in labels)
            for m in labels:
                phrase = m.group(1)
                kind = self._label_name_kind(phrase)
                word = phrase.split()[-1] if len(phrase.split()[-1]) > 1 else phrase.split()[0]
                if (
                    kind
                    or (
                        _FOREIGN_LETTER.search(word)
                        and self._cue_name_word(word.capitalize(), strict=True)
                    )
                    or (speaker_text == "chat" and self._another_writer(phrase, turns))
                ):
                    found.append(Candidate(m.start(1), m.end(1), "naam", _SPEAKER_REASON, PATTERN))
        for m in _FAMILY_OR_SIR_NAME.finditer(text):
            phrase = m.group(1)
            last = phrase.split()[-1]
            particles = phrase.split()[:-1]
            if last[:1].isupper():
                ok = self._cue_phrase_ok(phrase, strict=False) or (
                    # "Geachte heer Rozendaal": a man addressed, by a place-name as surname
                    m.group(0)[:1] in "GgBbLl"
                    and " " not in phrase
                    and self._is_place(phrase)
                    and phrase.lower() not in self._common
                )
            else:
                ok = (
                    last not in self._common
                    and last not in self._whitelist
                    and (
                        self._is_surname(last)
                        or bool(particles and particles[0].lower() in _FOREIGN_PARTICLES)
                    )
                )
            if ok:
                found.append(Candidate(m.start(1), m.end(1), "naam", "naam na 'fam.'", PATTERN))
        for m in _ENGLISH_RELATION_NAME.finditer(text):
            if self._cue_name_word(m.group(1), strict=True) or (
                m.group(1)[:1].isupper() and self._is_first_name(m.group(1))
            ):
                found.append(Candidate(m.start(1), m.end(1), "naam", "naam na 'husband'", PATTERN))
        label_starts = (
            [0, *(m.end() for m in _LINE_OR_CLAUSE_END.finditer(text))] if ":" in text else []
        )
        for m in _matches_from(_PERSON_LABEL_LINE, text, label_starts):
            phrase, initials = m.group(1), m.group(2)
            if not self._cue_phrase_ok(phrase, strict=False):
                continue
            several = " " in phrase
            if (
                initials
                or _PERSON_DETAIL_AFTER.match(text, m.end(1))
                or (several and ("-" in phrase or self._has_known_name_word(phrase)))
            ):
                found.append(
                    Candidate(m.start(1), m.end(), "naam", "naam na 'Aanvrager:'", PATTERN)
                )
        found += self._table_names(text) if "|" in text else []
        found += self._speaker_time_lines(text) if ":" in text or "." in text else []
        for m in _INITIALS_NICK_SURNAME.finditer(text) if _INITIAL_BRACKET.search(text) else ():
            if self._is_first_name(m.group(2)) or self._cue_name_word(m.group(2), strict=True):
                found.append(
                    Candidate(m.start(1), m.end(1), "naam", "voorletters en roepnaam", PATTERN)
                )
        return found

    # -- names by a short title, a bracket, an age or a role in brackets ---------------------

    def _left_bracket(self, window: str) -> re.Match[str] | None:
        """ "P.J. (Pieter) " or "Kees (C.W.) " before a found surname: initials or a name-like
        word, then a nickname or initials in brackets."""
        m = _LEFT_BRACKET.search(window)
        if m is None:
            return None
        for part in (m.group(1), m.group(2)):
            if part.endswith("."):
                continue
            if not (self._is_first_name(part) or self._name_like(part, particles=False)):
                return None
        return m

    def _first_name_before_initial(
        self, text: str, window: str, start: int
    ) -> re.Match[str] | None:
        """ "Naam: Gerritdina B. Hofstee": a capitalised word before a middle initial and a
        found surname is the first name when it passes the strict word check (no common,
        medical, place or kind word) and does not open a sentence (a form label may precede)."""
        m = _NAME_WORD_BEFORE_SPACE.search(window)
        if m is None or not self._cue_name_word(m.group(1), strict=True):
            return None
        at = start - (len(window) - m.start(1))
        if _article_before(text, at):
            return None
        if _starts_sentence(text, at) and not text[:at].rstrip(" \t").endswith(":"):
            return None
        return m

    def _lower_first_name_before_particles(
        self, text: str, word: str, start: int, particles: bool
    ) -> bool:
        """ "marloes vd Wal", "[10:02] joost de Ruiter:": a lower-case known first name before
        the particles of a capitalised surname (a chat writes first names in lower case)."""
        if not particles:
            head = text[start : start + 8].split(" ", 1)[0]
            if head.lower() not in _PARTICLE_WORDS or " " not in text[start : start + 8]:
                return False  # "vd Wal": the particles may open the found name
            start += len(head) + 1
        return (
            word.islower()
            and text[start : start + 1].isupper()
            and word not in self._whitelist
            and self._lower_first_name(word)
        )

    def _title_age_role_names(self, text: str) -> list[Candidate]:
        """Names by a cue that rounds before did not read: a short title ("mnr Oukili"), an
        age in years in brackets after a name of more words ("Liya Tesfamariam (17 jaar)"),
        a role in brackets after a name of more words ("Anna Kowalczyk (ergotherapeut)").
        Part of :meth:`_cue_names` (needs deduce's lists)."""
        found = []
        for m in _SHORT_TITLE_NAME.finditer(text):
            name = m.group(1)
            last = name.split()[-1]
            if last[0].isupper():
                if not self._cue_name_word(last, strict=False):
                    continue
            elif not (
                last not in self._common and (self._is_surname(last) or self._is_first_name(last))
            ):
                continue  # "mnr zegt": no name
            found.append(Candidate(m.start(1), m.end(1), "naam", "naam na 'mnr'", PATTERN))
        if _STRICT_FOREIGN_LETTER.search(text):
            for m in _FOREIGN_WORD.finditer(text):
                word = m.group(1)
                if word.lower() not in self._common and not _STRICT_FOREIGN_LETTER.fullmatch(word):
                    # a capitalised word where one goes or comes from: "naar Poznań" (a place)
                    place = word[:1].isupper() and _PLACE_PREPOSITION_BEFORE.search(
                        text, max(0, m.start(1) - 12), m.start(1)
                    )
                    found.append(
                        Candidate(
                            # the lowest rank: it only fills gaps between other spans
                            m.start(1),
                            m.end(1),
                            "plaats" if place else "naam",
                            "plaats met een vreemde letter"
                            if place
                            else "naam met een vreemde letter",
                            0,
                        )
                    )
        if "\n" in text:
            for m in _matches_from(_LOWER_NAME_UNDER_CLOSING, text, _line_starts(text)):
                word = m.group(1)
                if (
                    word not in self._common
                    and word not in self._whitelist
                    and self._is_first_name(word)
                ):
                    found.append(
                        Candidate(m.start(1), m.end(1), "naam", "naam onder een bericht", PATTERN)
                    )
        if "(" not in text:
            return found
        for cue, strict in (
            (_AGE_IN_YEARS_AFTER, True),
            (_ROLE_IN_BRACKETS, False),
            (_NICKNAME_IN_BRACKETS, False),
            (_CLIENT_AND_AGE_AFTER, False),
        ):
            for after in cue.finditer(text):
                m = _NAME_PHRASE_AT_END.search(text, max(0, after.start() - 60), after.start())
                if m is None:
                    continue
                phrase, at = _capitalised_tail(m.group(1)), m.end(1)
                at -= len(phrase)  # "Vandaag de aanmelding van Liya Tesfamariam": the tail
                several = bool(re.search(r"[ -]", phrase))
                if not (several and _LISTED_BEFORE.search(text, max(0, at - 12), at)) and (
                    cue is not _CLIENT_AND_AGE_AFTER
                ):
                    continue  # "Er was Overleg Palliatieve (verpleegkundige) zorg"; one word
                    # before "(cliënt, 19)" is the client: "Ilias (cliënt, 19)"
                if _article_before(text, at):
                    continue  # one word: the rules before; "de Kinderboerderij (3 jaar)"
                if not self._cue_phrase_ok(phrase, strict=strict):
                    continue
                found.append(Candidate(at, m.end(1), "naam", "naam voor leeftijd of rol", PATTERN))
        return found

    def _without_unit_and_label_names(
        self, text: str, candidates: list[Candidate]
    ) -> list[Candidate]:
        """Drops name candidates that are no person: one word after a ward, unit or station
        word ("unit Orion", "afd. Joachim", "station Alexander"); the label of a form line
        before a name ("Gast: Kofi Mensah" outside a chat); a noun in "-ing" opening a
        sentence with a word no list knows as a name ("Scholing Omaha gaat niet door"); a
        word in "-en" or "-ing" that no list knows, after a role ("Begeleider Wonen")."""
        if self.deduce is None:
            return candidates
        name_starts = {c.start for c in candidates if c.label == "naam"}
        chat: bool | None = None
        kept = []
        for c in candidates:
            if c.label != "naam":
                kept.append(c)
                continue
            piece = text[c.start : c.end]
            one_word = piece.isalnum()
            if one_word and _UNIT_WORD_BEFORE.search(text, max(0, c.start - 16), c.start):
                continue
            if piece in ("X", "Y", "Z") and text[c.end : c.end + 1] != ".":
                continue  # round 23: "Mevrouw X", "cliënt Y": a placeholder, no initial
            if piece.lower() == "max" and _AMOUNT_AFTER_MAX.match(text, c.end):
                continue  # "Max 5 zinnen": "maximaal"
            if (
                one_word
                and text[c.end : c.end + 2] == ": "
                and (c.start == 0 or text[c.start - 1] == "\n")
                and c.end + 2 in name_starts
                and not self._is_first_name(piece)
                and c.reason != _SPEAKER_REASON
            ):
                if chat is None:
                    chat = _is_chat(text)
                if not chat:
                    continue  # "Gast: Kofi Mensah": a label
            head, _, rest = piece.partition(" ")
            if (
                rest
                and " " not in rest
                and len(head) > 5
                and head.endswith("ing")
                and _starts_sentence(text, c.start)
                and not self._is_first_name(head)
                and not (self._is_first_name(rest) or self._is_surname(rest.lower()))
            ):
                continue  # "Scholing Omaha": an agenda item
            if (
                rest
                and " " not in rest
                and _LOWER_ARTICLE_BEFORE.search(text, max(0, c.start - 6), c.start)
                and self._is_first_name(head)
                and not self._is_first_name(rest)
                and not self._is_surname(rest.lower())
                and rest.lower() not in self._common
            ):
                continue  # "met de Sara Stedy": a product named after a person
            if (
                one_word
                and piece.endswith(("en", "ing"))
                and _SECTOR_ROLE_BEFORE.search(text, max(0, c.start - 30), c.start)
                and not self._is_first_name(piece)
                and not self._is_surname(piece.lower())
                and not _FOREIGN_LETTER.search(piece)
            ):
                continue  # "Begeleider Wonen": a sector, not a person
            kept.append(c)
        return kept

    def _without_sentence_start_words(
        self, text: str, candidates: list[Candidate]
    ) -> list[Candidate]:
        """A single capitalised word that a list calls a name or a place, where a sentence
        starts, is often an ordinary word: "Onderwerp: Scholing ..." when "scholing" stands
        in lower case further on, "Weeg uzelf elke ochtend" (a verb before "u")."""
        kept = []
        for c in candidates:
            if (
                c.priority == LOOKUP
                and c.label in ("naam", "plaats")
                and text[c.start : c.start + 1].isupper()
                and _starts_sentence(text, c.start)
            ):
                word = text[c.start : c.end]
                if word.isalnum():
                    if c.label == "plaats" and _IMPERATIVE_OBJECT.match(text, c.end):
                        continue
                    if c.label == "plaats" and text[c.end : c.end + 1] == ":":
                        continue  # "Middag: ...": the label of a part of a report
                    if (
                        c.label == "naam"
                        and word.lower() in self._common
                        and not self._is_first_name(word)
                    ):
                        continue  # "Visser, bakker, kapper": an ordinary word (a found
                        # name is found here again as a word already known, see spans())
                    if (
                        c.label == "naam"
                        and (word.lower().endswith("ing") or word.lower() in _COLOURS)
                        and not self._is_first_name(word)
                        and _LOWER_WORD_AFTER.match(text, c.end)
                        and not _FINITE_VERB_AFTER.match(text, c.end)
                        and not (
                            _PAST_VERB_AFTER.match(text, c.end)
                            # "Zwart gekleurde": an inflected participle after a colour
                            and not (
                                word.lower() in _COLOURS and _PARTICIPLE_AFTER.match(text, c.end)
                            )
                        )
                    ):
                        continue  # "Scholing insuline-pen staat gepland": a noun in "-ing",
                        # "Zwart gekleurde ontlasting": a colour, before another word; a
                        # surname opening a sentence has its verb next ("Groen belde")
                    if (
                        c.label == "naam"
                        and not self._is_first_name(word)
                        and (
                            _IMPERATIVE_THEN.match(text, c.end) or _OF_THE_PERIOD.match(text, c.end)
                        )
                    ):
                        continue  # "Schakel dan de arts in": a verb that orders; "Tip van de
                        # week": the heading of a regular item
                    if (
                        c.label == "naam"
                        and (
                            _OBJECT_AFTER_ORDER.match(text, c.end)
                            or _PREPOSITION_AFTER_WORD.match(text, c.end)
                        )
                        and not self._is_first_name(word)
                        and word.lower() in self._zipf
                        and not _PARTICIPLE_IN_CLAUSE.match(text, c.end)
                    ):
                        continue  # round 23: "Pak de tillift", "Spoel de sonde": an order;
                        # round 24: "Remmen van bed en stoel vast", "Koel bij zwelling"
                    if (
                        c.label == "naam"
                        and not self._is_first_name(word)
                        and _LABEL_OR_LIST_AFTER.match(text, c.end)
                    ):
                        continue  # "Ernst: laag.", "Smid, bakker, kapper": a report's field
                        # label with a one-word value, or the head of a list of plain words
                    if (
                        c.label == "naam"
                        and (items := _LOWER_LIST_AFTER.match(text, c.end)) is not None
                        and not any(self._is_first_name(w.capitalize()) for w in items.groups())
                    ):
                        continue  # round 23: "Roos, anjer en gerbera": a list of things
                    if (
                        c.label == "naam"
                        and not self._is_first_name(word)
                        and re.search(r"(?<![\w-])" + re.escape(word.lower()) + r"(?![\w-])", text)
                    ):
                        continue
            kept.append(c)
        return kept

    # -- ordinary words in texts without identifiers ---------------------------------------

    def _without_plain_words(self, text: str, candidates: list[Candidate]) -> list[Candidate]:
        """Drops candidates that a list matched on an ordinary word, judged by where the word
        stands, not by the word:

        - a word that opens a sentence and is followed by an object, reflexive or indefinite
          pronoun ("Leg iets zachts", "Leg alles klaar", "Lock your screen"): a sentence that
          opens with a name has its verb next (Dutch puts the finite verb second, English right
          after the subject), so the first word is itself the verb;
        - a surname (no first name) alone at the start of a line before a colon ("Tip: ..."):
          the label of a part of the text;
        - a surname (no first name) after an English "and", "of" or "the" ("Timed Up and Go"):
          a word of an English title;
        - a lower-case chat word before a full stop and a number ("max. 5 min"): an
          abbreviation;
        - a one-word institution that deduce's common words hold ("Antwoord: ..." read as
          a house ending in "-oord");
        - "24/7" without a date word before it: day and night, no date;
        - an AI or voice assistant that deduce lists as a first name ("Claude", "Siri",
          "Alexa") in a text that speaks of AI, a chatbot or a smart speaker.

        A surname dropped here is still found where the same name is found elsewhere in the
        text ("Dhr. Tip ... Tip belt"): see the second pass of :meth:`spans`."""
        if self.deduce is None:
            return candidates
        chat: bool | None = None
        kept = []
        for c in candidates:
            piece = text[c.start : c.end]
            if c.label == "naam" and piece[:1] in "GHBDLMTOPFSW" and " " in piece:
                greeting = _GREETING_IN_NAME.match(text, c.start, c.end)
                if greeting is not None:
                    start = self._after_leading_word(text, greeting, c.start, c.end)
                    if start != c.start:  # "Goedemorgen Sevda": the name after it
                        c = Candidate(start, c.end, c.label, c.reason, c.priority)
                        piece = text[c.start : c.end]
            if c.label == "naam" and " " in piece and _starts_sentence(text, c.start):
                start = self._after_opening_word(piece, c.start)
                if start != c.start:  # "Vanochtend Priya gesproken": the first name alone
                    c = Candidate(start, c.end, c.label, c.reason, c.priority)
                    piece = text[c.start : c.end]
            if c.label == "naam" and " " in piece:
                head = _DOCUMENT_HEAD_IN_NAME.match(piece)
                if head is not None:  # "Sessieverslag Moleman": the name after the kind
                    c = Candidate(c.start + head.end(), c.end, c.label, c.reason, c.priority)
                    piece = text[c.start : c.end]
            if (
                c.label == "naam"
                and _LETTER_OF_A_CLASS.match(piece)
                and _CLASS_WORD_BEFORE.search(text, max(0, c.start - 16), c.start)
                and not self._known_name_after_initial(piece)
            ):
                continue  # "rijbewijs C. Woonachtig ...": the letter is the licence's
            if c.label == "naam" and ". " in piece:
                c = self._cut_at_sentence_end(text, c)
                piece = text[c.start : c.end]
            one_word = piece.isalnum()
            if (
                c.label == "naam"
                and _PREPOSITION_PARTICLE.match(piece)
                and not self._person_before(text, c.start)
            ):
                continue  # "ik sta op de Linde": a place, no surname "op de Linde"
            if c.label == "naam" and (
                piece in _SHOP_CHAINS or piece.rpartition(" ")[0] in _SHOP_CHAINS
            ):
                # round 25 (inst25): a national chain read as a name ("bij de Albert Heijn",
                # "werkt bij Albert Heijn Xpress") is the shop: an organisation
                c = Candidate(c.start, c.end, "instelling", "naam van een organisatie", c.priority)
            elif c.label == "naam" and _SHOP_CHAIN_BEFORE_STREET.match(piece):
                continue  # "de Albert Heijn op de Kooilaan": the shop and its street
            if c.label == "instelling":
                if c.priority == LOOKUP and one_word and piece.lower() in self._common:
                    continue  # "Antwoord", "Akkoord": a plain word ending in "-oord"
                if self._role_title(piece):
                    continue  # "De Teamleider Zorg", "Hoofd Zorg": a job, no organisation
                if self._department(piece):
                    continue  # "Polikliniek Dermatologie": a hospital's department
                if one_word and _INSTRUMENT_AFTER.match(text, c.end):
                    continue  # "in Trendelenburg houding": a position named after a person
                if (
                    piece[:1].islower()
                    and piece.count(" ") == 1
                    and piece[-3:-2] == " "
                    and piece[-2:] in _NOT_BARE_INITIALS
                ):
                    continue  # "woonvoorziening VG", "afdeling PG": a kind of place in lower
                    # case and the care abbreviation of its clients, no name ("Zorgkantoor
                    # DSW", "Bewindvoering Twente BV" stay)
            elif c.label == "datum":
                if piece == "24/7" and not _DATE_WORD_BEFORE.search(
                    text, max(0, c.start - 12), c.start
                ):
                    continue  # "24/7 bereikbaar": day and night
            elif (
                c.label == "naam"
                and piece in _ENGLISH_WEEKDAYS
                and _DAY_OR_MONTH_AFTER.match(text, c.end)
            ):
                continue  # "Sent: Thu 3 Oct 2024", "Fri, Mar 7": an English weekday
            elif c.label == "naam" and (
                (not one_word and self._names_an_instrument(text, c))
                or _after_instrument_head(text, c.start)
            ):
                continue  # "Berg Balance Scale", "syndroom van Korsakov": named after a person
            elif (
                c.label == "naam"
                and one_word
                and piece.islower()
                and _SUBJECT_PRONOUN_AFTER.match(text, c.end)
                and (
                    _INVERSION_OPENER_BEFORE.search(text, max(0, c.start - 12), c.start)
                    or _OBJECT_AFTER_PRONOUN.match(text, c.end)
                )
            ):
                continue  # "die ken ik", "ken je iemand": a verb before its subject
            elif c.label in ("naam", "plaats") and one_word and c.priority == LOOKUP:
                if c.label == "naam" and self._names_an_instrument(text, c):
                    continue  # "Tinetti test", "Barthel index"
                if (
                    c.label == "plaats"
                    and piece.lower() in _DAY_PARTS
                    and (piece.islower() or _starts_sentence(text, c.start))
                ):
                    continue  # "Middag rustig, ...", "van ochtend naar middag": a part of
                    # the day (in lower case it never names a town, not even in a chat)
                if piece.islower():
                    if c.label == "naam" and _ABBREVIATION_AFTER.match(text, c.end):
                        continue  # "max. 5 min": an abbreviation, no chat name
                elif piece[:1].isupper():
                    if _starts_sentence(text, c.start) and _NO_VERB_AFTER.match(text, c.end):
                        if chat is None:
                            chat = _is_chat(text)
                        if not chat:  # "sanne je bent ...": a chat calls people so
                            continue
                    if (
                        c.label == "naam"
                        and piece in _AI_ASSISTANTS
                        and _AI_ASSISTANT_CUE.search(text)
                    ):
                        continue  # "AI zoals Gemini, Claude en ChatGPT": an assistant
                    if c.label == "naam" and self._english_word(text, c.start, c.end):
                        continue  # "My partner ...", "the 4th of June"
                    if c.label == "naam" and _BRAND_WORD_BEFORE.search(
                        text, max(0, c.start - 12), c.start
                    ):
                        continue  # "tillift merk Arjo": a brand that a list calls a name
                    if (
                        c.label == "naam"
                        and _ITEM_START.search(text, max(0, c.start - 8), c.start)
                        and (
                            _GROUP_SALUTATION_AFTER.match(text, c.end)
                            or _GROUP_WORD_SALUTATION_AFTER.match(text, c.end)
                        )
                        and (c.start == 0 or text[c.start - 1] == "\n")
                    ):
                        continue  # "Lieve vrijwilligers,", "Lieve allemaal, bedankt": a group
                    if c.label == "naam" and not self._is_first_name(piece):
                        if (c.start == 0 or text[c.start - 1] == "\n") and text[
                            c.end : c.end + 1
                        ] == ":":
                            continue  # "Tip: meet zittend": a label
                        if (
                            text[c.end : c.end + 1] == ":"
                            and _ITEM_START.search(text, max(0, c.start - 8), c.start)
                            and self._noun_of_a_verb(piece)
                        ):
                            continue  # "- Scholing: de nachtdienst ...": an agenda item
                        if _NUMBERED_LABEL_AFTER.match(text, c.end) and _ITEM_START.search(
                            text, max(0, c.start - 8), c.start
                        ):
                            continue  # "- Stap 1: ...": a numbered step
                        if _ARTICLE_AFTER.match(text, c.end) and _ITEM_MARKER_BEFORE.search(
                            text, max(0, c.start - 8), c.start
                        ):
                            continue  # "2. Spoel de sonde": the verb of an instruction
                        if self._in_title_phrase(text, c.start, c.end):
                            continue  # "Rots & Water", "Op Maat", "Scholing BHV"
                        if _ENGLISH_TITLE_BEFORE.search(text, max(0, c.start - 5), c.start):
                            continue  # "Timed Up and Go": an English title
            kept.append(c)
        return kept

    def _noun_of_a_verb(self, word: str) -> bool:
        """Whether ``word`` is a frequent noun in "-ing" made of a frequent verb ("Scholing"
        of "scholen", "Planning" of "plannen", "Levering"): deduce lists some as surnames,
        but "Koning", "Honing" or "Fleming" have no such verb and stay names."""
        lower = word.lower()
        return (
            len(lower) >= 6
            and lower.endswith("ing")
            and self._zipf.get(lower, 0.0) >= _NOUN_ZIPF
            and self._zipf.get(lower[:-3] + "en", 0.0) >= _NOUN_ZIPF
        )

    def _known_name_after_initial(self, piece: str) -> bool:
        """Whether a word after the initial that opens ``piece`` is a listed first name or
        surname ("groep B. Jansen" may still be a person)."""
        return any(
            self._is_first_name(word) or self._is_surname(word.lower())
            for word in piece.split()[1:]
        )

    def _department(self, piece: str) -> bool:
        """A department named by its speciality alone ("Polikliniek Dermatologie", "afdeling
        Geriatrie"): the conventions label the hospital, not its department."""
        words = piece.split()
        return (
            1 < len(words) <= 3
            and words[0].lower() in _HOSPITAL_DEPARTMENT_WORDS
            and all(self._kind_of_care(w) for w in words[1:])
        )

    def _person_before(self, text: str, start: int) -> bool:
        """Whether the word before ``start`` is a form of address or a first name ("mevrouw
        op de Beek", "Jan op de Beek"): a surname may open with a preposition there."""
        word = _word_before(text, start, reach=24)
        return word.lower() in _PERSON_FORMS_OF_ADDRESS or (
            word[:1].isupper() and self._is_first_name(word)
        )

    def _role_title(self, piece: str) -> bool:
        """A job title with capitals ("De Teamleider Zorg", "Hoofd Zorg", "De Diëtist"): a
        role word, then only words of a field of care (see ``_ROLE_TITLE_HEAD``)."""
        words = piece.split()
        if words and words[0].lower() in ("de", "het"):
            words = words[1:]
        if not words or len(words) > 3 or not _ROLE_TITLE_HEAD.fullmatch(words[0]):
            return False
        return all(
            w.lower() in _ROLE_TITLE_TAILS or self._kind_of_care(w) or _ROLE_TITLE_HEAD.fullmatch(w)
            for w in words[1:]
        )

    @staticmethod
    def _cut_at_sentence_end(text: str, c: Candidate) -> Candidate:
        """A name ends where its sentence ends: "chauffeur Hans Verschuren. Fleur had ..."
        is "Hans Verschuren", not three words over the full stop. A full stop after an
        initial ("J. van Beers") or after a title ("Mevr. Jansen") stays inside."""
        for stop in _SENTENCE_END_IN_NAME.finditer(text, c.start, c.end):
            if _TITLES.match(stop.group(1) + ". ") is None:
                end = stop.start() + len(stop.group(1))
                return Candidate(c.start, end, c.label, c.reason, c.priority)
        return c

    @staticmethod
    def _names_an_instrument(text: str, c: Candidate) -> bool:
        """Whether a name is part of the name of a scale, test, index or syndrome ("Berg
        Balance Scale", "Tinetti test"): its last word is such a head, or one follows."""
        piece = text[c.start : c.end]
        if _INSTRUMENT_HEAD.search(piece):
            return True
        return _INSTRUMENT_AFTER.match(text, c.end) is not None

    def _in_title_phrase(self, text: str, start: int, end: int) -> bool:
        """A surname from a list that is a word of the name of a training, method or
        course, not a person: a plain word joined by "&" to another plain word ("Rots &
        Water"), or after a capitalised preposition inside a run of capitals ("Agressie
        Regulatie Op Maat"); or a noun in "-ing" that opens a line or sentence and is
        followed by a capitalised word that no list knows as a name or place, as the
        heading of an item is ("Scholing Eerste Psychische Hulp", "Training Omaha")."""
        lower = text[start:end].lower()
        if lower in self._common:
            joined = _AMPERSAND_WORD_AFTER.match(text, end)
            if joined is not None and joined.group(1).lower() in self._common:
                return True
            if _TITLE_PREPOSITION_BEFORE.search(text, max(0, start - 40), start):
                return True
        if not lower.endswith("ing") or not (
            _starts_sentence(text, start) or _ITEM_START.search(text, max(0, start - 8), start)
        ):
            return False
        heading = _NEXT_CAPITALISED_WORD.match(text, end)
        if heading is None:
            return False
        word = heading.group(1)
        return not (
            self._is_first_name(word)
            or self._is_surname(word.lower())
            or self._is_place(word)
            or word.lower() in _PERSON_FORMS_OF_ADDRESS
        )

    @staticmethod
    def _english_word(text: str, start: int, end: int) -> bool:
        """ "My" opening an English sentence before a lower-case word, and an English month
        after "of", "in" or a day ("the 4th of June"): deduce lists both as first names."""
        piece = text[start:end]
        if piece in _ENGLISH_POSSESSIVE:
            return (
                text[end : end + 1] == " "
                and text[end + 1 : end + 2].islower()
                and _ENGLISH_CUE.search(text) is not None
            )
        if piece in _ENGLISH_MONTHS and _MONTH_CONTEXT.search(text, max(0, start - 12), start):
            return True
        # "Take paracetamol ...", "Keep the wound dry": a very frequent English word opening
        # a sentence before a lower-case word, in English text, is a verb ("Mark", "Bill",
        # "June" are less frequent and stay names)
        return (
            text[end : end + 1] == " "
            and text[end + 1 : end + 2].islower()
            and _starts_sentence(text, start)
            and _ENGLISH_CUE.search(text) is not None
            and _english_zipf(piece.lower()) >= _ENGLISH_WORD_ZIPF
        )

    # -- words that only look like identifiers ---------------------------------------------

    def _without_stock_and_ward_names(
        self, text: str, candidates: list[Candidate]
    ) -> list[Candidate]:
        """Round 25: drops names inside a stock name of idiom ("Jan Modaal", "Klaas Vaak")
        and a nature word naming a ward or group ("groep Beuk", "De Merel en de Zwaluw")."""
        stock: list[tuple[int, int]] = []
        for c in candidates:
            if c.label == "naam":
                head = text[c.start : c.end].split(" ", 1)[0].lower()
                if head in _STOCK_NAME_HEADS:
                    m = _STOCK_NAME.match(text, c.start)
                    if m is not None:
                        stock.append(m.span())
        kept = []
        for c in candidates:
            if c.label == "naam":
                if any(a <= c.start and c.end <= b for a, b in stock):
                    continue  # "Jan en alleman", "Katrijn" in "Jan Klaassen en Katrijn"
                piece = text[c.start : c.end].lower()
                if piece.startswith("de ") and piece[3:] in _NATURE_WARD_WORDS:
                    # "De Merel en de Lijster": the article in the span, none of "mevrouw de
                    # Roos" before it
                    if not _ADDRESS_BEFORE_ARTICLE.search(text, max(0, c.start - 13), c.start + 3):
                        continue
                elif piece in _NATURE_WARD_WORDS and (
                    _WARD_WORD_BEFORE.search(text, max(0, c.start - 16), c.start)
                    or (
                        _ARTICLE_DE_BEFORE.search(text, max(0, c.start - 3), c.start)
                        and not _ADDRESS_BEFORE_ARTICLE.search(text, max(0, c.start - 16), c.start)
                    )
                ):
                    continue
            kept.append(c)
        return kept

    def _without_false_friends(self, text: str, candidates: list[Candidate]) -> list[Candidate]:
        """Drops (or relabels) candidates of kinds that are no identifier: a language
        ("tolk Arabisch", "spreekt goed Engels"), a placeholder letter after a role
        ("bewoner A", "bewoner B."), a unit letter and a drug after a dose ("14 E Insulatard"),
        a role word after a title ("mw. Casemanager"), a label in capitals before a number
        ("AGB: 0101..."), a common word that a list also knows as a first name opening a
        sentence ("Storm op zondag"), an agenda item ending in "-ing" ("- Scholing 'tillen'"),
        a score before "is"/"was" and a number ("Apgar was 9"), a dose read as a date or a
        street ("2-3 dd", "Dosering 2-3"), a ward ("afdeling De Berk"), "Team Thuiszorg", a
        word before a street ("Huisbezoek Laan van ..."). "huisarts te Zwolle": the place
        after a profession, not a name with the particle "te"."""
        if self.deduce is None:
            return candidates
        placeholder_roles: set[str] = set()  # filled when first needed: rarely
        address_starts = {c.start for c in candidates if c.label == "adres"}
        # _word_before_address asks for a street from just after a name's start to one past
        # its end (after one, two or three of its words): with none there it says no
        ordered_starts = sorted(address_starts)
        kept = []
        for c in candidates:
            piece = text[c.start : c.end]
            if c.label == "naam":
                at = bisect.bisect_right(ordered_starts, c.start)
                if (
                    at < len(ordered_starts)
                    and ordered_starts[at] <= c.end + 1
                    and self._word_before_address(text, c, piece, address_starts)
                ):
                    continue
                head, _, rest = piece.partition(" ")
                if (
                    rest
                    and head.lower() in patterns.LANGUAGES
                    and patterns.LANGUAGE_BEFORE.search(text, max(0, c.start - 20), c.start)
                    and rest[:1].isupper()
                ):
                    # "tolk Koerdisch Rojda Ahmadi": the language is no part of the name
                    c = Candidate(c.start + len(head) + 1, c.end, c.label, c.reason, c.priority)
                    piece = rest
                if self._false_friend_name(text, c, piece, placeholder_roles):
                    # "tolk Tigrinya Mehari": the name after the language is the interpreter's
                    after = _NEXT_CAPITALISED.match(text, c.end)
                    if (
                        piece.lower() in patterns.LANGUAGES
                        and after is not None
                        and (
                            self._is_first_name(after.group(1))
                            or self._name_like(after.group(1), particles=False)
                        )
                    ):
                        kept.append(
                            Candidate(
                                after.start(1), after.end(1), "naam", "naam na 'tolk'", PATTERN
                            )
                        )
                    continue
                if piece.startswith("te ") and self._is_place(piece[3:]):
                    before = text[max(0, c.start - 12) : c.start].lower().split()
                    if before and before[-1] in ("huisarts", "arts", "dokter", "tandarts"):
                        kept.append(
                            Candidate(
                                c.start + 3, c.end, "plaats", "plaatsnaam na 'te'", c.priority
                            )
                        )
                        continue
            elif (
                c.label == "leeftijd"
                and c.priority == PATTERN
                and patterns.SCORE_SUBJECT.search(text, max(0, c.start - 40), c.start)
            ):
                continue  # "Apgar was 9": a score, no age
            elif c.label == "leeftijd" and _GROUP_AGE_LIMIT_BEFORE.search(
                text, max(0, c.start - 60), c.start
            ):
                continue  # "alle cliënten ouder dan 70 jaar": a group's limit, no one's age
            elif (
                c.label in ("plaats", "instelling")
                and c.priority == LOOKUP
                and (c.label == "plaats" or piece.isalnum())
                and _DEPARTMENT_BEFORE.search(text, max(0, c.start - 16), c.start)
            ):
                continue  # "afdeling De Berk": a ward of the house, named after a tree;
                # "afdeling Brandwondencentrum": a department, one word a list of kinds found

            elif (
                c.label == "datum"
                and _SHORT_DATE.fullmatch(piece)
                and (
                    _DOSE_AFTER.match(text, c.end)
                    or _DOSE_WORD_BEFORE.search(text, max(0, c.start - 12), c.start)
                )
            ):
                continue  # "2-3 dd 1 tablet", "dosering 1-2": a dose, no date
            elif c.label == "adres" and _MEASURE_FIRST.match(piece):
                continue  # "Dosering 2-3 dd": a dose and a range, no street and number
            elif (
                c.label == "instelling"
                and piece.isalnum()
                and (_GENERIC_SERVICE.search(piece) or piece.lower().endswith(_NOUN_ENDINGS))
                and _TEAM_BEFORE.search(text, max(0, c.start - 6), c.start)
            ):
                continue  # "Team Wijkverpleging": a kind of care, no organisation's name;
                # "Team Medicatieveiligheid": a team's subject, an abstract noun by its ending
            kept.append(c)
        return kept

    def _word_before_address(
        self, text: str, c: Candidate, piece: str, address_starts: set[int]
    ) -> bool:
        """ "Huisbezoek Laan van ...  12", "Hoek Molenstraat/Kerkweg": what deduce read as a
        name before a street is one word opening a sentence that no list knows as a first
        name (nor as a surname, unless it is a common word); "woont aan de Parkweg 3": only
        "aan" and "de" before the street. The street is found by the address patterns."""
        words = piece.split(" ")
        for count in range(1, min(len(words), 3) + 1):
            before = " ".join(words[:count])
            if c.start + len(before) + 1 not in address_starts:
                continue
            if all(w in _PARTICLE_WORDS or w in _NOT_A_NAME_LEFT for w in words[:count]):
                return True  # "aan de" before the street
            return (
                count == 1
                and c.priority == LOOKUP
                and before.isalnum()
                and _starts_sentence(text, c.start)
                and not self._is_first_name(before)
                and (before.lower() in self._common or not self._is_surname(before.lower()))
            )
        return False

    def _false_friend_name(
        self, text: str, c: Candidate, piece: str, placeholder_roles: set[str]
    ) -> bool:
        """Whether a name candidate is one of the kinds :meth:`_without_false_friends` drops.
        ``placeholder_roles``: the role words that stand before a bare letter in ``text``,
        filled on the first call that needs them."""
        first = piece[:1]
        before = text[max(0, c.start - 40) : c.start]
        # "bewoner A", and "bewoner B." where the same role stands with a bare letter too
        if len(piece) >= 1 and first.isupper() and (len(piece) == 1 or piece[1] in ". "):
            words = before.split()
            word = words[-1].lower() if words and before.endswith(" ") else ""
            role = _ROLE_WORD.fullmatch(word) if word else None
            if role is not None and len(piece) > 1 and not placeholder_roles:
                placeholder_roles.add("")  # looked for once
                if _LONE_CAPITAL.search(text) is not None:  # else ROLE_LETTER finds none
                    placeholder_roles.update(
                        m.group(0)[: m.start(1) - m.start()].strip().lower()
                        for m in patterns.ROLE_LETTER.finditer(text)
                    )
            if (
                role is not None
                and word not in _ADDRESS_WORDS
                and (len(piece) == 1 or word in placeholder_roles)
            ):
                return True
            if len(piece) > 1 and piece[1] == " " and _DOSE_BEFORE.search(before):
                return True  # "14 E Novorapid": units of insulin and the drug
        if not piece.isalnum():
            return False
        lower = piece.lower()
        if lower in patterns.LANGUAGES and (
            patterns.LANGUAGE_BEFORE.search(before)
            or _LANGUAGE_LIST_BEFORE.search(before)
            or _LANGUAGE_LIST_AFTER.match(text, c.end)
        ):
            return True  # "tolk Arabisch", "in het Pools of Engels": a language
        if _ROLE_WORD.fullmatch(piece):
            return True  # "mw. Casemanager dementie": a role, no name
        if piece.isupper() and len(piece) >= 2 and _LABEL_NUMBER_AFTER.match(text, c.end):
            return True  # "AGB: 01012388": a label before its number
        if (
            c.priority == LOOKUP
            and _starts_sentence(text, c.start)
            and lower in self._common
            and self._is_first_name(piece)
        ):
            return True  # "Storm op woensdag", "Winter is lastig": common words
        # "- Scholing 'omgaan met ...'", "3. Training BHV": an agenda item, not a surname
        return bool(
            lower.endswith("ing")
            and _ITEM_START.search(text, max(0, c.start - 8), c.start)
            and _HEADING_AFTER.match(text, c.end)
            and not self._is_first_name(piece)
        )

    def _found_values(self, first: list[Span]) -> tuple[dict[str, str], set[str]]:
        """What is looked for again (value -> label), and the names a typing slip of which
        is looked for too (see :meth:`_misspelt_repeats`): one pass over the found names'
        words serves both. A value found once is personal everywhere: "Jansen" in the next
        sentence too, and each word of a name on its own ("Sven" after "Sven de Kort"), also
        in the other case ("Fatima" and "fatima" in a chat)."""
        labels = {span.text: span.label for span in first if len(span.text) >= 2}
        slip_names = {value for value, label in labels.items() if label == "naam"}

        def add(value: str) -> None:
            if value not in labels:
                labels[value] = "naam"
                slip_names.add(value)

        for span in first:
            if span.label == "naam":
                surname = _surname_with_particles(span.text)
                if surname is not None:  # "van 't zand" of "marlon van 't zand"
                    add(surname)
                for word in _NAME_PART.findall(span.text):
                    if self._propagates(word):
                        add(word)
                        # the same name in the other case: "Fatima" and "fatima" in a chat
                        other = word.capitalize() if word.islower() else word.lower()
                        if word.islower() or self._is_first_name(word) or self._is_surname(word):
                            add(other)
                        elif other not in self._whitelist and not self._is_place(other):
                            add(other)  # "Senait belde" ... "senait"
        slip_names = {
            name for name in slip_names if len(name) >= 6 and name[:1].isupper() and name.isalpha()
        }
        return labels, slip_names

    def _misspelt_repeats(self, text: str, labels: dict[str, str], names: set[str]) -> list[str]:
        """Capitalised words that spell a found surname of six letters or more with one letter
        left out, added or changed after its first three ("Kowalzyk" of "Kowalczyk"): a
        typing slip in a note, when no list knows the word as an ordinary word or a place.
        ``names``: the found names of six letters or more (see :meth:`_found_values`); the
        words in the order they first stand in the text."""
        if not names:
            return []
        starts = {name[:3] for name in names}  # a slip keeps the first three letters
        found = []
        for word in _long_words_opening_with(text, starts):
            if (
                not word[:1].isupper()
                or word in labels
                or word.lower() in self._common
                or word.lower() in self._whitelist
                or self._is_place(word)
            ):
                continue
            for name in names:
                if name[:3] == word[:3] and _one_letter_apart(name[3:], word[3:]):
                    found.append(word)
                    break
        return found

    def _propagates(self, word: str) -> bool:
        """Whether one word of a found name is a name wherever it stands on its own."""
        lower = word.lower()
        return (
            len(word) >= 3
            and not word.isupper()
            and lower not in _PARTICLE_WORDS
            and lower not in self._common
            and lower not in _NOT_NAME_WORDS
            and lower not in patterns.STREET_TITLES
            and not self._care_noun(word)
        )

    def _care_noun(self, word: str) -> bool:
        """A word of a found name with the ending of a Dutch abstract noun that no list holds
        as a name ("Revalidatie" in "Sophia Revalidatie", "Begeleiding"): on its own elsewhere
        it is the noun ("klinische revalidatie"), not the name again."""
        lower = word.lower()
        return (
            lower.endswith(_NOUN_ENDINGS)
            and not self._is_surname(lower)
            and not self._is_first_name(word)
        )

    # -- output ---------------------------------------------------------------------------

    def _spans_across_line_ends(self, text: str) -> list[Span]:
        """The spans of a text with the line ends of a web form or of Windows ("\\r\\n") or
        a lone "\\r": the rules know only "\\n", so they read the text with "\\n" for each
        line end, and every span is given back in ``text`` itself (a browser sends a
        textarea's lines with "\\r\\n": "kees 21:47" above a message is a name there too)."""
        plain, where = _with_plain_line_ends(text)
        found = []
        for span in self.spans(plain):
            start, end = where[span.start], where[span.end - 1] + 1
            found.append(Span(start, end, span.label, text[start:end], span.reason))
        return found

    def analyse(self, text: str) -> Result:
        found = self.spans(text)
        pseudonymised = pseudonymise(text, found)
        if not found:
            verdict = NO_PERSONAL_DATA
        elif patterns.has_health_terms(text):
            verdict = SPECIAL_CATEGORY
        else:
            verdict = PERSONAL_DATA
        return Result(
            text=text,
            spans=found,
            pseudonymised=pseudonymised,
            verdict=verdict,
        )


def _with_plain_line_ends(text: str) -> tuple[str, list[int]]:
    """``text`` with "\\n" for every "\\r\\n" and every lone "\\r", and for each character of
    that text where it stands in ``text``."""
    plain: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char == "\r":
            if text.startswith("\n", index + 1):
                continue  # the "\\n" after it stands for both
            char = "\n"
        plain.append(char)
        where.append(index)
    return "".join(plain), where


def _capitalised_tail(phrase: str) -> str:
    """The capitalised words at the end of a phrase, with the particles between them:
    "Liya Tesfamariam" of "de aanmelding van Liya Tesfamariam"."""
    words = phrase.split(" ")
    first = len(words)
    for i in range(len(words) - 1, -1, -1):
        if words[i][:1].isupper():
            first = i
        elif words[i].lower() not in _PARTICLE_WORDS:
            break
    return " ".join(words[first:])


def _surname_with_particles(name: str) -> str | None:
    """The particles and surname of a name of more words ("van 't zand" of "marlon van 't
    zand"): looked for elsewhere as a whole, also where the surname alone is a common word
    that is not."""
    words = name.split(" ")
    for index in range(1, len(words) - 1):
        if words[index].lower() in _PARTICLE_WORDS:
            return " ".join(words[index:])
    return None


def _overlaps_first(candidate: Candidate, spans: list[Span], covered: bytearray) -> bool:
    """Whether the candidate overlaps one of ``spans``, whose characters ``covered`` marks:
    a look at its own characters instead of a walk over all spans."""
    if candidate.end > candidate.start:
        return 1 in covered[candidate.start : candidate.end]
    return any(span.start < candidate.end and candidate.start < span.end for span in spans)


_STREET_END = re.compile(r"(?i:.*" + patterns.STREET_SUFFIX + r")$")


def _street_with_number(text: str, start: int, end: int) -> bool:
    """ "Jan Steenstraat 4": a street name followed by a house number is an address."""
    return (
        text[end : end + 1] == " "
        and text[end + 1 : end + 2].isdigit()
        and _STREET_END.match(text, start, end) is not None
    )


_KIND_IN_NAME = re.compile(r"(?:[ ]+" + _P + r")*[ ]+(" + _PART + r")")


def _cut_at_kind(text: str, start: int, end: int) -> int:
    """deduce reads "Sanne Kuipers van Zorggroep Noorderzon" as one name: cut it before the
    particles that lead to a word naming an organisation."""
    if text.find(" ", start, end) < 0:
        return end  # every _KIND_IN_NAME match holds a space
    for m in _KIND_IN_NAME.finditer(text, start, end):
        word = m.group(1)
        if word[:1].isupper() and (_INSTITUTION_KIND.fullmatch(word) or _KIND_WORD.match(word)):
            return m.start()
    return end


_HOUSE_NUMBER_START = re.compile(r" \d")
# "mw. de groot, 91, slaapt veel": a number between commas right after a found name
# Round 22 (addr22): also with a unit of age ("Kind: Zara Mohan, 7 mnd, geb. ...").
_AGE_AFTER_FOUND_NAME = re.compile(
    # round 25: also after a nickname in brackets ('Cornelis Verkerk ("Cees"), 82,')
    r"(?:[ ]\(['\"\u2018\u201c]?[^\W\d_]+['\"\u2019\u201d]?\)|['\"\u2019\u201d]?\))?"
    r",\s((?P<n>\d{1,3})(?:[ ]?(?i:jaar|jr|mnd|maanden|weken|wk)(?![\w-]))?)"
    r"(?=[,;)]|\.(?!\d)|\s+en\b|\s*$)"
)


# "Den Bosch": how everyone writes 's-Hertogenbosch, which deduce's list of places lacks and
# its lists of names read as a name. Not after "van" or "v." ("Van den Bosch" is a surname)
# nor after a form of address ("mevrouw Den Bosch"). Round 25.
_DEN_BOSCH = re.compile(r"(?<![\w'.-])[Dd]en[ ][Bb]osch(?![\w-])")
_SURNAME_HEAD_BEFORE = re.compile(r"(?<![\w-])(?i:van|v\.?|vd)[ ]\Z")


def _everyday_town_names(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A town written in its everyday form ("Den Bosch", "den bosch") is a place, also where
    a list read it as a name."""
    towns = [
        m
        for m in _DEN_BOSCH.finditer(text)
        if _SURNAME_HEAD_BEFORE.search(text, max(0, m.start() - 4), m.start()) is None
        and not _address_form_before(text, m.start(), reach=12)
    ]
    if not towns:
        return candidates
    spans = {m.span() for m in towns}
    out = [
        Candidate(c.start, c.end, "plaats", "plaatsnaam", c.priority)
        if c.label == "naam" and (c.start, c.end) in spans
        else c
        for c in candidates
    ]
    for m in towns:
        if not any(c.start < m.end() and m.start() < c.end for c in out):
            out.append(Candidate(m.start(), m.end(), "plaats", "plaatsnaam", PATTERN))
    return out


def _after_instrument_head(text: str, start: int) -> bool:
    """A capitalised word after "het syndroom van", "de methode", "het model van" ...: the
    person a syndrome, model or method is named after (see ``_INSTRUMENT_BEFORE``)."""
    return text[start : start + 1].isupper() and (
        _INSTRUMENT_BEFORE.search(text, max(0, start - 16), start) is not None
    )


# A bare number that corrects an age just said: "84 jaar... ja, sorry, 85, ze is net jarig",
# "ze is 79, nee, ik bedoel 80". A word of correction must come between; the number ends its
# clause or is followed by "jaar", so "84 jaar, nee sorry, 3 keer gevallen" stays out.
_CORRECTED_AGE = re.compile(
    r"[ ]*(?:\.{2,3}|\u2026|[,;:-])?[ ]*(?:(?i:ja|eh+|uh+|oh?)[ ]*[,.!]*[ ]*)?"
    r"(?:(?i:nee|sorry|sorrie|pardon|oeps|correctie|ik[ ]bedoel|bedoel)(?![\w-])"
    r"[ ]*[,.!:]*[ ]*){1,3}"
    r"(?:(?i:wacht|eh+|uh+|ze[ ]is|hij[ ]is|het[ ]is)[ ]*[,.!:]*[ ]*)?(\d{1,3})"
    r"(?=[ ]?(?:[.,;!?)\u2026]|\n|\Z)(?!\d)|[ ](?i:jaar|jr|geworden|oud|ze|hij|en|toch)(?![\w-]))"
)


# Round 22 (addr22): a child's first name, "van" and a bare number: "de kleine Daan van 9
# plast weer in bed". The number ends its clause or a lower-case word follows; not a time,
# a range, a floor or a unit ("Daan van 9 tot 12 uur", "Petra van 7-15", "van 3 hoog").
_AGE_VAN_AFTER_FIRST_NAME = re.compile(
    r"[ ]van[ ]((?P<n>\d{1,2})(?:[ ](?i:jaar|jr)(?![\w-])(?![ ]+(?i:geleden|lang)\b))?)"
    r"(?=[ ]?[.,;!?)]|[ ]+[a-zà-ÿ]|\n|\Z)(?![.,:/-]\d)"
    r"(?![ ]+(?i:tot|t/m|uur|u|keer|x|hoog|min|minuten|mg|kg|ml|cm|km|euro|punten|graden"
    r"|procent|dagen|weken|maanden|jaar|personen|cliënten|kinderen)\b)"
)
# Round 22 (addr22): a second age right after one found, for another person: "mw is 84 en
# dhr 86", "moeder is 54, vader 57". A word for a person comes between; the number ends its
# clause (so "84, saturatie 86" and "is 84 en dhr 3 keer gevallen" stay out).
_SECOND_AGE = re.compile(
    r"(?:[ ]?,|[ ](?i:en))[ ]+(?i:mw|mevr|mevrouw|dhr|meneer|hij|zij|ze|vader|moeder|man"
    r"|vrouw|zoon|dochter|opa|oma|partner|echtgenoot|echtgenote|broer|zus)\.?[ ]+"
    r"(?:(?i:is|wordt|werd|was)[ ]+)?(\d{1,3})(?=[ ]?(?:[.,;!?)]|\n|\Z)(?![.,:/-]?\d)"
    r"|[ ]+(?i:jaar|jr|en)(?![\w-]))"
)


def _ages_right_after_ages(
    text: str, first: Sequence[Span], pattern: re.Pattern[str], reason: str
) -> list[Candidate]:
    """The number ``pattern`` finds (its group 1) right after each age found."""
    return [
        Candidate(m.start(1), m.end(1), "leeftijd", reason, 0)
        for span in first
        if span.label == "leeftijd"
        for m in (pattern.match(text, span.end),)
        if m is not None and 0 < int(m.group(1)) <= 120
    ]


def _second_ages(text: str, first: Sequence[Span]) -> list[Candidate]:
    """The age of a second person given right after a found one (`_SECOND_AGE`)."""
    return _ages_right_after_ages(text, first, _SECOND_AGE, "tweede leeftijd")


def _corrected_ages(text: str, first: Sequence[Span]) -> list[Candidate]:
    """The age a writer corrects right after giving one (`_CORRECTED_AGE`), in chats and
    spoken notes: the second number is as personal as the first."""
    return _ages_right_after_ages(text, first, _CORRECTED_AGE, "verbeterde leeftijd")


# The rest of a second phone number after "of" or "/", written without the part the first one
# has: "06-12345678 of 87654321", "030-2345678 / 2345679". Digits, with single spaces between.
_PHONE_REST = re.compile(r"[ ]*(?:(?i:of)[ ]|/[ ]?)[ ]*(\d[\d ]{4,10}\d)(?![\d\w]|[.,/:-]\d)")
# The net code at the start of a phone number; "(?<=^06)" for "0612345678" without a break.
_PHONE_AREA = re.compile(r"(?:\+31|0031)?[ (]*0?(6|[1-9]\d{1,2})(?=[ )\-./]|$|(?<=^06))")


def _digit_count(piece: str) -> int:
    return sum(ch.isdigit() for ch in piece)


def _phone_rests(text: str, first: Sequence[Span]) -> list[Candidate]:
    """`_PHONE_REST` after a phone number found: the digits after "of" count as many as the
    first number has after its net code (8 after "06", 7 after "030", 6 after "0513")."""
    out = []
    for span in first:
        if span.label != "telefoon":
            continue
        m = _PHONE_REST.match(text, span.end)
        area = _PHONE_AREA.match(span.text)
        if m is None or area is None:
            continue
        own = _digit_count(span.text[area.end() :])
        if "  " not in m.group(1) and _digit_count(m.group(1)) == own == 9 - len(area.group(1)):
            out.append(Candidate(m.start(1), m.end(1), "telefoon", "tweede nummer na 'of'", 0))
    return out


def _article_before(text: str, start: int) -> bool:
    """An article right before ``start``: "de Rolstoel", "het Kindcentrum"; a capitalised one
    only where it opens a sentence ("Het Kindcentrum meldt"), not in "De Hooge Bongerd"."""
    m = _ARTICLE_BEFORE.search(text, max(0, start - 6), start)
    if m is None:
        return False
    return text[m.start()].islower() or _starts_sentence(text, m.start())


def _before_role_word(text: str, start: int, end: int, is_surname: Callable[[str], bool]) -> int:
    """Where a name deduce found ends: before a role word inside it that is no surname too
    ("P. De Teamleider" -> "P. De", but "Jan Kapper" stays whole)."""
    for m in _ROLE_WORD.finditer(text, start, end):
        if m.start() > start and not is_surname(m.group(0).lower()):
            return start + len(text[start : m.start()].rstrip())
    return end


def _has_name_word(piece: str) -> bool:
    """Whether a piece holds a word that can be a name: not only initials, particles and
    role words ("P. De Teamleider" has none)."""
    return any(
        not _INITIAL_OR_PARTICLE.fullmatch(word) and not _ROLE_WORD.fullmatch(word)
        for word in piece.split()
    )


# Words that open a street's name: the titles, and "kaya" of "Kaya Gobernador N. Debrot 14"
# (round 23, addr23), whose words a name found inside does not cut off.
_WORDS_OPENING_STREETS = patterns.STREET_TITLES | {"kaya"}
_VAN_ARTICLE_AFTER_NAME = re.compile(r"van[ ](?:de|het)[ ](?=[A-ZÀ-Þ])")
_NAME_BEFORE_STREET = "naam voor 'van de' en een straat"
_STREET_ARTICLES = frozenset({"de", "het", "'t"})


def _addresses_after_names(
    text: str, candidates: list[Candidate], is_first_name: Callable[[str], bool]
) -> list[Candidate]:
    """ "cl M. El Amrani Pr. Bernhardstraat 22": the words before a street that a found name
    covers are the name's, not the street's. An address starts after a name that ends before
    its last street word, unless the name is one first name right before the street word:
    "Hendrik Kokstraat 10" is a street named after a person."""
    names = [c for c in candidates if c.label == "naam"]
    if not names:
        return candidates
    out = []
    for c in candidates:
        first_word = text[c.start : c.end].split(" ", 1)[0].lower()
        if c.label == "adres" and first_word not in _WORDS_OPENING_STREETS:
            number = _HOUSE_NUMBER_START.search(text, c.start, c.end)
            if number is None:
                out.append(c)
                continue
            street_word = text.rfind(" ", c.start, number.start()) + 1
            start = c.start
            for name in names:
                if (
                    c.start <= name.start < street_word
                    and name.end <= street_word
                    and not _only_particles_between(text, name.end, street_word)
                    and not _first_name_of_street(text, name, street_word, is_first_name)
                    # "J.P. Coenstraat 14": initials alone right before the street word
                    and not (
                        name.end + 1 == street_word
                        and _ONLY_INITIALS.fullmatch(text, name.start, name.end)
                    )
                ):
                    start = max(start, name.end)
            while start < c.end and text[start] in " ,":
                start += 1
            if start != c.start:
                # "Kees de Vries van het Marktplein 3": "van de", "van het" after the name
                # are the person's, not the street's (round 23, addr23)
                lead = _VAN_ARTICLE_AFTER_NAME.match(text, start, c.end)
                if lead is not None:
                    start = lead.end()
                c = Candidate(start, c.end, c.label, c.reason, c.priority)
        out.append(c)
    return out


# "mevrouw Pieters van Esdoornlaan 6", "mw Rosalia van de Bonairestraat 7": after a form of
# address, a name, "van" and a street of one word with its number: a person and her street.
_NAME_VAN_STREET = re.compile(
    r"([A-Z][\w'\u2019-]*)[ ]van[ ](?:(?:de|het|den|der|'t)[ ])?(?=[A-ZÀ-Þ][\w'\u2019-]*?"
    + patterns.STREET_SUFFIX
    # round 23 (addr23): a word for the house number between ("van de Kerkstraat nr. 12")
    + patterns.NUMBER_WORD_BEFORE_HOUSE
    + r"\d)"
)


# Round 23 (addr23): "Sanne Jansen van de Kerkstraat 12", "Kees de Vries van het Marktplein
# nummer 3": a first name, perhaps particles, a surname that is no first name, "van de" or
# "van het" and a street of one word with its number: a person and her street. A first name
# and particles alone ("Willem van de Veldestraat") name a street after a person.
_FIRST_NAME_SURNAME_VAN_STREET = re.compile(
    r"([A-Z][\w'\u2019-]*[ ](?:(?:van|de|der|den|ter|ten|'t)[ ]){0,3}[A-Z][\w'\u2019-]*)"
    r"[ ]van[ ](?:de|het)[ ](?=[A-ZÀ-Þ][\w'\u2019-]*?"
    + patterns.STREET_SUFFIX
    + patterns.NUMBER_WORD_BEFORE_HOUSE
    + r"\d)"
)


def _person_before_street(
    name: str, is_first_name: Callable[[str], bool], is_surname: Callable[[str], bool]
) -> bool:
    """Whether the words before "van de" and a street (above) are a first name and a
    surname: the first a known first name, the last a known surname or no first name,
    neither a street title."""
    words = name.split(" ")
    return (
        is_first_name(words[0])
        and (is_surname(words[-1]) or not is_first_name(words[-1]))
        and words[0].lower() not in patterns.STREET_TITLES
        and words[-1].lower() not in patterns.STREET_TITLES
    )


def _persons_before_their_street(
    text: str,
    candidates: list[Candidate],
    is_first_name: Callable[[str], bool],
    is_surname: Callable[[str], bool],
) -> list[Candidate]:
    """Splits an address that opens with a name and "van" right after a form of address
    into the name and the street (see ``_NAME_VAN_STREET``), and one that opens with a first
    name and a surname before "van de" (``_FIRST_NAME_SURNAME_VAN_STREET``)."""
    out = []
    for c in candidates:
        if c.label == "adres":
            m = _NAME_VAN_STREET.match(text, c.start, c.end)
            if m is not None and _address_form_before(text, c.start, reach=9):
                out.append(Candidate(m.start(1), m.end(1), "naam", _AFTER_TITLE, PATTERN))
                c = Candidate(m.end(), c.end, c.label, c.reason, c.priority)
            else:
                m = _FIRST_NAME_SURNAME_VAN_STREET.match(text, c.start, c.end)
                if (
                    m is not None
                    and _person_before_street(m.group(1), is_first_name, is_surname)
                    # "aan de Jan Pieter van de Veldestraat 12": an article opens a street
                    and _word_before(text, c.start, reach=6).lower() not in _STREET_ARTICLES
                ):
                    out.append(
                        Candidate(m.start(1), m.end(1), "naam", _NAME_BEFORE_STREET, PATTERN)
                    )
                    c = Candidate(m.end(), c.end, c.label, c.reason, c.priority)
        out.append(c)
    return out


def _organisations_without_document_heads(text: str, spans: list[Span]) -> list[Span]:
    """Round 25 (inst25): the kind of a document or desk that a scan read into an
    organisation's span at its start ("Dagrapportage Stichting Philadelphia Zorg",
    "Incidentmelding Zuyderland Medisch Centrum", "Secretariaat Revalidatiecentrum
    Roessingh"): the heading names the paper, not the organisation; it is cut off."""
    out = spans
    for i, span in enumerate(spans):
        if span.label != "instelling":
            continue
        head = _DOCUMENT_HEAD_IN_ORGANISATION.match(span.text)
        if head is None:
            continue
        if out is spans:
            out = list(spans)
        start = span.start + head.end()
        out[i] = Span(start, span.end, span.label, text[start : span.end], span.reason)
    return out


def _whole_organisation(text: str, c: Candidate) -> Candidate:
    """An organisation grown over the region that ends its name ("Samen Veilig" + " Midden-
    Nederland"), over a team of an area after it ("Buurtzorg" + " team Ede-Zuid", round 15b)
    and over a team or unit of it before "van" ("FACT-team Noord van" + "GGZ Eemgolf")."""
    start, end = c.start, c.end
    region = patterns.REGION_AFTER_ORGANISATION.match(text, end)
    if region is not None:
        end = region.end()
    area_team = patterns.TEAM_AFTER_ORGANISATION.match(text, end)
    if area_team is not None:
        end = area_team.end()
    team = patterns.TEAM_OF_ORGANISATION_BEFORE.search(text, max(0, start - 50), start)
    if team is None and patterns.AREA_END.search(text, start, end):
        team = patterns.TEAM_JOINED_BEFORE.search(text, max(0, start - 30), start)
    if team is not None:
        start = team.start()
    if " " not in text[start:end]:
        kind = patterns.KIND_AFTER_ORGANISATION.match(text, end)
        if kind is not None:
            end = kind.end()
    if (start, end) == (c.start, c.end):
        return c
    return Candidate(start, end, c.label, c.reason, c.priority)


def _first_name_of_street(
    text: str, name: Candidate, street_word: int, is_first_name: Callable[[str], bool]
) -> bool:
    """ "Hendrik" of "Hendrik Spieghelstraat 88": one first name, a space, the street word;
    not after a form of address ("dhr Tromp Zuiderparklaan 2": a person and his street)."""
    word = text[name.start : name.end]
    return (
        name.end + 1 == street_word
        and word.isalnum()
        and is_first_name(word)
        and not _address_form_before(text, name.start, reach=8)
    )


# What may be left of a name that a stronger span cut ("aan" of deduce's "aan de Laan van
# Meerdervoort"): never a name on its own.
_NOT_A_NAME_LEFT = frozenset({"aan", "en", "op", "bij", "naar", "met", "voor", "in", "uit", "om"})


def _only_particles_between(text: str, start: int, end: int) -> bool:
    """ "Willem de Zwijgerlaan 8": only particles between a first name and the street word,
    so the name is the street's."""
    between = text[start:end].strip()
    return bool(between) and _only_particles(between)


def _without_trailing_particles(piece: str) -> str:
    """ "Smit-Tuinstra aan de" -> "Smit-Tuinstra": a name does not end in a particle."""
    words = piece.split(" ")
    while len(words) > 1 and (words[-1] in _PARTICLE_WORDS or words[-1] in {"aan", "en", ""}):
        words.pop()
    return " ".join(words)


def _only_particles(piece: str) -> bool:
    return all(word.lower() in _PARTICLE_WORDS for word in piece.split())


def _merge_same_label(candidates: list[Candidate]) -> list[Candidate]:
    """Overlapping candidates with the same label become one, over both and as strong as the
    stronger: deduce's "Fatima El Amrani" and our "Fatima El" make the whole name."""
    by_label: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_label[c.label].append(c)
    merged: list[Candidate] = []
    for group in by_label.values():
        group.sort(key=lambda c: (c.start, -c.end))
        current = group[0]
        for c in group[1:]:
            if c.start < current.end:
                longer = current if current.end - current.start >= c.end - c.start else c
                current = Candidate(
                    current.start,
                    max(current.end, c.end),
                    current.label,
                    longer.reason,
                    max(current.priority, c.priority),
                )
            else:
                merged.append(current)
                current = c
        merged.append(current)
    return merged


def _month_as_first_name(text: str, word: str, at: int, particles: bool) -> bool:
    """A capitalised month right before a found capitalised name is a first name ("Mei Ling
    Wong", "Lie Mei Ling"): Dutch writes its months in lower case, and a date has its day
    before the month ("12 Mei" stays a date)."""
    return (
        not particles
        and word[:1].isupper()
        and _LONE_MONTH.fullmatch(word) is not None
        and not _DAY_BEFORE_MONTH.search(text, max(0, at - 4), at)
    )


_DAY_BEFORE_MONTH = re.compile(r"\d[ ]?$")
_LONE_MONTH = re.compile(patterns.MONTH_ALONE.pattern)  # "oktober": a month on its own


def _without_lone_months(text: str, spans: list[Span]) -> list[Span]:
    """A month on its own ("de griepvaccinatie in oktober", "volgende evaluatie in maart")
    points to no one: it is marked beside a person, a place or a number, whose event it
    dates. In a text where it is all that was found, so no one else is named, it stays."""
    if spans and all(
        span.label == "datum" and _LONE_MONTH.fullmatch(text[span.start : span.end])
        for span in spans
    ):
        return []
    return spans


def _starts_sentence(text: str, start: int) -> bool:
    """Whether a word at ``start`` begins a sentence (so its capital says nothing)."""
    index = start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    if index < 0 or text[index] in ".!?:\n":
        return True
    # a quote closing a sentence after a lower-case word ("... betekenen.' Mooi om te horen");
    # not a bracket: "Sjaak (J.A.) Prins" closes initials
    return (
        text[index] in "'\"\u2019\u201d"
        and text[index - 1 : index] in (".", "!", "?")
        and text[index - 2 : index - 1].islower()
    )


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether one letter left out, added or changed turns ``a`` into ``b`` (not equal)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(1 for x, y in zip(a, b, strict=True) if x != y) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


def _long_words_opening_with(text: str, starts: set[str]) -> list[str]:
    r"""The words of ``_LONG_WORD.findall(text)`` whose first three characters are one of
    ``starts`` (three letters each), each once, in the order they first stand in the text.

    Found from each place where a start stands (str.find) instead of from every long word
    of the text: a long word is a whole run of letters and digits (``isalnum`` is the class
    ``[^\W_]``), so a start opens one where the character before it is none of them, and
    ``_LONG_WORD`` matched there takes the run to its end, as findall does."""
    found: list[tuple[int, str]] = []
    for start in starts:
        at = text.find(start)
        while at != -1:
            if at == 0 or not text[at - 1].isalnum():
                word = _LONG_WORD.match(text, at)
                if word is not None:
                    found.append((at, word.group(0)))
            at = text.find(start, at + 1)
    found.sort()
    return list(dict.fromkeys(word for _, word in found))


def _run_occurrences(text: str, value: str) -> list[int]:
    r"""Where ``value`` (letters and digits only) stands in ``text`` as a whole run of letters
    and digits (as ``[^\W_]+`` finds it; ``isalnum`` is the same class), with str.find
    instead of a scan of every word (an underscore ends a run, unlike in
    :func:`_word_occurrences`)."""
    found = []
    start = text.find(value)
    while start != -1:
        end = start + len(value)
        if (start == 0 or not text[start - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            found.append(start)
        start = text.find(value, start + 1)
    return found


def _word_occurrences(text: str, value: str) -> list[int]:
    """Where ``value`` stands in ``text`` as a word of its own (str.find: no regex to build)."""
    found = []
    start = text.find(value)
    while start != -1:
        end = start + len(value)
        before_ok = start == 0 or (not text[start - 1].isalnum() and text[start - 1] != "_")
        after_ok = end == len(text) or (not text[end].isalnum() and text[end] != "_")
        if before_ok and after_ok:
            found.append(start)
        start = text.find(value, start + 1)
    return found


# Round 15b: a word of deduce's institution lists that can be a brand: letters and hyphens.
_LISTED_WORD_SHAPE = re.compile(r"[A-ZÀ-Þ][A-Za-zÀ-ÿ-]*[A-Za-zà-ÿ]")
# A brand's own shape: all capitals ("OLVG") or a capital inside ("VitalAire", "MediReva").
_BRAND_SHAPE = re.compile(r"[A-Z]{4,6}|.*[a-zà-ÿ][A-Z].*")
# In capitals a brand is read as one only after "het" ("in het OLVG"): "met DES", "cliënt
# met NAH", "MDO IHT" are medical or care abbreviations.
_NEUTER_BEFORE = re.compile(r"(?<![\w-])(?i:het)[ ]+\Z")
# A word that opens this many of deduce's institution names is a brand with many sites
# ("Tactus Verslavingszorg, ...", "Amarant Groep, ...").
_BRAND_SITES = 6
# No brand, whatever the lists hold: an adjective, a title, a kind or a kind's abbreviation
# that opens many names ("Landelijke ...", "Sint ...", "Zorgkantoor ...", "UMC ...").
_BRAND_SITES_NOT = (
    r"Sint|Zuster|Pater|Broeder|Dokter|Nederlandse?|UMC|MRI|SMA|ABC"
    r"|.*(?:isch|sche|lijk|lijke|nde|dienst|post|bureau|kantoor|huis|centra|centrale"
    r"|praktijken|maatschap|verlening|vereniging|service|therapeuten|coöperatie|initiatief)"
)
_GENERIC_HEAD = re.compile(r"(?i:" + _BRAND_SITES_NOT + ")")
_INSTITUTION_LISTS = ("lst_healthcare_institution", "lst_hospital")


def _listed_institutions(
    deduce: Any, fits: Callable[[str], bool]
) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """From deduce's lists of care institutions and hospitals: the words that name an
    organisation alone (a whole one-word entry, the first word of many entries, or a
    brand-shaped first word, also with one capital: "MediReva", "Medireva") and the two
    capitalised words of two-word entries ("Zilveren Kruis"), each passing ``fits``. Empty
    where the package ships no lists."""
    folder = Path(deduce.__file__).parent / "data" / "lookup" / "src" / "institutions"
    whole: set[str] = set()
    heads: defaultdict[str, int] = defaultdict(int)
    pairs: set[tuple[str, str]] = set()
    lower: set[str] = set()  # the words the lists also write in lower case: plain words
    for name in _INSTITUTION_LISTS:
        path = folder / name / "items.txt"
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.strip().split()
            if not words:
                continue
            head = words[0].rstrip(",")
            heads[head] += 1
            lower.update(w.strip(",.()") for w in words if w.islower())
            if len(words) == 1:
                whole.add(head)
            elif len(words) == 2 and all(w[:1].isupper() and w.isalpha() for w in words):
                pairs.add((words[0], words[1]))
    brands = [
        word
        for word, count in heads.items()
        if (
            word in whole
            or _BRAND_SHAPE.fullmatch(word)
            or (count >= _BRAND_SITES and word.lower() not in lower)
        )
        and not _GENERIC_HEAD.fullmatch(word)
    ]
    # a brand with a capital inside is also written with one capital ("Medireva")
    brands += [word[0] + word[1:].lower() for word in brands if not word.isupper()]
    words_alone = frozenset(word for word in brands if fits(word))
    two_words = frozenset(
        (one, two) for one, two in pairs if _LISTED_WORD_SHAPE.fullmatch(two) and fits(one)
    )
    return words_alone, two_words


def _plural(word: str) -> bool:
    """A Dutch plural by its "-en" ending; not "-een" (round 21, inst21: "apotheek de
    hoeksteen", "jeugdteam heerenveen" are singular)."""
    return word.endswith("en") and not word.endswith("een")


# Round 24 (clean24): a hyphen and a lower-case word of three letters or more after a
# capitalised word make one compound noun ("Korsakov-afdeling", "Paas-brunch", "de
# Linde-vleugel"); its first part names no person or place. A particle after the hyphen
# still joins a double surname ("Bosma-de Haan"); an organisation keeps its part ("de
# Duinrand-poli": the outpatient clinic of the house Duinrand).
_LOWER_COMPOUND_TAIL = re.compile(r"-([a-zà-ÿ]{3,})(?![\w-])")


def _without_compound_heads(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Drops the name and place candidates that are the first part of a
    compound noun joined by a hyphen (see _LOWER_COMPOUND_TAIL)."""
    kept = []
    for c in candidates:
        if (
            c.priority != STRONG
            and c.label in ("naam", "plaats")
            and text[c.end : c.end + 1] == "-"
            and text[c.start : c.end].split()[-1][:1].isupper()
            and (tail := _LOWER_COMPOUND_TAIL.match(text, c.end)) is not None
            and tail.group(1) not in _PARTICLE_WORDS
        ):
            continue
        kept.append(c)
    return kept


def _in_trie(trie: Any, tokens: list[str]) -> bool:
    """Whether the tokens are one whole entry of a deduce lookup trie."""
    return bool(tokens) and trie.longest_matching_prefix(tokens) == tokens


def _resolve(text: str, candidates: list[Candidate], *, kept: Sequence[Span] = ()) -> list[Span]:
    """Keep the strongest, then longest, of overlapping candidates; trim spaces. Spans in
    ``kept`` were chosen before and stay.

    ``kept`` comes from an earlier call on the same text (see :meth:`PrivacyEngine.spans`),
    so each of its spans is already what this function would make of it again: it is
    returned as it is, not built anew, in its place in the order of start, end, label and
    reason."""
    chosen: list[tuple[int, int, str, str]] = []
    taken = bytearray(len(text) + 1)
    for span in kept:
        taken[span.start : span.end] = b"\x01" * (span.end - span.start)
    ordered = sorted(candidates, key=lambda c: (-c.priority, c.start - c.end, c.start))
    for candidate in ordered:
        start, end = candidate.start, candidate.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end or (candidate.label == "naam" and _only_particles(text[start:end])):
            continue
        if taken.find(1, start, end) != -1:  # as ``1 in taken[start:end]``, with no copy
            if candidate.label != "naam":
                continue
            # A name cut by a stronger span keeps the part before it ("M. El Amrani Pr." and
            # the address "Pr. Bernhardstraat 22" leave the name "M. El Amrani").
            end = taken.index(1, start)
            while end > start and not (text[end - 1].isalnum()):
                end -= 1
            end = start + len(_without_trailing_particles(text[start:end]))
            if (
                end - start < 2
                or taken.find(1, start, end) != -1
                or _only_particles(text[start:end])
                or text[start:end] in _NOT_A_NAME_LEFT
            ):
                continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append((start, end, candidate.label, candidate.reason))
    chosen.sort()
    found = [
        Span(int(start), int(end), str(label), text[start:end], str(reason))
        for start, end, label, reason in chosen
    ]
    if not kept:
        return found
    return sorted([*kept, *found], key=_span_order)


def _span_order(span: Span) -> tuple[int, int, str, str]:
    return span.start, span.end, span.label, span.reason


def _normal(value: str) -> str:
    return re.sub(r"[\s.\-()+]", "", value).lower()


# -- helpers of PrivacyEngine._without_false_friends -----------------------------------
_DOSE_BEFORE = re.compile(r"\d[ ]?$")
# How every match of patterns.ROLE_LETTER ends: a space, a capital and no word character,
# full stop, apostrophe or hyphen after it. Rare, and found far faster than ROLE_LETTER,
# which tries its long list of role words at every word of the text.
_LONE_CAPITAL = re.compile(r"[ ][A-Z](?![\w.'-])")
# Forms of address: "dhr B" is a person, even without the dot.
# The forms of address as single words (so without "de heer"), with and without a full stop.
_ADDRESS_WORDS = frozenset(
    form + stop for form in patterns.SHORT_FORMS_OF_ADDRESS.split() for stop in ("", ".")
) | frozenset(form for form in patterns.LONG_FORMS_OF_ADDRESS.split() if "_" not in form)
_LANGUAGE_LIST_BEFORE = re.compile(
    r"(?<![\w-])(?i:" + "|".join(sorted(patterns.LANGUAGES)) + r")[ ]*(?:,|of|en|en/of|/)[ ]*$"
)
_LANGUAGE_LIST_AFTER = re.compile(
    r"[ ]*(?:,|of|en|en/of|/)[ ]*(?i:" + "|".join(sorted(patterns.LANGUAGES)) + r")(?![\w-])"
)
# A ward before a word: "afdeling Berk", "afd. De Kade" (round 15c: with its article).
_DEPARTMENT_BEFORE = re.compile(
    r"(?<![\w-])(?i:afdeling|afd\.|unit|paviljoen|vleugel)[ ]+(?:(?i:de|het)[ ]+)?$"
)
_MEASURE_FIRST = re.compile(
    r"(?i:(?:" + "|".join(sorted(patterns.MEASURE_WORDS)) + r"|dosering|fase|stap|niveau)\b)"
)
_GENERIC_SERVICE = re.compile(
    r"(?i:verpleging|zorg|begeleiding|behandeling|hulp|dienst|dagbesteding|revalidatie)$"
)
_TEAM_BEFORE = re.compile(r"(?<![\w-])(?i:team)[ ]+$")
_SHORT_DATE = re.compile(r"\d{1,2}[-/]\d{1,2}")
_DOSE_AFTER = re.compile(r"[ ]*(?i:dd|d\.d\.|x[ ]?(?:per|p\.?d|daags)|maal|keer)(?![\w])")
_DOSE_WORD_BEFORE = re.compile(r"(?<![\w-])(?i:dosering|dosis)[ :]+$")
_LABEL_NUMBER_AFTER = re.compile(r"[ ]*[:#][ ]*\d")
_ITEM_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*\u2022\u2013]|\d{1,2}[.)])?[ \t]*$")
# A quoted title or an abbreviation after it ("Scholing 'rouw'", "Training BHV"); not a colon:
# "- Koning: bloeddruk gemeten" is a person in a handover list.
_HEADING_AFTER = re.compile(r"[ ]*(?:['\"\u2018\u201c]|[A-Z]{2,}(?![\w]))")


def pseudonymise(text: str, spans: list[Span]) -> str:
    """Replace each span by ``[LABEL-n]``; the same value gets the same placeholder."""
    numbers: dict[str, int] = defaultdict(int)
    by_value: dict[tuple[str, str], str] = {}
    out: list[str] = []
    position = 0
    for span in spans:
        key = (span.label, _normal(span.text))
        if key not in by_value:
            numbers[span.label] += 1
            by_value[key] = f"[{span.label.upper()}-{numbers[span.label]}]"
        out.append(text[position : span.start])
        out.append(by_value[key])
        position = span.end
    out.append(text[position:])
    return "".join(out)


_engine: PrivacyEngine | None = None
_lock = threading.Lock()


def get_engine(*, cache_dir: Path | None = None) -> PrivacyEngine:
    """The one engine of this process (built on first call; call it at start-up)."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                _engine = PrivacyEngine(cache_dir=cache_dir)
                # deduce's lists are millions of objects that live as long as the process.
                # Left to the garbage collector, its first full collection after the load
                # walks them all: about 3 s of CPU in the middle of someone's check (seen in
                # the speed benchmark at 5,000 characters). Frozen, no collection looks at
                # them again (gunicorn freezes once more before it forks its workers).
                gc.freeze()
    return _engine


# "Maartensdwinger 3, Haren", "Zonnewende 12 Assen": a capitalised word of five
# letters or more, a house number (a letter may follow) and a capitalised place after it.
# With an adjective that opens Dutch street names before it (_STREET_ADJECTIVES: "Nieuwe
# Vlasburg 22, Middelburg"), a street needs no word on its line that says an address follows.
_STREET_NUMBER_PLACE = patterns.gated(
    "[A-ZÀ-Þ]",
    re.compile(
        # round 22 (addr22): also a range or a flat ("Hoogend 4-6, Ommen")
        r"(?<![\w.-])((?:" + _STREET_ADJECTIVES + r"[ ])?[A-ZÀ-Þ][a-zà-ÿ]{4,})[ ]"
        r"(\d{1,5}[a-z]?(?:-\d{1,4}(?![\d-]))?)"
        r"(?:,[ ]?|[ ])"
        r"([A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?)(?![\w-])"
    ),
)


def _street_number_ending_clause(first: str = "") -> str:
    """A street of one word in any case, after ``first`` if that is given (group 1), and a
    house number (group 2) that ends the clause."""
    return (
        r"(" + first + r"[A-ZÀ-Þa-zà-ÿ][a-zà-ÿ'\u2019-]{3,})[ ](" + patterns.HOUSE_NUMBER + r")"
        r"(?=[ ]?(?:[,.;:?!)\n]|\Z)|[ ](?i:toch|in|te)(?![\w-])|[ ][1-9]\d{3}[ ]?[A-Za-z]{2}\b)"
    )


# A street with no street word after a word of living or "op de"/"aan de", and a house
# number that ends the clause: "hij woont Hambaken 17-B", "woont op de kruiskamp 1001 toch?"
_STREET_AFTER_LIVING = patterns.gated(
    "(?i:[wvoa])",
    re.compile(
        r"(?<![\w-])(?i:woont|woonde|wonend|woonachtig|verhuisd[ ]naar|op[ ]de|aan[ ]de)"
        r"(?:[ ](?i:nu|nog|sinds[ ]kort|tegenwoordig))?(?:[ ](?i:op|aan)(?:[ ](?i:de))?)?[ ]"
        + _street_number_ending_clause()
    ),
)
# Round 21 (addr21): "7-15 op achter de hoven 3", "zit nu op achter de molen 7, kom je?": a
# street of two to four words in lower case, with no street word, right after "op", "aan",
# "naar", "bij", "vanaf" or a word of living, and a house number that ends the clause. Taken
# only when deduce's street list holds it capitalised (`_lower_listed_street_numbers`).
_LOWER_STREET_AFTER_CUE = patterns.gated(
    "(?i:[oanbvw])",
    re.compile(
        r"(?<![\w-])(?:op|aan|naar|bij|vanaf|woont|wonend)[ ]"
        r"((?:[a-zà-ÿ][a-zà-ÿ']*[ ]){1,3}[a-zà-ÿ]{3,})[ ](" + patterns.HOUSE_NUMBER + r")"
        r"(?=[ ]?(?:[,.;:?!)\n]|\Z)|[ ](?:toch|in|te)(?![\w-]))"
    ),
)
# The words that stay in lower case inside a street name the street list holds ("Achter de
# Hoven", "Laan van de Vrijheid"); a street of these alone, or opening with one, is none.
_LOWER_WORDS_IN_STREETS = frozenset("de der den het 't van in op aan te ten ter en".split())  # noqa: SIM905
# "adres is hambaken 17", "nieuw adres: oude rijn 12": a street in any case after the word
# "adres" and "is" or a colon, with a house number that ends the clause; after this label the
# street may be two words when the first is an adjective of streets ("nieuwe gracht").
_STREET_AFTER_ADDRESS_LABEL = patterns.gated(
    "(?i:[anowpb])",
    re.compile(
        r"(?<![\w-])(?i:(?:nieuw|oud|woon|post|bezoek)?adres)(?:[ ](?i:is)|[ ]?:)[ ]"
        + _street_number_ending_clause(r"(?:(?i:" + _STREET_ADJECTIVES + r")[ ])?")
    ),
)
# Words before such an address on its line: living, moving, sending, visiting.
_ADDRESS_CUE_BEFORE = re.compile(
    r"(?<![\w-])(?i:woont|wonen|wonend|woonachtig|verhuisd|verhuist|adres|naar|bij|op|aan"
    r"|gevestigd|verblijft|bezoek|post|ontslag)(?![\w-])"
)
_CLAUSE_END = re.compile(r"[ \t]*(?:[.;\n]|\Z)")  # a place that ends its clause ("..., Haren.")


# -- Round 17b: the institution scans that open with a word, found from one scan --------------
# Each of these scans tries its long list of opening words (ignoring case) at every word of
# the text. Every match of each of them begins with one of a finite set of strings, read
# from the parsed pattern itself (patterns.lead_strings, the reader of Gated.leads). Most of
# these scans are Gated with leads of their own and match only where a lead stands (found by
# the one scan of patterns._TRIGGERS). Three also open with a capitalised compound and have
# too many words for _TRIGGERS; for those, one scan of the text in lower case for their
# strings (_ANY_OPENING) and one for the compounds (_KIND_COMPOUND) list the places where a
# match can begin, and each scan's own pattern is then matched there only, in order and
# without overlap, as finditer would (_OpeningStarts.finditer).
_re_parser: Any = importlib.import_module("re._parser")
_MAX_OPENINGS = 400  # the long lists of kind words: up to this many opening strings


def _word_openings(regex: str) -> frozenset[str]:
    """The opening strings of a list of words (a regex), none the start of another (where
    the longer stands, the shorter does)."""
    strings = patterns.lead_strings(re.compile(regex), _MAX_OPENINGS)
    if strings is None:
        raise ValueError(f"no opening strings: {regex[:60]}")
    return frozenset(strings)


def _plain(scan: Any) -> re.Pattern[str]:
    """A scan's own pattern: a gated scan's matches are those of its plain pattern."""
    return scan.plain if isinstance(scan, patterns.Gated) else scan


# The scans found from their opening words and compounds, in a fixed order (_OpeningStarts
# numbers them); the opening strings: those of their lists of words.
_OPENING_SCANS = (
    patterns.DESK_SCHOOL_HOSPITAL,
    patterns.INSTITUTION,
    patterns.MORE_INSTITUTION,
)
_OPENINGS = (
    _word_openings(
        "(?i:" + patterns.word_alternation(patterns.DESK_SCHOOL_HOSPITAL_KIND_WORDS) + ")"
    ),
    _word_openings(patterns.INSTITUTION_KIND_WORD),
    _word_openings(
        patterns.KIND_ADJECTIVE_WORD
        + "|(?i:"
        + patterns.MORE_INSTITUTION_KINDS
        + ")|"
        + patterns.INSTITUTION_KIND_WORD
    ),
)


# What else DESK_SCHOOL_HOSPITAL, INSTITUTION and MORE_INSTITUTION can open with: a
# capitalised compound ending in a kind ("Veluwezorg", "Montessorischool", "Jongerenloket"),
# an adjective ending in "-isch" ("Agrarisch
# Opleidingscentrum", "Forensisch Psychiatrisch Centrum") or "Fysio- en ". Each is a capital
# and all the lower-case letters after it, ending in one of the endings of
# INSTITUTION_KIND_ENDING, MORE_KIND_ENDING (its look-behinds only take some away) or
# DESK_KIND_ENDING or "isch", or followed by "-": in these scans a space or "-" follows
# these letters. The regex
# engine skips to each capital in C; two matches never overlap (the second would open with a
# capital inside the first), so each place where one begins is found.
def _ending_check(endings: set[str]) -> str:
    """Look-behinds that the letters before hold one of ``endings`` (one per length)."""
    lengths = sorted({len(ending) for ending in endings})
    return "|".join(
        "(?<=" + "|".join(sorted(e for e in endings if len(e) == n)) + ")" for n in lengths
    )


def _strings_of(regex: str) -> set[str]:
    """Every string ``regex`` can match (it must be a small finite set), in lower case."""
    strings, _ = patterns._pieces(_re_parser.parse(regex))
    if strings is None:
        raise ValueError(f"no finite set of strings: {regex[:60]}")
    return strings


_KIND_ENDINGS = {
    *_strings_of(patterns.INSTITUTION_KIND_ENDING),
    *_strings_of(patterns.MORE_KIND_ENDING),
    *_strings_of(patterns.DESK_KIND_ENDING),
    "isch",
}
_KIND_COMPOUND = re.compile(r"[A-Z][a-zà-ÿ]*+(?:" + _ending_check(_KIND_ENDINGS) + r"|(?=-))")
if any(
    "_" in s or s.replace(" ", "_").split() != [s.replace(" ", "_")]
    for s in set().union(*_OPENINGS)
):
    raise ValueError("an opening string that patterns.word_alternation cannot take")
# One scan for every opening string: at each place the longest that stands there (the trie
# tries the longer first), so every other that stands there is a start of it. Only where no
# letter, digit or "_" stands before: every scan asks that too ("(?<![\w-])", "(?<!\w)" or
# "\b"), and no character becomes one in lower case.
_ANY_OPENING = re.compile(
    r"(?<!\w)(?=("
    + patterns.word_alternation(" ".join(s.replace(" ", "_") for s in set().union(*_OPENINGS)))
    + "))"
)
# For each opening string: the scans that one of its starts opens.
_SCANS_OF_OPENING = {
    string: tuple(
        index
        for index, openings in enumerate(_OPENINGS)
        if any(string.startswith(opening) for opening in openings)
    )
    for string in set().union(*_OPENINGS)
}


class _OpeningStarts:
    """For one text: where each scan of _OPENING_SCANS can begin a match (None for all when
    the text has a character whose lower case the scans cannot trust, see
    patterns.lower_text: then every scan runs over the whole text). Any other scan it is
    asked for runs its own finditer (a Gated scan with leads: only where they stand)."""

    __slots__ = ("starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        lowered = patterns.lower_text(text)
        self.starts: list[list[int]] | None = None
        if lowered is None:
            return
        starts: list[list[int]] = [[] for _ in _OPENING_SCANS]
        for m in _ANY_OPENING.finditer(lowered):
            for index in _SCANS_OF_OPENING[m.group(1)]:
                starts[index].append(m.start())
        compounds = [m.start() for m in _KIND_COMPOUND.finditer(text)]
        if compounds:
            starts = [sorted({*at, *compounds}) for at in starts]
        self.starts = starts

    def finditer(self, scan: Any) -> Iterator[re.Match[str]]:
        """The matches of ``scan`` in the text, as its finditer gives them: for one of
        _OPENING_SCANS tried at each place where one of its opening strings (or a compound)
        stands, left to right, going on after the end of each match (a match is never
        empty: it holds its opening string)."""
        if self.starts is None or scan not in _OPENING_SCANS:
            yield from scan.finditer(self.text)
            return
        match, end = _plain(scan).match, 0
        for start in self.starts[_OPENING_SCANS.index(scan)]:
            if start >= end and (m := match(self.text, start)) is not None:
                yield m
                end = m.end()

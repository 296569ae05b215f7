"""Checks of an AI answer against the case's dossier. Pure Python: no Django.

Each check returns :class:`Mark` s: places in the answer that deserve a second look. A mark is
a hint, never a verdict: the learner accepts or rejects it. The kinds:

- ``number``: a number, dose, unit, date or time in the answer that is not in the dossier
  (nor in the learner's own prompt): possibly invented, or changed;
- ``name``: a capitalised word in the middle of a sentence (a name, a place, a test) that
  occurs nowhere in the dossier or the prompt;
- ``omission``: a fact of the task's checklist (the case's ``keep`` list) that the answer
  leaves out;
- ``judgement``: judgemental or stigmatising wording about the client;
- ``plain``: a sentence too hard for B1, only when the task or prompt asked for plain language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

NUMBER = "number"
NAME = "name"
OMISSION = "omission"
JUDGEMENT = "judgement"
PLAIN = "plain"
KINDS = (NUMBER, NAME, OMISSION, JUDGEMENT, PLAIN)


@dataclass(frozen=True)
class Mark:
    kind: str  # one of KINDS
    text: str  # what in the answer (or, for an omission, the checklist fact)
    detail: str = ""  # for ``number``: "absent" (not in the dossier) or "unit" (other unit)


_PLACEHOLDER = re.compile(r"\[[A-Z]+-\d+\]")
_UNITS = (
    r"mg|mcg|µg|microgram|gram|g|kg|ml|cl|l|liter|mmol/l|mmol|ie|e|eh|eenheden|units?|%|"
    r"uur|u|hours?|h|min|minuten|minutes?|dagen|days?|weken|weeks?|maanden|months?|jaar|"
    r"years?|x|keer|times|cm|mm|m|km|kcal|dd|bpm|mmhg|°c|graden"
)
# A date (17-10, 09-11-1938, 17/10), a time (03:40, 9.30 uur is a number + unit), or a
# number with an optional unit right after it.
_FACT = re.compile(
    r"(?<![\w/])(?:"
    r"(?P<date>\d{1,2}[-/]\d{1,2}(?:[-/]\d{2,4})?)"
    r"|(?P<time>\d{1,2}:\d{2})"
    r"|€\s?(?P<money>\d+(?:[.,]\d+)?)"
    rf"|(?P<number>\d+(?:[.,]\d+)?)(?:\s?(?P<unit>{_UNITS})(?![\w]))?"
    r")(?![\w])",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\[(\"'-])|\n+")
_CLAUSE = re.compile(r"[^:;]+")
DOSE_UNITS = {"mg", "mcg", "g", "kg", "ml", "cl", "l", "ie", "mmol", "mmol/l", "%", "eur"}
_SMALL_COUNT = 12  # a bare number up to this is a count or list number, not a fact


@dataclass(frozen=True)
class _Fact:
    text: str
    value: str
    unit: str


def _normal_number(value: str) -> str:
    value = value.replace(",", ".")
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    return value.lstrip("0") or "0"


# Other ways to write a unit, as the unit they mean (a table: each row is data, not a rule).
_UNIT_NAMES = {
    "u": "uur",
    "h": "uur",
    "hours": "uur",
    "hour": "uur",
    "minuten": "min",
    "minutes": "min",
    "minute": "min",
    "gram": "g",
    "microgram": "mcg",
    "µg": "mcg",
    "liter": "l",
    "e": "ie",
    "eh": "ie",
    "units": "eenheden",
    "unit": "eenheden",
    "keer": "x",
    "times": "x",
    "graden": "°c",
    "days": "dagen",
    "day": "dagen",
    "weeks": "weken",
    "week": "weken",
    "months": "maanden",
    "month": "maanden",
    "years": "jaar",
    "year": "jaar",
}


def _normal_unit(unit: str) -> str:
    unit = unit.lower()
    return _UNIT_NAMES.get(unit, unit)


def _facts(text: str, *, parts: bool = False) -> list[_Fact]:
    """The numbers of ``text``; with ``parts``, a date's or range's numbers also by themselves
    ("15-20 minuten", "38/56"), as a source has them."""
    text = _PLACEHOLDER.sub(" ", text)
    facts = []
    for match in _FACT.finditer(text):
        if match.group("date"):
            pieces = re.split(r"[-/]", match.group("date"))
            facts.append(_Fact(match.group(0), "-".join(p.lstrip("0") for p in pieces), "date"))
            if parts:
                facts.extend(_Fact(p, _normal_number(p), "") for p in pieces)
        elif match.group("money"):
            facts.append(_Fact(match.group(0), _normal_number(match.group("money")), "eur"))
        elif match.group("time"):
            hours, minutes = match.group("time").split(":")
            facts.append(_Fact(match.group(0), f"{int(hours)}:{minutes}", "time"))
        else:
            unit = _normal_unit(match.group("unit") or "")
            facts.append(_Fact(match.group(0).strip(), _normal_number(match.group("number")), unit))
    return facts


def number_marks(answer: str, *, sources: Sequence[str]) -> list[Mark]:
    """Numbers, doses, units, dates and times in ``answer`` that no source has.

    A number the sources have, but never as this dose or amount ("20 ml" where the dossier
    says "20 mg"), is marked too (detail "unit"). Bare small numbers (counts, list numbers)
    are left alone."""
    known = [fact for source in sources for fact in _facts(source, parts=True)]
    values = {(fact.value, fact.unit in {"date", "time"}) for fact in known}
    with_unit = {(fact.value, fact.unit) for fact in known}
    marks: list[Mark] = []
    seen: set[str] = set()
    for fact in _facts(answer):
        if fact.text in seen:
            continue
        timeish = fact.unit in {"date", "time"}
        if (fact.value, timeish) not in values:
            if timeish or fact.unit or float(fact.value) > _SMALL_COUNT:
                marks.append(Mark(NUMBER, fact.text, "absent"))
                seen.add(fact.text)
        elif fact.unit in DOSE_UNITS and (fact.value, fact.unit) not in with_unit:
            # The sources have this number, but never as this amount ("20 ml" for "20 mg").
            marks.append(Mark(NUMBER, fact.text, "unit"))
            seen.add(fact.text)
    return marks


def _words(text: str) -> list[str]:
    return [word.lower().strip("'\u2019-") for word in _WORD.findall(text)]


# Capitalised words that are not names: forms of address, days, months, common abbreviations.
_NOT_NAMES = {
    "dhr", "mevr", "mw", "meneer", "mevrouw", "mr", "mrs", "ms", "dr", "ik", "i", "ai",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december", "january", "february", "march",
    "may", "june", "july", "august", "october",
}  # fmt: skip


_TITLES = {"dhr", "mevr", "mw", "dr", "meneer", "mevrouw", "mr", "mrs", "ms", "zuster"}


def name_marks(answer: str, *, sources: Sequence[str]) -> list[Mark]:
    """Capitalised words in the middle of a sentence (names, places, tests, brands) that
    occur in none of the sources: the model may have made them up."""
    known = {word for source in sources for word in _words(source)}
    text = _PLACEHOLDER.sub(" ", answer)
    marks: list[Mark] = []
    seen: set[str] = set()
    previous = ""
    for token in text.split():
        words = _WORD.findall(token)
        after_title = previous.lower().rstrip(".") in _TITLES
        mid_sentence = previous not in {"", "'s"} and (
            previous[-1].islower() or previous[-1] == ","
        )
        if words and (mid_sentence or after_title) and token[0].isupper():
            word = words[0].strip("'\u2019-")
            lower = word.lower()
            abbreviation = word.isupper()
            if (
                len(word) >= 3
                and not abbreviation
                and lower not in _NOT_NAMES
                and lower not in known
            ) and lower not in seen:
                marks.append(Mark(NAME, word))
                seen.add(lower)
        previous = token
    return marks


_STOP = {
    "de", "het", "een", "en", "van", "in", "op", "met", "voor", "naar", "bij", "aan", "om",
    "is", "zijn", "was", "heeft", "wordt", "dat", "die", "dit", "niet", "geen", "wel", "ook",
    "the", "a", "an", "and", "of", "to", "on", "with", "for", "at", "has", "that", "this",
    "not", "no", "be", "are", "were", "his", "her", "haar", "hij", "zij",
}  # fmt: skip


def _stems(text: str) -> set[str]:
    return {word[:5] for word in _words(text) if word not in _STOP}


def _has_fact(window: str, words: set[str], numbers: set[tuple[str, str]]) -> bool:
    stems = _stems(window)
    values = {(f.value, f.unit) for f in _facts(window)}
    return (not words or len(words & stems) / len(words) >= 0.6) and numbers <= values


def omission_marks(answer: str, *, checklist: Iterable[str]) -> list[Mark]:
    """Facts of the checklist that the answer leaves out. A fact counts as there when one
    sentence of the answer (or two or three in a row) holds most of its words, in any order
    or inflection, and all of its numbers."""
    parts = sentences(answer)
    windows = [
        " ".join(parts[start : start + size]) for size in (1, 2, 3) for start in range(len(parts))
    ]
    marks = []
    for fact in checklist:
        words = {word[:5] for word in _words(fact) if word not in _STOP and len(word) >= 3}
        numbers = {(f.value, f.unit) for f in _facts(fact)}
        if not any(_has_fact(window, words, numbers) for window in windows):
            marks.append(Mark(OMISSION, fact))
    return marks


# Judgemental or stigmatising wording about a client: whole words or phrases; a trailing
# "*" makes it a stem ("manipul*" also finds "manipuleert"). Generalisations by age, origin or
# condition are judgements too ("op haar leeftijd", "zoals vaak bij mensen met").
_JUDGEMENT = (
    # Dutch
    "eigenwijs*", "eigenwijze", "koppig*", "lastpak", "moeilijke cliënt", "moeilijke client",
    "zeurt", "zeurde", "zeurderig*", "aanstel*", "overdrijft", "manipul*", "ondankba*",
    "onwillig*", "ongemotiveerd*", "weigerachtig*", "lui", "luie", "domme", "vies", "vieze",
    "asociaal", "asociale", "agressieveling", "junk", "junkie", "verslaafde", "zuiplap",
    "gestoord*", "psychoot", "therapieontrouw", "zware alcoholist", "zoals vaker",
    "culturele achtergrond", "zwak sociaal milieu", "zoals bij veel", "zoeken vaak excuses",
    "meer je best doet", "demente", "dementerende", "hysterisch*", "aandachttrek*",
    "aandacht trekken", "probleemgezin*", "kansloos", "kansloze", "eigen schuld", "hopeloos",
    "hopeloze", "houdt zich niet aan", "werkt niet mee", "simulant", "simuleert", "profiteur*",
    "uitkeringstrekker*", "onbeschoft*", "brutaal", "brutale", "geen discipline",
    "laat zichzelf gaan", "laat zich gaan", "op haar leeftijd", "op zijn leeftijd",
    "gezien haar leeftijd", "gezien zijn leeftijd", "gezien haar hoge leeftijd",
    "gezien zijn hoge leeftijd", "zoals vaak bij", "mensen zoals", "nu eenmaal",
    "mediterrane achtergrond", "als turkse", "als marokkaanse", "als surinaamse", "als allochto*",
    "slecht met geld",
    # English
    "stubborn*", "difficult patient", "difficult client", "non-compliant", "noncompliant",
    "uncooperative", "attention-seeking", "attention seeking", "manipulat*", "lazy", "hysterical",
    "demented", "addict", "junkie", "drunkard", "crazy", "insane", "lunatic", "heavy alcoholic",
    "as so often", "cultural background", "deprived social background", "as with many",
    "often make excuses", "try a bit harder", "non-adherent", "ungrateful", "unmotivated",
    "whining", "whiny", "frequent flyer", "hopeless", "own fault", "problem family",
    "troublemaker", "rude", "unkempt", "no discipline", "letting himself go", "letting herself go",
    "lets himself go", "lets herself go", "at her age", "at his age", "given her age",
    "given his age", "given her great age", "given his great age", "as often happens with",
    "as is often the case with", "people like", "simply happen", "mediterranean background",
    "as a turkish", "as a moroccan", "handled money badly",
)  # fmt: skip
_JUDGEMENT_RE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word) + r"(?!\w)"
        for word in _JUDGEMENT
    )
    + r")",
    re.IGNORECASE,
)


def judgement_marks(answer: str) -> list[Mark]:
    """Sentences with judgemental or stigmatising wording; the mark is the word found."""
    marks = []
    seen: set[str] = set()
    for match in _JUDGEMENT_RE.finditer(answer):
        word = match.group(0)
        if word.lower() not in seen:
            marks.append(Mark(JUDGEMENT, word))
            seen.add(word.lower())
    return marks


_PLAIN_ASKED = re.compile(
    r"(?<!\w)(?:b1|eenvoudig\w*|begrijpelijk\w*|simpel\w*|makkelijk\w*|gewone woorden|"
    r"jip-en-janneketaal|duidelijke taal|plain|simple|simply|easy|everyday words)(?!\w)",
    re.IGNORECASE,
)
MAX_WORDS = 20  # a B1 sentence stays under about 15-20 words
LONG_WORD = 13  # letters; three such words in one sentence make it hard to read


def plain_language_asked(*texts: str) -> bool:
    return any(_PLAIN_ASKED.search(text) for text in texts)


def sentences(text: str) -> list[str]:
    """The sentences of ``text``: cut after . ! ? before a capital, and at line ends (not
    in "9.5 mg" or "dhr. de Vries")."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def plain_marks(answer: str) -> list[Mark]:
    """Sentences too hard for B1: more than MAX_WORDS words (in one part, between colons
    and semicolons), or three long words or more."""
    marks = []
    for sentence in sentences(_PLACEHOLDER.sub("X", answer)):
        words = _words(sentence)
        long_words = [word for word in words if len(word) >= LONG_WORD]
        # A list after a colon reads as parts: each part counts by itself.
        longest = max((len(_words(part)) for part in _CLAUSE.findall(sentence)), default=0)
        if longest > MAX_WORDS:
            marks.append(Mark(PLAIN, sentence, "long"))
        elif len(long_words) >= 3:
            marks.append(Mark(PLAIN, sentence, "words"))
    return marks


def check_answer(
    answer: str,
    *,
    dossier: str,
    prompt: str,
    task: str,
    checklist: Iterable[str],
    plain: bool | None = None,
) -> list[Mark]:
    """Every mark for ``answer``, in the order of the kinds. ``plain`` defaults to whether the
    task or prompt asks for plain language."""
    sources = [dossier, prompt, task]
    marks = number_marks(answer, sources=sources) + name_marks(answer, sources=sources)
    marks += omission_marks(answer, checklist=checklist)
    marks += judgement_marks(answer)
    if plain if plain is not None else plain_language_asked(task, prompt):
        marks += plain_marks(answer)
    return marks

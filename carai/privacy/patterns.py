"""Our own detectors for identifiers that deduce misses or gets wrong. Pure Python (re).

Each detector yields ``Candidate`` spans. Checksums (BSN 11-test, IBAN mod-97) keep
precision high; context words decide where a bare number means something personal.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

# Python's own regex parser (re._parser, as re.compile uses it; no stubs for typing)
_re_parser: Any = importlib.import_module("re._parser")
_re_constants: Any = importlib.import_module("re._constants")


def word_alternation(words: str) -> str:
    """A regex matching any of the space-separated ``words`` (lower case; "_" stands for a
    space inside one), built as a trie: "zoon|zus" becomes "z(?:oon|us)". The regex engine
    then tries one branch per letter instead of every word at every position."""
    trie: dict[str, Any] = {}
    for word in words.split():
        node = trie
        for ch in word.replace("_", " "):
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return "(?:" + build(trie) + ")"


# Priorities: a validated number beats a lookup-list guess when two spans overlap.
STRONG, PATTERN, LOOKUP = 3, 2, 1


@dataclass(frozen=True, init=False)
class Candidate:
    start: int
    end: int
    label: str
    reason: str
    priority: int

    def __init__(self, start: int, end: int, label: str, reason: str, priority: int) -> None:
        # the dataclass's own __init__ with the same dict (the fields in their order), set in
        # one step: a frozen one sets each field through object.__setattr__, about twice the
        # time, and spans() makes some 26 candidates a text of 300 characters, 400 of 5,000
        self.__dict__.update(start=start, end=end, label=label, reason=reason, priority=priority)


def bsn_valid(digits: str) -> bool:
    """The Dutch 11-test (elfproef) for a BSN of 8 or 9 digits."""
    if not digits.isdigit() or len(digits) not in (8, 9):
        return False
    digits = digits.zfill(9)
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    total -= int(digits[8])
    return total % 11 == 0 and int(digits) != 0


IBAN_LENGTHS = {
    "NL": 18, "BE": 16, "DE": 22, "FR": 27, "GB": 22, "LU": 20, "ES": 24, "IT": 27,
    "AT": 20, "CH": 21, "DK": 18, "PL": 28, "PT": 25, "IE": 22, "SE": 24, "NO": 15,
}  # fmt: skip


def iban_valid(compact: str) -> bool:
    if len(compact) < 15 or not compact[:2].isalpha() or not compact[2:4].isdigit():
        return False
    moved = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in moved)
    return int(number) % 97 == 1


_NOT_DIGIT_BEFORE = r"(?<![\d\w.,/-])"
_NOT_DIGIT_AFTER = r"(?![\d\w]|[.,/-]\d)"

BSN = re.compile(_NOT_DIGIT_BEFORE + r"(\d{3,4}[. ]?\d{2,3}[. ]?\d{3}|\d{8})" + _NOT_DIGIT_AFTER)
BSN_CONTEXT = re.compile(r"\b(?:bsn|burgerservicenummer|sofi)\b[^\n]{0,20}$", re.IGNORECASE)
IBAN = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30})", re.ASCII)
PHONE = re.compile(
    r"(?<![\w+])("
    # the country code perhaps in brackets: "(+31) 6 4123 7788" (round 18c)
    r"(?:\+|00|\(\+|\(00)31\)?[\s.-]?(?:\(0\)[\s.-]?)?[1-9](?:[\s.-]?\d){8}"
    # another country's code; after +1 (North America) the area code starts with 2-9, so
    # "klantnr. 0011-884-392" is no phone number (round 23)
    r"|(?:\+|00)(?:3[2-9]|4[0-9]|1(?=[\s.-]?[2-9])|[2-9]\d?)[\s.-]?\d(?:[\s.-]?\d){6,11}"
    r"|\(0\d{2,3}\)[\s.-]?\d(?:[\s.-]?\d){5,6}"
    r"|0[1-9](?:(?:\s?[.-]\s?|\s)?\d){8}"
    r"|14[ ]?0\d{2,3}(?![\d,.]\d|\s?(?:uur|u|mg|ml|kg|%))"  # a municipality: "14 0499"
    r")(?![\d])"
)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}\b")
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"')\]]+"
    # without a scheme: host.name.tld/path ("intranet.lindeboom.nl/verhuizing")
    r"|\b(?<![@.-])(?=[a-z0-9-]+\.[a-z0-9.-]+/)(?:[a-z0-9-]+\.)+(?:nl|com|org|net|eu|be|de|info|nu|io|ly|co|app)/[^\s<>\"')\]]*"
    # a bare domain ("geldpunt-noord.nl", "kijk op zorgwijzer.com"): labels of two or more
    # characters (so "i.v.m.de" is none), only top-level domains that are no Dutch word
    r"|(?<![@.\w-])(?:[a-z0-9][a-z0-9-]+\.)+(?:nl|com|org|net|eu|info)(?![\w-]|\.\w)",
    re.IGNORECASE,
)
_DOMAIN_ENDINGS = (".nl", ".com", ".org", ".net", ".eu", ".info")


def _phone_reason(number: str) -> str:
    """What the page says of a phone number: a country code other than the Netherlands'
    ("+48 512 345 678", "0032 ...") makes it a foreign number."""
    digits = number.lstrip("(+")
    if number.lstrip("(").startswith(("+", "00")) and not digits.lstrip("0").startswith("31"):
        return "buitenlands telefoonnummer"
    return "Nederlands telefoonnummer"


def _has_domain(lowered: str) -> bool:
    """A cheap look before the URL pattern: does a bare domain's ending occur at all?"""
    return any(ending in lowered for ending in _DOMAIN_ENDINGS)


# "AGB 01012345", "de AGB-code van de fysio is 04123456", "agb: 01 23 45 67", "AGB praktijk
# 01-234567": eight digits, whole or in groups, up to four lower-case words after "AGB".
# Round 25 (num25): the words also after a hyphen ("AGB-praktijk 01-234567"), and the six
# digits after the kind in two groups of three ("AGB 03 210 447", "AGB 05-102 338").
AGB = re.compile(
    r"\bAGB(?:[- ]?code)?(?:(?:\s+|-)[a-zà-ÿ.']+){0,4}\s*[:#]?\s*\(?"  # "(01-054321)": 15d
    r"(\d{8}|\d{2}(?:[ .]\d{2}){3}|\d{4}[ .]\d{4}|\d{2}[- ]\d{6}|\d{2}[- .]\d{3}[ .]\d{3})"
    r"(?![\w-]|[.,]\d|[ ]\d)",
    re.IGNORECASE,
)
RECORD = re.compile(
    r"\b(?=(?i:[pczeromabvklfdr]))(?:(?i:pati[eë]nt|client|cli[eë]nt|zis|ecd|registratie|opname|medisch|bewoner"
    r"|zorgdossier|aanmeld|verwijs|klant|lid|polis|customer|record|file|member|pat\.?|cl\.?"
    r"|meld(?:ings)?)"  # round 22 (addr22): "Meldnummer: MIM 26/0712"
    r"(?i:[\s-]?(?:nummer|number|nr\.?|no\.?|id))"
    r"|(?i:dossier|kenmerk|referentie)(?i:[\s-]?(?:nummer|nr\.?|no\.?|id))?"
    r"|(?i:opnr\.?|opn\.[ ]?nr\.?))"  # round 23 (addr23): "Opnr. 9912" (opnamenummer)
    r"(?i:\s+(?:bij\s+ons|is|van|intern))?"
    r"(?:\s*\([A-Za-z][\w.-]{0,14}\))?"  # round 22: "Registratienummer (BIG): ...", "(ZGT)"
    r"\s*[:#]?\s*"
    r"((?:[A-Z]{1,4}[\s-])?[A-Z0-9]*\d[A-Z0-9./-]*\d[A-Z0-9]*"
    # round 24 (addr24): a second group after a space ("Patiëntnr. RMC-8841 2230")
    r"(?:(?<=[A-Z]-\d{4})[ ]\d{3,5}(?![\w/-]|[.,]\d))?"
    r"|[A-Z]{1,4}[-/.]?\d[\d./-]{2,14}\d|[a-z]{1,4}-\d[\d./-]{2,14}\d)"
)
# A code with a letter prefix: "CL-2023-0481", "cl-203318", "TZ-88214", "Z-1183372",
# "HV 44180231", "W-2025/4410", "ZK/2025/77142". Five digits or more; a space after the
# prefix only before seven digits or more.
CODE = re.compile(
    r"(?<![\w/.-])("
    r"(?:[A-Z]{1,5}|[a-z]{2,4})(?:[-/]|(?<=[A-Z]))\d[\d]*(?:[-/.]\d+)*(?:[-/][A-Z]{1,3})?"
    r"|[A-Z]{1,5}[-/]\d+(?:[-/.]\d+)*"
    r"|[A-Z]{2,5}[ ]\d{7,10}"
    # round 23 (addr23): digits in groups after capitals, seven or more ("CZ 102 445 873")
    r"|[A-Z]{2,5}[ ](?=(?:\d[ ]?){7})\d{2,4}(?:[ ]\d{2,4}){2,3}"
    r"|[a-z]{1,3}\d{6,10}"
    r")(?![\w/-])"
)
NOT_CODES = frozenset(
    {"COVID", "SARS", "NEN", "ISO", "CVA", "GDS", "HBA", "MMSE", "CO", "DSM", "ICD", "ICPC", "EN",
     "IEC", "WHO", "TEL", "FAX", "AGB", "BSN", "NL", "PO", "HF", "HB", "CRP", "GFR", "BMI",
     "NRS", "VAS", "BIG", "KVK", "RR", "HR", "SAT", "ZW", "NR"}
)  # fmt: skip
# A bare number of 5 to 10 digits, or digits in groups ("2025-0918-4471"), is a record
# number where a label stands before it on the same line ("Patiëntnr ZHT: 4482910").
# Round 21 (addr21): also digits in groups of three after one to three ("Relatienummer:
# 4.412.883"); after no label ("1.250.000 euro") it is none.
BARE_NUMBER = re.compile(
    # round 24 (addr24): a check digit after a group of four ("11.0042.7")
    r"(?<![\w/.,-])(\d{5,10}|\d{2,4}(?:[-/.]\d{2,6}){1,3}(?:(?<=\d{4})[-/.]\d)?"
    r"|\d{1,3}(?:\.\d{3}){2,3}(?:\.\d)?)"  # round 24: "12.345.678.9" (a check digit)
    r"(?![\w/-]|[.,]\d)"
)
LABEL_WORDS = frozenset(
    """kenmerk referentie ref dossier zaak melding registratie id ecd zis epd his polis klant
    svb uwv cliënt client patiënt patient pat cl lid lidnummer nr no nummer mic mim vim
    vermelding o.v.v aanvraag beschikking casus ticket zorgid clientid cliëntid patientid
    patiëntid pid reference factuur facturen nota
    mrn zorgpas rijbewijs paspoort""".split()  # noqa: SIM905 (round 24: mrn ... paspoort)
)
LABEL_STARTS = ("dossier", "kenmerk", "polis", "registratie", "zaak", "referentie", "klant")
NOT_LABEL_STARTS = (
    "telefoon", "tel", "mobiel", "fax", "huis", "kamer", "bed", "postcode", "versie",
    "artikel", "agb", "bsn", "burgerservice", "iban", "rekening", "kvk", "big", "bedrag",
    "kosten", "euro", "€", "uur", "prijs", "gewicht",
)  # fmt: skip
POSTCODE = re.compile(r"\b([1-9]\d{3})\s?(?!SA\b|SD\b|SS\b)([A-Z]{2})\b")
# Letters that are also dose or unit abbreviations: "2850 IE insuline" is no postcode.
DOSE_LETTERS = {"IE", "EH", "MG", "ML", "KG", "GR", "CC", "UI", "MU"}
# Round 21 (addr21): "Postbus 2147, 8600 CC Sneek": a post box before the postcode says an
# address as a street does ("antwoordnummer" too); "1000 MG paracetamol" has none.
ADDRESS_CONTEXT = re.compile(
    r"(straat|laan|weg|plein|gracht|kade|singel|dijk|hof|postcode|adres|woont|woonachtig"
    r"|postbus|antwoordnummer)\W",
    re.IGNORECASE,
)
PLATE = re.compile(
    r"(?<![\w-])(?=[A-Z\d]{1,3}-)("
    r"[A-Z]{2}-\d{2}-\d{2}|\d{2}-\d{2}-[A-Z]{2}|\d{2}-[A-Z]{2}-\d{2}|[A-Z]{2}-\d{2}-[A-Z]{2}"
    r"|[A-Z]{2}-[A-Z]{2}-\d{2}|\d{2}-[A-Z]{2}-[A-Z]{2}|\d{2}-[A-Z]{3}-\d|\d-[A-Z]{3}-\d{2}"
    r"|[A-Z]{2}-\d{3}-[A-Z]|[A-Z]-\d{3}-[A-Z]{2}|[A-Z]{3}-\d{2}-[A-Z]|[A-Z]-\d{2}-[A-Z]{3}"
    r"|\d-[A-Z]{2}-\d{3}|\d{3}-[A-Z]{2}-\d"
    r")(?![\w-])"
)
# "Opa (93)", "Zus Anja (inmiddels 61)": the qualifier belongs to the age, as in "is ruim 80".
AGE_BRACKETS = re.compile(
    r"\(((?:(?i:inmiddels|nu|al|bijna|ruim|pas|net|ongeveer|circa|ca\.)[ ])?(\d{1,3}))(?=\)|,\s|!)"
)
# Before "(22)": the name of a score, a scale or a measured value, whose value the number
# is ("SDQ-score (22)", "Barthel-index (14)", "de totaalscore (31)", "uitslag (12)"; round
# 23: the lead, addr23 and clean23 each wrote this rule, now written once).
_SCORE_WORD_END = re.compile(
    r"(?i:score|scores|index|totaal|schaal|waarde|uitslag|meting)\.?[ ]*\Z"
)
# Before "(inmiddels 61)": a capitalised name or a person word, not a score's abbreviation.
QUALIFIED_BRACKET_BEFORE = re.compile(
    r"(?:(?<![\w-])[A-ZÀ-Þ][a-zà-ÿ'-]+|(?i:mw|mevr|dhr|mevrouw|meneer|opa|oma|moeder|vader"
    r"|zoon|dochter|broer|zus|man|vrouw|partner|buurman|buurvrouw))\.?[ ]?\Z"
)
AGE_WORDS = re.compile(
    r"\b(?<!\d/)(\d{1,3})(?:[,.]5)?(?:[-\u2010\u2011\u2013]jarige?\b|\s?jarige?\b|[-\s]?jr\.?(?!\w)"
    r"|\s*jaar(?:\s+oud)?\b|\s?j\.(?!\w)"  # "84jaar" in a hurry, "84 j." abbreviated
    r"|j(?![\w'-])"  # round 18c: "mw 84j valt veel", joined to the number in a chat
    r"|-years?-old\b|\s+years?(?:\s+old)?\b|\s?yrs?\.?(?!\w))",
    re.IGNORECASE,
)
# "17-" right before the number of "6 jarig": a day and a dash, so the number is a month.
_DAY_DASH_BEFORE = re.compile(r"(?<![\d-])([1-9]|[12]\d|3[01])-\Z")
# "hij is 84", "opa wordt volgende week 85", "ze is pas 16", "mevrouw is ruim 80": a
# person word (or a capitalised word that names no measurement) before "is"/"wordt"/"werd",
# at most two words such as "ruim", "bijna", "volgende week" between, then the number;
# also a day or a month ("ze wordt in mei 80", "oma wordt 17 mei 90") and "eind"/"begin"
# before a decade ("zij is eind 70", round 14d).
_AGE_MONTH = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
    r"|december|jan|febr?|mrt|apr|jun|jul|aug|sept?|okt|nov|dec)\.?(?![\w-])"
)
_AGE_ON_A_DATE = r"(?:(?:in|op|eind|begin|half|medio)\s+|\d{1,2}\s+)" + _AGE_MONTH
AGE_QUALIFIER = (
    r"(?:ruim|bijna|net|pas|al|inmiddels|nu|nog|maar|ongeveer|circa|ca\.|rond\s+de|boven\s+de"
    r"|eind|begin|midden|"
    + _AGE_ON_A_DATE
    + r"|op\s+\d{1,2}\s+"
    + _AGE_MONTH
    + r"|toch|echt|ook|zeker|dus|wel|alweer|intussen|nou"
    r"|vandaag|morgen|gisteren|binnenkort|straks|dit\s+jaar|volgend\s+jaar|volgende\s+week"
    r"|vorige\s+week|deze\s+maand|zaterdag|zondag|maandag|dinsdag|woensdag|donderdag|vrijdag"
    # "wordt over 2 weken 90", "werd vorige maand 80", "wordt a.s. zaterdag 70" (round 14d)
    r"|over\s+(?:\d{1,2}|een|twee|drie)\s+(?:dagen|dag|weken|week|maanden|maand)"
    r"|(?:vorige|volgende|komende|deze)\s+(?:maand|week|weekend)|dit\s+weekend|komend\s+weekend"
    r"|a\.s\.|aanstaande|in\s+de)"
)
AGE_NOT_AFTER = (
    # a day of a month ("ik ben 22 en 23 okt op cursus") is no age
    r"(?!\s+(?i:(?:en|of|t/m|tot|-)\s+\d{1,2}\s+)?" + _AGE_MONTH + r")"
    r"(?![/.,:-]\d|\s*%|\s*(?:jaar|jr|mg|ml|%|kg|keer|x|uur|u|min|minuten|graden|°|cm|mm|procent"
    r"|punten|E|IE|eenheden|kilo|gram|g|liter|l|mmol|km|meter|m|euro|stuks|tabletten|dagen|dd"
    r"|weken|maanden|kinderen|kleinkinderen|personen|bewoners|cliënten"
    r"|minutes|hours|days|weeks|months|times"
    # round 24 (clean24): a number that is called is no age ("bij U1 wordt 112 gebeld")
    r"|gebeld|bellen)\b)"
)
AGE_TURNS = re.compile(
    r"(?<![\w-])(?i:wordt|werd|is|was|ben)\s+(?P<q>(?i:"
    + AGE_QUALIFIER
    + r")\s+(?:(?i:"
    + AGE_QUALIFIER
    + r")\s+)?)?(?P<n>\d{1,3})\b"
    + AGE_NOT_AFTER
    + r"|\b(?P<g>\d{2,3})\s+geworden\b"
)
# "jarig vandaag, wordt 95!": turning an age needs no person word before it
AGE_TURNING = re.compile(
    r"(?<![\w-])(?i:wordt|werd)\s+(?P<q>(?i:"
    + AGE_QUALIFIER
    + r")\s+(?:(?i:"
    + AGE_QUALIFIER
    + r")\s+)?)?(?P<n>\d{1,3})\b"
    + AGE_NOT_AFTER
)
# Who the age is of, just before the verb: a person word or a capitalised word.
AGE_SUBJECT = re.compile(
    r"(?<![\w-])(?:(?i:hij|zij|ze|mevrouw|meneer|mw\.?|dhr\.?|mevr\.?|cliënte?|client|patiënte?"
    r"|bewoner|bewoonster|moeder|vader|opa|oma|zoon|dochter|broer|zus|man|vrouw|partner|kind"
    r"|jongen|meisje|baby|echtgenoot|echtgenote|heer|dame|jongere|tiener|puber|peuter|kleuter"
    r"|kleinzoon|kleindochter|kleinkind|buurman|buurvrouw|schoonmoeder|schoonvader|weduwe"
    r"|weduwnaar|zoontje|dochtertje|broertje|zusje|jongste|oudste|middelste|tweeling|mam|mama"
    r"|pap|papa|ik|kleine|kleintje|dreumes)|(?:[A-Z][a-zà-ÿ]*-)?(?P<word>[A-Z][a-zà-ÿ]+)"
    # a title and a name in lower case, as chats write it: "mw. de graaf is 84"
    r"|(?i:mw\.?|dhr\.?|mevr\.?|mevrouw|meneer)[ ]+(?:[a-zà-ÿ']+[ ]+){0,2}(?P<low>[a-zà-ÿ]{2,})"
    r"),?\s+$"
)
# Words that name a measurement: "Saturatie is 95" is no age.
MEASURE_WORDS = frozenset(
    """saturatie sat glucose bloedsuiker pols hartslag temperatuur temp bloeddruk tensie score
    pijnscore gewicht bmi waarde uitslag hb crp inr gfr ademfrequentie nrs vas mmse kamer bed
    huisnummer nummer totaal aantal bedrag prijs stand dosis dosering voorraad""".split()  # noqa: SIM905
)
# "mevrouw, inmiddels 93, wil ...": a qualified age between commas after a person word
AGE_BETWEEN_COMMAS = re.compile(
    r"(?i:\b(?:mevrouw|meneer|mw\.?|dhr\.?|hij|zij|ze|cliënte?|patiënte?|bewoner|bewoonster|opa"
    r"|oma))\s*,\s+(?:((?i:inmiddels|nu|al|ruim|bijna|pas|ongeveer|net|eind|begin|midden)\s+"
    r"\d{1,3})(?=,|\s+en\b)|(\d{2,3})(?=,[ ]))"  # "oma, 92, woont nog thuis" (round 14d)
)
# "haar 90e verjaardag", "sinds zijn 16e", "op haar 12de": an age as an ordinal
AGE_ORDINAL = re.compile(
    r"(?<![\w-])(\d{1,3}(?:e|ste|de)(?:\s+levensjaar\b|(?=\s+verjaardag\b)))"
    r"|(?i:\b(?:sinds|vanaf|op|tot|rond|voor|na|vóór|tussen|bij)\s+(?:zijn|haar|hun|z'n|d'r)\s+)"
    r"(\d{1,3}(?:e|ste|de))(?![\w-]|\s+[a-zà-ÿ]{3,}(?<!jaar)(?<!en)(?<!tot)(?<!naar)\b)"
)
AGE_AFTER_NAME = re.compile(
    r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?,\s(\d{2,3})(?:,\s|\)|[;.:](?!\d)|\s+en\b)"
)
# "wordt hij 80", "op 12 maart werd ze 100.": the verb before the person, then the number,
# then the end of the clause (so "is ze 2 keer gevallen" stays out).
AGE_INVERTED = re.compile(
    r"(?<![\w-])(?i:wordt|werd|is|was)\s+(?i:hij|zij|ze|mevrouw|meneer|opa|oma|moeder|vader"
    # round 24 (clean24): a chat's "ma" and "pa", and "nog steeds" ("is ma nog steeds 88")
    r"|ma|pa|mam|pap|mama|papa)\s+"
    r"(?:(?i:" + AGE_QUALIFIER + r"|steeds)\s+){0,2}(\d{1,3})"
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:maar|op|in|geworden|jaar|jr|volgende|deze|dit|vandaag"
    r"|morgen)\b"
    # "en"/"of", but not before a count ("is hij 5 of 6 keer gevallen?", round 15d)
    r"|\s+(?:en|of)\b(?!\s+\d+\s*(?:keer|x|dagen|weken|uur|min|minuten|mg|ml|kg|cm|%)))"
)
# "dat ze 100 wordt", "omdat hij 17 is", "zijn vader, die 60 wordt", "die 21 is geworden": the
# number before the verb in a subordinate clause. After "die" only a turning verb counts
# ("de saturatie die 88 was" is no age).
AGE_CLAUSE = re.compile(
    r"(?<![\w-])(?:(?i:dat|omdat|als|toen|nu|zodra|hoewel|want)\s+"
    r"(?i:hij|zij|ze|mevrouw|meneer|opa|oma|moeder|vader)|(?P<rel>(?i:die)))\s+"
    r"(?:(?i:al|pas|bijna|net|ruim|nu|inmiddels|toch|nog|volgende\s+week|vandaag|morgen"
    r"|binnenkort|volgend\s+jaar|" + _AGE_ON_A_DATE + r")\s+){0,2}(?P<n>\d{1,3})\s+"
    r"(?:(?i:wordt|werd|zal\s+worden|gaat\s+worden|is\s+geworden|was\s+geworden|geworden\s+is"
    r"|geworden\s+was)|(?P<be>(?i:is|was)))\b"
)
# "Meneer Bouzidi, kamer 4, die is 72, opgenomen ...", "de oude meneer Meulenbelt, die van 96,
# is ...": a title and a name, then ", die is 72," or ", die van 96," as an aside (round 15d).
# Without the title and name ("de saturatie, die is 88,") it is no age.
AGE_AFTER_DIE = re.compile(
    r"(?<![\w-])(?i:mevrouw|meneer|mw\.?|dhr\.?|mevr\.?|de[ ]heer|opa|oma)[ ]+[A-ZÀ-Þ]"
    r"[^.!?\n]{0,50}?,[ ]die[ ](?:(?i:is|was)[ ](?:(?i:nu|al|pas|bijna|ruim|inmiddels|net)[ ])?"
    r"|van[ ])(\d{1,3})(?=[ ]?[,;)]|[ ](?i:en)\b|\.(?!\d))"
)
DURATION_AFTER = re.compile(
    r"^\s*(?:gerookt|geleden|getrouwd|gewerkt|gedronken|lang|in\s+dienst|werkzaam|ago|"
    # round 22: how long something is kept ("het dossier wordt 20 jaar bewaard")
    r"bewaard|bewaren|gearchiveerd|geldig|"
    r"of\s+(?:smoking|drinking|work|marriage)|married|smoked)",
    re.IGNORECASE,
)
STREET_SUFFIX = (
    r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|pad|dreef|markt|plantsoen|baan"
    r"|ring|wal|haven|erf|hof|park|veld|boulevard|allee|dam|burcht|poort|straatweg|kwartier"
    r"|hoven|wijk|promenade|passage|dwarsstraat|steenweg|pleintje|akker|weide|zoom|einde"
    r"|vaart|kanaal|brink|werf|schans|wetering|straatje|laantje|steegje|gaarde|stede|kaai"
    # Frisian street words ("Haitsmawei", "Tsjerkestrjitte", "Sédyk", "Mounleane")
    r"|wei|dyk|strjitte|leane|loane|paad|buorren|feart|wâl)"
)
# A street name ("Kerkstraat", "Nieuwe Gracht", "Burgemeester Van Nispenstraat", "Jan
# Pietersz. Coenstraat", "Pater van den Elsenlaan") and a house number with what may
# follow it: a letter, "bis", a floor ("II", "hs", "rood"), the back house ("8 achter"), a
# range or a flat ("4-112").
HOUSE_TAIL = (
    r"(?:[ ](?:t/m|tot[ ]en[ ]met)[ ]\d{1,5}[A-Za-z]?(?![\w'/-])"
    r"|[ ]\d{1,2}e[ ](?:etage|verdieping|verd\.)(?!\w)"
    # round 24 (addr24): a capital and a flat's number after a space ("Veldweg 4 B-2", "12
    # A3"), a flat after a slash ("Ringdijk 210 /3"), a room ("45 k2"), a floor in words
    # ("12 driehoog")
    r"|[ ][A-Z]-?\d{1,3}(?![\w'/-])|[ ]/\d{1,4}(?![\w'/-])|[ ]k\d{1,3}(?![\w'/-])"
    r"|[ ](?:een|twee|drie|vier|vijf)[ -]?hoog(?![\w'/-])"
    # a floor in a chat ("6 2hg", "6 3-hoog") and a second number ("6 huisnr 2", "Plein
    # 1944 nr 5")
    r"|[ ]\d{1,2}[ -]?(?:hg|hoog)(?![\w'/-])|[ ](?:huis)?nr\.?[ ]?\d{1,4}[A-Za-z]?(?![\w'/-])"
    r"|(?:[-/](?:\d{1,4}|bis|I{1,3}|IV|[A-Za-z]{1,2}\d{0,4})(?![\w'-]))"
    # round 21 (addr21): a word for the part of the house after a hyphen ("1-hoek", "2-boven")
    r"|-(?:hoek|boven|beneden|achter|voor|links|rechts)(?![\w'-])"
    # "boven", "beneden", "achter" not before an article: "Markt 3 boven de bakker"
    r"|[ ](?:bis|hs|huis|rood|rd|zwart|zw|hg|hoog|bg|bv|bov|ben|I{1,3}|IV|i{2,3}|iv|[A-Za-z]"
    r"|(?:boven|beneden|achter)(?![ ](?:de|het|'t|een)(?!\w)))"
    r"(?![\w'/-]|\.[A-Za-z])"  # not "a" of "a.u.b."
    r"|(?:bis|hs)(?![\w'/-])"
    # round 22 (addr22): a letter and a flat's number ("14a-2", "8c-01"), a floor joined by a
    # hyphen ("330-2hg", "12-3hoog")
    # round 24 (addr24): also without the hyphen ("4a2")
    r"|[A-Za-z][-/]?\d{1,3}(?![\w'/-])|-\d{1,2}[ ]?(?:hg|hoog)(?![\w'/-])"
    r"|[A-Za-z](?![\w'-]))"
)
HOUSE_NUMBER = r"\d{1,5}" + HOUSE_TAIL + "?"
# Round 22 (addr22): a word that says a house number follows, between a street and its
# number: "Kerkstraat nr. 12", "Molenweg nummer 4", "de Wittlaan t/o 220" (tegenover); with
# that word also after a comma or "op" ("in de Kerkstraat, nummer 12", "op nummer 12").
HOUSE_NUMBER_WORD = r"(?i:huisnummer|huisnr\.?|nummer|nr\.?|no\.|t/o|tegenover)"
NUMBER_WORD_BEFORE_HOUSE = (
    r"(?:[ ](?:" + HOUSE_NUMBER_WORD + r"[ ]?)?|,?[ ](?:op[ ])?" + HOUSE_NUMBER_WORD + r"[ ]?)"
)
HOUSE_TAIL_AT = re.compile(HOUSE_TAIL)  # what follows the digits of a house number
ADDRESS = re.compile(
    r"(?<![\w.'-])("
    # a title and "in" before an article: "Burgemeester in 't Veldpark", "Dokter in de Bos"
    r"(?:(?:(?i:burgemeester|burg\.|dokter|dr\.|pastoor|professor|prof\.|wethouder|meester)"
    r"[ ]in(?=[ ](?:'t|de|den|het)[ ])"
    r"|[A-ZÀ-Þ][\w'\u2019]*\.?|van|de|der|den|het|ter|ten|te|'t|la|le|du|von|[1-9]e)"
    r"[ ]){0,5}"
    r"(?:[A-ZÀ-Þ][\w'\u2019-]*?)?(?i:" + STREET_SUFFIX[3:-1] + r")"
    r")" + NUMBER_WORD_BEFORE_HOUSE + r"(" + HOUSE_NUMBER + r")(?!\d|[,.:]\d)"
)
# "Laan van Meerdervoort 1023", "Plein 1813 2", and lower-case streets in quick notes.
# Round 21 (addr21): two capitalised words after the particles ("Laan van de Helende Handen
# 1", "Laan van Nieuw Oost-Indië 12"); a second word in lower case stays out ("Laan van
# Meerdervoort rond 3 uur").
ADDRESS_LAAN_VAN = re.compile(
    # round 22 (addr22): "Weg naar Laren 12"
    # ("naar" right before the place: "Hof naar de Sint Annastraat 14" is a name and a street)
    r"(?<![\w-])((?:Laan|Weg|Plein|Kade|Dijk|Straat|Singel|Hof)[ ](?:(?:van|der|de|den|'t|ter"
    r"|ten|op)(?:[ ](?:van|der|de|den|'t))*|naar)"
    r"[ ][A-ZÀ-Þ][\w'\u2019-]*(?:[ ][A-ZÀ-Þ][\w'\u2019-]*)?)"
    r"[ ](" + HOUSE_NUMBER + r")(?!\d|[,.:]\d)"
)
# A particle of a surname right before a word ("van 't Hof", "ter Weg"): the word ends a
# name ("aan de Weg naar Laren 12": "de" is an article there).
_PARTICLE_BEFORE_WORD = re.compile(r"(?<![\w'])(?:van|der|den|'t|ter|ten)[ ]\Z")
# A lower-case letter, also of Turkish and Polish ("çalişkanhof", "wójcikstraat").
LOWER_LETTER = r"[a-zà-ÿçğışłńśźżąęć]"
# Adjectives that open Dutch street names, in lower case ("oude haven", "lange nieuwstraat").
LOWER_STREET_ADJECTIVES = r"(?:nieuwe|oude|lange|korte|hoge|lage|grote|kleine)"
# The street words ADDRESS_LOWER's street ends in (its alternation is made of them, in this
# order; _address_lower_matches looks for them to know where a match can start).
_LOWER_STREET_ENDS = (
    "straat", "laan", "plein", "gracht", "kade", "singel", "steeg", "dreef", "weg", "hof",
    "park", "dijk", "markt", "plantsoen", "haven", "straatje", "vaart", "pad", "wal", "brink",
    "wei", "dyk", "strjitte", "leane", "paad",
    "einde",  # round 22 (addr22): "noordeinde 45 b"; see _NOT_LOWER_STREET_END
)  # fmt: skip
# "einde" ends a lower-case street only after a compass point ("noordeinde 45", "oosteinde
# 3"); "weekeinde 3 cliënten", "levenseinde 2 gesprekken" are no streets.
_NOT_LOWER_STREET_END = re.compile(r"(?<!noord)(?<!zuid)(?<!oost)(?<!west)einde\Z")
# Words of a clause that are no part of a lower-case street after "laan van".
_NOT_LOWER_STREET_WORDS = (
    r"(?:rond|naar|voor|met|tot|was|bij|dan|die|dat|een|ook|nog|maar|want|toen|heeft|woont"
    r"|staat|zit|ligt|gaat|kan|moet|wil|om|nummer|huisnummer|nr|tegenover|hoek|t/o|bis)"
)
ADDRESS_LOWER = re.compile(
    r"(?<![\w-])((?:(?:(?:burgemeester|burg\.|dokter|dr\.|sint|st\.|pater|pastoor|kapelaan|prof\.?"
    r"|professor|generaal|gen\.|koningin|koning|kon\.|prins|prinses|graaf|bisschop|ds\.|mr\."
    r"|meester|kanunnik|zuster|kardinaal|luitenant|kolonel|wethouder|mgr\.|majoor|kapitein"
    r"|notaris|dominee)[ ](?:(?:doctor|dokter|dr\.|mr\.|meester|professor|prof\.)[ ])?"
    r"(?:[a-z]\.[ ]?){0,3}(?:[a-zà-ÿ]+[ ])?"
    r"(?:(?:van|de|der|den|ter|ten|'t)[ ])*|(?:van|ter|ten)[ ](?:(?:de|der|den|'t)[ ])*)?"
    r"" + LOWER_LETTER + r"{3,}"
    # round 18c: an adjective that opens street names, before a street word alone or joined
    # to a name ("nieuwe gracht 3", "lange nieuwstraat 12", "oude haven 21b")
    r"|" + LOWER_STREET_ADJECTIVES + r"[ ](?:" + LOWER_LETTER + r"{3,})?)"
    r"(?:" + "|".join(_LOWER_STREET_ENDS) + r")"
    r"|laan[ ]van[ ](?:(?:de|der|den|'t)[ ])*"
    + LOWER_LETTER
    + r"{3,}"
    # round 23 (addr23): up to two words more, no word of a clause ("laan van de twaalf
    # ambachten 412"; not "laan van meerdervoort rond 3 uur")
    + r"(?:[ ](?!"
    + _NOT_LOWER_STREET_WORDS
    + r"[ ])"
    + LOWER_LETTER
    + r"{3,}){0,2})"
    + NUMBER_WORD_BEFORE_HOUSE
    + r"("
    + HOUSE_NUMBER
    + r")(?!\d|[,.:]\d)"
)
# The characters ADDRESS_LOWER's street is made of (lower-case letters, spaces, full stops
# and the apostrophe of "'t").
_LOWER_STREET_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyz" + "".join(map(chr, range(0xE0, 0x100))) + "çğışłńśźżąęć .'"
)


def _address_lower_matches(text: str, gaps: list[int]) -> Iterator[re.Match[str]]:
    """``ADDRESS_LOWER.finditer(text)``, the pattern matched only where a match can start:
    at "laan van ", or before a gap (a letter, a space, a digit: ``gaps``) that one of its
    street words ends at, from the start of the run of its street's characters up to it,
    after a space, a full stop or an apostrophe (its look-behind allows no other place).
    The run stops at the digit after the gap before: each part of the text is walked once."""
    starts: list[int] = []
    at = text.find("laan van ")
    while at >= 0:
        starts.append(at)
        at = text.find("laan van ", at + 1)
    for end in gaps:
        if not text.endswith(_LOWER_STREET_ENDS, 0, end):
            continue
        start = end
        while start > 0 and text[start - 1] in _LOWER_STREET_CHARS:
            start -= 1
        starts.append(start)
        starts += [at for at in range(start + 1, end) if text[at - 1] in " .'"]
    return _starts_in_order(ADDRESS_LOWER, text, starts)


# Street words shortened in quick notes: "dorpsstr 8", "prinses irenestr 22", "Molenln 3",
# "Kerkwg 12". Joined to the name, so "str" alone or a word such as "ln" is no street.
# Round 25 (addr25): also "pl." and "pln." for "plein" ("Stationspl. 9", "Marktpln 4").
SHORT_STREET_WORDS = r"str\.?|ln\.?|wg\.?|pln?\.?"
ADDRESS_SHORT_STREET = re.compile(
    r"(?<![\w'-])((?:(?i:burgemeester|burg\.|bgm\.|dokter|dr\.|sint|st\.|pater|pastoor|prof\.?"
    r"|professor|generaal|koningin|koning|kon\.|prins|prinses|pr\.|graaf|bisschop|wethouder"
    r"|oranje|mgr\.|ds\.|nw\.)[ ])?(?:(?i:van|de|der|den|ter|ten|'t)[ ]){0,3}"
    r"[A-Za-zÀ-ÿ][a-zà-ÿçğışłńśźżąęć'-]{2,}(?<!-)(?:" + SHORT_STREET_WORDS + r"))"
    r"[ ](" + HOUSE_NUMBER + r")(?!\d|[,.:]\d)"
)
SHORT_STREET_BEFORE_NUMBER = re.compile(r"[a-zà-ÿ](?:" + SHORT_STREET_WORDS + r")[ ]\d")
# Prepositions before a street that "de" of "de ruyterstr" does not belong to ("op de
# dorpsstr 8" is "dorpsstr 8").
PREPOSITIONS_BEFORE_STREET = frozenset("op in aan naar bij van uit over langs via".split())  # noqa: SIM905
# Words that may open a street name although Dutch writes them as ordinary words.
STREET_TITLES = frozenset(
    """burgemeester burg. dokter dr. sint st. pater kapelaan pastoor professor prof. generaal
    gen. kolonel koningin koning prins prinses graaf gravin bisschop ds. dominee mr. meester
    kanunnik zuster kardinaal luitenant majoor kapitein admiraal hertog hertogin jonkheer jhr.
    mgr. monseigneur deken abt president minister wethouder pastor broeder notaris oranje
    nieuwe oude lange korte grote kleine hoge lage noord zuid oost west groot klein heilige
    onze lieve vrouwe kasteel slot abdij huize""".split()  # noqa: SIM905
)
# The titles of rank or office that open a street named after a person, for the street
# rules that look for them in a regex (STREET_WITHOUT_NUMBER, TITLE_STREET_NUMBER): all in
# STREET_TITLES above but "pr." (short for "prins", "prinses").
STREET_NAME_TITLES = """burgemeester burg. dokter dr. sint st. pater pastoor professor prof.
    generaal koningin koning prins prinses pr. graaf bisschop dominee ds. wethouder kardinaal"""
# The titles after which TITLE_STREET_NUMBER takes a street without a street word ("naar
# sint bavo 7"): a part of STREET_NAME_TITLES, kept as that rule chose it. With the others
# ("dokter", "professor", "wethouder" ...) it would find more, so the outcome would change.
TITLES_OF_STREET_WITHOUT_WORD = """sint st. koningin koning prins prinses burgemeester burg.
    pastoor pater graaf kardinaal bisschop"""
# "Leeftijd: 84", "lft. 84 jr", "leeftijd: 7 mnd", "Lft: 2,5 jaar": the number with its unit
# "een tachtigjarige", "de negentigjarige": an age in words before "jarige"
AGE_IN_WORDS = re.compile(
    r"(?<![\w-])((?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)[eë]n)?(?:twintig|dertig"
    r"|veertig|vijftig|zestig|zeventig|tachtig|negentig)|honderd|tien|elf|twaalf|dertien"
    r"|veertien|vijftien|zestien|zeventien|achttien|negentien)[-]?jarige(?![\w-])",
    re.IGNORECASE,
)
# "Patiënt: vrouw, ca. 45 jaar": "ca." makes "45 jaar" read as a duration, but a person word
# and a comma before it make it an age.
PERSON_COMMA_ABOUT = re.compile(
    r"(?<![\w-])(?i:vrouw|man|meneer|mevrouw|heer|dame|patiënte?|cliënte?|jongen|meisje|kind"
    r"|bewoner|bewoonster)[ ]?,[ ]*(?i:ca\.|circa|ongeveer|ruim|bijna|rond[ ]de)[ ]+$"
)
# After "25-jarig": an anniversary or the length of something, not a person's age.
ANNIVERSARY_AFTER = re.compile(
    r"\s+(?i:jubileum|bestaan|huwelijk\w*|dienstverband|dienstjubileum|werkjubileum|contract"
    r"|lidmaatschap|samenwerking|traditie|geschiedenis)\b"
)
AGE_LABEL = re.compile(
    # round 25: a person word or two before the colon ("Leeftijd moeder: 45")
    r"\b(?:leeftijd|lft\.?|age|aged)(?:(?:\s+[a-zà-ÿ]{2,12}){1,2}\s*[:=]|\s*[:=]?)\s*"
    r"(\d{1,3}(?:[,.]5)?"
    r"(?:\s?(?:jaar|jr\.?|j\.|mnd\.?|maanden|maand|weken|wkn|wk\.?)(?!\w))?)(?![\w,.]\d|\w)",
    re.IGNORECASE,
)
# A baby's or toddler's age in months or weeks: "(14 mnd)", "baby van 5 weken", "zoontje van
# 8 maanden", "3 maanden oud". Only with "oud", in brackets after a person, or after a child
# word and "van"; "sinds 3 maanden", "over 6 weken", "zwanger van 20 weken" stay durations.
AGE_MONTHS = re.compile(
    r"(?<![\w,.])(\d{1,2}(?:[,.]5)?[ ]?(?:mnd\.?|maanden|maand|weken|wkn|wk\.?))"
    r"(?P<old>[ ]oud\b)?(?!\w)",
    re.IGNORECASE,
)
_CHILD = (
    r"(?<![\w-])(?i:baby|baby'tje|zoon(?:tje)?|dochter(?:tje)?|kind(?:je)?|broer(?:tje)?"
    r"|zus(?:je)?|kleinzoon|kleindochter|kleinkind|tweeling|pleegkind|neef(?:je)?|nicht(?:je)?"
    r"|peuter|zuigeling|jongen(?:tje)?|meisje)"
)
AGE_MONTHS_CHILD = re.compile(_CHILD + r"[ ]+van[ ]+(?:(?i:ruim|bijna|pas|net|ongeveer)[ ]+)?$")
# Before "(14 mnd)": a child word, or a capitalised word after another word (a name, not the
# first word of a sentence: "Rust (2 weken)" is a duration).
AGE_MONTHS_BRACKET_BEFORE = re.compile(
    r"(?:" + _CHILD + r"|(?<=[\w,] )[A-ZÀ-Þ][\w'\u2019-]+"
    # "geb. 2 november 2023 (16 maanden)": a date of birth right before (round 15d)
    r"|(?<![\w-])(?i:geb\.?|geboren|geboortedatum)[ :]+[^()\n]{4,20}\d)[ ]?\($"
)
# "Noah is nu 14 maanden.", "de baby is pas 6 weken": a name or a child word, "is", and the
# months or weeks at the end of the clause (so "hij is 3 maanden opgenomen" stays out).
AGE_MONTHS_IS_BEFORE = re.compile(
    r"(?:" + _CHILD + r"|(?<![\w-])(?P<name>[A-ZÀ-Þ][a-zà-ÿ]+))[ ](?i:is|wordt|werd)[ ]"
    r"(?P<q>(?i:nu|pas|net|bijna|al|inmiddels|ruim|sinds[ ]kort)[ ])?$"
)
AGE_MONTHS_BRACKET_END = re.compile(r"[ ]?(?:[),;]|(?i:oud)\b)")
AGE_MONTHS_END = re.compile(r"[ ]*(?:[.,;!?)]|\n|\Z|[ ](?i:en|oud|toch)\b)")
_MONTHS_NOT_SUBJECTS = frozenset("hij zij ze het dit dat er die deze wat".split())  # noqa: SIM905
# "zoon van 9", "een dochter van 12 jaar", "een man van 67", "een vrouw van ruim 80": the
# age of a person named by a relation or a person word
AGE_OF = re.compile(
    r"(?<![\w-])van\s+((?:(?i:ruim|bijna|net|pas|ongeveer|circa|ca\.|rond\s+de|boven\s+de)\s+)?"
    r"\d{1,3}(?:,5)?(?:\s?(?:jaar|jr\.?)(?:\s+oud)?(?!\w))?)"
    r"(?![\d,.:/-]\d|\s*(?:maanden|weken|dagen|kg|cm|mg|ml|uur|euro|procent|%|kinderen"
    r"|kleinkinderen|zonen|dochters|jaar\s+geleden|tot|t/m|-|jaar\s+(?:getrouwd|samen)))"
)
AGE_OF_BEFORE = re.compile(
    r"(?i:zoon(?:tje)?|dochter(?:tje)?|kind(?:je)?|broer(?:tje)?|zus(?:je)?|jongen|meisje"
    r"|kleinzoon|kleindochter|kleinkind|baby|tweeling|pleegkind|pleegzoon|pleegdochter|neef(?:je)?"
    r"|nicht(?:je)?|jongste|oudste|middelste|peuter|kleuter|zuigeling|schoolkind|(?P<adult>man|vrouw|mam|mama|papa|oom|tante|heer|meneer|mevrouw|mw\.?|mevr\.?|dhr\.?|dame|cliënte?|client|patiënte?|bewoner"
    r"|bewoonster|jongere|puber|tiener|persoon|weduwe|weduwnaar|moeder|vader|opa|oma"
    r"|echtgenoot|echtgenote|partner|jongeman|jongedame))\s+$"
)
# "(m, 45)", "v/72 met COPD", "Patiënt: m, 67,": a sex in one letter and the age after it, at
# the start of a line or clause or after "(" or ":".
AGE_SEX_SHORT = re.compile(
    r"(?:^|(?<=[(\n])|(?<=[(:][ ]))[mvMV][ ]?[,/][ ]?(\d{1,3})"
    r"(?=[ ]?(?:[,;)]|(?i:jr|jaar|j)\b)|[ ]*$|[ ](?i:met|en|bekend|uit|na)\b)",
    re.MULTILINE,
)
# "hoe oud is ze nu? 87 toch", "Hoe oud is opa?\nMarco: 91": the first number that answers
# "hoe oud", on the same line or at the start of the next message.
# Also a question that names an age itself ("is hij 22 of 23 nu?"): the answer at the start
# of the next message ("23, sinds september"), and the second number of the question (round
# 15d). "97." and "23, sinds ..." end a clause: only a digit after the mark makes it a
# decimal, a time or a range.
AGE_ANSWER = re.compile(
    r"(?:(?i:hoe[ ]oud)[ ][^?\n]{1,30}\?[ ]*(?:\n[^:\n\d]{1,25}:[ ]*)?"
    # round 22 (addr22): the subject may be a name ("is Ruben nu 4?"), left out after a name
    # said before ("Adam, is nu 4 toch?"), or before the verb ("Ruud is 45 toch?")
    r"|(?<![\w-])(?:(?i:is|wordt|was|werd)[ ]"
    r"(?:(?:(?i:hij|ze|zij)|[A-Z][a-zà-ÿ]+)[ ](?:(?i:nu|al)[ ])?|(?i:nu|al)[ ])"
    r"|(?P<subject>(?i:hij|ze|zij)|[A-Z][a-zà-ÿ]+)[ ](?i:is|wordt)[ ](?:(?i:nu|al)[ ])?)"
    r"(?P<asked>\d{1,3})"
    r"(?:[ ](?i:of)[ ](?P<other>\d{1,3}))?(?:[ ](?i:nu|al|toch|of[ ]zo))?[ ]?\?[ ]*"
    r"\n[^:\n\d]{1,25}:[ ]*)"
    r"(?:(?i:ze|hij|die)[ ](?:is|wordt)[ ])?"
    r"(?P<n>\d{1,3})(?!\d|[.,:/-]\d|[ ]?%|[ ]?(?i:mg|kg|cm|uur|u|keer|x|min|minuten|dagen|weken"
    r"|maanden)\b)"
)
# Round 22 (addr22): a baby's age in weeks or months as the answer to "hoe oud": "hoe oud is
# de baby?\nKim: 3 weken" (AGE_ANSWER takes bare numbers only).
AGE_ANSWER_YOUNG = re.compile(
    # the question is about a child or a person ("hoe oud is de wond? 3 weken" is none)
    r"(?i:hoe[ ]oud[ ](?:is|was|wordt)[ ](?:de|het|je|jullie|haar|zijn|die)?[ ]?"
    r"(?:baby|kind|kindje|zoon|zoontje|dochter|dochtertje|kleine|kleintje|meisje|jongen"
    r"|tweeling|hij|ze|zij))(?![\w-])[^?\n]{0,20}\?[ ]*(?:\n[^:\n\d]{1,25}:[ ]*)?"
    r"(\d{1,2}[ ]?(?i:weken|weekjes|maanden|maandjes|mnd|wk)(?![\w-]))"
)
AGE_BEN_NOT_AFTER = re.compile(r"[ ]+(?i:van|uit|op|in|voor|over|te|min|minuten)\b")
AGE_BECAME_AFTER = re.compile(r"[ ]+geworden\b")
# "kinderen van 8 en 11", "de kids zijn 6, 9 en 12": the ages of several children in a list
# after a plural child word; only a list of two or more ("kinderen van 8 uur" is no age).
AGE_CHILDREN = re.compile(
    r"(?:(?:(?<![\w-])(?i:kinderen|kids|kindjes|zonen|zoons|dochters|jongens|meisjes|meiden"
    r"|kleinkinderen|tweeling|broers|zussen|broertjes|zusjes)"
    r"(?:[ ](?i:van|zijn|worden|werden|waren)|:)"  # round 22: "kinderen: 4, 7 en 12 jaar"
    r"|(?<![\w-])(?i:ze|zij)[ ](?i:zijn|worden|werden|waren))[ ]"
    # "drie kinderen (9, 12 en 16)": the list in brackets after the plural (round 15d)
    r"|(?<![\w-])(?i:kinderen|kids|kindjes|zonen|zoons|dochters|kleinkinderen|broers|zussen)"
    r"[ ]\((?=[\d, ]+(?i:en|&)[ ]\d{1,2}\))"
    r")"
    r"(?:(?i:nu|al|inmiddels|pas|bijna|ruim)[ ])?"
    r"(\d{1,2}(?:,[ ]?\d{1,2})*[ ](?i:en|&)[ ]\d{1,2})(?!\d)"
    r"(?![,.:/-]\d|[ ]?%|[ ](?i:"
    + _AGE_MONTH
    + r")|[ ]?(?i:uur|u|kg|mg|ml|cm|km|m|mmol|euro|keer|x|maanden|weken|dagen"
    r"|punten|graden)\b)"
)
# "(tweeling, 3)", "(zoon, 14)": an age after a word and a comma inside brackets
AGE_BRACKET_AFTER_COMMA = re.compile(r"\([^\W\d_][^()\n]{0,30},\s+(\d{1,3})\)")
DURATION_BEFORE = re.compile(
    r"\b(sinds|al|ruim|bijna|over|na|binnen|per|afgelopen|laatste|voor|gedurende|de|die|dit|"
    r"ongeveer|circa|ca\.|tot|van|twee|drie|for|since|after|within|last|past|every|in|"
    r"about|almost|over|than"
    # round 22 (addr22): how long one lives or works somewhere ("woont 40 jaar in dit huis")
    r"|woont|woonde|wonen|werkt|werkte|werken)\s+$",
    re.IGNORECASE,
)
# Round 24 (clean24): "N jaar" as the bound of an age band or threshold, or an average, is
# nobody's age ("vanaf 75 jaar", "onder de 18 jaar", "65-74 jaar", "0 - 4 jaar", "12 t/m 18
# jaar", "tussen de 60 en 85 jaar", "de gemiddelde leeftijd is 82 jaar"); the text before
# the number ends so. "ouder dan" and "boven de" stay with round 18d's rule for a group
# ("Mevrouw is ouder dan 90 jaar" is her age).
AGE_BAND_BEFORE = re.compile(
    r"(?:\b(?i:vanaf|onder(?:[ ]de)?|tussen(?:[ ]de)?[ ]\d{1,3}[ ]en)"
    r"|\d[ ]?(?:[-\u2013]|(?i:t/m|tot(?:[ ]en[ ]met)?))"
    r"|\b(?i:gemiddeld\w*)\b[^.\n!?]{0,40})[ ]?\Z"
)
PERSON_BEFORE = re.compile(r"(?<!\bkamer)(?<!\bbed)(?<!\bnr)(?<!\bk)\b[^\W\d_]{2,}\.?\s*$")

# English month names, capitalised as English writes them ("due March 12"): the one list
# of them; MONTHS below takes those that Dutch spells otherwise, engine.py those after "of".
ENGLISH_MONTHS = tuple(
    """January February March April May June July August September October November
    December""".split()  # noqa: SIM905
)
_DUTCH_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
MONTHS = (
    "(?:"
    + "|".join(_DUTCH_MONTHS)
    + "|jan|febr|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|oct|"
    + "|".join(m.lower() for m in ENGLISH_MONTHS if m.lower() not in _DUTCH_MONTHS)
    + ")"
)
DATE_WORDS = re.compile(
    r"\b(?=\d|jan|feb|m[aer]|apr|may|ju|aug|sep|o[kc]t|nov|dec)(\d{1,2}(?:e|ste|de)?\s+"
    + MONTHS
    + r"\.?(?:\s+'?\d{2,4})?|"
    + MONTHS
    + r"\.?\s+(?:'?\d{4}|'\d{2})"
    # round 25 (num25): the month's short name between dashes or slashes ("3-mrt-2024",
    # "03/okt/24")
    + r"|\d{1,2}[-/]"
    + MONTHS
    + r"[-/](?:\d{4}|\d{2}))\b",
    re.IGNORECASE,
)
# "14 t/m 17 juli", "22 en 23 okt": the first day of a range before a month name
DATE_RANGE_START = re.compile(
    r"(?<![\d,.:/-])(\d{1,2})(?:e|ste|de)?\s*(?:t/m|tot en met|tot|-|\u2013|en|of|(?<=\d)[ ]op)\s*"
    r"(?=\d{1,2}(?:e|ste|de)?\s+" + MONTHS + r"\b)",
    re.IGNORECASE,
)
# "de nacht van 2 op 3 augustus": a night named by its two days (round 25).
_NIGHT_FROM_BEFORE = re.compile(r"(?<![\w-])(?i:van)[ ]\Z")
# Years of events and of birth: a year after a word that ties it to a life ("sinds 2019",
# "geboren in 1948", "in 2022 gescheiden"). A year that names a law, a standard or a plan
# ("Wmo 2015", "NEN 7510", "jaarplan 2025") has no such word before it and stays.
YEAR = re.compile(
    r"(?<![\d/.,-])((?:19[0-9]|20[0-4])\d)"
    r"(?![\d/.,-]\d|\s*(?:mg|ml|kg|euro|%|uur|m2|cc|km|keer|x)\b)"
)
# "begin '24", "sinds '19", "zomer '23": a year in two digits after an apostrophe, where a
# word before it ties it to a life as for YEAR.
YEAR_SHORT = re.compile(r"(?<![\w'\u2019])(['\u2019]\d{2})(?![\w'\u2019]|[.,:/-]\d)")
YEAR_EVENT_BEFORE = re.compile(
    r"(?i:\b(?:in|sinds|sedert|vanaf|van|tot|t/m|uit|geboren|geb\.?|bouwjaar|eind|begin|medio"
    r"|voorjaar|najaar|zomer|winter|herfst|rond|omstreeks|circa|ca\.|overleden|overleed"
    r"|diagnose|gediagnosticeerd"  # "(Alzheimer, diagnose 2022)": round 15d
    r"|born|since|until)\s+(?:het\s+jaar\s+|(?:januari|februari|maart|april|mei|juni|juli"
    r"|augustus|september|oktober|november|december)\s+)?"
    # a form's label of a birth date that gives only the year ("Geboortedatum: 1997",
    # "geb.jaar 1961", round 23)
    r"|\b(?:geboortedatum|geboortejaar|geb\.?[ ]?(?:datum|dat\.?|jaar)|date[ ]of[ ]birth"
    r"|year[ ]of[ ]birth)[ \t]*:?[ \t]*)$"
)
# "(ze) dacht dat het 1985 was", "denkt dat het nog 1974 is": the year someone believes it
# is, in a report on confusion (round 23)
_YEAR_IT_WAS_BEFORE = re.compile(r"(?<![\w-])(?i:het)[ ](?:(?i:nog|weer|al)[ ])?\Z")
_YEAR_IT_WAS_AFTER = re.compile(r"[ ](?i:was|is|werd)\b")
DATE_NUMBERS = re.compile(
    r"(?<![\d,.:/-])(\d{1,2})([-/.])(\d{1,2})(?:[-/.]'?(\d{2}|\d{4}))?(?![\d/]|[-.,:]\d)"
)
DATE_ISO = re.compile(r"(?<![\d/-])((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d-])")
# A month in Roman numerals between the day and the year, the same mark on both sides
# ("14-IX-1985", "3.XI.2024", "1/IV/98"): an older way of writing a date (round 23).
_ROMAN_MONTH = "(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
DATE_ROMAN_MONTH = re.compile(
    r"(?<![\w/.-])(\d{1,2})"
    + "(?:"
    + "|".join(f"{mark}{_ROMAN_MONTH}{mark}" for mark in ("-", r"\.", "/"))
    + ")"
    + r"(\d{4}|\d{2})(?![\w/-]|[.,]\d)"
)
# "3/4" without a year is a date only where the words before say so ("op 3/4", "za 4/5").
DATE_CONTEXT = re.compile(
    r"(?i:\b(?:op|d\.?d\.?|vanaf|tot|t/m|per|sinds|datum|geb\.?|geboren|ma|di|wo|do|vr|za|zo"
    r"|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|nacht|dienst|van|en"
    r"|on|from|until|since|date|born|mon|tue|wed|thu|fri|sat|sun))"
    r"\.?[\s:]+$"
)
SCORE_BEFORE = re.compile(
    r"(?i:pijn|pijnscore|score|index|apgar|vas|nrs|mmse|barthel|fluistertest|bristol|cijfer"
    r"|ratio|visus|rr|tensie|bloeddruk|bd|stand|uitslag|dosis|\d|tussen|ongeveer|circa|ca\.)"
    r"\s*[:=]?\s*$"
)
SCORE_AFTER = re.compile(
    r"(?i:\s*(?:rechts|links|tablet\w*|ml|mg|g|kg|cm|mm|km|l|liter|uur|u|min\w*|sec\w*|mmol|mmhg"
    r"|bereikbaar|score|punten|keer|x|maal|dag(?:en|elijks)?|nacht(?:en)?|we(?:e|)k(?:en)?"
    r"|maand(?:en)?|jaar|jr|stuks?|blikjes?|glazen?|flessen?|sigaretten|koppen|porties?"
    r"|personen|mensen|kinderen|cliënten|bewoners|graden|°|%|procent|per|op\s+\d|mmol)\b|\s*[%°])"
)
# A room, bed or unit right before "12-04": no date ("kamer 12-04", "bed 3/4").
ROOM_BEFORE = re.compile(
    r"(?<![\w-])(?i:kamer|k\.|bed|flat|app\.?|appartement|unit|wagen|bus|lijn|afdeling|nr\.?"
    r"|nummer|huisnummer|route)[ ]*[:.]?[ ]*$"
)
# An event that happens on a day, before a day and month without a year: "opgenomen 4/5",
# "gezien 3/4", "ontslag 1/2"; asked only after the scores and doses are ruled out.
EVENT_BEFORE = re.compile(
    r"(?<![\w-])(?i:opgenomen|opname|ontslagen|ontslag|gezien|gebeld|bezocht|verhuisd|val|valpartij"
    r"|bezoek|huisbezoek|consult|evaluatie|operatie|mdo"
    r"|overleden|gevallen|gestart|gestopt|geopereerd|afspraak|controle|teruggekomen)[ ]*[:]?[ ]*$"
)
MONTH_ALONE = re.compile(
    r"(?<![\w-])(?i:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
    r"|november|december)(?![\w-])"
)
MONTH_ALONE_BEFORE = re.compile(
    r"(?i:\b(?:in|van|voor|tot|t/m|eind|begin|half|medio|sinds|over|rooster|zorg\s+van|en"
    r"|vanaf|per|rond|afgelopen|vorige|komende|volgende|midden|halverwege)\s+)$"
)
# Any month word, also abbreviated: texts without one skip the date-with-month patterns.
ANY_MONTH = re.compile(r"(?i:jan|feb|m(?:aart|rt|ar|ay)|apr|mei|ju[nl]|aug|sep|o[kc]t|nov|dec)")

# Words that say what kind of organisation a name belongs to ("Woonvoorziening De Wissel",
# "OBS Het Palet", "kringloopwinkel Opnieuw"); they are part of the institution's name.
INSTITUTION_KIND_WORDS = """zorggroep zorgcentrum zorginstelling zorgboerderij zorgvilla
        zorgpension zorghotel
        zorgkring zorgpunt zorgcoöperatie zorgorganisatie zorglocatie woonzorgcentrum
        huisartsenpraktijk huisartsenpost apotheek ziekenhuis verpleeghuis thuiszorg
        thuiszorgorganisatie stichting revalidatiecentrum tandartspraktijk tandartsenpraktijk
        fysiotherapie fysiotherapiepraktijk fysio praktijk ggz wijkteam sociaal_wijkteam
        buurtteam jeugdteam hospice kliniek woongroep woonvoorziening woonvorm woonstichting
        woningcorporatie gezondheidscentrum psychologenpraktijk kinderopvang peuterspeelzaal bso
        kdv kdc medisch_centrum orthopedisch_centrum audiologisch_centrum zorg_aan_huis klinikum
        jeugdzorg jeugdhulp verslavingszorg zorgverzekeraar gemeente huize kringloopwinkel
        supermarkt bouwbedrijf transport transportbedrijf schoonmaakbedrijf wijkcentrum
        buurtcentrum buurthuis logistiek_centrum dagbesteding dagcentrum leefgroep basisschool
        school obs cbs rkbs pcbs kbs sbo sbao ikc vso roc instituut academie
        centrum_voor_jeugd_en_gezin cjg mee ggd uwv veilig_thuis werkplaats verzorgingshuis
        bewindvoering schuldhulp schuldhulpverlening voedselbank welzijn welzijnsorganisatie"""
# (Round 17b: the two kinds of kind apart, as the engine finds where INSTITUTION can match
# from each: a word of the list in any case, or a capitalised compound ending in a kind.)
INSTITUTION_KIND_WORD = r"(?i:" + word_alternation(INSTITUTION_KIND_WORDS) + r")"
INSTITUTION_KIND_ENDING = r"(?:zorg|kliniek|centrum|ziekenhuis|praktijk|opvang|gasthuis)"
INSTITUTION_KIND_COMPOUND = r"[A-Z][a-zà-ÿ]*" + INSTITUTION_KIND_ENDING
INSTITUTION_KINDS = INSTITUTION_KIND_WORD + r"|" + INSTITUTION_KIND_COMPOUND
INSTITUTION = re.compile(
    r"(?<![\w-])(?:" + INSTITUTION_KINDS + r")"
    r"(?:[ \t]+(?:de|De|het|Het|'t|van|Van|aan|den|der|op)){0,2}"
    r"(?:[ \t]+[A-ZÀ-Þ][\w'\u2019-]*)"
    r"(?:[ \t]+(?:[A-ZÀ-Þ][\w'\u2019-]*(?![ ]\d)|van(?![\w'-])|en(?=[ ][A-Z])"
    r"|&[ \t]+[A-ZÀ-Þ][\w'-]*)){0,3}"
)
# The kinds INSTITUTION_BEFORE_KIND ends with (capitalised, a whole word).
_CAPITAL_KINDS_OF_INSTITUTION = (
    r"(?:Ziekenhuis|Kinderziekenhuis|Gasthuis|Kliniek|Zorgcentrum|Verpleeghuis|Medisch\s+Centrum"
    r"|Revalidatiecentrum|Hospice|Apotheek|Zorggroep|Thuiszorg|College|Lyceum|Gymnasium"
    r"|Academie|Supermarkt|Instituut|Zorg|Huisartsen|Fysiotherapie|Tandartsen|Groep|Stichting"
    r"|School|Scholengemeenschap|Bewindvoering|Scholengroep|Jongerenhuis|Clinic|Hospital)\b"
)
INSTITUTION_BEFORE_KIND = re.compile(
    r"(?<![\w-])(?:(?:Het|De|'t)[ ]+)?(?:Sint[ ]+|St\.[ ]+)?[A-ZÀ-Þ][a-zà-ÿ'][\w'-]*"
    r"(?:[ ]+(?:&[ ]+)?[A-ZÀ-Þ][a-zà-ÿ'][\w'-]*){0,2}[ ]+"
    + _CAPITAL_KINDS_OF_INSTITUTION
    + r"(?:[ ]+[A-ZÀ-Þ][a-zà-ÿ][\w'-]*(?![ ]?\d)){0,2}"
)
# Round 22b (speed22b): every match of INSTITUTION_BEFORE_KIND holds one of its kinds; a text
# without one is not scanned (the scan enters at every capital: 50 µs at 300 characters).
_CAPITAL_KIND_OF_INSTITUTION = re.compile(_CAPITAL_KINDS_OF_INSTITUTION)
# Kinds of care institution as chats shorten them (ziekenhuis = zgh/zkh, verpleeghuis =
# vph, verzorgingshuis = vzh) and "huize", with the name after them in any case: "zgh noord",
# "opgenomen in zkh de kaag", "huize sint jozef"; not "ten huize van", nor a word such as
# "zgh voor controle" or "vph morgen".
SHORT_INSTITUTION_KINDS = "zgh zkh vph vzh huize"
INSTITUTION_SHORT_KIND = re.compile(
    r"(?<![\w-])(?i:" + word_alternation(SHORT_INSTITUTION_KINDS) + r")[ ]"
    r"(?:(?i:de|het|'t|sint|st\.)[ ])?([A-Za-zà-ÿ][a-zà-ÿ'-]{2,})(?![\w-])"
)
NOT_INSTITUTION_NAMES = frozenset(
    """voor om ivm en of in op met na bij naar geweest gebracht opgenomen is was wordt werd
    heeft had gaat ging daar dan nog al ook maar want tot vanaf sinds morgen vandaag gisteren
    vanavond vanmiddag vanochtend overmorgen van aan als die dat deze zijn wel niet geen
    ontslagen terug opname afdeling""".split()  # noqa: SIM905
)
SCHOOL_LOWER = re.compile(
    r"(?<![\w-])(?:obs|cbs|sbo|rkbs|pcbs|kbs|ikc)[ ](?:de|het|'t)[ ][a-zà-ÿ]{3,}"
)
# "woongroep De Kim", "locatie Het Spinnenwiel", "bij De Groene Schuur": a name with an
# article after a word that says a place of care or work is meant; the word stays outside.
INSTITUTION_AFTER_CONTEXT = re.compile(
    r"(?i:\b(?:locatie|woongroep|dagbesteding|leefgroep|afdeling|woonlocatie|zorglocatie"
    r"|behandelgroep|bij|in|naar|van|uit|via|op)[ ]+)"
    r"((?:De|Het|'t)[ ]+[A-ZÀ-Þ][\w'-]+(?:[ ]+[A-ZÀ-Þ][\w'-]+){0,2})"
)
# "dagbesteding bij de Kroon", "stage de Linde", "opgenomen in de Wingerd", "op de wachtlijst
# voor De Bloesemgaard": an article and a capitalised name after a cue of a stay, care or
# work there, where a person ("bij De Vries") hardly fits; "rekening van", "gebeld met"
# fit a person too, so there the engine drops known surnames and first names.
INSTITUTION_AFTER_STAY = re.compile(
    r"(?<![\w-])(?i:(?P<stay>dagbesteding|dagopvang|logeeropvang|stage|opgenomen|ligt|verblijft"
    r"|wachtlijst|overgeplaatst|geplaatst)(?:[ ](?:bij|in|op|voor|naar))?"
    r"|(?:rekening|factuur)[ ]van|gebeld[ ]met)[ ]+"
    r"((?i:de|het|'t)[ ]+[A-ZÀ-Þ][a-zà-ÿ'-]+(?:[ ][A-ZÀ-Þ][a-zà-ÿ'-]+)?)"
)
# "werkt bij Schoonwerk", "bekend bij Lumina", "thuiszorg via Twentezorg": one or two
# capitalised words that no list knows, after a verb of work or care and "bij"/"via"/"in".
INSTITUTION_AFTER_VERB = re.compile(
    r"(?<![\w-])" + word_alternation("bij via in naar door uit") + r"\s+(?:de\s+|het\s+)?"
    r"([A-ZÀ-Þ][a-zà-ÿ][\w'-]+(?:[ ][A-ZÀ-Þ][\w'-]+)?)"
)
# Round 18b: "budgetbeheer bij Plangroep", "woning van HEEMwonen", "zorg via Thuiscare": a
# capitalised one-word compound ending in -groep, -wonen or -care after a preposition, where a
# capital in the middle of a sentence marks a name (the engine drops places, surnames and
# words of its lists). Found from the capital (the class first: the regex engine skips to
# it in C), the preposition then checked before it.
SUFFIX_ORGANISATION = re.compile(
    r"([A-ZÀ-Þ](?<![\w-].)[A-Za-zà-ÿ]+?(?:groep|wonen|care))(?![\w'-])"
)
PREPOSITION_BEFORE = re.compile(r"(?<![\w-])(?:bij|via|van|door|naar|vanuit)[ ]+\Z")
# "ambulant begeleider Welvaart.", "gedragsdeskundige Kompaan,", "FACT-team Oostgeest":
# one capitalised word right after a care role or a team word and before the end of the
# clause is the organisation the role works for (the engine drops names and known words).
INSTITUTION_AFTER_ROLE = re.compile(
    r"(?<!\w)(?i:begeleider|begeleidster|gedragsdeskundige|jongerenwerker"
    r"|wijkverpleegkundige|verpleegkundige|casemanager|behandelaar|trajectbegeleider"
    r"|ambulant[ ]hulpverlener|hulpverlener|gezinsvoogd|jeugdconsulent|consulent|ergotherapeut"
    r"|zorgcoördinator|woonbegeleider|persoonlijk[ ]begeleider|team"
    # round 16c: roles of social work, debt help, probation, youth and maternity care
    r"|(?:school)?maatschappelijk[ ]werker|sociaal[ ]werker|reclasseringswerker"
    r"|schuldhulpverlener|budgetcoach|bewindvoerder|gezinscoach|jongerencoach|klantmanager"
    r"|jeugdverpleegkundige|kraamverzorgende)"
    r"[ ]+([A-ZÀ-Þ][\w'-]*[a-zA-Zà-ÿ])(?=[ \t]*(?:[.,;:)]|\n|$))"
)
WORK_VERB_BEFORE = re.compile(
    r"(?i:\b(?:werkt|werkte|werkzaam|werken|dienst|stage|bekend|opgenomen|behandeld|behandeling"
    r"|aangemeld|ingeschreven|geplaatst|verblijft|verbleef|ondersteuning|begeleiding|hulp"
    r"|thuiszorg|zorg|ingestuurd|verwezen|doorverwezen|ontslagen|overgeplaatst|cliënt|client"
    r"|patiënt|klant|lid|vrijwilliger|vrijwilligster|verzekerd"
    r"|nazorg|follow-up)(?:\s+[a-zà-ÿ]+){0,3}\s+)"
    r"[a-z]+\s+(?:de\s+|het\s+)?$"
)
INSTITUTION_SUFFIX = re.compile(
    r"\b[A-Z][a-zà-ÿ]+(?:ziekenhuis|kliniek|zorg|gasthuis|hof|huis|centrum|dal|oord|umc)\b"
)
GENERIC_INSTITUTIONS = {
    "Ziekenhuis", "Verpleeghuis", "Zorgcentrum", "Thuiszorg", "Wijkzorg", "Mantelzorg",
    "Jeugdzorg", "Ouderenzorg", "Gehandicaptenzorg", "Thuis", "Woonzorg", "Dagzorg",
    "Nazorg", "Eerstelijnszorg", "Spoedzorg", "Wondzorg", "Zelfzorg", "Kliniek", "Centrum",
    "Huis", "Gezondheidscentrum", "Buurthuis", "Hospice", "Ziekenhuiszorg",
    "Polikliniek", "Gezondheidszorg", "Verpleeghuiszorg", "Jeugdgezondheidszorg",
    "Revalidatiezorg", "Kraamzorg", "Geboortezorg", "Huisartsenzorg",
}  # fmt: skip

HEALTH_TERMS = re.compile(
    r"\b(diagnose|dementie|alzheimer|parkinson|diabetes|insuline|medicatie|medicijn|"
    r"depressie|depressief|psychose|psychotisch|suïcid\w*|angststoornis|autisme|adhd|"
    r"schizofrenie|bipolair|verslaving|alcohol\w*|drugs|hiv|kanker|tumor|chemo\w*|"
    r"hartfalen|copd|cva|beroerte|epilepsie|decubitus|wond|fractuur|operatie|opname|"
    r"ziekenhuis|huisarts|specialist|behandeling|therapie|ggz|zwanger\w*|allergie|"
    r"infectie|antibiotica|pijnstill\w*|morfine|oxazepam|metformine|paracetamol|"
    r"bloeddruk|saturatie|glucose|incontinent\w*|valpartij|gevallen|delier|"
    r"verpleeg\w*|zorgplan|ziekte|ziek|pijn|mg|ml)\b",
    re.IGNORECASE,
)


_ANY_DIGIT = re.compile(r"\d")
# A URL's host, the labels before the top-level domain: letters, digits and hyphens (URL
# takes them ignoring case; the four characters of _CASE_TRAPS aside, only these).
_LABEL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
_DOT_BEFORE_LABEL = re.compile(r"\.(?=[A-Za-z0-9-])")
_EMAIL_LOCAL_CHAR = re.compile(r"[\w.+-]")


def _starts_in_order(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` where every match starts at one of ``starts`` and none is
    empty: the pattern is matched at those places only, in order, from the end of the last
    match on (what ``finditer`` finds first from there is the match at the first of them
    where the pattern matches)."""
    match, position = pattern.match, 0
    for start in sorted(starts):
        if start >= position and (m := match(text, start)) is not None:
            yield m
            position = m.end()


def _url_matches(text: str) -> Iterator[re.Match[str]]:
    """``URL.finditer(text)``, the pattern matched only where a match can start: at "http" or
    "www." (the first form), and where a label runs up to a dot with a label character
    after it (the other two forms): at the start of that run, or at a hyphen in it, as
    their look-behinds and "\\b" allow no other place."""
    lowered = lower_text(text)
    if lowered is None:  # a character that ignoring case ties to a letter of a label
        yield from URL.finditer(text)
        return
    starts: list[int] = []
    for scheme in ("http", "www."):
        at = lowered.find(scheme)
        while at >= 0:
            starts.append(at)
            at = lowered.find(scheme, at + 1)
    run_end = 0
    for dot in _DOT_BEFORE_LABEL.finditer(text):
        end = start = dot.start()
        while start > run_end and text[start - 1] in _LABEL_CHARS:
            start -= 1
        run_end = end + 1  # the dot ends every run: the next one cannot reach back over it
        if start < end:
            starts.append(start)
            starts += [at for at in range(start + 1, end) if text[at] == "-"]
    yield from _starts_in_order(URL, text, starts)


def _email_matches(text: str) -> Iterator[re.Match[str]]:
    """``EMAIL.finditer(text)``, the pattern matched only where a match can start: at the
    start of the run of its name characters before an "@" (its look-behind allows no
    other place)."""
    starts: list[int] = []
    at = text.find("@")
    while at >= 0:
        start = at
        while start > 0 and _EMAIL_LOCAL_CHAR.match(text, start - 1) is not None:
            start -= 1  # "@" is no name character: the runs of two "@" do not overlap
        if start < at:
            starts.append(start)
        at = text.find("@", at + 1)
    yield from _starts_in_order(EMAIL, text, starts)


def _groups_span(match: re.Match[str], group: int = 1) -> tuple[int, int]:
    return match.start(group), match.end(group)


# Round 25 (num25): a phone number said in words, as a chat or a transcribed call gives it:
# "nul zes, twee acht, vier vier, nul negen, een zeven", "nul zes twaalf vierendertig
# 56 78". It opens with "nul" (a Dutch number does) and holds ten digits in all; a digit
# word is one digit, a number word from "tien" to "negenennegentig" two, written digits
# count as they stand. Only the first ten digits are read ("... een zeven een keer": not
# the last "een").
_ONE_DIGIT_WORDS = "nul|een|één|eén|twee|drie|vier|vijf|zes|zeven|acht|negen"
_TENS_WORDS = "twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig"
_TWO_DIGIT_WORDS = (
    "tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|(?:(?:"
    + _ONE_DIGIT_WORDS
    + ")(?:en|ën))?(?:"
    + _TENS_WORDS
    + ")"
)
_PHONE_WORD = re.compile(
    r"(?P<two>" + _TWO_DIGIT_WORDS + r")|(?P<one>" + _ONE_DIGIT_WORDS + r")|(?P<digits>\d{1,4})",
    re.IGNORECASE,
)
PHONE_IN_WORDS = re.compile(
    r"(?<![\w-])nul(?:[ ,.-]{1,3}(?:" + _TWO_DIGIT_WORDS + "|" + _ONE_DIGIT_WORDS + r"|\d{1,4})"
    r"(?![\w-])){4,12}",
    re.IGNORECASE,
)


def _phone_in_words(text: str) -> Iterator[tuple[int, int]]:
    """Start and end of each phone number said in words (see PHONE_IN_WORDS)."""
    for m in PHONE_IN_WORDS.finditer(text):
        count = 0
        for word in _PHONE_WORD.finditer(text, m.start(), m.end()):
            if word.start() > m.start() and text[word.start() - 1] not in " ,.-":
                continue  # "twee" inside "tweeëntwintig" is read with its word
            count += 1 if word.group("one") else 2 if word.group("two") else len(word.group())
            if count >= 10:
                if count == 10:
                    yield m.start(), word.end()
                break


def find_numbers(text: str) -> Iterator[Candidate]:
    """BSN, IBAN, phone numbers, e-mail, URLs, AGB codes, record numbers, licence plates.

    A pattern runs only when the text holds the one character or word every match needs
    ("@" for e-mail, "-" for a licence plate ...): a plain ``in`` is far cheaper than a scan.
    """
    has_digit = _ANY_DIGIT.search(text) is not None
    lowered = lower_case(text)
    for start, end in _phone_in_words(text) if "nul" in lowered else ():
        yield Candidate(start, end, "telefoon", "telefoonnummer in woorden", STRONG)
    has_domain = _has_domain(lowered)
    if not (has_digit or has_domain or "@" in text or "/" in text or "www" in lowered):
        return
    for m in IBAN.finditer(text) if has_digit else ():
        raw = m.group(1)
        compact_all = raw.replace(" ", "")
        length = IBAN_LENGTHS.get(compact_all[:2])
        if length is None or len(compact_all) < length:
            continue
        # Cut the match after exactly ``length`` characters (spaces not counted).
        seen, cut = 0, 0
        for cut, ch in enumerate(raw, start=1):  # noqa: B007
            seen += ch != " "
            if seen == length:
                break
        if iban_valid(raw[:cut].replace(" ", "")):
            yield Candidate(
                m.start(1), m.start(1) + cut, "iban", "IBAN met geldig controlegetal", STRONG
            )
    for m in BSN.finditer(text) if has_digit else ():
        digits = re.sub(r"[. ]", "", m.group(1))
        # 8 digits are a BSN only where the text says so. The window holds the longest word
        # of BSN_CONTEXT (19 letters), the 20 characters it allows after it, and the one
        # before it (for the word boundary).
        if len(digits) == 8 and not BSN_CONTEXT.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        if bsn_valid(digits):
            yield Candidate(*_groups_span(m), "bsn", "9 cijfers die de elfproef halen", STRONG)
    for m in PHONE.finditer(text) if has_digit else ():
        if _phone_is_date(text, m.start(1), m.group(1)):
            continue
        if _too_short_abroad(m.group(1)):
            continue
        yield Candidate(*_groups_span(m), "telefoon", _phone_reason(m.group(1)), STRONG)
    for m in _email_matches(text) if "@" in text else ():
        yield Candidate(m.start(), m.end(), "email", "e-mailadres", STRONG)
    for m in _url_matches(text) if ("/" in text or "www" in lowered or has_domain) else ():
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?":
            end -= 1
        yield Candidate(m.start(), end, "url", "webadres", STRONG)
    for m in AGB.finditer(text) if "agb" in lowered else ():
        yield Candidate(*_groups_span(m), "agb", "AGB-code na het woord AGB", STRONG + 1)
    for m in RECORD.finditer(text) if has_digit else ():
        yield Candidate(*_groups_span(m), "nummer", "nummer na 'patiënt-/cliëntnummer'", STRONG)
    for m in PLATE.finditer(text) if "-" in text else ():
        yield Candidate(*_groups_span(m), "kenteken", "Nederlands kenteken", STRONG)


# A full date at the start of a phone-shaped match: "04-06-2025 10.20 uur" is a date and a
# time, not the phone number 04 0620 2510.
_DATE_AT_START = re.compile(
    r"(?:0[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\1(?:19|20)\d{2}(?!\d)"
)
_INSIDE_DATE_BEFORE = re.compile(r"\d[-/.]\Z")


def _too_short_abroad(phone: str) -> bool:
    """ "klantnr. 0011-884-392": "00" opens a number abroad, and such a number has eleven
    digits or more with its country code; ten are no phone number (round 23, addr23)."""
    return phone.lstrip("(").startswith("00") and sum(ch.isdigit() for ch in phone) < 11


def _phone_is_date(text: str, start: int, phone: str) -> bool:
    """Whether a phone-shaped match is a date followed by a time or by a second date: it
    starts with a whole date ("04-06-2025 10.20"), or inside one ("20-[01-2025 - 28-02]")."""
    if _DATE_AT_START.match(phone):
        return True
    return _INSIDE_DATE_BEFORE.search(text, max(0, start - 2), start) is not None


_DATE_SHAPE = re.compile(r"\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?|\d{4}-\d{2}-\d{2}")
# Round 24 (addr24): three groups whose last has three digits are no date: no year has
# three digits ("CZ 55.12.903" is a policy number).
_THREE_DIGIT_YEAR = re.compile(r"\d{1,2}\D\d{1,2}\D\d{3}$")


# The first digit of a CODE match: after its letters, or after one of them and "-" or "/",
# or after a capital and a space (only "[A-Z]{2,5}[ ]\d{7,10}" has a space).
_CODE_DIGIT = re.compile(r"\d(?:(?<=[A-Za-z]\d)|(?<=[A-Za-z][-/]\d)|(?<=[A-Z][ ]\d))")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _code_matches(text: str) -> Iterator[re.Match[str]]:
    """``CODE.finditer(text)``, the pattern matched only where a match can start: every
    match opens with one to five ASCII letters, perhaps "-", "/" or a space, and a digit,
    and its look-behind allows no letter before it; so it starts where the run of letters
    before such a digit starts, if that run is no longer than five letters."""
    starts: list[int] = []
    for digit in _CODE_DIGIT.finditer(text):
        at = digit.start()
        if text[at - 1] in "-/ ":
            at -= 1
        letters = 1
        while letters < 6 and at - letters > 0 and text[at - letters - 1] in _ASCII_LETTERS:
            letters += 1
        if letters < 6:
            starts.append(at - letters)
    return _starts_in_order(CODE, text, starts)


def find_codes(text: str) -> Iterator[Candidate]:
    """Record numbers without a label pattern of their own (see CODE and BARE_NUMBER)."""
    for m in _code_matches(text):
        code = m.group(1)
        prefix = re.match(r"[A-Za-z]+", code).group(0)  # type: ignore[union-attr]
        digits = sum(ch.isdigit() for ch in code)
        if prefix.upper() in NOT_CODES or digits < 3:
            continue
        if digits < 5:
            # "clientcode HA-0192": three or four digits after a capital prefix and a dash
            # only right after a label (round 15d)
            before = text[max(0, m.start() - 40) : m.start()]
            if _SHORT_CODE.fullmatch(code) and _after_label(before):
                yield Candidate(m.start(1), m.end(1), "nummer", "code na een label", PATTERN)
            continue
        if prefix.islower() and "-" not in code and digits < 6:
            continue
        if _DOCUMENT_KIND_BEFORE.search(text, max(0, m.start(1) - 40), m.start(1)):
            continue  # round 23: "Protocol VMS-2019-04", "werkinstructie WI-2023-118"
        start = m.start(1)
        if code[len(prefix)] == " " and _INSURER_CUED_BEFORE.search(
            text, max(0, start - 40), start + len(prefix) + 1
        ):
            start += len(prefix) + 1  # round 25: "verzekerd bij VGZ 123456789"
        yield Candidate(start, m.end(1), "nummer", "code met letters en cijfers", PATTERN)
    for m in BARE_NUMBER.finditer(text):
        if _DATE_SHAPE.fullmatch(m.group(1)) and not _THREE_DIGIT_YEAR.fullmatch(m.group(1)):
            continue  # "geb. 17-07-1945" after a label is a date; "polis 55.12.903" is none
        if "." in m.group(1) and sum(ch.isdigit() for ch in m.group(1)) < 5:
            continue  # "nr 10.05" is a time; "kenmerk 24.0412" has five digits or more
        if _YEAR_RANGE.fullmatch(m.group(1)):
            continue  # "de indicatie 2024-2025": a period (round 21)
        if _after_label(_label_window(text, m.start())):
            start = _with_letter_prefix(text, m.start(1))
            yield Candidate(start, m.end(1), "nummer", "nummer na een label", PATTERN)
        elif _in_data_row(text, m.start(1), m.end(1)):
            yield Candidate(
                m.start(1), m.end(1), "nummer", "los nummer in een rij gegevens", PATTERN
            )
        elif "?" in text and _answers_number_question(text[max(0, m.start() - 160) : m.start()]):
            yield Candidate(*_groups_span(m), "nummer", "antwoord: 'nee dat is ...'", PATTERN)
        elif _answers_number_request(text, m.start(1), m.end(1)):
            yield Candidate(
                m.start(1), m.end(1), "nummer", "antwoord op 'wat is zijn clientnr'", PATTERN
            )
        elif (
            7 <= len(m.group(1)) <= 10
            and m.group(1).isdigit()
            and _TITLE_BEFORE_NUMBER.search(text, max(0, m.start(1) - 10), m.start(1))
        ):
            yield Candidate(m.start(1), m.end(1), "nummer", "nummer na 'mw.'", PATTERN)
        elif _item_of_person_line(text, m.start(1), m.end(1)):
            yield Candidate(m.start(1), m.end(1), "nummer", "nummer bij 'Betreft:'", PATTERN)
    for m in DIGITS_LETTERS_DIGITS.finditer(text):
        if _after_label(text[max(0, m.start() - 40) : m.start()]):
            yield Candidate(m.start(1), m.end(1), "nummer", "code na een label", PATTERN)


# Round 23 (clean23): a code right after a kind of document names the document, not a
# person ("Protocol VMS-2019-04", "werkinstructie WI-2023-118", "formulier F-2024-07",
# "zie protocol nummer P-20431"), also at the end of a compound ("valprotocol").
_DOCUMENT_KIND_BEFORE = re.compile(
    r"(?i:protocol|instructie|richtlijn|formulier|procedure|document|bijlage|handboek"
    r"|versie|standaard|artikel|hoofdstuk|paragraaf|module|beleidsplan)"
    r"(?:[ ]+(?i:nummer|nr\.?|code))?[ ]*:?[ ]*$"
)
# "clientcode HA-0192": a capital prefix, a dash and three or four digits.
_SHORT_CODE = re.compile(r"[A-Z]{1,4}-\d{3,4}")


def _with_letter_prefix(text: str, start: int) -> int:
    """Where a number after a label starts when capitals stand before it as its prefix
    ("Clientnummer bij hen TD 55091"): at the prefix, unless the capitals are a label or a
    kind of number themselves ("ECD 4471092", "BSN 123456782")."""
    prefix = _PREFIX_BEFORE.search(text, max(0, start - 5), start)
    if prefix is None:
        return start
    word = text[prefix.start() : start].strip().lower()
    if word in LABEL_WORDS or word.startswith(NOT_LABEL_STARTS) or word.upper() in NOT_CODES:
        return start
    if _INSURER_CUED_BEFORE.search(text, max(0, start - 40), start):
        return start  # round 25: "verzekerd bij CZ 71.44.881": the insurer stands apart
    return prefix.start()


# The start of a chat message that answers, up to the number: "Ahmed: nee dat is ".
_ANSWER_BEFORE_NUMBER = re.compile(r"[^:\n]{1,40}:[ ]+(?:[^\W\d_]+[ ]+){0,4}")


def _answers_number_question(before: str) -> bool:
    """Whether a number opens a chat message that answers a question about a record number:
    "is de ZIS-nr van dhr X 4098812?" and then "Ahmed: nee dat is 4098821" (round 15d). The
    question must hold a number after a label itself."""
    lines = before.rsplit("\n", 2)
    if len(lines) < 2 or "?" not in lines[-2] or not _ANSWER_BEFORE_NUMBER.fullmatch(lines[-1]):
        return False
    question = lines[-2][: lines[-2].rindex("?")]
    return any(_after_label(question[: n.start()]) for n in re.finditer(r"\d{5,}", question))


# Round 21 (addr21): a chat message that is only a number of six to ten digits, right after
# the message that asks for a record number by its label ("wat is Roos haar clientnr ook
# alweer", "Mirthe 16:10", "5530214"). Between the two at most the line that says who writes
# and when (_CHAT_HEADER_LINE); the number's own line holds at most who writes before it. The
# question asks ("wat", "welk", "weet", "?") and ends in a label (_after_label); "hoeveel ml
# heeft ze gedronken?" and "wat is haar telefoonnummer?" have none.
_CHAT_HEADER_LINE = re.compile(r"[^\W\d_][\w .'-]{0,30}[ ]\(?\d{1,2}[:.]\d{2}\)?[ ]*")
_WRITER_BEFORE = re.compile(r"(?:[^\W\d_][\w .'-]{0,30}:[ ]*)?")
_ASKS = re.compile(r"(?i:\b(?:wat|welk|welke|weet)\b|\?)")


def _answers_number_request(text: str, start: int, end: int) -> bool:
    """Whether the digits at ``start``-``end`` are a chat message that answers a request for a
    record number (see above)."""
    if not 6 <= end - start <= 10 or not text[start:end].isdigit():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_start == 0 or not _WRITER_BEFORE.fullmatch(text, line_start, start):
        return False
    if text[end : len(text) if line_end < 0 else line_end].strip(" .!"):
        return False
    lines = text[max(0, line_start - 300) : line_start - 1].split("\n")
    if len(lines) > 1 and _CHAT_HEADER_LINE.fullmatch(lines[-1]):
        lines.pop()
    question = lines[-1].rstrip(" ?")
    return _ASKS.search(lines[-1]) is not None and _after_label(question)


# Round 21 (addr21): the decisions and claims of care that carry a number of their own, as
# the word right before the number ("CIZ-indicatie 2025-0041287", "Indicatiebesluit 250411873",
# "zorgtoewijzing 88123401", "Vecozo-declaratie 2025-883412", "Machtiging 2025A0198"). Only
# a number that a label may stand before counts (five digits or more, or groups: "indicatie
# voor 3 dagdelen", "de indicatie 2024-2025" stay out).
_CARE_RECORD_ENDS = ("indicatie", "besluit", "toewijzing", "declaratie", "machtiging")
# Round 21 (addr21): a code of digits, capitals and digits after a label ("Machtigingsnummer
# 2025A0198", "ons kenmerk 25JZ0412"); without a label ("12A3") it is none.
DIGITS_LETTERS_DIGITS = re.compile(r"(?<![\w/.-])(\d{2,6}[A-Z]{1,3}\d{2,6})(?![\w/-]|[.,]\d)")

# Round 21 (addr21): a line that names whom a letter or form is about ("Betreft: mw. J.
# Jansen, 4412987", "Naam: A. Smit - 7781203", "Cliënt: M. El Amrani / 4412987"): a number
# of seven to ten digits that is an item of its own there (between the label's colon or a
# comma, a slash, a dash or a bar and the next one or the line's end) is the person's record
# number. Not a phone number ("0612345678": ten digits from a 0) and no amount or date.
_PERSON_LINE_LABEL = re.compile(
    r"[ \t]*(?i:betreft|inzake|naam|cli[eë]nt|pati[eë]nt|bewoner|jeugdige|deelnemer)[ \t]*:"
)
_ITEM_BEFORE = re.compile(r"(?:[:,;/|]|[ ][-\u2013])[ \t]*\Z")
_ITEM_AFTER = re.compile(r"[ \t]*(?:[,;/|]|[-\u2013][ ]|$)", re.MULTILINE)


def _item_of_person_line(text: str, start: int, end: int) -> bool:
    """Whether the digits at ``start``-``end`` are an item of a line about a person (above)."""
    if not 7 <= end - start <= 10 or not text[start:end].isdigit():
        return False
    if end - start == 10 and text[start] == "0":
        return False  # a phone number
    line_start = text.rfind("\n", 0, start) + 1
    label = _PERSON_LINE_LABEL.match(text, line_start)
    if label is None or label.end() > start:
        return False
    return (
        _ITEM_BEFORE.search(text, label.end() - 1, start) is not None
        and _ITEM_AFTER.match(text, end) is not None
    )


# What may stand between a label and a later number of its list: a number, "en", "of"; a
# slash between the numbers of a row of labels ("Clientnr / polis: 4471093 / 88123456",
# round 25).
_LIST_FILLER = re.compile(r"\d[\d./-]*|(?i:en|of|and)|/")
# Round 25 (num25): the number an insurer knows a client by, right after the insurer's name
# ("verzekerd bij CZ 71.44.881", "Zilveren Kruis: 123456789"). The Dutch health insurers are
# a closed class (the labels and brands of the basic insurance); written as they write
# themselves, case counts.
_INSURER_NAMES = (
    r"(?:CZ|VGZ|Menzis|DSW|ONVZ|FBTO|Interpolis|OHRA|Univ[ée]|Ditzo|Anderzorg|IZA"
    r"|Zilveren[ ]Kruis|Zorg[ ]en[ ]Zekerheid|Achmea|ZieZo|Zekur|Caresq|Aevitae|Promovendum"
    r"|Nationale-Nederlanden|De[ ]Friesland[ ]Zorgverzekeraar)"
)
_INSURER_BEFORE = re.compile(r"(?<![\w-])" + _INSURER_NAMES + r"[ ]?[:,]?[ ]*\Z")
# The insurer after "verzekerd bij" or an insurer's field is an organisation of its own
# (the engine's INSURER_AFTER_CUE): the number after it starts after its name ("Verzekerd
# bij VGZ 123456789"); elsewhere capitals and digits are one code ("(CZ 102 445 873)").
_INSURER_CUED_BEFORE = re.compile(
    r"(?<![\w-])(?i:verzekerd[ ]bij|(?:zorg)?verzekeraar[ \t]*:)[ \t]*" + _INSURER_NAMES + r"[ ]\Z"
)
# Round 23 (addr23): whom each number of a list is of, in brackets after it, stands outside
# the list ("Dossiernummers: 4471823 (Jan de Vries), 5530192 (Piet Smit)").
_BRACKETS_AFTER_NUMBER = re.compile(r"(\d)[ ]?\([^()\n]{1,40}\)")


# A row of a person's data, items between commas, semicolons or bars: "Jan Smit, 12-03-1950,
# 4471823, Kerkstraat 4". A number of seven to ten digits that is an item of its own in a row
# that also holds a full date is a record number, though no label stands before it.
_ROW_SEPARATOR = re.compile(r"[ \t]*[,;|][ \t]*")
_ROW_PERSON = re.compile(r"[ \t]*(?i:mw|mevr|mevrouw|dhr|de[ ]heer|meneer|hr)\.?[ ]+[A-ZÀ-Þ]")
_ROW_DATE = re.compile(r"(?<![\d-])\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}(?![\d-])")


def _in_data_row(text: str, start: int, end: int) -> bool:
    """Whether the digits at ``start``-``end`` are an item of a data row (see above)."""
    if not 7 <= end - start <= 10 or not text[start:end].isdigit():
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    items = _ROW_SEPARATOR.split(line)
    number = text[start:end]
    if _ROW_PERSON.match(line) and not (number.startswith("0") and len(number) == 10):
        # round 25: a row that opens with a person by title ("Mw. J. de Vries | 4471823 |
        # Kerkstraat 4"), or the number in brackets after them ("Dhr. P. Smit (4471823)")
        if len(items) >= 2 and number in (item.strip() for item in items[1:]):
            return True
        if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
            return True
    return (
        len(items) >= 3
        and number in (item.strip() for item in items)
        and _ROW_DATE.search(line) is not None
    )


def _label_window(text: str, start: int) -> str:
    """The text before a number that _after_label reads: 40 characters, or 160 where a
    bracket closes in them (a list with whom each number is of, _BRACKETS_AFTER_NUMBER)."""
    before = text[max(0, start - 40) : start]
    if ")" in before:
        before = text[max(0, start - 160) : start]
    return before


def _after_label(before: str) -> bool:
    """Whether the nearest of the last four words before a number on its line is a label of
    a record number ("patiëntnr", "kenmerk", "ECD") and not of a phone, room or amount.
    The numbers of a list right before it and "en"/"of" between them do not count as words:
    in "Cliëntnummers: 4410285, 5520391 en 6630417" each number stands after the label."""
    if _INSURER_BEFORE.search(before):
        return True
    lines = before.rsplit("\n", 2)
    line = lines[-1]
    if not line.strip() and len(lines) > 1:
        # a form puts the value under its label: "Dossiernummer:\n4471093"; only the word
        # that ends the line above may be the label
        line = " ".join(re.findall(r"[\w€./-]+", lines[-2])[-1:])
    if "(" in line:
        line = _BRACKETS_AFTER_NUMBER.sub(r"\1", line)
    words = re.findall(r"[\w€./-]+", line)
    while words and _LIST_FILLER.fullmatch(words[-1].rstrip(",;")):
        words.pop()
    for nearest, word in enumerate(reversed(words[-4:])):
        word = word.strip(".:#/-").lower()
        if word.startswith(NOT_LABEL_STARTS):
            return False
        if (
            word in LABEL_WORDS
            or word.endswith(("nummer", "nr", "number", "nummers", "nrs"))  # plural: round 10a
            or word.endswith("-id")  # "cliënt-ID", "zorg-id" (round 11c)
            # "Verzekering: Zilverzorg, 100298371": the number an insurer knows a client by
            or word.endswith(("verzekering", "verzekeraar"))
            # "clientcode HA-0192", "patiëntcode": a label word with "code" (round 15d)
            or (word.endswith("code") and word[:-4].rstrip("-") in LABEL_WORDS)
            or word.startswith(LABEL_STARTS)
            or word.endswith(("dossier", "kenmerk"))  # "zorgdossier 771233" (round 20)
            or word.rsplit("-", 1)[-1] in LABEL_WORDS  # "VIM-melding", "CJIB-nr"
            or word.rsplit("/", 1)[-1] in LABEL_WORDS  # "verzekeraar/polis" (round 24)
            # "CIZ-indicatie 2025-0041287" (round 21), right before the number only
            or (nearest == 0 and word.endswith(_CARE_RECORD_ENDS))
        ):
            return True
    return _number_label_further(words)


# Round 23 (addr23): small words that may stand between a label that ends in "nummer" or
# "nr" and its number, beyond the four words _after_label reads ("clientnummer bij de
# gemeente is 44718230").
# Round 25 (num25): also a person by title between label and number ("Cliëntnummer van mw.
# de Vries is 4471093"): the title and a name's particles (the name is the one other word).
_SMALL_WORDS_BEFORE_NUMBER = frozenset(
    """is was bij de het van in op voor ons onze zijn haar hun nog ook staat onder luidt
    mw mevr mevrouw dhr hr meneer heer der den ter ten""".split()  # noqa: SIM905
)
# Round 25 (num25): seven to ten digits right after a person's title stand for the person
# ("kun je mw. 4471093 even bellen"): a record number.
_TITLE_BEFORE_NUMBER = re.compile(r"(?<![\w-])(?i:mw|mevr|dhr|hr|mevrouw|meneer)\.?[ ]\Z")


def _number_label_further(words: list[str]) -> bool:
    """Whether a label that ends in "nummer" or "nr" stands among the last eight words, with
    only small words (_SMALL_WORDS_BEFORE_NUMBER) and at most one other word after it; not
    a label of a phone, a room or an amount (NOT_LABEL_STARTS)."""
    others = 0
    for word in reversed(words[-8:]):
        word = word.strip(".:#/-,;").lower()
        if word in _SMALL_WORDS_BEFORE_NUMBER:
            continue
        if word.startswith(NOT_LABEL_STARTS):
            return False
        if word.endswith(("nummer", "nr")):
            return True
        others += 1
        if others > 1:
            return False
    return False


def postcode_is_dose(text: str, start: int, letters: str) -> bool:
    """ "2850 IE insuline": the letters are a unit and nothing around it reads as an address."""
    if letters not in DOSE_LETTERS:
        return False
    window = text[max(0, start - 40) : start]
    return ADDRESS_CONTEXT.search(window) is None


# "tuinstraat 4, 1234 ab zwolle": a postcode in lower case right after an address. The
# postcode is looked for first (rare), then the street and number before it.
POSTCODE_LOWER = re.compile(r"(?<![\w])[1-9]\d{3}[ ]?[a-z]{2}(?![\w])")
STREET_NUMBER_BEFORE = re.compile(
    r"(?i:" + STREET_SUFFIX[3:-1] + r"|" + SHORT_STREET_WORDS + r")[ ]\d{1,5}[^\n\d]{0,12}?,?[ ]$"
)


def find_postcodes(text: str) -> Iterator[Candidate]:
    for m in POSTCODE_LOWER.finditer(text):
        if STREET_NUMBER_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            yield Candidate(m.start(), m.end(), "postcode", "Nederlandse postcode", PATTERN)
    for m in POSTCODE.finditer(text):
        if postcode_is_dose(text, m.start(), m.group(2)):
            continue
        yield Candidate(m.start(), m.end(), "postcode", "Nederlandse postcode", PATTERN)


# Words before "is" that say the number is no age ("Dit is 12", "Totaal is 40").
_NOT_SUBJECTS = frozenset(
    "dit dat het er wat dat die deze totaal alles er hier daar wie dan nu ook en".split()  # noqa: SIM905
)
# Words before "wordt 20" that say a measure changes, not an age.
_MEASURED_BY = (
    "dosis", "dosering", "score", "saturatie", "glucose", "gewicht", "aantal", "insuline",
)  # fmt: skip
# Qualifiers that belong to the age ("ruim 80"); a day or week before it does not.
_QUALIFIES = re.compile(
    r"(?i:ruim|bijna|ongeveer|circa|ca\.|rond|boven|inmiddels|net|pas|al|nu|nog(?!\smaar)|eind|begin"
    r"|midden|in\sde)\s(?!(?i:" + _AGE_MONTH + r"))"
)


def _months_subject(text: str, start: int) -> bool:
    """Whether "is nu 14 maanden" at ``start`` has a child or a name as its subject."""
    subject = AGE_MONTHS_IS_BEFORE.search(text, max(0, start - 40), start)
    if subject is None:
        return False
    name = subject.group("name")
    # after a capitalised word only with "nu", "pas" ...: "Noah is nu 14 maanden", but
    # "Wachttijd is 6 weken." or "Proeftijd is 2 maanden." is a duration
    return name is None or (
        subject.group("q") is not None
        and name.lower() not in _MONTHS_NOT_SUBJECTS
        and name.lower() not in _NOT_SUBJECTS
        and name.lower() not in MEASURE_WORDS
    )


def _age_start(m: re.Match[str]) -> int:
    """Where an age found by AGE_TURNS/AGE_TURNING starts: at "ruim" in "is ruim 80", at the
    number in "wordt volgende week 85"."""
    qualifier = m.group("q")
    return m.start("q") if qualifier and _QUALIFIES.match(qualifier) else m.start("n")


# What every match of AGE_ORDINAL holds (its group 1 or 2, in either branch, case as
# written): a digit right before "e", "ste" or "de". Rare, and found far faster than the
# scan, which tries each digit and each of eight letters.
_ORDINAL_NUMBER = re.compile(r"\d(?:e|ste|de)")
# What every match of AGE_CLAUSE holds: the last digit of its number, white space and the
# first word of its verb ("wordt", "werd", "zal", "gaat", "is", "was", "geworden").
_NUMBER_THEN_VERB = re.compile(r"\d\s+(?i:wordt|werd|zal|gaat|is|was|geworden)")


# What the units of AGE_WORDS open with ("jarig", "jarige", "jaar", "jr", "j.", "j" all
# open with "j"; "year", "years", "yr", "yrs"), and the verbs AGE_TURNS opens with.
_AGE_UNITS = ("j", "year", "yr")
_AGE_VERBS = ("wordt", "werd", "is", "was", "ben")


def _lower_case(text: str) -> str:
    """``text.lower()``: the string lower_text keeps for the text (the triggers asked for
    it already), or made anew where lower_text gives none."""
    lowered = lower_text(text)
    return text.lower() if lowered is None else lowered


# Round 23 (addr23): an age in brackets right after a date of birth on its line
# ("Geboortedatum: 12-03-1950 (74)", "Geb: 5 aug '38 (dus 87)", "geb. 1941 (nu 84)"). A
# qualifier of the age belongs to it, as in AGE_BRACKETS; "dus" (so) does not.
_AGE_AFTER_BIRTH_DATE = re.compile(
    r"[ ]?\((?:(?i:dus|thans)[ ])?((?:(?i:inmiddels|nu|bijna|ruim|ca\.|circa)[ ])?(\d{1,3}))"
    r"(?:[ ]?(?i:jaar|jr\.?|j\.?))?\)"
)
_BIRTH_DATE_BEFORE = re.compile(
    r"(?i:\bgeb\b|\bgeb\.|geboren|geboortedatum|\bborn\b|\bdob\b)[^\n]{0,30}?"
    r"(?:\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}"
    r"|\d{1,2}[ ][A-Za-z]{3,9}\.?[ ](?:'\d{2}|(?:19|20)\d{2})|(?:19|20)\d{2})\Z"
)


def _ages_after_birth_dates(text: str) -> Iterator[Candidate]:
    """An age in brackets right after a date of birth (see _AGE_AFTER_BIRTH_DATE)."""
    at = text.find("(")
    while at >= 0:
        m = _AGE_AFTER_BIRTH_DATE.match(text, at - 1 if at and text[at - 1] == " " else at)
        if m is not None and int(m.group(2)) <= 120:
            line_start = text.rfind("\n", 0, m.start()) + 1
            if _BIRTH_DATE_BEFORE.search(text, max(line_start, m.start() - 80), m.start()):
                yield Candidate(
                    m.start(1), m.end(1), "leeftijd", "leeftijd na een geboortedatum", PATTERN
                )
        at = text.find("(", at + 1)


def find_ages(text: str) -> Iterator[Candidate]:
    lowered = _lower_case(text)
    for m in AGE_IN_WORDS.finditer(text) if "jarige" in lowered else ():
        if not ANNIVERSARY_AFTER.match(text, m.end()):
            yield Candidate(m.start(), m.end(), "leeftijd", "leeftijd in woorden", PATTERN)
    if _ANY_DIGIT.search(text) is None:
        return  # every other age has a digit
    for m in AGE_BRACKETS.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if m.group(1) != m.group(2) and not QUALIFIED_BRACKET_BEFORE.search(before):
            continue  # "PDSS-SR (nu 18)", "score (nu 12)": a measure, not a person's age
        if m.group(1) == m.group(2) and text.startswith("!", m.end()):
            continue  # "(3!)" cried out needs a birthday word (AGE_EXCLAIMED); "(bijna 100!)"
        if _SCORE_WORD_END.search(before):
            continue  # "een verhoogde SDQ-score (22)": a score, not an age (round 23)
        if int(m.group(2)) <= 120 and PERSON_BEFORE.search(before):
            yield Candidate(
                *_groups_span(m), "leeftijd", "leeftijd tussen haakjes na een naam", PATTERN
            )
    if "geb" in lowered or "born" in lowered or "dob" in lowered:
        yield from _ages_after_birth_dates(text)
    # "84 jaar", "84jr", "61-jarige", "3 years": the number (up to three digits, perhaps
    # ",5", and a dash) before white space and the unit
    for m in _matches_at_words(AGE_WORDS, text, (), _AGE_UNITS, 6):
        if int(m.group(1)) > 120:
            continue
        jarige = "jarig" in m.group(0).lower()  # "de 61-jarige" is an age whatever comes before
        if jarige and ANNIVERSARY_AFTER.match(text, m.end()):
            continue  # "het 25-jarig jubileum", "een 40-jarig huwelijk"
        day = _DAY_DASH_BEFORE.search(text, max(0, m.start() - 3), m.start()) if jarige else None
        if (
            day is not None
            and int(day.group(1)) > int(m.group(1)) <= 12
            and m.group(0).lower().endswith("jarig")
        ):
            continue  # "ben 17-6 jarig": the day and the month of a birthday, where a range
            # of ages ("4-6 jarig") would rise (round 25)
        if (
            not jarige
            and DURATION_BEFORE.search(text[max(0, m.start() - 20) : m.start()])
            and not PERSON_COMMA_ABOUT.search(text, max(0, m.start() - 40), m.start())
        ):
            continue  # "sinds 3 jaar" is a duration, not an age
        if DURATION_AFTER.match(text[m.end() : m.end() + 20]):
            continue  # "40 jaar gerookt"
        if not jarige and AGE_BAND_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "vanaf 75 jaar", "65-74 jaar": a band, not a person's age
        yield Candidate(m.start(), m.end(), "leeftijd", "leeftijd in jaren", PATTERN)
    # "is 84", "wordt 90"; "91 geworden": two or three digits before white space
    for m in _matches_at_words(AGE_TURNS, text, _AGE_VERBS, ("geworden",), 3):
        if m.group("g"):
            if int(m.group("g")) <= 120:
                yield Candidate(
                    m.start("g"), m.end("g"), "leeftijd", "leeftijd: '90 geworden'", PATTERN
                )
            continue
        if int(m.group("n")) <= 120 and AGE_BECAME_AFTER.match(text, m.end("n")):
            # "die is 91 geworden": "geworden" makes it an age whoever the subject is
            yield Candidate(
                _age_start(m), m.end("n"), "leeftijd", "leeftijd: '90 geworden'", PATTERN
            )
            continue
        if m.group(0)[:3].lower() == "ben" and (
            int(m.group("n")) < 12 or AGE_BEN_NOT_AFTER.match(text, m.end("n"))
        ):
            continue  # "ik ben 1 van de 3 mantelzorgers": "ik ben" only with an adult's age
        subject = AGE_SUBJECT.search(text, max(0, m.start() - 30), m.start())
        if subject is not None and int(m.group("n")) <= 120:
            word = (subject.group("word") or subject.group("low") or "").lower()
            if word not in MEASURE_WORDS and word not in _NOT_SUBJECTS:
                yield Candidate(_age_start(m), m.end("n"), "leeftijd", "leeftijd: 'is 90'", PATTERN)
    for m in AGE_TURNING.finditer(text):
        before = text[max(0, m.start() - 25) : m.start()].lower()
        if int(m.group("n")) <= 120 and not any(word in before for word in _MEASURED_BY):
            start = _age_start(m)
            yield Candidate(start, m.end("n"), "leeftijd", "leeftijd: 'wordt 90'", PATTERN)
    for m in AGE_BETWEEN_COMMAS.finditer(text):
        group = 1 if m.group(1) else 2
        if int(re.findall(r"\d+", m.group(group))[-1]) <= 120:
            yield Candidate(
                *_groups_span(m, group), "leeftijd", "leeftijd: 'inmiddels 93'", PATTERN
            )
    for m in AGE_ORDINAL.finditer(text) if _ORDINAL_NUMBER.search(text) else ():
        group = 1 if m.group(1) else 2
        yield Candidate(*_groups_span(m, group), "leeftijd", "leeftijd: 'sinds zijn 16e'", PATTERN)
    for m in AGE_AFTER_NAME.finditer(text):
        if int(m.group(1)) <= 120:
            yield Candidate(*_groups_span(m), "leeftijd", "leeftijd na een naam", PATTERN)
    for m in AGE_INVERTED.finditer(text):
        if int(m.group(1)) <= 120:
            yield Candidate(*_groups_span(m), "leeftijd", "leeftijd: 'wordt hij 80'", PATTERN)
    for m in AGE_CLAUSE.finditer(text) if _NUMBER_THEN_VERB.search(text) else ():
        if int(m.group("n")) > 120 or (m.group("rel") and m.group("be")):
            continue
        if not any(
            word in text[max(0, m.start() - 25) : m.start()].lower() for word in _MEASURED_BY
        ):
            yield Candidate(
                m.start("n"), m.end("n"), "leeftijd", "leeftijd: 'dat ze 90 wordt'", PATTERN
            )
    for m in AGE_LABEL.finditer(text):
        yield Candidate(*_groups_span(m), "leeftijd", "na het woord leeftijd", PATTERN)
    for m in AGE_AFTER_DIE.finditer(text) if ", die " in text else ():
        if int(m.group(1)) <= 120:
            yield Candidate(*_groups_span(m), "leeftijd", "leeftijd: ', die is 72,'", PATTERN)
    for m in AGE_OF.finditer(text):
        relation = AGE_OF_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if relation is None:
            continue
        number = int(re.search(r"\d+", m.group(1)).group(0))  # type: ignore[union-attr]
        if number <= 120 and not (relation.group("adult") and number < 12):
            yield Candidate(*_groups_span(m), "leeftijd", "leeftijd: 'zoon van 9'", PATTERN)
    for m in AGE_ANSWER.finditer(text) if ("hoe oud" in lowered or "?\n" in text) else ():
        asker = (m.group("subject") or "").lower()
        if asker in MEASURE_WORDS or asker in _NOT_SUBJECTS:
            continue  # "Saturatie is 91 toch?", "Het is 4 toch?": a measure or a time
        if int(m.group("n")) <= 120:
            yield Candidate(m.start("n"), m.end("n"), "leeftijd", "antwoord op 'hoe oud'", PATTERN)
        for asked in ("asked", "other"):  # "is hij 22 of 23 nu?": both numbers asked
            if m.group(asked) and int(m.group(asked)) <= 120:
                start, end = m.start(asked), m.end(asked)
                yield Candidate(start, end, "leeftijd", "leeftijd in een vraag", PATTERN)
    for m in AGE_ANSWER_YOUNG.finditer(text) if "hoe oud" in lowered else ():
        yield Candidate(*_groups_span(m), "leeftijd", "antwoord op 'hoe oud'", PATTERN)
    for m in AGE_SEX_SHORT.finditer(text) if ("," in text or "/" in text) else ():
        if int(m.group(1)) <= 120:
            yield Candidate(*_groups_span(m), "leeftijd", "leeftijd na m/v", PATTERN)
    for m in AGE_CHILDREN.finditer(text):
        for hit in re.finditer(r"\d{1,2}", m.group(1)):
            start = m.start(1) + hit.start()
            yield Candidate(
                start, m.start(1) + hit.end(), "leeftijd", "leeftijden van kinderen", PATTERN
            )
    for m in AGE_BRACKET_AFTER_COMMA.finditer(text):
        if int(m.group(1)) <= 120:
            yield Candidate(*_groups_span(m), "leeftijd", "leeftijd tussen haakjes", PATTERN)
    has_unit = "mnd" in lowered or "maand" in lowered or "wk" in lowered or "weken" in lowered
    # "14 mnd", "5 weken", "2,5mnd": up to two digits and ",5" before the unit
    months = _matches_at_words(AGE_MONTHS, text, (), ("mnd", "maand", "weken", "wk"), 4)
    for m in months if has_unit else ():
        start = m.start(1)
        in_brackets = AGE_MONTHS_BRACKET_BEFORE.search(
            text, max(0, start - 40), start
        ) and AGE_MONTHS_BRACKET_END.match(text, m.end())  # not "(3 maanden huur, ...)"
        child = AGE_MONTHS_CHILD.search(text, max(0, start - 40), start) is not None
        if not (m.group("old") or in_brackets or child) and AGE_MONTHS_END.match(text, m.end()):
            child = _months_subject(text, start)  # "Noah is nu 14 maanden."
        if m.group("old") or in_brackets or child:
            yield Candidate(start, m.end(), "leeftijd", "leeftijd in maanden of weken", PATTERN)


# Where a street word ends right before a house number: the cheap first look for addresses.
STREET_WORDS = (
    "straat laan weg plein gracht kade singel dijk steeg pad dreef markt plantsoen baan ring "
    "wal haven erf hof park veld boulevard allee dam burcht poort kwartier hoven wijk "
    "promenade passage steenweg pleintje akker weide zoom einde vaart kanaal brink werf "
    "schans wetering straatje laantje steegje gaarde stede kaai "
    "wei dyk strjitte leane loane paad buorren feart wâl"
)
STREET_BEFORE_NUMBER = re.compile(r"(?i:" + word_alternation(STREET_WORDS) + r")(?=[ ]\d)")
# The same street word, asked for only where it must end: before a space and a digit.
_STREET_WORD_AT_END = re.compile(r"(?i:" + word_alternation(STREET_WORDS) + r")\Z")
_LONGEST_STREET_WORD = max(len(word) for word in STREET_WORDS.split())
# The street words by their last three letters (every street word has three or more), the
# longest first: the leftmost match of _STREET_WORD_AT_END is the longest word that ends there.
_STREET_WORDS_BY_END: dict[str, list[str]] = {}
for _word in sorted(STREET_WORDS.split(), key=len, reverse=True):
    _STREET_WORDS_BY_END.setdefault(_word[-3:], []).append(_word)
# A space with a letter before it and a digit after it ("straat 4"): the space first, which
# the regex engine finds fast, the letter checked behind it.
_GAP_BEFORE_NUMBER = re.compile(r"[ ](?<=[^\W\d_][ ])(?=\d)")


# Round 22 (addr22): the end of a word before a word that says a house number follows, after
# a space, a comma or "op" ("Kerkstraat nr. 12", "t/o 220", "Kerkstraat, nummer 12"): the
# street scans look back from there too.
# Round 23 (speed23): the match opens with the space or comma itself (consumed), so the
# regex engine skips in C to the next space or comma instead of entering the pattern at
# every position (3 ms at 5,000 characters before). Then a cheap look at the next character
# (what any match has there: the first letter of a number word, "h", "n" or "t" in either
# case, the "o" of "op", or the space after a comma), and only then the letter before and
# the whole number word from the gap, both behind that one character. The start of each
# match is the same: the position right after the letter. Consuming that one character
# loses no match, since a match needs a letter right before it, and a space or comma is none.
_GAP_BEFORE_NUMBER_WORD = re.compile(
    r"[ ,](?=[hHnNtTo ])(?<=[^\W\d_][ ,])(?<=(?=(?:[ ]|,[ ]|[ ]op[ ])"
    + HOUSE_NUMBER_WORD
    + r"[ ]?\d)[ ,])"
)
_NUMBER_WORD_PIECES = ("nr", "no.", "nummer", "t/o", "tegenover")  # all of HOUSE_NUMBER_WORD


def _gaps_before_number(text: str) -> list[int]:
    """The positions of the spaces between a letter and a digit, or a word that says a
    house number follows (``_GAP_BEFORE_NUMBER_WORD``)."""
    gaps = [gap.start() for gap in _GAP_BEFORE_NUMBER.finditer(text)]
    lowered = lower_case(text)
    if any(piece in lowered for piece in _NUMBER_WORD_PIECES):
        more = [gap.start() for gap in _GAP_BEFORE_NUMBER_WORD.finditer(text)]
        if more:
            gaps = sorted(gaps + more)
    return gaps


def _street_words(text: str, gaps: list[int]) -> Iterator[tuple[int, int]]:
    """Start and end of each match of STREET_BEFORE_NUMBER, found the other way round: from
    each letter, space and digit ("straat 4", ``gaps``) back to the street word, instead of
    trying the whole pattern at every position of the text. The word is looked up in the
    lower-case text: the match of ``_STREET_WORD_AT_END.search(text, end - longest, end)``,
    as that pattern ignores case (a text with one of _CASE_TRAPS still asks the pattern)."""
    lowered = lower_text(text)
    for end in gaps:
        if lowered is None:
            word = _STREET_WORD_AT_END.search(text, max(0, end - _LONGEST_STREET_WORD), end)
            if word is not None:
                yield word.start(), end
            continue
        for street in _STREET_WORDS_BY_END.get(lowered[end - 3 : end], ()):
            if len(street) <= end and lowered.startswith(street, end - len(street)):
                yield end - len(street), end
                break


def _address_matches(text: str, gaps: list[int]) -> Iterator[re.Match[str]]:
    """ADDRESS matches, looked for only just before a street word and its number."""
    last_end = -1
    for hit_start, hit_end in _street_words(text, gaps):
        if hit_end <= last_end:
            continue
        line_start = text.rfind("\n", 0, hit_start) + 1
        window = max(line_start, hit_start - 90)
        for m in ADDRESS.finditer(text, window, min(len(text), hit_end + 20)):
            if m.end(1) == hit_end and m.start(1) > last_end:
                last_end = m.end()
                yield m
                break


_ORDINAL_STREET = re.compile(r"[1-9]e")  # "2e Jan Steenstraat": "Tweede" in digits
# "op de hoek Molenstraat/Kerkweg", "kruising stationsweg / dorpsstraat": a corner of two
# streets is an address without a house number.
_CORNER_STREET = (
    r"(?:(?:[A-ZÀ-Þ][\w'\u2019-]*\.?|van|de|der|den|'t|ter|ten)[ ]){0,3}"
    r"(?:[A-ZÀ-Þa-zà-ÿ][\w'\u2019-]*?"
    + STREET_SUFFIX
    # round 22 (addr22): an adjective and a street word of its own ("Oude Dijk")
    + r"|(?:Nieuwe|Oude|Lange|Korte|Hoge|Lage|Grote|Kleine)[ ](?=[A-Z])(?i:"
    + STREET_SUFFIX[3:-1]
    + r"))"
    r"(?![\w-])"
)
ADDRESS_CORNER = re.compile(
    r"(?<![\w-])(?i:hoek|kruising|kruispunt)[ ](?:(?i:van[ ]de|van)[ ])?"
    r"(" + _CORNER_STREET + r"[ ]?/[ ]?" + _CORNER_STREET + r")"
)
# Round 22 (addr22): the house number before its street, "op nummer 14 van de Lindelaan",
# "huisnummer 3 in de Kerkstraat": the number word, the number, a preposition and an article,
# and a street with a street word (as in a corner of two streets). The span opens at the
# number ("nummer" opens measures, see the engine's _MEASURE_FIRST).
NUMBER_BEFORE_STREET = re.compile(
    r"(?<![\w-])(?i:huisnummer|nummer|nr\.?)[ ](\d{1,5}[A-Za-z]?[ ](?i:van|in|aan|op)[ ]"
    r"(?i:de|het)[ ]" + _CORNER_STREET + r")"
)
_NO_HOUSE_BEFORE = re.compile(r"(?i:kamer|bed|bus|lijn|tafel|kast|locker)[ ]\Z")
# Round 22 (addr22): a form's fields of an address on lines of their own: "Straat: Lindelaan",
# "Huisnummer: 7" (with "Straat: Lindelaan 7" the street scans find the whole).
FORM_ADDRESS_FIELD = re.compile(
    r"^[ \t]*(?:(?i:straat(?:naam)?)[ \t]*:[ \t]*"
    r"(?P<street>[A-ZÀ-Þ][\w'\u2019.-]*(?:[ ][\w'\u2019.-]+){0,4}?)"
    r"|(?i:huisnummer|huisnr\.?)[ \t]*:[ \t]*(?P<number>" + HOUSE_NUMBER + r"))[ \t]*$",
    re.MULTILINE,
)
# Round 22 (addr22): a street word that is a street's whole name, in lower case after a word
# of going or living and before a house number that ends the clause: "moet ik naar markt
# 12-3 bij mw de Graaf?", "woont op brink 4." ("op de markt 2 uur" has a unit after it).
LONE_STREET_WORD = re.compile(
    r"(?<![\w-])(?:naar|op|aan|bij|woont)[ ](?:de[ ])?"
    r"((?:markt|brink|dam|plein|haven|kade|wal|singel|gracht|dijk|vaart)[ ]" + HOUSE_NUMBER + r")"
    r"(?=[ ]?(?:[,.;:!?)]|\n|\Z)|[ ](?:bij|in|te)(?![\w-]))"
)
# Round 22 (addr22): the name of a private dwelling in quotes after a lower-case word for it:
# "boerderij 'De Hesselink'", "woonboot “De Zwaan”". The name is where the person lives (a
# capitalised "Zorgboerderij De Hoeve" or "Boerderij De Hoeve" is an organisation).
DWELLING_NAME = re.compile(
    r"(?<![\w-])(?:boerderij|woonboerderij|woonboot|woonark)[ ]['\u2018\u201c\"]"
    r"((?:(?:De|Het|'t)[ ])?[A-ZÀ-Þ][\w\u2019-]+(?:[ ][A-ZÀ-Þ][\w\u2019-]+)?)['\u2019\u201d\"]"
)
# The cheap first look for LONE_STREET_WORD: one of its street words before a space.
_LONE_STREET_PIECES = tuple(
    word + " "
    for word in "markt brink dam plein haven kade wal singel gracht dijk vaart".split()  # noqa: SIM905
)
# Round 22 (addr22): a street with a compass point joined by a hyphen: "Grotestraat-Noord 71",
# "Nijverheidsweg-Zuid 4" (the street scans look back from the number for a street word).
COMPASS_STREET = re.compile(
    r"(?<![\w.'-])((?:[A-ZÀ-Þ][\w'\u2019]*\.?[ ]){0,2}[A-ZÀ-Þ][\w'\u2019]*?(?i:"
    + STREET_SUFFIX[3:-1]
    + r")-(?:Noord|Zuid|Oost|West)(?:zijde)?)[ ]("
    + HOUSE_NUMBER
    + r")(?!\d|[,.:]\d)"
)
# Words that introduce an address and are no part of it ("Adres Kerkplein 2").
ADDRESS_LABELS = frozenset(
    """adres woonadres postadres bezoekadres huisadres correspondentieadres woont woonde
    nieuw oud verhuisd naar per flat appartement woning""".split()  # noqa: SIM905
)
AGE_AFTER_NUMBER = re.compile(r"\s?(?:-?jarige?\b|jaar\b|jr\b)", re.IGNORECASE)
# A unit after a number: a count or a measure, no house number ("2 uur", "3 keer", "5 mg").
QUANTITY_AFTER_NUMBER = re.compile(
    r"\s?(?:sec(?:onde|onden)?|min(?:uut|uten)?|uur|keer|dagen|weken|maanden|ml|mg|gram"
    r"|kg|cm|mm|graden|procent|druppels|tabletten|stuks)\b",
    re.IGNORECASE,
)
# Round 18c: more units that a street of the lower-case kind may not take before its
# number's end ("de oude weg 3 x", "lange dijk 5 km", "nieuwe laan 12 mnd geleden").
_MEASURE_AFTER_NUMBER = re.compile(
    r"\s?(?:x|km|m|meter|mnd|maand|dag|week|nacht|jaar|jr|j)\b", re.IGNORECASE
)


def _quantity_after(text: str, end: int) -> bool:
    """Whether a unit follows the number that ends at ``end``: then the number counts or
    measures something ("op de oude weg 3 keer gevallen"), it numbers no house."""
    return bool(QUANTITY_AFTER_NUMBER.match(text, end) or _MEASURE_AFTER_NUMBER.match(text, end))


def find_addresses(text: str, common: frozenset[str] = frozenset()) -> Iterator[Candidate]:
    """Street and house number. Leading words of the match that are no part of the street
    ("aan de", "Adres", "Woont") are dropped: lower-case words, and capitalised ordinary
    words (``common``) unless they open street names ("Burgemeester", "Sint", "Nieuwe")."""
    for m in ADDRESS_CORNER.finditer(text):  # no house number, so before the digit check
        yield Candidate(*_groups_span(m), "adres", "hoek van twee straten", STRONG)
    lowered = lower_case(text)
    for m in (
        FORM_ADDRESS_FIELD.finditer(text)
        if ("straat" in lowered and ":" in text) or ("huisn" in lowered)
        else ()
    ):
        group = "street" if m.group("street") else "number"
        yield Candidate(m.start(group), m.end(group), "adres", "veld van een adres", STRONG)
    if _ANY_DIGIT.search(text) is None:
        return
    gaps = _gaps_before_number(text)
    for m in (
        NUMBER_BEFORE_STREET.finditer(text) if ("nummer" in lowered or "nr" in lowered) else ()
    ):
        if _NO_HOUSE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "kamer nummer 3 in de Kerkstraat": a room, a bus, a line
        yield Candidate(m.start(1), m.end(1), "adres", "huisnummer voor de straat", STRONG)
    for m in _address_matches(text, gaps):
        start = m.start(1)
        words = m.group(1).split(" ")
        head = _street_head(words)
        start += sum(len(word) + 1 for word in words[:head])
        for word in words[head:-1]:
            lower = word.lower()
            if (word[0].isupper() or _ORDINAL_STREET.fullmatch(word)) and (
                lower not in ADDRESS_LABELS and (lower in STREET_TITLES or lower not in common)
            ):
                break
            start += len(word) + 1
        if AGE_AFTER_NUMBER.match(text, m.end(2)):
            continue  # "Dhr Bakker 84 jaar": an age after a name, no house number
        if (
            text[start].isupper() or text[start].isdigit()
        ):  # a street and its number beat a name that overlaps them
            yield Candidate(start, m.end(2), "adres", "straatnaam met huisnummer", STRONG)
    compass = ("-noord " in lowered or "-zuid " in lowered or "-oost " in lowered) or (
        "-west " in lowered or "zijde " in lowered
    )
    for m in DWELLING_NAME.finditer(text) if ("boerderij" in lowered or "woon" in lowered) else ():
        yield Candidate(m.start(1), m.end(1), "adres", "naam van een woning", STRONG)
    lone = any(word in lowered for word in _LONE_STREET_PIECES)
    for m in LONE_STREET_WORD.finditer(text) if lone else ():
        yield Candidate(m.start(1), m.end(1), "adres", "straatnaam met huisnummer", PATTERN)
    for m in COMPASS_STREET.finditer(text) if compass else ():
        yield Candidate(m.start(1), m.end(2), "adres", "straatnaam met huisnummer", STRONG)
    for m in ADDRESS_LAAN_VAN.finditer(text):
        if " naar " in m.group(1) and (
            _quantity_after(text, m.end(2))
            or _PARTICLE_BEFORE_WORD.search(text, max(0, m.start() - 5), m.start())
        ):
            continue  # "Weg naar Zwolle 3 uur": a way and a time; "van 't Hof naar": a name
        yield Candidate(m.start(1), m.end(2), "adres", "straatnaam met huisnummer", STRONG)
    for m in _address_lower_matches(text, gaps):
        if (
            m.group(1) not in common
            and not _quantity_after(text, m.end(2))
            and _NOT_LOWER_STREET_END.search(m.group(1)) is None
        ):
            yield Candidate(m.start(1), m.end(2), "adres", "straatnaam met huisnummer", PATTERN)
    yield from _short_street_addresses(text)
    yield from _mistyped_street_addresses(text)
    yield from _streets_before_postcode(text)


# A street with no street word, its house number and a postcode right after it:
# "Skûtsjestrjitte 9, 8701 PR Bolsward", "Laat 140, 1811 EK", "Kanaaldijk N.W. 31, 5707
# LB". The postcode says an address is meant, whatever the street's name (a common word, a
# Frisian street word, a compass point after it).
STREET_BEFORE_POSTCODE = re.compile(
    r"(?<![\w.'\u2019-])((?:(?i:" + word_alternation(STREET_NAME_TITLES) + r")[ ])?"
    r"[A-ZÀ-Þ][\w'\u2019-]{2,}(?:[ ][A-Z]\.(?:[A-Z]\.)?)?)[ ](" + HOUSE_NUMBER + r"),?[ ]+"
    r"[1-9]\d{3}[ ]?(?!SA\b|SD\b|SS\b)[A-Z]{2}(?![\w])"
)
_NOT_STREETS_BEFORE_POSTCODE = frozenset({"postbus", "antwoordnummer", "bus"}) | ADDRESS_LABELS
# What STREET_BEFORE_POSTCODE is built of: a postcode's shape (its start), the widest house
# number, the characters of its street, the spaces its street can hold (after a title of
# one or more words, and before the initials), and the place where its look-behind holds.
_POSTCODE_SHAPE = re.compile(r"[1-9]\d{3}[ ]?[A-Z]{2}(?![\w])")
_HOUSE_NUMBER_WIDTH = int(_re_parser.parse(HOUSE_NUMBER).getwidth()[1])
_STREET_BEFORE_POSTCODE_CHAR = re.compile(r"[\w.'\u2019-]")
_STREET_BEFORE_POSTCODE_SPACES = 2 + max(title.count("_") for title in STREET_NAME_TITLES.split())
_STREET_BEFORE_POSTCODE_START = re.compile(r"(?<![\w.'\u2019-])")


def _street_before_postcode_matches(text: str) -> Iterator[re.Match[str]]:
    """``STREET_BEFORE_POSTCODE.finditer(text)``, the pattern matched only where a match can
    start. Every match ends in a postcode after spaces and perhaps a comma, before them a
    house number (at most _HOUSE_NUMBER_WIDTH characters) after a space; before that space
    its street, made of word characters, "." and apostrophes with at most
    _STREET_BEFORE_POSTCODE_SPACES spaces. The pattern is tried there, where its
    look-behind holds."""
    starts: set[int] = set()
    gaps: set[int] = set()  # postcodes close together share gaps: each is looked at once
    inside, opens = _STREET_BEFORE_POSTCODE_CHAR.match, _STREET_BEFORE_POSTCODE_START.match
    for code in _POSTCODE_SHAPE.finditer(text):
        end = code.start()
        while end > 0 and text[end - 1] == " ":
            end -= 1
        if end == code.start():
            continue  # no space before the postcode
        if end > 0 and text[end - 1] == ",":
            end -= 1
        for gap in range(max(0, end - 1 - _HOUSE_NUMBER_WIDTH), end - 1):
            if text[gap] != " " or gap in gaps or _ANY_DIGIT.match(text, gap + 1) is None:
                continue
            gaps.add(gap)
            start, spaces = gap, 0
            while start > 0 and (text[start - 1] == " " or inside(text, start - 1)):
                spaces += text[start - 1] == " "
                if spaces > _STREET_BEFORE_POSTCODE_SPACES:
                    break
                start -= 1
            starts.update(at for at in range(start, gap) if opens(text, at))
    return _starts_in_order(STREET_BEFORE_POSTCODE, text, starts)


def _streets_before_postcode(text: str) -> Iterator[Candidate]:
    """A street and house number before a postcode (STREET_BEFORE_POSTCODE), not a post
    box or a word that introduces the address ("Adres 12, ..." never reads so)."""
    if POSTCODE.search(text) is None:
        return
    for m in _street_before_postcode_matches(text):
        if m.group(1).split(" ")[-1].lower() in _NOT_STREETS_BEFORE_POSTCODE:
            continue
        yield Candidate(
            m.start(1), m.end(2), "adres", "straat en huisnummer voor een postcode", STRONG
        )


def _short_street_addresses(text: str) -> Iterator[Candidate]:
    """ "dorpsstr 8", "de ruyterstr 4": a street word shortened ("str", "ln", "wg") and a
    house number; "de" after a preposition is no part of the street."""
    if SHORT_STREET_BEFORE_NUMBER.search(text) is None:
        return  # the cheap first look: a shortened street word, a space and a digit
    for m in ADDRESS_SHORT_STREET.finditer(text):
        start = m.start(1)
        if m.group(1)[:3].lower() == "de ":
            before = text[max(0, start - 8) : start].split()
            if before and before[-1].lower() in PREPOSITIONS_BEFORE_STREET:
                start += 3
        yield Candidate(start, m.end(2), "adres", "straatnaam met huisnummer", PATTERN)


# Round 18c: "op kerkstaat 14", "ga naar hoofdstaat 12", "bij Kerkstrat 9": a street whose
# street word "straat" is mistyped (a letter left out or doubled), joined to a name of three
# letters or more, and a house number. Only right after a preposition of place or "woont"
# (perhaps with "de"): "staat" also ends verbs ("als hij opstaat 2x"), which follow no such
# word.
MISTYPED_STREET_WORD = r"(?:staat|strat|sraat|traat|straaat|starat)"
ADDRESS_MISTYPED_STREET = re.compile(
    r"(?<![\w-])(?i:op|aan|naar|bij|langs|via|woont|woonachtig)(?:[ ](?i:de))?[ ]"
    r"([A-Za-zà-ÿ][a-zà-ÿ'-]{2,}(?<!-)" + MISTYPED_STREET_WORD + r")"
    r"[ ](" + HOUSE_NUMBER + r")(?!\d|[,.:]\d)"
)
_MISTYPED_STREET_BEFORE_NUMBER = re.compile(MISTYPED_STREET_WORD + r"[ ]\d")


def _mistyped_street_addresses(text: str) -> Iterator[Candidate]:
    """ "op kerkstaat 14": a street with its street word mistyped, after a preposition
    (``ADDRESS_MISTYPED_STREET``); a chat's typo should not let the address through."""
    if _MISTYPED_STREET_BEFORE_NUMBER.search(text) is None:
        return  # the cheap first look: a mistyped street word, a space and a digit
    for m in ADDRESS_MISTYPED_STREET.finditer(text):
        if not _quantity_after(text, m.end(2)):
            yield Candidate(m.start(1), m.end(2), "adres", "straatnaam met huisnummer", PATTERN)


def _street_head(words: list[str]) -> int:
    """How many leading words of an ADDRESS match belong before the street: up to a word
    that ends a sentence ("Anker. Meester J. de Vriesstraat 5": not an initial or a title
    such as "Dr."), and the words before a title that opens the street ("Huisbezoek
    Burgemeester Robijnstraat 4")."""
    head = 0
    for index, word in enumerate(words[:-1]):
        lower = word.lower()
        if word.endswith(".") and len(word) > 5 and lower not in STREET_TITLES:
            head = index + 1
        elif (
            index > head
            and word[:1].isupper()
            and lower in STREET_TITLES
            and words[index - 1].lower() not in STREET_TITLES
            and words[index - 1][:1].isupper()
        ):
            head = index
    return head


def _matches_at_words(
    scan: Any,
    text: str,
    words: tuple[str, ...],
    units: tuple[str, ...] = (),
    reach: int = 0,
) -> Iterator[re.Match[str]]:
    r"""What ``scan.finditer(text)`` gives, for a scan (a :class:`Gated`) each match of
    which is not empty and opens with one of ``words`` (lower case; the scan ignores case
    there), or with a number of at most ``reach`` characters that ends where the white
    space (perhaps none) right before one of ``units`` begins ("84 jaar", "12  maart").
    Its gated pattern is matched only at those places, found by str.find in the text in
    lower case, from left to right, past the end of the last match, as finditer goes.

    The lower-case text has each character where the text has it, and a character whose
    lower case is no ASCII letter matches none when case is ignored, but for the four that
    ``lower_text`` looks for (then, as the scan's trigger does, this falls back to the scan).
    So a match starts only where one of the words stands. The number holds no white space,
    so the white space after it is all the white space before the unit (``isspace`` is the
    class ``\s`` of a str pattern), and the number starts ``reach`` or fewer characters
    before that."""
    lowered = lower_text(text)
    if lowered is None or len(lowered) != len(text):
        yield from scan.finditer(text)
        return
    starts = _word_starts(lowered, words)
    for at in _word_starts(lowered, units):
        while at > 0 and text[at - 1].isspace():
            at -= 1
        starts.update(range(max(0, at - reach), at))
    yield from _starts_in_order(scan.plain, text, starts)


def _word_starts(lowered: str, words: tuple[str, ...]) -> set[int]:
    """Where each of ``words`` stands in ``lowered`` (also inside other words)."""
    starts: set[int] = set()
    for word in words:
        at = lowered.find(word)
        while at != -1:
            starts.add(at)
            at = lowered.find(word, at + 1)
    return starts


# What each month name of MONTHS opens with, in lower case.
_MONTH_OPENINGS = (
    "jan", "feb", "maart", "mrt", "march", "apr", "mei", "may", "jun", "jul", "aug", "sep",
    "okt", "oct", "nov", "dec",
)  # fmt: skip


# The pieces ANY_MONTH is made of: one of them in the lower-case text, or a match of
# ANY_MONTH (ignoring case), is the same.
_ANY_MONTH_PIECES = (
    "jan", "feb", "maart", "mrt", "mar", "may", "apr", "mei", "jun", "jul", "aug", "sep", "okt",
    "oct", "nov", "dec",
)  # fmt: skip


def _has_month(text: str) -> bool:
    """Whether ANY_MONTH finds a month in the text; by ``in`` on the lower-case text where
    lower_text gives it (see _matches_at_words)."""
    lowered = lower_text(text)
    if lowered is None or len(lowered) != len(text):
        return ANY_MONTH.search(text) is not None
    return any(piece in lowered for piece in _ANY_MONTH_PIECES)


def find_dates(text: str) -> Iterator[Candidate]:
    has_digit = _ANY_DIGIT.search(text) is not None
    if _has_month(text):
        # a match opens with a month name ("maart 2024") or a day ("12 maart", "3de mei"):
        # one or two digits, perhaps "e", "ste" or "de", and white space before the month
        for m in _matches_at_words(DATE_WORDS, text, _MONTH_OPENINGS, _MONTH_OPENINGS, 5):
            end = _date_end_before_age(text, m.start(), m.end())
            yield Candidate(m.start(), end, "datum", "datum met maandnaam", PATTERN)
        for m in MONTH_ALONE.finditer(text):
            if MONTH_ALONE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                start = _with_part_of_time(text, m.start())
                yield Candidate(start, m.end(), "datum", "maand", PATTERN)
    if not has_digit:
        return
    for m in DATE_NUMBERS.finditer(text):
        day, month, year = int(m.group(1)), int(m.group(3)), m.group(4)
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        if year is None and not _short_date(text, m):
            continue
        yield Candidate(m.start(), m.end(), "datum", "datum in cijfers", PATTERN)
    for m in DATE_ISO.finditer(text):
        yield Candidate(m.start(), m.end(), "datum", "datum in cijfers", PATTERN)
    for m in DATE_ROMAN_MONTH.finditer(text) if _ROMAN_MONTH_MARK.search(text) else ():
        if not 1 <= int(m.group(1)) <= 31:
            continue
        # a year in two digits ("10-X-20") only after a word that makes it a date: "verband
        # 10-X-20 cm" is a size
        if len(m.group(2)) == 2 and not DATE_CONTEXT.search(
            text, max(0, m.start() - 20), m.start()
        ):
            continue
        yield Candidate(m.start(), m.end(), "datum", "datum met maand in Romeinse cijfers", PATTERN)
    for m in DATE_RANGE_START.finditer(text):
        if m.group(0).rstrip().endswith(" op") and not _NIGHT_FROM_BEFORE.search(
            text, max(0, m.start() - 12), m.start()
        ):
            continue  # "2 op 3 augustus" is a range only as "(de nacht) van 2 op 3 augustus"
        if 1 <= int(m.group(1)) <= 31:
            yield Candidate(*_groups_span(m), "datum", "eerste dag van een reeks", PATTERN)
    for m in YEAR.finditer(text):
        if not YEAR_EVENT_BEFORE.search(text, max(0, m.start() - 40), m.start()) and not (
            _YEAR_IT_WAS_BEFORE.search(text, max(0, m.start() - 12), m.start())
            and _YEAR_IT_WAS_AFTER.match(text, m.end())
        ):
            continue
        start = _with_part_of_time(text, m.start(1))
        yield Candidate(start, m.end(1), "datum", "jaar van een gebeurtenis of geboorte", PATTERN)
    for m in YEAR_SHORT.finditer(text) if ("'" in text or "\u2019" in text) else ():
        if YEAR_EVENT_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            yield Candidate(*_groups_span(m), "datum", "jaar in twee cijfers", PATTERN)


# The part of a month or year right before it: "eind april", "half maart", "zomer 2024" (a
# year in two digits keeps its own span, "begin '24" -> "'24", as round 11c chose).
_PART_OF_TIME_BEFORE = re.compile(
    r"(?<![\w-])(?i:eind|begin|half|medio|midden|halverwege|zomer|voorjaar|najaar|winter"
    r"|herfst|lente)[ ]\Z"
)


def _with_part_of_time(text: str, start: int) -> int:
    """Where a month or year found at ``start`` starts with the part of it written before it:
    at "eind" of "eind april", at "zomer" of "sinds zomer 2024" (the sets written blind in
    round 14 mark the word with the month; a set that marks the month alone still has it
    covered). Round 15d."""
    part = _PART_OF_TIME_BEFORE.search(text, max(0, start - 12), start)
    return start if part is None else part.start()


# A street named after a title and one or two capitalised words, without a street word,
# right before a number: "Sint Rémy 2-6", "Pater Damiaan 4-8" are house numbers, no dates.
TITLE_STREET_BEFORE = re.compile(
    r"(?<![\w-])(?i:"
    + word_alternation(TITLES_OF_STREET_WITHOUT_WORD)
    + r")[ ][A-ZÀ-Þ][\w'\u2019-]+(?:[ ][A-ZÀ-Þ][\w'\u2019-]+)?[ ]$"
)


# Round 23 (clean23): a verb of a measure that changed, "van" and a score, then "naar" and a
# score out of as many ("gedaald van 8/10 naar 3/10", "gestegen van 4/10 naar 7/10"); not
# "verplaatst van 8/10 naar 3/10", two days.
_MEASURE_CHANGE_BEFORE = re.compile(
    r"(?<![\w-])(?i:gedaald|gestegen|gezakt|verbeterd|verslechterd|toegenomen|afgenomen"
    r"|opgelopen|teruggelopen|teruggegaan|verlaagd|verhoogd|omhoog|omlaag)[ ]+van[ ]+$"
)
_MEASURE_CHANGE_AFTER = re.compile(r"[ ]+(?i:naar|tot)[ ]+\d{1,2}/(\d{1,2})(?!\d)")


_YEARS_AFTER_RANGE = re.compile(r"[ ]?(?i:jaar|jr|jarigen)\b")


def _short_date(text: str, m: re.Match[str]) -> bool:
    """Whether "12/3" or "4-11" (no year) is a date: yes, unless it reads as a score, a dose,
    an amount or a range ("pijn 5/10", "1/2 tablet", "4-5 uur", "24/7 bereikbaar")."""
    if m.group(2) == ".":
        return False  # "10.05 uur", "kamer 3.12"
    before = text[max(0, m.start() - 15) : m.start()]
    if ROOM_BEFORE.search(before):
        return False  # "kamer 12-04", "wagen 17-112": a room or a unit, not a date
    if m.group(2) == "-" and TITLE_STREET_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return False  # "Sint Rémy 2-6", "Pater Damiaan 4-8": house numbers of a street
    if m.group(2) == "/" and _MEASURE_CHANGE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        after = _MEASURE_CHANGE_AFTER.match(text, m.end())
        if after is not None and after.group(1) == m.group(3):
            return False  # round 23: "gedaald van 8/10 naar 3/10": a score that changed
    if _YEARS_AFTER_RANGE.match(text, m.end()):
        return False  # round 24: "kinderen van 4-12 jaar": an age band, even after "van"
    if DATE_CONTEXT.search(before):
        return True
    if SCORE_BEFORE.search(before) or SCORE_AFTER.match(text, m.end()):
        return False
    if EVENT_BEFORE.search(before):
        return True  # "opgenomen 4/5", "gezien 3/4": an event on a day
    day, month = int(m.group(1)), int(m.group(3))
    if m.group(1)[0] == "0" or m.group(3)[0] == "0":
        return True  # "02/03", "12/04": a fraction or score never has a leading zero
    # "1/2", "3/4", "5/10": fractions and scores out of 10 without a date word before them
    return not (m.group(2) == "/" and day < month and month in {2, 3, 4, 5, 10})


# Round 14b: national bodies by their own name (no kind word before them): "het UWV", "de
# IND", "eigen bijdrage via het CAK"; not joined to another word ("CIZ-indicatie") or before a
# number ("UWV 12345678": a client number). Not the SVB or the CJIB: the tuning sets' writers
# left those unmarked (as a kind of creditor or payer, "schuld bij het CJIB").
# Round 24 (inst24): the other national bodies, and the firms that every Dutch household deals
# with and that the sets' writers name bare as real organisations (energy, water, telecom,
# banks and lenders, public transport, mail, national shops and employers): "rekening bij
# Vitens", "achterstand bij Ziggo", "werkt bij PostNL", "spaarrekening bij Rabobank". Written
# as the firm writes itself (case counts: "gamma", "plus", "action", "flink" are words); a
# name that is also a word, a first name or a place ("Action", "Plus", "Dirk", "Hoogvliet",
# "Blokker", "Otto", "NS") is left out, and so are the IGJ, the SVB and the CJIB (the sets'
# writers leave them unmarked as often as not). Not after "@" or "." nor before "." and a
# letter ("@ziggo.nl", "www.vitens.nl").
NATIONAL_FIRM_NAMES = """RDW CBR KvK Justis NVWA Kamer_van_Koophandel Nibud
    CZ VGZ Menzis DSW ONVZ FBTO Interpolis OHRA Univé Ditzo Anderzorg IZA Zorg_en_Zekerheid
    Zilveren_Kruis Achmea
    Essent Eneco Vattenfall Greenchoice Engie Budget_Energie Vitens Evides Dunea Brabant_Water
    Waternet Oasen Stedin Liander Enexis
    KPN Vodafone Ziggo Odido T-Mobile Tele2 Simyo Lebara
    Rabobank ABN_AMRO ING SNS ASN_Bank Triodos Knab Klarna Afterpay Riverty Intrum Lowell
    Wehkamp Santander
    Connexxion Arriva Qbuzz Keolis Valys PostNL DHL
    Albert_Heijn Jumbo Lidl Aldi HEMA Kruidvat Etos Coolblue Bol.com IKEA Primark Zeeman Wibra
    Xenos Karwei Hornbach Intratuin MediaMarkt Thuisbezorgd Picnic Vomar DekaMarkt
    Philips Heineken Grolsch ASML Randstad Tempo-Team"""
# The national shops also in lower case, as chats write them ("werkt bij de jumbo"): no
# Dutch word is spelled so.
NATIONAL_FIRM_NAMES += " albert_heijn jumbo lidl aldi hema kruidvat etos"
NATIONAL_BODY = re.compile(
    r"(?<![\w@./-])(?:UWV|CAK|CIZ|IND|DUO|Belastingdienst"
    r"|Raad[ ]voor[ ]de[ ]Kinderbescherming|Leger[ ]des[ ]Heils|"
    + word_alternation(NATIONAL_FIRM_NAMES)
    + r")(?![\w-]|[ ]?\d|\.[a-z])"
)


def find_institutions(
    text: str, institutions: Iterable[re.Match[str]] | None = None
) -> Iterator[Candidate]:
    """The organisations by their kind; ``institutions``: the matches of INSTITUTION in the
    text where the caller has them (the engine finds them from the places they can begin)."""
    for m in NATIONAL_BODY.finditer(text):
        yield Candidate(m.start(), m.end(), "instelling", "naam van een organisatie", LOOKUP)
    for m in INSTITUTION.finditer(text) if institutions is None else institutions:
        end = m.end()
        while text[end - 1] in ".,;:" and end > m.start():
            end -= 1
        yield Candidate(m.start(), end, "instelling", "naam van een organisatie", PATTERN)
    for m in (
        INSTITUTION_BEFORE_KIND.finditer(text) if _CAPITAL_KIND_OF_INSTITUTION.search(text) else ()
    ):
        yield Candidate(m.start(), m.end(), "instelling", "naam van een organisatie", PATTERN)
    for m in SCHOOL_LOWER.finditer(text):
        yield Candidate(m.start(), m.end(), "instelling", "naam van een school", PATTERN)
    for m in INSTITUTION_SHORT_KIND.finditer(text):
        if m.group(1).lower() in NOT_INSTITUTION_NAMES:
            continue
        if text[max(0, m.start() - 4) : m.start()].lower() == "ten ":
            continue  # "ten huize van"
        yield Candidate(m.start(), m.end(), "instelling", "naam van een zorginstelling", PATTERN)
    for m in INSTITUTION_SUFFIX.finditer(text):
        if m.group(0) not in GENERIC_INSTITUTIONS:
            yield Candidate(m.start(), m.end(), "instelling", "naam van een zorginstelling", LOOKUP)


# A letter of any alphabet (dotless i, s cedilla, l stroke ... too); a name part is
# letters with inner apostrophes ("D'Souza").
LETTER = r"[^\W\d_]"
NAME_PART = LETTER + r"(?:" + LETTER + r"|['\u2019](?=" + LETTER + r"))*"
NAME_PARTICLES = (
    r"(?i:van\s+der|van\s+den|van\s+de|van\s+het|van\s+'t|in\s+'t|op\s+den|op\s+de|op\s+'t"
    r"|uit\s+de|de\s+la|van|de|der|den|ter|ten|te|el|al|ait|ben|bin|abu|da|dos|du|del|di"
    r"|la|le|von|zur|'t|v\.d\.|vd)"
)
# Forms of address before a person's name, one list for every rule that needs them
# (engine._TITLES, _TITLE_INITIALS_NAME, _INITIALS_AFTER_PERSON, _ADDRESS_WORDS): the short
# ones, written with or without a full stop ("dhr.", "mw"), and the written-out ones.
SHORT_FORMS_OF_ADDRESS = "dhr mw mevr"
LONG_FORMS_OF_ADDRESS = "mevrouw meneer de_heer"
FORMS_OF_ADDRESS = SHORT_FORMS_OF_ADDRESS + " " + LONG_FORMS_OF_ADDRESS
# Forms of address that only quick notes and chats use ("mnr Oukili", "hr. Van Tuyl"), kept
# apart: "hr" counts only as "hr" or "Hr" (all capitals, "HR", is the personnel department).
NOTE_FORMS_OF_ADDRESS = "mnr mvr"
TITLE_NAME = re.compile(
    r"(?<!\w)(?:(?i:"
    + word_alternation(
        "dhr dhr. mw mw. mevr mevr. mevrouw meneer mijnheer de_heer mej mej. dr dr. drs drs. "
        "dokter arts huisarts mr mr. ir ir. ing ing. prof prof."
    )
    # "HA Oosterhuis": the abbreviation of "huisarts", in capitals only (no "ha ha")
    + r")|HA)\s+"
    # round 25: no second title as the name ("huisarts dr van dijk": the name is after "dr")
    r"(?!(?i:dhr|mw|mevr|mevrouw|meneer|dr|drs|dokter|huisarts|arts|prof|mr)\.?\s)"
    r"((?:[A-Za-z]\.\s?){0,4}(?:"
    + NAME_PARTICLES
    + r"\s+){0,3}"
    + NAME_PART
    + r"(?:-(?:"
    + NAME_PARTICLES
    + r"\s+)?"
    + NAME_PART
    + r")*)"
)
# Words for a person's relation or role, followed by a name: "dochter Marleen", "juf
# Marloes", "teamleider Johan Prins", "begeleider Rutger".
ROLE_WORDS = word_alternation(
    """zoon dochter broer zus moeder vader man vrouw echtgenoot echtgenote partner vriend
    vriendin schoonzoon schoondochter schoonmoeder schoonvader zwager schoonzus kleinzoon
    kleindochter nicht neef tante oom opa oma pleegmoeder pleegvader pleegzoon pleegdochter
    stiefvader stiefmoeder buurman buurvrouw collega fysio fysiotherapeut ergo ergotherapeut
    diëtist logopedist psycholoog psychiater arts verpleegkundige wijkverpleegkundige evv
    teamleider manager begeleider begeleidster mentor voogd bewindvoerder casemanager
    behandelaar consulent coach jeugdbeschermer gedragsdeskundige gedragswetenschapper
    orthopedagoog maatschappelijk_werker juf meester leerkracht stagiair stagiaire
    medewerker medewerkster cliënt client bewoner bewoonster patiënt patiënte pedicure
    kapper vrijwilliger vrijwilligster mantelzorger contactpersoon melder zorgcoördinator
    huisgenoot medebewoner medebewoonster kamergenoot poh so specialist cardioloog longarts
    geriater chirurg neuroloog kinderarts verloskundige tandarts apotheker dominee pastor
    pastoor imam tolk directeur zorgbemiddelaar planner coördinator cl cl. pat pat. pt pt.
    dhr dhr. mw mw. mevr mevr. mevrouw meneer"""
)
ROLE_NAME = re.compile(
    r"(?<![\w-])(?i:" + ROLE_WORDS + r")[ ]+"
    r"((?:[A-Z]\.[ ]?){0,4}(?:"
    + NAME_PARTICLES
    + r"[ ]+){0,3}"
    + NAME_PART
    + r"(?:(?<![^\W\d_][^\W\d_])(?<=[A-Z])\.)?)(?!-[a-z]|[\w'])"
)
# Initials standing alone for a person: "A.B.", "J.K." (not "N.B." or "P.S.").
INITIALS_ALONE = re.compile(r"(?<![\w.])([A-Z]\.(?:\s?[A-Z]\.){1,3})(?![\w.])")
NOT_INITIALS = frozenset(
    {"N.B.", "P.S.", "O.K.", "A.U.B.", "T.A.V.", "I.V.M.", "Z.S.M.", "D.W.Z.", "M.B.T.", "M.V.G.",
     "E.D.", "V.G.", "I.P.V.", "C.Q.", "E.A.", "O.A.", "A.S.", "S.V.P.", "B.V.", "N.V.", "U.A.",
     "T.Z.T.", "I.O.", "Z.O.Z.", "M.B.V.", "I.O.M.", "N.A.V.", "T.B.V.", "I.C.M.", "E.E.A.",
     "M.I.V.", "I.S.M.", "O.B.V.", "Z.I.", "P.W.", "A.D.", "N.V.T.", "T.O.V.", "M.N.", "D.D.",
     "O.V.V.", "Z.N.", "P.O.", "M.A.W.", "V.D.", "A.S.A.P.", "P.P.", "I.E.", "E.G.", "V.S.",
     "A.M.", "P.M.", "J.L.", "W.O.", "H.O.", "V.O.", "M.B.O.", "H.B.O.", "E.V.", "T.A."}
)  # fmt: skip
# Initials, also one and in lower case, for a person after a word such as "door" or "met":
# "overgedragen door S. aan ...", "gesprek met c.m. en ...".
# (The scan starts at the space, which the regex engine finds fast; the word before it is
# checked with INITIALS_WORD_BEFORE only where initials follow.)
INITIALS_AFTER_WORD = re.compile(
    r" ([A-Za-z]\.(?:[A-Za-z]\.){0,3})"
    r"(?![\w.]|[ ][A-Z]|[ ](?:aureus|coli|pneumoniae|epidermidis|pyogenes|faecalis)\b)"
)
# A capitalised word directly followed by an age in brackets: "Wessel (10)", "Noa (4)".
AGE_IN_BRACKETS = re.compile(r"\s\((?:[1-9]\d{0,2})(?:\)|,\s)")
NAME_BEFORE_AGE = re.compile(r"(?<![\w.-])(" + NAME_PART + r")$")
RELATION_NAME = re.compile(
    r"(?<![\w-])(?i:"
    + word_alternation(
        "zoon dochter broer zus moeder vader man vrouw partner fysio collega buurman buurvrouw "
        "kleinzoon kleindochter nicht neef tante oom"
    )
    + r")\s+([a-zà-ÿ][a-zà-ÿ-]+)"
)
# Frequent Dutch words that follow "mevrouw" or "dhr." but are no names.
NOT_NAMES = frozenset(
    """
    heeft had hebben is was waren zat zit woont woonde werd wordt worden kreeg krijgt gaat
    ging gaan komt kwam kwamen zelf gebeld meegenomen zegt zei wil wilde kan kon moet moest
    mag mocht zal zou ligt lag staat stond loopt liep voelt voelde slaapt sliep eet at drinkt
    dronk belde belt vertelt vertelde geeft gaf vraagt vroeg geeft wilde blijft bleef lijkt
    leek weet wist denkt dacht vindt vond maakt maakte neemt nam houdt hield reageert
    reageerde verblijft verbleef gebruikt gebruikte ontvangt ontving aangegeven opgenomen
    ontslagen overleden gevallen verhuisd vertrokken opgehaald gezien gesproken geweest
    en of de het een op in uit met naar bij van voor om te dat die dit deze zijn haar hem hij
    zij ze ook nog al niet geen wel erg veel weer dan als toen maar want dus vandaag morgen
    gisteren vannacht vanmiddag vanochtend vanavond dr arts huisarts mw dhr mevr meneer
    mevrouw mantelzorger zelfstandig alleen samen graag nu later eerst daarna patiënt
    patient cliënt client bewoner las leest keek kijkt zong zingt speelde speelt lachte lacht
    huilde huilt riep roept schreef schrijft hoorde hoort zag ziet wandelde wandelt rustte rust
    pastoor dominee pastor imam
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Names in lower case, as chats write them: "lisa de jong", "kwame van den berg",
# "w.j.m. van dam", "sanne nowak-kowalska"
LOWER_NAME = re.compile(
    r"(?<![\w.-])((?:[a-z]\.){1,4}[ ]?|[a-zà-ÿ]{2,}[ ])((?:(?:van|de|der|den|ter|ten|te|el|al"
    r"|ben|ait|in 't|op den|van 't|'t)[ ])*)"
    r"([a-zà-ÿ]{2,}(?:-(?:(?:van|de|der|den|ter|el)[ ])?[a-zà-ÿ]+)*)"
    r"(?![\w'])"
)
LOWER_PLACE = re.compile(
    r"(?<![\w-])(?:in|te|uit|naar|team|wijkteam)[ ]((?:'s-)?[a-zà-ÿ]{3,}(?:[- ][a-zà-ÿ]{2,})?)"
    r"(?![\w-])"
)
# "1611jv (bovenkarspel)", "1234 ab, zwolle": a lower-case word right after a postcode (the
# engine keeps it if deduce knows it as a place).
PLACE_AFTER_POSTCODE = re.compile(
    r"(?<![\w])[1-9]\d{3}[ ]?[A-Za-z]{2},?[ ]+\(?([a-zà-ÿ][a-zà-ÿ'-]{2,}(?:[- ][a-zà-ÿ]{2,})?)"
    r"(?![\w-])"
)
# Who writes in a chat: "sanne: ...", "[10:12] anouk: ...", "Kim (leefgroep): ...", "Fleur
# 21:05: ..." (the time after the name, round 15c: no house number)
# Round 25: a bullet before the name ("- sanne: ", "* ruud: ", "> joost: ") and an emoji
# or two between the name and the colon ("[09:12] ruud 👍: ").
SPEAKER = re.compile(
    r"(?:^|\n|\s{2,})(?:\[?\d{1,2}[:.]\d{2}\]?\s*(?:-\s*)?)?(?:[-*\u2022>][ \t]*)?("
    + NAME_PART
    + r")(?:\s\([^()\n]{1,25}\))?(?:[ ]\d{1,2}[:.]\d{2})?"
    r"(?:[ ]?[\u2600-\u27bf\U0001f300-\U0001faff][\ufe0f\U0001f3fb-\U0001f3ff]?){0,3}:\s",
    re.MULTILINE,
)


def has_health_terms(text: str) -> bool:
    return HEALTH_TERMS.search(text) is not None


# One part of a gate: a class or a character, alone or inside "(?i:...)", or "\\d".
_GATE_PART = re.compile(r"(?:(\(\?i:)(?:\[([^\]]+)\]|(\w))\)|\[([^\]]+)\]|(\w))|\\d")
# Characters that ignoring case ties to an ASCII letter besides its two cases.
_CASE_EXTRAS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _plain_class(first: str, ignore_case: bool) -> str | None:
    """``first`` (classes and ``\\d`` joined by "|", some inside "(?i:...)") written as one
    class with both cases of each letter spelled out; None where it cannot be."""
    chars: set[str] = set()
    digits = False
    for part in first.split("|"):
        m = _GATE_PART.fullmatch(part)
        if m is None:
            return None
        if m.group(0) == "\\d":
            digits = True
            continue
        body = next(group for group in m.groups()[1:] if group is not None)
        fold = ignore_case or m.group(1) is not None
        index = 0
        while index < len(body):
            if body.startswith("\\d", index):
                digits, index = True, index + 2
                continue
            if body[index] == "\\":
                return None
            low = high = body[index]
            if body[index + 1 : index + 2] == "-" and index + 2 < len(body):
                high, index = body[index + 2], index + 3
            else:
                index += 1
            for code in range(ord(low), ord(high) + 1):
                char = chr(code)
                if fold and not char.isascii():
                    return None
                chars.add(char)
                if fold:
                    chars.update((char.lower(), char.upper(), *_CASE_EXTRAS.get(char.lower(), "")))
    return "[" + ("\\d" if digits else "") + "".join(re.escape(c) for c in sorted(chars)) + "]"


# -- Triggers: a scan is skipped where the text lacks every piece its pattern needs -------
# Read from the pattern itself (no rule declares anything): the literal pieces of which a
# match, or a look-ahead or look-behind that must hold around it, has to contain at least
# one ("dhr", "mevrouw", "de heer" ... for TITLE_NAME). The pieces are compared with the text
# in lower case. Only ASCII letters count: beyond ASCII, ignoring case ties a letter to
# others that lower case does not give. For the same reason a text with one of the four
# characters that ignoring case ties to an ASCII letter (_CASE_TRAPS) is always scanned.
_MAX_PIECES = 64  # more alternatives than this: no trigger for that part
_MIN_PIECE = 3  # pieces of one or two letters are in nearly every text: no use testing


def _pieces(nodes: Any) -> tuple[set[str] | None, set[str] | None]:
    """For a parsed pattern: the exact strings it can match (lower case; None if not a small
    finite set) and a set of pieces of which every match holds one (None if none known)."""
    run: set[str] = {""}  # the strings the literal run so far can be
    exact = True
    best: set[str] | None = None
    for op, value in nodes:
        whole, needed = _node_pieces(op, value)
        best = _better(best, needed)
        if whole is not None and len(run) * len(whole) <= _MAX_PIECES:
            run = {a + b for a in run for b in whole}
            continue
        best = _better(best, _needed(run))
        run, exact = whole if whole is not None else {""}, False
    best = _better(best, _needed(run))
    return (run if exact else None), best


def _node_pieces(op: Any, value: Any) -> tuple[set[str] | None, set[str] | None]:
    c = _re_constants
    if op is c.LITERAL:
        char = chr(value)
        return ({char.lower()} if char.isascii() else None), None
    if op is c.SUBPATTERN:
        return _pieces(value[-1])
    if op is c.BRANCH:
        wholes, needs = [], []
        for branch in value[1]:
            whole, needed = _pieces(branch)
            wholes.append(whole)
            needs.append(needed if needed is not None else _needed(whole))
        every = None
        if all(w is not None for w in wholes):
            every = set().union(*[w for w in wholes if w is not None])
        need = None
        if all(n is not None for n in needs):
            need = _minimal(set().union(*[n for n in needs if n is not None]))
        return (every if every is not None and len(every) <= _MAX_PIECES else None), need
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, nodes = value
        whole, needed = _pieces(nodes)
        if low == 0:
            return ((whole | {""}) if whole is not None and high == 1 else None), None
        return (whole if low == high == 1 else None), needed or _needed(whole)
    if op is c.ASSERT:  # what a look-ahead or look-behind needs stands in the text too
        whole, needed = _pieces(value[1])
        return {""}, needed or _needed(whole)
    if op in (c.AT, c.ASSERT_NOT):
        return {""}, None
    return None, None  # a class, a back reference, anything else: no piece known


def _minimal(pieces: set[str]) -> set[str]:
    """Without the pieces that hold a shorter one: where the longer stands, so does it."""
    kept: list[str] = []
    for piece in sorted(pieces, key=len):
        if not any(short in piece for short in kept):
            kept.append(piece)
    return set(kept)


def _needed(strings: set[str] | None) -> set[str] | None:
    if not strings or "" in strings:
        return None
    return _minimal(strings)


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more telling of two piece sets: the longer shortest piece, then the fewer."""
    if a is None or b is None:
        return a if b is None else b
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _leads(nodes: Any, limit: int = _MAX_PIECES) -> set[str] | None:
    """For a parsed pattern: strings (lower case) one of which every match starts with, read
    as :func:`_pieces` reads its exact strings; None where a match may start otherwise (or
    more than ``limit`` strings are needed)."""
    run: set[str] = {""}  # the strings the part read so far can be
    for op, value in nodes:
        whole, _ = _node_pieces(op, value)  # look-arounds are {""}: they take no text
        if whole is not None and len(run) * len(whole) <= limit:
            run = {a + b for a in run for b in whole}
            continue
        inner = _node_leads(op, value, limit)  # not known whole: how it starts, then stop
        if inner is not None and len(run) * len(inner) <= limit:
            run = {a + b for a in run for b in inner}
        break
    return None if not run or "" in run else run


def _node_leads(op: Any, value: Any, limit: int) -> set[str] | None:
    c = _re_constants
    if op is c.SUBPATTERN:
        return _leads(value[-1], limit)
    if op is c.BRANCH:
        every: set[str] = set()
        for branch in value[1]:
            leads = _leads(branch, limit)
            if leads is None:
                return None
            every |= leads
        return every
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and value[0] >= 1:
        return _leads(value[2], limit)
    return None


def lead_strings(pattern: re.Pattern[str], limit: int = _MAX_PIECES) -> tuple[str, ...] | None:
    """Strings (lower case) one of which every match of ``pattern`` starts with, none the
    start of another (where a longer one stands, so does the shorter); None where they are
    unknown, more than ``limit`` or as short as one character. (A larger ``limit`` serves
    the long word lists of engine._OpeningStarts, which are not looked for by _TRIGGERS.)"""
    try:
        leads = _leads(_re_parser.parse(pattern.pattern, pattern.flags), limit)
    except Exception:  # any pattern the parser does not take: no leads
        return None
    if not leads or len(leads) > limit or min(map(len, leads)) < 2:
        return None
    kept: list[str] = []
    for lead in sorted(leads, key=len):
        if not any(lead.startswith(short) for short in kept):
            kept.append(lead)
    return tuple(sorted(kept))


def _lead_starts(lowered: str, leads: frozenset[str]) -> list[int]:
    """Every position of ``lowered`` where one of ``leads`` stands, in order (the leads are
    pieces of _TRIGGERS: its one scan of the text found them). The leads that stand in the
    text come from one set intersection in C (most scans' leads stand nowhere in a short
    text), not from a look-up per lead; the list is the caller's to read, never to change
    (with one lead standing, it is the list of _TRIGGERS itself)."""
    last = _TRIGGERS._last  # the one-text copy, read in line as Gated._lower_or_absent does
    spots = last[2] if last[0] is lowered else _TRIGGERS.spots(lowered)
    standing = spots.keys() & leads
    if not standing:
        return []
    if len(standing) == 1:
        return spots[standing.pop()]
    starts: list[int] = []
    for lead in standing:
        starts += spots[lead]
    starts.sort()  # no two leads start at one position: none is the start of another
    return starts


def trigger_pieces(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The pieces (lower case) of which every match of ``pattern`` holds one: no piece in
    the lower-case text, no match. None where the pattern has no telling pieces (then it
    always scans)."""
    try:
        _, needed = _pieces(_re_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # any pattern the parser does not take: no trigger
        return None
    if not needed or len(needed) > _MAX_PIECES or min(map(len, needed)) < _MIN_PIECE:
        return None
    return frozenset(needed)


def trigger(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern to search the lower-case text with: no hit, no match of ``pattern``. None
    where the pattern has no telling pieces (then it always scans)."""
    needed = trigger_pieces(pattern)
    return None if needed is None else re.compile(_alternation(set(needed)))


class _TriggerScan:
    """The pieces of every scan's trigger and the lead strings of every scan (``Gated``),
    looked for in a text in one scan instead of one search per trigger or lead (some four
    hundred per text): where each of them stands in the lower-case text, kept for the last
    text (every scan of one text asks).

    The one pattern tries the pieces as a trie at every position, and reports the longest
    piece that starts there (each branch of the trie takes one character, and one that
    ends a piece tries to go on first). Every other piece that starts there is the start of
    that one, so each position lists exactly the pieces that stand there
    (tests/privacy/test_round14a_speed.py, test_round17d_speed.py)."""

    def __init__(self) -> None:
        self._pieces: set[str] = set()
        self._built: tuple[re.Pattern[str], dict[str, tuple[str, ...]]] | None = None
        self._last: tuple[str, frozenset[str], dict[str, list[int]]] = ("", frozenset(), {})

    def add(self, pieces: frozenset[str]) -> None:
        """Called as each scan is made (at import): the next text builds the pattern anew,
        and the pieces kept for the last text are no longer all it knows."""
        if not pieces <= self._pieces:
            self._pieces |= pieces
            self._built = None
            self._last = ("", frozenset(), {})

    def _pattern(self) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
        built = self._built
        if built is None:
            pieces = sorted(self._pieces)
            built = self._built = (
                re.compile("(?=(" + _alternation(self._pieces, longest=True) + "))"),
                {
                    piece: tuple(short for short in pieces if piece.startswith(short))
                    for piece in pieces
                },
            )
        return built

    def _scan(self, lowered: str) -> tuple[str, frozenset[str], dict[str, list[int]]]:
        last = self._last  # one tuple, read and written whole: safe between threads
        if last[0] is lowered:
            return last
        pattern, starts = self._pattern()
        spots: dict[str, list[int]] = {}
        for m in pattern.finditer(lowered):
            at = m.start()
            for piece in starts[m[1]]:
                found = spots.get(piece)
                if found is None:
                    spots[piece] = [at]
                else:
                    found.append(at)
        last = self._last = (lowered, frozenset(spots), spots)
        return last

    def present(self, lowered: str) -> frozenset[str]:
        """The pieces that stand in ``lowered`` (a text in lower case)."""
        return self._scan(lowered)[1]

    def spots(self, lowered: str) -> dict[str, list[int]]:
        """Where each piece stands in ``lowered``, in order (pieces that do not stand there
        are left out)."""
        return self._scan(lowered)[2]


_TRIGGERS = _TriggerScan()


def _alternation(pieces: set[str], longest: bool = False) -> str:
    """The pieces as one regex built as a trie (as :func:`word_alternation` does), which the
    regex engine tries far faster than the pieces one after the other. It matches the
    shortest piece that starts at a position, or with ``longest`` the longest."""
    trie: dict[str, Any] = {}
    for piece in pieces:
        node = trie
        for char in piece:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        if "" in node and not longest:
            return ""  # a whole piece ends here: what follows does not matter
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body  # a longer piece first

    return build(trie)


# capital I with a dot, dotless i, the Kelvin sign and the long s: ignoring case ties them
# to i, k and s, but their lower case is no "i", "k" or "s"
_CASE_TRAPS = "\u0130\u0131\u212a\u017f"
_lowered: list[tuple[str, str | None]] = [("", "")]


def lower_text(text: str) -> str | None:
    """The text in lower case, for the triggers (the last text's is kept: every scan of one
    text asks for it); None where a trigger cannot be trusted (see _CASE_TRAPS)."""
    last = _lowered[0]  # one tuple, read and written whole: safe between threads
    if last[0] is text:
        return last[1]
    lowered = None
    if text.isascii() or not any(trap in text for trap in _CASE_TRAPS):
        lowered = text.lower()
    _lowered[0] = (text, lowered)
    return lowered


def lower_case(text: str) -> str:
    """``text.lower()``, the copy :func:`lower_text` keeps where it keeps one (every finder
    of one text asks)."""
    lowered = lower_text(text)
    return text.lower() if lowered is None else lowered


# What Gated.finditer gives where no match can be: one spent iterator, shared (it holds
# nothing and stays spent).
_NO_MATCHES: Iterator[re.Match[str]] = iter(())


class Gated:
    """A whole-text pattern that finds the same matches as ``(?=first)pattern``, faster.

    Python's regex engine skips quickly, in C, over characters that cannot start a match
    only when a pattern opens with a plain character class; a look-behind or a look-ahead
    first (as most of ours have) makes it enter the pattern at every position. So the scan
    uses ``[first](?<=(?=gated pattern).)``: it opens with the class, and the look-behind
    steps back over that one character to assert the whole gated pattern there. Each hit is
    then matched once more with the gated pattern itself, so the match objects, their
    groups and the non-overlapping order of ``finditer`` are exactly those of the gated
    pattern. ``first`` must hold the first character of every match (as for a gate).

    Where the class takes lower-case letters, the scan still enters the pattern at most
    characters of a text. So if every match starts with one of a few strings of two or more
    characters (``leads``, read from the pattern: "hoek", "kruising" ...), the gated pattern
    is matched only where one of them stands in the lower-case text (found by the one scan
    of _TRIGGERS), in order, from the end of the last match on: the same matches as
    ``finditer``, as no match can start anywhere else."""

    __slots__ = (
        "_lead_set", "_needs", "_pieces", "_scan", "first", "flags", "lead", "lead_limit", "leads",
        "pattern", "plain",
    )  # fmt: skip

    def __init__(self, first: str, pattern: re.Pattern[str], lead_limit: int = _MAX_PIECES) -> None:
        self.first, self.flags = first, pattern.flags
        self.plain = re.compile("(?=" + first + ")(?:" + pattern.pattern + ")", pattern.flags)
        self.pattern = self.plain.pattern
        # the class the fast scan opens with; None: the gated pattern scans on its own
        self.lead = _plain_class(first, bool(pattern.flags & re.IGNORECASE))
        # no piece it needs in the text: no scan at all (all triggers in one scan: _TRIGGERS)
        self._pieces = trigger_pieces(pattern)
        self._needs = None if self._pieces is None else re.compile(_alternation(set(self._pieces)))
        if self._pieces is not None:
            _TRIGGERS.add(self._pieces)
        self._scan = None
        if self.lead is not None:
            self._scan = re.compile(
                "(?-i:" + self.lead + r")(?<=(?=" + self.pattern + r")[\s\S])", pattern.flags
            )
        # how many leads a scan may have (lead_strings' limit): more than this, no leads
        self.lead_limit = lead_limit
        self.leads = lead_strings(self.plain, lead_limit)
        self._lead_set = frozenset(self.leads or ())  # what _lead_starts intersects with
        if self.leads is not None:  # found by the one scan of _TRIGGERS too
            _TRIGGERS.add(self._lead_set)

    def _lower_or_absent(self, text: str) -> str | bool | None:
        """False where the text lacks every piece a match needs (see :func:`trigger`), else
        ``lower_text(text)`` where a lead may use it (None otherwise). The one-text copies
        of lower_text and _TRIGGERS are read here in line: the many scans of a short text
        each paid those calls in full."""
        if self._pieces is None and self.leads is None:
            return None
        last = _lowered[0]
        lowered = last[1] if last[0] is text else lower_text(text)
        if lowered is not None and self._pieces is not None:
            scan = _TRIGGERS._last
            if self._pieces.isdisjoint(
                scan[1] if scan[0] is lowered else _TRIGGERS.present(lowered)
            ):
                return False
        return lowered

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of the gated pattern, as its ``finditer`` gives them. Not a generator
        itself: where no match can be (no trigger piece, no lead in the text, some 37 of
        the 76 scans of a short text) it returns one shared, spent iterator at once, which
        spares making and entering a generator for nothing."""
        lowered = self._lower_or_absent(text)
        if lowered is False:
            return _NO_MATCHES
        if isinstance(lowered, str) and self.leads is not None:  # never empty: holds its lead
            starts = _lead_starts(lowered, self._lead_set)  # in order (as _starts_in_order)
            return self._matches_at(text, starts) if starts else _NO_MATCHES
        if self._scan is None:
            return self.plain.finditer(text)
        return self._scanned(text, self._scan)

    def _matches_at(self, text: str, starts: list[int]) -> Iterator[re.Match[str]]:
        """The gated pattern matched at each lead start in turn, from the end of the last
        match on."""
        match, position = self.plain.match, 0
        for start in starts:
            if start >= position and (m := match(text, start)) is not None:
                yield m
                position = m.end()

    def _scanned(self, text: str, scan: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The hits of the fast scan (``scan``), each matched once more with the gated
        pattern itself."""
        search, match, position = scan.search, self.plain.match, 0
        while (hit := search(text, position)) is not None:
            m = match(text, hit.start())
            if m is None:  # cannot happen: the scan asserted this very match
                return
            yield m
            if m.end() == m.start():
                # after an empty match finditer may still find a longer one at the same
                # place: the gated pattern goes on from there itself
                rest = self.plain.finditer(text, m.start())
                next(rest, None)
                yield from rest
                return
            position = m.end()

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        lowered = self._lower_or_absent(text)
        if lowered is False:
            return None
        if isinstance(lowered, str) and self.leads is not None:
            match = self.plain.match
            for start in _lead_starts(lowered, self._lead_set):
                if start >= pos and (m := match(text, start)) is not None:
                    return m
            return None
        if self._scan is None:
            return self.plain.search(text, pos)
        hit = self._scan.search(text, pos)
        return None if hit is None else self.plain.match(text, hit.start())


def gated(first: str, pattern: re.Pattern[str], lead_limit: int = _MAX_PIECES) -> Any:
    """``pattern`` for scanning whole texts, knowing that every match starts with a
    character of the class ``first``: a :class:`Gated`, which offers only ``finditer`` and
    ``search`` (what whole-text scans need). Typed ``Any`` so that the names below can keep
    their patterns' names."""
    return Gated(first, pattern, lead_limit)


# The whole-text scanners, each behind the first characters its matches can have (an
# inline "(?i:...)" where the pattern ignores case there).
IBAN = gated("[A-Z]", IBAN)
BSN = gated(r"\d", BSN)
PHONE = gated(r"[+0(1]", PHONE)
RECORD = gated("(?i:[pczeromabvklfdr])", RECORD)
BARE_NUMBER = gated(r"\d", BARE_NUMBER)
POSTCODE = gated("[1-9]", POSTCODE)
POSTCODE_LOWER = gated("[1-9]", POSTCODE_LOWER)
AGE_WORDS = gated(r"\d", AGE_WORDS)
AGE_TURNS = gated(r"(?i:[wib])|\d", AGE_TURNS)
AGE_TURNING = gated("(?i:w)", AGE_TURNING)
AGE_BETWEEN_COMMAS = gated("(?i:[mdhzcpbo])", AGE_BETWEEN_COMMAS)
AGE_ORDINAL = gated(r"\d|(?i:[svotrnb])", AGE_ORDINAL)
AGE_AFTER_NAME = gated("[A-Z]", AGE_AFTER_NAME)
AGE_INVERTED = gated("(?i:[wi])", AGE_INVERTED)
AGE_CLAUSE = gated("(?i:[doatnzhw])", AGE_CLAUSE)
AGE_LABEL = gated("[la]", AGE_LABEL)  # compiled ignoring case, as AGE_LABEL is
AGE_OF = gated("v", AGE_OF)
AGE_SEX_SHORT = gated("[mvMV]", AGE_SEX_SHORT)
AGE_CHILDREN = gated("(?i:[kzdjmtb])", AGE_CHILDREN)
AGE_ANSWER = gated("[A-Zhiwz]", AGE_ANSWER)  # "hoe oud", a verb, a subject (round 22)
AGE_AFTER_DIE = gated("(?i:[mdo])", AGE_AFTER_DIE)  # a title or "de heer", "opa", "oma"
ADDRESS_CORNER = gated("(?i:[hk])", ADDRESS_CORNER)
ADDRESS_LAAN_VAN = gated("[LWPKDSH]", ADDRESS_LAAN_VAN)
DATE_WORDS = gated(r"[\djfmasond]", DATE_WORDS)  # ignoring case, as DATE_WORDS does
MONTH_ALONE = gated("(?i:[jfmasond])", MONTH_ALONE)
DATE_NUMBERS = gated(r"\d", DATE_NUMBERS)
DATE_ISO = gated("[12]", DATE_ISO)
DATE_ROMAN_MONTH = gated(r"\d", DATE_ROMAN_MONTH)
# the look before DATE_ROMAN_MONTH: a Roman month right after a mark
_ROMAN_MONTH_MARK = re.compile("[-./][IVX]")
_ROMAN_DATE_SHAPE = re.compile(r"\d{1,2}-" + _ROMAN_MONTH + r"-(?:\d{4}|\d{2})")
DATE_RANGE_START = gated(r"\d", DATE_RANGE_START)
YEAR = gated("[12]", YEAR)
YEAR_SHORT = gated("['\u2019]", YEAR_SHORT)
AGE_MONTHS = gated(r"\d", AGE_MONTHS)
AGE_IN_WORDS = gated("[etdvzanhETDVZANH]", AGE_IN_WORDS)  # the first letters of the number words
INSTITUTION_BEFORE_KIND = gated("[A-ZÀ-Þ']", INSTITUTION_BEFORE_KIND)
NATIONAL_BODY = gated("[ABCDEGHIJKLMNOPQRSTUVWXZaehjkl]", NATIONAL_BODY)
SCHOOL_LOWER = gated("[ocsrpki]", SCHOOL_LOWER)
INSTITUTION_SHORT_KIND = gated("[zvhZVH]", INSTITUTION_SHORT_KIND)
INSTITUTION_SUFFIX = gated("[A-Z]", INSTITUTION_SUFFIX)
INSTITUTION_AFTER_CONTEXT = gated("(?i:[lwdabinvuoz])", INSTITUTION_AFTER_CONTEXT)
INSTITUTION_AFTER_STAY = gated("(?i:[dlsowgrf])", INSTITUTION_AFTER_STAY)
INSTITUTION_AFTER_VERB = gated("[bvindu]", INSTITUTION_AFTER_VERB)
INSTITUTION_AFTER_ROLE = gated("(?i:[abcghjkmprstvwz])", INSTITUTION_AFTER_ROLE)
TITLE_NAME = gated("(?i:[dmahip])", TITLE_NAME)
RELATION_NAME = gated("(?i:[zdbmvpfcknto])", RELATION_NAME)
INITIALS_ALONE = gated("[A-Z]", INITIALS_ALONE)
INITIALS_WORD_BEFORE = re.compile(r"(?<![\w-])(?i:door|aan|met|voor|via|namens|en|of)$")
LOWER_PLACE = gated("[itunw]", LOWER_PLACE)
PLACE_AFTER_POSTCODE = gated("[1-9]", PLACE_AFTER_POSTCODE)


# -- identifiers of kinds the patterns above miss (dev6, issue 16) ---------------------------

# A code with two or more letter groups before its digits: "IB-MIC-5521", "ZH-OK-20931".
CODE_LETTER_GROUPS = gated(
    "[A-Z]", re.compile(r"(?<![\w/.-])([A-Z]{1,5}(?:-[A-Z]{2,5}){1,2}-\d{3,10})(?![\w/-])")
)
# An identity document number, letters and digits mixed ("IRX7KL4P2"): two letters first,
# 8 to 10 characters, at least two digits and at least three letters.
DOCUMENT_NUMBER = gated("[A-Z]", re.compile(r"(?<![\w-])([A-Z]{2}[A-Z0-9]{6,8})(?![\w-])"))
# A number in groups with a space after a label: "pat.nr. GV 0882 193", "dossier 12 345 678".
# Round 24 (addr24): the last group may be one digit, a check digit ("ZK 4410 2291 7").
GROUPED_NUMBER = gated(
    r"\d", re.compile(r"(?<![\w-])(\d{2,5}(?:[ ]\d{2,5}){0,2}[ ]\d{1,5})(?![\w-])")
)
_PREFIX_BEFORE = re.compile(r"(?<![\w-])[A-Z]{1,4}[ ]\Z")  # "GV " before "0882 193"
_DIGITS_SPACED = re.compile(r"\d[ ]\d")
AGB_DASHED = re.compile(r"\bAGB(?:[- ]?code)?\s*[:#]?\s*(\d{2}[- ]\d{6})\b", re.IGNORECASE)
POSTBUS = re.compile(r"(?<![\w-])((?i:postbus|antwoordnummer)[ ]\d{1,6})(?![\w-])")
# After "Adres:" (or "Adres" without a colon) any capitalised street and a house number,
# also without a street ending ("Adres: It Heidenskip 5", "Woonadres: De Wieken 12").
ADDRESS_AFTER_LABEL = re.compile(
    r"(?<![\w-])(?i:woon|post|bezoek|huis)?(?i:adres)(?:[ ]?:[ ]*|[ ]+)"
    r"([A-ZÀ-Þ'][\w'\u2019.-]*"
    r"(?:[ ](?:[A-ZÀ-Þ][\w'\u2019.-]*|van|de|der|den|het|ter|ten|'t|op|aan)){0,4})"
    r"[ ](" + HOUSE_NUMBER + r")(?!\d|[,.:]\d)"
)


def find_more_identifiers(text: str) -> Iterator[Candidate]:
    """Record numbers, AGB codes and addresses in shapes the main scanners do not take."""
    if _ANY_DIGIT.search(text) is None:
        return
    for m in CODE_LETTER_GROUPS.finditer(text) if "-" in text else ():
        yield Candidate(m.start(1), m.end(1), "nummer", "code met letters en cijfers", PATTERN)
    for m in DOCUMENT_NUMBER.finditer(text):
        code = m.group(1)
        digits = sum(ch.isdigit() for ch in code)
        if digits >= 2 and len(code) - digits >= 3:  # letters and digits mixed
            yield Candidate(m.start(1), m.end(1), "nummer", "documentnummer", PATTERN)
    for m in GROUPED_NUMBER.finditer(text) if _DIGITS_SPACED.search(text) else ():
        start = m.start(1)
        prefix = _PREFIX_BEFORE.search(text, max(0, start - 5), start)
        if prefix is not None and _INSURER_CUED_BEFORE.search(text, max(0, start - 40), start):
            prefix = None  # "verzekerd bij ONVZ 4471 8823": the insurer stands apart (round 25)
        if prefix is not None:
            start = prefix.start()
        digits = sum(ch.isdigit() for ch in m.group(1))
        # "cliëntnr. TZ 55 812": a letter prefix makes five digits enough
        if (digits >= 6 or (prefix is not None and digits >= 5)) and (
            _after_label(text[max(0, start - 40) : start])
            # "ONVZ 4471 8823": an insurer's name as the prefix (round 25)
            or (prefix is not None and _INSURER_BEFORE.search(text, start, m.start(1)))
        ):
            yield Candidate(start, m.end(1), "nummer", "nummer na een label", PATTERN)
    lowered = lower_case(text)
    if "agb" in lowered:
        for m in AGB_DASHED.finditer(text):
            yield Candidate(*_groups_span(m), "agb", "AGB-code na het woord AGB", STRONG + 1)
    if "postbus" in lowered or "antwoordnummer" in lowered:
        for m in POSTBUS.finditer(text):
            yield Candidate(m.start(1), m.end(1), "adres", "postbus", STRONG)
    if "adres" in lowered:
        for m in ADDRESS_AFTER_LABEL.finditer(text):
            start = m.start(1)
            for word in m.group(1).split(" ")[:-1]:  # "Adres: Flat Laan van ...": no "Flat"
                if word.lower() not in ADDRESS_LABELS:
                    break
                start += len(word) + 1
            yield Candidate(start, m.end(2), "adres", "adres na 'Adres:'", STRONG)


# -- service numbers and words that only look like identifiers ---------------------------
# Information and service numbers: 0800 (free) and 0900/0906/0909 (paid) with 4 to 7 digits
# after them, in any grouping ("0900-1234 567", "0800 0123"). A text names the number of a
# helpline, a mechanic or a pharmacy this way; it identifies like any phone number.
SERVICE_PHONE = re.compile(
    r"(?<![\w+-])(0(?:800|90[069])(?:[ ]?[.-][ ]?|[ ])?\d(?:[ .-]?\d){3,6})(?![\d]|[.,-]\d)"
)
# Names of languages, from general knowledge (not from any set): "tolk Arabisch", "spreekt
# goed Engels", "in het Pools". Several are also surnames or first names in deduce's lists.
LANGUAGES = frozenset(
    """albanees amhaars arabisch armeens berbers bosnisch bulgaars chinees dari deens duits
    engels farsi fries frans georgisch grieks hebreeuws hindi hindoestaans hongaars
    indonesisch italiaans japans kantonees koerdisch koreaans kroatisch litouws lets
    macedonisch mandarijn marokkaans nederlands noors oekraïens oezbeeks papiaments pasjtoe
    perzisch pools portugees punjabi roemeens russisch sarnami servisch slowaaks sloveens
    somalisch spaans sranantongo swahili tamazight tamil tarifit thais tigrinya tsjechisch
    turks twi urdu vietnamees zweeds""".split()  # noqa: SIM905
)
# Words right before a language that say it is one: "tolk", "spreekt", "in het" ...
LANGUAGE_BEFORE = re.compile(
    r"(?<![\w-])(?i:tolk|tolken|taal|spreekt|spreken|sprak|verstaat|praat|praten|leest|schrijft"
    r"|het|goed|geen|alleen|vloeiend|beperkt|weinig|redelijk|gebrekkig|voertaal|moedertaal"
    r"|beetje|in)[ :]+$"
)
# Scores and measurements that a capitalised word names before "is"/"was" and a number:
# "Apgar was 9 en 10", "Katz-ADL is 4", "EMV was 14" are no ages.
SCORE_SUBJECT = re.compile(
    r"(?<![\w-])(?i:apgar(?:score)?|katz(?:-adl)?|adl|barthel|emv|gcs|mmse|moca|nrs|vas|bmi"
    r"|snaq|must|braden|norton|ews|mews|qsofa|cijfer|score|eindscore|totaalscore|hba1c|hb|crp"
    r"|glucose|saturatie|temperatuur|pols|gewicht|tensie|uitslag)"
    r"(?:\s+\w+)?\s+(?i:is|was|wordt|werd)\s+(?:\w+\s+)?$"
)
# A role word and one bare capital letter: "bewoner A", "cliënt B" stand for a person
# kept anonymous on purpose (an MDO list, an incident without names), not an initial.
ROLE_LETTER = re.compile(r"(?<![\w-])(?i:" + ROLE_WORDS + r")[ ]+([A-Z])(?![\w.'-])")


def find_service_numbers(text: str) -> Iterator[Candidate]:
    """0800 and 0900 numbers with the grouping the national formats allow."""
    if "080" not in text and "090" not in text:
        return
    for m in SERVICE_PHONE.finditer(text):
        yield Candidate(*_groups_span(m), "telefoon", "informatienummer (0800/0900)", STRONG)


# -- institutions by kind words the main list lacks ----------------------------------------
# Kind words for organisations the main list does not hold: GGZ and forensic care ("FPK De
# Zandhaven", "HIC Noordwijk", "Penitentiaire Inrichting Assen"), maternity care
# ("Verloskundigen Duinrand"), debt counselling and companies ("Kredietbank Salland",
# "Incassobureau Smit & Co", "Uitzendbureau Werkvast"), schools ("Daltonschool De Boog",
# "CSG Het Noorderlicht"), labs, municipal desks and youth services ("Meldpunt Zorg Oost",
# "Jeugdbescherming Noord"), respite and day care ("Logeerhuis De Kei", "Kortverblijf
# Oldenhof"). Lower case: they are matched ignoring case where a capitalised name follows.
MORE_INSTITUTION_KIND_WORDS = """fpk fpc hic pi tbs-kliniek penitentiaire_inrichting
    forensisch_centrum
    verloskundigen verloskundigenpraktijk kraambureau kraamcentrum huisartsen tandartsen
    fysiotherapeuten kredietbank incassobureau deurwaarderskantoor deurwaarder
    uitzendbureau kantoor advocatenkantoor notariskantoor adviesbureau csg ksg rsg osg
    laboratorium trombosedienst prikpost crisisdienst tolkendienst meldpunt jeugdpunt
    steunpunt vrijwilligerspunt informatiepunt servicepunt zorgloket wmo-loket
    jeugdbescherming logeerhuis gezinshuis kortverblijf kinderdagverblijf dagverblijf
    zorgteam thuiszorgteam woonbegeleiding boerderij dierenpark vakantiepark regiotaxi
    taxicentrale ergotherapie logopedie podotherapie oefentherapie bibliotheek parochie
    kerk moskee"""
# Services of municipalities, housing, justice and shelter, and teams: "Werkplein Maasland",
# "AZC De Kempenhof", "Opvanghuis De Overtoom", "Beschermd Wonen Het Baken", "Reclassering
# Oost", "Zorg- en Veiligheidshuis Zeeland", "Sociaal Team Rijssen", "Jeugd-GGZ Kompas".
MORE_INSTITUTION_KIND_WORDS += """ werkplein azc coa opvanghuis jongerenhuis beschermd_wonen
    reclassering veiligheidshuis zorgcentrale alarmcentrale sociaal_team gebiedsteam
    ouderenteam jeugd-_en_gezinsteam jeugd-ggz rechtbank gerechtshof thuisadministratie
    wooncorporatie woningbouwvereniging crisisopvang nachtopvang dagopvang vrouwenopvang
    daklozenopvang casemanagement_dementie"""
# Round 14b: a housing foundation, a second-hand shop, a regional sheltered-housing
# organisation: "woningstichting De Hoeve", "kringloop De Schuur", "RIBW Zuidrand".
MORE_INSTITUTION_KIND_WORDS += """ woningstichting kringloop ribw gasthuis"""
# Round 14b: trades before a firm's name: "Taxi Verhoef", "Bakkerij De Korenschoof",
# "Kapsalon Smulders" (an employer or a service; the engine drops first names and plain words).
MORE_INSTITUTION_KIND_WORDS += """ taxi bakkerij slagerij kapsalon"""
# Round 14b: sports clubs and scouting: "voetbalclub De Zwaluwen", "Sportvereniging Oranje
# Wit", "vv Nieuwland", "Scouting Paulus".
MORE_INSTITUTION_KIND_WORDS += """ voetbalclub voetbalvereniging sportclub sportvereniging
    tennisclub hockeyclub korfbalvereniging zwemvereniging scouting vv"""
# Round 15b: shops and trades, housing, care offices, refugee help, and the abbreviated
# youth-health, GP-post and palliative-volunteer services: "Audicien Hoorcomfort", "Kwekerij
# Jansen", "Hotel De Zwaan", "Woonbedrijf Maasdal", "Zorgkantoor Rijnmond", "Zorgthuis
# Veendam", "Vluchtelingenwerk Noord", "JGZ Salland", "HAP Zwolle", "VPTZ Betuwe".
MORE_INSTITUTION_KIND_WORDS += """ audicien kwekerij hotel woonbedrijf
    zorgkantoor zorgplein zorghuis zorgthuis vluchtelingenwerk jgz hap vptz"""
# Round 16c: the tax office and the municipal welfare service, in debt counselling:
# "Belastingdienst Toeslagen", "Sociale Dienst Drechtsteden" ("Scholengemeenschap" is in
# DESK_SCHOOL_HOSPITAL_KIND_WORDS already).
MORE_INSTITUTION_KIND_WORDS += """ belastingdienst sociale_dienst"""
# Round 16c: kinds of the other care settings the engine did not know: municipal teams and
# desks ("Toegangsteam Oost", "Stadsteam Noord", "Jongerenloket Delfland"), school networks
# ("Samenwerkingsverband Passend Onderwijs Eemland"), legal and money advice ("Sociaal
# Raadslieden Zaanstad", "Juridisch Loket Zwolle"), addiction care ("Methadonpost Centrum"),
# maternity ("Kraamhotel De Wieg"), GP care ("Gezondheidshuis De Horst") and associations.
MORE_INSTITUTION_KIND_WORDS += """ toegangsteam stadsteam dorpsteam ondersteuningsteam
    jongerenloket samenwerkingsverband sociaal_raadslieden juridisch_loket methadonpost
    kraamhotel gezondheidshuis vereniging"""
# Round 18b: day centres and child minding agencies ("Activiteitencentrum De Ruimte",
# "gastouderbureau Kleine Stap").
MORE_INSTITUTION_KIND_WORDS += """ activiteitencentrum gastouderbureau"""
# Round 23 (inst23): a bailiff and an energy supplier in debt counselling, their kind in
# lower case before the firm's own name ("beslag door gerechtsdeurwaarder Flanderijn",
# "achterstand bij energieleverancier Greenchoice").
MORE_INSTITUTION_KIND_WORDS += """ gerechtsdeurwaarder energieleverancier"""
# Round 25 (inst25): the police, the safety region and the fire brigade before their region
# ("Politie Zeeland-West-Brabant", "Veiligheidsregio Kennemerland", "Brandweer Twente").
MORE_INSTITUTION_KIND_WORDS += """ politie veiligheidsregio brandweer"""
# Round 25 (inst25): the youth and family centre without "voor" ("Centrum Jeugd en Gezin
# Zuidoost"; with "voor" it is in INSTITUTION_KIND_WORDS).
MORE_INSTITUTION_KIND_WORDS += """ centrum_jeugd_en_gezin centrum_jeugd_&_gezin"""
# Round 25 (inst25): meal services, client support and a church's deacons before their area
# ("Tafeltje Dekje Zuid", "Tafeltje-dekje Súdwest", "Cliëntondersteuning Noord-Oost",
# "Diaconie Overvecht").
MORE_INSTITUTION_KIND_WORDS += """ tafeltje_dekje tafeltje-dekje cliëntondersteuning diaconie"""
MORE_INSTITUTION_KINDS = word_alternation(MORE_INSTITUTION_KIND_WORDS)
# The same kind as the last part of a capitalised compound: "Montessorischool",
# "Havenbedrijf", "Consultatiebureau", "Bloedbank", "Notariskantoor".
# Round 14b: "-centrale", "-winkel", "-college" too ("Vrijwilligerscentrale Oosthoek",
# "Thuiszorgwinkel Dalmeer", "Zuiderlichtcollege Vught"); not a lecture ("Hoorcollege Anatomie").
# Round 15b: a service, an advice, a management or help desk, a buddy scheme ("Woonservice
# Tiel", "Voedingsadvies Dalland", "Budgetbeheer De Munt", "Slachtofferhulp Nederland",
# "Schuldhulpmaatje Betuwe"); not a company's own desk ("Klantenservice").
# Round 16c: a pharmacy of a kind ("Dienstapotheek Noord", "Stadsapotheek De Vijzel").
MORE_KIND_ENDING = (
    r"(?:school|bedrijf|bureau|bank|kantoor|centrale|winkel"
    r"|(?<![Hh]oor)(?<![Ww]erk)college|(?<![Kk]lanten)service|beheer|advies|hulp|maatje"
    r"|apotheek)"
)
MORE_KIND_COMPOUND = r"[A-Z][a-zà-ÿ]+" + MORE_KIND_ENDING
# An adjective that belongs to the name of a kind ("Hervormde Gemeente", "Ambulante
# Woonbegeleiding"), and "Fysio- en " before "Ergotherapie".
KIND_ADJECTIVE_WORD = (
    r"(?:Hervormde|Gereformeerde|Protestantse|Katholieke|Evangelische|Christelijke"
    r"|Islamitische|Openbare|Ambulante|Forensische|Psychiatrische|Regionale|Stedelijke"
    r"|Algemene|Academische|Sociale)"  # round 18b: "Sociale werkplaats Ergon"
)
_KIND_ADJECTIVE = (
    r"(?:" + KIND_ADJECTIVE_WORD + r"[ ]+"
    r"|[A-Z][a-zà-ÿ]+-[ ]en[ ]+"
    r"|(?:[A-Z][a-zà-ÿ]+isch[ ]+){1,2})?"  # "Agrarisch Opleidingscentrum"
)
# "Forensisch Psychiatrisch Centrum De Kreekrug": "Centrum" is a kind after such adjectives.
_ADJECTIVE_CENTRE = r"(?:[A-Z][a-zà-ÿ]+isch[ ]+){1,2}Centrum"
_INST_WORD = r"[A-ZÀ-Þ][\w'\u2019-]*"
_INST_WORD_END = r"(?![\w'\u2019-]|[ ]?\d)"  # the whole word, and no house number after it
# The name after the kind: an article, a capitalised preposition with an article ("Op de
# Geest"), further capitalised words, "van (de)" inside, "& Co" at the end.
_INST_NAME_HEAD = (
    r"(?:(?:[Dd]e|[Hh]et|'t|[Dd]en)[ ]+)?"
    r"(?:(?:Op|In|Aan|Bij|Onder|Over|Achter|Om)[ ]+(?:de|het|den|'t)[ ]+)?" + _INST_WORD
)
_INST_NAME_TAIL = (
    _INST_WORD_END
    + r"(?:[ ]+(?:"
    + _INST_WORD
    + _INST_WORD_END
    + r"|van(?:[ ]de[rn]?|[ ]het)?[ ]+"
    + _INST_WORD
    + r"|&[ ]+"
    + _INST_WORD
    + r")){0,3}"
)
# not ending in a capital: "Wondzorg H. Smit" is no organisation "H"
_INST_NAME = _INST_NAME_HEAD + r"(?<![A-ZÀ-Þ])" + _INST_NAME_TAIL
# Round 15b: after a capitalised kind an abbreviation may be the name ("Zorgkantoor DSW"),
# one capital still not
_INST_NAME_AFTER_KIND = _INST_NAME_HEAD + r"(?<!(?<![\w'\u2019-])[A-ZÀ-Þ])" + _INST_NAME_TAIL
# Scanned only from capitals (few in a text; a scan that may start at any letter costs
# about twice as much): the capitalised kinds. The lower-case kinds that go before a
# capitalised name have a scan of their own below.
MORE_INSTITUTION = gated(
    "[A-ZÀ-Þ]",
    re.compile(
        r"(?<![\w-])("
        + _KIND_ADJECTIVE
        + r"(?:(?i:"
        + MORE_INSTITUTION_KINDS
        + r")|"
        + INSTITUTION_KINDS
        + r"|"
        + MORE_KIND_COMPOUND
        + r"|"
        + _ADJECTIVE_CENTRE
        + r"))[ ]+("
        + _INST_NAME_AFTER_KIND
        + r")"
    ),
)
# Round 25 (inst25): a housing corporation or home whose own name opens with "Woon" and a
# capitalised name after it ("Woonpartners Zuidrand", "Woongoed Middelburg", "Woonhaven
# Dordrecht", "Woonzorglocatie De Esdoorn"), and "Wonen" before a region ("Wonen
# Limburg"). The engine drops plain compounds ("Woonkamer", "Woonadres", "Woonconsulent")
# and a person after them ("Woonbegeleider Jan").
WOON_COMPOUND_NAME = gated(
    "W",
    re.compile(r"(?<![\w-])(Woon[a-zà-ÿ]{3,}|Wonen)[ ]+(" + _INST_NAME + r")"),
)
WOON_PLAIN_COMPOUND_END = re.compile(
    r"(?:adres|achtig|achtige|consulent|kamer|plaats|situatie|ruimte|wijk|omgeving|boot"
    r"|lasten|kosten|begeleider|begeleidster|coach|unit|wagen|ark|toren|erf|wens|wensen"
    r"|geluk|toeslag|overlast|vergunning|training|vaardigheden|huis|ladder|wagenkamp)\Z"
)
# Round 25 (inst25): a church, clinic, hospital or school named after a saint, one compound
# ("de Sint-Jozefkerk", "Sint Maartenskliniek", "St. Bavoschool"): the saint belongs to it.
SAINT_COMPOUND_INSTITUTION = gated(
    "S",
    re.compile(
        r"(?<![\w-])(?:Sint|St\.?)[- ]?[A-ZÀ-Þ][a-zà-ÿ]+(?:kerk|kliniek|kapel|basiliek"
        r"|kathedraal|gasthuis|ziekenhuis|school|college|parochie)(?![\w-])"
    ),
)
# "via uitzendbureau Werkvast", "crisisdienst Lichtbaken": a lower-case kind word (it stays
# outside the span) and a capitalised name. The kinds: a part of MORE_INSTITUTION_KIND_WORDS
# (tests/privacy/test_cue_lists.py checks that), those that a lower-case description
# precedes a firm's own name with; the rest of that list stays out, as the rule was made.
LOWER_KIND_BEFORE_NAME_WORDS = """uitzendbureau incassobureau kredietbank crisisdienst
    meldpunt jeugdpunt jeugdbescherming logeerhuis gezinshuis kantoor steunpunt
    woningstichting kringloop rechtbank gerechtshof voetbalclub voetbalvereniging sportclub
    sportvereniging vv"""
# Round 18b: day care, housing and day centres, whose kind a writer puts in lower case
# before the own name and which belongs to it ("kinderdagverblijf De Boefjes",
# "woningbouwvereniging Rochdale", "activiteitencentrum De Ruimte").
_LOWER_KINDS_OF_DAY_CARE_AND_HOUSING = """kinderdagverblijf dagverblijf gastouderbureau
    activiteitencentrum woningbouwvereniging wooncorporatie"""
LOWER_KIND_BEFORE_NAME_WORDS += " " + _LOWER_KINDS_OF_DAY_CARE_AND_HOUSING
# Round 18b: shelters, whose kind describes the house and stays outside its name ("intake
# crisisopvang Kompassie", "nachtopvang De Haven").
LOWER_KIND_BEFORE_NAME_WORDS += """ crisisopvang nachtopvang vrouwenopvang daklozenopvang
    opvanghuis"""
LOWER_KIND_BEFORE_NAME_WORDS += " gerechtsdeurwaarder energieleverancier"  # round 23
# Round 14b: lower-case kinds of that list that stay in the span ("woningstichting De
# Hoeve", "kringloop De Schuur", "rechtbank Oost-Brabant", "voetbalclub De Zwaluwen").
LOWER_KIND_IN_NAME_WORDS = frozenset(
    """woningstichting kringloop rechtbank gerechtshof voetbalclub voetbalvereniging sportclub
    sportvereniging vv""".split()  # noqa: SIM905
) | frozenset(_LOWER_KINDS_OF_DAY_CARE_AND_HOUSING.split())
MORE_INSTITUTION_LOWER = gated(
    "[uikcmjlgswrvadnoe]",
    re.compile(
        r"(?<![\w-])("
        + word_alternation(LOWER_KIND_BEFORE_NAME_WORDS)
        + r")[ ]+("
        + _INST_NAME
        + r")"
    ),
)
# A name before "GGZ": "Lichtbaken GGZ", "naar Duinzicht GGZ".
# (Round 17b: each pattern below opens with the class of its first character and checks
# the character before it after that, "[A-ZÀ-Þ](?<![\w-].)": the same matches as a
# look-behind first, but the regex engine then skips in C to the next capital.)
NAME_BEFORE_GGZ = re.compile(r"([A-ZÀ-Þ](?<![\w-].)[a-zà-ÿ][\w'-]+[ ]GGZ)(?![\w-])")
# The kinds that LOWER_INSTITUTION takes in lower case: words of INSTITUTION_KIND_WORDS and
# MORE_INSTITUTION_KIND_WORDS (tests/privacy/test_cue_lists.py checks that), and "college",
# which neither holds (the capitalised scans would then take "College" before any name).
# Kept as a sub-list: taking every kind in lower case would change what the rule finds.
CHAT_INSTITUTION_KIND_WORDS = """apotheek zorgboerderij zorgpunt thuiszorg zorgcentrum
    woonzorgcentrum verpleeghuis verzorgingshuis ziekenhuis huisartsenpraktijk huisartsenpost
    kinderopvang dagbesteding woongroep hospice revalidatiecentrum gezondheidscentrum
    basisschool school obs cbs sbo kbs rkbs pcbs college logeerhuis gezinshuis
    kinderdagverblijf bso kdv"""
# Round 21 (inst21): a practice, a second-hand shop, a bakery, a supermarket and day care
# ("het is praktijk de linde", "naar kringloop de zwaluw", "dagopvang de klaproos").
CHAT_INSTITUTION_KIND_WORDS += " praktijk kringloop bakkerij supermarkt dagopvang"
# Round 25 (inst25): a care group, a home and a GGZ house ("zorggroep de linde", "tehuis de
# heggerank", "ggz het baken", "zorgcentrum de es").
CHAT_INSTITUTION_KIND_WORDS += " zorggroep ggz zorginstelling woonvoorziening zorglocatie"
# Lower case in chats: a kind word with no article before it and a name after it:
# "naar apotheek de linde", "thuiszorg het baken", "zorgpunt westkant", "woonzorgcentrum
# sint pieter", "cbs koning willem".
LOWER_INSTITUTION = gated(
    "[abcdghjkloprstvwz]",
    re.compile(
        r"(?<![\w-])((?:" + word_alternation(CHAT_INSTITUTION_KIND_WORDS) + r")[ ]+"
        r"(?:(?:de|het|'t|t)[ ]+([a-zà-ÿ]{3,})"
        r"|(?:sint|st\.|prins|prinses|koning|koningin|pater|dokter|dr\.)[ ]+[a-zà-ÿ]{3,}"
        r"|(?:noord|oost|zuid|west|centrum|noordkant|oostkant|zuidkant|westkant)))"
        r"(?![\w-]|[ ]?\d)"
    ),
)
# Round 23 (inst23): in chats a firm's own name in lower case before its kind in lower case
# ("ze is overgestapt naar careflow thuiszorg", "medicijnen via medimax apotheek"). Found
# from the kind, the word before it by BRAND_BEFORE_LOWER_KIND; the engine keeps only a
# word no list and no frequency knows ("de particuliere thuiszorg" is a kind of care).
LOWER_KIND_AFTER_BRAND = gated(
    "[tcakfz]",
    re.compile(
        r"(?<=[a-z0-9][ ])(?:thuiszorg|college|apotheek|kliniek|zorggroep|fysio"
        r"|fysiotherapie|kraamzorg)(?![\w'\u2019-])"
    ),
)
BRAND_BEFORE_LOWER_KIND = re.compile(r"(?<![\w'\u2019&./-])([a-z][a-z0-9]{3,})[ ]\Z")
# Round 22 (inst22): a practice's own name before its discipline, capitalised, as Dutch
# practices and firms name themselves ("Kenter Jeugdhulp", "Moleman Psychologie", "Sophia
# Revalidatie", "Bakker Logopedie"): one capitalised word, no house number after it. The
# engine drops adjectives and ordinary words before it ("Klinische Psychologie",
# "Geriatrische Revalidatie", "Specialistische Jeugdhulp" are kinds of care).
NAME_BEFORE_CARE_DISCIPLINE = gated(
    "[A-ZÀ-Þ]",
    re.compile(
        r"(?<![\w'\u2019&-])([A-ZÀ-Þ][\w'\u2019-]*[a-zà-ÿ])"
        r"[ ](Psychologie|Psychotherapie|Revalidatie|Jeugdhulp|Logopedie|Ergotherapie"
        r"|Kraamzorg|Podotherapie|Verloskunde|Mondzorg|Orthodontie|Diëtetiek)"
        r"(?![\w'\u2019-]|[ ]?\d)"
    ),
)
# Round 22 (inst22): a house's or club's name with a capitalised article after a lower-case
# compound of a club, society, house or centre ("in dorpshuis De Hoef", "bij zwemclub De
# Dolfijn", "tennisvereniging De Lobbers"); the kind belongs to the name. Found from the
# article (few in a text), the kind checked before it (LOWER_CLUB_KIND_BEFORE); the
# engine drops a surname with the article ("verpleeghuis De Vries bezoekt").
HOUSE_NAME_WITH_ARTICLE = gated(
    "[DH']",
    re.compile(r"(?:De|Het|'t)[ ]([A-ZÀ-Þ][\w'\u2019-]*[a-zà-ÿ])(?![\w'\u2019-]|[ ]?\d)"),
)
LOWER_CLUB_KIND_BEFORE = re.compile(
    r"(?<![\w'\u2019-])[a-zà-ÿ]{3,}(?:club|vereniging|huis|centrum)[ ]\Z"
)
# Round 22 (inst22): a signature or addressee line "<person>, <role>, <organisation>" ("J.
# Verbeek, huisarts, Huisartsenpraktijk Beugen", "Jolanda Mertens, casemanager dementie, De
# Zorgbrug"): after a person and one to three lower-case words of a role, the capitalised
# words up to the end of the line name the employer. The engine checks the person (an
# initial, a first name or a surname) and drops a place or a first name as the last part.
ROLE_LINE_ORGANISATION = re.compile(
    r"(?m:^)[ \t]*(?:(?:Aan|Van)[ \t]*:[ \t]*)?([A-ZÀ-Þ][^\n,:]{2,40}),[ ]"
    r"[a-zà-ÿ][a-zà-ÿ-]+(?:[ ][a-zà-ÿ][a-zà-ÿ-]+){0,2},[ ]"
    r"((?:(?:De|Het|'t)[ ])?[A-ZÀ-Þ][\w'\u2019&-]*(?:[ ](?:&[ ])?[A-ZÀ-Þ][\w'\u2019&-]*){0,4})"
    r"[ \t]*(?=\n|$)"
)
# Round 23 (inst23): a signature's line under the writer's name: a capitalised role and the
# employer after it up to the end of the line ("Met vriendelijke groet,\nPriscilla
# Martina\nWoonconsulent Woonstad Rotterdam", "Schuldhulpverlener Gemeente Wijdemeren").
# The role is a compound ending in a profession; the engine drops a team, a place, a
# first name or plain words as the employer, and needs a person on the line above.
SIGNATURE_ROLE_ORGANISATION = re.compile(
    r"\n[ \t]*([A-ZÀ-Þ][^\n,:]{2,40})\n[ \t]*[A-ZÀ-Þ][a-zà-ÿ]*"
    r"(?:consulent|medewerker|medewerkster|begeleider|begeleidster|verpleegkundige"
    r"|coördinator|werker|verlener|adviseur|casemanager|coach|therapeut|psycholoog"
    r"|ondersteuner|regisseur|bewindvoerder|jurist|hulpverlener|deskundige)[ ]+"
    r"((?:(?:De|Het|'t)[ ])?[A-ZÀ-Þ][\w'\u2019&-]*(?:[ ](?:&[ ])?[A-ZÀ-Þ][\w'\u2019&-]*){0,3})"
    r"[ \t]*(?=\n|$)"
)
# clinic, insurer or guardian, right before one lower-case word that names the house by a
# place or by the shape of a place's name ("ziekenhuis veluwezoom", "jeugdteam
# buitenwaard", "oogkliniek reestmond", "thuiszorg regio hoogeveen"; round 23: "ggd regio
# utrecht", "jeugdbescherming gelderland"); the engine checks the
# word (a place of deduce's list, or a word no list and no frequency knows that ends as
# place names do, TOPONYM_ENDINGS). The kind is part of the name. No school or day care:
# "school sportveld" and "school schoolkamp" are plain compounds after them.
LOWER_KIND_BEFORE_PLACE_NAME = gated(
    "[adghjkoprtvwz]",
    re.compile(
        r"(?<![\w-])((?:"
        + word_alternation(
            """apotheek thuiszorg zorgcentrum woonzorgcentrum verpleeghuis verzorgingshuis
            ziekenhuis huisartsenpraktijk huisartsenpost dagbesteding hospice zorgpunt
            revalidatiecentrum gezondheidscentrum zorgboerderij praktijk jeugdteam wijkteam
            zorgteam oogkliniek kliniek verslavingszorg gezinsvoogdij zorgverzekeraar
            verzekeraar rechtbank gerechtshof ggd jeugdbescherming"""
        )
        + r")[ ]+(?:regio[ ]+)?([a-zà-ÿ]{3,}))(?![\w'-]|[ ]?\d)"
    ),
)
TOPONYM_ENDINGS = tuple(
    """mond brug kwartier waard hof plein veld veldert dijk dam horst hoven oord wijk zicht
    stein burg berg dal daal hage bosch meer veen stede weide rode loo beek kamp haven vaart
    hoeve ster star poort heuvel woude wolde donk hout akker kade zoom landen land dorp lust
    rust""".split()  # noqa: SIM905
)
# "werkt bij Amaris", "opgenomen in Vincent": after a verb of working or admission one
# word is an organisation, also when it is a first name (a person does not employ or admit
# anyone in care texts). So after an admission and a rented home: "opname bij Duinstede",
# "huurachterstand bij Woonhaven", "woning bij Woonstaete" (a housing corporation).
WORK_PLACE = gated(
    "(?i:[wsiovgh])",
    re.compile(
        r"(?<![\w-])(?:(?i:werkt|werkte|werken|werk|werkzaam|stage|stageloopt|in[ ]dienst|opname"
        r"|huur|huurachterstand|woning|huurwoning)"
        r"(?:[ ]+[a-zà-ÿ]+){0,3}[ ]+bij[ ]+([a-zà-ÿ]{4,}|[A-Z][a-zà-ÿ]{3,}|[A-Z][a-z]+[A-Z]\w+)"
        r"|(?i:opgenomen|verblijft|verbleef|geplaatst)(?:[ ]+[a-zà-ÿ]+){0,2}[ ]+in"
        r"[ ]+([A-Z][a-zà-ÿ]{3,}|[A-Z][a-z]+[A-Z]\w+))"
        r"(?=[ ]*(?:[.,;:)]|\n|$|[ ](?:in|op|als|sinds|voor|en|of|van|met|naar|tot|om|waar)\b))"
    ),
)
# "wijkverpleegkundige Samantha van Zorgkracht.", "casemanager bij Levenskunst.": after a
# care professional (and the person's first name), "van"/"bij"/"namens" and one or two
# capitalised words ending the clause name the organisation the professional works for.
ROLE_OF_ORGANISATION = gated(
    "(?i:[abcefgjmptvwz])",
    re.compile(
        r"(?<![\w-])(?i:wijkverpleegkundige|verpleegkundige|begeleider|begeleidster"
        r"|casemanager|behandelaar|consulent|coach|ergotherapeut|fysiotherapeut|psycholoog"
        r"|maatschappelijk[ ]werker|medewerker|medewerkster|jeugdbeschermer|gezinsvoogd"
        r"|trajectbegeleider|woonbegeleider|ambulant[ ]begeleider|zorgcoördinator"
        r"|verzorgende|thuisbegeleider|gedragsdeskundige|jongerenwerker|wijkcoach)"
        r"[ ]+(?:([A-Z][a-zà-ÿ]+)[ ]+)?(?:van|bij|namens)[ ]+"
        r"([A-Z][a-zà-ÿ]+(?:[ ][A-Z][a-zà-ÿ]+)?)(?=[ \t]*(?:[.,;:)]|\n|$))"
    ),
)
# "tolk via Tolkpunt Plus", "vervoer via Rolmobiel": a service and the firm that gives it.
SERVICE_VIA = gated(
    "(?i:[tvbmah])",
    re.compile(
        r"(?<![\w-])(?i:tolk|tolken|taxi|vervoer|bezorging|maaltijden|hulpmiddelen"
        r"|alarmering|maaltijdservice)[ ]+(?:via|van)[ ]+"
        r"([A-Z][a-zà-ÿ]*[A-Z]?[a-zà-ÿ]+(?:[ ][A-Z][a-zà-ÿ]+)?)(?=[ \t]*(?:[.,;:)]|\n|$))"
    ),
)
# "Porthos (woningcorporatie)", "Klankwijzer, audiologisch centrum": a kind word in lower
# case (with an adjective before it) in brackets or after a comma, closing the clause, says
# what the capitalised name before it is. Found from the bracket or comma; the name before
# it by NAME_BEFORE_KIND_APPOSITION (the engine drops persons, places and plain words).
KIND_APPOSITION = gated(
    "[(,]",
    re.compile(
        r"(?:\(|,[ ])(?:[a-zà-ÿ]+(?:e|isch)[ ])?"
        + word_alternation(INSTITUTION_KIND_WORDS + " " + MORE_INSTITUTION_KIND_WORDS)
        + r"(?:\)|(?=[ \t]*(?:[.,;:]|\n|$)))"
    ),
)
NAME_BEFORE_KIND_APPOSITION = re.compile(
    r"(?<![\w'-])([A-ZÀ-Þ][a-zà-ÿ][\w'-]*(?:[ ](?:van[ ](?:de[rn]?[ ]|het[ ])?)?[A-ZÀ-Þ][\w'-]*)"
    r"{0,2})[ ]?\Z"
)
# "FACT-team Noord van GGZ Eemgolf", "Intensive Treatment Unit van Parnaszorg": a team or
# unit named before "van" and a found organisation belongs to its name (the engine grows
# the organisation over it).
TEAM_OF_ORGANISATION_BEFORE = re.compile(
    r"(?<![\w-])(?:[A-Z][\w]*-team|[A-Z][a-zà-ÿ]*team|(?:[A-Z][a-zà-ÿ]+[ ]){1,2}Unit)"
    r"(?:[ ][A-Z][a-zà-ÿ]+)?[ ]van[ ]\Z"
)
# Round 14b: a name before an insurer's kind or "Basisschool": "Dalmeerse Zorgverzekering",
# "ZorgVast Verzekeringen", "Polderland Verzekeraars", "Al-Noor Basisschool" (the engine
# drops plain words: "Aanvullende Verzekering", "Openbare Basisschool"); not when a name
# follows the kind ("Klantenservice Zorgverzekeraar Noordpolder": the kind and that name).
# Round 15b: "Lyceum" and "Gymnasium" too ("het Dalmeers Lyceum", "Stedelijk Gymnasium").
NAME_BEFORE_CHECKED_KIND = re.compile(
    r"([A-ZÀ-Þ](?<![\w-].)[\w'-]+[ ](?:[A-ZÀ-Þ][\w'-]+[ ])?"
    r"(?:(?:Zorgv|V)erzeker(?:ingen|ing|aars|aar)|Basisschool|Lyceum|Gymnasium))"
    r"(?![\w-]|[ ][A-ZÀ-Þ])"
)
# Round 14b: a firm by its legal form or its trade after a surname: "Kuipers & Zn B.V.",
# "Dalmeer Installaties BV", "Bouwman Metaal" (the engine keeps a surname or an unknown word
# before a trade, not a first name: "Jan Transport").
COMPANY_FORM = gated(
    "[A-ZÀ-Þ]",
    re.compile(
        r"(?<![\w-])((?:[A-ZÀ-Þ][\w'-]*[ ](?:&[ ][A-ZÀ-Þ][\w'.-]*[ ])?){1,3}"
        r"(?:B\.V\.|BV|V\.O\.F\.|VOF|N\.V\.))(?![\w])"
    ),
)
NAME_BEFORE_TRADE = gated(
    "[A-ZÀ-Þ]",
    re.compile(
        r"(?<![\w-])([A-ZÀ-Þ][a-zà-ÿ]{2,}[ ](?:Metaal|Metaalbewerking|Bouw|Techniek|Transport"
        r"|Logistiek|Schoonmaak|Installaties|Installatietechniek|Elektro|Dakwerken"
        r"|Schilderwerken|Hoveniers|Verhuizingen|Catering|Makelaardij|Accountants))(?![\w-])"
    ),
)
# Round 14b: the house a department belongs to: "De Wingerd afd 3", "De Zonnewende afdeling
# Venlo" (a capitalised article and a name before the department, not opening a sentence:
# "De Spoedeisende afd. is vol"), "afdeling Gesloten 1, De Wingerd" (after it and a comma).
# The engine drops plain words, medical words and places.
HOUSE_BEFORE_DEPARTMENT = re.compile(
    r"((?:D(?<![\w-].)e|H(?<![\w-].)et|'(?<![\w-].)t)"
    r"[ ][A-ZÀ-Þ][a-zà-ÿ'-]+(?:[ ][A-ZÀ-Þ][a-zà-ÿ'-]+)?)"
    r"[ ]afd(?:eling|\.)?(?![\w])"
)
HOUSE_AFTER_DEPARTMENT = re.compile(
    r"[aA](?<![\w-].)(?i:fd(?:eling|\.)?)[ ][^\n,]{1,25},[ ]"
    r"((?:De|Het|'t)[ ][A-ZÀ-Þ][a-zà-ÿ'-]+(?:[ ][A-ZÀ-Þ][a-zà-ÿ'-]+)?)(?=[ ]*(?:[,./]|\n|$))"
)
# "FACT-team Rijnoord-Zuid": a team word joined to a kind before a found organisation that
# names an area (a compass word ends it); "FACT-team Emergis" is a team of the organisation.
TEAM_JOINED_BEFORE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*-team[ ]\Z")
AREA_END = re.compile(r"(?<=[ -])(?:Noord|Oost|Zuid|West)\Z")
# "Dommelweide ziekenhuis": a lower-case kind after a found one-word organisation.
# Round 15b: a team of an organisation named by its area, after it: "Buurtzorg" + " team
# Ede-Zuid", "... team Noord" (an area with a compass word; "team Enschede-Velve" names a
# place and a quarter, which stay places).
TEAM_AFTER_ORGANISATION = re.compile(
    r"[ ][Tt]eam[ ](?:[A-ZÀ-Þ][a-zà-ÿ]+-)?(?:Noord|Oost|Zuid|West|Midden|Centrum)(?![\w-])"
)
KIND_AFTER_ORGANISATION = re.compile(r"[ ](?:ziekenhuis|kliniek|gasthuis|verpleeghuis)(?![\w-])")
# "Praktijk voor Psychologie Noorderveld": a capitalised word right after a found
# organisation and before the end of the clause (the engine grows it when it is a place).
PLACE_AFTER_ORGANISATION = re.compile(
    r"[ ]([A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?)(?=[ \t]*(?:[,.;:)|/]|\n|$|[ ][-\u2013][ ]))"
)
# "Samen Veilig Midden-Nederland", "Vluchtelingenhulp Oost Nederland": the region that ends an
# organisation's name (the engine grows a found organisation over it).
REGION_AFTER_ORGANISATION = re.compile(
    r"(?:[ ](?:Noord|Oost|Zuid|West|Midden)(?:-|[ ])|[ ])Nederland(?![\w-])"
)
# "erasmuscollege zuid", "stadsziekenhuis west": a lower-case compound ending in a kind and
# a compass word. Found from the compass word (rare after a space), then the word before.
COMPASS_AFTER = re.compile(r"[ ](?:noord|oost|zuid|west)(?![\w-]|[ ]?\d)")
# Round 18b: also a kind word of care or youth protection in any case ("Jeugdbescherming
# west", "zorggroep oost"; not a team, which the sets' writers mark one way and the other).
COMPOUND_KIND_BEFORE = re.compile(
    r"(?<![\w-])(?:[a-zà-ÿ]+(?:college|school|ziekenhuis|kliniek)"
    r"|(?i:jeugdbescherming|zorggroep|thuiszorg|reclassering|jeugdhulp|jeugdzorg))\Z"
)


# Round 18b: a hospital by its abbreviation, after a word of a stay, a transfer or a visit
# and "in/naar/uit het": "opgenomen in het ETZ", "spoed naar het RKZ", "controle in het
# ZGT", "geopereerd in het MST". Three or four capitals (or "VUmc"), no hyphen or digit
# after them; the engine drops the abbreviations of files, plans and meetings ("opgenomen
# in het ECD", "besproken in het MDO").
# Found from the capitals (the class first), the words before them checked after.
HOSPITAL_ABBREVIATION = re.compile(r"([A-Z](?<![\w-].)(?:[A-Z]{2,3}|[A-Z]mc))(?![\w-]|[ ]?\d)")
STAY_BEFORE_HOSPITAL = re.compile(
    r"(?<![\w-])(?i:opgenomen|opname|ligt|lag|spoed|overgeplaatst|verwezen|gebracht"
    r"|vervoerd|geopereerd|operatie|bevallen|bevalling|ontslagen|controle|poli|afspraak"
    r"|behandeld|behandeling|onderzocht|doorgestuurd|terug)"
    r"(?:[ ]+[a-zà-ÿ0-9]+){0,3}?[ ]+(?:in|naar|uit|vanuit)[ ]+(?:het|'t)[ ]+\Z"
)
# Round 23 (inst23): an abbreviation of a hospital's shape ("OLVG", "UMCG", "ZLV", "MCZL":
# a Z of "ziekenhuis", a G of "gasthuis" or "Groningen" at the end, "MC") needs no stay
# before it, only "bij" or a preposition of place and "het" ("ik check bij OLVG", "ct-scan
# in het ZLV"); the engine still drops the words of NOT_HOSPITAL_ABBREVIATIONS and kinds.
HOSPITAL_SHAPED_ABBREVIATION = re.compile(r"[A-Z]*Z[A-Z]*|[A-Z]+G|[A-Z]*MC[A-Z]*|[A-Z]+mc")
PLACE_BEFORE_HOSPITAL_ABBREVIATION = re.compile(
    r"(?<![\w-])(?:[Bb]ij|(?:in|naar|uit|vanuit|van)[ ](?:het|'t))[ ]\Z"
)
# ... and in chats in lower case ("ik check bij olvg", "bloed prikken in het zlv"): three
# or four letters of that shape (the engine checks it in capitals) that no list knows.
LOWER_HOSPITAL_ABBREVIATION = gated(
    "[bivnu]",
    re.compile(
        r"(?<![\w-])(?:bij|(?:in|naar|uit|vanuit|van)[ ](?:het|'t))[ ]([a-z]{3,4})"
        r"(?![\w'\u2019-]|[ ]?\d)"
    ),
)
# The abbreviations of files, plans, meetings, scans and wards that those words also take.
NOT_HOSPITAL_ABBREVIATIONS = frozenset(
    """ECD EPD OPP IDP ZIS HIS ZAT MDO PGB ZZP BSN VIM MIC MIM SEH MRI CCU EEG ECG ICU
    NICU PICU MCU HDC ADL AVG IVA IKP""".split()  # noqa: SIM905
)
# Round 18b: a school by its own name with the article and "school" after it, as writers
# name a school in a note: "De Regenboog school", "Het Kompas school", "de Wereldwijzer
# basisschool". The engine drops a type of school ("De Vrije school", "de Montessori
# school"), a word ending in -e (an adjective: "de Openbare school") and places.
NAME_BEFORE_LOWER_SCHOOL = gated(
    "[DdHh']",
    re.compile(
        r"(?<![\w-])((?:De|Het|de|het|'t)[ ]+([A-ZÀ-Þ][a-zà-ÿ]+(?:[ ][A-ZÀ-Þ][a-zà-ÿ]+)?)"
        r"[ ]+(?:school|basisschool|kindcentrum))(?![\w-])"
    ),
)
SCHOOL_TYPE_WORDS = frozenset(
    """montessori dalton jenaplan waldorf vrije freinet steiner""".split()  # noqa: SIM905
)


# -- phone numbers, addresses and record numbers of more shapes ----------------------------
# Phone numbers with an en or em dash between the groups, as word processors write them
# ("033", an en dash, "470 29 16"), and a mobile number with "06" in brackets ("(06) 12 34
# 56 78"). Ten digits in all, as the national pattern above; not inside a longer number.
_DASH_GAP = r"(?:[ ]?[\u2013\u2014][ ]?)"  # an en or em dash
PHONE_DASHED = re.compile(
    r"(?<![\w+])("
    r"0[1-9](?:(?:" + _DASH_GAP + r"|[ ]?[.-][ ]?|[ ])?\d){8}"
    r"|\(06\)[ ]?\d(?:[ .-]?\d){7}"
    r")(?![\d]|[.,-]\d)"
)
# +31 or 0031, "(0)" and groups with a spaced dash: "+31 (0)58 - 213 44 55".
PHONE_INTL_SPACED = re.compile(
    r"(?<![\w+])((?:\+|00)31[ ]?(?:\(0\)[ ]?)?[1-9]"
    r"(?:(?:[ ]?[-.\u2013\u2014][ ]?|[ ])?\d){8})(?![\d]|[.,-]\d)"
)
# A slash after the area code: "06/12345678", "020/555 12 34", "0575/55 12 34" (ten digits).
PHONE_SLASHED = re.compile(
    r"(?<![\w+/.-])(0(?:[1-9][ ]?/[ ]?\d(?:[ .-]?\d){7}|[1-9]\d[ ]?/[ ]?\d(?:[ .-]?\d){6}"
    r"|[1-9]\d{2}[ ]?/[ ]?\d(?:[ .-]?\d){5}))(?![\d/]|[.,-]\d)"
)
# A flat, room or unit after a street and house number: "Stationsstraat 32 kamer 5",
# "Herculesplein 22 flat 9", "Zonnehof 3 app. 14". Only the number and what follows are
# matched here; the street before it is checked separately (a word ending in a street word),
# and the span joins the street's own span.
ADDRESS_FLAT = gated(
    r"\d",
    re.compile(
        r"(?<=[^\W\d_][ ])(\d{1,5}[A-Za-z]?[ ](?:kamer|flat|app\.?|appartement|unit|whg\.?|bus"
        r"|[-\u2013](?=[ ]\d{1,5}(?![\w-]|[ ]?(?i:uur|u|min|jaar|personen|keer|x|%)(?!\w))))[ ]"
        r"\d{1,4}[A-Za-z]?)(?![\w-]|[.,]\d)"
    ),
)
# A title written short in lower case before a street: "pr. bernhardlaan 9a", "prs.
# irenestraat 4", "bgm. de withlaan 2" (the main lower-case pattern knows "burg.", "kon.").
ADDRESS_LOWER_SHORT_TITLE = gated(
    "[pbhg]",
    re.compile(
        r"(?<![\w-])((?:pr|prs|bgm|pres|hert|ghr)\.[ ]?(?:(?:van|de|der|den|ter|ten|'t)[ ])*"
        + LOWER_LETTER
        + r"{3,}(?:straat|laan|plein|gracht|kade|singel|steeg|dreef|weg|hof|park|dijk|pad))"
        r"[ ](" + HOUSE_NUMBER + r")(?!\d|[,.:]\d)"
    ),
)
# A street without a house number after "op de", "aan de" ...: "ik ben tot 13u op de
# Prinses Irenelaan", "dhr zwaan op de koningin julianastraat", and after "het", "bij" and
# "van" ("bij de Jumbo op het Stationsplein", "in de buurt van het Mercatorplein", round
# 15c), "in de Burgemeester Hoekstraat" (not "in het": "in het Leerplein" is a program as
# often), and a street word standing apart after an adjective
# ("op de Oude Gracht", "naar de Goudse Markt"). Capitalised: up to two
# capitalised words before a compound that ends in a street word (at least three letters
# before it, so "op de Weg" stays out). Lower case only after a title ("koningin", "sint").
# The street words a rule without a list of streets may trust at the end of a word.
COMMON_STREET_WORDS = "straat|laan|weg|plein|gracht|kade|singel|steeg|dreef"
_STREET_END_STRICT = r"(?:" + COMMON_STREET_WORDS + r"|straatweg)"
STREET_ENDS = ("straat", "laan", "weg", "plein", "gracht", "kade", "singel", "steeg", "dreef")
_STREET_ENDS = STREET_ENDS
STREET_WITHOUT_NUMBER = gated(
    "(?i:[oanvlbi])",
    re.compile(
        r"(?<![\w-])(?i:(?:op|aan|naar|via|langs|over|bij|van)[ ](?:de|het)|in[ ]de)[ ]("
        r"(?:[A-ZÀ-Þ][a-zà-ÿ]*\.?[ ]){0,2}[A-ZÀ-Þ][a-zà-ÿ]{3,}"
        + _STREET_END_STRICT[:-1]
        + r"|wei|strjitte)"  # round 22 (addr22): Frisian "Troelstrawei", "Tsjerkestrjitte"
        + r"|(?:Nieuwe|Oude|Lange|Korte|Hoge|Lage|Grote|Kleine|[A-ZÀ-Þ][a-zà-ÿ]{2,}se)[ ]"
        r"(?:Straat|Laan|Weg|Plein|Gracht|Kade|Singel|Markt|Dijk|Haven|Poort|Wal)"
        + r"|"
        + word_alternation(STREET_NAME_TITLES)
        + r"[ ](?:[a-zà-ÿ]+[ ])?"
        + LOWER_LETTER
        + r"{3,}"
        + _STREET_END_STRICT
        + r")(?![\w-]|[ ]\d)"
    ),
)
# A record code with the year first and a letter group between: "2024-MIC-00561",
# "23-VIM-0412" (the letters-first form is CODE_LETTER_GROUPS above).
CODE_YEAR_FIRST = gated(
    r"\d",
    re.compile(r"(?<![\w/.-])(\d{2,4}-[A-Z]{2,5}-\d{3,10})(?![\w/-])"),
)
# A record number in groups with a slash and letters at the end, after a label: "Dossier:
# 2025/0412/AB", "kenmerk JZ/24/1187-b" (the letters belong to the number).
RECORD_LETTER_SUFFIX = gated(
    r"\d|[A-Z]",
    re.compile(
        r"(?<![\w/.-])((?:[A-Z]{1,5}/)?\d{2,6}(?:/\d{2,6}){1,2}[/-][A-Za-z]{1,3})(?![\w/-])"
    ),
)
# A BIG number (eleven digits) after "BIG", "BIG-nummer", "BIG-registratie(nummer)".
BIG_NUMBER = re.compile(
    r"(?<![\w-])(?:BIG|[Bb]ig)(?:[- ]?(?i:nummer|nr\.?|registratie(?:nummer)?|code))?[ ]?[:#]?[ ]*"
    r"(?:(?i:is)[ ]+)?"  # "Haar BIG-nummer is 59062811930" (round 15d)
    # round 24 (addr24): the eleven digits in any groups ("19 06 44 871 01")
    r"(\d(?:[ .]?\d){10})(?![\d]|[ .]\d)"
)
# Round 24 (addr24): a number of the Chamber of Commerce (eight digits, whole or in groups)
# after "KvK", "KvK-nummer", "KvK nr.": "KvK 12345678", "(KvK 61 22 90 13)".
KVK_NUMBER = re.compile(
    r"(?<![\w-])(?i:kvk)(?:[- ]?(?i:nummer|nr\.?))?[ ]?[:#]?[ ]*"
    r"(\d{8}|\d{2}(?:[ .]\d{2}){3}|\d{4}[ .]\d{4})(?![\w]|[ .,]\d)"
)
# A lower-case letter prefix and a space before the digits after a record label:
# "dossiernummer hv 14453108", "patiëntnr. zt 0048812" (upper case is in RECORD above).
RECORD_LOWER_PREFIX = gated(
    "(?i:[dpczrkl])",
    re.compile(
        r"(?<![\w-])(?i:dossier|pati[eë]nt|cli[eë]nt|zaak|registratie|klant|lid|polis|pat\.?|cl\.?)"
        r"[ -]?(?i:nummer|nr\.?|no\.?)[ ]?[:#]?[ ]*"
        # round 21 (addr21): a verb or small word is no prefix ("cliëntnummer was 5512338")
        r"(?!(?:is|was|nog|wel|dan|ook|al|nu|dus|bij|van|met|en|of|op|toch|die|dat)[ ])"
        # round 25 (num25): the prefix after a space or a colon, so a plural's "s" is none
        # ("Cliëntnummers 4471823 en ...")
        r"(?<=[ :#])([a-z]{1,4}[ ]\d{6,10})(?![\w-])"
    ),
)


def find_more_shapes(text: str) -> Iterator[Candidate]:
    """Phone numbers, addresses and record numbers in the shapes of the block above."""
    if _ANY_DIGIT.search(text) is None:
        lowered = lower_case(text)
        if _street_article(lowered):
            yield from _streets_without_number(text)
        return
    if "\u2013" in text or "\u2014" in text or "(06)" in text:
        for m in PHONE_DASHED.finditer(text):
            if _phone_is_date(text, m.start(1), m.group(1)):
                continue
            yield Candidate(*_groups_span(m), "telefoon", _phone_reason(m.group(1)), STRONG)
    if "31" in text and ("(0)" in text or " - " in text or "\u2013" in text):
        for m in PHONE_INTL_SPACED.finditer(text):
            yield Candidate(*_groups_span(m), "telefoon", _phone_reason(m.group(1)), STRONG)
    if "/" in text:
        for m in RECORD_LETTER_SUFFIX.finditer(text):
            if _after_label(text[max(0, m.start() - 40) : m.start()]):
                yield Candidate(*_groups_span(m), "nummer", "nummer na een label", PATTERN)
    if "/" in text:
        for m in PHONE_SLASHED.finditer(text):
            if record_label_right_before(text[max(0, m.start() - 40) : m.start()]):
                continue  # "parketnummer 05/183429-23": a record number of a phone's shape
            yield Candidate(*_groups_span(m), "telefoon", _phone_reason(m.group(1)), STRONG)
    lowered = lower_case(text)
    if any(
        word in lowered
        for word in (" kamer ", " flat ", " app", " unit ", " whg", " bus ", " - ", " \u2013 ")
    ):
        for m in ADDRESS_FLAT.finditer(text):
            before = text[max(0, m.start() - 40) : m.start() - 1]
            if _STREET_WORD_AT_END.search(before) is not None:
                yield Candidate(m.start(1), m.end(1), "adres", "huisnummer met flat", PATTERN)
    if "." in text:
        for m in ADDRESS_LOWER_SHORT_TITLE.finditer(text):
            yield Candidate(m.start(1), m.end(2), "adres", "straat en huisnummer", PATTERN)
    if _street_article(lowered):
        yield from _streets_without_number(text)
    if any(title in lowered for title in _TITLES_OF_STREET_WITHOUT_WORD):
        yield from _title_streets(text)
    if "-" in text:
        for m in CODE_YEAR_FIRST.finditer(text):
            if _ROMAN_DATE_SHAPE.fullmatch(m.group(1)):
                continue  # "14-IX-1985": a date, DATE_ROMAN_MONTH's
            yield Candidate(*_groups_span(m), "nummer", "code met letters en cijfers", PATTERN)
    if "BIG" in text or "big" in lowered:
        for m in BIG_NUMBER.finditer(text):
            yield Candidate(*_groups_span(m), "nummer", "BIG-nummer", STRONG)
    if "kvk" in lowered:
        for m in KVK_NUMBER.finditer(text):
            yield Candidate(*_groups_span(m), "nummer", "KvK-nummer", STRONG)
    if "nummer" in lowered or "nr" in lowered or "no" in lowered:
        for m in RECORD_LOWER_PREFIX.finditer(text):
            yield Candidate(*_groups_span(m), "nummer", "nummer na een label", PATTERN)


# A street named after a saint or a title without a street word, and a house number, after a
# word that says an address follows: "verhuisd naar sint bavo 7 ii", "woont op Prinses
# Margriet 12", "naar de Sint Helenabaai 88-i". The number ends the clause or a place or
# postcode follows ("naar burgemeester Visser 4 brieven" stays out).
TITLE_STREET_NUMBER = gated(
    "(?i:[noawvhbt])",
    re.compile(
        # round 22 (addr22): also after a word of a visit ("Huisbezoek Pater Damiaan 2-6")
        r"(?<![\w-])(?i:naar|op|aan|woont|woonachtig|adres|verhuisd|huisbezoek|thuisbezoek"
        r"|bezoek|visite)[ :]+(?:(?i:de)[ ])?("
        r"(?i:"
        + word_alternation(TITLES_OF_STREET_WITHOUT_WORD)
        + r")[ ][^\W\d_][\w'\u2019-]+(?:[ ][^\W\d_][\w'\u2019-]+)?)"
        r"[ ]("
        + HOUSE_NUMBER
        + r")(?=[ \t]*(?:[,.;)\n]|\Z)|[ ](?:in|te)[ ]|[ ][1-9]\d{3}[ ]?[A-Za-z]{2}\b)"
    ),
)


# Each title with the space that follows it in TITLE_STREET_NUMBER: a text without any of
# them cannot match, so the scan is skipped.
_TITLES_OF_STREET_WITHOUT_WORD = tuple(t + " " for t in TITLES_OF_STREET_WITHOUT_WORD.split())


def _title_streets(text: str) -> Iterator[Candidate]:
    for m in TITLE_STREET_NUMBER.finditer(text):
        yield Candidate(m.start(1), m.end(2), "adres", "straat naar een heilige of titel", PATTERN)


def _street_article(lowered: str) -> bool:
    """The cheap first look for STREET_WITHOUT_NUMBER: an article and a street word."""
    return (" de " in lowered or " het " in lowered) and any(
        word in lowered
        for word in (*_STREET_ENDS, "markt", "dijk", "haven", "poort", "wal", "wei", "strjitte")
    )


def _streets_without_number(text: str) -> Iterator[Candidate]:
    for m in STREET_WITHOUT_NUMBER.finditer(text):
        if " " in m.group(1) and text[m.start(1) - 4 : m.start(1)].lower() == "het ":
            continue  # "van het Medisch Centrum Amstelkade": after "het" one word only
        # a word ending in a street word after "op de" beats a name read in it ("Prins ...")
        yield Candidate(*_groups_span(m), "adres", "straat na 'op de'/'aan de'", STRONG)


# -- record numbers, ages and dates in lists, tables, English and words ---------------------
# A code of capitals, a space and digits: six digits ("LLN 204417"; seven or more are in
# CODE) or digits in groups with hyphens ("RX 2611-0457", "BVH 2024-0403-118"); a code of
# letter groups with digit groups after them ("WMO-AMS-2611-772", "FPC-IM-26-0381"); a
# prefix of capitals and small letters ("TVcN-20377"); a Dutch court case number, a letter,
# the court's two digits and a serial, with the chamber's number after a slash ("C/17/198442
# / JE RK 24-812").
RECORD_SHAPES = gated(
    "[A-Z]",
    re.compile(
        r"(?<![\w/.-])(?:"
        r"(?P<spaced>(?P<prefix>[A-Z]{2,5})[ ](?P<digits>\d{6}|\d{2,4}(?:-\d{2,6}){1,3}))"
        r"|(?P<groups>[A-Z]{1,5}(?:-[A-Z]{2,5}){1,2}-\d{2,6}(?:-\d{2,6})+)"
        r"|(?P<mixed>[A-Z][A-Za-z]{1,4}-\d{5,10})"
        r"|(?P<court>[A-Z]{1,2}/\d{2}/\d{4,8}(?:[ ]?/[ ]?(?:[A-Z]{2}[ ]){1,2}\d{2}-\d{1,5})?)"
        r")(?![\w/-]|[.,]\d)"
    ),
)
# Two years joined by a hyphen ("2024-2025", "2024-25") are a period, not a number.
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}-(?:(?:19|20)\d{2}|\d{2})")
# A word joined by hyphens or slashes: the candidates for a code after a label ("dossier
# RN-4471-B", "meldnummer VIM-0714", "CJIB-nr. 2023-45819-TB"). The scan looks for the
# joints only (a class first: fast), then takes the whole word around each.
_CODE_JOINT = re.compile(r"[-/](?=[^\W_])")
_JOINED_WORD = re.compile(r"[^\W_]+(?:[-/][^\W_]+)+")
# Two numbers of as many digits, the second larger, without a leading zero: a range.
_RANGE = re.compile(r"([1-9]\d*)-([1-9]\d*)")
_TIME_OR_DATE = re.compile(r"\d{1,2}[-/.:]\d{2}(?:[-/.]\d{2,4})?")
# Words in the last word before a phone-shaped number that make it a phone number after all.
_PHONE_WORDS = ("tel", "bel", "fax", "mobiel", "nood", "gsm", "contact", "sms", "whatsapp")


def _code_after_label(text: str, start: int, code: str) -> bool:
    """Whether ``code`` (a word with hyphens or slashes) at ``start`` is a record number after
    its label: three digits or more with a letter, five or more without one ("120-150" is a
    range), no date or time, a label of a record number before it."""
    digits = sum(ch.isdigit() for ch in code)
    has_letter = any(ch.isalpha() for ch in code)
    if digits < (3 if has_letter else 5) or _YEAR_RANGE.fullmatch(code):
        return False
    if _DATE_SHAPE.fullmatch(code) or _TIME_OR_DATE.fullmatch(code):
        return False
    prefix = code.split("-", 1)[0].split("/", 1)[0]
    if prefix.upper() in NOT_CODES:
        return False
    if start and text[start - 1] in ".,/-+@":
        return False
    pair = _RANGE.fullmatch(code)
    if pair and len(pair.group(1)) == len(pair.group(2)) and pair.group(2) > pair.group(1):
        return False  # "120-150": a range
    if SCORE_AFTER.match(text, start + len(code)):
        return False  # "250-500 mg": a dose
    return _after_label(text[max(0, start - 40) : start])


def record_label_right_before(before: str) -> bool:
    """Whether the last word before a number is the label of a record number and no phone
    word ("parketnummer 05/183429-23" is no phone number; "terugbelnummer 070/..." is)."""
    words = re.findall(r"[\w€./-]+", before.rsplit("\n", 1)[-1])
    if not words:
        return False
    word = words[-1].strip(".:#/-").lower()
    if word in {"nummer", "nr", "no", "number"} or any(stem in word for stem in _PHONE_WORDS):
        return False
    return _after_label(word + " ")


def find_more_record_numbers(text: str) -> Iterator[Candidate]:
    """Record numbers of the shapes of RECORD_SHAPES, and codes with hyphens or slashes after a
    label (what CODE and BARE_NUMBER take only with five digits or more)."""
    if _ANY_DIGIT.search(text) is None:
        return
    for m in RECORD_SHAPES.finditer(text):
        if m.group("spaced"):
            if m.group("prefix") in NOT_CODES or _YEAR_RANGE.fullmatch(m.group("digits")):
                continue
            if _DATE_SHAPE.fullmatch(m.group("digits")):
                continue  # "MDO 12-03-2024" is a meeting and its date
            if sum(ch.isdigit() for ch in m.group("digits")) < 6:
                continue
        elif m.group("mixed"):
            prefix = m.group("mixed").split("-", 1)[0]
            if prefix.isupper() or sum(ch.isupper() for ch in prefix) < 2:
                continue  # all capitals: CODE's; one capital: a word ("Bus-12345")
        elif m.group("groups") and sum(ch.isdigit() for ch in m.group("groups")) < 5:
            continue
        yield Candidate(m.start(), m.end(), "nummer", "code met letters en cijfers", PATTERN)
    if "-" not in text and "/" not in text:
        return
    done = 0
    for joint in _CODE_JOINT.finditer(text):
        if joint.start() < done:
            continue  # a joint of the word looked at already
        start = joint.start()
        limit = max(0, start - 40)  # no code is longer: the walk back stays bounded
        while start > limit and (text[start - 1].isalnum() or text[start - 1] in "-/"):
            start -= 1
        if start == limit and start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-/"):
            continue  # a word longer than any code ("--1--1--1..." of 20,000 characters)
        while text[start] in "-/":
            start += 1
        word = _JOINED_WORD.match(text, start)
        if word is None or word.end() <= joint.start():
            continue
        done = word.end()
        if len(word.group(0)) <= 40 and _code_after_label(text, start, word.group(0)):
            yield Candidate(start, word.end(), "nummer", "code na een label", PATTERN)


# A table whose header names what a column holds: "lln.nr | naam | klas" over rows of
# "118204 | Daan ... | 3H"; "Naam | Geb.datum" over "... | 1995". A cell is a record number,
# a year of birth or an age by its column, as a value is by its label on a line of its own.
_TABLE_SEPARATORS = "|\t"
_DATE_COLUMN = re.compile(r"datum|geb|geboren|geboortejaar|date|dob|birth")
_AGE_COLUMN = re.compile(r"(?:leeftijd|lft|age|jr)\.?")
_NUMBER_CELL = re.compile(r"(?:[A-Z]{1,5}[- ]?)?\d[\d./-]*[\dA-Z]")
_YEAR_CELL = re.compile(r"(?:19|20)\d{2}")
_AGE_CELL = re.compile(r"(\d{1,3})(?:[ ]?(?:jaar|jr\.?|j))?")


def _column_label(header: str) -> str | None:
    """What a column holds by its header: "nummer", "datum", "leeftijd" or None."""
    head = header.strip().lower()
    if not head or _ANY_DIGIT.search(head):
        return None
    if _AGE_COLUMN.fullmatch(head):
        return "leeftijd"
    if _DATE_COLUMN.search(head):
        return "datum"
    return "nummer" if _after_label(head + " ") else None


def _cells(line: str, offset: int, separator: str) -> list[tuple[int, int]]:
    """The cells of a table row as (start, end) in the text, spaces around them left out."""
    cells, start = [], 0
    for part in line.split(separator):
        lead = len(part) - len(part.lstrip())
        cells.append((offset + start + lead, offset + start + len(part.rstrip())))
        start += len(part) + 1
    return cells


def find_table_cells(text: str) -> Iterator[Candidate]:
    """Record numbers, years of birth and ages in the columns of a table under a header that
    names them; the header is the first of two or more lines with the same separator."""
    separator = next((sep for sep in _TABLE_SEPARATORS if sep in text), None)
    if separator is None or _ANY_DIGIT.search(text) is None:
        return
    kinds: list[str | None] = []
    offset = 0
    for line in text.split("\n"):
        if separator not in line:
            kinds = []
        elif not kinds or _ANY_DIGIT.search(line) is None:  # a header: a row without digits
            kinds = [_column_label(cell) for cell in line.split(separator)]
            if not any(kinds):
                kinds = []
        else:
            for kind, (start, end) in zip(kinds, _cells(line, offset, separator), strict=False):
                cell = text[start:end]
                if kind == "nummer" and _NUMBER_CELL.fullmatch(cell):
                    if sum(ch.isdigit() for ch in cell) >= 4 and not _DATE_SHAPE.fullmatch(cell):
                        yield Candidate(start, end, "nummer", "nummer in een kolom", PATTERN)
                elif kind == "datum" and _YEAR_CELL.fullmatch(cell):
                    yield Candidate(start, end, "datum", "jaar in een kolom", PATTERN)
                elif (
                    kind == "leeftijd"
                    and (age := _AGE_CELL.fullmatch(cell))
                    and int(age.group(1)) <= 120
                ):
                    yield Candidate(start, end, "leeftijd", "leeftijd in een kolom", PATTERN)
        offset += len(line) + 1


# A list of identifiers under its label: "Dossiernummers:\n- 4410285 (moeder)\n- 5520391".
# Each item opens with a bullet or a count and a number or code; the label ends the line
# above the first item, as "Dossiernummer:\n4471093" in _after_label.
_LIST_ITEM_NUMBER = re.compile(
    r"[ \t]*(?:[-*\u2022\u2013]|\d{1,2}[.)])[ \t]+"
    r"((?:[A-Z]{1,5}[- ]?)?\d[\d./-]*\d)(?![\w/-]|[.,]\d)"
)


def find_list_items(text: str) -> Iterator[Candidate]:
    """Record numbers that open the items of a list whose label ends the line above it."""
    if ":\n" not in text or _ANY_DIGIT.search(text) is None:
        return
    label_ok = False
    offset = 0
    for line in text.split("\n"):
        item = _LIST_ITEM_NUMBER.match(line)
        if item is None:
            stripped = line.rstrip()
            label_ok = stripped.endswith(":") and _after_label(stripped[:-1] + " ")
        elif label_ok:
            number = item.group(1)
            digits = sum(ch.isdigit() for ch in number)
            if digits >= 5 and not _DATE_SHAPE.fullmatch(number):
                start = offset + item.start(1)
                yield Candidate(
                    start, start + len(number), "nummer", "nummer in een lijst", PATTERN
                )
        offset += len(line) + 1


def _number_words() -> dict[str, int]:
    """Dutch and English number words from two to a hundred, and "anderhalf" (one and a half,
    counted as 1): "zestien", "zesenveertig", "tweeëntwintig", "eight", "twenty-nine". "een"
    and "one" alone are left out: they are articles and pronouns far more often."""
    units = "een twee drie vier vijf zes zeven acht negen".split()  # noqa: SIM905
    teens = "tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien"
    tens = "twintig dertig veertig vijftig zestig zeventig tachtig negentig".split()  # noqa: SIM905
    words = {word: value for value, word in enumerate(units[1:], start=2)}
    words.update({word: value for value, word in enumerate(teens.split(), start=10)})
    for index, ten in enumerate(tens, start=2):
        words[ten] = index * 10
        for value, unit in enumerate(units, start=1):
            words[unit + "en" + ten] = words[unit + "ën" + ten] = index * 10 + value
    words["honderd"], words["anderhalf"] = 100, 1
    english_units = "one two three four five six seven eight nine".split()  # noqa: SIM905
    english_teens = """ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
        nineteen""".split()  # noqa: SIM905
    english_tens = "twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905
    words.update({word: value for value, word in enumerate(english_units[1:], start=2)})
    words.update({word: value for value, word in enumerate(english_teens, start=10)})
    for index, ten in enumerate(english_tens, start=2):
        words[ten] = index * 10
        for value, unit in enumerate(english_units, start=1):
            words[ten + "-" + unit] = words[ten + "_" + unit] = index * 10 + value
    return words


NUMBER_WORD_VALUES = _number_words()
# Every number word, as a word of its own: the one scan for ages written in words. Found
# from its 37 leads ("twee", "twintig", "een" of "eenentwintig", "twenty" ...; round 22,
# speed22): the reader of leads needs a larger limit for the 342 words before it drops the
# longer words that start with a shorter one. Else the pattern is entered at every
# "a", "d", "e" ... of a text (at 5,000 characters about 160 -> 15 µs).
AGE_NUMBER_WORD = gated(
    "(?i:[adefhnstvz])",
    re.compile(
        r"(?<![\w-])(?i:" + word_alternation(" ".join(NUMBER_WORD_VALUES)) + r")"
        r"(?!\w|-(?!(?i:years?-old)))"  # "thirty-two-year-old" is one age
    ),
    lead_limit=400,
)
# What makes a number word an age: years after it ("zestig jaar", "eight years old") ...
_WORD_AGE_YEARS = re.compile(
    r"(?:\s+|-)(?:jaar|jr\.?)(?:[ ]oud)?(?!\w)|(?:\s+|-)years?(?:[ -]old)?(?!\w)", re.IGNORECASE
)
_YEARS_OLD = re.compile(r".*(?:oud|old)\Z", re.IGNORECASE)
# ... after a comma or a bracket ("Henk Slot, zestig jaar"; "hij is tien jaar" is below)
_WORD_AGE_YEARS_BEFORE = re.compile(r"[,(][ ]*\Z")
# ... in brackets after a capitalised word not opening a sentence, a name ("en Gabriel
# (anderhalf)"; "Formulieren (drie) ingevuld" is none)
_WORD_AGE_BRACKET_BEFORE = re.compile(r"(?<=[\w,][ ])[A-ZÀ-Þ][\w'\u2019-]+[ ]?\(\Z")
# ... after "van" and a relation or person word ("een meisje van acht")
_WORD_AGE_OF = re.compile(
    r"(?<![\w-])van[ ]+(?:(?i:ruim|bijna|net|pas|ongeveer|circa|ca\.)[ ]+)?\Z"
)
# ... before "is"/"wordt" after "dat" and a name or pronoun ("dat Omar zestien is")
_WORD_AGE_CLAUSE_BEFORE = re.compile(
    r"(?<![\w-])(?i:dat|omdat|als|toen|nu|zodra|hoewel|want)[ ]"
    r"(?:[A-ZÀ-Þ][a-zà-ÿ]+|(?i:hij|zij|ze))[ ]\Z"
)
_WORD_AGE_CLAUSE_AFTER = re.compile(r"[ ](?i:is|wordt|werd|was)(?![\w-])")
# ... after a name or pronoun and "is"/"wordt" ("Klaas is elf.", "she is eight")
_WORD_AGE_IS_BEFORE = re.compile(
    r"(?<![\w-])(?:(?P<pronoun>(?i:hij|zij|ze|he|she))|(?P<word>[A-ZÀ-Þ][a-zà-ÿ]+))[ ]"
    r"(?i:is|was|wordt|werd)[ ](?:(?i:" + AGE_QUALIFIER + r")[ ]){0,2}\Z"
)
# The clause ends after the number (or "jaar" follows): "ze is twee keer gevallen" stays out.
_WORD_AGE_END = re.compile(
    r"(?:[ ](?:jaar|jr\.?)(?:[ ]oud)?)?(?=[ ]*(?:[.,;:!?)]|\n|\Z)"
    r"|[ ](?i:en|die|dat|met|maar|geworden|and|but|heeft|had|is|was|wordt)\b)"
)


# An age band in words: "ze is in de tachtig", "hij is begin dertig", "rond de zestig". A
# decade, not a person's age; the data sets leave it unmarked (round 15d).
_WORD_AGE_BAND_BEFORE = re.compile(
    r"(?<![\w-])(?i:in[ ]de|eind|begin|midden|rond[ ]de|boven[ ]de|onder[ ]de)[ ]\Z"
)


def _word_age(text: str, start: int, end: int, value: int) -> int | None:
    """Where an age written in words at ``start``-``end`` ends, or None where it is none."""
    before = text[max(0, start - 40) : start]
    if value % 10 == 0 and 20 <= value <= 90 and _WORD_AGE_BAND_BEFORE.search(before):
        return None  # "in de tachtig": an age band
    years = _WORD_AGE_YEARS.match(text, end)
    if years is not None:
        if DURATION_AFTER.match(text[years.end() : years.end() + 20]):
            return None  # "anderhalf jaar geleden", "twintig jaar getrouwd"
        if _YEARS_OLD.match(years.group(0)) or _WORD_AGE_YEARS_BEFORE.search(before):
            return years.end()
    if before.endswith("(") and text.startswith(")", end):
        return end if _WORD_AGE_BRACKET_BEFORE.search(before) else None
    clause_end = _WORD_AGE_END.match(text, end)
    of = _WORD_AGE_OF.search(before)
    # "haar zoon van zes jaar speelt buiten": with "jaar" any word may follow
    of_end = clause_end or years
    if of is not None and of_end is not None:
        relation = AGE_OF_BEFORE.search(before, 0, of.start())
        if relation is not None and not (relation.group("adult") and value < 12):
            return of_end.end()
    if _WORD_AGE_CLAUSE_BEFORE.search(before) and _WORD_AGE_CLAUSE_AFTER.match(text, end):
        return end
    subject = _WORD_AGE_IS_BEFORE.search(before)
    if subject is not None and clause_end is not None:
        word = (subject.group("word") or "").lower()
        if word not in _NOT_SUBJECTS and word not in MEASURE_WORDS:
            return clause_end.end()
    return None


# "Maria Lopes, 61 j, al 3 weken hoesten": "j" without its dot, after a comma or a bracket.
AGE_J = gated(
    r"\d", re.compile(r"(?<=[,(][ ])(\d{1,3})[ ]?j(?=[,;)])|(?<=\()(\d{1,3})[ ]?j(?=[,;)])")
)
# "4 jaar en 3 maanden": years and months together, one age.
AGE_YEARS_AND_MONTHS = gated(
    r"\d",
    re.compile(
        r"(?<![\w,.])(\d{1,3}[ ]?(?:jaar|jr\.?)[ ]en[ ]\d{1,2}[ ]?(?:maanden|maand|mnd\.?))(?!\w)",
        re.IGNORECASE,
    ),
)

# English: "45 y/o", "a 3yo", and "she is 45", "my father turned 80" (a pronoun or a
# relation before the verb; "he is 5 minutes late" stays out by its unit).
AGE_ENGLISH = gated(
    r"\d|(?i:[hsm])",
    re.compile(
        r"(?<![\w,.])(?P<yo>\d{1,3})[ ]?(?:y/o|yo|y\.o\.)(?![\w/])"
        r"|(?<![\w-])(?i:he|she|my[ ](?:mother|father|mom|dad|son|daughter|wife|husband|partner"
        r"|child|brother|sister|grandmother|grandfather|grandson|granddaughter))[ ]"
        r"(?i:is|was|turns|turned|will[ ]be)[ ](?:(?i:almost|nearly|about|now|just|only)[ ])?"
        r"(?P<n>\d{1,3})(?![\w]|[.,:/-]\d|[ ]*(?i:%|kg|cm|mg|ml|times|hours?|minutes?|days?|weeks?"
        r"|months?|degrees|mmol|points|percent|euros?|pounds?)\b)"
    ),
)

# Line breaks, brackets and quotes before a word count as a space for the cheap look at
# English pronouns (" she ") before AGE_ENGLISH.
_OPENINGS = "\n\t(\"'"


def _openings_as_spaces(text: str) -> str:
    """``text`` with each of _OPENINGS made a space: the same string as ``str.translate``
    with a table that maps each to a space, but one ``replace`` per character is far
    quicker (translate goes character by character in a text with any letter outside
    ASCII: about 1 ms at 5,000 characters). Each opening becomes a space, which no later
    ``replace`` changes, so the order of the five does not matter."""
    for opening in _OPENINGS:
        text = text.replace(opening, " ")
    return text


# An age turned on a day named between the verb and the number ("ze wordt op 8 mei 90 hè",
# "wordt die dag 100!") or before the number and a verb that ends the clause ("dat Femke op
# 12 maart 18 wordt en ..."); the clause ends after it (so "wordt op 1 mei 20 mg" stays out).
_DAY_NAMED = (
    r"(?:op\s+\d{1,2}\s+" + MONTHS + r"|die\s+dag|op\s+(?:maandag|dinsdag|woensdag|donderdag"
    r"|vrijdag|zaterdag|zondag))"
)
_AGE_CLAUSE_END = r"(?=[ \t]*(?:[.,;:!?)\n]|\Z)|\s+(?:en|maar|hè|he|dus|toch|want)\b)"
AGE_ON_A_DAY = re.compile(
    r"(?<![\w-])(?i:wordt|werd)\s+(?i:"
    + _DAY_NAMED
    + r")\s+(?P<n>\d{1,3})"
    + _AGE_CLAUSE_END
    + r"|(?<![\w-])(?i:"
    + _DAY_NAMED
    + r")\s+(?P<m>\d{1,3})\s+(?i:wordt|werd)"
    + _AGE_CLAUSE_END
)
# The whole-text scan of AGE_ON_A_DAY (find_chat_ages): every match opens with "wordt",
# "werd", "op" or "die". AGE_ON_A_DAY itself stays for the windows of _date_end_before_age.
_AGE_ON_A_DAY_SCAN = gated("(?i:[wod])", AGE_ON_A_DAY)
# "morgen jarig (88!)", "zn verjaardag (90!! 🎉)": a number in brackets cried out after a
# word of birthdays, as chats and notes write an age.
AGE_EXCLAIMED = re.compile(r"\((\d{1,3})!+")
_BIRTHDAY_WORD = re.compile(r"(?i:jarig|verjaardag|wordt|geworden|birthday|feest)")


# "ze is op 13 maart 95 geworden": the number after the month is the age, not a year '95.
_DATE_THEN_AGE = re.compile(r"[ ]+\d{2,3}\Z")


def _date_end_before_age(text: str, start: int, end: int) -> int:
    """Where a date with a month name ends when its last number is an age turned on that day
    ("8 mei" of "wordt op 8 mei 90 hè", "13 maart" of "is op 13 maart 95 geworden"), else
    ``end``."""
    if AGE_BECAME_AFTER.match(text, end):
        number = _DATE_THEN_AGE.search(text, start, end)
        if number is not None and int(text[number.start() : end]) <= 120:
            return number.start()
    if not text[end - 1 : end].isdigit() or "wordt" not in text[max(0, start - 12) : end + 8]:
        return end
    for m in AGE_ON_A_DAY.finditer(text, max(0, start - 12), min(len(text), end + 24)):
        group = "n" if m.group("n") else "m"
        if m.end(group) == end and m.start(group) > start:
            return len(text[: m.start(group)].rstrip())
    return end


def find_chat_ages(text: str) -> Iterator[Candidate]:
    """Ages as chats and informal notes write them: "wordt op 8 mei 90", "jarig (88!)"."""
    lowered = _lower_case(text)
    for m in _AGE_ON_A_DAY_SCAN.finditer(text) if "wordt" in lowered or "werd" in lowered else ():
        group = "n" if m.group("n") else "m"
        before = lowered[max(0, m.start() - 25) : m.start()]
        if int(m.group(group)) > 120 or any(word in before for word in _MEASURED_BY):
            continue
        yield Candidate(m.start(group), m.end(group), "leeftijd", "leeftijd op een dag", PATTERN)
    for m in AGE_EXCLAIMED.finditer(text) if "!" in text else ():
        number = int(m.group(1))
        if 0 < number <= 120 and _BIRTHDAY_WORD.search(text, max(0, m.start() - 40), m.start()):
            yield Candidate(*_groups_span(m), "leeftijd", "leeftijd met uitroepteken", PATTERN)


def find_more_ages(text: str) -> Iterator[Candidate]:
    """Ages written in words, "61 j," and "4 jaar en 3 maanden"."""
    for m in AGE_NUMBER_WORD.finditer(text):
        value = NUMBER_WORD_VALUES[m.group(0).lower().replace(" ", "_")]
        end = _word_age(text, m.start(), m.end(), value)
        if end is not None:
            yield Candidate(m.start(), end, "leeftijd", "leeftijd in woorden", PATTERN)
    if _ANY_DIGIT.search(text) is None:
        return
    if "j," in text or "j)" in text or "j;" in text:
        for m in AGE_J.finditer(text):
            group = 1 if m.group(1) else 2
            if int(m.group(group)) <= 120:
                yield Candidate(m.start(group), m.end(), "leeftijd", "leeftijd: '61 j'", PATTERN)
    lowered = " " + _openings_as_spaces(_lower_case(text))
    english = any(word in lowered for word in (" he ", " she ", " my ", "yo", "y/o", "y.o."))
    for m in AGE_ENGLISH.finditer(text) if english else ():
        name = "yo" if m.group("yo") else "n"
        if int(m.group(name)) <= 120:
            yield Candidate(m.start(name), m.end(), "leeftijd", "leeftijd in het Engels", PATTERN)
    if " en " in lowered and ("maand" in lowered or "mnd" in lowered):
        for m in AGE_YEARS_AND_MONTHS.finditer(text):
            if not DURATION_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
                yield Candidate(*_groups_span(m), "leeftijd", "jaren en maanden", PATTERN)


# A month's English short form, capitalised, before a day and a year ("Fri, Mar 7, 2025",
# "Oct 3 2024": a mail program in English); without the year "Jan 3" may be a man (round 25).
ENGLISH_SHORT_MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
# English dates: an ordinal day before or after the month ("4th of June", "October 3rd",
# "June 4th, 2025") and the day before "Mar", March's English short form ("Tue 5 Mar").
# English month names (ENGLISH_MONTHS), capitalised: "due March 12", "on June 4, 2025".
DATE_ENGLISH = gated(
    r"\d|(?i:[jfmasond])",
    re.compile(
        r"(?<![\w-])(?:\d{1,2}(?i:st|nd|rd|th)(?:[ ]of)?[ ]+(?i:" + MONTHS + r")\.?"
        r"|(?i:" + MONTHS + r")\.?[ ]+\d{1,2}(?i:st|nd|rd|th)"
        r"|\d{1,2}[ ]Mar\.?"
        r"|" + ENGLISH_SHORT_MONTH + r"\.?[ ]\d{1,2}(?=,?[ ](?:19|20)\d{2})"
        r"|(?:" + "|".join(ENGLISH_MONTHS) + r")[ ]\d{1,2}"
        r"(?=,?[ ](?:19|20)\d{2}|[ ]*(?:[.,;:!?)]|\n|\Z)|[ ](?:at|in|to|and|or|until|from)\b))"
        r"(?:,?[ ]+(?:19|20)\d{2})?(?![\w-])"
    ),
)
# A year alone in brackets after what happened to a person then: "na de eerste bevalling
# (2019)", "had eerder een IBS (2021)": a word earlier on the line places it in the past of
# a life. A law, a guideline or a publication before it keeps its year ("Wmo (2015)",
# "Leidraad ... (2022)" has no such word).
YEAR_IN_BRACKETS = re.compile(r"\(((?:19[0-9]|20[0-4])\d)\)")
_LIFE_EVENT_ON_LINE = re.compile(
    r"(?i:\b(?:eerder|eerdere|vorige|vroeger|destijds|toen|na[ ](?:de|het|een|haar|zijn)|sinds"
    r"|opname|opgenomen|bevalling|geboorte|overleden|overlijden|gescheiden|scheiding|verhuisd"
    # a history of illness: "bekend met CVA (2019)", "status na MI (2021)" (round 25)
    r"|bekend[ ]met|status[ ]na|voorgeschiedenis|doorgemaakt"
    r"|verhuizing|previous|earlier|after[ ](?:the|her|his))\b)"
)
_LAW_OR_PUBLICATION_BEFORE = re.compile(
    r"(?i:wet|wmo|wlz|zvw|richtlijn|standaard|protocol|versie|editie|rapport|nen|iso|et[ ]al\.?"
    r"|handboek|beleidsplan|jaarplan|jaarverslag|onderzoek|studie|cbs|rivm|nhg|who)[ ]*\Z"
)
# A month written short, alone, where a word before makes it a date ("sinds dec", "sinds
# aug."); "jan" stays out, as it is a first name too (JAN_AFTER_TIME_WORD below takes the
# month "jan" after the few words that make it one).
MONTH_SHORT_ALONE = gated(
    "(?i:[fmajsond])",
    re.compile(r"(?<![\w-])(?i:febr?|mrt|apr|jun|jul|aug|sept?|okt|nov|dec)(?:\.|(?![\w-]))"),
)
# "jan" in lower case after "sinds", "vanaf", "eind", "begin" or "medio" ("een stoma sinds
# jan"): the month, not the first name Jan, which a chat writes this way after "in" or "tot"
# more often (round 15d).
JAN_AFTER_TIME_WORD = re.compile(
    r"(?<![\w-])(?i:sinds|vanaf|eind|begin|medio)[ ](jan\.?)(?![\w-]|[ ](?:[A-Z]|en[ ]|&))"
)
JAN_AFTER_TIME_WORD = gated("(?i:[svebm])", JAN_AFTER_TIME_WORD)
# The words before a short month that make it a date: fewer than before a whole month
# (MONTH_ALONE_BEFORE), as a short form is more often something else ("dec en jul").
MONTH_SHORT_BEFORE = re.compile(
    r"(?i:\b(?:in|sinds|vanaf|tot|t/m|eind|begin|medio|rond|afgelopen|vorige|komende|volgende"
    r"|midden|halverwege|since|until)\s+)$"
)

# "die komt de 22e.", "tot de 3e": a day of the month as an ordinal after "de", where the
# clause ends after it ("de 3e keer", "de 21e eeuw" go on with a noun).
DAY_ORDINAL = gated(
    "(?i:d)",
    re.compile(
        r"(?<![\w-])(?i:de)[ ](?P<day>\d{1,2})(?:e|ste|de)"
        r"(?=[ ]*(?:[.,;!?)]|\n|\Z)|[ ](?i:om|van[ ]de(?:ze)?[ ]maand)\b)"
    ),
)
# "hij werd de 2e", "zij eindigde als de 3e": a place in a ranking, not a day.
_RANK_BEFORE = re.compile(r"(?<![\w-])(?i:werd|wordt|word|was|is|eindigde|als|finished)[ ]\Z")
# "ben jij nog op de 2e?", "de zuster van de 1e": a floor or a ward, where one is (a floor
# has one digit).
_FLOOR_BEFORE = re.compile(
    r"(?<![\w-])(?i:(?:ben|zit|zitten|is|zijn|staat|ligt|werk|werkt|nog)[ ]op|bij|naar"
    r"|(?:zuster|verpleging|collega's|collega)[ ]van)[ ]\Z"
)

_ORDINAL_OR_MAR = re.compile(
    r"\d(?:st|nd|rd|th|[ ]Mar)\b|" + ENGLISH_SHORT_MONTH + r"\.?[ ]\d{1,2},?[ ](?:19|20)\d{2}",
    re.IGNORECASE,
)
_SHORT_MONTHS = ("jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def find_more_dates(text: str) -> Iterator[Candidate]:
    """English dates, years in brackets and short months alone (see the patterns above).
    Cheap looks first: an ordinal suffix or "Mar" after a digit, a short month's letters."""
    if _ANY_DIGIT.search(text) is not None:
        english = _ORDINAL_OR_MAR.search(text) is not None or any(
            month in text for month in ENGLISH_MONTHS
        )
        for m in DATE_ENGLISH.finditer(text) if english else ():
            yield Candidate(m.start(), m.end(), "datum", "datum in het Engels", PATTERN)
        for m in YEAR_IN_BRACKETS.finditer(text) if "(" in text else ():
            line_start = text.rfind("\n", 0, m.start()) + 1
            line = text[max(line_start, m.start() - 60) : m.start()]
            if _LIFE_EVENT_ON_LINE.search(line) and not _LAW_OR_PUBLICATION_BEFORE.search(line):
                yield Candidate(*_groups_span(m), "datum", "jaar tussen haakjes", PATTERN)
        for m in DAY_ORDINAL.finditer(text):
            rank = _RANK_BEFORE.search(text, max(0, m.start() - 12), m.start())
            day = int(m.group("day"))
            if day < 10 and _FLOOR_BEFORE.search(text, max(0, m.start() - 16), m.start()):
                continue
            if 1 <= day <= 31 and rank is None:
                yield Candidate(m.start(), m.end(), "datum", "dag van de maand", PATTERN)
    lowered = _lower_case(text)
    has_short_month = any(month in lowered for month in _SHORT_MONTHS)
    short = MONTH_SHORT_ALONE.finditer(text) if has_short_month else ()
    for m in short:
        if MONTH_SHORT_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            start = _with_part_of_time(text, m.start())
            yield Candidate(start, m.end(), "datum", "maand", PATTERN)
    for m in JAN_AFTER_TIME_WORD.finditer(text) if "jan" in text else ():
        start = _with_part_of_time(text, m.start(1))
        yield Candidate(start, m.end(1), "datum", "maand", PATTERN)


# -- desks, UMCs, schools, report headings, letterheads, referrals, places ----------------
# Kinds of municipal desks, hospitals and schools before a capitalised name: "Sociaal Domein
# Hoorn", "UMC Veluwe", "MBO College Oostrand", "Lyceum De Spar"; compounds ending in
# "-hospice", "-loket", "-poli" ("Kinderhospice De Egel", "Jongerenloket Noord").
# The third list of institution kinds, beside INSTITUTION_KIND_WORDS and
# MORE_INSTITUTION_KIND_WORDS (no word in common with the first): these take a capitalised
# kind into the span as STRONG and leave a lower-case one out, with rules of their own
# (engine._desk_heading_referral_candidates). "wmo-loket" is in MORE_INSTITUTION_KIND_WORDS
# too and kept in both: each scan finds it with its own rules, and dropping it from either
# would change what that scan finds.
DESK_SCHOOL_HOSPITAL_KIND_WORDS = """sociaal_domein umc mc mbo_college mbo-college vakcollege
    lyceum gymnasium scholengemeenschap inloophuis passantenverblijf wmo-loket"""
DESK_KIND_ENDING = r"(?:hospice|loket|poli)"
DESK_SCHOOL_HOSPITAL = gated(
    "[A-Zsumlgvwi]",
    re.compile(
        r"(?<![\w-])((?i:"
        + word_alternation(DESK_SCHOOL_HOSPITAL_KIND_WORDS)
        + r")|[A-Z][a-zà-ÿ]+"
        + DESK_KIND_ENDING
        + r")[ ]+("
        + _INST_NAME
        + r")"
    ),
)
# A name before "UMC" or "MC", also with a hyphen: "Zuid-Veluwe UMC", "Dijkzicht MC".
NAME_BEFORE_UMC = gated(
    "[A-ZÀ-Þ]",
    re.compile(r"(?<![\w-])([A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?[ ]U?MC)(?![\w-])"),
)
# A name joined to a department by a hyphen: "de Zeezicht-poli", "op de Bosrand-afdeling".
NAME_HYPHEN_DEPARTMENT = gated(
    "[A-ZÀ-Þ]",
    re.compile(r"(?<![\w-])([A-ZÀ-Þ][a-zà-ÿ]{3,})-(?:poli|polikliniek|afdeling|locatie)(?![\w-])"),
)
# The heading of a report names the team or house it is written in: "Rapportage De Vlinder -
# ma 3/2", "Verslag teamoverleg Zonnehof Noord", "Overdracht nachtdienst Het Baken".
REPORT_HEADING = gated(
    "[DROVT]",
    re.compile(
        r"^(?:Dagrapportage|Rapportage|Weekrapportage|Verslag[ ](?:teamoverleg|MDO|overleg)"
        r"|Teamoverleg|Overdracht[ ](?:nacht|dag|avond|late|vroege)dienst)[ ]+("
        + _INST_NAME
        + r")(?=[ ]*(?:[\u2013,:(-]|\n|$))",
        re.MULTILINE,
    ),
)
# A letterhead: an organisation and its place on a line near the top (the engine looks at
# the first 240 characters only), then a department or the
# kind of letter: "Dijkzicht Deventer, afd. Neurologie", "Veldhorst Emmen - Ontslagbrief".
LETTERHEAD = re.compile(
    r"^[ \t]*([A-ZÀ-Þ][a-zà-ÿ]{3,})[ ]+([A-ZÀ-Þ][\w'-]+)"
    r"(?=[ ]*(?:,[ ]*(?:afd\.|afdeling|locatie|polikliniek)|[ ]+[\u2013-][ ]+"
    r"(?:Ontslagbrief|Ontslagbericht|Verwijsbrief|Overdracht|[Aa]fdeling|[Ll]ocatie)))",
    re.MULTILINE,
)
# A one-word organisation ending in a kind alone on the last line of a message, under the
# writer's name: "Groet,\nMieke\nVeluwezorg".
SIGNATURE_ORGANISATION = re.compile(
    r"\n[A-ZÀ-Þ][a-zà-ÿ]+(?:[ ][A-ZÀ-Þ][\w'-]+)?[ \t]*\n[ \t]*"
    r"([A-ZÀ-Þ][a-zà-ÿ]+(?:zorg|kliniek|centrum|huis|groep|hof|welzijn))[ \t]*\Z"
)
# One word after a verb of referral or registration: "aangemeld bij Kompaan", "in zorg bij
# tactus", "doorverwezen naar Karakter", "ingeschreven bij woonbron".
REFERRAL_TO = gated(
    "(?i:[vdaio])",
    re.compile(
        r"(?<![\w-])(?i:(?:door)?verwezen[ ]naar|aangemeld[ ]bij|ingeschreven[ ]bij"
        r"|in[ ]zorg[ ]bij|in[ ]behandeling[ ]bij|onder[ ]behandeling[ ]bij|overgeplaatst[ ]naar"
        r"|in[ ]begeleiding[ ]bij)"
        r":?[ ]+([a-zà-ÿ]{4,}|[A-Z][a-zà-ÿ]{3,}|[A-Z][a-z]+[A-Z]\w+)"
        r"(?=[ ]*(?:[.,;:)!?]|\n|$|[ ](?:in|op|als|sinds|voor|en|of|met|om|want|omdat|maar)\b))"
    ),
)
# A street and house number, then the place: "Hazelaarweg 3, Epe.", "linnaeusdreef 12 a
# epe": the place of an address also when it is a surname too.
PLACE_AFTER_HOUSE_NUMBER = gated(
    r"\d",
    re.compile(
        r"(?<=[a-zà-ÿ][ ])(\d{1,4}(?:[ ]?[a-zA-Z]{1,3}\b)?(?:[ ]?-[ ]?\w{1,4})?"
        r"(?:[ ](?:achter|boven|beneden|huis|rood|zwart))?),?[ ]+"
        r"([A-Za-zÀ-ÿ][a-zà-ÿ'-]{2,})(?=[ ]*(?:[.,;:)]|\n|$|[ ][a-z]))"
    ),
)
STREET_BEFORE = _STREET_WORD_AT_END  # the street word right before the number


# Round 14a: more whole-text scans behind the first characters of their matches (each
# pattern opens with the characters named here, after a look-behind only; a telephone
# number with "0", "(" or "+", an address label with its word, a gap before a number with
# its space). Not worth it where the class takes most letters (CODE, ROLE_NAME, ROLE_LETTER,
# INSTITUTION, engine._LOWER_PAIR: measured slower or no faster).
PHONE_SLASHED = gated("0", PHONE_SLASHED)
PLATE = gated(r"[A-Z]|\d", PLATE)
PHONE_DASHED = gated("[0(]", PHONE_DASHED)
PHONE_INTL_SPACED = gated("[+0]", PHONE_INTL_SPACED)
ADDRESS_AFTER_LABEL = gated("(?i:[wpbha])", ADDRESS_AFTER_LABEL)
# Round 22 (speed22): ROLE_NAME by its leads, not by a class (which takes every letter): its
# 102 role words ("dochter", "begeleider", "mw", "cl" of "cliënt" ...) are more than the
# default limit, so it gets a larger one. The one scan of _TRIGGERS finds them (some 2 %
# more work there); the pattern is then matched only where one stands, instead of entering
# it at every word (about 19 -> 8 µs a text of 300 characters).
ROLE_NAME = gated("(?i:[a-z])", ROLE_NAME, lead_limit=128)
# Round 23 (speed23): ROLE_LETTER opens with the same role words and look-behind, so a
# plain scan entered it at every position too (0.6 ms at 5,000 characters, in texts with a
# lone capital); gated the same way, it is matched only where a role word stands.
ROLE_LETTER = gated("(?i:[a-z])", ROLE_LETTER, lead_limit=128)
# And three scans that run wherever their cheap first look passes (in nearly every long
# text): matched only where their leads stand ("agb"; "op ", "aan ", "naar " ...).
# One more that opens with a look-behind, so that the regex engine entered it at every
# position: now only at a digit, the first character of every match (round 22).
DIGITS_LETTERS_DIGITS = gated(r"\d", DIGITS_LETTERS_DIGITS)
AGB = gated("(?i:a)", AGB)
AGB_DASHED = gated("(?i:a)", AGB_DASHED)
# Round 23 (speed23): three more scans that open with a look-behind, which a plain scan
# entered at every position (0.2-0.35 ms each at 5,000 characters); gated, each is matched
# only where one of its first words stands (its leads, found by the one scan of _TRIGGERS).
NUMBER_BEFORE_STREET = gated("(?i:[hn])", NUMBER_BEFORE_STREET)
LONE_STREET_WORD = gated("[abnow]", LONE_STREET_WORD)
DWELLING_NAME = gated("[bw]", DWELLING_NAME)
ADDRESS_MISTYPED_STREET = gated("(?i:[oanblvw])", ADDRESS_MISTYPED_STREET)


# -- Round 15b: names from deduce's own lists of care institutions -------------------------

# A capitalised word, or two, that may open a listed institution's name ("Tactus", "OLVG",
# "Zilveren Kruis"); the engine looks the words up in deduce's lists.
# (Round 17b: the class first and the character before it checked after it, as for
# NAME_BEFORE_GGZ; plain, not gated: a gated scan matches each of its some 170 hits a text
# twice.)
LISTED_INSTITUTION_WORDS = re.compile(
    r"([A-ZÀ-Þ](?<![\w'-].)[\w'-]*\w)(?![\w'-])(?:(?=[ ]([A-ZÀ-Þ][\w'-]*\w)(?![\w'-])))?"
)
# What says an organisation is meant right before such a name: a preposition of care, work or
# stay ("opgenomen in", "in het", "werkt bij", "vanuit", "via", "van", "naar het") or a
# letter's or form's field ("Aan:", "Zorgverzekeraar:").
LISTED_INSTITUTION_CUE_BEFORE = re.compile(
    r"(?:(?<![\w-])(?i:bij|van|via|naar|vanuit|door|met|uit|voor)[ ]+(?:(?i:de|het)[ ]+)?"
    # a bare "in" may open a program ("registratie in Argos"): "in het", "opgenomen in"
    r"|(?<![\w-])(?i:in[ ]+(?:de|het)|(?:opgenomen|ligt|verblijft|werkt|woont|zit)[ ]+in)[ ]+"
    # round 16c: a stay of rehabilitation, admission, birth or day care "in" a house
    r"|(?<![\w-])(?i:(?:revalidatie|revalideert|opname|bevallen|bevalling|partus"
    r"|dagbesteding|logeert)[ ]+in)[ ]+"
    r"|(?<![\w-])(?i:aan|van|naar|zorgverzekeraar|verzekeraar|werkgever|school|locatie"
    r"|instelling|organisatie|zorgaanbieder|leverancier"
    # round 16c: the fields of forms in maternity, youth, debt and day care
    r"|aanbieder|jeugdhulpaanbieder|verwijzer|kraamzorg|verloskundigenpraktijk|apotheek"
    r"|bewindvoering|schuldhulp|woningcorporatie|verhuurder|dagbesteding|kinderopvang)"
    r"[ \t]*:[ \t]*)\Z"
)
# ... or right after it: a unit of the organisation ("Tactus, locatie Deventer", "Amarant,
# woongroep De Es").
LISTED_INSTITUTION_CUE_AFTER = re.compile(
    r"[ ]*,[ ]*(?i:locatie|afdeling|woongroep|woonlocatie|team|polikliniek|poli)(?![\w-])"
)
# ... and the site of one house of it after the name: "Youz Den Haag", "Sevagram Hoogveld"
# (one or two capitalised words before the end of the clause or a lower-case word).
LISTED_INSTITUTION_SITE = re.compile(
    r"[ ]([A-ZÀ-Þ][\w'-]*\w(?:[ ][A-ZÀ-Þ][\w'-]*\w)?)"
    r"(?=[ \t]*(?:[,.;:)|/]|\n|$|[ ][-\u2013][ ]|[ ][a-zà-ÿ]))"
)
# Round 15b: the insurer after "verzekerd bij" or an insurer's field: "Verzekerd bij VGZ",
# "Zorgverzekeraar: Zilveren Kruis", "verzekeraar: CZ" (one or two capitalised words, no
# digits: "zorgverzekeraar: MV-552031" is a number the insurer gave).
# Round 22 (inst22b): also an insurer's capital abbreviation right after "polisnummer"
# before the number ("Polisnummer VGZ P-70412889").
INSURER_AFTER_CUE = gated(
    "(?i:[vzp])",
    re.compile(
        r"(?<![\w-])(?i:verzekerd[ ]bij|(?:zorg)?verzekeraar[ \t]*:"
        r"|polis(?:nummer|nr\.?)[ \t]*:?(?=[ \t]*[A-Z]{2,5}[ \t]+[\w-]*\d))[ \t]*"
        r"([A-ZÀ-Þ][A-Za-zÀ-ÿ'&]*(?:[ -][A-ZÀ-Þ][A-Za-zÀ-ÿ']*)?)(?![\w'-])"
    ),
)

# Round 16c: the creditors' field of a debt-help text: "Schuldeisers: Belastingdienst
# Toeslagen, CZ, Vodafone en Essent". The engine takes each capitalised item of the list up
# to the end of the line or sentence (an amount, a first name or a plain word stays out).
CREDITORS_FIELD = gated(
    "(?i:[sc])",
    re.compile(r"(?<![\w-])(?i:schuldeisers|crediteuren)[ \t]*:[ \t]*([^\n.;]+)"),
)
# Round 18b: a form's field whose value is an organisation, at the start of a line:
# "Werkgever: Coolblue", "Verhuurder: Woonbron", "School: De Wereldwijzer", "Kinderopvang:
# Kids Garden". One to three capitalised words (an article first) up to the end of the line,
# a comma, a bracket or a full stop; the engine drops persons, places and plain words
# ("Verhuurder: Jansen", "School: Groep 7"). Not after another word ("Contactpersoon school:
# Ivo Bakkum" names a person). Since round 20 also inside a line, after a comma, semicolon,
# bracket or the end of a sentence ("32 uur, werkgever: Coolblue", "(werkgever: Jumbo)").
ORGANISATION_FIELD = re.compile(
    r"(?:(?im:^)[ \t]*(?:[-*\u2022][ \t]*)?|(?<=[,;(])[ \t]*|(?<=[.!?])[ \t]+)"
    r"(?i:werkgever|verhuurder|woningcorporatie"
    r"|woningbouwvereniging|wooncorporatie|kinderopvang|kinderdagverblijf|bso|kdv"
    r"|zorgaanbieder|school|apotheek|dagbesteding)[ \t]*:[ \t]*"
    r"((?:(?:De|Het|'t)[ ])?[A-ZÀ-Þ][\w&'-]*(?:[ ][A-ZÀ-Þ][\w&'-]*){0,2})"
    r"(?=[ \t]*(?:[,;()]|\n|$|\.(?:\s|$)))"
)
# Round 22 (speed22): a Gated scan. No field word in the text (most texts): no scan at all;
# else the pattern is entered only at a space, a tab, a list mark or a field word's first
# letter (the characters a match can open with; a plain string: a real tab and bullet),
# not at every position with its three look-behinds.
ORGANISATION_FIELD = gated("[ \t*\u2022-]|(?i:[abdksvwz])", ORGANISATION_FIELD)
# Round 23 (inst23): "Werkgever Philips is geïnformeerd", "Werkgever ICT-bedrijf Bytebrug is
# op de hoogte": without a colon, the employer's name right after the word and before a
# verb or the end of the clause. The engine drops persons, places and plain words.
EMPLOYER_NAMED = gated(
    "[Ww]",
    re.compile(
        r"(?<![\w-])[Ww]erkgever[ ]((?:[A-Z]{2,5}-)?[A-ZÀ-Þ][\w&'-]*(?:[ ][A-ZÀ-Þ][\w&'-]*){0,2})"
        r"(?=[ ](?:is|was|heeft|had|wordt|werd|weet|gaat|zal|wil)\b"
        r"|[ \t]*(?:[,;()]|\n|$|\.(?:\s|$)))"
    ),
)
CREDITOR_ITEM = re.compile(r"[A-ZÀ-Þ][\w&'-]*(?:[ ][A-ZÀ-Þ][\w&'-]*){0,2}")
CREDITOR_SEPARATOR = re.compile(r"[ \t]*(?:,|[ ]en[ ])[ \t]*")

# Round 21 (inst21): a name read as a person's that opens with a word of an organisation's
# kind: "Stichting Moskee Nour el Maas", "Verpleeghuis Hof ter Weide", "Arbodienst
# Veldhoven", "Machinefabriek Heijink", "Zorgkracht Gelderland", or ends in a word that
# only an organisation's name has ("Maasoevers Wonen"). The engine relabels such a found
# name an institution (it adds no span); a first or last name of deduce's lists as the
# first word keeps it a person ("Gonda van Zorgkwartier" opens with a first name).
ORGANISATION_HEAD_WORD = re.compile(
    r"(?:"
    + INSTITUTION_KINDS
    + r"|(?i:"
    + MORE_INSTITUTION_KINDS
    + r")|"
    + MORE_KIND_COMPOUND
    + r"|(?=[A-Z])(?i:[a-zà-ÿ]*(?:dienst|fabriek|techniek|handel|werkplaats|groep|punt|netwerk"
    r"|voogdij|zaak|team|boerderij|project|drukkerij|huisvesting))"
    r"|Zorg[a-zà-ÿ]{4,})"
)
ORGANISATION_LAST_WORD = frozenset(("Wonen", "Diensten", "Groep", "Zorg", "Thuiszorg"))
# Round 21 (inst21): the name after an institution found as one compound of a kind
# ("Omgangshuis Oss", "Respijthuis It Hússtee", "Vrijwilligersgroep Naoberhulp", "Dorpshuis
# 't Anker"): an article and up to three capitalised words on the same line, also joined
# by "&" ("Zorg & Welzijn Noord"); no house number after them. And "&" with a capitalised
# word after any institution found ("Kapsalon Knip&Krul", "Jeugdzorg Maas & Aa").
NAME_AFTER_LONE_KIND = re.compile(
    r"[ ]((?:(?:De|Het|'t|It|Den)[ ])?[A-ZÀ-Þ][\w'\u2019-]*"
    r"(?:(?:[ ]|[ ]?&[ ]?)[A-ZÀ-Þ][\w'\u2019-]*){0,2})(?![\w'\u2019&-]|[ ]?\d)"
)
AMPERSAND_NAME_AFTER = re.compile(r"[ ]?&[ ]?([A-ZÀ-Þ][\w'\u2019-]*)(?![\w'\u2019&-]|[ ]?\d)")
# Round 23 (inst23): the tail a club or body carries after its name: a founding year with
# an apostrophe ("VV Oranje Wit '29", "Centrum '45") and a branch after a slash
# ("Belastingdienst/Toeslagen", "Menzis/Anderzorg"), a house after "'t" ("Apotheek Tuindorp
# 't Lansink"). Only after an institution found.
ORGANISATION_TAIL_AFTER = re.compile(
    r"(?:[ ]['\u2019]\d\d|/([A-ZÀ-Þ][a-zà-ÿ][\w'\u2019-]*)"
    r"|[ ]'t[ ][A-ZÀ-Þ][a-zà-ÿ][\w'\u2019-]*)(?![\w'\u2019/-]|[ ]?\d|[.,]\d)"
)
# Round 22 (inst22): an organisation and the place of its office as one name ("via
# Praktijkondersteuner Jeugd Heiloo", "van Medisch Team Veluwezoom"):
# the place must end the clause, stand before a lower-case word or end the line, as
# LISTED_INSTITUTION_SITE reads a listed brand's house.
SITE_CLAUSE_END = re.compile(r"[ \t]*(?:[,.;:)|/]|\n|$|[ ][-\u2013][ ]|[ ][a-zà-ÿ])")
# Round 22 (inst22b): the particle and last word of a town of more words right after an
# organisation ending in the town's first word ("Huisartsen Bergen" + " aan Zee", "Fysio
# Alphen" + " aan den Rijn"): the engine asks deduce's place list for the whole town.
PLACE_PARTICLE_TAIL = re.compile(
    r"[ ]((?:aan|op|bij|ter|ten|onder|boven|over)(?:[ ](?:de|den|der|het))?"
    r"[ ][A-ZÀ-Þ][\w'\u2019-]*)(?![\w'\u2019-])"
)
# ... and before a found place that no institution precedes: the word of an organisation's
# kind or a brand's shape right before it ("Team", "Thuisteam", "Zorghaven", "Bureau",
# "PodoZorg"), with at most one adjective before that ("Medisch", "Palliatief",
# "Facilitair"). The engine checks the kind (ORGANISATION_HEAD_WORD) or shape of group 2.
ORGANISATION_BEFORE_SITE = re.compile(
    r"(?:(?<![\w'\u2019&-])([A-ZÀ-Þ][a-zà-ÿ]+(?:isch|ief|iel|air|aal|eel|iek|ale|ant)[ ]))?"
    r"(?<![\w'\u2019&-])([A-ZÀ-Þ][\w'\u2019-]*[a-zà-ÿ])[ ]\Z"
)
# Round 22 (inst22): one or two capitalised adjectives right before a found institution
# belong to its name ("Sociaal Raadsliedenwerk Zaanstad", "Regionaal Klinisch Lab"); not
# a letter's kind in a heading ("Ontslagbrief HIC Noord", "Verwijsbrief Huisartsenpraktijk").
ADJECTIVES_BEFORE_ORGANISATION = re.compile(
    r"(?<![\w'\u2019&-])(?:[A-ZÀ-Þ][a-zà-ÿ]+(?:isch|(?<!br)ief|iel|air|aal|eel|ant)[ ]){1,2}\Z"
)
# Round 23 (inst23): the municipal service or desk before a municipality found ("bij
# Leerplicht Gemeente Den Haag", "aanmelding Schuldhulpverlening gemeente Den Haag", "het
# Wmo-loket gemeente Zaanstad"): one capitalised word joins it; the engine drops a role,
# a person, a place and a word that only opens a sentence.
SERVICE_BEFORE_MUNICIPALITY = re.compile(r"(?<![\w'\u2019&/-])[A-ZÀ-Þ][\w-]*[a-zà-ÿ][ ]\Z")
# ... and in a chat a lower-case kind right before an institution found in lower case
# ("bel jij huisartsenpost gelderse vallei?"), with no article before the kind.
LOWER_KIND_BEFORE_LOWER_ORGANISATION = re.compile(
    r"(?<![\w'\u2019-])(?<!de[ ])(?<!het[ ])(?:"
    + word_alternation(CHAT_INSTITUTION_KIND_WORDS)
    + r")[ ]\Z"
)
BRAND_HEAD_BEFORE_SITE = re.compile(r"Bureau|[A-Z][a-zà-ÿ]{2,}[A-Z][a-zà-ÿ]{2,}")
# Both only in the middle of a clause, after a preposition of contact, help or work ("via
# Praktijkondersteuner Jeugd Heiloo", "samen met Arbodienst Bedrijfsgezond Twente"): in a
# heading or after "in"/"naar" a hospital and its town are often written as two ("Isala
# Zwolle", "Rijnhorst Arnhem, afd. Geriatrie"), and a team of a kind ("FACT-team Emmen").
PREPOSITION_BEFORE_SITE_ORGANISATION = re.compile(
    r"(?<![\w'\u2019-])(?:bij|van|via|door|met|aan|vanuit)[ ]\Z"
)
# Round 21 (inst21): a letter's or form's addressee or organisation field at the start of a
# line: "Aan: Huisartsengroep Deppenbroek, Pastoor Geertsstraat 1", "Aan: Wijkverpleging
# Lombok", "Organisatie: Jeugd & Gezin Kompas, ...". Two to five capitalised words (also
# "&", "voor", "van", "de" and "en" between them) up to a comma or the end of the line;
# the engine keeps them when the first is an ordinary word or a kind and some later word
# no list knows (a person, "Aan: Huisarts J. de Vries", has no such shape).
ADDRESSEE_ORGANISATION = re.compile(
    r"(?m:^)[ \t]*(?:Aan|Naar|Organisatie|Instelling)[ \t]*:[ \t]*("
    r"[A-ZÀ-Þ][\w'\u2019-]*(?:[ ](?:(?:&|voor|van|de|en)[ ])?[A-ZÀ-Þ][\w'\u2019-]*){1,4})"
    r"(?=[ \t]*(?:,|\n|$))"
)
# Round 21 (inst21b): a capitalised compound whose last part says an organisation's kind
# and that no kind list holds ("Kindertherapie", "Wijkverpleging", "Peuterwerk",
# "Formulierenbrigade", "Alarmdienst", "Kaashandel", "Biljartclub", "Volkshuisvesting")
# before one capitalised word on the same line ("Peuterwerk Wyck", "Kinderfysiotherapie
# Blerick-Maasoever", "Kindertherapie IJsselzicht"). The engine keeps it only when that word
# is a place or no list and no frequency knows it, or when an article ("Biljartclub De Keu",
# group 2) or "&" and a second capitalised word ("Formulierenbrigade Maas & Heuvel", group 4)
# says a house's name; a house number or more words after it are left out.
_KIND_COMPOUND_NAME_WORD = r"(?:IJ|[A-ZÀ-Þ])[a-zà-ÿ]+(?:-(?:IJ|[A-ZÀ-Þ])[a-zà-ÿ]+)?"
KIND_COMPOUND_BEFORE_NAME = re.compile(
    r"(?<![\w'\u2019-])([A-ZÀ-Þ][a-zà-ÿ]{2,}(?:therapie|verpleging|werk|brigade|dienst|punt"
    r"|netwerk|werkplaats|handel|boerderij|shop|club|project|huisvesting|techniek))"
    r"[ ]((?:De|Het|'t)[ ])?(" + _KIND_COMPOUND_NAME_WORD + r")"
    r"([ ]?&[ ]?" + _KIND_COMPOUND_NAME_WORD + r")?(?![\w'\u2019&-]|[ ]?\d)"
)
# Round 22 (speed22): entered at capitals only (no kind ending in the text: not at all), not
# at every position with its look-behind.
KIND_COMPOUND_BEFORE_NAME = gated("[A-ZÀ-Þ]", KIND_COMPOUND_BEFORE_NAME)

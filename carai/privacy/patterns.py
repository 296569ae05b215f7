"""Our own detectors for identifiers that deduce misses or gets wrong. Pure Python (re).

Each detector yields ``Candidate`` spans. Checksums (BSN 11-test, IBAN mod-97) keep
precision high; context words decide where a bare number means something personal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Priorities: a validated number beats a lookup-list guess when two spans overlap.
STRONG, PATTERN, LOOKUP = 3, 2, 1


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str
    reason: str
    priority: int


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
    r"(?:\+|00)31[\s.-]?(?:\(0\)[\s.-]?)?[1-9](?:[\s.-]?\d){8}"
    r"|(?:\+|00)(?:3[2-9]|4[0-9]|[1-9]\d?)[\s.-]?\d(?:[\s.-]?\d){6,11}"
    r"|\(0\d{2,3}\)[\s.-]?\d(?:[\s.-]?\d){5,6}"
    r"|0[1-9](?:(?:\s?[.-]\s?|\s)?\d){8}"
    r")(?![\d])"
)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}\b")
URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"')\]]+"
    # without a scheme: host.name.tld/path ("intranet.lindeboom.nl/verhuizing")
    r"|\b(?<![@.-])(?=[a-z0-9-]+\.[a-z0-9.-]+/)(?:[a-z0-9-]+\.)+(?:nl|com|org|net|eu|be|de|info|nu)/[^\s<>\"')\]]*",
    re.IGNORECASE,
)
AGB = re.compile(r"\bAGB(?:[- ]?code)?(?:\s+[a-zà-ÿ.]+){0,2}\s*[:#]?\s*(\d{8})\b", re.IGNORECASE)
RECORD = re.compile(
    r"\b(?=(?i:[pczeromabvklfdr]))(?:(?i:pati[eë]nt|client|cli[eë]nt|zis|ecd|registratie|opname|medisch|bewoner"
    r"|zorgdossier|aanmeld|verwijs|klant|lid|polis|customer|record|file|member|pat\.?|cl\.?)"
    r"(?i:[\s-]?(?:nummer|number|nr\.?|no\.?|id))"
    r"|(?i:dossier|kenmerk|referentie)(?i:[\s-]?(?:nummer|nr\.?|no\.?|id))?)"
    r"(?i:\s+(?:bij\s+ons|is|van|intern))?\s*[:#]?\s*"
    r"((?:[A-Z]{1,4}[\s-])?[A-Z0-9]*\d[A-Z0-9./-]*\d[A-Z0-9]*|[A-Z]{1,4}[-/]?\d[\d./-]{2,14}\d)"
)
POSTCODE = re.compile(r"\b([1-9]\d{3})\s?(?!SA\b|SD\b|SS\b)([A-Z]{2})\b")
# Letters that are also dose or unit abbreviations: "2850 IE insuline" is no postcode.
DOSE_LETTERS = {"IE", "EH", "MG", "ML", "KG", "GR", "CC", "UI", "MU"}
ADDRESS_CONTEXT = re.compile(
    r"(straat|laan|weg|plein|gracht|kade|singel|dijk|hof|postcode|adres|woont|woonachtig)\W",
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
AGE_BRACKETS = re.compile(r"\((\d{1,3})(?=\)|,\s)")
AGE_WORDS = re.compile(
    r"\b(\d{1,3})(?:-jarige?\b|\s?jarige?\b|\s?jr\.?(?!\w)|\s+jaar(?:\s+oud)?\b"
    r"|-years?-old\b|\s+years?(?:\s+old)?\b|\s?yrs?\.?(?!\w))",
    re.IGNORECASE,
)
AGE_TURNS = re.compile(
    r"\b(?:wordt|werd|is)\s+(\d{2,3})\b(?!\s*(?:jaar|mg|ml|%|kg|keer|x))"
    r"|\b(\d{2,3})\s+geworden\b",
    re.IGNORECASE,
)
AGE_AFTER_NAME = re.compile(r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?,\s(\d{2,3})(?:,\s|\))")
DURATION_AFTER = re.compile(
    r"^\s*(?:gerookt|geleden|getrouwd|gewerkt|gedronken|lang|in\s+dienst|werkzaam|ago|"
    r"of\s+(?:smoking|drinking|work|marriage)|married|smoked)",
    re.IGNORECASE,
)
ADDRESS = re.compile(
    r"\b([A-Za-z][a-zà-ÿ]+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|steeg|pad|dreef"
    r"|markt|plantsoen|baan|ring|wal|haven|dwarsstraat|erf|hof)\s\d{1,4}(?:\s?[a-zA-Z](?!\w))?)"
)
AGE_LABEL = re.compile(r"\b(?:leeftijd|age|aged)\s*[:=]?\s*(\d{1,3})\b", re.IGNORECASE)
DURATION_BEFORE = re.compile(
    r"\b(sinds|al|ruim|bijna|over|na|binnen|per|afgelopen|laatste|voor|gedurende|de|die|dit|"
    r"ongeveer|circa|ca\.|tot|van|twee|drie|for|since|after|within|last|past|every|in|"
    r"about|almost|over|than)\s+$",
    re.IGNORECASE,
)
PERSON_BEFORE = re.compile(r"(?<!\bkamer)(?<!\bbed)(?<!\bnr)(?<!\bk)\b[A-Za-zà-ÿ]{2,}\.?\s*$")

MONTHS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|"
    r"january|february|march|may|june|july|august|october|december)"
)
DATE_WORDS = re.compile(
    r"\b(?=\d|jan|feb|m[ar]|apr|may|ju|aug|sep|o[kc]t|nov|dec)(\d{1,2}(?:e|ste|de)?\s+"
    + MONTHS
    + r"\.?(?:\s+'?\d{2,4})?|"
    + MONTHS
    + r"\s+\d{4})\b",
    re.IGNORECASE,
)
DATE_NUMBERS = re.compile(
    r"(?<![\d,.:/-])(\d{1,2})([-/.])(\d{1,2})(?:[-/.](\d{2}|\d{4}))?(?![\d,:/]|[-.]\d)"
)
# "3/4" without a year is a date only where the words before say so ("op 3/4", "za 4/5").
DATE_CONTEXT = re.compile(
    r"(?i:\b(?:op|d\.?d\.?|vanaf|tot|t/m|per|sinds|datum|geb\.?|geboren|ma|di|wo|do|vr|za|zo"
    r"|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|nacht|dienst|van|en"
    r"|on|from|until|since|date|born|mon|tue|wed|thu|fri|sat|sun))"
    r"[\s:]+$"
)
SCORE_BEFORE = re.compile(
    r"(?i:pijn|score|index|apgar|vas|nrs|mmse|barthel|fluistertest|bristol|cijfer|ratio|\d)"
    r"\s*[:=]?\s*$"
)
SCORE_AFTER = re.compile(r"(?i:\s*(?:rechts|links|tablet|ml|mg|uur|bereikbaar|score|punten))")
MONTH_ALONE = re.compile(
    r"(?i:\b(?:in|van|voor|tot|t/m|eind|begin|half|medio|sinds|over|rooster|zorg\s+van|en)\s+)"
    r"(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
    r"\b"
)

INSTITUTION = re.compile(
    r"\b(?:[Zz]orggroep|[Zz]orgcentrum|[Ww]oonzorgcentrum|[Hh]uisartsenpraktijk|"
    r"[Hh]uisartsenpost|[Aa]potheek|[Zz]iekenhuis|[Vv]erpleeghuis|[Tt]huiszorg|[Ss]tichting|"
    r"[Rr]evalidatiecentrum|[Tt]andartspraktijk|[Ff]ysiotherapiepraktijk|[Pp]raktijk|"
    r"GGZ|[Zz]orginstelling|[Ww]ijkteam|[Hh]ospice|[Kk]liniek|[Ww]oongroep|[Dd]agbesteding|"
    r"[Gg]ezondheidscentrum|[Pp]sychologenpraktijk|[Tt]andartsenpraktijk|[Ff]ysiotherapie|KDC|"
    r"[Mm]edisch [Cc]entrum|[Oo]rthopedisch [Cc]entrum|[Zz]org aan [Hh]uis|[Kk]linikum)"
    r"(?:[ \t]+(?:de|De|het|Het|'t|van|aan|den|der|op)){0,2}"
    r"(?:[ \t]+[A-Z][\w'\u2019-]+)(?:[ \t]+(?:[A-Z][\w'\u2019-]+|van|op|de)){0,3}"
)
INSTITUTION_BEFORE_KIND = re.compile(
    r"\b(?:Sint\s+|St\.\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2}\s+"
    r"(?:Ziekenhuis|Kinderziekenhuis|Gasthuis|Kliniek|Zorgcentrum|Verpleeghuis|Medisch\s+Centrum"
    r"|Revalidatiecentrum|Hospice|Apotheek|Zorggroep|Thuiszorg)\b"
)
INSTITUTION_SUFFIX = re.compile(
    r"\b[A-Z][a-zà-ÿ]+(?:ziekenhuis|kliniek|zorg|gasthuis|hof|huis|centrum|dal|oord)\b"
)
GENERIC_INSTITUTIONS = {
    "Ziekenhuis", "Verpleeghuis", "Zorgcentrum", "Thuiszorg", "Wijkzorg", "Mantelzorg",
    "Jeugdzorg", "Ouderenzorg", "Gehandicaptenzorg", "Thuis", "Woonzorg", "Dagzorg",
    "Nazorg", "Eerstelijnszorg", "Spoedzorg", "Wondzorg", "Zelfzorg", "Kliniek", "Centrum",
    "Huis", "Gezondheidscentrum", "Buurthuis", "Hospice", "Ziekenhuiszorg",
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


def _groups_span(match: re.Match[str], group: int = 1) -> tuple[int, int]:
    return match.start(group), match.end(group)


def find_numbers(text: str) -> Iterator[Candidate]:
    """BSN, IBAN, phone numbers, e-mail, URLs, AGB codes, record numbers, licence plates.

    A pattern runs only when the text holds the one character or word every match needs
    ("@" for e-mail, "-" for a licence plate ...): a plain ``in`` is far cheaper than a scan.
    """
    has_digit = _ANY_DIGIT.search(text) is not None
    lowered = text.lower()
    if not has_digit and "@" not in text and "/" not in text and "www" not in lowered:
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
        if len(digits) == 8 and not BSN_CONTEXT.search(text[max(0, m.start() - 30) : m.start()]):
            continue  # 8 digits are a BSN only where the text says so
        if bsn_valid(digits):
            yield Candidate(*_groups_span(m), "bsn", "9 cijfers die de elfproef halen", STRONG)
    for m in PHONE.finditer(text) if has_digit else ():
        yield Candidate(*_groups_span(m), "telefoon", "Nederlands telefoonnummer", STRONG)
    for m in EMAIL.finditer(text) if "@" in text else ():
        yield Candidate(m.start(), m.end(), "email", "e-mailadres", STRONG)
    for m in URL.finditer(text) if ("/" in text or "www" in lowered) else ():
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


def postcode_is_dose(text: str, start: int, letters: str) -> bool:
    """ "2850 IE insuline": the letters are a unit and nothing around it reads as an address."""
    if letters not in DOSE_LETTERS:
        return False
    window = text[max(0, start - 40) : start]
    return ADDRESS_CONTEXT.search(window) is None


def find_postcodes(text: str) -> Iterator[Candidate]:
    for m in POSTCODE.finditer(text):
        if postcode_is_dose(text, m.start(), m.group(2)):
            continue
        yield Candidate(m.start(), m.end(), "postcode", "Nederlandse postcode", PATTERN)


def find_ages(text: str) -> Iterator[Candidate]:
    for m in AGE_BRACKETS.finditer(text):
        if int(m.group(1)) <= 120 and PERSON_BEFORE.search(
            text[max(0, m.start() - 40) : m.start()]
        ):
            yield Candidate(
                *_groups_span(m), "leeftijd", "leeftijd tussen haakjes na een naam", PATTERN
            )
    for m in AGE_WORDS.finditer(text):
        if int(m.group(1)) > 120:
            continue
        if DURATION_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            continue  # "sinds 3 jaar" is a duration, not an age
        if DURATION_AFTER.match(text[m.end() : m.end() + 20]):
            continue  # "40 jaar gerookt"
        yield Candidate(m.start(), m.end(), "leeftijd", "leeftijd in jaren", PATTERN)
    for m in AGE_TURNS.finditer(text):
        group = 1 if m.group(1) else 2
        if int(m.group(group)) <= 120:
            yield Candidate(*_groups_span(m, group), "leeftijd", "leeftijd: 'wordt 90'", PATTERN)
    for m in AGE_AFTER_NAME.finditer(text):
        if int(m.group(1)) <= 120:
            yield Candidate(*_groups_span(m), "leeftijd", "leeftijd na een naam", PATTERN)
    for m in AGE_LABEL.finditer(text):
        yield Candidate(*_groups_span(m), "leeftijd", "na het woord leeftijd", PATTERN)


def find_addresses(text: str) -> Iterator[Candidate]:
    for m in ADDRESS.finditer(text):
        yield Candidate(*_groups_span(m), "adres", "straatnaam met huisnummer", PATTERN)


def find_dates(text: str) -> Iterator[Candidate]:
    for m in DATE_WORDS.finditer(text):
        yield Candidate(m.start(), m.end(), "datum", "datum met maandnaam", PATTERN)
    for m in DATE_NUMBERS.finditer(text):
        day, month, year = int(m.group(1)), int(m.group(3)), m.group(4)
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        if year is None:
            if m.group(2) == ".":
                continue  # "10.05 uur", "kamer 3.12"
            before = text[max(0, m.start() - 15) : m.start()]
            if (
                not DATE_CONTEXT.search(before)
                and (
                    (day < month and month in {2, 3, 4, 6, 10, 20, 30})  # "5/10", "1/2"
                    or SCORE_BEFORE.search(before)
                    or SCORE_AFTER.match(text[m.end() : m.end() + 15])
                )
            ):
                continue  # "pijn 5/10", "1/2 tablet", "24/7 bereikbaar"
        yield Candidate(m.start(), m.end(), "datum", "datum in cijfers", PATTERN)
    for m in MONTH_ALONE.finditer(text):
        yield Candidate(*_groups_span(m), "datum", "maand", PATTERN)


def find_institutions(text: str) -> Iterator[Candidate]:
    for m in INSTITUTION.finditer(text):
        yield Candidate(m.start(), m.end(), "instelling", "naam van een zorginstelling", PATTERN)
    for m in INSTITUTION_BEFORE_KIND.finditer(text):
        yield Candidate(m.start(), m.end(), "instelling", "naam van een zorginstelling", PATTERN)
    for m in INSTITUTION_SUFFIX.finditer(text):
        if m.group(0) not in GENERIC_INSTITUTIONS:
            yield Candidate(m.start(), m.end(), "instelling", "naam van een zorginstelling", LOOKUP)


TITLE_NAME = re.compile(
    r"\b(?i:dhr\.?|mw\.?|mevr\.?|mevrouw|meneer|de\s+heer|dr\.?|dokter|arts|huisarts)\s+"
    r"((?:(?:van|de|der|den|el|al|ter|ten|op|in\s+'t|'t)\s+){0,3}[A-Za-zà-ÿ][a-zà-ÿ'-]+"
    r"(?:-[A-Za-zà-ÿ][a-zà-ÿ]+)?)"
)
RELATION_NAME = re.compile(
    r"\b(?=(?i:[zdbmvpfcknto]))(?i:zoon|dochter|broer|zus|moeder|vader|man|vrouw|partner|fysio|collega|buurman"
    r"|buurvrouw|kleinzoon|kleindochter|nicht|neef|tante|oom)\s+([a-zà-ÿ][a-zà-ÿ-]+)"
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
    patient cliënt client bewoner
    """.split()  # noqa: SIM905 - a word list reads better as text
)
SPEAKER = re.compile(r"(?:^|\n|\s{2,})([A-Za-zà-ÿ]+):\s", re.MULTILINE)


def has_health_terms(text: str) -> bool:
    return HEALTH_TERMS.search(text) is not None

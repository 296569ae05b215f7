"""Round 11c of issue 16: generated ages, dates and record numbers of more shapes.

    python -m benchmarks.privacy.variants4

Writes ``variants4_set.jsonl`` (may be tuned on) and ``variants4_holdout_set.jsonl`` (never
tuned on). The shapes are those care workers write in quick notes, handovers, letters and
chats:

- ages: "(84)", "84 jr", "84jr.", "de 84-jarige", "mw. is 84", "zoon van 12", "leeftijd: 7
  mnd", "3,5 jaar oud", "een baby van 6 weken";
- dates: "12-3", "12/03", "3 mrt '25", "mrt 2025", "eind maart" (the month), "begin '24"
  (the year with its apostrophe), "sinds 2019" (the year, as docs/privacy.md's year policy
  says), "d.d. 12.03.2025", "12 en 13 maart" (both days);
- record numbers: "cliëntnr. 12-3456", "dossier: AB-123456", "ref. 2024/0012", "kenmerk
  ZK-2025-0093", a bare number of 5 to 8 digits after a label or in a list after a label,
  "nr 1234567", "uw kenmerk 24.0412";
- hard negatives beside them, never marked: doses ("2 dd 500 mg", "1-0-1"), times ("10.05",
  "om 14:30"), scores ("pijn 7/10"), lab values ("Hb 7,8", "kalium 4.1"), blood pressure
  ("135/85"), room numbers ("kamer 2.14"), durations ("sinds 2 jaar"), versions ("versie
  2.3"), prices ("€ 12,50"), numbers of people or things ("3 kinderen"), laws with a year
  ("Wmo 2015"), and age bands ("twintiger", "in de tachtig": not marked, see below).

Decisions (in line with check_dataset.py): an age in months or weeks of a baby or toddler is
an age ("7 mnd", "6 weken") and is marked whole; a decimal age ("3,5 jaar") whole; an age
band ("twintiger", "begin dertig") is not an identifier and stays unmarked; a public holiday
without a year ("1e kerstdag") stays unmarked like a weekday; phones are marked as phones.

The sets share no sentence template: TEMPLATES and CLEAN are cut in two, the first half for
the tuning set, the second for the held-out set, and each half is drawn with its own seed.
Names are made up from common Dutch names. Deterministic; everything is made up.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from benchmarks.privacy.build_set import parse_marked
from benchmarks.privacy.check_dataset import check_record

HERE = Path(__file__).parent
SEED = 1106
T = TypeVar("T")

SURNAMES = [
    "Jansen", "de Boer", "Visser", "Smit", "Meijer", "de Graaf", "Mulder", "Bos", "Vos",
    "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
]  # fmt: skip
FIRST = ["Anna", "Kees", "Ria", "Henk", "Sanne", "Bart", "Truus", "Johan", "Fenna", "Wim"]
TITLES = ["mw.", "Mw.", "dhr.", "Dhr.", "mevrouw", "meneer", "mevr."]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]  # fmt: skip
SHORT_MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
PLACES = ["Zwolle", "Deventer", "Assen", "Tiel", "Meppel", "Gouda"]


def half(items: list[T], part: int) -> list[T]:
    cut = len(items) // 2
    return items[:cut] if part == 0 else items[cut:]


class Parts4:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def name(self) -> str:
        r = self.rng
        return f"{r.choice(TITLES)} [[naam:{r.choice(SURNAMES)}]]"

    def first(self) -> str:
        return f"[[naam:{self.rng.choice(FIRST)}]]"

    # -- ages ------------------------------------------------------------------------------
    def age_adult(self) -> int:
        return self.rng.randint(19, 99)

    def age_child(self) -> int:
        return self.rng.randint(2, 17)

    # -- dates -----------------------------------------------------------------------------
    def day(self) -> int:
        return self.rng.randint(1, 28)

    def month(self) -> int:
        return self.rng.randint(1, 12)

    def year(self) -> int:
        return self.rng.randint(2015, 2026)

    def short_date(self) -> str:
        d, m, year = self.day(), self.month(), self.year
        shapes: list[Callable[[], str]] = [
            lambda: f"{d}-{m}",
            lambda: f"{d:02d}/{m:02d}",
            lambda: f"{d}/{m}",
            lambda: f"{d:02d}-{m:02d}-{year()}",
            lambda: f"{d}-{m}-'{year() % 100:02d}",
            lambda: f"{d:02d}.{m:02d}.{year()}",
        ]
        return self.rng.choice(shapes)()

    def month_date(self) -> str:
        shape = self.rng.randrange(5)
        month, day, year = self.month(), self.day, self.year
        short, long = SHORT_MONTHS[month - 1], MONTHS[month - 1]
        shapes: list[Callable[[], str]] = [
            lambda: f"{day()} {short} '{year() % 100:02d}",
            lambda: f"{short} {year()}",
            lambda: f"{day()} {long}",
            lambda: f"{day()} {short}.",
            lambda: f"{long} {year()}",
        ]
        return shapes[shape]()

    # -- record numbers --------------------------------------------------------------------
    def record(self) -> str:
        r, year = self.rng, self.year
        shapes: list[Callable[[], str]] = [
            lambda: f"{r.randint(10, 99)}-{r.randint(1000, 9999)}",
            lambda: f"{r.choice(['AB', 'DV', 'KL', 'RZ'])}-{r.randint(100000, 999999)}",
            lambda: f"{year()}/{r.randint(1, 9999):04d}",
            lambda: f"{r.choice(['ZK', 'WMO', 'JZ'])}-{year()}-{r.randint(1, 9999):04d}",
            lambda: str(r.randint(1000000, 99999999)),
            lambda: f"{year() % 100}.{r.randint(1, 9999):04d}",
            lambda: f"{r.randint(10000, 999999)}",
        ]
        return r.choice(shapes)()

    def bare_number(self) -> str:
        return str(self.rng.randint(1000000, 99999999))

    def phone(self) -> str:
        r = self.rng
        if r.random() < 0.5:
            return f"06-{r.randint(10000000, 99999999)}"
        return f"0{r.randint(10, 79)}-{r.randint(100, 999)} {r.randint(1000, 9999)}"


Template = Callable[[Parts4], str]


def _t(text: str) -> Template:
    """A template whose fields are filled with marked values from ``Parts4``."""

    def fill(p: Parts4) -> str:
        r = p.rng
        a, c = p.age_adult(), p.age_child()
        half_year = f"{r.randint(1, 9)},5 jaar"
        values = {
            "naam": p.name(),
            "naam2": p.name(),
            "voornaam": p.first(),
            "plaats": f"[[plaats:{r.choice(PLACES)}]]",
            # ages
            "haakjes": f"([[leeftijd:{a}]])",
            "jr": f"[[leeftijd:{a} jr]]",
            "jrpunt": f"[[leeftijd:{a}jr.]]",
            "jaar": f"[[leeftijd:{a} jaar]]",
            "jarige": f"[[leeftijd:{a}-jarige]]",
            "is": f"[[leeftijd:{a}]]",
            "kind": f"[[leeftijd:{c}]]",
            "kindjaar": f"[[leeftijd:{c} jaar]]",
            "mnd": f"[[leeftijd:{r.randint(2, 23)} mnd]]",
            "maanden": f"[[leeftijd:{r.randint(2, 23)} maanden]]",
            "weken": f"[[leeftijd:{r.randint(1, 12)} weken]]",
            "komma": f"[[leeftijd:{half_year}]]",
            "kommaoud": f"[[leeftijd:{half_year} oud]]",
            "mv": f"[[leeftijd:{a}]]",
            # dates
            "kort": f"[[datum:{p.short_date()}]]",
            "maand": f"[[datum:{p.month_date()}]]",
            "maandalleen": f"[[datum:{r.choice(MONTHS)}]]",
            "jaartal": f"[[datum:{p.year()}]]",
            "kortjaar": f"[[datum:'{p.year() % 100:02d}]]",
            "dag": f"[[datum:{p.day()}]]",
            "dagmaand": f"[[datum:{p.day()} {r.choice(MONTHS)}]]",
            # record numbers
            "nummer": f"[[nummer:{p.record()}]]",
            "nummer2": f"[[nummer:{p.record()}]]",
            "kaal": f"[[nummer:{p.bare_number()}]]",
            "kaal2": f"[[nummer:{p.bare_number()}]]",
            "telefoon": f"[[telefoon:{p.phone()}]]",
            # negatives
            "dosis": f"{r.choice([250, 500, 1000])} mg",
            "tijd": f"{r.randint(7, 22)}.{r.choice(['05', '15', '30', '45'])}",
            "score": f"{r.randint(2, 9)}/10",
            "kamer": f"{r.randint(1, 3)}.{r.randint(10, 40)}",
            "duur": f"{r.randint(2, 12)}",
            "rr": f"{r.randint(110, 160)}/{r.randint(60, 95)}",
            "lab": f"{r.randint(3, 9)},{r.randint(1, 9)}",
            "prijs": f"{r.randint(5, 80)},{r.choice(['50', '95', '00'])}",
        }
        return text.format(**values)

    return fill


TEMPLATES = [
    # -- tuning half -------------------------------------------------------------------------
    _t("Opname {naam} {haakjes} op {kort}, dossier: {nummer}."),
    _t("{naam}, {jr}, woont alleen in {plaats}; cliëntnr. {nummer}."),
    _t("Vandaag gesprek met de {jarige} over de val van {dagmaand}."),
    _t("{naam} is {is} en heeft sinds {duur} jaar last van haar heup."),
    _t("Haar zoon van {kind} komt {kort} langs; hij belt via {telefoon}."),
    _t("Leeftijd: {mnd}, gewicht 8,4 kg, controle op {kort} om {tijd} uur."),
    _t("Kleindochter ({kindjaar}) logeert {maand} bij {naam}."),
    _t("Dhr. heeft {dosis} paracetamol gekregen, pijn {score}. Kamer {kamer}."),
    _t("Kenmerk {nummer} graag vermelden bij reactie, ref. {nummer2}."),
    _t("Ons kenmerk: {nummer}\nDatum: {kort}\nBetreft: {naam}, {jaar}."),
    _t("Cliëntnummers: {kaal}, {kaal2} (beide overgedragen aan team Noord)."),
    _t("Sinds {jaartal} bij ons in zorg, eerder opname eind {maandalleen}."),
    _t("Begin {kortjaar} verhuisd; RR {rr}, Hb {lab} mmol/l."),
    _t("De baby van {weken} drinkt goed; moeder is een twintiger."),
    _t("{voornaam} ({kommaoud}) speelt op de gang. Evaluatie {maand}."),
    _t("Pat.nr {kaal}: mevrouw ({jrpunt}) valt vaak, zie MIC-melding van {kort}."),
    _t("Op {dag} en {dagmaand} is {naam} afwezig; nr {kaal}."),
    _t("Volgens de Wmo 2015 heeft {naam} ({mv}) recht op hulp; eigen bijdrage € {prijs}."),
    # -- held-out half -----------------------------------------------------------------------
    _t("Overdracht: {naam} {haakjes}, reg.nr {nummer}, gevallen op {kort}."),
    _t("Het {jarige} kleinkind van {naam} zit sinds {jaartal} op de opvang."),
    _t("{naam} ({jr}) kreeg {dosis} om {tijd} uur, daarna pijn {score}."),
    _t("Dochter van {kind} en zoontje van {maanden}; contact via {telefoon}."),
    _t("Zaaknummer {nummer}\nUw kenmerk: {nummer2}\nd.d. {kort}"),
    _t("Meneer wordt {is} in {maandalleen}; hij woont al {duur} jaar in kamer {kamer}."),
    _t("Geboren {maand}, opgenomen {kort}. Dossiernr. {kaal}."),
    _t("Bewoners met nummer {kaal} en {kaal2} krijgen een griepprik."),
    _t("Tijdens de dienst van {dagmaand} was {naam} onrustig; RR {rr}."),
    _t("{voornaam} is {komma}, prikkelbaar sinds eind {maandalleen}."),
    _t("Graag voor {kort} reageren onder vermelding van {nummer}."),
    _t("De vrouw van {jaar} zorgt voor haar moeder, die in de tachtig is; kalium {lab}."),
    _t("Peuter ({mnd}) gezien op het consultatiebureau, terug {maand}."),
    _t("Medio {kortjaar} was er een MDO; versie 2.3 van het zorgplan, kosten € {prijs}."),
    _t("{naam}, {jrpunt} vraagt om hulp bij de was. Klantnr {nummer}."),
    _t("Van {dag} tot {dagmaand} met vakantie; {naam2} neemt waar."),
    _t("ECD {kaal}: meneer ({mv}) heeft 3 kinderen en 7 kleinkinderen."),
    _t("Tel. {telefoon}, dossier {nummer}, gesprek {kort}."),
]  # fmt: skip

CLEAN = [
    # -- tuning half -------------------------------------------------------------------------
    "Paracetamol 2 dd 500 mg, om 10.05 uur gegeven. Pijn 7/10, na een uur 4/10.",
    "Schema 1-0-1 voor de metformine, bloedsuiker 8,4 mmol/l voor het ontbijt.",
    "Kamer 2.14 is vrij vanaf de ochtend; bed 3 gaat naar de was.",
    "Al 2 jaar last van de knie, fysio 2 keer per week, 30 minuten oefenen.",
    "Versie 3.2 van het zorgplan staat klaar, de eigen bijdrage is € 21,50 per maand.",
    "Tussen 14:30 en 16.00 uur bezoek, maximaal 2 personen per bewoner.",
    "RR 135/85, pols 72, temperatuur 37,2 graden; saturatie is 96.",
    "Volgens de Wmo 2015 en de Wlz kan de cliënt een indicatie aanvragen.",
    "Een twintiger met burn-out klachten, de tweede keer dit jaar 3 weken ziek.",
    "Insuline 12 IE om 8.00 uur, Hb 7,8, kalium 4.1 en natrium 139.",
    "Op 1e kerstdag is er een brunch in de huiskamer, 12 bewoners doen mee.",
    "Het team telt 24 medewerkers in 3 diensten; 4-5 uur per dienst is er overleg.",
    # -- held-out half -----------------------------------------------------------------------
    "Movicolon 1 sachet per dag, om 9.30 uur; ontlasting Bristol 4.",
    "Score 8/10 na de training, 2 van de 12 vragen waren onduidelijk.",
    "Ze is in de tachtig en wil nog 3 keer per week wandelen, 20 minuten.",
    "Kamer 1.08 en 1.09 worden geschilderd, kosten € 450,00 per kamer.",
    "Bloeddruk 128/76, gewicht 64,5 kg, BMI 23,1; glucose 6,2.",
    "Protocol versie 4.1 (NEN 7510) geldt voor alle locaties sinds 3 maanden.",
    "De dosis wordt 20 mg, tabletten 2 x per dag na het eten.",
    "Wachttijd 6-8 weken, daarna 10 gesprekken van 45 minuten.",
    "Het rooster: vroege dienst 7.00-15.30, late dienst 15.00-23.15.",
    "Oudejaarsavond vuurwerk om 0.00 uur; 2 bewoners blijven op hun kamer.",
    "Vochtbalans 1500 ml in, 1200 ml uit; 3 luiers per nacht.",
    "Elke 4 uur draaien, decubitus graad 2 op de hiel, 1 x per dag verbinden.",
]  # fmt: skip
KINDS = ["rapportage", "chat", "notitie", "email", "overdracht", "verslag"]


def build(part: int, count: int, clean: int) -> list[dict[str, Any]]:
    rng = random.Random(SEED + 7 * part)  # noqa: S311 - made-up test data, not secrets
    parts = Parts4(rng)
    templates = half(TEMPLATES, part)
    cleans = half(CLEAN, part)
    prefix = "var4" if part == 0 else "var4ho"
    items = []
    for number in range(1, count + 1):
        kind = KINDS[number % len(KINDS)]
        while True:  # draw again until check_dataset finds nothing to fault
            body = " ".join(rng.choice(templates)(parts) for _ in range(rng.randint(3, 5)))
            if kind == "chat":
                body = body.lower()
            text, spans = parse_marked(body)
            item = {"id": f"{prefix}-{number:03d}", "kind": kind, "text": text, "spans": spans}
            if not check_record(item, set()):
                break
        items.append(item)
    for number in range(1, clean + 1):
        body = " ".join(rng.sample(cleans, 4))
        number_id = f"{prefix}-c{number:02d}"
        items.append({"id": number_id, "kind": "geen-identificatie", "text": body, "spans": []})
    return items


def main() -> int:
    for part, name in [(0, "variants4_set.jsonl"), (1, "variants4_holdout_set.jsonl")]:
        with (HERE / name).open("w", encoding="utf-8") as handle:
            for item in build(part, 60, 12):
                handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        print(f"72 texts written to {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

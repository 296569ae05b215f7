# ruff: noqa: RUF001 - names in Turkish and Polish spelling on purpose (dotless i ...)
"""Round 6 of issue 16: generated variants of whole names and whole addresses, two halves.

    python -m benchmarks.privacy.variants3

Writes ``variants3_set.jsonl`` (may be tuned on) and ``variants3_holdout_set.jsonl`` (never
tuned on). New name parts of Turkish, Moroccan, Surinamese, Polish, Frisian and Dutch
origin (particles, hyphens, diacritics), lower-case first names in chats, people named by
their initials only; streets that start with a title, saint, rank or profession or hold
particles, drawn from deduce's own street list and made up from a head, a surname of
deduce's surname list and a street word; house numbers with letters, "bis", ranges, floors
and flats; ages in brackets, "de ...-jarige", "zoon van ..."; record numbers with letter
prefixes and hyphens; schools "OBS ..." and "CBS ...". None of these parts or templates is
shared with ``variants.py``. Each list is cut in two; the first half feeds the tuning set,
the second the held-out set, so the two share no name, street, template or organisation.
Deterministic (a fixed seed); everything is made up.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from benchmarks.privacy.build_set import parse_marked
from benchmarks.privacy.variants import strip_accents

HERE = Path(__file__).parent
SEED = 1606
T = TypeVar("T")


def half(items: list[T], part: int) -> list[T]:
    """The first (``part`` 0, tuning) or second (1, held out) half of a list."""
    cut = len(items) // 2
    return items[:cut] if part == 0 else items[cut:]


FIRST = [
    # tuning half
    "Hüseyin", "Gülsüm", "Khadija", "Hamza", "Sharmila", "Errol", "Krzysztof", "Bożena",
    "Tjitske", "Sietse", "Geertruida", "Marlon", "Ilham", "Serkan", "Baukje", "Wojciech",
    # held-out half
    "Elif", "Oğuz", "Latifa", "Bilal", "Chandni", "Ravi", "Katarzyna", "Jędrzej", "Auke",
    "Sjoukje", "Hendrika", "Gisela", "Mustapha", "Büşra", "Durk", "Grzegorz",
]  # fmt: skip
SURNAME = [
    # tuning half
    "Karataş", "El Hamdaoui", "Jagessar", "Wójcik", "Hiemstra", "van 't Zand",
    "Ait Benhaddou", "Tjon-A-Fong", "Kamińska-de Wit", "de Boer-Yntema", "Coşkun",
    "Ramlakhan-Doekhie", "ter Veen", "Ben Saïd", "van der Zwaag", "Szymański",
    # held-out half
    "Yıldırım", "El Morabit", "Sitaldin", "Dąbrowski", "Feenstra", "op 't Hoog",
    "Ait Lahcen", "Kromodikoro", "Jabłońska-van Dijk", "van der Heijden-Terpstra", "Aksoy",
    "Pengel-Wong", "ten Hove", "Ben Haddou", "van de Kamp", "Kowalczyk",
]  # fmt: skip
INITIALS = ["B.", "H.J.", "C.M.", "S.", "A.W.", "F.", "I.E.", "P.J.K.", "L.", "D.T."]
# Heads that open a made-up street name: title, saint, rank, profession.
HEADS = [
    "Kapelaan", "Pater", "Sint", "Burgemeester", "Dokter", "Professor", "Generaal", "Majoor",
    "Kapitein", "Notaris", "Meester", "Dominee", "Prof.", "Mgr.", "Zuster", "Pastoor",
]  # fmt: skip
STREET_WORDS = ["straat", "laan", "weg", "plein", "singel", "hof", "kade", "dreef", "pad"]
NUMBERS = [
    "15bis", "88-I", "2-6", "31 A", "104-3", "56hs", "7 II", "210-212", "9a", "41 bis",
    "3-101", "19-B", "62 zw", "5 boven", "11c", "130-2",
]  # fmt: skip
SCHOOLS = [
    "OBS De Springplank", "CBS De Wegwijzer", "OBS Het Palet", "CBS Prins Maurits",
    "Zorgcentrum De Meerpaal", "Thuiszorg Het Anker",
    "OBS De Zevensprong", "CBS De Fontein", "OBS Tamarinde", "CBS Het Mozaïek",
    "Woonzorg De Lichtboei", "Wijkverpleging Het Zonnehuis",
]  # fmt: skip
PLACES = ["Drachten", "Heerenveen", "Schiedam", "Lelystad", "Oss", "Kampen", "Hoorn", "Weert"]


def _deduce_streets() -> list[str]:
    """Streets from deduce's own list that open with a head of HEADS or hold a particle."""
    import deduce

    path = Path(deduce.__file__).parent / "data/lookup/src/locations/lst_street/items.txt"
    heads = (*(h + " " for h in HEADS), "Sint ", "Van ", "Laan van ", "De ")
    streets = sorted(
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith(heads) and 2 <= len(line.split()) <= 4 and "(" not in line
    )
    return random.Random(SEED).sample(streets, 40)  # noqa: S311 - made-up test data


def _deduce_surnames() -> list[str]:
    import deduce

    path = Path(deduce.__file__).parent / "data/lookup/src/names/lst_surname/items.txt"
    names = sorted(
        w.strip()
        for w in path.read_text(encoding="utf-8").splitlines()
        if w.strip().isalpha() and w[:1].isupper() and len(w.strip()) >= 5
    )
    return random.Random(SEED + 1).sample(names, 40)  # noqa: S311 - made-up test data


class Parts3:
    def __init__(self, rng: random.Random, part: int) -> None:
        self.rng = rng
        self.first = half(FIRST, part)
        self.surname = half(SURNAME, part)
        self.initials = half(INITIALS, part)
        self.heads = half(HEADS, part)
        self.numbers = half(NUMBERS, part)
        self.schools = half(SCHOOLS, part)
        self.places = half(PLACES, part)
        self.listed_streets = half(_deduce_streets(), part)
        self.street_surnames = half(_deduce_surnames(), part)

    def pick(self, items: list[str]) -> str:
        return self.rng.choice(items)

    def name(self) -> str:
        shape = self.rng.random()
        surname = self.pick(self.surname)
        if shape < 0.3:
            return f"{self.pick(self.initials)} {surname}"
        name = f"{self.pick(self.first)} {surname}"
        return strip_accents(name) if self.rng.random() < 0.2 else name

    def street(self) -> str:
        if self.rng.random() < 0.5:
            street = self.pick(self.listed_streets)
        else:
            head = self.pick(self.heads)
            middle = self.rng.choice(["", "", "van ", "de ", "van der "])
            street = f"{head} {middle}{self.pick(self.street_surnames)}"
            street += self.pick(STREET_WORDS)
        return f"{street} {self.pick(self.numbers)}"

    def record(self) -> str:
        r = self.rng
        shape = r.randrange(4)
        if shape == 0:
            prefix = r.choice(["CL", "ZD", "JZ", "WLZ"])
            return f"{prefix}-{r.randint(2018, 2026)}-{r.randint(10, 9999):04d}"
        if shape == 1:
            return f"{r.choice(['dos', 'cl', 'pt'])}-{r.randint(10000, 9999999)}"
        if shape == 2:
            return f"{r.choice(['RV', 'MDO', 'K'])}-{r.randint(100, 999)}-{r.randint(100, 999)}"
        return f"{r.choice(['BZ', 'GGZ'])}{r.randint(100000, 9999999)}"


Template = Callable[[Parts3], str]


def _t(text: str) -> Template:
    def fill(p: Parts3) -> str:
        r = p.rng
        values = {
            "titel": r.choice(["Mevr.", "mevrouw", "Dhr.", "dhr.", "mw.", "meneer"]),
            "naam": f"[[naam:{p.name()}]]",
            "naam2": f"[[naam:{p.name()}]]",
            "voornaam": f"[[naam:{p.pick(p.first)}]]",
            "voorletters": f"[[naam:{p.pick(p.initials)}]]",
            "adres": f"[[adres:{p.street()}]]",
            "plaats": f"[[plaats:{p.pick(p.places)}]]",
            "haakjes": f"([[leeftijd:{r.randint(2, 99)}]])",
            "jarige": f"[[leeftijd:{r.randint(2, 99)}-jarige]]",
            "kind": f"[[leeftijd:{r.randint(2, 17)}]]",
            "nummer": f"[[nummer:{p.record()}]]",
            "school": f"[[instelling:{p.pick(p.schools)}]]",
            "relatie": r.choice(["zoon", "dochter", "kleinzoon", "nichtje", "broertje"]),
        }
        return text.format(**values)

    return fill


TEMPLATES = [
    # tuning half
    _t("{titel} {naam} {haakjes} is verhuisd naar de {adres} in {plaats}."),
    _t("Gesprek met {naam} en haar {relatie} van {kind} over de dagbesteding."),
    _t("De {jarige} {relatie} van {titel} {naam2} gaat naar {school}."),
    _t("Huisbezoek {adres}: {voornaam} deed open, sleutelkluis werkt niet."),
    _t("Overgedragen door {voorletters} aan {naam}; dossier {nummer}."),
    _t("Post voor {naam} graag naar {adres}, {plaats}."),
    # held-out half
    _t("Nieuwe cliënt: {titel} {naam} {haakjes}, woonadres {adres}."),
    _t("{voornaam} vroeg of {titel} {naam2} morgen op de {adres} langs kan komen."),
    _t("Melding {nummer}: de {jarige} wordt begeleid door {voorletters}."),
    _t("Zijn {relatie} van {kind} zit op {school} sinds de zomer."),
    _t("Afspraak met {naam} op {adres}; daarna MDO met {voornaam}."),
    _t("Verwijzing via {school}, contactpersoon {naam}, {adres}."),
]  # fmt: skip
KINDS = ["rapportage", "chat", "notitie", "email", "overdracht", "chat"]


def build(part: int, count: int) -> list[dict[str, Any]]:
    rng = random.Random(SEED + part)  # noqa: S311 - made-up test data, not secrets
    parts = Parts3(rng, part)
    templates = half(TEMPLATES, part)
    prefix = "var3" if part == 0 else "var3ho"
    items = []
    for number in range(1, count + 1):
        kind = KINDS[number % len(KINDS)]
        body = " ".join(rng.choice(templates)(parts) for _ in range(rng.randint(3, 5)))
        if kind == "chat":
            body = body.lower()
        text, spans = parse_marked(body)
        items.append({"id": f"{prefix}-{number:03d}", "kind": kind, "text": text, "spans": spans})
    return items


def main() -> int:
    for part, name in [(0, "variants3_set.jsonl"), (1, "variants3_holdout_set.jsonl")]:
        with (HERE / name).open("w", encoding="utf-8") as handle:
            for item in build(part, 60):
                handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        print(f"60 texts written to {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

# ruff: noqa: RUF001 - names in Turkish and Polish spelling on purpose (dotless i ...)
"""Generated variants of real patterns of Dutch identifiers, as two annotated sets.

    python -m benchmarks.privacy.variants

Writes ``variants_set.jsonl`` (may be tuned on) and ``variants_holdout_set.jsonl`` (never
tuned on). Every name, street, number and organisation is made up, combined at random
from the parts below: first names and surnames of many origins (Dutch, Frisian, Turkish,
Moroccan, Surinamese, Ghanaian, Polish, Vietnamese), particles, double-barrelled names,
initials, streets named after titles, saints, ranks and professions, house numbers with
letters, "bis", ranges and flat numbers, short and long dates, ages and record numbers.
Variants: case (chats in lower case), spacing, hyphens, diacritics left out.

The two sets share no sentence template and no name, street or organisation: each part
list is cut in two halves, the first for the tuning set, the second for the held-out set.
The parts were written from general knowledge of Dutch care texts, not from the engine's
rules. The output is deterministic (a fixed seed).
"""

from __future__ import annotations

import json
import random
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.privacy.build_set import parse_marked

HERE = Path(__file__).parent
SEED = 16

FIRST_NAMES = [
    "Fatima", "Mohamed", "Youssef", "Emre", "Ayşe", "Mehmet", "Zeynep", "Özlem", "Kübra",
    "Rashida", "Priya", "Shanti", "Roshni", "Kwame", "Akosua", "Tomasz", "Agnieszka",
    "Małgorzata", "Łukasz", "Sjoerd", "Hylke", "Jelte", "Froukje", "Wietske", "Anna", "Pieter",
    "Willemijn", "Thijs", "Sanne", "Noor", "Daan", "Bram", "Lieke", "Ngozi", "Linh", "Sofía",
    "Jan-Willem", "Anne-Marie", "Hatice", "Soufiane", "Rachida", "Dewi", "Gerrit", "Trijntje",
    "Kofi", "Esi", "Bartosz", "Zofia", "Minh", "Thu", "Lucía", "Marie-José", "Hendrikje",
    "Wouter", "Ilse", "Yara", "Ibrahim", "Aziz", "Selin", "Burak",
]  # fmt: skip
SURNAMES = [
    "Jansen", "Bakker", "Visser", "Yılmaz", "Öztürk", "Kaya", "Çelik", "Bouzid", "Benali",
    "Haddou", "Mensah", "Owusu", "Kowalski", "Wiśniewski", "Nowak", "Dijkstra", "Hoekstra",
    "Wiersma", "Sewnandan", "Ramdin", "Baldewsingh", "Pinas", "Nguyen", "Tran", "Brouwer",
    "Smits", "Koster", "Mulder", "Doğan", "Aydın", "Şahin", "Ziani", "Boukhari", "Asante",
    "Boateng", "Zieliński", "Lewandowska", "Bergsma", "Postma", "Kramer", "Rahman", "Pham",
    "Ramsaran", "Kartosen", "Wijnaldum", "Ouali", "Bosch", "Hendriks",
]  # fmt: skip
PARTICLE_SURNAMES = [
    "van der Meer", "de Vries", "ter Horst", "van den Berg", "van 't Hof", "El Amrani",
    "El Idrissi", "Al-Sayed", "Ait Ouali", "van Dam", "de Jong", "ten Brinke", "op den Kamp",
    "in 't Veld", "van der Linden", "de Haan", "El Khatib", "van Dijk", "ter Beek", "de Wit",
    "van Leeuwen", "El Ouardi", "Al-Hassan", "van Rijn",
]  # fmt: skip
HYPHENATED = [
    "Smit-Tuinstra", "Bosma-de Haan", "Kaya-Demir", "Bennani-Tahiri", "Nowak-Kowalska",
    "Tjoe-A-Kwie", "van Oss-de Wit", "Jansen-van Beek", "Öztürk-Yıldız", "Mensah-Owusu",
    "de Boer-Koopmans", "Haddou-El Bakkali", "Wiersma-Zijlstra", "Tan-Lie",
    "Visser-van der Pol", "Pinas-Tjon",
]  # fmt: skip
INITIALS = ["A.", "J.P.", "W.J.M.", "H.", "E.M.", "K.", "T.J.", "M.A.", "R.", "G.H.A."]
STREET_HEADS = [
    "Burgemeester", "Dokter", "Dr.", "Sint", "St.", "Pater", "Kapelaan", "Pastoor",
    "Professor", "Prof.", "Generaal", "Kolonel", "Koningin", "Prins", "Graaf", "Bisschop",
    "Ds.", "Mr.", "Meester", "Kanunnik", "Zuster", "Burg.", "Kardinaal", "Luitenant",
]  # fmt: skip
STREET_NAMES = [
    "Van Nispen", "de With", "Schaepman", "Brugman", "Lorentz", "Ariëns", "Kuyper",
    "van den Elsen", "Visser", "Jan Steen", "Nolens", "Alfrink", "Huygens", "Juliana",
    "Maurits", "Van Heemstra", "Kuipers", "de Kock", "Bekkers", "Dondersen", "Verhagen",
    "ter Laan", "Poels", "Van der Does",
]  # fmt: skip
STREET_SUFFIXES = ["straat", "laan", "weg", "plein", "singel", "hof", "kade", "park", "dreef"]
PLAIN_STREETS = [
    "Kerkstraat", "Molenweg", "Dorpsstraat", "Beukenlaan", "Schoolstraat", "Marktplein",
    "Nieuwe Gracht", "Oude Haven", "Zuiderkade", "Lindenhof", "Vlietsingel", "Esdoornpad",
]  # fmt: skip
HOUSE_NUMBERS = [
    "14", "14a", "14 A", "14-A", "3 bis", "8-2", "4-112", "5 III", "9 hs", "22 rood", "12-14",
    "61 b", "7B", "101", "2 zw", "33-1", "18 bis", "40 II", "6A", "27-B",
]  # fmt: skip
PLACES = [
    "Zwolle", "Tilburg", "Leeuwarden", "Almere", "Heerlen", "Emmen", "Gouda", "Assen",
    "Venlo", "Deventer", "Roosendaal", "Purmerend",
]  # fmt: skip
MONTHS = [
    "jan.", "feb.", "mrt", "apr.", "mei", "jun.", "jul.", "aug.", "sept.", "okt", "nov.", "dec.",
]  # fmt: skip
MONTH_NAMES = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
]  # fmt: skip
INSTITUTIONS = [
    "OBS De Vlieger", "CBS Het Kompas", "Woonzorgcentrum Sint Jozef", "Zorggroep Eemhof",
    "Huisartsenpraktijk De Linde", "SBO De Klimop", "Wijkteam Noord-Oost", "Thuiszorg De Zorgzaam",
    "Zorgboerderij De Hoeve", "Woonvoorziening Het Baken", "Stichting Levensloop",
    "Kinderopvang Het Vlindertje", "Revalidatiecentrum De Klimmen", "CBS De Regenboog",
    "Jeugdzorg Overvecht", "Verpleeghuis Het Hofje", "Dagbesteding De Werkplaats",
    "Gezondheidscentrum Noorderpark", "Apotheek De Vijzel", "Hospice De Ark",
]  # fmt: skip
BRANDS = ["Zorgkracht", "Amaris", "Cordaan", "Lentis", "Zonnehuis", "Vivent", "Sensire", "Orbis"]
# Made-up one-word brand names; some resemble real ones, which the person texts never name.


def halves(items: list[str], part: int) -> list[str]:
    cut = len(items) // 2
    return items[:cut] if part == 0 else items[cut:]


def strip_accents(value: str) -> str:
    out = unicodedata.normalize("NFKD", value.replace("ı", "i").replace("ł", "l"))
    return "".join(ch for ch in out if not unicodedata.combining(ch)).replace("Ł", "L")


class Parts:
    def __init__(self, rng: random.Random, part: int) -> None:
        self.rng = rng
        self.first_names = halves(FIRST_NAMES, part)
        self.surnames = halves(SURNAMES, part)
        self.particles = halves(PARTICLE_SURNAMES, part)
        self.hyphenated = halves(HYPHENATED, part)
        self.street_names = halves(STREET_NAMES, part)
        self.plain_streets = halves(PLAIN_STREETS, part)
        self.places = halves(PLACES, part)
        self.institutions = halves(INSTITUTIONS, part)
        self.brands = halves(BRANDS, part)

    def pick(self, items: list[str]) -> str:
        return self.rng.choice(items)

    def surname(self) -> str:
        kind = self.rng.random()
        if kind < 0.35:
            return self.pick(self.surnames)
        if kind < 0.7:
            return self.pick(self.particles)
        return self.pick(self.hyphenated)

    def full_name(self) -> str:
        shape = self.rng.random()
        surname = self.surname()
        if shape < 0.25:
            return f"{self.pick(INITIALS)} {surname}"
        if shape < 0.35:  # a surname with a capital particle stands alone after a title
            return surname[0].upper() + surname[1:]
        name = f"{self.pick(self.first_names)} {surname}"
        return strip_accents(name) if self.rng.random() < 0.15 else name

    def street(self) -> str:
        if self.rng.random() < 0.25:
            street = self.pick(self.plain_streets)
        else:
            head, name = self.pick(STREET_HEADS), self.pick(self.street_names)
            suffix = self.pick(STREET_SUFFIXES)
            last = name.split()[-1]
            street = f"{head} {name[: -len(last)]}{last}{suffix}"
        return f"{street} {self.pick(HOUSE_NUMBERS)}"

    def date(self) -> str:
        day, month, year = (
            self.rng.randint(1, 28),
            self.rng.randint(1, 12),
            self.rng.randint(1930, 2026),
        )
        shape = self.rng.randrange(7)
        if shape == 0:
            return f"{day}-{month}"
        if shape == 1:
            return f"{day}/{month}"
        if shape == 2:
            return f"{day} {MONTHS[month - 1]} {year}"
        if shape == 3:
            return f"{day:02d}-{month:02d}-{year}"
        if shape == 4:
            return f"{MONTHS[month - 1]} {year}"
        if shape == 5:
            return f"{day} {MONTH_NAMES[month - 1]}"
        return f"{day}.{month:02d}.{year}"

    def record(self) -> str:
        r = self.rng
        shape = r.randrange(6)
        if shape == 0:
            prefix, year = r.choice(["CL", "ZD", "PT", "DOS", "WMO"]), r.randint(2019, 2026)
            return f"{prefix}-{year}-{r.randint(100, 99999):05d}"
        if shape == 1:
            return f"{r.choice(['cl', 'ecd', 'zd'])}-{r.randint(10000, 999999)}"
        if shape == 2:
            return str(r.randint(1000000, 99999999))
        if shape == 3:
            return f"{r.choice(['HV', 'SVB', 'TZ'])} {r.randint(10000000, 99999999)}"
        if shape == 4:
            return f"{r.randint(2019, 2026)}/{r.randint(1000, 99999)}"
        return f"{r.choice(['A', 'Z', 'K'])}{r.randint(100000, 9999999)}"


Template = Callable[[Parts], str]


def _t(text: str) -> Template:
    """A template with slots: {naam}, {titel}, {adres}, {datum}, {nummer}, {instelling}, ..."""

    def fill(p: Parts) -> str:
        r = p.rng
        values = {
            "titel": r.choice(["Mevr.", "mevrouw", "Dhr.", "dhr.", "mw.", "meneer", "de heer"]),
            "naam": f"[[naam:{p.full_name()}]]",
            "naam2": f"[[naam:{p.full_name()}]]",
            "voornaam": f"[[naam:{p.pick(p.first_names)}]]",
            "achternaam": f"[[naam:{p.surname()}]]",
            "adres": f"[[adres:{p.street()}]]",
            "plaats": f"[[plaats:{p.pick(p.places)}]]",
            "datum": f"[[datum:{p.date()}]]",
            "jaar": f"[[datum:{r.randint(1935, 2025)}]]",
            "leeftijd": f"[[leeftijd:{r.randint(18, 99)}]]",
            "kind": f"[[leeftijd:{r.randint(2, 17)}]]",
            "jarige": f"[[leeftijd:{r.randint(2, 99)}-jarige]]",
            "jaaroud": f"[[leeftijd:{r.randint(18, 99)} jaar]]",
            "nummer": f"[[nummer:{p.record()}]]",
            "instelling": f"[[instelling:{p.pick(p.institutions)}]]",
            "merk": f"[[instelling:{p.pick(p.brands)}]]",
            "maand": f"[[datum:{r.choice(MONTH_NAMES)}]]",
        }
        return text.format(**values)

    return fill


TEMPLATES_A: list[Template] = [
    _t("{titel} {naam} ({leeftijd}) is vanochtend gevallen in de badkamer."),
    _t("Bezoek van dochter {voornaam} en schoonzoon {naam2}."),
    _t("Cliënt woont aan de {adres} in {plaats}."),
    _t("Opgenomen op {datum}, ontslag gepland."),
    _t("Cliëntnummer: {nummer}."),
    _t("Zij gaat sinds {jaar} naar {instelling}."),
    _t("Overleg met {naam} van {instelling} over de indicatie."),
    _t("De {jarige} zoon logeert bij oma."),
    _t("Nieuw adres: {adres}, {plaats}."),
    _t("Evaluatie gepland in {maand}, met {titel} {achternaam}."),
    _t("Hij werkt sinds vorig jaar bij {merk} in de keuken."),
    _t("Geboren {datum}; dossiernummer {nummer}."),
]  # fmt: skip
TEMPLATES_B: list[Template] = [
    _t("Vandaag gesprek gehad met {titel} {naam}, {jaaroud}."),
    _t("Controle op {datum} bij de huisarts."),
    _t("Ze verhuist naar de {adres}."),
    _t("Contactpersoon: {naam} (dochter), zij komt {datum} langs."),
    _t("Kenmerk {nummer} graag vermelden."),
    _t("Kleinzoon {voornaam} ({kind}) zit op {instelling}."),
    _t("In {jaar} verhuisde het gezin naar {plaats}."),
    _t("Melding doorgezet naar {instelling}, t.a.v. {naam}."),
    _t("Afspraak in {maand} bij {titel} {achternaam} thuis, {adres}."),
    _t("Begeleider {voornaam} werkt ook voor {merk}."),
    _t("Patiëntnr. {nummer}, opname {datum}."),
    _t("Dochter van {kind} gaat mee naar de {adres}."),
]  # fmt: skip
# Ages without "jaar" and whole addresses (round 2 of issue 16): a third, tuning-only set
# from the first half of the name parts, with numbers that are no ages or house numbers
# (doses, times, rooms, counts) standing beside them.
STREET_PARTICLE_HEADS = [
    "Laan van", "Van der", "Van 't", "Jan van", "Willem de", "Kardinaal de", "Pater van den",
]  # fmt: skip
STREET_PARTICLE_NAMES = ["Meerdervoort", "Helst", "Hoff", "Goyen", "Zwijger", "Jong", "Elsen"]
MORE_HEADS = [
    "Sint", "St.", "Prinses", "Koning", "Prof.", "Generaal", "Burgemeester", "Kapelaan",
    "Wethouder", "Zuster", "Mgr.", "Kon.",
]  # fmt: skip
MORE_NUMBERS = [
    "12a", "12-A", "12 bis", "12-14", "12 hs", "12 III", "3-112", "12 zwart", "7 rood", "40-2",
    "5 C", "118 B", "9 bg", "21-III",
]  # fmt: skip
PERSON_WORDS = ["man", "vrouw", "meneer", "mevrouw", "cliënt", "patiënte", "bewoner", "jongen"]
RELATIONS = ["zoon", "dochter", "kleinzoon", "broer", "zus", "neef", "nicht"]


def street2(p: Parts) -> str:
    r = p.rng
    shape = r.randrange(4)
    if shape == 0:
        head = r.choice(STREET_PARTICLE_HEADS)
        name = r.choice(STREET_PARTICLE_NAMES)
        suffix = "" if head == "Laan van" else r.choice(STREET_SUFFIXES)
        street = f"{head} {name}{suffix}"
    elif shape == 1:
        name = p.pick(p.street_names)
        last = name.split()[-1]
        street = f"{r.choice(MORE_HEADS)} {name[: -len(last)]}{last}{r.choice(STREET_SUFFIXES)}"
    elif shape == 2:
        street = p.pick(p.plain_streets)
    else:
        street = p.street().rsplit(" ", 1)[0]
        street = street.rsplit(" ", 1)[0] if street[-1].isdigit() else street
    return f"{street} {r.choice(MORE_NUMBERS)}"


def _t2(text: str) -> Template:
    base = _t(text)

    def fill(p: Parts) -> str:
        r = p.rng
        age = r.randint(60, 99)
        values = {
            "adres2": f"[[adres:{street2(p)}]]",
            "postcode": f"[[postcode:{r.randint(1000, 9999)} {r.choice(['AB', 'KL', 'TR'])}]]",
            "haakjes": f"([[leeftijd:{age}]])",
            "jarige2": f"[[leeftijd:{age}-jarige]]",
            "jr": f"[[leeftijd:{age} jr]]",
            "kaal": f"[[leeftijd:{r.randint(20, 70)}]]",
            "ruim": f"[[leeftijd:{r.choice(['ruim', 'bijna', 'inmiddels'])} {age}]]",
            "oud": f"[[leeftijd:{age} jaar oud]]",
            "persoon": r.choice(PERSON_WORDS),
            "relatie": r.choice(RELATIONS),
            "dosis": f"{r.randint(1, 4)} keer per dag {r.randint(1, 3)} tabletten",
            "kamer": f"kamer {r.randint(1, 40)}",
            "tijd": f"{r.randint(7, 22)}:{r.choice(['00', '15', '30', '45'])}",
        }
        # the shared slots first ("{naam}"), then these ("{{adres2}}" survives the first)
        return base(p).format(**values)

    return fill


TEMPLATES_C: list[Template] = [
    _t2("{titel} {naam} {{haakjes}} woont aan de {{adres2}}, {{postcode}} {plaats}."),
    _t2("De {{jarige2}} {{persoon}} kreeg om {{tijd}} {{dosis}}."),
    _t2("Haar {{relatie}} van {{kaal}} komt morgen langs; zij ligt op {{kamer}}."),
    _t2("Het gaat om een {{persoon}} van {leeftijd} met diabetes, {{dosis}}."),
    _t2("Leeftijd: {{kaal}}. Adres: {{adres2}}."),
    _t2("{titel} {achternaam}, {leeftijd}, woont sinds kort op de {{adres2}}."),
    _t2("Cliënt is {{oud}} en woont alleen op de {{adres2}} in {plaats}."),
    _t2("Mevrouw is {{ruim}} en wil terug naar {{kamer}}."),
    _t2("{voornaam} {{haakjes}} en {titel} {achternaam} ({kind}) logeren bij opa."),
    _t2("Verhuisd naar de {{adres2}}; hij is {{jr}} en gebruikt {{dosis}}."),
    _t2("Bewoners op de gang: {titel} {achternaam} {{haakjes}} en {titel} {naam2}, {leeftijd}."),
    _t2("Pijnscore 4 om {{tijd}}, daarna {{dosis}}. De {{jarige2}} sliep daarna goed."),
]  # fmt: skip
KINDS = ["rapportage", "overdracht", "notitie", "email", "chat", "verslag", "incident"]


def make_text(parts: Parts, templates: list[Template], number: int, prefix: str) -> dict[str, Any]:
    r = parts.rng
    kind = KINDS[number % len(KINDS)]
    body = " ".join(r.choice(templates)(parts) for _ in range(r.randint(3, 5)))
    if kind == "chat":
        body = body.lower()  # chats are often all in lower case
    elif r.random() < 0.2:
        body = body.replace(" ", "  ", 2)  # double spaces
    text, spans = parse_marked(body)
    return {"id": f"{prefix}-{number:03d}", "kind": kind, "text": text, "spans": spans}


def build(part: int, count: int) -> list[dict[str, Any]]:
    rng = random.Random(SEED + part)  # noqa: S311 - made-up test data, not secrets
    parts = Parts(rng, part)
    templates = TEMPLATES_A if part == 0 else TEMPLATES_B
    prefix = "var" if part == 0 else "varho"
    items = []
    for number in range(1, count + 1):
        item = make_text(parts, templates, number, prefix)
        while len(item["text"]) < 150:
            extra = make_text(parts, templates, number, prefix)
            joined, offset = item["text"] + " " + extra["text"], len(item["text"]) + 1
            item["spans"] += [
                {**s, "start": s["start"] + offset, "end": s["end"] + offset}
                for s in extra["spans"]
            ]
            item["text"] = joined
        items.append(item)
    return items


def build_ages_addresses(count: int) -> list[dict[str, Any]]:
    """The third set: ages and whole addresses, from the tuning half of the name parts."""
    rng = random.Random(SEED + 2)  # noqa: S311 - made-up test data, not secrets
    parts = Parts(rng, 0)
    return [make_text(parts, TEMPLATES_C, number, "var2") for number in range(1, count + 1)]


def main() -> int:
    for part, name, count in [(0, "variants_set.jsonl", 60), (1, "variants_holdout_set.jsonl", 60)]:
        with (HERE / name).open("w", encoding="utf-8") as handle:
            for item in build(part, count):
                handle.write(json.dumps(item, ensure_ascii=False) + "\n")
        print(f"{count} texts written to {name}")
    with (HERE / "variants2_set.jsonl").open("w", encoding="utf-8") as handle:
        for item in build_ages_addresses(60):
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    print("60 texts written to variants2_set.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

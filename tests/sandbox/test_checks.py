"""The answer checks (pure functions) on the 20 shipped cases' model answers and on planted
errors."""

from __future__ import annotations

import pytest

from carai.practice.content import CaseData, read_cases
from carai.sandbox import checks
from tests.conftest import ROOT

CASES = read_cases(ROOT / "content")


def _id(case: CaseData) -> str:
    return f"{case.key}-{case.language}"


def test_all_shipped_cases_are_read() -> None:
    assert len(CASES) == 40  # 20 cases, Dutch and English


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_a_model_answer_gets_no_marks(case: CaseData) -> None:
    marks = checks.check_answer(
        case.model_answer, dossier=case.dossier, prompt="", task=case.task, checklist=case.keep
    )
    assert marks == []


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_every_planted_judgement_is_marked(case: CaseData) -> None:
    for output in case.ai_outputs:
        for unit in output.units:
            if unit.problem == "bias":
                assert checks.judgement_marks(unit.text), unit.text


def test_leaving_out_a_checklist_fact_is_marked() -> None:
    """Plant an omission: take one checklist fact out of the model answer. Most are then
    marked; a fact the model answer says twice in other words (the dossier repeats it) is
    rightly still found, so the bar is 85 %, not 100 %."""
    marked, total = 0, 0
    for case in CASES:
        for fact in case.keep:
            answer = case.model_answer.replace(fact, "")
            total += 1
            marked += checks.Mark(checks.OMISSION, fact) in checks.omission_marks(
                answer, checklist=case.keep
            )
    assert total > 150
    assert marked / total >= 0.85, (marked, total)


def _times(value: str, factor: int) -> str:
    number = float(value.replace(",", ".")) * factor
    text = f"{number:g}"
    return text.replace(".", ",") if "," in value else text


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_a_changed_dose_in_the_model_answer_is_marked(case: CaseData) -> None:
    """Plant an error: the first dose in mg of the model answer, ten times as much (or three
    times, when the dossier happens to have that amount too)."""
    facts = [f for f in checks._facts(case.model_answer) if f.unit == "mg"]
    if not facts:
        pytest.skip("no dose in mg in this model answer")
    first = facts[0]
    number = first.text.split("mg")[0].strip()
    known = {(f.value, f.unit) for f in checks._facts(case.dossier, parts=True)}
    for factor in (10, 3, 7):
        wrong_number = _times(number, factor)
        if (checks._normal_number(wrong_number), "mg") not in known:
            break
    wrong = first.text.replace(number, wrong_number, 1)
    answer = case.model_answer.replace(first.text, wrong, 1)
    marks = checks.number_marks(answer, sources=[case.dossier])
    assert [m.text for m in marks] == [wrong]


def test_planted_dose_errors_of_the_recorded_answers_that_change_a_number() -> None:
    """Of the dose errors planted in the recorded answers, those that change an amount are
    found; those that change how often ("2 keer per dag" for "1x per dag", "bd" for "od")
    are beyond this check (docs/sandbox.md says so)."""
    found: list[str] = []
    missed: list[str] = []
    for case in CASES:
        for output in case.ai_outputs:
            for unit in output.units:
                if unit.problem == "dose":
                    marks = checks.number_marks(unit.text, sources=[case.dossier, output.prompt])
                    (found if marks else missed).append(unit.text)
    assert "Medicatie: om 23:00 kreeg dhr. temazepam 20 mg vanwege onrust." in found
    assert len(found) >= 10, missed


def test_numbers_dates_times_and_money() -> None:
    dossier = "Om 23:00 temazepam 10 mg gegeven op 17-10. Pols 88. Schuld € 450."
    marks = checks.number_marks(
        "Op 18-10 om 23:30 kreeg hij temazepam 10 ml, pols 88, schuld € 540.", sources=[dossier]
    )
    assert [(m.text, m.detail) for m in marks] == [
        ("18-10", "absent"),
        ("23:30", "absent"),
        ("10 ml", "unit"),
        ("€ 540", "absent"),
    ]


def test_small_bare_numbers_and_placeholders_are_left_alone() -> None:
    assert checks.number_marks("1. Eerst dit. 2. Dan dat. [DATUM-1] [NAAM-2]", sources=[""]) == []


def test_a_name_not_in_the_dossier_is_marked() -> None:
    dossier = "Dhr. Visser woont in Apeldoorn. Dochter Marieke belt."
    marks = checks.name_marks(
        "Dhr. Visser belde met dochter Marieke en met dr. Jansen uit Zwolle.", sources=[dossier]
    )
    assert [m.text for m in marks] == ["Jansen", "Zwolle"]


def test_sentence_starts_days_and_abbreviations_are_not_names() -> None:
    assert checks.name_marks("Gisteren was het rustig. Op Maandag komt de SO.", sources=[""]) == []


def test_judgement_words_are_whole_words() -> None:
    assert checks.judgement_marks("Hij is lui en eigenwijs.") == [
        checks.Mark(checks.JUDGEMENT, "lui"),
        checks.Mark(checks.JUDGEMENT, "eigenwijs"),
    ]
    # "gek" is not in "gekregen", "psycho" is not in "psychogeriatrie"
    assert checks.judgement_marks("Hij heeft zijn medicatie gekregen op de psychogeriatrie.") == []


def test_plain_language_only_when_asked() -> None:
    hard = (
        "De cliënt ontvangt in verband met de exacerbatie van de chronische obstructieve "
        "longaandoening gedurende de komende vijf dagen tweemaal daags prednisolon, waarna "
        "een evaluatie plaatsvindt."
    )
    assert checks.plain_language_asked("Leg het uit in eenvoudige taal (B1).")
    assert not checks.plain_language_asked("Maak een overdracht.")
    assert [
        m.kind
        for m in checks.check_answer(hard, dossier=hard, prompt="", task="Overdracht", checklist=[])
    ] == []
    marks = checks.check_answer(
        hard, dossier=hard, prompt="Schrijf het in B1.", task="", checklist=[]
    )
    assert [m.kind for m in marks] == [checks.PLAIN]
    assert (
        checks.plain_marks("Je krijgt vijf dagen een tablet. Daarna kijken we samen hoe het gaat.")
        == []
    )


# Edge values of each check ------------------------------------------------------------------

M = checks.Mark


@pytest.mark.parametrize(
    ("written", "normal"),
    [("10,50", "10.5"), ("10.0", "10"), ("007", "7"), ("0", "0"), ("0,0", "0"), ("120", "120")],
)
def test_numbers_are_compared_as_numbers(written: str, normal: str) -> None:
    assert checks._normal_number(written) == normal


def test_a_number_written_another_way_is_the_same_number() -> None:
    dossier = "Om 09:05 kreeg zij 2,50 mg. Kosten € 450,00. Gemeten op 07-03."
    answer = "Om 9:05 kreeg zij 2.5 mg. Kosten €450. Gemeten op 7-3."
    assert checks.number_marks(answer, sources=[dossier]) == []


@pytest.mark.parametrize(
    ("alias", "unit"),
    [("gram", "g"), ("microgram", "mcg"), ("µg", "mcg"), ("liter", "l"), ("E", "ie"),
     ("eh", "ie"), ("MG", "mg")],
)  # fmt: skip
def test_another_name_of_a_dose_unit_is_the_same_unit(alias: str, unit: str) -> None:
    assert checks.number_marks(f"Zij kreeg 40 {alias}.", sources=[f"Gegeven: 40 {unit}."]) == []
    assert checks.number_marks(f"Zij kreeg 40 {alias}.", sources=["Gegeven: 40 kcal."]) == [
        M(checks.NUMBER, f"40 {alias}", "unit")
    ]


def test_a_bare_number_above_twelve_is_a_fact_twelve_is_a_count() -> None:
    assert checks.number_marks("Stap 12.", sources=[""]) == []
    assert checks.number_marks("Pols 13.", sources=[""]) == [M(checks.NUMBER, "13", "absent")]
    # With a unit even a small number is a fact.
    assert checks.number_marks("Zij kreeg 2 mg.", sources=[""]) == [
        M(checks.NUMBER, "2 mg", "absent")
    ]


def test_a_source_s_range_or_date_also_holds_its_numbers() -> None:
    sources = ["Wandelen 15-20 minuten, bloeddruk 138/86."]
    assert checks.number_marks("Wandel 20 minuten; bovendruk 138.", sources=sources) == []
    # ... but the answer's own date is a date, not two numbers.
    assert checks.number_marks("Op 15-20.", sources=["15 en 20"]) == [
        M(checks.NUMBER, "15-20", "absent")
    ]


def test_a_time_or_date_is_not_the_same_fact_as_a_bare_number() -> None:
    assert checks.number_marks("Om 14:30.", sources=["14 30 1430"]) == [
        M(checks.NUMBER, "14:30", "absent")
    ]
    assert checks.number_marks("Pols 88 op 8-8.", sources=["8-8 en 88"]) == []


def test_the_prompt_and_task_count_as_sources_and_each_mark_once() -> None:
    marks = checks.check_answer(
        "Pols 88, pols 88, gewicht 71 kg, 71 kg.",
        dossier="",
        prompt="De pols was 88.",
        task="",
        checklist=[],
    )
    assert marks == [M(checks.NUMBER, "71 kg", "absent")]
    marks = checks.check_answer(
        "20 ml en 20 ml.", dossier="20 mg", prompt="", task="", checklist=[]
    )
    assert marks == [M(checks.NUMBER, "20 ml", "unit")]


def test_a_name_after_a_title_or_comma_is_checked_even_at_the_start() -> None:
    sources = ["Een verzonnen dossier."]
    assert checks.name_marks("Mevr. Pietersen belde.", sources=sources) == [
        M(checks.NAME, "Pietersen")
    ]
    assert checks.name_marks("Dochter, Annemiek, belde.", sources=sources) == [
        M(checks.NAME, "Annemiek")
    ]
    assert checks.name_marks("Zuster Bakker kwam.", sources=sources) == [M(checks.NAME, "Bakker")]


def test_short_words_abbreviations_known_words_and_repeats_are_not_marked_twice() -> None:
    sources = ["Zij woont in Deventer."]
    answer = "Zij ging met Bo naar de GGD in Deventer en daarna naar Zwolle en weer Zwolle."
    assert checks.name_marks(answer, sources=sources) == [M(checks.NAME, "Zwolle")]
    assert checks.name_marks("Zij ging naar Ede.", sources=[""]) == [M(checks.NAME, "Ede")]
    assert checks.name_marks("Het kind van 's Hertogenbosch.", sources=[""]) == []
    assert checks.name_marks("Zij belt op Zondag en Maart.", sources=[""]) == []


def test_a_fact_counts_when_most_of_its_words_and_all_its_numbers_are_there() -> None:
    fact = "bloeddruk gemeten 150 na de val"  # words: bloeddruk, gemeten, val
    # Two of the three words (67 %) and the number, in one sentence: there.
    assert checks.omission_marks("De bloeddruk was 150 na een val.", checklist=[fact]) == []
    # One of three (33 %): not there.
    assert checks.omission_marks("Na een val: 150.", checklist=[fact]) == [M(checks.OMISSION, fact)]
    # The words but another number: not there.
    assert checks.omission_marks("Bloeddruk gemeten na de val: 160.", checklist=[fact]) == [
        M(checks.OMISSION, fact)
    ]


def test_a_fact_may_be_spread_over_up_to_three_sentences() -> None:
    fact = "dochter belt huisarts"
    three = "De dochter is bezorgd. Het is laat. Zij belt de huisarts."
    assert checks.omission_marks(three, checklist=[fact]) == []
    apart = (
        "De dochter is bezorgd. Het is laat. Het regent. Zij belt. Het is koud. Wij wachten. "
        "Met de huisarts."
    )
    assert checks.omission_marks(apart, checklist=[fact]) == [M(checks.OMISSION, fact)]
    # A fact of only numbers needs only its numbers; an empty checklist marks nothing.
    assert checks.omission_marks("Het was 38,5.", checklist=["38,5"]) == []
    assert checks.omission_marks("Niets.", checklist=[]) == []


def test_judgement_stems_and_each_word_once() -> None:
    assert checks.judgement_marks("Zij manipuleert. Zij MANIPULEERT weer. Koppige vrouw.") == [
        M(checks.JUDGEMENT, "manipuleert"),
        M(checks.JUDGEMENT, "Koppige"),
    ]
    assert checks.judgement_marks("Hij is luidruchtig.") == []


def test_plain_language_edges() -> None:
    twenty = " ".join(["woord"] * 19) + " eind."
    assert checks.plain_marks(twenty) == []
    assert checks.plain_marks("Nog " + twenty) == [M(checks.PLAIN, "Nog " + twenty, "long")]
    # After a colon or semicolon each part counts by itself.
    assert checks.plain_marks("Lijst: " + twenty[:-1] + "; " + twenty) == []
    two_long = "De zorgverzekeraar en de thuiszorgorganisatie praten."
    assert checks.plain_marks(two_long) == []
    three_long = "De zorgverzekeraar en de thuiszorgorganisatie overleggen medicatiebeleid."
    assert checks.plain_marks(three_long) == [M(checks.PLAIN, three_long, "words")]
    assert checks.plain_marks("") == []


def test_sentences_are_cut_before_a_capital_and_at_line_ends() -> None:
    text = "Hij kreeg 9.5 mg van dhr. de Vries. Daarna sliep hij!\nOk? (Goed.)"
    assert checks.sentences(text) == [
        "Hij kreeg 9.5 mg van dhr. de Vries.",
        "Daarna sliep hij!",
        "Ok?",
        "(Goed.)",
    ]


def test_plain_language_checked_when_asked_or_forced() -> None:
    long = " ".join(["woord"] * 25) + "."
    kinds = lambda **kw: [  # noqa: E731
        m.kind for m in checks.check_answer(long, dossier="", checklist=[], **kw)
    ]
    assert kinds(prompt="", task="Schrijf eenvoudig.") == [checks.PLAIN]
    assert kinds(prompt="Use plain English.", task="") == [checks.PLAIN]
    assert kinds(prompt="", task="") == []
    assert kinds(prompt="", task="", plain=True) == [checks.PLAIN]
    assert kinds(prompt="B1 graag", task="", plain=False) == []


def test_every_kind_in_the_order_of_the_kinds() -> None:
    marks = checks.check_answer(
        "Hij is lui. Mevr. Jansen kreeg 30 mg.",
        dossier="Mevrouw kreeg 20 mg.",
        prompt="",
        task="",
        checklist=["pijn gemeten"],
    )
    assert [m.kind for m in marks] == [
        checks.NUMBER,
        checks.NAME,
        checks.OMISSION,
        checks.JUDGEMENT,
    ]


def test_money_is_a_fact_even_when_small_and_a_dose_number_as_money_is_marked() -> None:
    assert checks.number_marks("Eigen bijdrage € 5.", sources=[""]) == [
        M(checks.NUMBER, "€ 5", "absent")
    ]
    assert checks.number_marks("Het kost € 20.", sources=["Zij kreeg 20 mg."]) == [
        M(checks.NUMBER, "€ 20", "unit")
    ]


def test_three_of_five_words_is_exactly_enough() -> None:
    fact = "dochter belt huisarts over medicatie"  # five words (stems of five letters)
    assert checks.omission_marks("De dochter belt de huisarts.", checklist=[fact]) == []
    assert checks.omission_marks("De dochter belt.", checklist=[fact]) == [M(checks.OMISSION, fact)]


def test_a_known_word_with_a_dash_or_quote_at_its_end_is_still_known() -> None:
    sources = ["Zij woont in Noord- of Zuid-Holland. Dhr. Visser belt."]
    assert checks.name_marks("Zij verhuist naar Noord.", sources=sources) == []
    assert checks.name_marks("Gesprek met Visser- en de dochter.", sources=sources) == []
    assert checks.name_marks("Gesprek met Xander.", sources=[""]) == [M(checks.NAME, "Xander")]


def test_a_placeholder_is_a_word_in_the_sentence() -> None:
    assert checks.name_marks("Gesprek met [NAAM-1] Jansen.", sources=[""]) == [
        M(checks.NAME, "Jansen")
    ]
    eleven = "een twee drie vier vijf zes zeven acht negen tien elf."
    # A placeholder starts a sentence like a capital does: two sentences, not one of 23 words.
    assert checks.plain_marks(f"Daarna {eleven} [NAAM-1] {eleven}") == []


def test_a_repeated_mark_does_not_stop_the_check() -> None:
    assert checks.number_marks("71 kg, 71 kg, 30 mg.", sources=[""]) == [
        M(checks.NUMBER, "71 kg", "absent"),
        M(checks.NUMBER, "30 mg", "absent"),
    ]


def test_thirteen_letters_is_a_long_word() -> None:
    thirteen = "Zorgbehoeften, medicijnlijst en overgangsfase."
    assert checks.plain_marks(thirteen) == [M(checks.PLAIN, thirteen, "words")]
    twelve = "Zorgbehoefte, medicijnlijs en overgangsfas."
    assert checks.plain_marks(twelve) == []
    assert checks.plain_marks(":;") == []


def test_plain_marks_come_after_the_other_marks() -> None:
    long = "Hij is lui. " + " ".join(["woord"] * 25) + "."
    marks = checks.check_answer(
        long, dossier="", prompt="", task="Schrijf eenvoudig.", checklist=["pijn gemeten"]
    )
    assert [m.kind for m in marks] == [checks.OMISSION, checks.JUDGEMENT, checks.PLAIN]

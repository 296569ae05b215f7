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

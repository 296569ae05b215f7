"""Privacycheck: paste a text, see what identifies someone, copy a version without it.

Nothing typed here is stored or logged: no model, no audit event, no session data; the
text is masked in error reports (sensitive_post_parameters).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from carai.accounts.http import authenticated_user
from carai.core.engine import privacy_engine_or_none
from carai.core.forms import add_service_errors
from carai.core.language import content_language
from carai.practice.access import access_case, access_own_practice_attempt
from carai.practice.forms import PreparedTextForm, PrivacyCheckForm, TickUnitsForm
from carai.practice.models import Case, Exercise, PracticeAttempt
from carai.practice.scoring import PASS_MARK
from carai.practice.selectors import (
    cases_for,
    output_attempt_review,
    privacy_attempt_missed,
    result_pieces,
    verdict_text,
)
from carai.practice.services import practice_output_submit, practice_privacy_submit


def _check(text: str) -> dict[str, object]:
    """The privacy check of ``text`` for a template, or ``starting`` while the engine loads."""
    engine = privacy_engine_or_none()
    if engine is None:
        return {"starting": True}
    result = engine.analyse(text)
    return {"result": result, "pieces": result_pieces(result), "verdict": verdict_text(result)}


@sensitive_post_parameters("text")
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def privacy_check(request: HttpRequest) -> HttpResponse:
    form = PrivacyCheckForm(request.POST or None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and form.is_valid():
        context.update(_check(form.cleaned_data["text"]))
    return render(request, "practice/privacy_check.html", context)


# Fictional cases and their exercises ---------------------------------------------------------


@login_required
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    cases = cases_for(user=user, language=content_language())
    done = set(
        PracticeAttempt.objects.filter(user=user, passed=True)
        .values_list("case_id", "exercise")
        .distinct()
    )
    rows = [(case, (case.pk, "privacy") in done, (case.pk, "output") in done) for case in cases]
    return render(request, "practice/case_list.html", {"rows": rows})


@login_required
@require_GET
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(case_id=case_id)
    data = case.as_data()
    attempts = PracticeAttempt.objects.filter(user=authenticated_user(request), case=case)
    passed = {(a.exercise, a.output_number) for a in attempts if a.passed}
    outputs = [
        (number, number + 2, (Exercise.OUTPUT, number) in passed)
        for number in range(len(data.ai_outputs))
    ]
    return render(
        request,
        "practice/case_detail.html",
        {
            "case": case,
            "data": data,
            "attempts": attempts,
            "privacy_passed": (Exercise.PRIVACY, 0) in passed,
            "outputs": outputs,
        },
    )


@sensitive_post_parameters("text")
@login_required
@require_http_methods(["GET", "POST"])
def exercise_privacy(request: HttpRequest, case_id: int) -> HttpResponse:
    """Prepare the dossier for an AI tool; "check" shows what still identifies the client."""
    user = authenticated_user(request)
    case = access_case(case_id=case_id)
    data = case.as_data()
    form = PreparedTextForm(request.POST or None, initial={"text": data.dossier})
    context: dict[str, object] = {"case": case, "data": data, "form": form}
    if request.method == "POST" and form.is_valid():
        if "check" in request.POST:
            context.update(_check(form.cleaned_data["text"]))
        else:
            attempt = practice_privacy_submit(
                user=user, case=case, prepared=form.cleaned_data["text"]
            )
            return redirect("practice:attempt", practice_attempt_id=attempt.pk)
    return render(request, "practice/exercise_privacy.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def exercise_output(request: HttpRequest, case_id: int, output_number: int) -> HttpResponse:
    """Tick the units of an AI answer that have a problem; the units are the case's own."""
    user = authenticated_user(request)
    case = access_case(case_id=case_id)
    data = case.as_data()
    if not 0 <= output_number < len(data.ai_outputs):
        raise Http404("No such AI answer.")
    output = data.ai_outputs[output_number]
    # Ticking nothing is an answer too: bind the form on every POST, even an empty one.
    form = TickUnitsForm(request.POST if request.method == "POST" else None, output=output)
    if request.method == "POST" and form.is_valid():
        try:
            attempt = practice_output_submit(
                user=user, case=case, output_number=output_number, ticked=form.ticked_numbers()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("practice:attempt", practice_attempt_id=attempt.pk)
    return render(
        request,
        "practice/exercise_output.html",
        {
            "case": case,
            "data": data,
            "output": output,
            "output_number": output_number + 1,
            "output_count": len(data.ai_outputs),
            "form": form,
        },
    )


@dataclass(frozen=True)
class Step:
    url: str
    label: str


def _exercise_url(case: Case, exercise: str, output_number: int) -> str:
    if exercise == Exercise.PRIVACY:
        return reverse("practice:exercise_privacy", kwargs={"case_id": case.pk})
    return reverse(
        "practice:exercise_output", kwargs={"case_id": case.pk, "output_number": output_number}
    )


def _next_steps(attempt: PracticeAttempt) -> list[Step]:
    """What to do after this attempt; the first step is the one to take."""
    case = attempt.case
    cases = Step(reverse("practice:case_list"), _("Choose another case"))
    if not case.is_active:
        return [cases]
    back = Step(reverse("practice:case_detail", kwargs={"case_id": case.pk}), _("Back to the case"))
    if not attempt.passed:
        url = _exercise_url(case, attempt.exercise, attempt.output_number)
        return [Step(url, _("Try again")), back]
    if attempt.exercise == Exercise.PRIVACY:
        return [
            Step(_exercise_url(case, Exercise.OUTPUT, 0), _("Next: check what the AI wrote")),
            back,
        ]
    following = attempt.output_number + 1
    if following < len(case.data.get("ai_outputs", [])):
        url = _exercise_url(case, Exercise.OUTPUT, following)
        return [Step(url, _("Next: check the AI's other answer")), back]
    return [cases, back]


@login_required
@require_GET
def attempt_detail(request: HttpRequest, practice_attempt_id: int) -> HttpResponse:
    """The feedback on one attempt, from what the attempt stored (never re-worked out from
    the case, which may have changed since)."""
    attempt = access_own_practice_attempt(
        user=authenticated_user(request), attempt_id=practice_attempt_id
    )
    context: dict[str, object] = {
        "attempt": attempt,
        "case": attempt.case,
        "pass_mark": PASS_MARK,
        "steps": _next_steps(attempt),
    }
    if attempt.exercise == Exercise.OUTPUT:
        blocks = output_attempt_review(attempt)
        context["review"] = blocks
        context["problems"] = sum(1 for b in blocks for u in b.units if u.problem)
        context["output_count"] = len(attempt.case.data.get("ai_outputs", []))
        context["output_number"] = attempt.output_number + 1
    else:
        context["missed"] = privacy_attempt_missed(attempt)
    return render(request, "practice/attempt.html", context)

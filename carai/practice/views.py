"""Privacycheck: paste a text, see what identifies someone, copy a version without it.

Nothing typed here is stored or logged: no model, no audit event, no session data; the
text is masked in error reports (sensitive_post_parameters).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from carai.accounts.http import authenticated_user
from carai.core.engine import privacy_engine_or_none
from carai.core.forms import add_service_errors
from carai.core.language import content_language
from carai.practice.access import access_case, access_own_practice_attempt
from carai.practice.forms import PreparedTextForm, PrivacyCheckForm, TickSentencesForm
from carai.practice.models import Case, PracticeAttempt
from carai.practice.scoring import problem_sentences, sentences
from carai.practice.selectors import result_pieces, verdict_text
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
    language = content_language()
    cases = Case.objects.filter(is_active=True, language=language).order_by("branch", "title")
    done = set(
        PracticeAttempt.objects.filter(user=authenticated_user(request), passed=True)
        .values_list("case_id", "exercise")
        .distinct()
    )
    rows = [(case, (case.pk, "privacy") in done, (case.pk, "output") in done) for case in cases]
    return render(request, "practice/case_list.html", {"rows": rows})


@login_required
@require_GET
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = access_case(case_id=case_id)
    attempts = PracticeAttempt.objects.filter(user=authenticated_user(request), case=case)
    return render(
        request,
        "practice/case_detail.html",
        {"case": case, "data": case.as_data(), "attempts": attempts},
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
    user = authenticated_user(request)
    case = access_case(case_id=case_id)
    data = case.as_data()
    if not 0 <= output_number < len(data.ai_outputs):
        raise Http404("No such AI answer.")
    output = data.ai_outputs[output_number]
    form = TickSentencesForm(request.POST or None, parts=sentences(output.text))
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
        {"case": case, "data": data, "output": output, "form": form},
    )


@login_required
@require_GET
def attempt_detail(request: HttpRequest, practice_attempt_id: int) -> HttpResponse:
    attempt = access_own_practice_attempt(
        user=authenticated_user(request), attempt_id=practice_attempt_id
    )
    data = attempt.case.as_data()
    context: dict[str, object] = {"attempt": attempt, "case": attempt.case, "data": data}
    if attempt.exercise == "output":
        output = data.ai_outputs[attempt.output_number]
        where = problem_sentences(output)
        ticked = set(attempt.answer.get("ticked", []))
        context["review"] = [
            (text, n in ticked, where.get(n, [])) for n, text in enumerate(sentences(output.text))
        ]
    return render(request, "practice/attempt.html", context)

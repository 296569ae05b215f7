"""The team works on a use case: triage by the lead, phases, team, responsible AI,
demonstrators, lessons learned, publishing and drafting a learning module."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from carai.accounts.http import authenticated_user
from carai.core.forms import add_service_errors, message_service_error
from carai.learning.access import authoring_organisations
from carai.usecases import selectors, services
from carai.usecases.access import (
    access_demonstrator_file,
    access_use_case,
    access_use_case_for_lead,
)
from carai.usecases.forms import (
    DemonstratorForm,
    LessonsForm,
    PhaseForm,
    RecruitingForm,
    ResponsibleAIForm,
    TeamAddForm,
    TriageForm,
)
from carai.usecases.models import JoinRequest, PhaseRecord, Status, UseCase
from carai.usecases.phases import FINISHED, phase


def detail_context(request: HttpRequest, use_case: UseCase, **forms: object) -> dict[str, object]:
    user = authenticated_user(request)
    current = None if use_case.phase == FINISHED else phase(use_case.phase)
    record = PhaseRecord.objects.filter(use_case=use_case, phase=use_case.phase).first()
    phase_form = (
        PhaseForm(
            phase=current,
            initial={
                "checklist": [
                    k for k, done in (record.checklist if record else {}).items() if done
                ],
                "notes": record.notes if record else "",
                "deliverables": record.deliverables if record else "",
            },
        )
        if current
        else None
    )
    rai = selectors.rai_rows(use_case)
    context: dict[str, object] = {
        "use_case": use_case,
        "steps": selectors.phase_steps(use_case),
        "current_phase": current,
        "phase_form": phase_form,
        "records": use_case.phase_records.order_by("pk"),
        "team": selectors.team_rows(use_case),
        "mix": selectors.team_mix(use_case),
        "rai": rai,
        "rai_open": sum(1 for row in rai if row.status == "open"),
        "demonstrators": use_case.demonstrators.all(),
        "history": use_case.history.select_related("actor")[:50],
        "team_form": TeamAddForm(),
        "demonstrator_form": DemonstratorForm(),
        "lessons_form": LessonsForm(instance=use_case),
        "triage_form": TriageForm()
        if user.is_community_lead and use_case.status == Status.SUBMITTED
        else None,
        "is_lead": user.is_community_lead,
        "accepted": use_case.status == Status.ACCEPTED,
        "educator_organisations": authoring_organisations(user=user),
        "recruiting_form": RecruitingForm(
            initial={"open_to_join": use_case.open_to_join, "looking_for": use_case.looking_for}
        ),
        "can_recruit": use_case.is_running,
        "join_requests": _join_requests(use_case),
    }
    context.update(forms)
    return context


def _join_requests(use_case: UseCase) -> list[tuple[JoinRequest, selectors.PersonContext]]:
    """Waiting requests, with where whoever asks comes from."""
    waiting = list(selectors.join_requests_waiting(use_case=use_case))
    context = selectors.people_context(users=[r.user for r in waiting])
    return [(r, context[r.user_id]) for r in waiting]


@login_required
@require_GET
def use_case_detail(request: HttpRequest, use_case_id: int) -> HttpResponse:
    use_case = access_use_case(user=authenticated_user(request), use_case_id=use_case_id)
    return render(request, "usecases/detail.html", detail_context(request, use_case))


def back_to(use_case: UseCase, anchor: str) -> HttpResponse:
    response = redirect("usecases:detail", use_case_id=use_case.pk)
    response["Location"] += f"#{anchor}"
    return response


@login_required
@require_POST
def use_case_triage(request: HttpRequest, use_case_id: int) -> HttpResponse:
    user = authenticated_user(request)
    use_case = access_use_case_for_lead(user=user, use_case_id=use_case_id)
    form = TriageForm(request.POST)
    if form.is_valid():
        try:
            services.use_case_triage(
                actor=user,
                use_case=use_case,
                accept=form.cleaned_data["decision"] == "accept",
                cycle=form.cleaned_data["cycle"],
                criteria=form.criteria(),
                reason=form.cleaned_data["reason"] or "",
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your decision is saved."))
            return back_to(use_case, "triage")
    use_case = access_use_case(user=user, use_case_id=use_case_id)
    return render(
        request, "usecases/detail.html", detail_context(request, use_case, triage_form=form)
    )


@login_required
@require_POST
def phase_save(request: HttpRequest, use_case_id: int) -> HttpResponse:
    user = authenticated_user(request)
    use_case = access_use_case(user=user, use_case_id=use_case_id)
    if use_case.phase == FINISHED:
        messages.error(request, _("This use case is finished."))
        return back_to(use_case, "phase")
    form = PhaseForm(request.POST, phase=phase(use_case.phase))
    if form.is_valid():
        try:
            services.phase_record_save(
                actor=user,
                use_case=use_case,
                checklist=dict.fromkeys(form.cleaned_data["checklist"], True),
                notes=form.cleaned_data["notes"],
                deliverables=form.cleaned_data["deliverables"],
            )
            if request.POST.get("advance"):
                services.use_case_advance(actor=user, use_case=use_case)
                messages.success(request, _("On to the next phase."))
            else:
                messages.success(request, _("Saved."))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return back_to(use_case, "phase")
    return render(
        request, "usecases/detail.html", detail_context(request, use_case, phase_form=form)
    )


@login_required
@require_POST
def team_add(request: HttpRequest, use_case_id: int) -> HttpResponse:
    user = authenticated_user(request)
    use_case = access_use_case(user=user, use_case_id=use_case_id)
    form = TeamAddForm(request.POST)
    if form.is_valid():
        try:
            services.team_add(
                actor=user,
                use_case=use_case,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Added to the team."))
            return back_to(use_case, "team")
    return render(
        request, "usecases/detail.html", detail_context(request, use_case, team_form=form)
    )


@login_required
@require_POST
def rai_save(request: HttpRequest, use_case_id: int) -> HttpResponse:
    user = authenticated_user(request)
    use_case = access_use_case(user=user, use_case_id=use_case_id)
    form = ResponsibleAIForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status for the checklist item."))
        return back_to(use_case, "responsible-ai")
    try:
        services.rai_item_update(
            actor=user,
            use_case=use_case,
            key=form.cleaned_data["key"],
            status=form.cleaned_data["status"],
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        message_service_error(request, error)
    else:
        messages.success(request, _("Saved."))
    return back_to(use_case, "responsible-ai")


@login_required
@require_POST
def demonstrator_add(request: HttpRequest, use_case_id: int) -> HttpResponse:
    user = authenticated_user(request)
    use_case = access_use_case(user=user, use_case_id=use_case_id)
    form = DemonstratorForm(request.POST, request.FILES)
    if form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            services.demonstrator_add(
                actor=user, use_case=use_case, data=data, file_data=form.cleaned_data["file"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The demonstrator is added."))
            return back_to(use_case, "demonstrators")
    return render(
        request,
        "usecases/detail.html",
        detail_context(request, use_case, demonstrator_form=form),
    )


@login_required
@require_POST
def lessons_save(request: HttpRequest, use_case_id: int) -> HttpResponse:
    user = authenticated_user(request)
    use_case = access_use_case(user=user, use_case_id=use_case_id)
    form = LessonsForm(request.POST, instance=UseCase.objects.get(pk=use_case.pk))
    if form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        services.lessons_save(actor=user, use_case=use_case, data=data)
        messages.success(request, _("Saved."))
        return back_to(use_case, "lessons")
    return render(
        request, "usecases/detail.html", detail_context(request, use_case, lessons_form=form)
    )


@login_required
@require_POST
def use_case_publish(request: HttpRequest, use_case_id: int) -> HttpResponse:
    user = authenticated_user(request)
    use_case = access_use_case_for_lead(user=user, use_case_id=use_case_id)
    try:
        services.use_case_publish(
            actor=user, use_case=use_case, published=request.POST.get("published") == "1"
        )
    except ValidationError as error:
        message_service_error(request, error)
    return back_to(use_case, "showcase")


@login_required
@require_POST
def module_draft(request: HttpRequest, use_case_id: int) -> HttpResponse:
    user = authenticated_user(request)
    use_case = access_use_case(user=user, use_case_id=use_case_id)
    organisations = {str(o.pk): o for o in authoring_organisations(user=user)}
    organisation = organisations.get(request.POST.get("organisation", ""))
    if organisation is None:
        messages.error(request, _("Only an educator can draft a learning module."))
        return back_to(use_case, "transfer")
    try:
        module = services.module_draft_from_use_case(
            actor=user, use_case=use_case, organisation=organisation
        )
    except ValidationError as error:
        message_service_error(request, error)
        return back_to(use_case, "transfer")
    messages.success(request, _("A draft module is made. Finish it and publish it."))
    return redirect("learning:authoring_module", draft_id=module.pk)


@require_GET
def demonstrator_file(request: HttpRequest, demonstrator_id: int) -> FileResponse:
    user = authenticated_user(request) if request.user.is_authenticated else None
    demonstrator = access_demonstrator_file(user=user, demonstrator_id=demonstrator_id)
    response = FileResponse(demonstrator.file.open("rb"))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = (
        "inline" if not demonstrator.file.name.endswith(".pdf") else "attachment"
    )
    return response

"""Use-case pages. Thin: access, form, service, template."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from carai.accounts.http import authenticated_user
from carai.core.forms import add_service_errors, message_service_error
from carai.learning.access import authoring_organisations
from carai.usecases import selectors, services
from carai.usecases.access import (
    access_demonstrator_file,
    access_join_request_for_team,
    access_open_use_case,
    access_own_join_request,
    access_published_use_case,
    access_use_case,
    access_use_case_for_lead,
    in_team,
)
from carai.usecases.canvas import canvas_pdf
from carai.usecases.forms import (
    CycleForm,
    DemonstratorForm,
    JoinDecisionForm,
    JoinRequestForm,
    LessonsForm,
    PhaseForm,
    RecruitingForm,
    ResponsibleAIForm,
    SubmitForm,
    TeamAddForm,
    TriageForm,
)
from carai.usecases.models import Cycle, JoinRequest, PhaseRecord, Status, UseCase
from carai.usecases.phases import FINISHED, phase


@login_required
@require_GET
def use_case_list(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    return render(
        request,
        "usecases/list.html",
        {
            "mine": selectors.use_cases_of(user=user),
            "queue": selectors.triage_queue() if user.is_community_lead else [],
            "everything": selectors.all_use_cases() if user.is_community_lead else [],
            "can_submit": selectors.submit_organisations(user=user).exists(),
            "waiting": selectors.join_requests_for_my_teams(user=user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def use_case_submit(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    organisations = selectors.submit_organisations(user=user)
    form = SubmitForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            use_case = services.use_case_submit(
                actor=user,
                organisation=form.cleaned_data["organisation"],
                data=form.use_case_data(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Thank you. The community lead will look at your question and let you know."),
            )
            return redirect("usecases:detail", use_case_id=use_case.pk)
    return render(
        request, "usecases/submit.html", {"form": form, "has_organisation": organisations.exists()}
    )


def _detail_context(request: HttpRequest, use_case: UseCase, **forms: object) -> dict[str, object]:
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
    return render(request, "usecases/detail.html", _detail_context(request, use_case))


def _back(use_case: UseCase, anchor: str) -> HttpResponse:
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
            return _back(use_case, "triage")
    use_case = access_use_case(user=user, use_case_id=use_case_id)
    return render(
        request, "usecases/detail.html", _detail_context(request, use_case, triage_form=form)
    )


@login_required
@require_POST
def phase_save(request: HttpRequest, use_case_id: int) -> HttpResponse:
    user = authenticated_user(request)
    use_case = access_use_case(user=user, use_case_id=use_case_id)
    if use_case.phase == FINISHED:
        messages.error(request, _("This use case is finished."))
        return _back(use_case, "phase")
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
            return _back(use_case, "phase")
    return render(
        request, "usecases/detail.html", _detail_context(request, use_case, phase_form=form)
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
            return _back(use_case, "team")
    return render(
        request, "usecases/detail.html", _detail_context(request, use_case, team_form=form)
    )


@login_required
@require_POST
def rai_save(request: HttpRequest, use_case_id: int) -> HttpResponse:
    user = authenticated_user(request)
    use_case = access_use_case(user=user, use_case_id=use_case_id)
    form = ResponsibleAIForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status for the checklist item."))
        return _back(use_case, "responsible-ai")
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
    return _back(use_case, "responsible-ai")


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
            return _back(use_case, "demonstrators")
    return render(
        request,
        "usecases/detail.html",
        _detail_context(request, use_case, demonstrator_form=form),
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
        return _back(use_case, "lessons")
    return render(
        request, "usecases/detail.html", _detail_context(request, use_case, lessons_form=form)
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
    return _back(use_case, "showcase")


@login_required
@require_POST
def module_draft(request: HttpRequest, use_case_id: int) -> HttpResponse:
    user = authenticated_user(request)
    use_case = access_use_case(user=user, use_case_id=use_case_id)
    organisations = {str(o.pk): o for o in authoring_organisations(user=user)}
    organisation = organisations.get(request.POST.get("organisation", ""))
    if organisation is None:
        messages.error(request, _("Only an educator can draft a learning module."))
        return _back(use_case, "transfer")
    try:
        module = services.module_draft_from_use_case(
            actor=user, use_case=use_case, organisation=organisation
        )
    except ValidationError as error:
        message_service_error(request, error)
        return _back(use_case, "transfer")
    messages.success(request, _("A draft module is made. Finish it and publish it."))
    return redirect("learning:authoring_module", draft_id=module.pk)


@login_required
@require_GET
def canvas(request: HttpRequest, use_case_id: int) -> HttpResponse:
    use_case = access_use_case(user=authenticated_user(request), use_case_id=use_case_id)
    return render(request, "usecases/canvas.html", _canvas_context(use_case, show_names=True))


def _canvas_context(use_case: UseCase, *, show_names: bool = False) -> dict[str, object]:
    """The canvas; the public showcase shows team roles, never names."""
    return {
        "show_names": show_names,
        "use_case": use_case,
        "team": use_case.team.select_related("user"),
        "rai": selectors.rai_rows(use_case),
        "demonstrators": use_case.demonstrators.all(),
        "steps": selectors.phase_steps(use_case),
    }


@login_required
@require_GET
def canvas_download(request: HttpRequest, use_case_id: int) -> HttpResponse:
    use_case = access_use_case(user=authenticated_user(request), use_case_id=use_case_id)
    return _pdf_response(use_case, show_names=True)


@require_GET
def showcase_canvas_download(request: HttpRequest, use_case_id: int) -> HttpResponse:
    return _pdf_response(access_published_use_case(use_case_id=use_case_id), show_names=False)


def _pdf_response(use_case: UseCase, *, show_names: bool) -> HttpResponse:
    response = HttpResponse(
        canvas_pdf(use_case, show_names=show_names), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="use-case-{use_case.pk}.pdf"'
    return response


@require_GET
def showcase(request: HttpRequest) -> HttpResponse:
    return render(request, "usecases/showcase.html", {"use_cases": selectors.showcase()})


@require_GET
def showcase_detail(request: HttpRequest, use_case_id: int) -> HttpResponse:
    use_case = access_published_use_case(use_case_id=use_case_id)
    return render(request, "usecases/showcase_detail.html", _canvas_context(use_case))


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


@login_required
@require_http_methods(["GET", "POST"])
def cycles(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    if not user.is_community_lead:
        raise Http404("Not for you.")
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cycle_create(**form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The cycle is added."))
            return redirect("usecases:cycles")
    return render(request, "usecases/cycles.html", {"form": form, "cycles": Cycle.objects.all()})


@login_required
@require_POST
def recruiting_save(request: HttpRequest, use_case_id: int) -> HttpResponse:
    user = authenticated_user(request)
    use_case = access_use_case(user=user, use_case_id=use_case_id)
    form = RecruitingForm(request.POST)
    if form.is_valid():
        try:
            services.use_case_recruiting_set(
                actor=user,
                use_case=use_case,
                open_to_join=form.cleaned_data["open_to_join"],
                looking_for=form.cleaned_data["looking_for"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Members of the community can now ask to join.")
                if use_case.open_to_join
                else _("The team no longer looks for new members."),
            )
            return _back(use_case, "team")
    return render(
        request, "usecases/detail.html", _detail_context(request, use_case, recruiting_form=form)
    )


@login_required
@require_POST
def join_decide(request: HttpRequest, join_request_id: int) -> HttpResponse:
    user = authenticated_user(request)
    join_request = access_join_request_for_team(user=user, join_request_id=join_request_id)
    use_case = access_use_case(user=user, use_case_id=join_request.use_case_id)
    form = JoinDecisionForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        try:
            services.join_request_decide(
                actor=user,
                join_request=join_request,
                accept=accept,
                reply=form.cleaned_data["reply"],
            )
        except ValidationError as error:
            message_service_error(request, error)
        else:
            name = join_request.user.display_name
            messages.success(
                request,
                _("%(name)s is now in the team. We let them know by e-mail.") % {"name": name}
                if accept
                else _("We let %(name)s know by e-mail that the team declined.") % {"name": name},
            )
        return _back(use_case, "team")
    return render(
        request,
        "usecases/detail.html",
        _detail_context(request, use_case, decision_form=form, decision_for=join_request.pk),
    )


@login_required
@require_GET
def open_list(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    return render(
        request,
        "usecases/open_list.html",
        {
            "open_use_cases": selectors.open_use_cases(),
            "my_requests": selectors.join_requests_of(user=user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, use_case_id: int) -> HttpResponse:
    user = authenticated_user(request)
    use_case = access_open_use_case(user=user, use_case_id=use_case_id)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.join_request_create(
                actor=user,
                use_case=use_case,
                role=form.cleaned_data["role"],
                motivation=form.cleaned_data["motivation"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your request has been sent. The team will answer you."))
            return redirect("usecases:join", use_case_id=use_case.pk)
    return render(
        request,
        "usecases/join.html",
        {
            "use_case": use_case,
            "form": form,
            "mix": selectors.team_mix(use_case),
            "in_team": in_team(user=user, use_case=use_case),
            "pending": selectors.pending_join_request(use_case=use_case, user=user),
            "is_member": selectors.submit_organisations(user=user).exists(),
        },
    )


@login_required
@require_POST
def join_withdraw(request: HttpRequest, join_request_id: int) -> HttpResponse:
    user = authenticated_user(request)
    join_request = access_own_join_request(user=user, join_request_id=join_request_id)
    try:
        services.join_request_withdraw(actor=user, join_request=join_request)
    except ValidationError as error:
        message_service_error(request, error)
    else:
        messages.success(request, _("Your request is withdrawn."))
    return redirect("usecases:open")

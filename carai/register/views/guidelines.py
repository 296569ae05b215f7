"""The organisation's AI guidelines: read and confirm them, publish a new version, see who
confirmed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from carai.accounts.http import authenticated_user
from carai.community.selectors import organisation_teams
from carai.core.forms import add_service_errors
from carai.core.http import is_htmx
from carai.core.paging import page_of, query_without_page
from carai.register import selectors, services
from carai.register.access import (
    access_acknowledgements,
    access_register,
    access_register_to_read,
)
from carai.register.forms import (
    AcknowledgeForm,
    AcknowledgementFilterForm,
    GuidelineForm,
)

# Guidelines ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def guidelines(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation, can_edit = access_register_to_read(user=user, slug=slug)
    guideline = selectors.current_guideline(organisation=organisation)
    if request.method == "POST":
        if guideline is None:
            raise Http404("No guidelines.")
        form = AcknowledgeForm(request.POST)
        if not form.is_valid() or form.cleaned_data["version"] != guideline.version:
            messages.error(
                request, _("A newer version was published meanwhile. Please read it first.")
            )
        else:
            services.guideline_acknowledge(guideline=guideline, user=user)
            messages.success(request, _("Thank you. You confirmed that you read the guidelines."))
        return redirect("register:guidelines", slug=slug)
    acknowledged = guideline is not None and selectors.has_acknowledged(
        guideline=guideline, user=user
    )
    return render(
        request,
        "register/guidelines.html",
        {
            "organisation": organisation,
            "guideline": guideline,
            "acknowledged": acknowledged,
            "can_edit": can_edit,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def guideline_edit(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_register(user=user, slug=slug, edit=True)
    current = selectors.current_guideline(organisation=organisation)
    initial = (
        {"title": current.title, "body": current.body}
        if current
        else {"title": _("Our agreements on AI")}
    )
    form = GuidelineForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.guideline_publish(
                organisation=organisation,
                actor=user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The new version is published. Members are asked to read it.")
            )
            return redirect("register:guidelines", slug=slug)
    return render(
        request,
        "register/guideline_form.html",
        {"organisation": organisation, "form": form, "current": current},
    )


@login_required
@require_GET
def acknowledgements(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = access_acknowledgements(user=authenticated_user(request), slug=slug)
    guideline = selectors.current_guideline(organisation=organisation)
    form = AcknowledgementFilterForm(
        request.GET or None, teams=organisation_teams(organisation=organisation)
    )
    context: dict[str, object] = {
        "organisation": organisation,
        "guideline": guideline,
        "form": form,
        "page_query": query_without_page(request),
        "page_target": "#people-results",
    }
    if guideline is not None:
        page = page_of(
            request, selectors.acknowledgement_people(guideline=guideline, **form.filters())
        )
        roles = selectors.roles_of(organisation=organisation, user_ids=[u.pk for u in page])
        context.update(
            page=page,
            rows=[(person, roles.get(person.pk, [])) for person in page],
            counts=selectors.acknowledgement_counts(guideline=guideline),
        )
    if is_htmx(request):
        return render(request, "register/includes/acknowledgement_results.html", context)
    return render(request, "register/acknowledgements.html", context)

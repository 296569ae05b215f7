"""For managers: assign modules and see who finished them (never their answers)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from carai.accounts.http import authenticated_user
from carai.community.access import TEAM_LEARNING_ROLES, access_organisation
from carai.core.forms import add_service_errors
from carai.learning import selectors
from carai.learning.forms import AssignmentForm
from carai.learning.services.assignments import assignment_create
from carai.practice.selectors import practice_completion


@login_required
@require_http_methods(["GET", "POST"])
def team_learning(request: HttpRequest, slug: str) -> HttpResponse:
    """For managers: assign modules and see who finished them (not their answers)."""
    user = authenticated_user(request)
    organisation = access_organisation(
        user=user, slug=slug, roles=TEAM_LEARNING_ROLES, lead_allowed=False
    )
    form = AssignmentForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            assignment_create(actor=user, organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The module has been assigned."))
            return redirect("learning:team", slug=organisation.slug)
    modules, rows = selectors.team_progress(organisation=organisation)
    return render(
        request,
        "learning/team.html",
        {
            "organisation": organisation,
            "form": form,
            "modules": modules,
            "rows": rows,
            "practice_rows": practice_completion(organisation=organisation),
        },
    )

"""The "AI rules" item of the main menu: the way to one's organisation's register, "May I?"
and guidelines."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from carai.accounts.http import authenticated_user
from carai.register import selectors


@login_required
@require_GET
def rules(request: HttpRequest) -> HttpResponse:
    """Per organisation of the person: "May I?", the register and the guidelines; with no
    organisation, why there is nothing here."""
    organisations = selectors.organisations_of(user=authenticated_user(request))
    return render(request, "register/rules.html", {"organisations": organisations})

"""Privacycheck: paste a text, see what identifies someone, copy a version without it.

Nothing typed here is stored or logged: no model, no audit event, no session data; the
text is masked in error reports (sensitive_post_parameters).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from carai.practice.engine import privacy_engine_or_none
from carai.practice.forms import PrivacyCheckForm
from carai.practice.selectors import result_pieces, verdict_text


@sensitive_post_parameters("text")
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def privacy_check(request: HttpRequest) -> HttpResponse:
    form = PrivacyCheckForm(request.POST or None)
    context: dict[str, object] = {"form": form, "starting": False}
    if request.method == "POST" and form.is_valid():
        engine = privacy_engine_or_none()
        if engine is None:
            context["starting"] = True
        else:
            result = engine.analyse(form.cleaned_data["text"])
            context.update(
                result=result,
                pieces=result_pieces(result),
                verdict=verdict_text(result),
            )
    return render(request, "practice/privacy_check.html", context)

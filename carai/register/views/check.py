""" "Mag dit?": may this text, or this kind of data, go into this AI tool?"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from carai.accounts.http import authenticated_user
from carai.community.models import Organisation
from carai.practice.selectors import result_pieces
from carai.register import selectors, services
from carai.register.access import (
    access_register,
)
from carai.register.forms import (
    CheckForm,
)
from carai.register.models import DataCategory

# "Mag dit?" ---------------------------------------------------------------------------------


@sensitive_post_parameters("text")
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_register(user=user, slug=slug)
    tools = list(selectors.tools_of(organisation=organisation))
    form = CheckForm(request.POST or None, tools=tools)
    context: dict[str, object] = {"organisation": organisation, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            check = services.tool_check(
                organisation=organisation,
                user=user,
                tools=tools,
                tool=form.chosen_tool(),
                text=(form.cleaned_data.get("text") or "").strip(),
                categories=set(form.cleaned_data.get("categories") or []),
                about_staff=form.cleaned_data["about"] == "staff",
            )
        except services.EngineStarting:
            context["starting"] = True
        else:
            context.update(_check_context(check, form, organisation))
    return render(request, "register/check.html", context)


def _check_context(
    check: services.ToolCheck, form: CheckForm, organisation: Organisation
) -> dict[str, object]:
    """The answer of "Mag dit?" in words, for the template."""
    category_labels = dict(DataCategory.choices)
    decision = check.decision
    return {
        "decision": decision,
        "tool": check.tool,
        "other_tool": form.cleaned_data.get("other_tool", "").strip(),
        "categories": [category_labels[c] for c in DataCategory.values if c in check.categories],
        "reasons": [
            _reason_text(code, category_labels.get(detail, detail))
            for code, detail in decision.reasons
        ],
        "conditions": [
            (category_labels.get(c, ""), text) for c, text in decision.conditions if text
        ],
        "result": check.result,
        "pieces": result_pieces(check.result) if check.result and check.result.spans else [],
        "pseudonymise_helps": check.pseudonymise_helps,
        "alternatives": check.alternatives,
        "contacts": selectors.privacy_officers(organisation=organisation),
    }


def _reason_text(code: str, category: object) -> str:
    texts = {
        "not_in_register": _(
            "This tool is not in your organisation's register: nobody has assessed it yet."
        ),
        "tool_not_allowed": _("Your organisation does not allow this tool."),
        "tool_under_review": _(
            "Your organisation is still assessing this tool. Until then, do not use it."
        ),
        "role_not_allowed": _("This tool is not meant for your role."),
        "module_missing": _("First finish the module %(category)s: this tool asks for it."),
        "category_not_assessed": _(
            "Nobody has decided yet whether %(category)s may go into this tool."
        ),
        "category_not_allowed": _("%(category)s may not go into this tool."),
        "category_allowed": _("%(category)s may go into this tool."),
    }
    return texts[code] % {"category": category}

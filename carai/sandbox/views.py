"""The AI sandbox's pages: choose a case, write a prompt, check it, send it, see the answer
streamed, check it against the dossier, keep it if you like; and the admin's model settings.

Nothing the learner types is stored unless they press "Keep this attempt"; the text is masked
in error reports (sensitive_post_parameters).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from carai.accounts.http import authenticated_user
from carai.accounts.models import User
from carai.community.access import access_community_lead
from carai.core.forms import add_service_errors
from carai.core.language import content_language
from carai.practice.access import access_case
from carai.practice.content import CaseData
from carai.practice.models import Case
from carai.practice.selectors import LABEL_NAMES, cases_for
from carai.register import verdict
from carai.sandbox import checks, selectors, services
from carai.sandbox.access import access_own_sandbox_attempt, access_sandbox_settings
from carai.sandbox.client import ModelError, Usage, stream_chat
from carai.sandbox.forms import CommunityForm, EndpointForm, JoinForm, PromptForm, SaveForm
from carai.sandbox.models import ModelEndpoint, Source

ANSWER_MARK = "<!--carai-sandbox-answer-->"
REVIEW_MARK = "<!--carai-sandbox-review-->"
AGAIN_MARK = "<!--carai-sandbox-again-->"
SYSTEM_PROMPT = (
    "You help a care worker practise with a made-up (fictional) client case. Answer in the "
    "language of the prompt. Use only facts from the text you are given."
)


def _reason(code: str, category: str) -> str:
    texts = {
        "tool_not_allowed": _("Your organisation does not allow this tool."),
        "tool_under_review": _("Your organisation is still assessing this tool."),
        "role_not_allowed": _("This tool is not meant for your role."),
        "module_missing": _("First finish the module %(category)s: this tool asks for it."),
        "category_not_assessed": _("Nobody decided yet whether health data may go in."),
        "category_not_allowed": _("Your register does not allow health data in this tool."),
        "category_allowed": _("Your register allows health data of clients in this tool."),
    }
    return texts.get(code, code) % {"category": category}


TOOL_KEYS = ("endpoint", "tool_allowed", "tool_reasons", "tool_conditions")


def _tool_context(endpoint: ModelEndpoint | None, user: User) -> dict[str, Any]:
    if endpoint is None:
        return {"endpoint": None}
    decision = selectors.tool_decision(endpoint=endpoint, user=user, language=content_language())
    return {
        "endpoint": endpoint,
        "tool_allowed": decision.outcome in verdict.USABLE_OUTCOMES,
        "tool_reasons": [_reason(code, category) for code, category in decision.reasons],
        "tool_conditions": [text for _category, text in decision.conditions if text],
    }


def _blocked_reasons(found: list[Any]) -> list[str]:
    return [
        _(
            "“%(text)s” looks like a %(kind)s and is not in this case's dossier. Personal data "
            "that is not the case's own may not go to the AI: remove it."
        )
        % {"text": item.text, "kind": LABEL_NAMES.get(item.label, item.label)}
        for item in found
    ]


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    return render(
        request,
        "sandbox/home.html",
        {
            "cases": cases_for(user=user, language=content_language()),
            "attempts": selectors.attempts_of(user=user)[:20],
            "endpoint": selectors.endpoint_for(user=user),
            "settings_organisations": selectors.settings_organisations(user=user),
        },
    )


def _task(form: PromptForm, data: CaseData) -> str:
    if form.cleaned_data.get("task_choice") == "free":
        return str(form.cleaned_data["free_task"]).strip()
    return data.task.strip()


@sensitive_post_parameters("prompt", "free_task")
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def workspace(request: HttpRequest, case_id: int) -> HttpResponse | StreamingHttpResponse:
    user = authenticated_user(request)
    case = access_case(case_id=case_id)
    data = selectors.case_data(case)
    endpoint = selectors.endpoint_for(user=user)
    form = PromptForm(request.POST or None)
    context: dict[str, Any] = {"case": case, "data": data, "form": form}
    context.update(_tool_context(endpoint, user))
    if request.method == "POST" and form.is_valid():
        prompt = form.cleaned_data["prompt"]
        try:
            check = services.presend_check(data=data, prompt=prompt)
        except services.EngineStarting:
            context["starting"] = True
            return render(request, "sandbox/workspace.html", context)
        context["checked"] = True
        context["blocked"] = _blocked_reasons(check.blocked)
        if check.passed and "send" in request.POST:
            if endpoint is not None and not context["tool_allowed"]:
                context["not_sent"] = _("This tool may not be used for this. Nothing was sent.")
            else:
                return _send(
                    request, user, case, data, endpoint, _task(form, data), prompt, context
                )
    return render(request, "sandbox/workspace.html", context)


def _send(
    request: HttpRequest,
    user: User,
    case: Case,
    data: CaseData,
    endpoint: ModelEndpoint | None,
    task: str,
    prompt: str,
    checked: dict[str, Any],
) -> HttpResponse | StreamingHttpResponse:
    """Stream the answer page: the top at once, the answer piece by piece as it arrives, then
    the checks. Without a model (or with an inactive one): the recorded example answer.
    ``checked`` is the workspace's context: the register's verdict is worked out once."""
    tool_context = {key: checked[key] for key in TOOL_KEYS if key in checked}
    call = None
    live = endpoint is not None
    if endpoint is not None:
        try:
            call = services.call_start(endpoint=endpoint, user=user)
        except ValidationError as error:
            form = PromptForm(request.POST)
            form.is_valid()
            context: dict[str, Any] = {"case": case, "data": data, "form": form, "checked": True}
            context.update(tool_context)
            context["not_sent"] = error.messages[0]
            return render(request, "sandbox/workspace.html", context, status=429)
    source = Source.LIVE if live else Source.RECORDED
    page = render_to_string(
        "sandbox/answer.html",
        {
            "case": case,
            "data": data,
            "task": task,
            "prompt": prompt,
            "source": source,
            "answer_mark": ANSWER_MARK,
            "review_mark": REVIEW_MARK,
            "again_mark": AGAIN_MARK,
            **tool_context,
        },
        request=request,
    )
    top, rest = page.split(ANSWER_MARK, 1)
    middle, bottom = rest.split(REVIEW_MARK, 1)
    before_again, after_again = bottom.split(AGAIN_MARK, 1)

    def pieces() -> Iterator[str]:
        if endpoint is None or call is None:
            yield selectors.recorded_text(selectors.recorded_output(data))
            return
        usage = Usage()
        outcome = "stopped"
        try:
            yield from stream_chat(
                base_url=endpoint.target_url,
                api_key=services.endpoint_key(endpoint),
                model=endpoint.target_model,
                messages=[
                    {"role": "system", "content": SYSTEM_PROMPT},
                    {"role": "user", "content": prompt},
                ],
                usage=usage,
            )
            outcome = "done"
        except ModelError as error:
            outcome = error.code
            raise
        finally:
            services.call_finish(call=call, tokens=usage.tokens, outcome=outcome)

    def page_stream() -> Iterator[str]:
        yield top
        answer: list[str] = []
        error = ""
        try:
            for piece in pieces():
                answer.append(piece)
                yield escape(piece)
        except ModelError as exc:
            error = exc.code
        yield middle
        yield _review_html(
            request,
            case=case,
            data=data,
            task=task,
            prompt=prompt,
            answer="".join(answer),
            source=source,
            error=error,
        )
        yield before_again
        # The prompt form (to change and send again) comes after the answer: rendering its
        # fields is work the first word need not wait for.
        yield render_to_string(
            "sandbox/includes/prompt_again.html",
            {"case": case, "form": PromptForm(request.POST)},
            request=request,
        )
        yield after_again

    response = StreamingHttpResponse(page_stream(), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-store"
    response["X-Accel-Buffering"] = "no"  # a proxy in front must pass the pieces on at once
    return response


def _error_text(code: str) -> str:
    texts = {
        "rate_limited": _(
            "The AI service is busy (too many requests). Wait a minute and send again."
        ),
        "server": _("The AI service had a fault. Try again later."),
        "timeout": _("The AI service took too long to answer. Try again later."),
        "refused": _("The AI service refused to answer this prompt. Rewrite it and send again."),
        "malformed": _("The AI service sent an answer CARAI cannot read. Try again later."),
        "connection": _("CARAI could not reach the AI service. Try again later."),
        "auth": _("The AI service did not accept the key. Ask your privacy officer to check it."),
    }
    return texts.get(code, texts["malformed"])


def _marks(data: CaseData, *, task: str, prompt: str, answer: str) -> list[checks.Mark]:
    checklist = data.keep if task.strip() == data.task.strip() else []
    return checks.check_answer(
        answer, dossier=data.dossier, prompt=prompt, task=task, checklist=checklist
    )


def _review_html(
    request: HttpRequest,
    *,
    case: Case,
    data: CaseData,
    task: str,
    prompt: str,
    answer: str,
    source: str,
    error: str = "",
    stopped: bool = False,
) -> str:
    marks = _marks(data, task=task, prompt=prompt, answer=answer) if answer else []
    form = SaveForm(
        initial={"task": task, "prompt": prompt, "answer": answer, "source": source},
        auto_id="save-%s",  # the prompt form on the same page has id_prompt
    )
    return render_to_string(
        "sandbox/includes/review.html",
        {
            "case": case,
            "data": data,
            "task": task,
            "answer": answer,
            "marks": marks,
            "error": _error_text(error) if error else "",
            "stopped": stopped,
            "save_form": form,
            "own_task": task.strip() != data.task.strip(),
        },
        request=request,
    )


@sensitive_post_parameters("prompt", "answer", "task")
@never_cache
@login_required
@require_POST
def review(request: HttpRequest, case_id: int) -> HttpResponse:
    """The checks of an answer the learner stopped: what came so far."""
    case = access_case(case_id=case_id)
    data = selectors.case_data(case)
    form = SaveForm(request.POST)
    if not form.is_valid():
        return redirect("sandbox:workspace", case_id=case.pk)
    cleaned = form.cleaned_data
    html = _review_html(
        request,
        case=case,
        data=data,
        task=cleaned["task"],
        prompt=cleaned["prompt"],
        answer=cleaned["answer"],
        source=cleaned["source"],
        stopped=True,
    )
    return render(
        request,
        "sandbox/review.html",
        {"case": case, "data": data, "review": html, "prompt": cleaned["prompt"]},
    )


@sensitive_post_parameters("prompt", "answer", "task", "own_marks", "reflection")
@login_required
@require_POST
def save(request: HttpRequest, case_id: int) -> HttpResponse:
    user = authenticated_user(request)
    case = access_case(case_id=case_id)
    data = selectors.case_data(case)
    form = SaveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The attempt could not be kept. Send your prompt again."))
        return redirect("sandbox:workspace", case_id=case.pk)
    cleaned = form.cleaned_data
    marks = _marks(data, task=cleaned["task"], prompt=cleaned["prompt"], answer=cleaned["answer"])
    agreed = set(request.POST.getlist("agree"))
    kept: list[dict[str, object]] = [
        {**asdict(mark), "agreed": str(number) in agreed, "own": False}
        for number, mark in enumerate(marks)
    ]
    for line in str(cleaned["own_marks"]).splitlines():
        if line.strip():
            kept.append(
                {"kind": "own", "text": line.strip(), "detail": "", "agreed": True, "own": True}
            )
    attempt = services.attempt_save(
        user=user,
        case=case,
        task=cleaned["task"],
        prompt=cleaned["prompt"],
        answer=cleaned["answer"],
        source=cleaned["source"],
        marks=kept,
        reflection=cleaned["reflection"],
    )
    messages.success(request, _("Your attempt is kept. Only you can see it."))
    return redirect("sandbox:attempt", sandbox_attempt_id=attempt.pk)


@login_required
@require_GET
def attempt(request: HttpRequest, sandbox_attempt_id: int) -> HttpResponse:
    item = access_own_sandbox_attempt(
        user=authenticated_user(request), attempt_id=sandbox_attempt_id
    )
    return render(request, "sandbox/attempt.html", {"attempt": item})


@sensitive_post_parameters("api_key")
@login_required
@require_http_methods(["GET", "POST"])
def endpoint_settings(request: HttpRequest, slug: str) -> HttpResponse:
    """The organisation's model: its own endpoint, or the community's model (opt in)."""
    user = authenticated_user(request)
    organisation = access_sandbox_settings(user=user, slug=slug)
    endpoint = selectors.endpoint_of(organisation_id=organisation.pk)
    tools = selectors.tools_for_sandbox(organisation_id=organisation.pk)
    community = selectors.community_offered()
    initial: dict[str, Any] = {"is_active": True, "monthly_token_budget": 200_000}
    initial["requests_per_hour"] = 20
    join_initial: dict[str, Any] = {"is_active": True}
    if endpoint is not None and endpoint.community_id is None:
        initial = {
            "tool": endpoint.tool_id,
            "is_active": endpoint.is_active,
            "base_url": endpoint.base_url,
            "model_name": endpoint.model_name,
            "monthly_token_budget": endpoint.monthly_token_budget,
            "requests_per_hour": endpoint.requests_per_hour,
            "price_per_million": endpoint.price_per_million,
        }
    elif endpoint is not None:
        join_initial = {"tool": endpoint.tool_id, "is_active": endpoint.is_active}
    joining = request.method == "POST" and "join" in request.POST
    own = request.method == "POST" and not joining
    form = EndpointForm(request.POST if own else None, initial=initial, tools=tools)
    join_form = JoinForm(
        request.POST if joining else None, initial=join_initial, tools=tools, prefix="join"
    )
    if own and form.is_valid():
        try:
            services.endpoint_save(actor=user, organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("sandbox:settings", slug=organisation.slug)
    if joining and community is not None and join_form.is_valid():
        try:
            services.community_join(
                actor=user, organisation=organisation, community=community, **join_form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(join_form, error)
        else:
            messages.success(request, _("Your learners now practise with the community model."))
            return redirect("sandbox:settings", slug=organisation.slug)
    return render(
        request,
        "sandbox/settings.html",
        {
            "organisation": organisation,
            "form": form,
            "join_form": join_form,
            "community": community,
            "endpoint": endpoint,
            "tools": tools,
            "usage": selectors.usage_by_month(endpoint=endpoint) if endpoint else [],
            "tokens_used": selectors.tokens_this_month(endpoint=endpoint) if endpoint else 0,
        },
    )


@sensitive_post_parameters("api_key")
@login_required
@require_http_methods(["GET", "POST"])
def community_settings(request: HttpRequest) -> HttpResponse:
    """The community lead's model for partners, and its use per organisation and month."""
    user = authenticated_user(request)
    access_community_lead(user=user)
    community = selectors.community_endpoint()
    initial: dict[str, Any] = {"is_active": True, "monthly_token_budget": 200_000}
    initial["requests_per_hour"] = 20
    if community is not None:
        initial = {
            "name": community.name,
            "is_active": community.is_active,
            "base_url": community.base_url,
            "model_name": community.model_name,
            "monthly_token_budget": community.monthly_token_budget,
            "requests_per_hour": community.requests_per_hour,
            "price_per_million": community.price_per_million,
        }
    form = CommunityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.community_save(actor=user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("sandbox:community")
    return render(
        request,
        "sandbox/community.html",
        {
            "form": form,
            "community": community,
            "partners": community.partners.select_related("organisation").order_by(
                "organisation__name"
            )
            if community
            else [],
            "usage": selectors.community_usage(community=community) if community else [],
        },
    )

"""For managers: what the team learns, who finished what was asked, assigning modules.

Managers see completion only, never quiz answers, scores or reflections. Every list is
counted in SQL and paged, so the page costs the same for 100 people as for 10,000.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterator

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from carai.accounts.http import authenticated_user
from carai.accounts.models import User
from carai.community.access import ORGANISATIONS_SCOPE, TEAM_LEARNING_ROLES, access_organisation
from carai.community.models import Organisation
from carai.core.cache import cached
from carai.core.exports import Cell, csv_download, xlsx_download
from carai.core.forms import add_service_errors, message_service_error
from carai.core.http import is_htmx
from carai.core.language import content_language
from carai.core.paging import PAGE_PARAM, page_of, query_without_page
from carai.learning import team
from carai.learning.access import access_assignment
from carai.learning.forms import AssignmentForm, DueDateForm, TeamFilterForm
from carai.learning.models import Assignment, Module
from carai.learning.services.assignments import (
    assignment_change_due_date,
    assignment_create,
    assignment_withdraw,
)

PEOPLE_FOUND = 8  # the person picker shows at most this many matches
EXPORT_CHUNK = 500
# The query parameters of the member table: with only these (and no name typed), its HTML
# is kept in the cache (``_results_html``).
RESULTS_PARAMS = frozenset({"q", "role", "team", "module", "status", PAGE_PARAM})
# The kept figures' forms carry this instead of a CSRF token (``_figures_html``).
CSRF_PLACEHOLDER = "carai-csrf-token-of-the-viewer"
CSRF_INPUT = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'


def _organisation(request: HttpRequest, slug: str) -> Organisation:
    return access_organisation(
        user=authenticated_user(request), slug=slug, roles=TEAM_LEARNING_ROLES, lead_allowed=False
    )


def _filters(
    request: HttpRequest, organisation: Organisation, modules: list[Module] | None = None
) -> tuple[TeamFilterForm, team.TeamFilters]:
    if modules is None:
        modules = team.module_choices(organisation=organisation, language=content_language())
    form = TeamFilterForm(
        request.GET or None,
        teams=team.team_names(organisation=organisation),
        modules=modules,
    )
    return form, team.TeamFilters(**form.filters())


def _people_found(organisation: Organisation, q: str, chosen: object = None) -> list[User]:
    """Members matching ``q`` for the person picker; the person already chosen (when the
    form comes back with an error) stays in the list. NUL bytes are dropped from the search
    (PostgreSQL refuses them in text); the typed text is shown back as it was."""
    q = q.replace("\x00", "")[:100]
    members = team.team_members(
        organisation=organisation, filters=team.TeamFilters(), assignments=[]
    )
    found = (
        list(
            team.team_members(
                organisation=organisation, filters=team.TeamFilters(q=q), assignments=[]
            )[:PEOPLE_FOUND]
        )
        if q.strip()
        else []
    )
    if chosen and str(chosen).isdigit() and all(u.pk != int(str(chosen)) for u in found):
        found = [*members.filter(pk=int(str(chosen))), *found]
    return found


def _unbound_fields_html(
    *, organisation: Organisation, form: Form, fields: list[str] | None = None
) -> str | None:
    """The HTML of an empty (unbound) form's fields, kept under the organisation's team
    scope (its team names) and the modules' scope (the module lists), per language: the
    whole form as ``core/includes/form_fields.html`` writes it (``fields`` None), or these
    fields as ``core/includes/field.html`` does. None for a bound form: its values and
    errors are the person's own, rendered as usual."""
    if form.is_bound:
        return None

    def compute() -> str:
        if fields is None:
            return render_to_string(
                "core/includes/form_fields.html", {"form": form, "saves_nothing": True}
            )
        # Joined as the template's lines are: a new line and the indent of the form.
        return "\n  ".join(
            render_to_string("core/includes/field.html", {"field": form[name]}) for name in fields
        )

    return cached(
        f"team-form:{type(form).__name__}:{organisation.pk}:{','.join(fields or [])}:"
        f"{get_language()}",
        scopes=[team.team_scope(organisation.pk), team.MODULES_SCOPE],
        compute=compute,
        timeout=team.TEAM_FIGURES_TIMEOUT,
    )


def _table_scopes(organisation: Organisation) -> list[str]:
    """The scopes of the member table (``_results_html``): the team (members, names,
    enrolments, assignments), the modules (titles, which modules the filter accepts), the
    team's practice (exercises passed) and every organisation (the address in the links)."""
    return [
        team.team_scope(organisation.pk),
        team.MODULES_SCOPE,
        team.team_practice_scope(organisation.pk),
        ORGANISATIONS_SCOPE,
    ]


def _results_html(
    request: HttpRequest,
    *,
    organisation: Organisation,
    filters: team.TeamFilters,
    assignments: Callable[[], list[Assignment]],
    context: dict[str, object],
) -> SafeString:
    """The member table (``learning/includes/team_results.html``): one page of rows, its
    paging links and the download links. Everything it shows follows from the query
    string, so without a name typed (each search its own) and without other parameters its
    HTML is kept per organisation, query string, language and day ("overdue" follows the
    calendar), under the team scope (members, names, enrolments, assignments), the modules'
    scope (titles, which modules the filter accepts), the team's practice scope (exercises
    passed) and every organisation's (the address in the links). Working it out adds
    ``page`` and ``rows`` to ``context``."""

    def compute() -> str:
        people = team.team_members(
            organisation=organisation, filters=filters, assignments=assignments()
        )
        page = page_of(
            request,
            people,
            count=team.team_member_count(organisation=organisation, filters=filters),
        )
        context["page"] = page
        context["rows"] = team.member_rows(
            organisation=organisation,
            users=list(page),
            assignments=assignments(),
            module_key=filters.module,
        )
        # Rendered without the request: the table has no form and no per-person text.
        return render_to_string("learning/includes/team_results.html", context)

    if filters.q.strip() or not set(request.GET) <= RESULTS_PARAMS:
        return mark_safe(compute())  # noqa: S308  (the template's output, escaped there)
    query = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()[:32]
    day = timezone.localdate().isoformat()
    html = cached(
        f"team-results:{organisation.pk}:{get_language()}:{day}:{query}",
        scopes=_table_scopes(organisation),
        compute=compute,
        timeout=team.TEAM_FIGURES_TIMEOUT,
    )
    return mark_safe(html)  # noqa: S308  (the template's output, escaped there)


def _figures_html(
    request: HttpRequest,
    *,
    organisation: Organisation,
    assignments: Callable[[], list[Assignment]],
    context: dict[str, object],
    csrf_token: str | None = None,
) -> SafeString:
    """The page's figures (``learning/includes/team_figures.html``): what was asked, with
    its counts and the forms to withdraw it, and what the team learns. The same for every
    manager of the organisation, so its HTML is kept per organisation, language and day
    ("date passed") under the scopes of the figures (``team.team_figures``) and every
    organisation's (the address in the links). The forms' CSRF token is the viewer's own:
    kept as a placeholder, filled in per request (with ``csrf_token`` when given). Working
    it out adds ``figures`` to ``context``."""

    def compute() -> str:
        figures = team.team_figures(
            organisation=organisation, assignments=assignments(), language=content_language()
        )
        context["figures"] = figures
        # Without the request: nothing in it is the viewer's but the token.
        return render_to_string(
            "learning/includes/team_figures.html",
            {
                "organisation": organisation,
                "figures": figures,
                "today": timezone.localdate(),
                "csrf_token": CSRF_PLACEHOLDER,
            },
        )

    day = timezone.localdate().isoformat()
    html = cached(
        f"team-figures-html:{organisation.pk}:{get_language()}:{day}",
        scopes=[team.team_scope(organisation.pk), team.MODULES_SCOPE, ORGANISATIONS_SCOPE],
        compute=compute,
        timeout=team.TEAM_FIGURES_TIMEOUT,
    )
    return mark_safe(_fill_csrf(html, csrf_token or get_token(request)))  # noqa: S308


@login_required
@require_http_methods(["GET", "POST"])
def team_learning(request: HttpRequest, slug: str) -> HttpResponseBase:
    organisation = _organisation(request, slug)
    if request.method == "GET" and not request.GET and not is_htmx(request):
        content: HttpResponseBase | str = _plain_content_html(request, organisation=organisation)
    else:
        content = _team_content(request, organisation=organisation)
    if isinstance(content, HttpResponseBase):
        return content
    return render(
        request,
        "learning/team.html",
        {"organisation": organisation, "content_html": mark_safe(content)},  # noqa: S308
    )


def _plain_content_html(request: HttpRequest, *, organisation: Organisation) -> str:
    """The page's content as a manager first sees it (a GET without a query string): no
    filter, the first page of the member table, the empty assignment form, and the figures.
    Nothing in it is the viewer's but the CSRF token (the person picker is empty), so its
    HTML is kept per organisation, language and day under every scope its parts are kept
    under (``_results_html``, ``_figures_html``, ``_unbound_fields_html``), with the token
    as a placeholder filled in per request."""

    def compute() -> str:
        html = _team_content(request, organisation=organisation, csrf_token=CSRF_PLACEHOLDER)
        assert isinstance(html, str)  # a GET neither redirects nor answers htmx  # noqa: S101
        return html

    day = timezone.localdate().isoformat()
    html = cached(
        f"team-page-html:{organisation.pk}:{get_language()}:{day}",
        # The member table's scopes hold the figures' and the forms' as well.
        scopes=_table_scopes(organisation),
        compute=compute,
        timeout=team.TEAM_FIGURES_TIMEOUT,
    )
    return _fill_csrf(html, get_token(request))


def _fill_csrf(html: str, token: str) -> str:
    """``html`` with the placeholder's input as {% csrf_token %} writes it (its quotes
    would be escaped in any text a person wrote, so only the tag's own output matches)
    replaced by ``token``'s."""
    if token == CSRF_PLACEHOLDER:
        return html
    placeholder = format_html(CSRF_INPUT, CSRF_PLACEHOLDER)
    return html.replace(placeholder, format_html(CSRF_INPUT, token))


def _team_content(
    request: HttpRequest, *, organisation: Organisation, csrf_token: str | None = None
) -> HttpResponseBase | str:
    """The page's content (``learning/includes/team_content.html``) as HTML; a response
    instead for htmx (the member table alone) and after a valid assignment (a redirect).
    ``csrf_token``: written into the forms instead of the viewer's own."""
    user = authenticated_user(request)
    # Read from the cache when first needed: the kept figures and member table need none.
    assignments = functools.cache(lambda: team.team_assignments(organisation=organisation))

    modules = team.module_choices(organisation=organisation, language=content_language())
    filter_form, filters = _filters(request, organisation, modules)
    context: dict[str, object] = {
        "organisation": organisation,
        "filter_form": filter_form,
        "filter_fields_html": _unbound_fields_html(organisation=organisation, form=filter_form),
        "filters": filters,
        "page_query": query_without_page(request),
        "page_target": "#team-results",
    }
    context["results_html"] = _results_html(
        request,
        organisation=organisation,
        filters=filters,
        assignments=assignments,
        context=context,
    )
    if is_htmx(request) and request.method == "GET":
        return HttpResponse(context["results_html"])
    form = AssignmentForm(request.POST or None, organisation=organisation, modules=modules)
    if request.method == "POST" and form.is_valid():
        try:
            assignment_create(actor=user, organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The module has been assigned."))
            return redirect("learning:team", slug=organisation.slug)
    # The picker's search text (GET without JavaScript; kept when the form comes back).
    person_q = request.POST.get("persoon") or request.GET.get("persoon", "")
    context.update(
        form=form,
        module_field_html=_unbound_fields_html(
            organisation=organisation, form=form, fields=["module"]
        ),
        more_fields_html=_unbound_fields_html(
            organisation=organisation, form=form, fields=["role", "due_date"]
        ),
        person_q=person_q,
        people_found=_people_found(organisation, person_q, chosen=form["user"].value()),
        figures_html=_figures_html(
            request,
            organisation=organisation,
            assignments=assignments,
            context=context,
            csrf_token=csrf_token,
        ),
    )
    if csrf_token is not None:
        context["csrf_token"] = csrf_token
    return render_to_string("learning/includes/team_content.html", context, request=request)


@login_required
@require_GET
def team_people(request: HttpRequest, slug: str) -> HttpResponse:
    """The person picker of the assignment form: members whose name or e-mail matches."""
    organisation = _organisation(request, slug)
    q = request.GET.get("persoon", "")
    return render(
        request,
        "learning/includes/person_choices.html",
        {"people_found": _people_found(organisation, q), "person_q": q},
    )


@login_required
@require_GET
def team_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponseBase:
    """Everyone matching the filters, as CSV or XLSX, written as it is read."""
    if fmt not in ("csv", "xlsx"):
        raise Http404("No such format.")
    organisation = _organisation(request, slug)
    assignments = team.team_assignments(organisation=organisation)
    _form, filters = _filters(request, organisation)
    people = team.team_members(organisation=organisation, filters=filters, assignments=assignments)
    header = [
        _("Name"),
        _("E-mail address"),
        _("Role"),
        _("Team"),
        _("Modules asked"),
        _("Of those finished"),
        _("Overdue"),
        _("Exercises passed"),
        _("Last passed"),
    ]
    if filters.module:
        header.append(_("Status of the chosen module"))
    status_labels = dict(TeamFilterForm.base_fields["status"].choices)  # type: ignore[attr-defined]

    def rows() -> Iterator[list[Cell]]:
        ids = list(people.values_list("pk", flat=True))
        for start in range(0, len(ids), EXPORT_CHUNK):
            chunk = list(
                User.objects.filter(pk__in=ids[start : start + EXPORT_CHUNK]).order_by(
                    "full_name", "email", "pk"
                )
            )
            for row in team.member_rows(
                organisation=organisation,
                users=chunk,
                assignments=assignments,
                module_key=filters.module,
            ):
                cells: list[Cell] = [
                    row.user.display_name,
                    row.user.email,
                    ", ".join(row.role_labels),
                    ", ".join(row.teams),
                    row.assigned,
                    row.finished,
                    "; ".join(row.overdue),
                    row.exercises_passed,
                    row.last_passed,
                ]
                if filters.module:
                    cells.append(str(status_labels.get(row.status, "")))
                yield cells

    stamp = timezone.localdate().isoformat()
    name = f"carai-team-{organisation.slug}-{stamp}.{fmt}"
    if fmt == "csv":
        return csv_download(filename=name, header=header, rows=rows())
    return xlsx_download(filename=name, sheets=[(_("Team"), header, rows())])


@login_required
@require_http_methods(["GET", "POST"])
def assignment_edit(request: HttpRequest, slug: str, assignment_id: int) -> HttpResponse:
    """Give an assignment another date."""
    organisation = _organisation(request, slug)
    assignment = access_assignment(organisation=organisation, assignment_id=assignment_id)
    form = DueDateForm(request.POST or None, initial={"due_date": assignment.due_date})
    if request.method == "POST" and form.is_valid():
        try:
            assignment_change_due_date(
                assignment=assignment, due_date=form.cleaned_data["due_date"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The date has been changed."))
            return redirect("learning:team", slug=organisation.slug)
    return render(
        request,
        "learning/assignment_edit.html",
        {"organisation": organisation, "assignment": assignment, "form": form},
    )


@login_required
@require_POST
def assignment_withdraw_view(request: HttpRequest, slug: str, assignment_id: int) -> HttpResponse:
    """Stop asking this (kept, marked withdrawn)."""
    organisation = _organisation(request, slug)
    assignment = access_assignment(organisation=organisation, assignment_id=assignment_id)
    try:
        assignment_withdraw(actor=authenticated_user(request), assignment=assignment)
    except ValidationError as error:
        message_service_error(request, error)
    else:
        messages.success(
            request,
            _("%(module)s is no longer asked.") % {"module": assignment.module.title},
        )
    return redirect("learning:team", slug=organisation.slug)

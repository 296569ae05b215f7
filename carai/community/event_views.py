"""Community events: the calendar, signing up (with a waiting list), and for the community
lead planning, attendance and materials. Thin views over ``events.py``."""

from __future__ import annotations

from urllib.parse import urlparse

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from carai.accounts.http import authenticated_user
from carai.community import events
from carai.community.calendar import CalendarEvent, ics_calendar
from carai.community.forms import EventForm
from carai.community.models import Event, EventRegistration, RegistrationStatus
from carai.community.selectors import events_with_places, waiting_position
from carai.core.forms import add_service_errors, message_service_error
from carai.core.paging import PAGE_PARAM, page_of, query_without_page


def _event(event_id: int) -> Event:
    """Events are for every member of the community; only existence is checked here."""
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        raise Http404("No such event.")
    return event


def _lead_event(request: HttpRequest, event_id: int) -> Event:
    user = authenticated_user(request)
    event = _event(event_id)
    if not (user.is_community_lead or event.organiser_id == user.pk):
        raise Http404("No such event.")
    return event


ATTENDEES_PER_PAGE = 50


@login_required
@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    user = authenticated_user(request)
    mine = dict(EventRegistration.objects.filter(user=user).values_list("event_id", "status"))
    return render(
        request,
        "community/events/list.html",
        {
            "upcoming": [
                (event, mine.get(event.pk, ""))
                for event in events_with_places(Event.objects.filter(ends_at__gte=now))
            ],
            "past": Event.objects.filter(ends_at__lt=now).order_by("-starts_at")[:20],
        },
    )


@login_required
@require_GET
def event_detail(request: HttpRequest, event_id: int) -> HttpResponse:
    user = authenticated_user(request)
    event = _event(event_id)
    registration = EventRegistration.objects.filter(event=event, user=user).first()
    can_manage = user.is_community_lead or event.organiser_id == user.pk
    registered = event.registrations.filter(status=RegistrationStatus.REGISTERED)
    signed_up = registered.count()
    attendees = (
        page_of(
            request,
            registered.select_related("user").order_by("user__full_name", "pk"),
            per_page=ATTENDEES_PER_PAGE,
        )
        if can_manage and signed_up
        else None
    )
    return render(
        request,
        "community/events/detail.html",
        {
            "event": event,
            "registration": registration,
            "position": waiting_position(registration) if registration else None,
            "places_left": max(0, event.capacity - signed_up),
            "signed_up": signed_up,
            "waiting": event.registrations.filter(status=RegistrationStatus.WAITING).count(),
            "started": event.starts_at <= timezone.now(),
            "can_manage": can_manage,
            "attendees": attendees,
            "page": attendees,
            "page_query": query_without_page(request),
        },
    )


@login_required
@require_POST
def event_register(request: HttpRequest, event_id: int) -> HttpResponse:
    user = authenticated_user(request)
    event = _event(event_id)
    try:
        if request.POST.get("cancel"):
            events.event_cancel(user=user, event=event)
            messages.success(request, _("You have signed off."))
        else:
            registration = events.event_register(user=user, event=event)
            messages.success(
                request,
                _("You are signed up.")
                if registration.status == RegistrationStatus.REGISTERED
                else _(
                    "The event is full: you are on the waiting list. "
                    "We give you a place as soon as one is free."
                ),
            )
    except ValidationError as error:
        message_service_error(request, error)
    return redirect("community:event_detail", event_id=event.pk)


def _may_see_link(user_id: int, event: Event, registration: EventRegistration | None) -> bool:
    """The online link is for people with a place and the organiser (as on the page)."""
    if event.organiser_id == user_id:
        return True
    return registration is not None and registration.status == RegistrationStatus.REGISTERED


@login_required
@require_GET
def event_calendar(request: HttpRequest, event_id: int) -> HttpResponse:
    """The event as an .ics file for one's own calendar (Outlook, Google, Apple)."""
    user = authenticated_user(request)
    event = _event(event_id)
    registration = EventRegistration.objects.filter(event=event, user=user).first()
    page = settings.CARAI_BASE_URL.rstrip("/") + reverse(
        "community:event_detail", kwargs={"event_id": event.pk}
    )
    online = event.online_url if _may_see_link(user.pk, event, registration) else ""
    description = "\n\n".join(part for part in (event.description.strip(), online, page) if part)
    host = urlparse(settings.CARAI_BASE_URL).hostname or "carai.invalid"
    body = ics_calendar(
        CalendarEvent(
            uid=f"event-{event.pk}@{host}",
            title=event.title,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            description=description,
            location=event.place or online,
            url=page,
        ),
        now=timezone.now(),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="carai-bijeenkomst-{event.pk}.ics"'
    return response


def _event_form(request: HttpRequest, event: Event | None) -> HttpResponse:
    user = authenticated_user(request)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            saved = events.event_save(actor=user, event=event, data=data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The event is saved."))
            return redirect("community:event_detail", event_id=saved.pk)
    return render(request, "community/events/form.html", {"form": form, "event": event})


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest) -> HttpResponse:
    if not authenticated_user(request).is_community_lead:
        raise Http404("Not for you.")
    return _event_form(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, event_id: int) -> HttpResponse:
    return _event_form(request, _lead_event(request, event_id))


@login_required
@require_POST
def event_attendance(request: HttpRequest, event_id: int) -> HttpResponse:
    event = _lead_event(request, event_id)
    try:
        present = {int(value) for value in request.POST.getlist("present")}
        shown = {int(value) for value in request.POST.getlist("shown")}
    except ValueError:
        present, shown = {-1}, set()
    try:
        count = events.event_mark_attendance(
            actor=authenticated_user(request), event=event, present=present, shown=shown
        )
    except ValidationError as error:
        message_service_error(request, error)
    else:
        messages.success(request, _("Attendance saved: %(count)s people came.") % {"count": count})
    url = reverse("community:event_detail", kwargs={"event_id": event.pk})
    page = request.POST.get(PAGE_PARAM, "")
    return redirect(f"{url}?{PAGE_PARAM}={page}" if page.isdigit() else url)

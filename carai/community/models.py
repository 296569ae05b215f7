"""Partner organisations of the learning community, and who belongs to them in which role."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from carai.core.markdown import render_markdown


class OrganisationKind(models.TextChoices):
    CARE = "care", _("Care organisation")
    WELFARE = "welfare", _("Welfare organisation")
    EDUCATION = "education", _("Educational institution")
    SERVICE_PROVIDER = "service_provider", _("Service provider")


class CareBranch(models.TextChoices):
    ELDERLY_CARE = "vvt", _("Elderly care (VVT)")
    DISABILITY_CARE = "disability", _("Disability care")
    MENTAL_HEALTH = "ggz", _("Mental health care (GGZ)")
    HOSPITAL = "hospital", _("Hospital care")
    PRIMARY_CARE = "primary", _("Primary care")
    YOUTH_CARE = "youth", _("Youth care")
    WELFARE = "welfare", _("Welfare")
    REHABILITATION = "rehabilitation", _("Rehabilitation")


class Role(models.TextChoices):
    PROFESSIONAL = "professional", _("Care professional")
    STUDENT = "student", _("Student")
    EDUCATOR = "educator", _("Educator or researcher")
    MANAGER = "manager", _("Manager")
    AI_COACH = "ai_coach", _("AI coach")
    PRIVACY_OFFICER = "privacy_officer", _("Privacy officer")
    ORG_ADMIN = "org_admin", _("Organisation admin")
    # People who work for the organisation without a contract of employment: they use its
    # AI tools too, so the AI literacy register counts them (EU AI Act, article 4).
    VOLUNTEER = "volunteer", _("Volunteer")
    CONTRACTOR = "contractor", _("Contractor or temporary staff")


class StudentLevel(models.TextChoices):
    MBO = "mbo", _("MBO (vocational)")
    HBO = "hbo", _("HBO (applied sciences)")
    WO = "wo", _("WO (university)")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name in web addresses"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    care_branch = models.CharField(
        _("care branch"), max_length=20, choices=CareBranch.choices, blank=True
    )
    region = models.CharField(_("region"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active partner"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MembershipQuerySet(models.QuerySet["Membership"]):
    def active(self) -> MembershipQuerySet:
        return self.filter(ended_at__isnull=True)

    def active_in(self, *, organisation: Organisation | int) -> MembershipQuerySet:
        """The organisation's current members (one row per role)."""
        return self.active().filter(organisation=organisation)


class Membership(models.Model):
    """A person in an organisation in one role. Ended memberships are kept for counts."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    student_level = models.CharField(
        _("study level"), max_length=3, choices=StudentLevel.choices, blank=True
    )
    programme = models.CharField(_("study programme"), max_length=150, blank=True)
    team = models.CharField(
        _("team or department"),
        max_length=100,
        blank=True,
        help_text=_("For example: Wijkteam Noord, afdeling Kortverblijf. Optional."),
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "user__full_name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"],
                condition=Q(ended_at__isnull=True),
                name="one_active_membership_per_role",
            ),
            models.CheckConstraint(
                condition=Q(role="student") | Q(student_level=""),
                name="study_level_only_for_students",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "team"], name="membership_org_team")]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation} · {self.get_role_display()}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


def _default_expiry() -> object:
    return timezone.now() + timedelta(days=settings.CARAI_INVITATION_DAYS)


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def open(self) -> InvitationQuerySet:
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class Invitation(models.Model):
    """A single-use, expiring invitation to join an organisation in a role.

    The link carries the public id and an HMAC of it made with SECRET_KEY; the token itself
    is never stored, so the database alone cannot be used to accept an invitation.
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("e-mail address"), max_length=254)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    student_level = models.CharField(
        _("study level"), max_length=3, choices=StudentLevel.choices, blank=True
    )
    programme = models.CharField(_("study programme"), max_length=150, blank=True)
    team = models.CharField(_("team or department"), max_length=100, blank=True)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="invitations_sent",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), default=_default_expiry)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invitations_accepted",
        verbose_name=_("accepted by"),
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} · {self.organisation} · {self.get_role_display()}"

    @property
    def token(self) -> str:
        return salted_hmac(
            "carai.community.invitation", str(self.public_id), algorithm="sha256"
        ).hexdigest()

    def check_token(self, token: str) -> bool:
        return constant_time_compare(token, self.token)

    @property
    def status(self) -> str:
        if self.accepted_at is not None:
            return "accepted"
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"

    @property
    def is_open(self) -> bool:
        return self.status == "open"


class EventKind(models.TextChoices):
    COMMUNITY = "community", _("Community session")
    INSPIRATION = "inspiration", _("Inspiration session")
    WORKSHOP = "workshop", _("Workshop")
    NETWORK = "network", _("Network meeting")


class EventQuerySet(models.QuerySet["Event"]):
    def held(self) -> EventQuerySet:
        """Events that have happened: ended before now. A planned event is not held yet,
        whatever its registrations say (the key figures count only these)."""
        return self.filter(ends_at__lte=timezone.now())


class Event(models.Model):
    """A meeting of the learning community, open to members of every partner."""

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    description = models.TextField(_("description"))
    description_html = models.TextField(blank=True, editable=False)  # made on save
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("places"))
    materials = models.TextField(_("materials afterwards"), blank=True)
    materials_html = models.TextField(blank=True, editable=False)  # made on save
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(capacity__gt=0), name="event_has_places"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.description_html = render_markdown(self.description)
        self.materials_html = render_markdown(self.materials)
        fields = kwargs.get("update_fields")
        if fields is not None:
            kwargs["update_fields"] = {*fields, "description_html", "materials_html"}
        super().save(*args, **kwargs)


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")


class EventRegistration(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_registrations"
    )
    status = models.CharField(max_length=20, choices=RegistrationStatus.choices)
    registered_at = models.DateTimeField(auto_now_add=True)
    attended = models.BooleanField(null=True)  # None until the organiser marks it

    class Meta:
        ordering = ["registered_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_event")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.event} · {self.status}"

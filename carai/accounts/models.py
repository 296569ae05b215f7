"""The person who logs in. E-mail is the log-in name; there is no separate username."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from carai.core.prepared import PreparedRead


class Language(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get(self, *args: Any, **kwargs: Any) -> User:
        """``User.objects.get(pk=…)`` (as Django's log-in reads the person on every request)
        runs a query built once per connection (``core.prepared``): the same SQL, columns
        and value conversions as the ORM's. Anything else is Django's own ``get``."""
        if args or len(kwargs) != 1 or not ({"pk", "id"} >= kwargs.keys()):
            return super().get(*args, **kwargs)
        value = self.model._meta.pk.get_prep_value(next(iter(kwargs.values())))
        rows = _USER_BY_PK.rows(value, db=self.db)
        if not rows:
            raise self.model.DoesNotExist(
                f"{self.model._meta.object_name} matching query does not exist."
            )
        return rows[0]

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)  # None gives an unusable password
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


# Titles before a name that a greeting passes over ("Hallo Lotte", not "Hallo Dr.").
_TITLES = frozenset({"dr", "drs", "mr", "ir", "ing", "prof", "dhr", "mevr", "ds"})


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    preferred_language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.DUTCH
    )
    is_community_lead = models.BooleanField(
        _("community lead"),
        default=False,
        help_text=_("Coordinates the learning community: partner organisations, use cases, KPIs."),
    )
    is_staff = models.BooleanField(
        _("staff status"), default=False, help_text=_("May log in to the management site.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]
        # Lists of people are shown by name: one page of a large organisation is read in
        # this order without sorting everyone (the team page, member lists).
        indexes = [models.Index(fields=["full_name", "email", "id"], name="user_display_order")]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.erased_at is not None:
            return str(_("Erased account #%(id)s") % {"id": self.pk})
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        """The first name for a greeting: titles (Dr., Mr., Ir. …) are passed over; a name
        that starts with an initial ("J. de Vries") is kept whole."""
        words = self.full_name.split()
        while len(words) > 1 and words[0].rstrip(".").lower() in _TITLES:
            words = words[1:]
        if not words:
            return self.email
        return " ".join(words) if words[0].endswith(".") else words[0]


# The read of every logged-in request (``UserManager.get(pk=…)``), built once per connection.
_USER_BY_PK: PreparedRead[User] = PreparedRead(
    "user_by_pk", lambda pk: User.objects.filter(pk=pk), arity=1
)

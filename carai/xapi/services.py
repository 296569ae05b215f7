"""Every write of the xAPI app: an organisation's LRS settings, and statements queued for it."""

from __future__ import annotations

from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from carai.accounts.models import User
from carai.community.models import Organisation
from carai.core.audit import audit_record
from carai.core.secrets_box import seal
from carai.xapi import statements
from carai.xapi.audit import XapiAction
from carai.xapi.models import LRS_BOX, Identify, LrsConfig, Statement
from carai.xapi.selectors import lrs_for_user
from carai.xapi.tasks import xapi_enqueue


@transaction.atomic
def lrs_config_save(
    *,
    actor: User,
    organisation: Organisation,
    is_active: bool,
    endpoint: str,
    username: str,
    password: str,
    identify_by: str,
) -> LrsConfig:
    """Set up (or change) where the organisation's learning records go. An empty password
    keeps the one stored before."""
    config = LrsConfig.objects.select_for_update().filter(organisation=organisation).first()
    if config is None:
        if not password:
            raise ValidationError({"password": _("Enter the password (secret) of the LRS.")})
        config = LrsConfig(organisation=organisation)
    config.is_active = is_active
    config.endpoint = endpoint.rstrip("/") + "/"
    config.username = username
    config.identify_by = identify_by
    if password:
        config.password_encrypted = seal(password, purpose=LRS_BOX)
    config.save()
    audit_record(
        action=XapiAction.LRS_CONFIGURED,
        actor=actor,
        organisation=organisation,
        target=config,
        target_label=config.endpoint,
        details={"active": is_active, "identify_by": identify_by},
    )
    return config


def _actor(config: LrsConfig, user: User, home_page: str) -> dict[str, object]:
    if config.identify_by == Identify.EMAIL:
        return statements.actor_email(email=user.email, name=user.full_name)
    name = statements.pseudonym(salt=config.pseudonym_salt, user_id=user.pk)
    return statements.actor_pseudonym(home_page=home_page, name=name)


def statements_record(*, user: User, happening: statements.Happening, home_page: str) -> int:
    """Queue the statement for every LRS of the person's organisations (none: nothing is
    kept). Recording the same happening again adds nothing. Sending happens after commit,
    in the background."""
    queued = 0
    for config in lrs_for_user(user=user):
        body = statements.statement(
            happening=happening, actor=_actor(config, user, home_page), lrs_id=config.pk
        )
        _statement, created = Statement.objects.get_or_create(
            lrs=config, statement_id=body["id"], defaults={"body": body, "user": user}
        )
        if created:
            queued += 1
            transaction.on_commit(partial(xapi_enqueue, lrs_id=config.pk))
    return queued

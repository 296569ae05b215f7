"""Certificates as signed Open Badges 3.0 credentials (issue 20).

The badge is checked with tools CARAI did not write: PyJWT verifies the signature with the
key published in the issuer's JWKS, and jsonschema validates the credential against the
official 1EdTech JSON Schema in ``../shared/standards``. People and modules are fictional."""

from __future__ import annotations

import datetime
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import jwt
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from carai.learning import badges
from carai.learning.content import read_pack
from carai.learning.models import Certificate, Module
from carai.learning.services.content import module_import
from tests.conftest import FIXTURES, World, client_for

STANDARDS = Path(
    os.environ.get("CARAI_STANDARDS_DIR", Path(settings.BASE_DIR).parent / "shared" / "standards")
)
OB3_SCHEMA = STANDARDS / "ob_v3p0_achievementcredential_schema.json"
JWT_CLAIMS = {"iss", "jti", "nbf", "exp", "sub"}


@pytest.fixture
def certificate(world: World) -> Certificate:
    (data,) = read_pack(FIXTURES / "pack")
    module: Module = module_import(data=data)
    now = timezone.now()
    return Certificate.objects.create(
        user=world.care_worker,
        module=module,
        module_version=1,
        module_title=module.title,
        holder_name=world.care_worker.full_name,
        issued_at=now - datetime.timedelta(days=1),
        expires_at=now + datetime.timedelta(days=365),
    )


def _download(certificate: Certificate) -> str:
    response = Client().get(reverse("learning:certificate_badge_jwt", args=[certificate.code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"
    return response.content.decode()


def _verify_with_pyjwt(token: str) -> dict[str, Any]:
    """What an outside verifier does: take the key named by ``kid`` from the published JWKS."""
    jwks = Client().get(reverse("learning:badge_keys")).json()
    kid = jwt.get_unverified_header(token)["kid"].rpartition("#")[2]
    (jwk,) = [key for key in jwks["keys"] if key["kid"] == kid]
    key = jwt.PyJWK(jwk).key
    return jwt.decode(token, key=key, algorithms=["EdDSA"], options={"require": ["iss", "nbf"]})


def test_badge_is_signed_valid_ob3_and_names_its_recipient_by_hash(
    certificate: Certificate, world: World
) -> None:
    token = _download(certificate)
    header = jwt.get_unverified_header(token)
    assert (header["alg"], header["typ"]) == ("EdDSA", "JWT")
    payload = _verify_with_pyjwt(token)
    assert payload["iss"] == payload["issuer"]["id"]
    assert payload["jti"] == payload["id"]
    assert payload["nbf"] == int(certificate.issued_at.timestamp())
    assert payload["exp"] == int(certificate.expires_at.timestamp())

    credential = {key: value for key, value in payload.items() if key not in JWT_CLAIMS}
    assert OB3_SCHEMA.is_file(), f"{OB3_SCHEMA} is missing (../shared/standards)"
    jsonschema.validate(credential, json.loads(OB3_SCHEMA.read_text(encoding="utf-8")))

    (identity,) = credential["credentialSubject"]["identifier"]
    assert identity["hashed"] is True
    assert identity["identityType"] == "emailAddress"
    expected = hashlib.sha256((world.care_worker.email + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == "sha256$" + expected
    assert world.care_worker.email not in token  # the address itself never travels
    assert credential["credentialStatus"]["statusListIndex"] == str(certificate.pk)

    issuer = Client().get(reverse("learning:badge_issuer")).json()
    assert issuer["id"] == credential["issuer"]["id"]


def test_a_changed_badge_fails_everywhere(certificate: Certificate) -> None:
    head, body, signature = _download(certificate).split(".")
    payload = json.loads(badges.b64url_decode(body))
    payload["name"] = "Een module die ik nooit deed"
    forged = ".".join([head, badges.b64url(json.dumps(payload).encode()), signature])
    with pytest.raises(jwt.InvalidSignatureError):
        _verify_with_pyjwt(forged)
    page = Client().post(reverse("learning:badge_check"), {"badge": forged})
    assert page.status_code == 200
    assert page.context["result"].signed is False
    assert "geen badge van CARAI" in page.content.decode()
    for junk in ("", "abc", "a.b.c", "x" * 30_000, "\x00.\x00.\x00"):
        assert Client().post(reverse("learning:badge_check"), {"badge": junk}).status_code == 200


def _status_bit(index: int) -> bool:
    token = Client().get(reverse("learning:badge_status_list")).content.decode()
    status_list = _verify_with_pyjwt(token)
    subject = status_list["credentialSubject"]
    assert subject["statusPurpose"] == "revocation"
    return badges.status_list_bit(subject["encodedList"], index)


def test_the_lead_revokes_and_every_check_says_so(certificate: Certificate, world: World) -> None:
    token = _download(certificate)
    verify = reverse("learning:certificate_verify", args=[certificate.code])
    assert not _status_bit(certificate.pk)
    checked = Client().post(reverse("learning:badge_check"), {"badge": token})
    assert checked.context["result"].status == "valid"

    for stranger in (world.care_worker, world.org_admin, world.outsider):
        assert client_for(stranger).post(verify, {"reason": "x"}).status_code == 404
    lead = client_for(world.lead)
    assert "Intrekken" in lead.get(verify).content.decode()
    empty = lead.post(verify, {"reason": ""})
    assert empty.status_code == 200
    assert empty.context["revoke_form"].errors
    assert lead.post(verify, {"reason": "Per vergissing gegeven"}).status_code == 302

    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    assert not certificate.is_valid
    assert _status_bit(certificate.pk)
    assert not _status_bit(certificate.pk + 1)
    checked = Client().post(reverse("learning:badge_check"), {"badge": token})
    assert checked.context["result"].status == "revoked"
    assert "ingetrokken" in Client().get(verify).content.decode()


def test_expired_badge_is_named_expired(certificate: Certificate) -> None:
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    certificate.refresh_from_db()
    token = _download(certificate)
    with pytest.raises(jwt.ExpiredSignatureError):
        _verify_with_pyjwt(token)
    checked = Client().post(reverse("learning:badge_check"), {"badge": token})
    assert (checked.context["result"].signed, checked.context["result"].status) == (
        True,
        "expired",
    )


def test_badges_signed_before_a_key_rotation_keep_verifying(
    certificate: Certificate, settings: Any
) -> None:
    old_seed, new_seed = badges.key_seed_generate(), badges.key_seed_generate()
    settings.CARAI_BADGE_SIGNING_KEY = old_seed
    badges.signing_key.cache_clear()
    try:
        old_token = _download(certificate)
        old_public = badges.b64url(badges.signing_key().public_key().public_bytes_raw())
        settings.CARAI_BADGE_SIGNING_KEY = new_seed
        badges.signing_key.cache_clear()
        with pytest.raises(ValueError, match="not enough values"):  # no published key fits
            _verify_with_pyjwt(old_token)
        settings.CARAI_BADGE_RETIRED_KEYS = [old_public]
        assert _verify_with_pyjwt(old_token)["jti"].endswith(f"/{certificate.code}/")
        new_token = _download(certificate)
        assert _verify_with_pyjwt(new_token)
        assert (
            jwt.get_unverified_header(new_token)["kid"]
            != jwt.get_unverified_header(old_token)["kid"]
        )
    finally:
        badges.signing_key.cache_clear()


def test_deploy_check_warns_without_a_signing_key_and_refuses_a_bad_one(settings) -> None:
    from django.core import checks

    settings.CARAI_BADGE_SIGNING_KEY = ""
    found = {m.id for m in checks.run_checks(include_deployment_checks=True)}
    assert "carai.learning.W001" in found
    assert "carai.learning.W001" not in {m.id for m in checks.run_checks()}  # deploy only
    settings.CARAI_BADGE_SIGNING_KEY = "too-short"
    assert "carai.learning.E001" in {m.id for m in checks.run_checks()}
    settings.CARAI_BADGE_SIGNING_KEY = badges.key_seed_generate()
    found = {m.id for m in checks.run_checks(include_deployment_checks=True)}
    assert not found & {"carai.learning.W001", "carai.learning.E001"}

"""Signing in through the organisation's identity provider, and the page where an
organisation admin (or the community lead) sets the connection up."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from carai.accounts.http import authenticated_user
from carai.core.forms import add_service_errors
from carai.core.secrets_box import unseal
from carai.signin import oidc, saml, selectors, services
from carai.signin.access import access_connection, access_domain, access_signin_settings
from carai.signin.forms import ConnectionForm, DomainForm, SignInStartForm, mapping_as_text
from carai.signin.models import SIGNIN_BOX, Protocol, SsoConnection

logger = logging.getLogger("carai.signin")
PENDING_KEY = "carai_signin_pending"
MAX_SAML_RESPONSE = 500_000  # characters of base64: far more than a real answer needs


def callback_url() -> str:
    """The redirect URI to register at the identity provider."""
    return settings.CARAI_BASE_URL.rstrip("/") + reverse("signin:callback")


def saml_entity_id(slug: str) -> str:
    """CARAI's entity id for the organisation's SAML connection: the address of its metadata."""
    return settings.CARAI_BASE_URL.rstrip("/") + reverse("signin:saml_metadata", args=[slug])


def saml_acs_url(slug: str) -> str:
    """Where the identity provider posts its answer (the assertion consumer service)."""
    return settings.CARAI_BASE_URL.rstrip("/") + reverse("signin:saml_acs", args=[slug])


def _service_provider(connection: SsoConnection) -> saml.ServiceProvider:
    slug = connection.organisation.slug
    return saml.ServiceProvider(
        entity_id=saml_entity_id(slug),
        acs_url=saml_acs_url(slug),
        idp_metadata_xml=connection.saml_metadata_xml,
    )


def _client(connection: SsoConnection) -> oidc.Client:
    return oidc.Client(
        discovery_url=connection.discovery_url,
        client_id=connection.client_id,
        client_secret=unseal(connection.client_secret_encrypted, purpose=SIGNIN_BOX),
        scopes=connection.scopes,
        redirect_uri=callback_url(),
    )


def safe_next(request: HttpRequest, value: str) -> str:
    """``value`` when it is a path on this site (where to go after logging in), else ""."""
    if value.startswith("/") and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return ""


@require_http_methods(["GET", "POST"])
def sign_in_start(request: HttpRequest) -> HttpResponse:
    """ "Log in with your organisation": find the connection from the address, then go to the
    organisation's identity provider."""
    form = SignInStartForm(request.POST or None, prefix="sso")
    status = 200
    if request.method == "POST" and form.is_valid():
        connection = selectors.connection_for_email(email=form.cleaned_data["email"])
        if connection is None:
            form.add_error(
                "email",
                _(
                    "Your organisation has not set up signing in with its own account for "
                    "this address. Log in with your e-mail address and password."
                ),
            )
        else:
            try:
                if connection.is_saml:
                    url, request_id = saml.authentication_request(
                        _service_provider(connection),
                        idp_entity_id=connection.saml_idp_entity_id,
                    )
                    pending = {"protocol": Protocol.SAML, "request_id": request_id}
                else:
                    url, pending = oidc.authorization_request(_client(connection))
            except (oidc.OidcError, saml.SamlError) as error:
                logger.warning("Sign-in start failed for %s: %s", connection.pk, error)
                services.sign_in_failed_record(
                    connection=connection, request=request, reason="provider_unreachable"
                )
                form.add_error(
                    None,
                    _("Your organisation's sign-in cannot be reached now. Try again later."),
                )
                status = 502
            else:
                request.session[PENDING_KEY] = {
                    **pending,
                    "connection": connection.pk,
                    "next": safe_next(request, request.POST.get("next", "")),
                }
                # A page that moves on by itself, not a redirect: the log-in form's
                # Content-Security-Policy (form-action 'self') forbids a form submission
                # to end at another site.
                return render(request, "signin/redirect.html", {"authorize_url": url})
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next", ""))
    return render(request, "signin/start.html", {"form": form, "next": next_url}, status=status)


def _refused(request: HttpRequest, message: str, status: int = 403) -> HttpResponse:
    return render(request, "signin/refused.html", {"message": message}, status=status)


@require_GET
def sign_in_callback(request: HttpRequest) -> HttpResponse:
    """Where the identity provider sends the person back with a code."""
    pending = request.session.pop(PENDING_KEY, None)
    if not isinstance(pending, dict):
        return _refused(
            request, _("This sign-in has expired or was already used. Start again."), 400
        )
    connection = (
        SsoConnection.objects.select_related("organisation")
        .filter(pk=int(pending.get("connection") or 0), protocol=Protocol.OIDC)
        .first()
    )
    if connection is None or pending.get("protocol") == Protocol.SAML:
        return _refused(request, _("This sign-in has expired. Start again."), 400)
    if "error" in request.GET:
        services.sign_in_failed_record(
            connection=connection,
            request=request,
            reason=f"provider:{request.GET.get('error', '')[:60]}",
        )
        return _refused(request, _("Your organisation did not let you sign in."))
    if request.GET.get("state") != pending.get("state"):
        services.sign_in_failed_record(connection=connection, request=request, reason="state")
        return _refused(request, _("This sign-in has expired or was already used. Start again."))
    try:
        claims = oidc.claims_from_callback(
            _client(connection),
            pending=pending,
            authorization_response=request.build_absolute_uri(),
        )
    except oidc.OidcError as error:
        logger.warning("Sign-in callback failed for %s: %s", connection.pk, error)
        services.sign_in_failed_record(connection=connection, request=request, reason="token")
        return _refused(request, _("The sign-in could not be completed. Start again."))
    return _sign_in_finish(request, connection, claims, next_url=pending.get("next") or "")


def _sign_in_finish(
    request: HttpRequest, connection: SsoConnection, claims: dict[str, Any], *, next_url: str
) -> HttpResponse:
    """After the provider's answer was checked, for both protocols: the account, the
    membership and the log-in (``services.sign_in_complete``)."""
    try:
        user = services.sign_in_complete(connection=connection, claims=claims, request=request)
    except services.SignInRefused as refused:
        message = {
            "domain_not_verified": _(
                "Your organisation's account uses an e-mail address that does not belong to "
                "this organisation's verified domains. Ask your organisation admin."
            ),
        }.get(refused.reason, _("You cannot sign in to CARAI with this account."))
        return _refused(request, message)
    # Read by the log-in receiver: no second step of CARAI's own when the provider asks one.
    request.carai_sso_mfa_done = connection.idp_enforces_mfa  # type: ignore[attr-defined]
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect(next_url or settings.LOGIN_REDIRECT_URL)


@require_GET
def saml_metadata(request: HttpRequest, slug: str) -> HttpResponse:
    """CARAI's SAML metadata for one organisation (entity id, assertion consumer address),
    for its identity provider. Holds no secret; 404 when the organisation has no SAML."""
    connection = selectors.saml_connection_by_slug(slug=slug)
    if connection is None:
        raise Http404("No SAML connection.")
    try:
        xml = saml.sp_metadata(_service_provider(connection))
    except saml.SamlError as error:  # xmlsec1 missing on this server
        logger.error("SAML metadata for %s cannot be made: %s", connection.pk, error)
        return HttpResponse(status=503)
    return HttpResponse(xml, content_type="application/samlmetadata+xml; charset=utf-8")


@csrf_exempt  # the identity provider posts here from its own site; the answer is signed
@require_POST
def saml_acs(request: HttpRequest, slug: str) -> HttpResponse:
    """The identity provider's answer arrives here in a POST from its own site, so the
    browser sends no session cookie with it (SameSite=Lax). Hand it on to CARAI itself in a
    form that sends itself: that request carries the session with the pending sign-in."""
    if selectors.saml_connection_by_slug(slug=slug) is None:
        raise Http404("No SAML connection.")
    saml_response = request.POST.get("SAMLResponse", "")
    if not saml_response or len(saml_response) > MAX_SAML_RESPONSE:
        return _refused(request, _("The sign-in could not be completed. Start again."))
    return render(
        request,
        "signin/saml_continue.html",
        {"saml_response": saml_response, "slug": slug},
    )


@csrf_exempt  # bound to this browser by the pending request (InResponseTo), not by a token
@require_POST
def saml_finish(request: HttpRequest) -> HttpResponse:
    """Check the provider's answer against the sign-in this browser started, then sign in."""
    pending = request.session.pop(PENDING_KEY, None)
    if not isinstance(pending, dict) or pending.get("protocol") != Protocol.SAML:
        return _refused(
            request, _("This sign-in has expired or was already used. Start again."), 400
        )
    connection = (
        SsoConnection.objects.select_related("organisation")
        .filter(pk=int(pending.get("connection") or 0), protocol=Protocol.SAML)
        .first()
    )
    if connection is None:
        return _refused(request, _("This sign-in has expired. Start again."), 400)
    try:
        assertion = saml.read_response(
            _service_provider(connection),
            saml_response=request.POST.get("SAMLResponse", "")[:MAX_SAML_RESPONSE],
            request_id=str(pending.get("request_id") or ""),
            idp_entity_id=connection.saml_idp_entity_id,
        )
    except saml.SamlError as error:
        logger.warning("SAML sign-in failed for %s: %s", connection.pk, error)
        services.sign_in_failed_record(
            connection=connection, request=request, reason="saml_response"
        )
        return _refused(request, _("The sign-in could not be completed. Start again."))
    try:
        services.saml_assertion_consume(
            connection=connection,
            request=request,
            assertion_id=assertion.assertion_id,
            expires_at=assertion.not_on_or_after,
        )
    except services.SignInRefused:
        return _refused(request, _("This sign-in has expired or was already used. Start again."))
    claims = assertion.claims(groups_attribute=connection.groups_claim)
    return _sign_in_finish(request, connection, claims, next_url=pending.get("next") or "")


@login_required
@require_http_methods(["GET", "POST"])
def connection_settings(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    organisation = access_signin_settings(user=user, slug=slug)
    connection = selectors.connection_of(organisation=organisation)
    initial = (
        {
            "is_active": connection.is_active,
            "protocol": connection.protocol,
            "saml_metadata_url": connection.saml_metadata_url,
            "discovery_url": connection.discovery_url,
            "client_id": connection.client_id,
            "scopes": connection.scopes,
            "default_role": connection.default_role,
            "groups_claim": connection.groups_claim,
            "role_mapping": mapping_as_text(connection.role_mapping),
            "inactive_days": connection.inactive_days,
            "idp_enforces_mfa": connection.idp_enforces_mfa,
        }
        if connection
        else {}
    )
    form = ConnectionForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        metadata_file = data.pop("saml_metadata_file")
        metadata = _saml_metadata_from_form(form, data, metadata_file)
        if not form.errors:
            try:
                services.connection_save(
                    actor=user,
                    request=request,
                    organisation=organisation,
                    saml_metadata=metadata,
                    **data,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("signin:settings", slug=organisation.slug)
    return render(
        request,
        "signin/settings.html",
        {
            "organisation": organisation,
            "form": form,
            "connection": connection,
            "domains": selectors.domains_of(connection=connection) if connection else [],
            "domain_form": DomainForm(),
            "callback_url": callback_url(),
            "saml_entity_id": saml_entity_id(organisation.slug),
            "saml_acs_url": saml_acs_url(organisation.slug),
        },
    )


def _saml_metadata_from_form(
    form: ConnectionForm, data: dict[str, Any], metadata_file: str
) -> saml.IdpMetadata | None:
    """The identity provider's metadata from the uploaded file, else from its address (read
    again at every save); None when neither was given or on an error (added to the form)."""
    if data.get("protocol") != Protocol.SAML:
        return None
    field = "saml_metadata_file" if metadata_file else "saml_metadata_url"
    try:
        if metadata_file:
            return saml.read_metadata(metadata_file)
        if data.get("saml_metadata_url"):
            return saml.read_metadata(saml.fetch_metadata(data["saml_metadata_url"]))
    except saml.SamlError as error:
        form.add_error(
            field, _("CARAI cannot use this metadata: %(reason)s") % {"reason": str(error)}
        )
    return None


@login_required
@require_POST
def domain_add(request: HttpRequest, slug: str) -> HttpResponse:
    user = authenticated_user(request)
    connection = access_connection(user=user, slug=slug)
    form = DomainForm(request.POST)
    if form.is_valid():
        try:
            services.domain_add(
                actor=user,
                request=request,
                connection=connection,
                domain=form.cleaned_data["domain"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
    for field_errors in form.errors.values():
        for message in field_errors:
            messages.error(request, str(message))
    return redirect("signin:settings", slug=slug)


@login_required
@require_POST
def domain_verify(request: HttpRequest, slug: str, domain_id: int) -> HttpResponse:
    user = authenticated_user(request)
    domain = access_domain(user=user, slug=slug, domain_id=domain_id)
    try:
        services.domain_verify(actor=user, request=request, domain=domain)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("signin:settings", slug=slug)


@login_required
@require_POST
def domain_remove(request: HttpRequest, slug: str, domain_id: int) -> HttpResponse:
    user = authenticated_user(request)
    domain = access_domain(user=user, slug=slug, domain_id=domain_id)
    services.domain_remove(actor=user, request=request, domain=domain)
    messages.success(request, _("Domain removed."))
    return redirect("signin:settings", slug=slug)

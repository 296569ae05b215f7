"""Settings for CARAI: one file, configured through environment variables.

CARAI_ENV chooses the mode: ``development`` (default), ``test`` or ``production``.
Production refuses to start without SECRET_KEY and ALLOWED_HOSTS.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str | None = None) -> str:
    """Return the environment variable ``name``; raise if it is missing and has no default."""
    value = os.environ.get(name)
    if value is None or value == "":
        if default is None:
            raise ImproperlyConfigured(f"Set the environment variable {name}.")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


CARAI_ENV = env_str("CARAI_ENV", "development")
if CARAI_ENV not in {"development", "test", "production"}:
    raise ImproperlyConfigured("CARAI_ENV must be development, test or production.")
PRODUCTION = CARAI_ENV == "production"

if PRODUCTION:
    SECRET_KEY = env_str("SECRET_KEY")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [])
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("Set ALLOWED_HOSTS (comma-separated host names) in production.")
    DEBUG = False
else:
    # Only for development and tests; production requires its own SECRET_KEY.
    SECRET_KEY = env_str(
        "SECRET_KEY", "django-insecure-carai-development-key-never-use-in-production"
    )
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
    DEBUG = env_bool("DEBUG", CARAI_ENV == "development")

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "carai.core",
    "carai.accounts",
    "carai.community",
    "carai.learning",
    "carai.signin",
    "carai.practice",
    "carai.register",
    "carai.usecases",
    "carai.xapi",
    "carai.literacy",
    "carai.sandbox",
    "carai.insights",
    "carai.kpis",
    "carai.overview",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "carai.core.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "carai.core.csp.PolicyMiddleware",  # django-csp, the usual header built once
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "carai.signin.middleware.SecondStepMiddleware",
]

if PRODUCTION:
    # Serves the collected static files (gunicorn has no static file server).
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "carai.urls"
WSGI_APPLICATION = "carai.wsgi.application"

TEMPLATES = [
    {
        # Django's engine, with a {% translate %} and a {% static %} that remember fixed texts
        # and paths (carai/core/template_engine.py).
        "NAME": "django",
        "BACKEND": "carai.core.template_engine.RememberingTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "carai.core.context_processors.carai",
            ],
            # {% url %} that remembers what it reversed (carai/core/templatetags/carai_urls.py).
            "builtins": ["carai.core.templatetags.carai_urls"],
        },
    },
    {
        # Plain-text e-mails (carai.core.mail): the same templates, without HTML escaping.
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {"autoescape": False},
    },
]

# Form widgets: Django's templates, with the common widgets written out in Python (the same
# HTML, a fraction of the time; see carai/core/renderers.py).
FORM_RENDERER = "carai.core.renderers.FastWidgetRenderer"

# Database: PostgreSQL when DATABASE_URL is set, otherwise the embedded SQLite file.
DATABASE_URL = env_str("DATABASE_URL", "")
if DATABASE_URL:
    # Connections are kept for a minute and checked before reuse, so a restarted database
    # costs no failed request for a connection that went stale. CARAI's PostgreSQL backend
    # skips the check's round trip for a connection that served a request seconds ago and
    # got nothing from the server since (carai/core/db/postgresql/base.py).
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["default"]["ENGINE"] = "carai.core.db.postgresql"
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env_str("SQLITE_PATH", str(BASE_DIR / "var" / "carai.sqlite3")),
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if CARAI_ENV == "test":
    # Tests hash hundreds of passwords; Argon2 stays the real default (tests/test_settings.py).
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "carai.accounts.validators.LongEnoughValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "overview:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24  # one day

# Log-in throttling (django-axes): lock an e-mail address and IP pair after 5 failures.
# Two-step verification (carai/signin): required for organisation admins, privacy officers
# and the community lead after a grace period. Off in the test settings; the tests of
# carai/signin switch it on.
CARAI_MFA_ENFORCED = env_bool("CARAI_MFA_ENFORCED", CARAI_ENV != "test")
CARAI_MFA_GRACE_DAYS = env_int("CARAI_MFA_GRACE_DAYS", 14)
CARAI_MFA_TRUST_DAYS = env_int("CARAI_MFA_TRUST_DAYS", 30)

AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_CALLABLE = "carai.accounts.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_ENABLED = env_bool("AXES_ENABLED", True)

# Internationalisation: Dutch first, English second.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "carai_language"
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
MEDIA_URL = "/media/"

# Where deduce (the privacy engine) keeps its lookup cache; must be writable.
DEDUCE_CACHE_DIR = Path(
    env_str("CARAI_DEDUCE_CACHE", str(Path.home() / ".cache" / "carai" / "deduce"))
)
# The longest text the Privacycheck and "Mag dit?" check inside a web request (about eight
# pages). The engine's work grows about linearly with the length, also on pathological
# text: at most 1.5 s of CPU for 20,000 characters (benchmarks/privacy/worst_case.py, round
# 11b in docs/privacy-history.md), well inside gunicorn's 30 s timeout.
PRIVACY_CHECK_MAX_CHARS = 20_000
# Load the privacy engine at start-up: "1" in the background (development server), "wait"
# before going on; "server": the server loads it (gunicorn's master after binding and
# before forking, see gunicorn.conf.py), and /gezond/ waits for it; empty: on first use.
CARAI_PRIVACY_WARMUP = env_str("CARAI_PRIVACY_WARMUP", "")
# Set by Django's autoreloader in the process that serves pages.
CARAI_RUN_MAIN = env_str("RUN_MAIN", "")

# Redis: when REDIS_URL is set (production), background tasks run on RQ and the cache lives
# in Redis, so several web servers and task workers on several hosts share both.
REDIS_URL = env_str("REDIS_URL", "")

# Background work through the Django tasks API (``@task``, ``.enqueue()``). With REDIS_URL:
# RQ (django-tasks-rq), whose jobs are retried with growing pauses and re-queued when their
# worker died. Without it: the embedded database backend (django-tasks-db). See
# docs/operations.md for why, and ``manage.py tasks_worker`` for the worker of either.
if CARAI_ENV == "test":
    TASKS_BACKEND = "django_tasks.backends.immediate.ImmediateBackend"
elif REDIS_URL:
    TASKS_BACKEND = "django_tasks_rq.RQBackend"
else:
    TASKS_BACKEND = "django_tasks_db.DatabaseBackend"
TASKS_BACKEND = env_str("CARAI_TASKS_BACKEND", TASKS_BACKEND)
TASKS = {"default": {"BACKEND": TASKS_BACKEND, "QUEUES": ["default"]}}
if TASKS_BACKEND == "django_tasks_rq.RQBackend":
    INSTALLED_APPS.append("django_rq")  # django-tasks-rq's check asks for it
RQ_SHOW_ADMIN_LINK = False
# RQ (used only by the RQ backend): every job gets these retries, pauses in seconds.
CARAI_TASK_RETRY_DELAYS = [
    int(delay)
    for delay in env_list("CARAI_TASK_RETRY_DELAYS", ["15", "60", "240", "900", "3600", "14400"])
]


def _redis_timeouts(url: str) -> str:
    """Never let a request hang on an unreachable Redis: give up connecting after 3 s and
    waiting for an answer after 5 s (the worker raises the latter for its long waits)."""
    extra = [
        p for p in ("socket_connect_timeout=3", "socket_timeout=5") if p.split("=")[0] not in url
    ]
    return url + ("&" if "?" in url else "?") + "&".join(extra) if extra else url


RQ_QUEUES = {
    "default": {
        "URL": _redis_timeouts(REDIS_URL or "redis://127.0.0.1:6379/0"),
        "DEFAULT_TIMEOUT": env_int("CARAI_TASK_TIMEOUT", 600),
        "QUEUE_CLASS": "carai.core.queue.RetryingQueue",
    }
}
RQ = {"COMMIT_MODE": "auto"}  # callers already enqueue on commit (transaction.on_commit)
# How often a worker looks for jobs whose worker died (RQ's default is 10 minutes).
CARAI_TASK_MAINTENANCE_SECONDS = env_int("CARAI_TASK_MAINTENANCE_SECONDS", 60)

# The cache: Redis when REDIS_URL is set (shared by every web server: the password-reset
# throttle counts across them), otherwise memory of the one process.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "carai.core.redis_cache.ReusingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "carai",
            "OPTIONS": {"socket_timeout": 2, "socket_connect_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Remember per-user work across requests (carai.core.cache) only where every web process
# sees the same cache: with Redis, or in one process (development, tests).
CARAI_CACHE_SHARED = env_bool("CARAI_CACHE_SHARED", bool(REDIS_URL) or not PRODUCTION)
# Sessions are read from the cache and kept in the database too (a cache restart logs
# nobody out): one query fewer on every page.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Password reset: how many requests per address and per client address in an hour.
CARAI_RESET_PER_ADDRESS = env_int("CARAI_RESET_PER_ADDRESS", 3)
CARAI_RESET_PER_CLIENT = env_int("CARAI_RESET_PER_CLIENT", 10)

# E-mail: printed to the console in development, SMTP in production (EMAIL_BACKEND may
# choose otherwise, e.g. SMTP to a local test server).
if PRODUCTION:
    _email_backend = "django.core.mail.backends.smtp.EmailBackend"
elif CARAI_ENV == "test":
    _email_backend = "django.core.mail.backends.locmem.EmailBackend"
else:
    _email_backend = "django.core.mail.backends.console.EmailBackend"
EMAIL_BACKEND = env_str("EMAIL_BACKEND", _email_backend)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "CARAI <noreply@carai.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Seconds to wait for the mail server at each step; only task workers talk to it.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 60)
# The outbox (carai.core.mail): how often a message is tried before it counts as failed,
# and how long one worker holds a message it is sending (longer than the slowest send).
CARAI_MAIL_MAX_ATTEMPTS = env_int("CARAI_MAIL_MAX_ATTEMPTS", 6)
CARAI_MAIL_LEASE_SECONDS = env_int("CARAI_MAIL_LEASE_SECONDS", 4 * EMAIL_TIMEOUT + 30)
# The address links in e-mails point to, e.g. https://carai.example.nl
CARAI_BASE_URL = env_str("CARAI_BASE_URL", "http://127.0.0.1:8000")
# Open Badges signing key (docs/badges.md): the base64url Ed25519 seed of the current key, and
# the base64url public keys of retired ones (still published, so older badges verify).
CARAI_BADGE_SIGNING_KEY = env_str("CARAI_BADGE_SIGNING_KEY", "")
CARAI_BADGE_RETIRED_KEYS = env_list("CARAI_BADGE_RETIRED_KEYS", [])

# How long an invitation link stays valid.
CARAI_INVITATION_DAYS = env_int("CARAI_INVITATION_DAYS", 7)
# Take the client address from X-Forwarded-For (only behind a trusted reverse proxy).
CARAI_TRUST_X_FORWARDED_FOR = env_bool("CARAI_TRUST_X_FORWARDED_FOR", False)

# Security headers. Content-Security-Policy: no inline scripts or styles, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
CSRF_FAILURE_VIEW = "carai.core.views.csrf_failure"

if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # A load balancer asks for readiness over plain HTTP, straight at gunicorn: answer it
    # rather than send it to https (a redirect is no answer to "are you ready?").
    SECURE_REDIRECT_EXEMPT = [r"^gezond/$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Errors are logged (and sent to an error tracker when SENTRY_DSN is set), never e-mailed:
# Django's default would e-mail ADMINS from inside the failing request.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Replaces Django's own "django" logger, whose handlers include mail_admins.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.request": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},  # subsets fonts for every certificate PDF
        "xmlschema": {"level": "WARNING"},  # loaded by pysaml2 (SAML sign-in)
        # pysaml2 logs every refused SAML answer as an error; CARAI logs it itself, as a
        # warning of carai.signin and in the organisation's audit log.
        "saml2": {"level": "CRITICAL"},
    },
}
ADMINS: list[tuple[str, str]] = []

SENTRY_DSN = env_str("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=CARAI_ENV,
        send_default_pii=False,  # no user names, e-mail or IP addresses, cookies
        max_request_body_size="never",  # text sent to the Privacycheck never leaves
        include_local_variables=False,
        traces_sample_rate=0.0,
    )

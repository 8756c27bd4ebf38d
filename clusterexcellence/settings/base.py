"""Settings shared by every environment; values come from environment variables.

`development.py`, `production.py` and `test.py` adjust this for their use. See the README for
every variable.
"""

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from clusterexcellence.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "django_countries",
    "import_export",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "clusterexcellence",
    "accounts",
    "labels",
    "benchmarking",
    "training",
    "club",
    "collaboration",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "clusterexcellence.api_errors.ApiJsonErrorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "clusterexcellence.csp.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.RequireTwoFactorMiddleware",
    "accounts.middleware.PrivateResponsesMiddleware",
]

ROOT_URLCONF = "clusterexcellence.urls"
WSGI_APPLICATION = "clusterexcellence.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "clusterexcellence.context_processors.navigation",
            ],
        },
    },
]

# Inputs, textareas and labels of forms are written in Python (same markup as Django's templates).
FORM_RENDERER = "clusterexcellence.form_renderer.FormRenderer"

# Embedded default: SQLite unless DATABASE_URL names a server (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # SQLite allows one writer at a time. WAL lets readers go on while someone writes; a writer waits
    # up to `timeout` seconds for the lock instead of failing at once with "database is locked"; and
    # IMMEDIATE takes the write lock when a transaction begins, because a transaction that read first
    # and upgrades to writing later cannot wait for another writer: SQLite refuses it at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_TIMEOUT", 20),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "clusterexcellence.redis_cache.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Pages and API reads are kept per visitor, API token look-ups per token, while the tables they
# were made from are unchanged (clusterexcellence/page_cache.py, data_versions.py). Every process
# must see the same table versions: on with Redis, off with each process's own memory (the
# development server and the tests, single processes, switch it on).
CACHE_PAGES = env_bool("CACHE_PAGES", bool(REDIS_URL))
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Django's and allauth's, reading the signed-in user from the cache while it is unchanged.
    "accounts.auth_backends.ModelBackend",
    "accounts.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "home"

# django-allauth: e-mail is the login; addresses must be verified before signing in.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Cluster Excellence] "
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Cluster Excellence"
# Staff, assessors and board members must set up TOTP before using the portal or the API.
REQUIRE_2FA_FOR_PRIVILEGED = env_bool("REQUIRE_2FA_FOR_PRIVILEGED", True)
# How many proxies in front of the portal append to X-Forwarded-For. Rate limits and lockouts key
# on the client address; X-Forwarded-For is trusted only this many hops deep (0: never), so a
# client cannot choose its own address by sending the header.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# API tokens expire this many days after they were issued.
API_TOKEN_VALID_DAYS = env_int("API_TOKEN_VALID_DAYS", 30)

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("de", _("German"))]
# Earlier paths win over app catalogues; locale_allauth only overrides allauth's informal German ("du").
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_allauth"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded evidence lives outside the static tree and is only served through permission checks.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = "/media/"

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Cluster Excellence <noreply@cluster-excellence.eu>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if env_str("EMAIL_URL"):
    _email = dj_database_url.parse(env_str("EMAIL_URL").replace("smtp://", "postgres://", 1))
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST, EMAIL_PORT = _email["HOST"], int(_email["PORT"] or 587)
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = _email["USER"], _email["PASSWORD"]
    EMAIL_USE_TLS = True

# Celery: with no broker configured, tasks run in-process so the embedded default needs no services.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A worker holds a job it claimed for this long. It outlasts the hard time limit, so a job still
# running after it has lost its worker and is taken again (clusterexcellence/jobs.py); Redis hands
# an unacknowledged message to another worker after the same time.
JOB_LEASE_SECONDS = env_int("JOB_LEASE_SECONDS", CELERY_TASK_TIME_LIMIT + 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": JOB_LEASE_SECONDS}
CELERY_BEAT_SCHEDULE: dict = {
    "sweep-jobs": {"task": "clusterexcellence.tasks.sweep_jobs", "schedule": 60.0},
    # Hourly, so an event is reminded of between 24 and 23 hours before it starts; sent once per person.
    "club-event-reminders": {"task": "club.tasks.send_event_reminders", "schedule": 3600},
    # New matches of saved partner searches, e-mailed once a day (each match once however often it runs).
    "collaboration-saved-searches": {
        "task": "collaboration.tasks.saved_searches_daily",
        "schedule": crontab(hour=6, minute=30),
    },
    # Labels expiring in 6 months and in 1 month: their owners are reminded once each.
    "labels-expiry-reminders": {"task": "labels.tasks.send_expiry_reminders", "schedule": crontab(hour=6, minute=0)},
}

REST_FRAMEWORK = {
    # Token first: DRF answers a missing or bad credential with 401 and the first class's
    # WWW-Authenticate header; session authentication has none, so it would be 403 instead.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # Request bodies are JSON; the one upload view sets its multipart parser itself.
    "DEFAULT_PARSER_CLASSES": ["clusterexcellence.api_parsers.JSONParser"],
    "EXCEPTION_HANDLER": "clusterexcellence.api_errors.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "DEFAULT_SCHEMA_CLASS": "clusterexcellence.api_schema.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_RATES": {"token": "10/min"},
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Cluster Excellence API",
    "DESCRIPTION": "Quality label, benchmarking, training, club and collaboration for cluster organisations.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI is served from this origin (drf-spectacular-sidecar): the CSP allows no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # One name per choice set that appears under several field names or beside another "status"/"level".
    "ENUM_NAME_OVERRIDES": {
        "FrameworkStatusEnum": "labels.choices.FrameworkStatus",
        "AssessmentStatusEnum": "labels.models.AssessmentStatus",
        "LevelEnum": "labels.choices.Level",
        "RecommendationEnum": "labels.models.Recommendation",
        "RatingEnum": "labels.choices.Rating",
        "AreaStatusEnum": "labels.api.assessment_outputs.AreaStatus",
        "TrainingLanguageEnum": "training.choices.LANGUAGE_CHOICES",
        "ProgrammeFormatEnum": "training.choices.ProgrammeFormat",
        "ProgrammeLevelEnum": "training.choices.ProgrammeLevel",
        "ClubMembershipStatusEnum": "club.choices.MembershipStatus",
        "RegistrationStatusEnum": "club.choices.RegistrationStatus",
        "PostingKindEnum": "collaboration.choices.PostingKind",
        "PostingStatusEnum": "collaboration.choices.PostingStatus",
        "MeetingStatusEnum": "collaboration.choices.MeetingStatus",
        "LabelLevelEnum": "collaboration.search.LEVELS",
        "SectorEnum": "accounts.choices.Sector",
        "BenchmarkBasisEnum": "benchmarking.choices.Basis",
        "ClubLanguageEnum": "club.choices.LANGUAGES",
        "ScoreBasisEnum": "labels.api.assessment_outputs.ScoreBasis",
        "LabelStateEnum": "labels.models.LabelState",
    },
}

# Content security policy: everything is served from this origin (htmx is vendored).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# django-import-export keeps an uploaded file between its preview and the confirmation in the cache
# (Redis when configured), so the two requests may reach different web processes.
IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.CacheStorage"
IMPORT_EXPORT_USE_TRANSACTIONS = True

EVIDENCE_MAX_UPLOAD_MB = env_int("EVIDENCE_MAX_UPLOAD_MB", 10)
PEER_GROUP_MIN_SIZE = env_int("PEER_GROUP_MIN_SIZE", 5)
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 14)
CLUB_MESSAGES_PER_HOUR = env_int("CLUB_MESSAGES_PER_HOUR", 10)
CLUB_PHOTO_MAX_UPLOAD_MB = env_int("CLUB_PHOTO_MAX_UPLOAD_MB", 5)
SEED_DEMO_ALLOWED = False
# The contact the Open Badges issuer profile names (labels/open_badges.py).
OPEN_BADGES_ISSUER_EMAIL = env_str("OPEN_BADGES_ISSUER_EMAIL", "labels@cluster-excellence.eu")
# Days an organisation's owner has to appeal a rejection, suspension or revocation (labels/appeals.py).
LABEL_APPEAL_DAYS = env_int("LABEL_APPEAL_DAYS", 30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

"""Settings shared by every environment.

Environment-specific modules (`dev`, `test`, `production`) import everything
from here and override only what differs. Machine-dependent values come from
the environment through `portal.env`.
"""

from pathlib import Path

import dj_database_url

from portal import languages
from portal.env import env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    # wagtail-modeltranslation patches Wagtail's page model, admin, makemigrations
    # and migrate: it must come before Wagtail's own apps.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "collections_app",
    # Before Wagtail: its templates and catalogues override the admin's own.
    "staff_admin",
    "translation_workspace",
    # Before wagtail.search: its update_index also rebuilds the portal's own index.
    "search",
    "iiif",
    "wagtail.api.v2",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LocaleMiddleware",
    "portal.middleware.RejectNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "collections_app.admin_access.AdminPageAccessMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite file in the checkout unless DATABASE_URL says otherwise
# (postgres://user:pass@host:5432/name in production).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# ---------------------------------------------------------------------------
# Languages: all derived from the one table in portal/languages.py. Its order
# is the order of the language menu and of the admin's language picker;
# English, the alliance's pivot language, is the required source.
# ---------------------------------------------------------------------------
LANGUAGE_CODE = languages.SOURCE_LANGUAGE
LANGUAGES = languages.django_languages()
LANGUAGE_CODES = [code for code, _name in LANGUAGES]
RTL_LANGUAGES = {language.code for language in languages.TABLE if language.rtl}

USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LOCALE_PATHS = [BASE_DIR / "locale"]

MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_LANGUAGES = tuple(LANGUAGE_CODES)
# Central Asian languages and Belarusian read Russian before English; every
# other language falls back to English (the `fallbacks` column of the table).
MODELTRANSLATION_FALLBACK_LANGUAGES = languages.fallback_languages()

# Translators' workspace (translation_workspace/): an exhibition is published only
# when these languages' texts are complete and current (the SCO's official
# languages besides English); translators and reviewers hear about one page
# at most once in this many minutes.
PORTAL_REQUIRED_TRANSLATIONS = env_list("PORTAL_REQUIRED_TRANSLATIONS", ["zh-hans", "ru"])
TRANSLATION_NOTICE_MINUTES = env_int("TRANSLATION_NOTICE_MINUTES", 60)

# The API's ?search= uses the public search (search/api.py): same languages, scripts and fallback chains.
PORTAL_API_SEARCH_FILTER = "search.api.PortalSearchFilter"
MODELTRANSLATION_AUTO_POPULATE = False
WAGTAIL_I18N_ENABLED = False
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = True
# The portal's own picker (staff_admin/picker.py) replaces wagtail-modeltranslation's.
WAGTAILMODELTRANSLATION_LOCALE_PICKER = False

# ---------------------------------------------------------------------------
# Static and media files
# ---------------------------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
# build/static holds generated assets (the web fonts, `make fonts`).
BUILD_STATIC = BASE_DIR / "build" / "static"
STATICFILES_DIRS = [BASE_DIR / "static", *([BUILD_STATIC] if BUILD_STATIC.is_dir() else [])]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
# Uploaded images and renditions are served by the app processes unless a web
# server in front serves MEDIA_ROOT itself (then set SERVE_MEDIA=0).
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 20_000

# ---------------------------------------------------------------------------
# Cache: a shared Redis cache when REDIS_URL is set (several app processes),
# process-local memory otherwise.
# ---------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# ---------------------------------------------------------------------------
# Wagtail
# ---------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "SCO Museum Alliance"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "collections_app.CollectionImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "collections_app.image_forms.CollectionImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 200_000_000
# Wagtail's database search backend, with the per-save cost bounded (collections_app/indexing.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "collections_app.indexing"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx", "xml", "zip"]
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No request leaves the site from the admin (tests/staff/test_admin_offsite.py): avatars are initials or
# uploads (staff_admin/typography.py); without that hook, Wagtail's bundled picture, never Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Its only link goes to guide.wagtail.org (English, blocked in China).
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin follows each user's preferred language (Account → Preferences); Wagtail's own
# strings exist for zh-hans, ru, hi, fa and be, the portal's for all eleven.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# ---------------------------------------------------------------------------
# IIIF Image API (iiif/): limits on what one request may produce, advertised
# in every info.json, so no request can exhaust a worker's memory.
# ---------------------------------------------------------------------------
# Widest and tallest image returned; `max` is scaled down to fit, larger explicit sizes are a 400.
IIIF_MAX_WIDTH = env_int("IIIF_MAX_WIDTH", 4096)
IIIF_MAX_HEIGHT = env_int("IIIF_MAX_HEIGHT", 4096)
# Most pixels in one returned image (4096 x 4096: about 50 MB decoded as RGB).
IIIF_MAX_AREA = env_int("IIIF_MAX_AREA", 4096 * 4096)
# Edge of the square tiles deep-zoom viewers are told to request.
IIIF_TILE_SIZE = env_int("IIIF_TILE_SIZE", 512)
# Where derivatives are cached on disk; empty means iiif-cache/ inside MEDIA_ROOT.
IIIF_CACHE_DIR = env_str("IIIF_CACHE_DIR", "")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

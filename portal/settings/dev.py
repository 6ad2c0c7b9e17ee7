"""Local development: `make run`. Never use on a public host."""

from portal.env import env_str

from .base import *  # noqa: F403

DEBUG = True
# A development-only key; production.py refuses to start without SECRET_KEY.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")  # noqa: S105
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Serve static files from the finders; no collectstatic needed outside production.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

"""Configuration comes from the environment; production refuses unsafe defaults."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal import env

ROOT = Path(__file__).resolve().parents[2]


def import_settings(module, **environ):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}
    clean.update(environ)
    return subprocess.run(
        [sys.executable, "-c", f"import {module}"], cwd=ROOT, env=clean, capture_output=True, text=True, check=False
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = import_settings("portal.settings.production", ALLOWED_HOSTS="museums.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = import_settings("portal.settings.production", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_starts_on_postgresql_with_redis_when_configured():
    result = import_settings(
        "portal.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="museums.example.org",
        DATABASE_URL="postgres://portal:secret@db.internal:5432/portal",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stderr
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "from portal.settings import production as s;"
            "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'],"
            "'django.contrib.postgres' in s.INSTALLED_APPS)",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "museums.example.org",
            "DATABASE_URL": "postgres://portal:secret@db.internal:5432/portal",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert check.stdout.split() == ["django.db.backends.postgresql", "django_redis.cache.RedisCache", "True"]


def test_malformed_boolean_is_reported_by_name(monkeypatch):
    monkeypatch.setenv("SECURE_SSL_REDIRECT", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="SECURE_SSL_REDIRECT"):
        env.env_bool("SECURE_SSL_REDIRECT")


def test_malformed_integer_is_reported_by_name(monkeypatch):
    monkeypatch.setenv("CONN_MAX_AGE", "ten")
    with pytest.raises(ImproperlyConfigured, match="CONN_MAX_AGE"):
        env.env_int("CONN_MAX_AGE", 0)

"""`make serve` is the production server: gunicorn, several workers, production settings, never DEBUG.

Runs the real target in a subprocess against a throwaway SQLite database
migrated with the production settings, and talks to it over HTTP.
"""

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECRET = "production-secret-" + "k" * 40

pytestmark = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the production-server check runs once, in the SQLite pass",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(tmp: Path, **overrides) -> dict[str, str]:
    # Nothing of the test process's own environment that a deployment would not have
    # (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE, which the deploy checks refuse).
    inherited = ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    environ = {k: v for k, v in os.environ.items() if k not in inherited}
    environ.update(
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        WEB_CONCURRENCY="2",
    )
    environ.update(overrides)
    return {k: v for k, v in environ.items() if v is not None}


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - a local test server
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve")
    environ = production_env(tmp, DJANGO_SETTINGS_MODULE="portal.settings.production")
    subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=environ,
        check=True,
        capture_output=True,
    )
    port = free_port()
    process = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"PORT={port}"],
        cwd=ROOT,
        env=production_env(tmp),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"make serve exited with {process.returncode}:\n{process.stdout.read()}")
        try:
            fetch(base + "/robots.txt")
            break
        except OSError:
            time.sleep(0.2)
    else:
        pytest.fail("make serve did not answer within 120 s")
    yield base, process
    os.killpg(process.pid, 15)
    process.wait(timeout=30)


def test_serves_through_gunicorn_with_several_workers(server):
    base, process = server
    status, headers, _body = fetch(base + "/robots.txt")
    assert status == 200
    assert "gunicorn" in headers.get("Server", "")
    port = base.rsplit(":", 1)[1]
    processes = []
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(b"gunicorn" in part for part in cmdline) and f"127.0.0.1:{port}".encode() in cmdline:
            processes.append(entry.name)
    assert len(processes) >= 3, "gunicorn's master and at least two workers"


def test_errors_never_show_the_debug_page(server):
    base, _process = server
    for path in ("/api/v2/pages/?search=%00", "/en/no-such-page/", "/admin/pages/999999/edit/"):
        status, _headers, body = fetch(base + path)
        assert status < 500, (path, status)
        assert "Traceback" not in body and "URLconf" not in body and SECRET not in body, path
        assert "DEBUG = True" not in body


def test_static_files_are_collected_and_served(server):
    base, _process = server
    status, headers, body = fetch(base + "/static/css/admin.css")
    assert status == 200 and "portal" in body


def run_serve(tmp: Path, **environ):
    return subprocess.run(
        ["make", "--no-print-directory", "serve", f"PORT={free_port()}"],
        cwd=ROOT,
        env=production_env(tmp, **environ),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_refuses_to_start_without_the_production_environment(tmp_path, missing):
    result = run_serve(tmp_path, **{missing: None})
    assert result.returncode != 0
    assert missing in result.stdout + result.stderr


def test_refuses_to_serve_the_development_settings(tmp_path):
    result = run_serve(tmp_path, DJANGO_SETTINGS_MODULE="portal.settings.dev")
    assert result.returncode != 0
    assert "refusing" in result.stderr

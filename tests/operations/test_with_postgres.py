"""scripts/with-postgres: a friendly skip on a newcomer's machine, a failure under CI."""

import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "with-postgres"


def run(ci=None):
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    env["POSTGRES_BINDIR"] = "/nonexistent/postgresql/bin"
    if ci is not None:
        env["CI"] = ci
    return subprocess.run([str(SCRIPT), "true"], env=env, capture_output=True, text=True, check=False)


def test_without_postgresql_ci_fails():
    result = run(ci="true")
    assert result.returncode != 0
    assert "CI=true" in result.stderr


def test_without_postgresql_a_developer_is_told_and_the_rest_goes_on():
    result = run()
    assert result.returncode == 0
    assert "skipping" in result.stderr

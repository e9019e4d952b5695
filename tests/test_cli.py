"""The command line: the contract commands, the database commands, exit codes and help."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main

STORY = (
    "A coalition air strike on the town of Jilib in southern Somalia killed at least five militants on "
    "Wednesday, the military said. Residents said the strike hit a house used by the group."
)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory, config) -> dict[str, str]:
    """Point the CLI at the test session's cache (gazetteer) and a fresh database directory."""
    return {"EVENTWIRE_CACHE_DIR": str(config.cache_dir)}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("in") / "in.jsonl"
    lines = [
        json.dumps({"id": "s1", "text": STORY, "published": "2026-11-20"}),
        json.dumps(
            {
                "id": "s2",
                "text": "The central bank held rates steady on Tuesday, saying inflation had eased.",
                "published": "2026-11-20",
            }
        ),
        "{broken",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(env: dict[str, str], *args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), env=env, input=input, catch_exceptions=False)


def test_extract_writes_contract_lines_and_reports_rejections(env, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run(env, "extract", str(inputs), "-o", str(out))
    assert result.exit_code == 1  # one line was rejected
    assert f"{inputs}:3" in result.stderr and "invalid JSON" in result.stderr
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert events and {e["article_id"] for e in events} == {"s1"}
    top = events[0]
    for key in (
        "article_id",
        "event_id",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "location",
        "date",
        "time_precision",
        "fatalities",
        "fatalities_low",
        "fatalities_high",
        "injuries",
        "civilian_targeting",
        "confidence",
        "trigger",
        "evidence",
    ):
        assert key in top
    assert STORY[top["trigger"]["start"] : top["trigger"]["end"]] == top["trigger"]["text"]


def test_extract_mentions_writes_a_line_per_span_that_reports_the_event(env, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "mentions.jsonl"
    run(env, "extract", str(inputs), "--mentions", "-o", str(out))
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    strike = [m for m in lines if m["sub_event_type"] == "Air/drone strike"]
    assert [m["trigger"]["text"] for m in strike] == ["air strike", "killed", "hit"]
    assert {m["mention_of"] for m in strike} == {strike[0]["event_id"].split("#")[0]}
    assert strike[0]["confidence"] > strike[1]["confidence"]  # the trigger's line stays the event's top line


def test_geoparse_given_spans_returns_exactly_those_spans(env, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    start = STORY.index("Jilib")
    path.write_text(json.dumps({"id": "g", "text": STORY, "spans": [[start, start + 5], [0, 1]]}) + "\n")
    result = run(env, "geoparse", str(path), "-q")
    assert result.exit_code == 0, result.output
    [line] = [json.loads(x) for x in result.stdout.splitlines()]
    assert [(p["start"], p["end"]) for p in line["places"]] == [(start, start + 5), (0, 1)]


def test_dates_resolves_against_published(env, inputs: Path) -> None:
    result = run(env, "dates", str(inputs), "-q")
    lines = {json.loads(x)["id"]: json.loads(x) for x in result.stdout.splitlines()}
    assert {"text": "Wednesday", "value": "2026-11-18"}.items() <= lines["s1"]["dates"][0].items()


def test_verbose_prints_warnings_naming_the_input(env) -> None:
    result = run(env, "extract", "-", "-v", input=json.dumps({"id": "x", "text": STORY}) + "\n")
    assert result.exit_code == 0
    assert "<stdin>" in result.stderr and "EW101" in result.stderr  # no publication date given


def test_stdin_input(env) -> None:
    result = run(env, "extract", "-", "-q", input=json.dumps({"id": "x", "text": STORY}) + "\n")
    assert result.exit_code == 0
    assert all(json.loads(x)["article_id"] == "x" for x in result.stdout.splitlines())


def test_ingest_query_export_round(env, inputs: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "e.db")
    first = run(env, "ingest", str(inputs), "--db", db)
    assert first.exit_code == 1 and "2 articles added" in first.stderr
    again = run(env, "ingest", str(inputs), "--db", db)
    assert "0 articles added" in again.stderr and "2 unchanged" in again.stderr

    table = run(env, "events", "--db", db)
    assert table.exit_code == 0 and "Air/drone strike" in table.stdout
    as_json = [json.loads(x) for x in run(env, "events", "--db", db, "--format", "json").stdout.splitlines()]
    assert as_json and as_json[0]["article"]["id"] == "s1"
    as_csv = list(csv.DictReader(io.StringIO(run(env, "events", "--db", db, "--format", "csv").stdout)))
    assert as_csv and as_csv[0]["sub_event_type"] == "Air/drone strike" and "event_id_cnty" in as_csv[0]
    assert run(env, "events", "--db", db, "--search", "central bank", "--format", "json").stdout == ""
    rejected = run(env, "events", "--db", db, "--rejected", "--format", "json")
    assert json.loads(rejected.stdout)["reason"] == "invalid_json"

    for fmt in ("jsonl", "csv", "geojson"):
        out = tmp_path / f"out.{fmt}"
        assert run(env, "export", "--db", db, "--format", fmt, "-o", str(out)).exit_code == 0
        assert out.stat().st_size > 0
    geo = json.loads((tmp_path / "out.geojson").read_text())
    assert geo["type"] == "FeatureCollection"

    info = run(env, "info", "--db", db, "--json")
    facts = json.loads(info.stdout)
    assert facts["db_articles"] == 2 and facts["db_events"] >= 1


def test_usage_errors_exit_2_without_traceback(env, tmp_path: Path) -> None:
    missing = run(env, "extract", str(tmp_path / "missing.jsonl"))
    assert missing.exit_code == 2 and "missing.jsonl" in missing.stderr and "Traceback" not in missing.stderr
    no_db = run(env, "events", "--db", str(tmp_path / "none.db"))
    assert no_db.exit_code == 2 and "eventwire ingest" in no_db.stderr
    bad_date = run(env, "events", "--db", str(tmp_path / "none.db"), "--since", "yesterday")
    assert bad_date.exit_code == 2
    assert run(env, "events", "--format", "xml").exit_code == 2


def _commands(group=main, prefix=()):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))
        yield (*prefix, name)


@pytest.mark.parametrize("command", list(_commands()), ids=" ".join)
def test_every_command_has_help_with_an_example(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and "Example" in result.output


def test_killed_ingest_leaves_a_consistent_database_and_rerun_completes(tmp_path: Path, config) -> None:
    path = tmp_path / "many.jsonl"
    with path.open("w") as out:
        for i in range(600):
            out.write(json.dumps({"id": f"k{i}", "text": f"Story {i}. {STORY}", "published": "2026-11-20"}) + "\n")
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "eventwire", "ingest", str(path), "--db", str(db), "-q"]
    env = {**os.environ, "EVENTWIRE_CACHE_DIR": str(config.cache_dir)}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (db.exists() and _articles(db) > 0):
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _articles(db)
    assert 0 < partial < 600
    subprocess.run(cmd, env=env, check=True)
    import sqlite3

    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 600
        assert conn.execute("SELECT count(DISTINCT article_id) FROM events").fetchone()[0] == 600
        assert (
            conn.execute("SELECT count(*) FROM events").fetchone()[0]
            == conn.execute("SELECT count(DISTINCT id) FROM events").fetchone()[0]
        )


def _articles(db: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0

"""The `eventwire` command. Each command parses options, calls the library, and maps errors to a message and
an exit code: 0 ok, 1 some inputs rejected, 2 usage or configuration error."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import click

from eventwire import __version__
from eventwire.config import Config, load_config
from eventwire.errors import BadQuery, EventwireError

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


class UsageError(click.ClickException):
    exit_code = EXIT_USAGE


def _handle_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Library errors become one line on stderr and exit code 2; no traceback reaches the user."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except EventwireError as exc:
            raise UsageError(str(exc)) from exc
        except BrokenPipeError:
            # `eventwire events | head`: the reader went away; that is not an error.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(EXIT_OK)

    return wrapper


def _config(ctx: click.Context, **overrides: Any) -> Config:
    return load_config(ctx.obj.get("config_path"), **overrides)


@contextlib.contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """stdout, or a file written atomically (an interrupted run leaves no half-written file)."""
    if path in (None, "-"):
        yield sys.stdout
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise BadQuery(f"--{name} must be a date as YYYY-MM-DD, not {value!r}") from exc


INPUTS = click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
OUTPUT = click.option("-o", "--output", metavar="FILE", help="Write here instead of stdout.")
QUIET = click.option("-q", "--quiet", is_flag=True, help="No progress bar or rejection messages.")
VERBOSE = click.option("-v", "--verbose", is_flag=True, help="Also print warnings per article (EW1xx codes).")
DB = click.option("--db", metavar="PATH", help="SQLite database file (default: setting db, eventwire.db).")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110})
@click.version_option(__version__, prog_name="eventwire")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML settings file.")
@click.pass_context
def main(ctx: click.Context, config_path: str | None) -> None:
    """eventwire: news articles in, ACLED-compatible event records out, every field backed by evidence.

    \b
    Inputs are files (.txt, .html, .jsonl, RSS/Atom), directories (read recursively) or - for stdin.
    Quick start:
      eventwire ingest examples/ --db events.db
      eventwire events --db events.db
    """
    ctx.ensure_object(dict)
    ctx.obj["config_path"] = config_path


# --------------------------------------------------------------------------------------------- contract jobs


def _run_job(
    ctx: click.Context,
    job: str,
    inputs: tuple[str, ...],
    output: str | None,
    quiet: bool,
    verbose: bool,
    *,
    mentions: bool = False,
) -> None:
    from eventwire import export
    from eventwire.console import Reporter
    from eventwire.ingest import read_inputs
    from eventwire.pipeline import Pipeline

    config = _config(ctx)
    items = read_inputs(inputs, config=config)
    pipeline = Pipeline(config, job=job)
    reporter = Reporter(quiet=quiet, verbose=verbose)
    with _output(output) as out:
        for result in reporter.track(pipeline.process_many(items)):
            if result.rejection is not None:
                continue
            if job == "extract" and mentions:
                export.write_jsonl((line for e in result.events for line in export.contract_mentions(e)), out)
            elif job == "extract":
                export.write_jsonl((export.contract_event(e) for e in result.events), out)
            elif job == "geoparse":
                export.write_jsonl([export.geoparse_line(result)], out)
            else:
                export.write_jsonl([export.dates_line(result)], out)
    reporter.summary(f"{reporter.processed} articles, {reporter.events} events, {reporter.rejected} rejected")
    ctx.exit(EXIT_REJECTED if reporter.rejected else EXIT_OK)


@main.command()
@INPUTS
@OUTPUT
@QUIET
@VERBOSE
@click.option(
    "--mentions",
    is_flag=True,
    help="One line per span that reports an event (trigger = that span, mention_of = the event's id).",
)
@click.pass_context
@_handle_errors
def extract(
    ctx: click.Context, inputs: tuple[str, ...], output: str | None, quiet: bool, verbose: bool, mentions: bool
) -> None:
    """Events in the inputs, one JSON line per event.

    \b
    Example:
      eventwire extract articles.jsonl -o events.jsonl
      eventwire extract articles.jsonl --mentions -o mentions.jsonl
    Each line has article_id, event_id, event_type, sub_event_type, plover, actor1, actor2, location, date,
    time_precision, fatalities (+ _low/_high), injuries, civilian_targeting, confidence, trigger, evidence,
    and mentions (every span that reports the event). With --mentions, each of those spans gets its own line.
    """
    _run_job(ctx, "extract", inputs, output, quiet, verbose, mentions=mentions)


@main.command()
@INPUTS
@OUTPUT
@QUIET
@VERBOSE
@click.pass_context
@_handle_errors
def geoparse(ctx: click.Context, inputs: tuple[str, ...], output: str | None, quiet: bool, verbose: bool) -> None:
    """Toponyms in the inputs, resolved to GeoNames: one JSON line per article.

    \b
    Example:
      eventwire geoparse articles.jsonl -o places.jsonl
    A JSONL input line with "spans": [[start, end], ...] resolves exactly those spans.
    """
    _run_job(ctx, "geoparse", inputs, output, quiet, verbose)


@main.command()
@INPUTS
@OUTPUT
@QUIET
@VERBOSE
@click.pass_context
@_handle_errors
def dates(ctx: click.Context, inputs: tuple[str, ...], output: str | None, quiet: bool, verbose: bool) -> None:
    """Time expressions in the inputs with TimeML values: one JSON line per article.

    \b
    Example:
      eventwire dates articles.jsonl -o dates.jsonl
    Relative expressions ("on Thursday", "last week") are read against each article's "published" date.
    """
    _run_job(ctx, "dates", inputs, output, quiet, verbose)


# --------------------------------------------------------------------------------------------- database


@main.command()
@INPUTS
@DB
@QUIET
@VERBOSE
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Spread the work over this many local worker processes (Dask); default: this process only.",
)
@click.option("--scheduler", metavar="ADDRESS", help="Use an existing Dask cluster, e.g. tcp://10.0.0.5:8786.")
@click.pass_context
@_handle_errors
def ingest(
    ctx: click.Context,
    inputs: tuple[str, ...],
    db: str | None,
    quiet: bool,
    verbose: bool,
    workers: int | None,
    scheduler: str | None,
) -> None:
    """Extract events from the inputs and store them in the database.

    \b
    Example:
      eventwire ingest examples/ --db events.db
      eventwire ingest feeds/ --db events.db --workers 4
    Re-running is safe: articles already stored are skipped, an interrupted run is completed, and rejected
    inputs are recorded with their reason (see `eventwire events --rejected`). With --workers or --scheduler
    the NLP runs on Dask workers (pip install 'eventwire[dask]') and this process reads and stores.
    """
    from eventwire.console import Reporter
    from eventwire.ingest import read_inputs
    from eventwire.store import Store

    config = _config(ctx, db=db)
    items = read_inputs(inputs, config=config)
    reporter = Reporter(quiet=quiet, verbose=verbose)
    with _runner(config, workers=workers, scheduler=scheduler) as runner, Store(config.db) as store:
        stats = runner.ingest(items, store=store, track=reporter.track)
    reporter.summary(
        f"{config.db}: {stats.added} articles added, {stats.updated} updated, {stats.unchanged} unchanged, "
        f"{stats.events} events stored, {stats.rejected} inputs rejected"
    )
    ctx.exit(EXIT_REJECTED if stats.rejected else EXIT_OK)


@contextlib.contextmanager
def _runner(config: Config, *, workers: int | None, scheduler: str | None) -> Iterator[Any]:
    """The local pipeline, or the Dask runner when workers or a scheduler are asked for."""
    if workers is None and scheduler is None:
        from eventwire.pipeline import Pipeline

        yield Pipeline(config)
        return
    from eventwire.batch import DaskRunner

    with DaskRunner(config, scheduler=scheduler, workers=workers or 2) as runner:
        yield runner


def _query_options(command: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--since", metavar="YYYY-MM-DD", help="Events on or after this date."),
        click.option("--until", metavar="YYYY-MM-DD", help="Events on or before this date."),
        click.option("--country", metavar="NAME|CC", help="Country name or ISO alpha-2 code."),
        click.option("--type", "event_type", metavar="TYPE", help="ACLED event type or sub-type."),
        click.option("--actor", metavar="TEXT", help="Actor name contains TEXT."),
        click.option("--search", metavar="WORDS", help="Full-text search in the articles."),
        click.option("--limit", type=click.IntRange(min=1), help="At most this many events."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _query(since: str | None, until: str | None, **filters: Any) -> Any:
    from eventwire.store import EventQuery

    text = filters.pop("search")
    return EventQuery(since=_date(since, "since"), until=_date(until, "until"), text=text, **filters)


@main.command()
@DB
@_query_options
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--rejected", is_flag=True, help="List the rejected inputs and why, instead of events.")
@click.pass_context
@_handle_errors
def events(ctx: click.Context, db: str | None, fmt: str, rejected: bool, **filters: Any) -> None:
    """Query the events in the database.

    \b
    Examples:
      eventwire events --db events.db --country Syria --since 2026-11-01
      eventwire events --db events.db --type "Air/drone strike" --format json
      eventwire events --db events.db --search "Idlib" --format csv
      eventwire events --db events.db --rejected
    """
    from eventwire import export
    from eventwire.console import events_table, rejections_table
    from eventwire.store import Store

    config = _config(ctx, db=db)
    _require_db(config.db)
    with Store(config.db) as store:
        if rejected:
            found = store.rejections(limit=filters.get("limit"))
            if fmt == "table":
                _table_console().print(rejections_table(found))
            else:
                export.write_jsonl(
                    ({"origin": r.origin, "reason": r.reason.value, "detail": r.detail} for r in found), sys.stdout
                )
            return
        rows = store.events(_query(**filters))
        if fmt == "table":
            _table_console().print(events_table(rows, title=f"events in {config.db}"))
        elif fmt == "json":
            export.write_jsonl((export.jsonl_record(r.event, r.article) for r in rows), sys.stdout)
        else:
            export.write_acled_csv(((r.event, r.article) for r in rows), sys.stdout)


@main.command("export")
@DB
@_query_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "geojson"]),
    default="jsonl",
    show_default=True,
    help="jsonl: full records; csv: ACLED columns; geojson: a FeatureCollection of located events.",
)
@OUTPUT
@click.pass_context
@_handle_errors
def export_command(ctx: click.Context, db: str | None, fmt: str, output: str | None, **filters: Any) -> None:
    """Export events from the database.

    \b
    Examples:
      eventwire export --db events.db --format csv -o events.csv
      eventwire export --db events.db --format geojson --country SY -o syria.geojson
    """
    from eventwire import export
    from eventwire.store import Store

    config = _config(ctx, db=db)
    _require_db(config.db)
    with Store(config.db) as store, _output(output) as out:
        pairs = ((r.event, r.article) for r in store.events(_query(**filters)))
        if fmt == "jsonl":
            n = export.write_jsonl((export.jsonl_record(e, a) for e, a in pairs), out)
        elif fmt == "csv":
            n = export.write_acled_csv(pairs, out)
        else:
            n = export.write_geojson(pairs, out)
    click.echo(f"{n} events exported", err=True)


def _table_console():
    """Tables fit the terminal; piped into a file or a pager they get a generous fixed width instead of 80."""
    from rich.console import Console

    return Console(width=None if sys.stdout.isatty() else 160)


def _require_db(path: str) -> None:
    if path != ":memory:" and not Path(path).exists():
        raise UsageError(f"no database at {path}: run `eventwire ingest INPUT --db {path}` first")


@main.command()
@DB
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
@_handle_errors
def info(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """Versions of eventwire, spaCy and its model, the gazetteer, and the database.

    \b
    Example:
      eventwire info --db events.db
    """
    from eventwire.about import about

    config = _config(ctx, db=db)
    facts = about(config)
    if as_json:
        click.echo(json.dumps(facts, indent=2, default=str))
        return
    for key, value in facts.items():
        click.echo(f"{key:<22} {value}")


# --------------------------------------------------------------------------------------------- gazetteer


@main.group()
def gazetteer() -> None:
    """Build, extend and inspect the offline GeoNames gazetteer.

    \b
    Examples:
      eventwire gazetteer build
      eventwire gazetteer import allCountries.zip alternateNamesV2.zip
      eventwire gazetteer search Atmeh
    """


@gazetteer.command("build")
@click.option("--force", is_flag=True, help="Rebuild even if the index is current.")
@click.pass_context
@_handle_errors
def gazetteer_build(ctx: click.Context, force: bool) -> None:
    """Build the gazetteer index from the data in the installed packages (done once; fast when current).

    \b
    Example:
      eventwire gazetteer build
    """
    from eventwire.geo.gazetteer_cli import build

    click.echo(build(_config(ctx), force=force))


@gazetteer.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.pass_context
@_handle_errors
def gazetteer_import(ctx: click.Context, files: tuple[str, ...]) -> None:
    """Merge GeoNames dumps (allCountries.zip, cities500.zip, XX.zip/XX.txt, admin codes, alternate names).

    Lines and files it cannot use are named on stderr and skipped; the exit code is then 1.

    \b
    Example:
      eventwire gazetteer import SY.zip admin1CodesASCII.txt admin2Codes.txt
    """
    from eventwire.geo.gazetteer_cli import import_files

    report = import_files(_config(ctx), [Path(f) for f in files])
    for message in report.rejected:
        click.echo(f"eventwire: {message}", err=True)
    hidden = report.rejected_lines + report.rejected_files - len(report.rejected)
    if hidden > 0:
        click.echo(f"eventwire: ... and {hidden:,} more rejected line(s)", err=True)
    click.echo(report.summary)
    ctx.exit(EXIT_REJECTED if report.rejected else EXIT_OK)


@gazetteer.command("info")
@click.pass_context
@_handle_errors
def gazetteer_info(ctx: click.Context) -> None:
    """What the gazetteer index holds: sources, counts, version.

    \b
    Example:
      eventwire gazetteer info
    """
    from eventwire.geo.gazetteer_cli import describe

    click.echo(describe(_config(ctx)))


@gazetteer.command("search")
@click.argument("name")
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True)
@click.pass_context
@_handle_errors
def gazetteer_search(ctx: click.Context, name: str, limit: int) -> None:
    """Places the gazetteer knows under NAME (names and alternate names, normalised).

    \b
    Example:
      eventwire gazetteer search "Sana'a"
    """
    from eventwire.geo.gazetteer_cli import search

    click.echo(search(_config(ctx), name, limit=limit))

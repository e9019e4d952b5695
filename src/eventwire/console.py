"""Terminal output for the CLI: a progress bar that appears only on runs over a few seconds (and only on a
terminal), rejection messages that name the file and line, and the events table."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire.model import Event, Rejection, Result
from eventwire.store import StoredEvent

PROGRESS_DELAY_S = 2.0


class Reporter:
    """Counts results, prints rejections to stderr, and shows a live progress line after a short delay."""

    def __init__(self, *, quiet: bool = False, verbose: bool = False, stream: TextIO | None = None) -> None:
        self.console = Console(file=stream or sys.stderr, highlight=False)
        self.quiet = quiet
        self.verbose = verbose and not quiet
        self.live = not quiet and self.console.is_terminal
        self.processed = 0
        self.rejected = 0
        self.events = 0
        self._started = time.monotonic()
        self._progress: Progress | None = None
        self._task = None

    def track(self, results: Iterable[Result]) -> Iterator[Result]:
        try:
            for result in results:
                self.add(result)
                yield result
        finally:
            self.close()

    def add(self, result: Result) -> None:
        if result.rejection is not None:
            self.rejected += 1
            self.rejection(result.rejection)
        else:
            self.processed += 1
            self.events += len(result.events)
            if self.verbose and result.article is not None:
                self.notices(result)
        self._refresh()

    def notices(self, result: Result) -> None:
        for notice in result.notices:
            self.console.print(
                f"[cyan]warning[/] {result.article.origin}: {notice.message} [dim]({notice.code})[/]",
                markup=True,
                soft_wrap=True,
            )

    def rejection(self, rejection: Rejection) -> None:
        if not self.quiet:
            self.console.print(
                f"[yellow]rejected[/] {rejection.origin}: {rejection.detail} [dim]({rejection.reason.value})[/]",
                markup=True,
                soft_wrap=True,
            )

    def _refresh(self) -> None:
        if not self.live:
            return
        if self._progress is None:
            if time.monotonic() - self._started < PROGRESS_DELAY_S:
                return
            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(bar_width=None),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self._task = self._progress.add_task("articles", total=None)
            self._progress.start()
        self._progress.update(
            self._task,
            completed=self.processed + self.rejected,
            description=f"articles ({self.events} events, {self.rejected} rejected)",
        )

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def summary(self, text: str) -> None:
        if not self.quiet:
            self.console.print(text, highlight=False, soft_wrap=True)


def _kind(event: Event) -> str:
    """The ACLED sub-type, or the PLOVER type of a verbal event ("PLOVER DEMAND")."""
    if event.sub_event_type is not None:
        return event.sub_event_type.value
    return f"PLOVER {event.plover.event}" if event.plover else "?"


def _where(event: Event) -> str:
    if event.location is None:
        return ""
    place = event.location.place
    if place is None:
        return f"{event.location.name} (unresolved)"
    parts = [place.name, place.admin1, place.country]
    return ", ".join(dict.fromkeys(p for p in parts if p))


def events_table(rows: Iterable[StoredEvent], *, title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, header_style="bold", expand=False)
    for name, style, no_wrap in (
        ("date", "cyan", True),
        ("event", None, False),
        ("actor 1", None, False),
        ("actor 2", None, False),
        ("where", "green", False),
        ("killed", "red", True),
        ("conf", "dim", True),
        ("article", "dim", True),
    ):
        # the article title is a reminder, not data: one line, cut with an ellipsis
        overflow = "ellipsis" if name == "article" else "fold"
        table.add_column(name, style=style, overflow=overflow, no_wrap=no_wrap, max_width=40 if no_wrap else None)
    for row in rows:
        e = row.event
        table.add_row(
            e.date.value.isoformat() if e.date and e.date.value else "?",
            _kind(e) + (" (historical)" if e.historical else ""),
            e.actor1.name if e.actor1 else "",
            e.actor2.name if e.actor2 else "",
            _where(e),
            "" if e.fatalities is None else _range(e),
            f"{e.confidence:.2f}",
            row.article.title or row.article.id,
        )
    return table


def _range(event: Event) -> str:
    tally = event.fatalities
    assert tally is not None
    if tally.high is not None and tally.high != tally.value:
        return f"{tally.value} ({tally.low}-{tally.high})"
    return str(tally.value)


def rejections_table(rejections: Iterable[Rejection]) -> Table:
    table = Table(header_style="bold")
    for name in ("origin", "reason", "detail"):
        table.add_column(name, overflow="fold")
    for r in rejections:
        table.add_row(r.origin, r.reason.value, r.detail)
    return table

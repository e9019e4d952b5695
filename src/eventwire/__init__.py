"""eventwire: news articles in, ACLED-compatible event records out, every field backed by evidence.

The public Python API:

    from eventwire import Pipeline, Article
    pipeline = Pipeline()                     # loads the model and gazetteer once
    result = pipeline.process(Article(id="a1", text="...", published=date(2026, 11, 20)))
    for event in result.events: ...

`extract(text)` and `geoparse(text)` are conveniences over a default pipeline built on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"

from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from eventwire.config import Config, load_config
from eventwire.model import Article, Event, PlaceMention, Rejection, Result

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline


@cache
def _default(job: str) -> Pipeline:
    from eventwire.pipeline import Pipeline

    return Pipeline(load_config(), job=job)


def _article(text: str, published: date | None, title: str | None) -> Article:
    from eventwire.ingest import article_id

    return Article(id=article_id(url=None, text=text), text=text, title=title, published=published)


def _run(job: str, article: Article) -> Result:
    from eventwire.errors import InputRejected

    result = _default(job).process(article)
    if result.rejection is not None:
        raise InputRejected(f"{result.rejection.reason.value}: {result.rejection.detail}")
    return result


def extract(text: str, *, published: date | None = None, title: str | None = None) -> tuple[Event, ...]:
    """The events in one article's text (published: the date relative dates are read against).

    Raises `errors.InputRejected` when the text cannot be processed (empty, not English, too long).
    """
    return _run("extract", _article(text, published, title)).events


def geoparse(text: str) -> tuple[PlaceMention, ...]:
    """The toponyms in a text, resolved to GeoNames places where the evidence allows."""
    return _run("geoparse", _article(text, None, None)).places


def __getattr__(name: str) -> object:
    if name == "Pipeline":
        from eventwire.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)


__all__ = [
    "Article",
    "Config",
    "Event",
    "Pipeline",
    "PlaceMention",
    "Rejection",
    "Result",
    "__version__",
    "extract",
    "geoparse",
    "load_config",
]

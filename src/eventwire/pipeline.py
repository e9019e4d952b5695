"""The one orchestrator: articles in, `Result`s out. The CLI, the REST API and the Dask runner all call it.

Heavy resources (the spaCy model, the gazetteer) load once, when a `Pipeline` is constructed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from eventwire import __version__
from eventwire.config import Config
from eventwire.ingest import check_article
from eventwire.model import Article, MentionRole, Notice, Rejection, RejectionReason, Result
from eventwire.nlp import COMPONENTS, build_nlp
from eventwire.store import IngestStats, Store

# What each job needs; the others are left out of the spaCy pipeline so they cost nothing.
JOBS: dict[str, tuple[str, ...]] = {
    "extract": COMPONENTS,
    "geoparse": ("eventwire_places",),
    "dates": ("eventwire_timexes",),
}


class Pipeline:
    """Load once, then `process` one article or `process_many` a stream of them."""

    def __init__(self, config: Config | None = None, *, job: str = "extract") -> None:
        self.config = config if config is not None else Config()
        self.job = job
        self.nlp = build_nlp(self.config, components=JOBS[job])

    @property
    def version(self) -> str:
        """Changes whenever re-processing could change the output: stored articles record it."""
        meta = self.nlp.meta
        parts = [f"eventwire {__version__}", f"{meta.get('name')} {meta.get('version')}", f"job {self.job}"]
        if "eventwire_places" in self.nlp.pipe_names:
            parts.append(self.nlp.get_pipe("eventwire_places").fingerprint)
        return "; ".join(parts)

    def process(self, article: Article) -> Result:
        return next(self.process_many([article]))

    def process_many(self, items: Iterable[Article | Rejection], *, batch_size: int | None = None) -> Iterator[Result]:
        """A Result for every item, in input order: rejected inputs pass through as rejected Results."""
        # Rejections wait in `pending` so that results come out in input order around the docs in flight.
        pending: deque[Rejection | None] = deque()
        docs = self.nlp.pipe(self._docs(items, pending), batch_size=batch_size or self.config.batch_size)
        for doc in docs:
            while (waiting := pending.popleft()) is not None:
                yield Result(article=None, rejection=waiting)
            yield self._result(doc)
        yield from (Result(article=None, rejection=r) for r in pending if r is not None)

    def _docs(self, items: Iterable[Article | Rejection], pending: deque[Rejection | None]) -> Iterator[Doc]:
        """Docs for the articles that pass the checks; `None` in `pending` marks where each doc sits."""
        for item in items:
            rejection = item if isinstance(item, Rejection) else check_article(item, self.config)
            if rejection is not None:
                pending.append(rejection)
                continue
            doc = self.nlp.make_doc(item.text)
            doc._.article = item
            doc._.given_spans = item.spans
            pending.append(None)
            yield doc

    def _result(self, doc: Doc) -> Result:
        article: Article = doc._.article
        if doc._.failure is not None:
            rejection = Rejection(article.origin, RejectionReason.PROCESSING_FAILED, doc._.failure, article.id)
            return Result(article=article, rejection=rejection)
        notices = article.notices + _stage_notices(article, doc)
        return Result(
            article=article,
            events=tuple(doc._.events),
            places=tuple(doc._.places),
            timexes=tuple(doc._.timexes),
            notices=notices,
        )

    def ingest(
        self,
        items: Iterable[Article | Rejection],
        *,
        store: Store,
        track: Callable[[Iterator[Result]], Iterator[Result]] | None = None,
    ) -> IngestStats:
        """Process and store; articles already stored by this pipeline version are not processed again."""
        return store_results(self.process_many, items, store=store, pipeline_version=self.version, track=track)


def store_results(
    process: Callable[[Iterable[Article | Rejection]], Iterator[Result]],
    items: Iterable[Article | Rejection],
    *,
    store: Store,
    pipeline_version: str,
    track: Callable[[Iterator[Result]], Iterator[Result]] | None = None,
) -> IngestStats:
    """The ingest loop shared by the in-process pipeline and the Dask runner: skip what the store already has
    from this pipeline version, process the rest with `process`, save as results come."""
    skipped = 0

    def fresh() -> Iterator[Article | Rejection]:
        nonlocal skipped
        for item in items:
            if isinstance(item, Article) and store.is_current(item, pipeline_version=pipeline_version):
                skipped += 1
                continue
            yield item

    results = process(fresh())
    stats = store.save(track(results) if track else results, pipeline_version=pipeline_version)
    stats.unchanged += skipped
    return stats


def _stage_notices(article: Article, doc: Doc) -> tuple[Notice, ...]:
    """Warnings a user should see next to the records: what the stages could not establish firmly."""
    notices = []
    if article.published is None:
        notices.append(Notice("EW101", "no publication date: relative dates unanchored"))
    for mention in doc._.places:
        if mention.place is None and mention.role is MentionRole.PLACE:
            notices.append(Notice("EW104", f"place {mention.span.text!r} not resolved with enough confidence"))
    for event in doc._.events:
        rule = event.location.evidence.rule if event.location is not None else None
        if rule and rule.startswith("fallback"):
            name = event.location.name
            notices.append(Notice("EW105", f"event {event.trigger.text!r} placed in the enclosing area {name!r}"))
    return tuple(notices)

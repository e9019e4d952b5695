"""spaCy component factories: thin wrappers that call the stage functions in geo/ and events/.

Each component reads the Doc (and what earlier components stored in `doc._`) and stores its own result.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.events.actors import ActorFinder
from eventwire.events.assemble import build_events
from eventwire.events.dates import find_timexes
from eventwire.events.detect import TriggerDetector
from eventwire.events.numbers import find_counts
from eventwire.events.verbal import VerbalCoder
from eventwire.geo import find_places, open_gazetteer
from eventwire.nlp.extensions import register_extensions

register_extensions()
log = logging.getLogger(__name__)


def isolated(call: Callable[[object, Doc], Doc]) -> Callable[[object, Doc], Doc]:
    """One bad document must not end a batch: record the failure on the Doc (the pipeline turns it into a
    `processing_failed` rejection) and let later components see an already-failed Doc and skip it."""

    @functools.wraps(call)
    def wrapper(self: object, doc: Doc) -> Doc:
        if doc._.failure is not None:
            return doc
        try:
            return call(self, doc)
        # The per-document isolation boundary: any failure of a stage on one document becomes that document's
        # rejection (the error is kept in it) and the batch goes on.
        except Exception as exc:
            log.debug("%s failed", type(self).__name__, exc_info=True)
            doc._.failure = f"{type(self).__name__}: {type(exc).__name__}: {exc}"
            return doc

    return wrapper


@Language.factory("eventwire_timexes")
def make_timexes(nlp: Language, name: str) -> TimexFinder:
    return TimexFinder()


class TimexFinder:
    @isolated
    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        doc._.timexes = find_timexes(doc, published=article.published if article else None)
        return doc


@Language.factory("eventwire_places", default_config={"gazetteer_path": "", "min_score": 0.05})
def make_places(nlp: Language, name: str, gazetteer_path: str, min_score: float) -> PlaceFinder:
    return PlaceFinder(gazetteer_path=gazetteer_path, min_score=min_score)


class PlaceFinder:
    def __init__(self, *, gazetteer_path: str, min_score: float) -> None:
        self.gazetteer = open_gazetteer(gazetteer_path)
        self.min_score = min_score

    @property
    def fingerprint(self) -> str:
        """Identifies the gazetteer's content: importing a GeoNames dump changes how places resolve."""
        imported = self.gazetteer.meta.get("imported", "[]")
        digest = hashlib.sha1(imported.encode()).hexdigest()[:8]
        return f"gazetteer {self.gazetteer.version} +{digest}"

    @isolated
    def __call__(self, doc: Doc) -> Doc:
        doc._.places = find_places(doc, self.gazetteer, given=doc._.given_spans, min_score=self.min_score)
        return doc


@Language.factory("eventwire_counts")
def make_counts(nlp: Language, name: str) -> CountFinder:
    return CountFinder()


class CountFinder:
    @isolated
    def __call__(self, doc: Doc) -> Doc:
        doc._.counts = find_counts(doc)
        return doc


@Language.factory("eventwire_events")
def make_events(nlp: Language, name: str) -> EventBuilder:
    return EventBuilder(nlp)


class EventBuilder:
    def __init__(self, nlp: Language) -> None:
        self.detector = TriggerDetector(nlp)
        self.actors = ActorFinder(nlp)
        self.verbal = VerbalCoder()

    @isolated
    def __call__(self, doc: Doc) -> Doc:
        doc._.events = build_events(doc, detector=self.detector, actors=self.actors, verbal=self.verbal)
        return doc

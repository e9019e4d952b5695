"""Baseline event detection: lexicon triggers mapped to ACLED sub-types. Replaced by issue 4's work."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.model import SubEventType


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase that reports an event, with the sub-type it implies and the rule that found it."""

    span: SpacySpan
    sub_event_type: SubEventType
    rule: str
    score: float


@cache
def _lexicon() -> dict[str, list[str]]:
    data = json.loads(resources.files("eventwire.events").joinpath("data/triggers.json").read_text("utf-8"))
    return data["phrases"]


class TriggerDetector:
    """Finds triggers with a phrase matcher built once from the lexicon data file."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for sub, phrases in _lexicon().items():
            self.matcher.add(sub, [nlp.make_doc(p) for p in phrases])

    def __call__(self, doc: Doc) -> list[Trigger]:
        matches = self.matcher(doc, as_spans=True)
        return [Trigger(m, SubEventType(m.label_), f"lexicon:{m.text.lower()}", 0.6) for m in matches]

"""Baseline actors: none found. Replaced by issue 4's actor dictionary and rules."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.model import Actor


def actors_for_event(doc: Doc, trigger: SpacySpan) -> tuple[Actor | None, Actor | None]:
    return None, None

"""Baseline counts: "<number> ... killed/injured" in one sentence. Replaced by issue 5's work."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.model import Count, CountKind, Evidence, Span, Tally

_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a dozen": 12,
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
}
_KIND = {
    "killed": CountKind.KILLED,
    "dead": CountKind.KILLED,
    "died": CountKind.KILLED,
    "injured": CountKind.INJURED,
    "wounded": CountKind.INJURED,
}
_COUNT = re.compile(
    r"(?P<qual>at least |more than |nearly |up to )?(?P<num>\d+|" + "|".join(_WORDS) + r")\b"
    r"(?:[\w'-]+ ){0,4}?(?:(?:were|was|have been|had been|are) )?(?P<kind>" + "|".join(_KIND) + r")\b",
    re.IGNORECASE,
)


def find_counts(doc: Doc) -> tuple[Count, ...]:
    counts = []
    for m in _COUNT.finditer(doc.text):
        raw = m.group("num").lower()
        value = int(raw) if raw.isdigit() else _WORDS[raw]
        qual = (m.group("qual") or "").strip() or None
        span = Span(m.start(), m.end(), m.group(0))
        rule = None if raw.isdigit() else f"count.word:{raw}={value}"
        counts.append(
            Count(
                _KIND[m.group("kind").lower()],
                best=value,
                low=value,
                qualifier=qual,
                evidence=Evidence(span=span, rule=rule),
            )
        )
    return tuple(counts)


def counts_for_event(doc: Doc, trigger: SpacySpan, counts: Sequence[Count]) -> tuple[Count, ...]:
    sent = trigger.sent
    return tuple(c for c in counts if c.evidence.span and sent.start_char <= c.evidence.span.start < sent.end_char)


def tally(counts: Sequence[Count], kind: CountKind) -> Tally | None:
    claims = tuple(c for c in counts if c.kind is kind)
    if not claims:
        return None
    values = [c.best for c in claims]
    return Tally(value=min(values), low=min(values), high=max(values), claims=claims, rule="acled.lowest_reported")

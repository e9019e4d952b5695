"""Counts: how many were killed, injured, abducted or arrested, with bounds, victims and who says so.

A figure is a number (digits, words, "a dozen", "dozens", "hundreds", "several") with its qualifier ("at least",
"up to", "between 5 and 7"), bound to a kind of harm by the words around it: "killed at least 12 people",
"four soldiers were wounded", "the death toll rose to 30", "14 bodies", "leaving five dead". Figures that
break down a total ("including three children", "among the dead were ...") are kept as claims but not added.
Each figure carries its claimant, the subject of "said"/"told"/"reported" or the object of "according to" in
its sentence. `tally` applies ACLED's rule: the lowest reported total, with the range kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.model import Count, CountKind, Evidence, Span, Tally

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# Vague quantities, coded as ACLED's methodology says; the rule name travels with the figure.
VAGUE = {"a dozen": 12, "dozen": 12, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
         "several": 3, "a few": 3, "few": 3, "some": 3, "many": 10, "numerous": 10, "tens": 10}  # fmt: skip
KIND_WORDS = {
    CountKind.KILLED: ["killed", "killing", "kills", "kill", "dead", "died", "die", "deaths", "death", "bodies",
                       "fatalities", "fatality", "lives", "slain", "massacred", "executed", "shot dead",
                       "lost their lives", "beheaded", "murdered", "perished", "corpses", "lifeless"],
    CountKind.INJURED: ["injured", "injuring", "injuries", "wounded", "wounding", "hurt", "injures", "wounds",
                        "hospitalised", "hospitalized", "maimed"],
    CountKind.ABDUCTED: ["abducted", "abducting", "kidnapped", "kidnapping", "taken hostage", "seized", "hostages"],
    CountKind.ARRESTED: ["arrested", "arresting", "detained", "detaining", "arrests", "detentions", "held"],
}  # fmt: skip
_KIND_OF = {w: k for k, words in KIND_WORDS.items() for w in words}
_KINDS = "|".join(sorted((re.escape(w) for w in _KIND_OF), key=len, reverse=True))
_WORD_NUMBER = (
    r"(?:(?:" + "|".join(TENS) + r")(?:[- ](?:" + "|".join(list(UNITS)[1:10]) + r"))?|" + "|".join(UNITS) + r")"
)
_NUMBER = (
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|" + _WORD_NUMBER + r"|" + "|".join(sorted(VAGUE, key=len, reverse=True)) + r")"
)
_QUALIFIER = (
    r"(?:(?P<qual>at least|more than|over|nearly|almost|about|around|approximately|up to|as many as|some|"
    r"roughly|an estimated|at most|fewer than|less than|only)\s+)?"
)
_RANGE = (
    r"(?:between\s+(?P<lo>\d+|" + _WORD_NUMBER + r")\s+and\s+)|(?:(?P<lo2>\d+|" + _WORD_NUMBER + r")\s*(?:-|–|to)\s*)"
)
_FIGURE = re.compile(r"(?i)\b" + _QUALIFIER + r"(?:" + _RANGE + r")?" + _NUMBER + r"\b")
_VICTIMS = re.compile(r"(?i)^\s*(?:of\s+(?:them|whom)\s+)?(?:(?:other|more|[a-z-]+)\s+)?(?P<victims>[a-z-]+)")
# The figure is a part of a total given elsewhere ("including three children").
_PART_OF = re.compile(r"(?i)(?:including|among them|among the dead|among the injured|among the victims|of whom|"
                      r"of them|among those killed|among those)\W*(?:were|are)?\s*$")  # fmt: skip
_NOT_COUNTS = {"year", "years", "month", "months", "day", "days", "hour", "hours", "minutes", "km", "kilometres",
               "kilometers", "miles", "percent", "per", "%", "am", "pm", "a.m.", "p.m.", "times",
               "o'clock"}  # fmt: skip
_AGE = re.compile(r"(?i)^[- ]?(?:years?|months?|weeks?|days?)[- ]old")
_CLAIM_VERBS = {"say", "tell", "report", "claim", "confirm", "announce", "state", "add", "estimate", "put"}


def parse_number(text: str) -> tuple[int, str | None] | None:
    """The value of a written number, and the rule when a convention produced it ("dozens" -> 12)."""
    raw = text.lower().replace(",", "").strip()
    if raw.isdigit():
        return int(raw), None
    if raw in VAGUE:
        return VAGUE[raw], f"count.vague:{raw}={VAGUE[raw]}"
    if raw in UNITS:
        return UNITS[raw], None
    parts = re.split(r"[- ]", raw)
    if parts[0] in TENS:
        return TENS[parts[0]] + (UNITS.get(parts[1], 0) if len(parts) > 1 else 0), None
    return None


def find_counts(doc: Doc) -> tuple[Count, ...]:
    text = doc.text
    dated = [(t.span.start, t.span.end) for t in doc._.timexes]
    counts = []
    for m in _FIGURE.finditer(text):
        parsed = parse_number(m.group("num"))
        if parsed is None or any(s < m.end() and m.start() < e for s, e in dated):
            continue  # "in 2019 ... killed" is a year, not a toll
        kind = _kind_near(text, m)
        if kind is None:
            continue
        value, rule = parsed
        counts.append(_count(doc, m, kind, value, rule, _victims(doc, m.end())))
    return tuple(counts)


def _kind_near(text: str, m: re.Match[str]) -> CountKind | None:
    """The harm a figure counts: the verb just before it ("killed 12") or the words after ("12 were killed")."""
    after = text[m.end() : m.end() + 60]
    if (after[:1] in {"%", "-", "."} and not after.startswith(". ")) or _AGE.match(after):
        return None
    first_word = after.split(maxsplit=1)[0].lower().strip(",.") if after.strip() else ""
    if first_word in _NOT_COUNTS:
        return None
    before = text[max(0, m.start() - 40) : m.start()]
    found = re.search(
        r"(?i)\b(" + _KINDS + r")\b(?:\s+(?:were|was|are|is))?(?:\s+(?:a|an|the|another|at least|some))?\s*$", before
    )
    if found:
        return _KIND_OF[found.group(1).lower()]
    clause = re.split(r"[.;:()]|\band\b(?=\s+(?:\d|" + _WORD_NUMBER + r"))|\bwhile\b", after, maxsplit=1)[0]
    found = re.search(r"(?i)\b(" + _KINDS + r")\b", clause)
    if found and len(clause[: found.start()].split()) <= 5:
        return _KIND_OF[found.group(1).lower()]
    # "four soldiers and 11 militants dead": a predicate shared by the figures of one list
    sentence = re.split(r"[.;:()]", after, maxsplit=1)[0]
    found = re.search(r"(?i)\b(" + _KINDS + r")\b", sentence)
    if found and clause != sentence and len(sentence[: found.start()].split()) <= 8:
        return _KIND_OF[found.group(1).lower()]
    toll = re.search(r"(?i)(?:death toll|toll)\b[^.]{0,30}\b(?:to|at|of|reached|is|was)\s*$", before)
    return CountKind.KILLED if toll else None


def _victims(doc: Doc, char: int) -> str | None:
    """The noun the figure counts ("12 civilians", "five more soldiers"), if one follows it."""
    span = doc.char_span(char, min(char + 40, len(doc.text)), alignment_mode="expand")
    if span is None:
        return None
    for token in span[:3]:
        if token.pos_ in {"NOUN", "PROPN"} and token.lower_ not in _KIND_OF and token.lower_ not in _NOT_COUNTS:
            return token.lower_
        if token.pos_ not in {"ADJ", "DET", "ADV"} or token.lower_ in {"and", "or"}:
            return None
    return None


def _count(doc: Doc, m: re.Match[str], kind: CountKind, value: int, rule: str | None, victims: str | None) -> Count:
    qualifier = (m.group("qual") or "").lower() or None
    low_raw = m.group("lo") or m.group("lo2")
    low, high = value, value
    if low_raw and parse_number(low_raw):
        low = parse_number(low_raw)[0]
    elif qualifier in {"at least", "more than", "over"}:
        high = None
    elif qualifier in {"up to", "as many as", "at most", "fewer than", "less than"}:
        low = None
    best = low if low is not None else value
    span = Span(m.start(), m.end(), m.group(0))
    part = bool(_PART_OF.search(doc.text[max(0, m.start() - 40) : m.start()]))
    return Count(
        kind,
        best=best,
        low=low,
        high=high,
        qualifier=("part of total" if part else qualifier),
        victims=victims,
        claimant=_claimant(doc, m.start()),
        evidence=Evidence(span=span, rule=rule),
    )


def _claimant(doc: Doc, char: int) -> Span | None:
    """Who says so: the subject of the sentence's "said" (or "told", "reported"), or "according to X"."""
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    if token is None or not len(token):
        return None
    sent = token[0].sent
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            objects = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return _subtree_span(objects[0])
        if t.lemma_ in _CLAIM_VERBS and t.pos_ == "VERB":
            subjects = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects and subjects[0].lower_ not in {"it", "he", "she", "they", "which", "that"}:
                return _subtree_span(subjects[0])
    return None


def _subtree_span(token) -> Span:
    words = list(token.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return Span(start, end, token.doc.text[start:end])


def counts_for_event(doc: Doc, trigger: SpacySpan, counts: Sequence[Count]) -> tuple[Count, ...]:
    """The figures of the event's part of the article: from the lead to the next "Separately, ..." story."""
    sentences = list(doc.sents)
    start = 0
    index = next(i for i, s in enumerate(sentences) if s.start <= trigger.start < s.end)
    for i in range(index, 0, -1):
        if opens_new_story(sentences[i]):
            start = i
            break
    end = next((i for i in range(index + 1, len(sentences)) if opens_new_story(sentences[i])), len(sentences))
    lo, hi = sentences[start].start_char, sentences[end - 1].end_char
    return tuple(c for c in counts if c.evidence.span and lo <= c.evidence.span.start < hi)


SEPARATORS = ("separately", "elsewhere", "in a separate", "in another", "in a second", "meanwhile", "in an unrelated")


def opens_new_story(sentence: SpacySpan) -> bool:
    return sentence.text.lstrip().lower().startswith(SEPARATORS)


REPORT_GAP_CHARS = 120  # figures closer than this belong to one statement ("five soldiers and ten militants")


def tally(counts: Sequence[Count], kind: CountKind) -> Tally | None:
    """ACLED's figure: the lowest reported total. Figures in one statement about different victims add up;
    totals given in different statements are separate reports of one toll, and the range keeps them all."""
    claims = tuple(c for c in counts if c.kind is kind)
    totals = [sum(report.values()) for report in _reports(claims)]
    if not totals:
        return None if not claims else Tally(0, 0, 0, claims=claims, rule="acled.parts_only")
    highs = [c.high for c in claims if c.high is not None and c.qualifier != "part of total"]
    value = min(totals)
    rule = "acled.lowest_reported" if len(totals) > 1 else None
    return Tally(value=value, low=value, high=max([*totals, *highs]), claims=claims, rule=rule)


def _reports(claims: Sequence[Count]) -> list[dict[str, int]]:
    """Consecutive figures from one source about different victims make one report; a new source, a figure
    about the same victims again, or a long gap starts another."""
    reports: list[dict[str, int]] = []
    last_end, last_claimant = None, None
    for claim in sorted(claims, key=lambda c: c.evidence.span.start if c.evidence.span else 0):
        span = claim.evidence.span
        if claim.qualifier == "part of total" or span is None:
            continue
        victims = claim.victims or "people"
        claimant = claim.claimant.text.lower() if claim.claimant else None
        if (
            last_end is None
            or span.start - last_end > REPORT_GAP_CHARS
            or claimant != last_claimant
            or victims in reports[-1]
        ):
            reports.append({})
        reports[-1][victims] = claim.best
        last_end, last_claimant = span.end, claimant
    return reports

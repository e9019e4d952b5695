"""Counts of killed, injured, abducted and arrested people, with bounds, victims, claimants and evidence.

Patterns are compiled once from the lexicon `events/data/numbers.json` (user-extendable) and run over the
document text as a few regular expressions, so the cost is independent of the number of tokens in Python.

Three shapes of report are recognised:
- number first: "at least 12 people were killed", "four soldiers and 11 militants dead", "14 bodies";
- verb first: "killing at least nine people", "injuring 23", "the death toll rose to 20";
- singular: "a civilian was killed", "killing a policeman" (used only when no figure is given).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.events.detect import opens_new_story
from eventwire.model import Count, CountKind, Evidence, Span, Tally

# Claims about people who are part of a larger reported total ("women and children were among the dead").
_SINGULAR_RULES = frozenset({"count.singular_victim", "count.another"})
_GENERIC_VICTIMS = frozenset({None, "people", "persons", "person", "individuals", "bodies", "body", "others", "more"})
_ADDITIVE_VICTIMS = frozenset({"others", "more"})
_UNIT_AFTER = (
    r"(?!\s*(?:km|kilomet|miles?\b|met(?:re|er)s?\b|years?\b|days?\b|hours?\b|minutes?\b|weeks?\b|months?\b|"
    r"percent|per cent|%|a\.m|p\.m|am\b|pm\b|GMT|BST))"
)
_CLAIMANT = re.compile(
    r"according to (?P<a>[A-Za-z][\w'-]*(?: [\w'-]+){0,7}?)(?=[,.;]|$)"
    r"|(?:,|\band|\bwho)\s+(?P<b>(?:the |a |an )?[A-Za-z][\w'-]*(?: [\w'-]+){0,6}?) "
    r"(?:said|says|say|told|reported|claimed)\b"
    r"|\b(?:said|says|say|told|reported) (?P<c>(?:the |a |an )?[A-Z][\w'-]*(?: [\w'-]+){0,6}?)(?=[,.;]|$)",
)


def _alt(phrases: Sequence[str]) -> str:
    """A regex alternation, longest phrase first, spaces matching any whitespace."""
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


@dataclass(frozen=True, slots=True)
class CountRules:
    """The compiled patterns and word values: built once per pipeline from the lexicon."""

    words: dict[str, int]
    vague: dict[str, int]
    qualifiers: dict[str, str]
    kind_of: dict[str, CountKind]
    verb_kind: dict[str, CountKind]
    subgroups: frozenset[str]
    number_first: re.Pattern[str]
    verb_first: re.Pattern[str]
    singular: re.Pattern[str]
    another: re.Pattern[str]
    one_before: re.Pattern[str]

    @classmethod
    def from_lexicon(cls, lexicon: dict[str, Any]) -> CountRules:
        units, tens, vague = lexicon["units"], lexicon["tens"], lexicon["vague"]
        words = dict(units) | dict(tens)
        for ten, tv in tens.items():
            for unit, uv in units.items():
                if uv < 10:
                    words[f"{ten}-{unit}"] = tv + uv
                    words[f"{ten} {unit}"] = tv + uv
        kind_of = {p: CountKind(k) for k, ps in lexicon["kinds"].items() for p in ps}
        verb_kind = {p: CountKind(k) for k, ps in lexicon["verbs"].items() for p in ps}
        num = (
            r"(?P<num>(?<![\w.,-])\d{1,3}(?:,\d{3})+(?![\w-])|(?<![\w.,-])\d+(?![\w-]|[.,:/]\d)|\b(?:"
            + _alt(list(words) + list(vague))
            + r")\b)"
            + _UNIT_AFTER
        )
        num2 = num.replace("?P<num>", "?P<num2>")
        qual = r"(?:(?P<qual>" + _alt(list(lexicon["qualifiers"])) + r")\s+)?"
        between = r"(?:(?P<between>between|from)\s+)?"
        range_ = r"(?:\s*(?:and|to|-|or)\s*(?P<upper>\d+|" + _alt(list(words)) + r")\b)?"
        gap_word = r"(?!(?:and|or|but|who|which|that|said|says|after|before|when|while)\b)[a-z][a-z'-]*,?"
        gap = r"(?P<gap>(?:" + gap_word + r"\s+){0,7}?)(?:including\s+[^,.;]{1,50},\s+)?"
        aux = (
            r"(?:(?:were|was|are|is|have|has|had|been|being|got|reportedly|also|later|all|allegedly|confirmed)\s+){0,3}"
        )
        not_verb = r"(?!(?:were|was|are|is|have|has|had|been|" + _alt(list(kind_of)) + r")\b)"
        coord = r"(?:\s+(?:" + not_verb + r"[a-z][a-z'-]*\s+){0,3}?and\s+" + num2 + r")?"
        kinds = r"(?P<kind>" + _alt(list(kind_of)) + r")\b"
        number_first = between + qual + num + range_ + coord + r"\s+" + gap + aux + kinds
        verb_first = (
            r"\b(?P<verb>"
            + _alt(list(verb_kind))
            + r")\s+(?:(?:a total of|an estimated|the|another)\s+)?"
            + between
            + qual
            + num
            + range_
            + r"(?:\s+(?P<vict>[a-z][a-z'-]*))?"
            + r"(?:\s+and\s+"
            + num2
            + r")?"
        )
        nouns = _alt(lexicon["singular_nouns"])
        singular = (
            r"\b(?:a|an|one)\s+(?:[a-z0-9][a-z0-9'-]*\s+){0,3}?(?P<noun>"
            + nouns
            + r")s?\s+"
            + aux
            + r"(?P<kind>"
            + _alt([k for k in kind_of if not k.startswith(("were ", "lost "))])
            + r")\b"
            + r"|\b(?P<verb>"
            + _alt(list(verb_kind))
            + r")\s+(?:a|an|one)\s+(?:[a-z0-9][a-z0-9'-]*\s+){0,2}?"
            + r"(?P<noun2>"
            + nouns
            + r"|(?!(?:number|total|few|dozen|couple|lot|series)\b)[a-z][a-z'-]*(?=[\s,.;]))"
        )
        flags = re.IGNORECASE
        return cls(
            words=words,
            vague={k.lower(): v for k, v in vague.items()},
            qualifiers=dict(lexicon["qualifiers"]),
            kind_of=kind_of,
            verb_kind=verb_kind,
            subgroups=frozenset(lexicon["subgroups"]),
            number_first=re.compile(number_first, flags),
            verb_first=re.compile(verb_first, flags),
            singular=re.compile(singular, flags),
            # "a soldier was killed and another wounded", "... and another policeman was injured"
            one_before=re.compile(
                r"\b(?:a|an|one)\s+(?:[a-z0-9][a-z0-9'-]*\s+){0,2}?(?P<noun>"
                + nouns
                + r")\s+and\s+(?:(?:his|her|their|the|its)\s+)?$",
                flags,
            ),
            another=re.compile(r"\b(?:and|while)\s+another\s+(?:(?P<noun>" + nouns + r")\s+)?" + aux + kinds, flags),
        )

    def value(self, raw: str) -> tuple[int, str | None]:
        """The number a figure stands for, and the rule name when it was not written in digits."""
        text = " ".join(raw.lower().split())
        if text[0].isdigit():
            return int(text.replace(",", "")), None
        if text in self.words:
            return self.words[text], f"count.word:{text}={self.words[text]}"
        return self.vague[text], f"count.vague:{text}={self.vague[text]}"


@functools.cache
def default_rules() -> CountRules:
    text = resources.files("eventwire.events.data").joinpath("numbers.json").read_text(encoding="utf-8")
    return CountRules.from_lexicon(json.loads(text))


def _kind(rules: CountRules, m: re.Match[str]) -> CountKind:
    if m.re.groupindex.get("verb") and m.group("verb"):
        return rules.verb_kind[" ".join(m.group("verb").lower().split())]
    return rules.kind_of[" ".join(m.group("kind").lower().split())]


def _bounds(rules: CountRules, m: re.Match[str], value: int) -> tuple[int, int | None, int | None, str | None]:
    """(best, low, high, qualifier) from "at least", "up to", "between 5 and 7"."""
    qual = " ".join(m.group("qual").lower().split()) if m.group("qual") else None
    if m.group("upper"):
        upper, _ = rules.value(m.group("upper"))
        if upper > value:
            return value, value, upper, "between"
    side = rules.qualifiers.get(qual or "")
    if side == "low":
        return value, value, None, qual
    if side == "high":
        return value, None, value, qual
    return value, value, value, qual


def _claimant(doc: Doc, start: int) -> Span | None:
    sent = doc.char_span(start, start + 1, alignment_mode="expand")
    if sent is None:
        return None
    s = sent.sent
    m = _CLAIMANT.search(s.text)
    if m is None:
        return None
    group = next(g for g in ("a", "b", "c") if m.group(g))
    a, b = s.start_char + m.start(group), s.start_char + m.end(group)
    return Span(a, b, m.group(group))


_MONTH_WORDS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)


def _is_date_number(m: re.Match[str], victim_group: str) -> bool:
    """ "9 May, militants killed ..." and "in 2019 killed": a day or a year, not a figure."""
    raw = m.group("num")
    words = (m.group(victim_group) or "").split()
    if words and words[0].strip(",.").lower() in _MONTH_WORDS:
        return True
    return raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2100


def _figure_span(text: str, m: re.Match[str]) -> Span:
    """The figure itself with its qualifier ("at least 12", "between 5 and 7"), not the words around it."""
    start = min(m.start(g) for g in ("between", "qual", "num") if m.group(g))
    end = max(m.end(g) for g in ("num", "upper", "num2") if m.group(g))
    return Span(start, end, text[start:end])


_PART_OF_TOTAL = re.compile(
    r"\bamong\s+the\s+(?P<kind>dead|killed|victims|injured|wounded)\s+(?:were|was|are|is)\s+"
    r"(?P<num>\d+|[a-z]+(?:-[a-z]+)?)\b",
    re.IGNORECASE,
)


def _parts_of_total(doc: Doc, rules: CountRules) -> list[Count]:
    """ "Among the dead were three children": a breakdown of a total, kept as a claim but never added."""
    found = []
    text = doc.text  # spaCy rebuilds it from the tokens on every access
    for m in _PART_OF_TOTAL.finditer(text):
        parsed = parse_number(m.group("num"), rules=rules)
        if parsed is None:
            continue
        value, rule = parsed
        kind = CountKind.INJURED if m.group("kind").lower() in {"injured", "wounded"} else CountKind.KILLED
        after = text[m.end() : m.end() + 30].split()
        span = Span(m.start("num"), m.end("num"), m.group("num"))
        found.append(
            Count(
                kind,
                best=value,
                low=value,
                high=value,
                qualifier="part of total",
                victims=after[0].strip(",.").lower() if after else None,
                claimant=_claimant(doc, m.start()),
                evidence=Evidence(span=span, rule=rule),
            )
        )
    return found


def _figures(doc: Doc, rules: CountRules) -> list[Count]:
    found: list[Count] = []
    taken: set[int] = set()
    text = doc.text
    for pattern, victim_group in ((rules.number_first, "gap"), (rules.verb_first, "vict")):
        for m in pattern.finditer(text):
            if m.start("num") in taken or _is_date_number(m, victim_group):
                continue
            taken.add(m.start("num"))
            value, rule = rules.value(m.group("num"))
            victims = (m.group(victim_group) or "").split()
            victim = victims[0].strip(",").lower() if victims else None
            if m.group("num2"):
                second, _ = rules.value(m.group("num2"))
                taken.add(m.start("num2"))
                value, rule, victim = (
                    value + second,
                    "count.coordinated_sum",
                    "+".join(filter(None, [victim, "others"])),
                )
            elif victim_group == "gap" and (one := rules.one_before.search(text, max(0, m.start() - 60), m.start())):
                # "a woman and her two children were killed": the one named first is a victim too
                value, rule, victim = value + 1, "count.coordinated_sum", f"{one.group('noun').lower()}+{victim}"
            best, low, high, qual = _bounds(rules, m, value)
            span = _figure_span(text, m)
            found.append(
                Count(
                    _kind(rules, m),
                    best=best,
                    low=low,
                    high=high,
                    qualifier=qual,
                    victims=victim,
                    claimant=_claimant(doc, m.start()),
                    evidence=Evidence(span=span, rule=rule),
                )
            )
    return found


def _singulars(doc: Doc, rules: CountRules, taken: list[tuple[int, int]]) -> list[Count]:
    """One victim each: "a civilian was killed", "killing a policeman"; and "another" after one
    ("a soldier was killed and another wounded"), which names one more of the kind it reports."""
    found = []
    text = doc.text
    matches = [(m, "count.singular_victim") for m in rules.singular.finditer(text)]
    matches += [(m, "count.another") for m in rules.another.finditer(text)]
    for m, rule in matches:
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        groups = m.groupdict()
        victim = groups.get("noun") or groups.get("noun2") or "another"
        found.append(
            Count(
                _kind(rules, m),
                best=1,
                low=1,
                high=1,
                victims=victim.lower(),
                claimant=_claimant(doc, m.start()),
                evidence=Evidence(span=Span(m.start(), m.end(), m.group(0)), rule=rule),
            )
        )
    return found


def find_counts(doc: Doc, *, rules: CountRules | None = None) -> tuple[Count, ...]:
    """Every reported figure in the document, in text order, each with its span (and rule where one applied)."""
    rules = rules or default_rules()
    counts = _figures(doc, rules)
    taken = [(c.evidence.span.start, c.evidence.span.end) for c in counts if c.evidence.span]
    counts += _singulars(doc, rules, taken)
    counts += [
        c
        for c in _parts_of_total(doc, rules)
        if c.evidence.span and c.evidence.span.start not in {t.evidence.span.start for t in counts if t.evidence.span}
    ]
    return tuple(sorted(counts, key=lambda c: c.evidence.span.start if c.evidence.span else 0))


def parse_number(text: str, *, rules: CountRules | None = None) -> tuple[int, str | None] | None:
    """The value of a written number, and the rule when a convention produced it ("dozens" -> 12)."""
    rules = rules or default_rules()
    raw = " ".join(text.lower().replace(",", "").split())
    if raw.isdigit():
        return int(raw), None
    if raw in rules.words:
        return rules.words[raw], None
    if raw in rules.vague:
        return rules.vague[raw], f"count.vague:{raw}={rules.vague[raw]}"
    return None


def counts_for_event(doc: Doc, trigger: SpacySpan, counts: Sequence[Count], *, window: int = 3) -> tuple[Count, ...]:
    """Counts in the trigger's sentence and the few sentences after it (where follow-up figures such as
    "14 bodies were recovered" are reported) up to one that opens another story; failing that, every count
    in the article."""
    sents = list(doc.sents)
    first = next(i for i, s in enumerate(sents) if s.start <= trigger.start < s.end)
    last = first
    while last + 1 < len(sents) and last < first + window and not opens_new_story(sents[last + 1]):
        last += 1
    start, end = sents[first].start_char, sents[last].end_char
    near = tuple(c for c in counts if c.evidence.span and start <= c.evidence.span.start < end)
    return near or tuple(counts)


def _is_subgroup(count: Count, rules: CountRules) -> bool:
    return count.victims in rules.subgroups


def tally(counts: Sequence[Count], kind: CountKind, *, rules: CountRules | None = None) -> Tally | None:
    """ACLED reconciliation: the lowest reported figure, groups reported separately added up, subgroups of a
    total ("including three children") not added; a range keeps the highest figure reported."""
    rules = rules or default_rules()
    claims = tuple(c for c in counts if c.kind is kind)
    if not claims:
        return None
    figures = [c for c in claims if c.evidence.rule not in _SINGULAR_RULES and c.qualifier != "part of total"]
    if not figures:
        n = len(claims)
        return Tally(value=n, low=n, high=n, claims=claims, rule="acled.singular_mentions_added")
    whole = [c for c in figures if not _is_subgroup(c, rules)] or figures
    generic = [c for c in whole if c.victims in _GENERIC_VICTIMS and c.victims not in _ADDITIVE_VICTIMS]
    groups: dict[str | None, list[Count]] = {}
    for c in whole:
        groups.setdefault(c.victims, []).append(c)
    if not generic and len(groups) > 1:
        value = sum(min(c.best for c in g) for g in groups.values())
        high = sum(max(c.high or c.best for c in g) for g in groups.values())
        return Tally(value=value, low=value, high=max(high, value), claims=claims, rule="acled.groups_added")
    pool = generic or whole
    value = min(c.best for c in pool)
    high = max(c.high or c.best for c in pool)
    return Tally(value=value, low=value, high=high, claims=claims, rule="acled.lowest_reported")

"""Which side of publication a date named without a year (or a weekday) lies on: lexical future cues and the
tense of the verb the expression modifies.

A date is moved only by the verb it hangs from ("was shot on Oct. 23", "will close in December"), directly or
through a preposition. A date that modifies a noun or an adjective ("the Jan. 14 deadline", "Wednesday's
ruling", "payable Dec. 7") takes no tense from the clause around it: the noun's event need not share it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Token

# "The ministers will meet on Friday": a weekday after a future verb is the next such day.
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|is due|are due|scheduled|plans? to|planned|planning|expected to|set to|until|"
    r"as (?:soon|early) as|deadline)\b[^.;]*$",
    re.IGNORECASE,
)
_FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}
_PAST_AUX = {"had", "was", "were"}


def after_future_cue(text: str, start: int) -> bool:
    """A future word shortly before the expression in the same clause ("planned a rally on Saturday")."""
    return bool(_FUTURE.search(text[max(0, start - 50) : start]))


def tense_at(doc: Doc, start: int, end: int, *, forward_verbs: frozenset[str] = frozenset()) -> str | None:
    """ "past" or "future" from the verb the expression at `start:end` modifies, else None. A past verb of
    planning or deferring (`forward_verbs`: "planned a rally on Saturday", "postponed until Tuesday") says
    nothing about the date it sets."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    governor, preposition = _governor(span.root)
    if preposition == "since":
        return "past"  # "since Jan. 13": whatever the verb, the start lies behind
    if governor is None or governor.pos_ not in {"VERB", "AUX"}:
        return None
    tense = _verb_tense(governor)
    return None if tense == "past" and governor.lemma_.lower() in forward_verbs else tense


def _governor(token: Token) -> tuple[Token | None, str]:
    """The word an expression hangs from, through its preposition and through "the night of", "the week of"."""
    preposition = ""
    for _ in range(3):
        head = token.head
        if head.i == token.i:
            return None, preposition
        if token.dep_ != "pobj" or head.pos_ not in {"ADP", "SCONJ"}:
            return head, preposition
        preposition = head.lower_  # the outermost one: "since the night of ..."
        attached = head.head
        if attached.dep_ == "dobj" and head.lower_ != "of":
            return attached.head, preposition  # "doubled its flights by August": the parser's noun attachment
        if head.lower_ != "of" or attached.pos_ != "NOUN":
            return attached, preposition
        token = attached
    return None, preposition


def _verb_tense(verb: Token) -> str | None:
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    # "is expected to close": an infinitive complement looks ahead; "the first countries to join" does not
    if aux & _FUTURE_AUX or ("to" in aux and verb.dep_ == "xcomp"):
        return "future"
    if verb.tag_ == "VBD" or aux & _PAST_AUX:
        return "past"
    return None


def agree_with_tense(value: str, tense: str | None, pub: date, *, weekday: bool) -> str:
    """Move a date resolved without a year (or week) to the side of publication its verb's tense says."""
    if tense is None or not re.match(r"^\d{4}-\d{2}", value):
        return value
    year, month = int(value[:4]), int(value[5:7])
    day = int(value[8:10]) if len(value) >= 10 and value[7] == "-" else 1
    try:
        when = date(year, month, day)
    except ValueError:
        return value
    late = when > pub and tense == "past"
    early = when < (pub if weekday else pub.replace(day=1)) and tense == "future"
    if not (late or early):
        return value
    if weekday:
        return (when + timedelta(days=-7 if late else 7)).isoformat() + value[10:]
    return f"{year + (-1 if late else 1):04d}" + value[4:]

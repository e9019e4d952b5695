"""Checks every article passes before the NLP runs: not empty, not too large, English."""

from __future__ import annotations

import re

from eventwire.config import Config
from eventwire.model import Article, Rejection, RejectionReason

# The commonest English function words: in English news prose they are 35-50% of the words; in other
# languages written in Latin script a few percent at most. Short texts are given the benefit of the doubt.
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "was",
        "for",
        "on",
        "that",
        "with",
        "by",
        "as",
        "at",
        "from",
        "it",
        "he",
        "she",
        "they",
        "his",
        "her",
        "its",
        "are",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "said",
        "after",
        "an",
        "or",
        "but",
        "not",
        "this",
        "which",
        "who",
        "will",
        "would",
        "their",
        "than",
        "more",
        "also",
        "over",
        "into",
        "about",
    ]
)
# Function words of the other languages news in Latin script is most often written in; none is an English word.
_FOREIGN = frozenset(
    (
        "der das und den dem des ist nicht ein eine mit sich auf für von zu im "  # German
        "les et du une est dans pour qui sur pas au aux "  # French
        "el los las del por con una para es como "  # Spanish
        "uma não com ao pelo pela são "  # Portuguese
        "che della sono gli nel "  # Italian
        "yang dengan untuk dari tidak "  # Indonesian
        "bir ile için"  # Turkish
    ).split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_WORDS_FOR_LANGUAGE = 12
# Headlines and one-line reports are terse ("Gunmen kill four on Kenya bus"): below this many words, the text
# is English unless it has no English function word or more function words of another language.
_SHORT_TEXT_WORDS = 40


def english_ratio(text: str, *, sample: int = 4000) -> tuple[float, int]:
    """The share of English function words among the words of the first `sample` characters, and the word count."""
    words = _WORD.findall(text[:sample])
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w.lower() in _ENGLISH) / len(words), len(words)


def _foreign_words(text: str, *, sample: int = 4000) -> int:
    return sum(1 for w in _WORD.findall(text[:sample]) if w.lower() in _FOREIGN)


def check_article(article: Article, config: Config) -> Rejection | None:
    text = article.text
    if not text.strip():
        return Rejection(article.origin, RejectionReason.EMPTY, "no text", article.id)
    if len(text) > config.max_chars:
        return Rejection(
            article.origin,
            RejectionReason.TOO_LARGE,
            f"{len(text):,} characters, over the limit of {config.max_chars:,} (setting max_chars)",
            article.id,
        )
    ratio, words = english_ratio(text)
    if words == 0:
        return Rejection(article.origin, RejectionReason.NO_TEXT, "no words in the text", article.id)
    if words >= _SHORT_TEXT_WORDS:
        foreign = ratio < config.min_english_ratio
    else:  # terse English has few function words; other languages show their own
        foreign = ratio == 0 or _foreign_words(text) > max(1, round(ratio * words))
    if words >= _MIN_WORDS_FOR_LANGUAGE and foreign:
        return Rejection(
            article.origin,
            RejectionReason.NOT_ENGLISH,
            f"does not read as English ({ratio:.0%} English function words); eventwire reads English only",
            article.id,
        )
    return None

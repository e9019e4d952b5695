"""Stable article ids: the input's own id when it has one, else a hash of the URL, else of the text."""

from __future__ import annotations

import hashlib


def article_id(*, url: str | None, text: str) -> str:
    if url:
        return "u" + hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[:16]
    return "t" + hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

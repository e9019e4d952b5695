"""One function per input format: decoded text (or a parsed JSON record) in, `Article` or `Rejection` out."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from eventwire.ingest.ids import article_id
from eventwire.model import Article, Rejection, RejectionReason

SUFFIX_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
DIRECTORY_SUFFIXES = frozenset(SUFFIX_FORMATS)
MIN_HTML_WORDS = 4
_HEADER = re.compile(r"^(title|date|source|url|published)\s*:\s*(.*)$", re.IGNORECASE)


def format_of(path: Path) -> str | None:
    """The format implied by the file name, or None to sniff the content."""
    return SUFFIX_FORMATS.get(path.suffix.lower())


def sniff_format(text: str) -> str:
    head = text.lstrip()[:2000].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<"):
        return "feed" if ("<rss" in head or "<feed" in head or "<rdf:rdf" in head) else "html"
    return "txt"


def parse_date(value: str) -> date | None:
    """A publication date from the forms seen in feeds, headers and JSON: ISO, RFC 2822, "3 May 2020"."""
    value = value.strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    for fmt in ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


# ------------------------------------------------------------------------------------------------------ JSONL


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value or None
    raise ValueError(f"field {key!r} must be a string, not {type(value).__name__}")


def _spans(value: Any) -> tuple[tuple[int, int], ...] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(
        isinstance(s, list) and len(s) == 2 and all(isinstance(i, int) for i in s) for s in value
    ):
        raise ValueError("field 'spans' must be a list of [start, end] integer pairs")
    return tuple((s, e) for s, e in value)


def article_from_record(record: Any, *, origin: str) -> Article | Rejection:
    """A JSONL record: `text` required; `id`, `title`, `url`, `published`, `source`, `spans` optional."""
    if not isinstance(record, dict):
        return Rejection(origin, RejectionReason.INVALID_FIELD, f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        detail = "missing field 'text'" if text is None else "field 'text' must be a string"
        return Rejection(origin, RejectionReason.INVALID_FIELD, detail, _record_id(record))
    try:
        url = _optional_str(record, "url")
        published_raw = _optional_str(record, "published")
        published = parse_date(published_raw) if published_raw else None
        if published_raw and published is None:
            raise ValueError(f"field 'published' is not a date: {published_raw!r}")
        article = Article(
            id=_record_id(record) or article_id(url=url, text=text),
            text=text,
            title=_optional_str(record, "title"),
            url=url,
            source=_optional_str(record, "source"),
            published=published,
            origin=origin,
            spans=_spans(record.get("spans")),
        )
    except ValueError as exc:
        return Rejection(origin, RejectionReason.INVALID_FIELD, str(exc), _record_id(record))
    return article


def _record_id(record: dict[str, Any]) -> str | None:
    value = record.get("id")
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return str(value) or None


# ------------------------------------------------------------------------------------------------------ text


def article_from_txt(text: str, *, origin: str) -> Article:
    """Plain text; leading `Title:`, `Date:`, `Source:`, `URL:` lines become metadata, not text."""
    headers: dict[str, str] = {}
    lines = text.splitlines(keepends=True)
    consumed = 0
    for line in lines:
        match = _HEADER.match(line.strip())
        if not match:
            break
        headers[match.group(1).lower()] = match.group(2).strip()
        consumed += 1
    body = "".join(lines[consumed:]).strip() if headers else text.strip()
    url = headers.get("url") or None
    published = headers.get("date") or headers.get("published")
    return Article(
        id=article_id(url=url, text=body),
        text=body,
        title=headers.get("title") or None,
        url=url,
        source=headers.get("source") or None,
        published=parse_date(published) if published else None,
        origin=origin,
    )


# ------------------------------------------------------------------------------------------------------ HTML


def article_from_html(html: str, *, origin: str) -> Article | Rejection:
    """Main text by trafilatura (boilerplate, menus and comments dropped), with its metadata."""
    import trafilatura

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    text = (document.text or "").strip() if document is not None else ""
    # trafilatura falls back to any text it finds; a menu word or two is not an article
    if len(text.split()) < MIN_HTML_WORDS:
        return Rejection(origin, RejectionReason.NO_TEXT, "no article text found in the HTML")
    url = document.url or None
    return Article(
        id=article_id(url=url, text=text),
        text=text,
        title=document.title or None,
        url=url,
        source=document.sitename or None,
        published=parse_date(document.date) if document.date else None,
        origin=origin,
    )


# ------------------------------------------------------------------------------------------------------ feeds


def article_from_feed(data: bytes, *, origin: str) -> Iterator[Article | Rejection]:
    """Each RSS/Atom item is an article: its title, its content (or summary) as text, its link and date."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        problem = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        yield Rejection(origin, RejectionReason.NO_TEXT, f"a feed with no items{problem}")
        return
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{origin}#item{number}"
        html = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
        text = _html_fragment_text(html)
        if not text:
            yield Rejection(where, RejectionReason.NO_TEXT, "feed item without text")
            continue
        url = entry.get("link") or None
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        yield Article(
            id=article_id(url=url, text=text),
            text=text,
            title=entry.get("title") or None,
            url=url,
            source=feed.feed.get("title") or None,
            published=date(*published[:3]) if published else None,
            origin=where,
        )


def _html_fragment_text(html: str) -> str:
    import lxml.etree
    import lxml.html

    if not html.strip():
        return ""
    try:
        return lxml.html.fromstring(html).text_content().strip()
    except (lxml.etree.ParserError, ValueError):
        return ""

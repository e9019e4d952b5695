"""Turn input paths into a stream of `Article`s and `Rejection`s, one per document, never raising for bad input.

Formats: `.txt` (optional `Title:`/`Date:`/`Source:`/`URL:` header lines), `.html`, `.jsonl`, RSS/Atom feeds,
directories (recursive) and `-` for stdin (format sniffed). Each output names its origin: "path", "path:line"
for JSONL, "path#item" for feeds.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from eventwire.config import Config
from eventwire.errors import InputNotFound
from eventwire.ingest.decode import Decoded, decode_bytes
from eventwire.ingest.formats import (
    DIRECTORY_SUFFIXES,
    article_from_feed,
    article_from_html,
    article_from_record,
    article_from_txt,
    format_of,
    sniff_format,
)
from eventwire.model import Article, Notice, Rejection, RejectionReason

Item = Article | Rejection


def read_inputs(sources: Sequence[str], *, config: Config, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every document in `sources`, in order. Raises InputNotFound up front if a path does not exist."""
    missing = [s for s in sources if s != "-" and not Path(s).exists()]
    if missing:
        raise InputNotFound(f"no such file or directory: {', '.join(missing)}")
    return _read_all(sources, config=config, stdin=stdin)


def _read_all(sources: Sequence[str], *, config: Config, stdin: BinaryIO | None) -> Iterator[Item]:
    for source in sources:
        if source == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_bytes(stream.read(), origin="<stdin>", kind=None, config=config)
        elif Path(source).is_dir():
            for path in _walk(Path(source)):
                yield from read_file(path, config=config)
        else:
            yield from read_file(Path(source), config=config)


def _walk(root: Path) -> Iterator[Path]:
    """Files with a known suffix under `root`, sorted, skipping hidden files and directories."""
    for path in sorted(root.rglob("*")):
        parts = path.relative_to(root).parts
        if any(p.startswith(".") for p in parts) or not path.is_file():
            continue
        if "".join(path.suffixes[-1:]).lower() in DIRECTORY_SUFFIXES:
            yield path


def read_file(path: Path, *, config: Config) -> Iterator[Item]:
    origin = str(path)
    try:
        size = path.stat().st_size
        kind = format_of(path)
        if kind == "jsonl":
            with path.open("rb") as stream:
                yield from read_jsonl(stream, origin=origin, config=config)
            return
        if size > config.max_file_bytes:
            yield Rejection(
                origin,
                RejectionReason.TOO_LARGE,
                f"{size:,} bytes, over the limit of {config.max_file_bytes:,} (setting max_file_bytes)",
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(origin, RejectionReason.UNREADABLE, f"cannot read: {exc.strerror or exc}")
        return
    yield from _read_bytes(data, origin=origin, kind=kind, config=config)


def _read_bytes(data: bytes, *, origin: str, kind: str | None, config: Config) -> Iterator[Item]:
    if not data.strip():
        yield Rejection(origin, RejectionReason.EMPTY, "the input is empty")
        return
    decoded = decode_bytes(data)
    if isinstance(decoded, str):
        reason = RejectionReason.BINARY if decoded.startswith("binary") else RejectionReason.BAD_ENCODING
        yield Rejection(origin, reason, decoded)
        return
    kind = kind or sniff_format(decoded.text)
    if kind == "jsonl":
        items: Iterator[Item] = _read_jsonl_text(decoded, origin=origin)
    elif kind == "html":
        items = iter([article_from_html(decoded.text, origin=origin)])
    elif kind == "feed":
        items = article_from_feed(data, origin=origin)
    else:
        items = iter([article_from_txt(decoded.text, origin=origin)])
    notice = Notice("EW102", f"decoded as {decoded.encoding} (a guess: not UTF-8)") if decoded.guessed else None
    for item in items:
        yield replace(item, notices=(*item.notices, notice)) if notice and isinstance(item, Article) else item


def read_jsonl(stream: BinaryIO, *, origin: str, config: Config) -> Iterator[Item]:
    """One article per line; a bad line is rejected with its line number and the rest are still read."""
    for number, raw in enumerate(stream, start=1):
        where = f"{origin}:{number}"
        if not raw.strip():
            continue
        if len(raw) > config.max_file_bytes:
            yield Rejection(where, RejectionReason.TOO_LARGE, f"line of {len(raw):,} bytes (setting max_file_bytes)")
            continue
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield Rejection(where, RejectionReason.BAD_ENCODING, f"not valid UTF-8 ({exc.reason} at byte {exc.start})")
            continue
        yield _parse_line(line, where)


def _read_jsonl_text(decoded: Decoded, *, origin: str) -> Iterator[Item]:
    for number, line in enumerate(decoded.text.splitlines(), start=1):
        if line.strip():
            yield _parse_line(line, f"{origin}:{number}")


def _parse_line(line: str, where: str) -> Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Rejection(where, RejectionReason.INVALID_JSON, f"invalid JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return Rejection(where, RejectionReason.INVALID_JSON, "invalid JSON: nested too deeply")
    return article_from_record(record, origin=where)

"""Bytes to text: UTF-8 first, then a detected encoding; binary data is refused with a reason."""

from __future__ import annotations

from dataclasses import dataclass

import charset_normalizer

_PROBE = 8192


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB (text in UTF-16 has a BOM and is decoded first)."""
    head = data[:_PROBE]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def decode_bytes(data: bytes) -> Decoded | str:
    """The decoded text, or a message saying why it cannot be read as text."""
    if looks_binary(data):
        return "binary data, not text"
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding, guessed=False)
            except UnicodeDecodeError as exc:
                return f"invalid {encoding} despite its byte-order mark ({exc.reason} at byte {exc.start})"
    try:
        return Decoded(data.decode("utf-8"), "utf-8", guessed=False)
    except UnicodeDecodeError as exc:
        utf8_error = f"not valid UTF-8 ({exc.reason} at byte {exc.start})"
    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        return f"{utf8_error}, and no other encoding fits"
    try:
        return Decoded(data.decode(best.encoding), best.encoding, guessed=True)
    except (UnicodeDecodeError, LookupError):
        return f"{utf8_error}, and it does not decode as {best.encoding} either"

"""A few hundred malformed inputs: nothing crashes, and every input is accounted for (processed or rejected)."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

from eventwire.config import Config
from eventwire.ingest import read_inputs
from eventwire.model import RejectionReason

ENGLISH = "Gunmen attacked a village on Tuesday and killed four people, the police said in a statement. "
SYLLABLES = ["ka", "zu", "mi", "ör", "ßa", "ни", "ка", "ال", "سل", "中", "文", "ü", "ph", "tr", "o", "ze"]


def _text(rng: random.Random, n: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(n))


def _json_line(rng: random.Random) -> str:
    choice = rng.randrange(12)
    if choice == 0:
        return json.dumps({"id": rng.randint(0, 10**6), "text": ENGLISH * rng.randint(1, 3)})
    if choice == 1:
        return json.dumps({"id": "x", "text": ENGLISH})[: rng.randint(1, 30)]
    if choice == 2:
        return "[" * rng.randint(1, 5000) + "]" * rng.randint(0, 10)
    if choice == 3:
        return json.dumps({"text": rng.choice([None, 1, [], {}, True, 1.5])})
    if choice == 4:
        return json.dumps({"text": ENGLISH, "published": rng.choice(["", "2026-02-30", "soon", 20261120, None])})
    if choice == 5:
        return json.dumps({"text": ENGLISH, "spans": rng.choice([[[0]], [["a", "b"]], [[5, 2]], 7, [[0, 10**9]]])})
    if choice == 6:
        return json.dumps({"text": _text(rng, 40)})
    if choice == 7:
        return json.dumps({"text": "\x00\x01" + ENGLISH + "\u202e\ud7ff\ufeff"})
    if choice == 8:
        return json.dumps({"id": {"nested": 1}, "text": ENGLISH, "title": 5})
    if choice == 9:
        return "NaN"
    if choice == 10:
        return json.dumps({"text": " " * rng.randint(0, 50)})
    return json.dumps({"text": ENGLISH, "url": "x" * rng.randint(0, 3000)})


def _file(rng: random.Random, i: int, root: Path) -> tuple[Path, int]:
    """Write one malformed input; return its path and the number of documents it holds."""
    kind = rng.randrange(9)
    if kind == 0:
        path = root / f"{i}.txt"
        path.write_bytes(rng.randbytes(rng.randint(0, 4000)))
    elif kind == 1:
        path = root / f"{i}.jsonl"
        lines = [_json_line(rng) for _ in range(rng.randint(1, 8))]
        path.write_text("\n".join(lines) + rng.choice(["", "\n", "\n\n"]), encoding="utf-8")
        return path, sum(1 for line in lines if line.strip())
    elif kind == 2:
        path = root / f"{i}.html"
        tags = ["<p>", "</div>", "<script>", "<!--", "<article>", "<", ">", "&amp;", "&#x0;"]
        path.write_text("".join(rng.choice(tags) + rng.choice(["", ENGLISH, _text(rng, 5)]) for _ in range(30)))
    elif kind == 3:
        path = root / f"{i}.txt"
        path.write_text(_text(rng, rng.randint(1, 300)), encoding="utf-8")
    elif kind == 4:
        path = root / f"{i}.txt"
        path.write_bytes((ENGLISH * rng.randint(1, 5)).encode(rng.choice(["latin-1", "utf-16", "utf-32", "cp1252"])))
    elif kind == 5:
        path = root / f"{i}.rss"
        path.write_text("<rss><channel><item><title>x</title>" + rng.choice(["", "<description>", ENGLISH]))
    elif kind == 6:
        path = root / f"{i}.jsonl"
        path.write_bytes(rng.randbytes(rng.randint(1, 500)).replace(b"\n", b" ") + b"\n")
        return path, 1
    elif kind == 7:
        path = root / f"{i}.txt"
        path.write_text("Title: only headers\nDate: never\n" + rng.choice(["", "\n", "   "]), encoding="utf-8")
    else:
        path = root / f"{i}.html"
        path.write_text(f"<html><body><article><p>{ENGLISH * rng.randint(1, 20)}</p></article></body></html>")
    return path, -1  # one document, or a feed's items: counted as "at least one"


def test_malformed_inputs_never_crash_and_are_all_accounted_for(tmp_path: Path, pipeline) -> None:
    rng = random.Random(20261124)
    expected = dict(_file(rng, i, tmp_path) for i in range(300))
    config = Config(max_file_bytes=200_000, max_chars=50_000)
    results = list(pipeline.process_many(read_inputs([str(tmp_path)], config=config)))

    seen: Counter[str] = Counter()
    for result in results:
        origin = result.rejection.origin if result.rejection else result.article.origin
        seen[origin.split(":")[0].split("#")[0]] += 1
        if result.rejection:
            assert result.rejection.detail
            assert result.rejection.reason is not RejectionReason.PROCESSING_FAILED, result.rejection
    for path, count in expected.items():
        if count >= 0:
            assert seen[str(path)] == count, path
        else:
            assert seen[str(path)] >= 1, path
    assert seen.keys() == {str(p) for p in expected}

"""Gazetteer cost: how long the index takes to open and answer its first lookups, and what it costs in memory
once its caches are full (issue 3: loads in under 1 s, under 500 MB).

    python bench/gazetteer.py [--names 20000]

Memory is the growth of this process's peak RSS from before opening the index to after looking up every
capitalised word and pair of words of the evaluation texts (../shared/eval/dev, read in place; else the bundled
examples), which fills the lookup caches as a long run would. The index is built first if it is missing.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "dev"
_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def names(limit: int) -> list[str]:
    texts: list[str] = []
    if EVAL.is_dir():
        for path in sorted(EVAL.glob("*.jsonl")):
            with path.open(encoding="utf-8") as f:
                texts += [json.loads(line)["text"] for line in f if line.strip()]
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    found = list(dict.fromkeys(m.group() for text in texts for m in _NAME.finditer(text)))
    return found[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--names", type=int, default=20_000, help="distinct names to look up (default 20000)")
    args = parser.parse_args()
    from eventwire.config import load_config
    from eventwire.geo import open_gazetteer
    from eventwire.geo.normalize import name_key

    path = load_config().gazetteer_path
    open_gazetteer(str(path)).close()  # build it now if missing, so the timing below is the load alone
    queries = [k for k in (name_key(n) for n in names(args.names)) if k]
    before = peak_rss_mb()
    started = time.perf_counter()
    gazetteer = open_gazetteer(str(path))
    gazetteer.candidates("aleppo")
    opened = time.perf_counter() - started
    started = time.perf_counter()
    hits = sum(1 for key in queries if gazetteer.knows(key) is not None and gazetteer.candidates(key))
    looked = time.perf_counter() - started
    grown = peak_rss_mb() - before
    print(f"index      {path} ({path.stat().st_size / 1e6:.1f} MB on disk)")
    print(f"open       {opened:.3f} s (open and first lookup; target < 1 s)")
    print(f"lookups    {len(queries):,} names, {hits:,} known, {len(queries) / looked:,.0f} names/s")
    print(f"memory     +{grown:.0f} MB peak RSS with full caches (target < 500 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

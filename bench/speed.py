"""Throughput and memory: the spaCy parse alone, then with each eventwire stage, then the whole pipeline,
on the same articles, so each stage's cost shows as a ratio of the parse.

    python bench/speed.py [--limit 400] [--batch-size 64]

Articles: the news texts of ../shared/eval/dev when present (read there, never copied), else the bundled
examples repeated. Each mode runs in its own process so peak RSS is that mode's own. Ratios use CPU time
(user + system of the process), which other work on a shared machine disturbs far less than wall time.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "dev"
NEWS_FILES = (
    "geoparse_lgl.jsonl",
    "geoparse_geovirus.jsonl",
    "dates_timebank.jsonl",
    "dates_aquaint.jsonl",
    "wikievents.jsonl",
)
MODES = {
    "spacy": (),
    "+dates": ("eventwire_timexes",),
    "+places": ("eventwire_places",),
    "+counts": ("eventwire_counts",),
    "pipeline": None,  # the whole Pipeline (checks, all components, Result records)
}


def load_texts(limit: int) -> tuple[list[str], str]:
    if EVAL.exists():
        texts = []
        for name in NEWS_FILES:
            with (EVAL / name).open(encoding="utf-8") as f:
                texts += [json.loads(line)["text"] for line in f if line.strip()]
        return texts[:limit], f"{min(limit, len(texts))} news articles from {EVAL}"
    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.config import Config
    from eventwire.ingest import read_inputs

    examples = [a.text for a in read_inputs([str(ROOT / "examples")], config=Config()) if hasattr(a, "text")]
    texts = (examples * (limit // len(examples) + 1))[:limit]
    return texts, f"{len(texts)} bundled example articles (repeated; ../shared/eval not found)"


def measure(mode: str, limit: int, batch_size: int) -> dict[str, float]:
    from datetime import date

    from eventwire.config import load_config
    from eventwire.model import Article
    from eventwire.nlp import build_nlp
    from eventwire.pipeline import Pipeline

    texts, _ = load_texts(limit)
    config = load_config()
    started = time.perf_counter()
    if MODES[mode] is None:
        pipeline = Pipeline(config)
        setup = time.perf_counter() - started
        articles = [Article(id=str(i), text=t, published=date(2020, 1, 1)) for i, t in enumerate(texts)]
        list(pipeline.process_many(articles[:5]))  # warm-up
        started, cpu = time.perf_counter(), time.process_time()
        for _ in pipeline.process_many(articles, batch_size=batch_size):
            pass
    else:
        nlp = build_nlp(config, components=MODES[mode])
        setup = time.perf_counter() - started
        list(nlp.pipe(texts[:5]))
        started, cpu = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass
    return {
        "wall_s": time.perf_counter() - started,
        "seconds": time.process_time() - cpu,
        "setup_s": setup,
        "articles": len(texts),
        "words": sum(len(t.split()) for t in texts),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=400, help="number of articles (default 400)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)  # internal: one measurement
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(measure(args.mode, args.limit, args.batch_size)))
        return 0
    _, described = load_texts(args.limit)
    print(f"speed: {described}, batch size {args.batch_size}, one process per mode\n")
    results = {}
    for mode in MODES:
        cmd = [
            sys.executable,
            __file__,
            "--mode",
            mode,
            "--limit",
            str(args.limit),
            "--batch-size",
            str(args.batch_size),
        ]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        results[mode] = json.loads(out.strip().splitlines()[-1])
    base = results["spacy"]["seconds"]
    print("rates per CPU-second (one core); wall: elapsed seconds on this machine")
    print(
        f"{'mode':<10} {'articles/s':>10} {'words/s':>9} {'cpu s':>7} {'wall s':>7} {'x parse':>8} {'load s':>7} "
        f"{'peak RSS MB':>12}"
    )
    for mode, r in results.items():
        print(
            f"{mode:<10} {r['articles'] / r['seconds']:>10.1f} {r['words'] / r['seconds']:>9.0f} {r['seconds']:>7.2f} "
            f"{r['wall_s']:>7.2f} {r['seconds'] / base:>8.2f} {r['setup_s']:>7.2f} {r['peak_rss_mb']:>12.0f}"
        )
    stage = {m: (results[m]["seconds"] - base) / base for m in ("+dates", "+places", "+counts")}
    events = (results["pipeline"]["seconds"] - base) / base - sum(stage.values())
    print("\nadded to the spaCy parse time:")
    print(f"  geoparsing (places)       {stage['+places']:+.1%}   target <= +25%")
    print(f"  counts and dates          {stage['+dates'] + stage['+counts']:+.1%}   target <= +15%")
    print(f"  events, actors, assembly  {events:+.1%}   target <= +25%  (pipeline minus the stages above)")
    print(f"  whole pipeline            {(results['pipeline']['seconds'] - base) / base:+.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Throughput and memory: the spaCy parse alone, then with each eventwire stage, then the whole pipeline,
on the same articles, so each stage's cost shows as a ratio of the parse.

    python bench/speed.py [--limit 400] [--batch-size 64]

Then the CPU time of each pipeline component, measured in one process over the same documents, as a share of
the spaCy parse: this is how the issues' cost targets are checked.

Articles: the news texts of ../shared/eval/dev when present (read there, never copied), else the bundled
examples repeated. Each throughput mode runs in its own process so peak RSS is that mode's own. Ratios use CPU time
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
    "pipeline": None,  # the whole Pipeline (checks, all components, Result records)
}
# What each issue's cost target covers, by component name.
STAGE_GROUPS = {
    "geoparsing (places)": (("eventwire_places",), 0.25),
    "counts and dates": (("eventwire_timexes", "eventwire_counts"), 0.15),
    "events, actors, assembly": (("eventwire_events",), 0.25),
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


def profile_stages(limit: int, batch_size: int) -> dict[str, float]:
    """CPU seconds per pipeline component, all in one process over the same docs (robust to a busy machine)."""
    from datetime import date

    from eventwire.config import load_config
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline

    texts, _ = load_texts(limit)
    nlp = Pipeline(load_config()).nlp
    spent = {"tokenizer": 0.0} | {name: 0.0 for name in nlp.pipe_names}
    for first in range(0, len(texts), batch_size):
        batch = texts[first : first + batch_size]
        cpu = time.process_time()
        docs = [nlp.make_doc(t) for t in batch]
        spent["tokenizer"] += time.process_time() - cpu
        for doc, i in zip(docs, range(first, first + len(batch)), strict=True):
            doc._.article = Article(id=str(i), text=doc.text, published=date(2020, 1, 1))
        for name, proc in nlp.pipeline:
            cpu = time.process_time()
            docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            spent[name] += time.process_time() - cpu
    return spent


def print_stages(spent: dict[str, float]) -> None:
    ours = {name for names, _ in STAGE_GROUPS.values() for name in names}
    parse = sum(t for name, t in spent.items() if name not in ours)
    print(f"\nCPU time per component, one process (spaCy parse = {parse:.2f} s: tokenizer and model components)")
    for name, seconds in spent.items():
        print(f"  {name:<22} {seconds:>7.2f} s  {seconds / parse:>7.1%} of the parse")
    print("\nadded to the spaCy parse time:")
    for label, (names, target) in STAGE_GROUPS.items():
        share = sum(spent.get(n, 0.0) for n in names) / parse
        verdict = "ok" if share <= target else "over"
        print(f"  {label:<26} {share:+7.1%}   target <= +{target:.0%}  {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=400, help="number of articles (default 400)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--mode", choices=[*MODES, "stages"], help=argparse.SUPPRESS)  # internal: one measurement
    args = parser.parse_args()
    if args.mode == "stages":
        print(json.dumps(profile_stages(args.limit, args.batch_size)))
        return 0
    if args.mode:
        print(json.dumps(measure(args.mode, args.limit, args.batch_size)))
        return 0
    _, described = load_texts(args.limit)
    print(f"speed: {described}, batch size {args.batch_size}, one process per mode\n")
    results = {}
    for mode in [*MODES, "stages"]:
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
        if mode == "stages":
            continue
        print(
            f"{mode:<10} {r['articles'] / r['seconds']:>10.1f} {r['words'] / r['seconds']:>9.0f} {r['seconds']:>7.2f} "
            f"{r['wall_s']:>7.2f} {r['seconds'] / base:>8.2f} {r['setup_s']:>7.2f} {r['peak_rss_mb']:>12.0f}"
        )
    print(f"whole pipeline: {(results['pipeline']['seconds'] - base) / base:+.1%} CPU time over the spaCy parse")
    print_stages(results["stages"])
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Scale-out: wall-clock throughput of the in-process pipeline against the Dask runner with 1..N local workers,
on the same articles (../shared/eval texts when present, else the bundled examples repeated).

    python bench/scale.py [--limit 300] [--workers 2]

Wall time is what scale-out buys, so it is what this prints; on a machine shared with other work the numbers
move with the load. Worker start-up (model and gazetteer load) is reported apart from the processing time.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import load_texts  # the same article selection as bench/speed.py


def main() -> int:
    from eventwire.batch import DaskRunner
    from eventwire.config import load_config
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    texts, described = load_texts(args.limit)
    articles = [Article(id=str(i), text=t, published=date(2020, 1, 1)) for i, t in enumerate(texts)]
    config = load_config()
    print(f"scale: {described}\n")
    print(f"{'runner':<18} {'start s':>8} {'run s':>8} {'articles/s':>11}")
    started = time.perf_counter()
    pipeline = Pipeline(config)
    ready = time.perf_counter()
    n = sum(1 for _ in pipeline.process_many(articles))
    done = time.perf_counter()
    print(f"{'in-process':<18} {ready - started:>8.1f} {done - ready:>8.1f} {n / (done - ready):>11.1f}")
    for workers in range(1, args.workers + 1):
        started = time.perf_counter()
        with DaskRunner(config, workers=workers) as runner:
            ready = time.perf_counter()
            n = sum(1 for _ in runner.process_many(articles))
            done = time.perf_counter()
        label = f"dask, {workers} worker{'s' if workers > 1 else ''}"
        print(f"{label:<18} {ready - started:>8.1f} {done - ready:>8.1f} {n / (done - ready):>11.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

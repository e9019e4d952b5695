"""Accuracy on every dev evaluation in ../shared/eval, scored by its own score.py; prints one table.

    python bench/accuracy.py                 # all tasks
    python bench/accuracy.py acled dates     # some tasks (names from TASKS below)
    python bench/accuracy.py --keep out/     # keep each task's input and output for error analysis
    python bench/accuracy.py --geonames      # with the GeoNames dumps of ../shared/geonames imported first

The gold data is read from ../shared/eval (never copied); without it the benchmark says so and exits 0.
Each run goes through the real CLI (`eventwire extract|geoparse|dates`) so the output contract is what is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


@dataclass(frozen=True)
class Task:
    name: str
    gold: str
    command: str  # extract | geoparse | dates
    scorer: str  # score.py task
    spans: bool = False
    options: tuple[str, ...] = ()  # extra CLI options for the eventwire command
    # targets from the issues, for the "target" column: metric -> minimum
    targets: tuple[tuple[str, float], ...] = ()


TASKS = (
    Task("geoparse_lgl_spans", "geoparse_lgl.jsonl", "geoparse", "geoparse", spans=True, targets=(("acc161", 0.88),)),
    Task(
        "geoparse_geovirus_spans",
        "geoparse_geovirus.jsonl",
        "geoparse",
        "geoparse",
        spans=True,
        targets=(("acc161", 0.92),),
    ),
    Task("geoparse_lgl", "geoparse_lgl.jsonl", "geoparse", "geoparse", targets=(("f1", 0.85), ("acc161", 0.85))),
    Task(
        "geoparse_geovirus", "geoparse_geovirus.jsonl", "geoparse", "geoparse", targets=(("f1", 0.85), ("acc161", 0.85))
    ),
    Task("event_location", "event_location.jsonl", "extract", "event_location", targets=(("accuracy", 0.85),)),
    Task("case2021", "case2021.jsonl", "extract", "case2021", targets=(("macro_f1", 0.85),)),
    Task(
        "acled",
        "acled_2020_may01-04.jsonl",
        "extract",
        "acled",
        targets=(
            ("detection", 0.97),
            ("event_type", 0.85),
            ("sub_event_type", 0.75),
            ("inter1", 0.80),
            ("inter2", 0.70),
            ("actor1", 0.60),
            ("fatalities_exact", 0.90),
            ("date", 0.95),
        ),
    ),
    Task("plover", "plover.jsonl", "extract", "plover", targets=(("event_acc", 0.70),)),
    # WikiEvents scores every mention of an event, so it reads the mention lines (extract --mentions)
    Task(
        "wikievents",
        "wikievents.jsonl",
        "extract",
        "wikievents",
        options=("--mentions",),
        targets=(("trigger_f1", 0.70), ("arg_actor1", 0.60)),
    ),
    Task("dates_timebank", "dates_timebank.jsonl", "dates", "dates", targets=(("f1", 0.85), ("value_acc", 0.85))),
    Task("dates_aquaint", "dates_aquaint.jsonl", "dates", "dates", targets=(("f1", 0.85), ("value_acc", 0.85))),
)

SHOWN = {
    "geoparse": ("precision", "recall", "f1", "acc161", "median_km", "auc", "geonameid_acc"),
    "event_location": ("accuracy", "accuracy_when_detected", "trigger_found"),
    "case2021": ("macro_f1", "accuracy", "unseen_predicted_none"),
    "acled": (
        "detection",
        "event_type",
        "sub_event_type",
        "fatalities_exact",
        "fatalities_within",
        "date",
        "time_precision",
        "location_50km",
        "geo_precision",
        "country",
        "admin1",
        "inter1",
        "inter2",
        "actor1",
        "actor2",
    ),
    "plover": ("event_acc", "mode_acc", "source_country_match", "target_country_match"),
    "wikievents": (
        "trigger_precision",
        "trigger_recall",
        "trigger_f1",
        "arg_match",
        "arg_actor1",
        "arg_actor2",
        "arg_location",
    ),
    "dates": ("precision", "recall", "f1", "value_acc", "value_acc_lenient", "value_f1"),
}


def eventwire() -> list[str]:
    return [sys.executable, "-m", "eventwire"]


def run_task(task: Task, work: Path) -> tuple[dict[str, float], float]:
    gold = EVAL / "dev" / task.gold
    score = [sys.executable, str(EVAL / "score.py")]
    inp, out = work / f"{task.name}.in.jsonl", work / f"{task.name}.out.jsonl"
    with inp.open("w") as f:
        subprocess.run([*score, "input", str(gold), *(["--spans"] if task.spans else [])], stdout=f, check=True)
    started = time.perf_counter()
    subprocess.run([*eventwire(), task.command, str(inp), *task.options, "-o", str(out), "-q"], check=False)
    elapsed = time.perf_counter() - started
    scored = subprocess.run(
        [*score, task.scorer, str(gold), str(out), "--json", *(["--spans"] if task.spans else [])],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(scored.stdout.strip().splitlines()[-1]), elapsed


GEONAMES = ROOT.parent / "shared" / "geonames"
_DUMP = re.compile(r"^(?:allCountries|cities\d+|[A-Z]{2}|admin[12]Codes(?:ASCII)?|alternateNames(?:V2)?)\.(?:txt|zip)$")


def import_dumps(folder: Path, cache: Path) -> None:
    """Point every eventwire run of this benchmark at a gazetteer in `cache` with the dumps in `folder` imported."""
    files = sorted(str(p) for p in folder.iterdir() if _DUMP.match(p.name))
    if not files:
        raise SystemExit(f"no GeoNames dumps in {folder}")
    os.environ["EVENTWIRE_CACHE_DIR"] = str(cache)
    subprocess.run([*eventwire(), "gazetteer", "import", *files], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tasks", nargs="*", help="task names (default: all)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep inputs and outputs in DIR (for error analysis)")
    parser.add_argument(
        "--geonames",
        type=Path,
        nargs="?",
        const=GEONAMES,
        metavar="DIR",
        help=f"import the GeoNames dumps in DIR (default {GEONAMES}) into a temporary gazetteer first",
    )
    args = parser.parse_args()
    if not (EVAL / "score.py").exists():
        print(f"skipped: no evaluation data at {EVAL} (the gold sets are not shipped with eventwire)")
        return 0
    chosen = [t for t in TASKS if not args.tasks or t.name in args.tasks]
    rows: list[tuple[str, str, float | None, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="eventwire-acc-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.geonames is not None:
            import_dumps(args.geonames, Path(tmp) / "cache")
        for task in chosen:
            metrics, elapsed = run_task(task, work)
            print(f"{task.name}: n={metrics.get('n')} in {elapsed:.0f}s", file=sys.stderr)
            targets = dict(task.targets)
            for key in SHOWN[task.scorer]:
                value = metrics.get(key)
                target = targets.get(key)
                verdict = "" if target is None or value is None else ("ok" if value >= target else "below")
                rows.append((task.name, key, value, f">= {target}" if target is not None else "", verdict))
    print(f"{'task':<26} {'metric':<24} {'value':>8}  {'target':<9} ")
    for name, key, value, target, verdict in rows:
        shown = "-" if value is None else f"{value:.3f}"
        print(f"{name:<26} {key:<24} {shown:>8}  {target:<9} {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

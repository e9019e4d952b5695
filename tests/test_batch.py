"""The Dask runner: same results as the local pipeline, idempotent ingest, failures recorded, not lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.batch import DaskRunner
from eventwire.batch.runner import DaskRunner as Runner
from eventwire.errors import ClusterError
from eventwire.ingest import read_inputs
from eventwire.model import Article, Rejection, RejectionReason
from eventwire.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def runner(config):
    with DaskRunner(config, workers=1, chunk_size=4) as runner:
        yield runner


def _items(config) -> list[Article | Rejection]:
    items = list(read_inputs([str(EXAMPLES)], config=config))
    return [*items, Rejection("broken.jsonl:3", RejectionReason.INVALID_JSON, "line 3: invalid JSON")]


def test_dask_results_equal_local_results(runner, pipeline, config) -> None:
    items = _items(config)
    local = {r.article.id: r for r in pipeline.process_many(items) if r.article is not None}
    remote = list(runner.process_many(items))
    assert len(remote) == len(items)  # every input accounted for, the rejection included
    assert sum(r.rejection is not None for r in remote) == 1
    for result in remote:
        if result.article is not None:
            assert result.events == local[result.article.id].events
    assert runner.version == pipeline.version


def test_dask_ingest_is_idempotent(runner, config, tmp_path: Path) -> None:
    with Store(tmp_path / "dask.db") as store:
        first = runner.ingest(_items(config), store=store)
        again = runner.ingest(_items(config), store=store)
        assert first.added == len(_items(config)) - 1 and first.rejected == 1
        assert again.added == 0 and again.unchanged == first.added
        assert store.count_events() == first.events


class _FailedFuture:
    def result(self):
        raise OSError("connection to worker lost")

    def release(self) -> None:
        pass


def test_a_failed_task_rejects_its_articles_with_the_reason() -> None:
    chunk = [Article(id="a", text="x", origin="feed.jsonl:1"), Article(id="b", text="y", origin="feed.jsonl:2")]
    results = Runner._results(_FailedFuture(), chunk)
    assert [r.rejection.origin for r in results] == ["feed.jsonl:1", "feed.jsonl:2"]
    assert all(r.rejection.reason is RejectionReason.PROCESSING_FAILED for r in results)
    assert "connection to worker lost" in results[0].rejection.detail


def test_unreachable_scheduler_is_a_cluster_error(config) -> None:
    with pytest.raises(ClusterError, match="cannot reach"):
        DaskRunner(config, scheduler="tcp://127.0.0.1:9", connect_timeout_s=1)

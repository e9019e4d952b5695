"""Process articles on a Dask cluster: an existing one (a scheduler address) or local worker processes.

The client reads the inputs, skips what the store already holds and writes results as they come back, so the
database keeps a single writer (SQLite) and an interrupted run completes on re-run, as a local one does. Each
worker process builds one `Pipeline` when it joins (a worker plugin) and keeps it for the rest of the run.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from eventwire.config import Config
from eventwire.errors import ClusterError
from eventwire.model import Article, Rejection, RejectionReason, Result
from eventwire.pipeline import Pipeline, store_results
from eventwire.store import IngestStats, Store

try:
    from distributed import WorkerPlugin
except ImportError:  # dask is an optional extra; `_connect` says how to install it
    WorkerPlugin = object  # type: ignore[assignment,misc]

PLUGIN = "eventwire-pipeline"


class PipelinePlugin(WorkerPlugin):
    """Builds one `Pipeline` per worker process when the worker joins: the heavy load happens once, there."""

    name = PLUGIN

    def __init__(self, config: Config, job: str) -> None:
        self.config, self.job = config, job
        self.pipeline: Pipeline | None = None

    def setup(self, worker: Any) -> None:
        self.pipeline = Pipeline(self.config, job=self.job)


def _worker_pipeline() -> Pipeline:
    from distributed import get_worker

    pipeline = get_worker().plugins[PLUGIN].pipeline
    assert pipeline is not None, "the plugin's setup runs before any task"
    return pipeline


def _process_chunk(chunk: list[Article]) -> list[Result]:
    return list(_worker_pipeline().process_many(chunk))


def _pipeline_version() -> str:
    return _worker_pipeline().version


def _failed(chunk: list[Article], exc: BaseException) -> list[Result]:
    """A chunk whose task failed (a worker died, a result could not be sent) is recorded, not lost."""
    detail = f"Dask task failed: {type(exc).__name__}: {exc}"
    return [
        Result(article=a, rejection=Rejection(a.origin, RejectionReason.PROCESSING_FAILED, detail, a.id)) for a in chunk
    ]


class DaskRunner:
    """`process_many` and `ingest` like `Pipeline`'s, with the NLP spread over a Dask cluster.

    Results come back in completion order, not input order. `chunk_size` articles go to a worker at a time;
    at most `window` chunks per worker are in flight, which bounds the client's memory.
    """

    def __init__(
        self,
        config: Config,
        *,
        job: str = "extract",
        scheduler: str | None = None,
        workers: int = 2,
        chunk_size: int = 32,
        window: int = 2,
        connect_timeout_s: float = 10.0,
    ) -> None:
        self.config, self.job, self.chunk_size = config, job, chunk_size
        self.client = _connect(scheduler, workers, timeout_s=connect_timeout_s)
        try:
            n_workers = max(1, len(self.client.scheduler_info().get("workers", {})))
            self.window = window * n_workers
            self.client.register_plugin(PipelinePlugin(config, job))
            self.version: str = self.client.submit(_pipeline_version, pure=False).result()
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> DaskRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        cluster = self.client.cluster
        self.client.close()
        if cluster is not None:
            cluster.close()

    def ingest(
        self,
        items: Iterable[Article | Rejection],
        *,
        store: Store,
        track: Callable[[Iterator[Result]], Iterator[Result]] | None = None,
    ) -> IngestStats:
        return store_results(self.process_many, items, store=store, pipeline_version=self.version, track=track)

    def process_many(self, items: Iterable[Article | Rejection]) -> Iterator[Result]:
        from distributed import as_completed

        passing: deque[Result] = deque()  # rejected inputs, reported as they are read
        chunks = _chunks(items, self.chunk_size, passing)
        running = as_completed()
        in_flight: dict[str, list[Article]] = {}

        def submit_next() -> None:
            chunk = next(chunks, None)
            if chunk is not None:
                future = self.client.submit(_process_chunk, chunk, pure=False, retries=1)
                in_flight[future.key] = chunk
                running.add(future)

        for _ in range(self.window):
            submit_next()
        for future in running:
            yield from self._results(future, in_flight.pop(future.key))
            while passing:
                yield passing.popleft()
            submit_next()
        while passing:
            yield passing.popleft()

    @staticmethod
    def _results(future: Any, chunk: list[Article]) -> list[Result]:
        try:
            return future.result()
        # Per-document failures are already results (the pipeline isolates them); what reaches here is the
        # cluster failing the whole task, with whatever exception type the scheduler or transport raised.
        except Exception as exc:
            return _failed(chunk, exc)
        finally:
            future.release()


def _chunks(items: Iterable[Article | Rejection], size: int, passing: deque[Result]) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        if isinstance(item, Rejection):
            passing.append(Result(article=None, rejection=item))
            continue
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _connect(scheduler: str | None, workers: int, *, timeout_s: float) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ClusterError("Dask is not installed: pip install 'eventwire[dask]'") from exc
    if scheduler:
        try:
            return Client(scheduler, timeout=f"{timeout_s}s")
        except OSError as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    # one thread per worker process: spaCy work is CPU-bound Python, threads would share one GIL
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    return Client(cluster)

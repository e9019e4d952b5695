"""Scale-out on Dask (the only package that imports dask): the same `Pipeline`, one per worker process."""

from eventwire.batch.runner import DaskRunner

__all__ = ["DaskRunner"]

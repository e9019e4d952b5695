"""Shared fixtures: offline, temporary files and databases; the pipeline is built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Config

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    cache = tmp_path_factory.mktemp("cache")
    return Config(db=str(cache / "test.db"), cache_dir=cache)


@pytest.fixture(scope="session")
def pipeline(config: Config):
    from eventwire.pipeline import Pipeline

    return Pipeline(config)

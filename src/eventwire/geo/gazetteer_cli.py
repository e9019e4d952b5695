"""Library functions behind `eventwire gazetteer ...`; each returns the text the command prints.

Baseline stubs until the gazetteer index lands (issue 3)."""

from __future__ import annotations

from pathlib import Path

from eventwire.config import Config
from eventwire.errors import GazetteerError


def gazetteer_version(config: Config) -> str:
    return "not built" if not config.gazetteer_path.exists() else "unknown"


def build(config: Config, *, force: bool = False) -> str:
    return f"gazetteer: nothing to build yet ({config.gazetteer_path})"


def import_files(config: Config, files: list[Path]) -> str:
    raise GazetteerError("GeoNames import is not available yet")


def describe(config: Config) -> str:
    return f"{config.gazetteer_path}: {gazetteer_version(config)}"


def search(config: Config, name: str, *, limit: int = 10) -> str:
    return "no gazetteer yet"

"""Versions and facts for `eventwire info` and the API's /info: cheap to compute, nothing heavy loaded."""

from __future__ import annotations

import importlib.metadata
import platform
from pathlib import Path
from typing import Any

from eventwire import __version__
from eventwire.config import Config


def _package_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def about(config: Config) -> dict[str, Any]:
    from eventwire.geo.gazetteer_cli import gazetteer_version
    from eventwire.store import SCHEMA_VERSION

    facts: dict[str, Any] = {
        "eventwire": __version__,
        "python": platform.python_version(),
        "spacy": _package_version("spacy"),
        "model": f"{config.model} {_package_version(config.model)}",
        "gazetteer": f"{config.gazetteer_path} ({gazetteer_version(config)})",
        "database": config.db,
        "db_schema_supported": SCHEMA_VERSION,
    }
    if config.db == ":memory:" or Path(config.db).exists():
        from eventwire.store import Store

        with Store(config.db) as store:
            facts.update({f"db_{k}": v for k, v in store.summary().items()})
    else:
        facts["db_schema_version"] = "no database yet"
    return facts

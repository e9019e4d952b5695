"""spaCy side of eventwire: `build_nlp(config)` is the only `spacy.load()` in the package."""

from eventwire.nlp.build import COMPONENTS, build_nlp

__all__ = ["COMPONENTS", "build_nlp"]

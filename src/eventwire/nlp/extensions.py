"""Custom Doc attributes through which the components hand results to each other and to the pipeline."""

from __future__ import annotations

from spacy.tokens import Doc

# name -> default; every value stored is a model record or a tuple of them.
DOC_EXTENSIONS: dict[str, object] = {
    "article": None,  # model.Article, set by the pipeline before the components run
    "timexes": (),  # tuple[model.Timex, ...]
    "places": (),  # tuple[model.PlaceMention, ...]
    "counts": (),  # tuple[model.Count, ...]
    "events": (),  # tuple[model.Event, ...]
    "failure": None,  # str: set when one of our components raised on this document
    "given_spans": None,  # tuple[tuple[int, int], ...] | None: geoparse given-spans mode
}


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)

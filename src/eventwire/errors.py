"""The one catalogue of errors and warnings, with stable codes.

Errors are exceptions a caller can act on; each knows its HTTP status so the API maps it without a table
of its own. Input problems are not errors: they become `model.Rejection`s and the run goes on.
Codes never change meaning once released; docs/errors.md lists them and a test keeps the two in step.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class: `code` is stable, `http_status` is what the REST API answers with."""

    code = "EW000"
    http_status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ConfigError(EventwireError):
    """A setting is missing or invalid (config file, environment variable or option)."""

    code = "EW001"
    http_status = 400


class InputNotFound(EventwireError):
    """A path given as input does not exist."""

    code = "EW002"
    http_status = 400


class ModelNotInstalled(EventwireError):
    """The spaCy model package is not installed in this environment."""

    code = "EW003"
    http_status = 500


class InputRejected(EventwireError):
    """A single input given to the Python or REST API cannot be processed (empty, not English, ...)."""

    code = "EW004"
    http_status = 422


class StoreError(EventwireError):
    """The database cannot be opened, read or written."""

    code = "EW010"
    http_status = 500


class SchemaTooNew(StoreError):
    """The database was written by a newer eventwire than this one."""

    code = "EW011"
    http_status = 500


class GazetteerError(EventwireError):
    """The gazetteer index cannot be built, opened or extended."""

    code = "EW020"
    http_status = 500


class GazetteerImportError(GazetteerError):
    """A GeoNames file given to `gazetteer import` is not in a format eventwire understands."""

    code = "EW021"
    http_status = 400


class ClusterError(EventwireError):
    """The Dask cluster cannot be used: dask is not installed, or the scheduler cannot be reached."""

    code = "EW030"
    http_status = 503


class NotFound(EventwireError):
    """A requested record (event, article) does not exist."""

    code = "EW040"
    http_status = 404


class BadQuery(EventwireError):
    """A query parameter is malformed (a date that is not YYYY-MM-DD, an unknown format, ...)."""

    code = "EW041"
    http_status = 400


ERRORS: tuple[type[EventwireError], ...] = (
    EventwireError,
    ConfigError,
    InputNotFound,
    ModelNotInstalled,
    InputRejected,
    StoreError,
    SchemaTooNew,
    GazetteerError,
    GazetteerImportError,
    ClusterError,
    NotFound,
    BadQuery,
)

# Warnings attached to a Result as `model.Notice(code, message)`: the article was processed, but something
# about it deserves a look.
WARNINGS: dict[str, str] = {
    "EW101": "the article has no publication date; relative dates could not be anchored",
    "EW102": "the text was decoded with a guessed encoding",
    "EW104": "a toponym could not be resolved with enough confidence",
    "EW105": "an event's location fell back to an enclosing area",
}


def error_payload(error: EventwireError) -> dict[str, object]:
    """The one JSON error shape, used by the REST API and `--json` CLI output."""
    return {"error": {"code": error.code, "type": type(error).__name__, "message": error.message}}

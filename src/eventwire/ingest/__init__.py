"""Readers: files, directories, JSONL, HTML, feeds and stdin become `Article`s or `Rejection`s."""

from eventwire.ingest.ids import article_id
from eventwire.ingest.readers import read_inputs
from eventwire.ingest.validate import check_article

__all__ = ["article_id", "check_article", "read_inputs"]

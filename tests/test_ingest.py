"""Readers: every input becomes an Article or a Rejection that names the file (and line)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.config import Config
from eventwire.errors import InputNotFound
from eventwire.ingest import article_id, check_article, read_inputs
from eventwire.ingest.formats import parse_date
from eventwire.model import Article, Rejection, RejectionReason

CONFIG = Config()
STORY = (
    "Gunmen attacked a village in the north of the country on Tuesday and killed four people, "
    "the police said. The attackers fled into the forest after the raid, residents said."
)


def read(*paths: Path | str, config: Config = CONFIG, stdin: bytes | None = None) -> list[Article | Rejection]:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_inputs([str(p) for p in paths], config=config, stdin=stream))


def test_txt_headers_become_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Title: Raid\nDate: 2026-11-20\nSource: Wire\nURL: https://x.org/a\n\n{STORY}\n", "utf-8")
    [article] = read(path)
    assert (article.title, article.published, article.source, article.url) == (
        "Raid",
        date(2026, 11, 20),
        "Wire",
        "https://x.org/a",
    )
    assert article.text == STORY
    assert article.id == article_id(url="https://x.org/a", text=STORY)
    assert article.origin == str(path)


def test_txt_without_headers_is_all_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"\n{STORY}\n", "utf-8")
    [article] = read(path)
    assert article.text == STORY and article.title is None and article.published is None


def test_ids_are_stable_and_content_based() -> None:
    assert article_id(url=None, text=STORY) == article_id(url=None, text=f"  {STORY}\n")
    assert article_id(url="https://x.org/a", text="one") == article_id(url="https://x.org/a", text="two")
    assert article_id(url=None, text="one") != article_id(url=None, text="two")


def test_html_main_text_without_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(
        "<html><head><title>Raid</title><meta property='article:published_time' content='2026-11-20'></head>"
        f"<body><nav>Home | World | Sport</nav><article><p>{STORY}</p></article>"
        "<footer>Copyright</footer></body></html>",
        "utf-8",
    )
    [article] = read(path)
    assert STORY in article.text and "Sport" not in article.text and "Copyright" not in article.text
    assert article.published == date(2026, 11, 20)


def test_html_without_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav></body></html>", "utf-8")
    [rejection] = read(path)
    assert rejection.reason is RejectionReason.NO_TEXT and rejection.origin == str(path)


def test_jsonl_reads_good_lines_and_rejects_bad_ones_by_line(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": STORY, "published": "2026-11-20", "title": "T"}),
        "{not json",
        "",
        json.dumps({"id": 7, "text": STORY + " More."}),
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": 5}),
        json.dumps({"id": "e", "text": STORY, "published": "last week"}),
        json.dumps([1, 2]),
        json.dumps({"id": "f", "text": STORY, "spans": [[0, 6]]}),
        json.dumps({"id": "g", "text": STORY, "spans": "0-6"}),
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    items = read(path)
    kinds = [(i.origin.rsplit(":", 1)[1], type(i).__name__) for i in items]
    assert kinds == [
        ("1", "Article"),
        ("2", "Rejection"),
        ("4", "Article"),
        ("5", "Rejection"),
        ("6", "Rejection"),
        ("7", "Rejection"),
        ("8", "Rejection"),
        ("9", "Article"),
        ("10", "Rejection"),
    ]
    assert items[0].id == "a" and items[0].published == date(2026, 11, 20)
    assert items[2].id == "7"
    assert items[1].reason is RejectionReason.INVALID_JSON and "column" in items[1].detail
    assert "missing field 'text'" in items[3].detail
    assert "published" in items[5].detail
    assert items[7].spans == ((0, 6),)


def test_jsonl_bad_utf8_line_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"text": "caf\xe9 au lait"}\n' + json.dumps({"text": STORY}).encode() + b"\n")
    first, second = read(path)
    assert first.reason is RejectionReason.BAD_ENCODING and first.origin.endswith(":1")
    assert isinstance(second, Article)


def test_directories_are_read_recursively_in_order_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(STORY + " Two.", "utf-8")
    (tmp_path / "1.txt").write_text(STORY + " One.", "utf-8")
    (tmp_path / ".hidden.txt").write_text(STORY, "utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    items = read(tmp_path)
    assert [Path(i.origin).name for i in items] == ["1.txt", "2.txt"]


def test_stdin_is_sniffed(tmp_path: Path) -> None:
    [article] = read("-", stdin=json.dumps({"id": "s", "text": STORY}).encode() + b"\n")
    assert article.id == "s" and article.origin == "<stdin>:1"
    [plain] = read("-", stdin=STORY.encode())
    assert plain.text == STORY and plain.origin == "<stdin>"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", RejectionReason.EMPTY),
        (b"  \n\t\n", RejectionReason.EMPTY),
        (b"\x00\x01\x02binary\x00" * 50, RejectionReason.BINARY),
    ],
)
def test_unreadable_files_are_rejected(tmp_path: Path, content: bytes, reason: RejectionReason) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    [rejection] = read(path)
    assert rejection.reason is reason and rejection.origin == str(path)


def test_other_encodings_are_decoded(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes(("Le café était fermé. " + STORY).encode("cp1252"))
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(STORY.encode("utf-16"))
    [a, b] = read(latin, utf16)
    assert a.text.startswith("Le café était fermé.") and b.text == STORY
    assert [n.code for n in a.notices] == ["EW102"] and b.notices == ()


def test_huge_files_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(STORY * 100, "utf-8")
    [rejection] = read(path, config=Config(max_file_bytes=1000))
    assert rejection.reason is RejectionReason.TOO_LARGE and "max_file_bytes" in rejection.detail


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound, match=r"nope\.txt"):
        read(tmp_path / "nope.txt")


def test_feed_items_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
        f"<item><title>One</title><link>https://x.org/1</link><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;{STORY}&lt;/p&gt;</description></item>"
        "<item><title>Two</title><link>https://x.org/2</link><description></description></item>"
        "</channel></rss>",
        "utf-8",
    )
    first, second = read(path)
    assert first.text == STORY and first.published == date(2026, 11, 20) and first.source == "Wire"
    assert first.origin == f"{path}#item1"
    assert second.reason is RejectionReason.NO_TEXT and second.origin == f"{path}#item2"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("   ", RejectionReason.EMPTY),
        ("12345 67890 --- !!!", RejectionReason.NO_TEXT),
        (
            "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, das die Rechte der Mieter in den "
            "großen Städten deutlich stärken soll, teilte die Regierung mit.",
            RejectionReason.NOT_ENGLISH,
        ),
        ("x" * 600_000, RejectionReason.TOO_LARGE),
    ],
)
def test_check_article_rejects_with_a_reason(text: str, reason: RejectionReason) -> None:
    rejection = check_article(Article(id="a", text=text, origin="f.txt"), CONFIG)
    assert rejection is not None and rejection.reason is reason and rejection.origin == "f.txt"


def test_check_article_accepts_short_english_and_headlines() -> None:
    assert check_article(Article(id="a", text=STORY), CONFIG) is None
    assert check_article(Article(id="b", text="Raid kills 12 in Idlib"), CONFIG) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-11-20", date(2026, 11, 20)),
        ("2026-11-20T10:00:00Z", date(2026, 11, 20)),
        ("20 November 2026", date(2026, 11, 20)),
        ("Nov 20, 2026", date(2026, 11, 20)),
        ("Fri, 20 Nov 2026 10:00:00 GMT", date(2026, 11, 20)),
        ("yesterday", None),
        ("2026-13-45", None),
    ],
)
def test_parse_date(raw: str, expected: date | None) -> None:
    assert parse_date(raw) == expected

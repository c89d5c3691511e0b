"""The article model and the plain-text loader: exact text, paragraph numbering, and clear refusals."""

import codecs
import os
import pickle

import pytest

from briefing_app.core.article import article_from_text, paragraph_spans
from briefing_app.core.loaders import MAX_ARTICLE_BYTES, ArticleError, load_article

from helpers.support import SEED


def test_seed_article_loads_exactly_as_written(seed_text):
    a = load_article(SEED)
    assert a.text == seed_text
    assert a.title == "North Koreans in Russia: A Match Made in Military Heaven?"
    assert a.title_line
    # the seed has one paragraph per line and no blank lines: 19 body paragraphs below the title line
    assert [p.number for p in a.paragraphs] == list(range(20))
    for p in a.paragraphs:
        assert a.text[p.start : p.end] == a.text[p.start : p.end].strip() != ""
    sentence = "Barthélémy Courmont from IRIS highlighted a crucial point"
    offset = a.text.index(sentence)
    para = a.paragraphs[a.paragraph_at(offset)]
    assert a.text[para.start :].startswith(sentence)
    assert len(a.sha256) == 64


def test_blank_lines_separate_paragraphs_and_single_newlines_are_wraps():
    text = "Title\n\nfirst line\nstill first\n\n  second  \n \n\nthird"
    assert [text[s:e] for s, e in paragraph_spans(text)] == [
        "Title",
        "first line\nstill first",
        "second",
        "third",
    ]


def test_title_line_is_paragraph_zero_only_when_it_looks_like_a_heading():
    a = article_from_text("A short heading\nBody one.\nBody two.", origin="x")
    assert a.title == "A short heading" and [p.number for p in a.paragraphs] == [0, 1, 2]
    b = article_from_text("This is a sentence.\nAnother.", origin="x", fallback_title="file")
    assert b.title == "file" and [p.number for p in b.paragraphs] == [1, 2]
    c = article_from_text("Only one line", origin="x", fallback_title="file")
    assert not c.title_line and c.title == "file"


def test_crlf_and_bom_are_normalised(tmp_path, seed_text):
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(codecs.BOM_UTF8 + seed_text.replace("\n", "\r\n").encode("utf-8"))
    assert load_article(crlf).text == seed_text
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(seed_text.encode("utf-16"))  # with BOM
    assert load_article(utf16).text == seed_text


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "is empty"),
        (b"  \n\t\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_bad_files_are_refused_with_one_clear_line(tmp_path, content, message):
    f = tmp_path / "article.txt"
    f.write_bytes(content)
    with pytest.raises(ArticleError, match=message.replace("(", r"\(").replace(")", r"\)")) as e:
        load_article(f)
    assert "\n" not in str(e.value)
    assert f.read_bytes() == content  # never touched


def test_missing_folder_unreadable_and_huge_files(tmp_path):
    with pytest.raises(ArticleError, match="does not exist"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="is a folder, not an article"):
        load_article(tmp_path)
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:  # sparse: costs no disk
        f.truncate(MAX_ARTICLE_BYTES + 1)
    with pytest.raises(ArticleError, match="too large"):
        load_article(huge)


def test_unreadable_file(tmp_path, monkeypatch):
    f = tmp_path / "secret.txt"
    f.write_text("text")
    f.chmod(0)

    real_open = os.open

    def denied(path, *args, **kwargs):
        if str(path) == str(f):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    # root can read mode-0 files, so make the opening fail the way it does for a normal user
    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(ArticleError, match="permission denied"):
        load_article(f)


# --- the published date from a dateline or byline (issue 14: never from the file's own dates)
@pytest.mark.parametrize(
    "text, published",
    [
        ("Grain talks\nBy Jana Novák | March 3, 2020\nDelegations met.", "2020-03-03"),
        ("Grain talks\nTuesday 3 March 2020 10.15 GMT\nDelegations met.", "2020-03-03"),
        ("Grain talks\n2020-03-03\nDelegations met.", "2020-03-03"),
        ("Grain talks\nPublished 3 March 2020, updated 4 March 2020\nBody.", "2020-03-03"),
        ("Grain talks\nUpdated 4 March 2020\nPublished 3 March 2020\nBody.", "2020-03-03"),
        ("Grain talks\nLast updated: Mar. 4, 2020\nBody.", "2020-03-04"),  # nothing else dates it
        (
            "Grain talks\nWASHINGTON, March 3, 2020 — The talks resumed today, officials said, after a week in "
            "which both sides had accused the other of delaying the inspections of ships bound for Africa.",
            "2020-03-03",
        ),
        ("Pourparlers\nPublié le 3 mars 2020 à 10h15\nTexte.", "2020-03-03"),
        ("Gespräche\n3. März 2020\nText.", "2020-03-03"),
        ("Quarterly report\nOctober 2024\nBody.", "2024-10"),  # a report's cover: the month
        # not datelines: a date in a sentence, a month in passing, an impossible date, a browser's stamp
        ("Grain talks\nTalks resumed on March 3, 2020.\nMore.", ""),
        ("Grain talks\nThe report of October 2024 said so\nMore", ""),
        ("Grain talks\nFebruary 30, 2020\nBody", ""),
        ("3/10/26, 10:15 AM Grain talks | Example News\nBody of the article.", ""),
        ("Grain talks\n" + "Long body text without a date. " * 100 + "\nBy Jana Novák | March 3, 2020", ""),
    ],
)
def test_the_published_date_comes_from_a_dateline_or_byline_near_the_top(text, published):
    a = article_from_text(text, origin="x")
    assert (a.published, a.published_from) == (published, "text" if published else "")


def test_a_date_from_the_metadata_wins_and_says_so():
    a = article_from_text("Grain talks\nBy Jana Novák | March 3, 2020\nBody.", origin="x", published="2020-03-02")
    assert (a.published, a.published_from) == ("2020-03-02", "metadata")


def test_an_article_pickled_for_a_worker_keeps_its_paragraphs_and_shares_its_text(seed_text):
    """A worker process gets the article pickled: its paragraphs travel as flat arrays of numbers (thousands of
    Paragraph objects pickled one by one held the window up), and come back equal, over the very same text."""
    article = article_from_text(seed_text * 20, "seed.txt")
    back = pickle.loads(pickle.dumps(article))
    assert back == article and back.paragraphs == article.paragraphs and back.sha256 == article.sha256
    assert back.text_facts.fit(back.text, back.title_line)  # one string for both, as when it was made
    assert back.paragraph_at(len(seed_text) * 7) == article.paragraph_at(len(seed_text) * 7)
    assert b"Paragraph" not in pickle.dumps(article)  # no object per paragraph

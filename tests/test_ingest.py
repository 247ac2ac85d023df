import json

from frontlines.errors import DocumentError
from frontlines.ingest import read_bytes, read_paths
from frontlines.ingest.decode import decode
from frontlines.ingest.language import detect_language
from frontlines.records import Document, ErrorRecord

BLOG = """<!DOCTYPE html><html><head><title>Notes from the front</title>
<meta property="article:published_time" content="2019-06-02T08:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Fighting near Tripoli</h1>
<p>From the Evening Ledger:</p>
<blockquote><p>Forces loyal to the eastern commander shelled the southern suburbs of Tripoli on Saturday, officials said.</p>
<p>Two ambulances were hit by mortar fire near the airport.</p></blockquote>
<p>I think the offensive has stalled, and I expect talks within a month.</p>
</article>
<div class="comments"><h3>Recent Comments</h3><ul><li>ann on Fighting near Tripoli: thanks</li></ul></div>
<div>Share this: Twitter | Facebook</div>
</body></html>"""


def test_html_keeps_block_structure_and_drops_widgets(tmp_path):
    (tmp_path / "post.html").write_text(BLOG, encoding="utf-8")
    [doc] = list(read_paths([tmp_path]))
    assert isinstance(doc, Document)
    assert doc.date == "2019-06-02" and doc.date_source == "html-meta"
    kinds = {doc.text[b.start:b.end][:20]: b.kind for b in doc.blocks}
    assert kinds["Fighting near Tripol"] == "heading"
    assert kinds["Forces loyal to the "] == "quote"
    assert kinds["Two ambulances were "] == "quote"
    assert "Recent Comments" not in doc.text and "Share this" not in doc.text and "About" not in doc.text
    for b in doc.blocks:  # offsets index the text
        assert doc.text[b.start:b.end].strip() == doc.text[b.start:b.end]


def test_jsonl_corpus_metadata_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "Police arrested ten protesters in the capital on Monday.", "date": "2020-01-06",
                    "source": "Wire"}),
        "{not json",
        json.dumps({"id": "a3", "title": "no text field"}),
        json.dumps({"id": "a4", "html": "<p>Rebels attacked an army post near the border on Friday night.</p>"}),
        json.dumps([1, 2]),
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = list(read_paths([tmp_path / "c.jsonl"]))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, ErrorRecord)]
    assert [d.doc_id for d in docs] == ["a1", "a4"]
    assert docs[0].date == "2020-01-06" and docs[0].source == "Wire"
    assert "Rebels attacked" in docs[1].text
    assert len(errors) == 3
    assert {e.doc_id for e in errors} == {f"{tmp_path / 'c.jsonl'}:2", "a3", f"{tmp_path / 'c.jsonl'}:5"}


def test_csv_corpus(tmp_path):
    (tmp_path / "c.csv").write_text('id,text,date\nb1,"Troops withdrew from the town, the ministry said.",2021-05-01\n',
                                    encoding="utf-8")
    [doc] = list(read_paths([tmp_path / "c.csv"]))
    assert doc.doc_id == "b1" and doc.date == "2021-05-01"


def test_rss_feed_entries_become_documents(tmp_path):
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Feed</title>
    <item><title>Clashes</title><link>http://example.org/1</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
    <description>&lt;p&gt;Militants attacked a convoy on the main highway, the army said.&lt;/p&gt;</description></item>
    <item><title>Talks</title><link>http://example.org/2</link>
    <description>The two parties met in Geneva to discuss a prisoner exchange.</description></item>
    </channel></rss>"""
    (tmp_path / "f.rss").write_text(feed, encoding="utf-8")
    docs = list(read_paths([tmp_path / "f.rss"]))
    assert [type(d).__name__ for d in docs] == ["Document", "Document"]
    assert docs[0].url == "http://example.org/1" and docs[0].date == "2024-03-05" and docs[0].source == "Example Feed"
    assert "attacked a convoy" in docs[0].text


def test_feed_with_entity_expansion_is_refused():
    bomb = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            '<rss><channel><item><description>&b;</description></item></channel></rss>')
    [err] = list(read_bytes(bomb.encode(), "bomb.rss", suffix=".rss"))
    assert isinstance(err, ErrorRecord) and "entity" in err.message


def test_unknown_encoding_is_detected():
    text = "Les forces gouvernementales ont attaqué. Café, élève, déjà, naïve, señor, Zürich, Ærø."
    assert decode(text.encode("latin-1"), "d") == text or "attaqu" in decode(text.encode("latin-1"), "d")


def test_binary_and_empty_are_errors():
    try:
        decode(b"\x00\x01\x02binary\x00\x00", "bin")
    except DocumentError as exc:
        assert exc.doc_id == "bin" and "binary" in exc.message
    else:
        raise AssertionError("binary decoded")
    [err] = list(read_bytes(b"   \n ", "empty.txt", suffix=".txt"))
    assert isinstance(err, ErrorRecord) and err.message == "empty document"


def test_language_detection():
    assert detect_language("Government forces attacked the rebels in the north of the country on Monday.") == "en"
    assert detect_language("Die Regierungstruppen haben am Montag die Rebellen im Norden des Landes angegriffen "
                           "und dabei mehrere Dörfer zerstört.") == "other"
    assert detect_language("Силы правительства атаковали повстанцев на севере страны в понедельник.") == "other"


def test_non_english_document_is_reported_and_skipped(tmp_path):
    (tmp_path / "es.txt").write_text("Las fuerzas del gobierno atacaron a los rebeldes en el norte del país el lunes "
                                     "por la mañana, según fuentes locales.", encoding="utf-8")
    [err] = list(read_paths([tmp_path]))
    assert isinstance(err, ErrorRecord) and "not English" in err.message and err.doc_id


def test_missing_path_is_an_error_not_a_crash(tmp_path):
    [err] = list(read_paths([tmp_path / "nope.txt"]))
    assert isinstance(err, ErrorRecord) and "no such file" in err.message


def test_commentary_is_the_writers_first_person_not_a_quoted_witness():
    from frontlines.ingest import _is_commentary, read_text

    wire = read_text('Police said the raid began at dawn. "I saw my brother fall," one witness said. "They beat me."')
    blog = read_text("I think the offensive has stalled. My guess is that talks will follow within weeks.")
    assert not _is_commentary(wire)
    assert _is_commentary(blog)

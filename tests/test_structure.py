"""Block structure of blog posts and news: quotes, commentary, updates, headings, boilerplate."""

from __future__ import annotations

from frontlines.records import Block
from frontlines.structure import is_boilerplate, is_update, label_blocks, lead_in_source, quote_sources

POST = """Trouble in Kassala

From the Khartoum Tribune:

Rapid Support Forces fighters shelled the eastern market in Kassala on Tuesday, witnesses said.

The army said it repelled the attack and would hold the bridge over the Gash river.

I suspect the shelling was meant to draw the army away from El Fasher. Nobody in Port Sudan is saying so.

[Update: A reader points out that the bridge was already closed last week.]

Correction: the market is in the east of the city, not the north.

Posted by Amira at 9:14 PM

12 comments:

Share this post
"""


def _kinds(text: str, **kw) -> list[tuple[str, str]]:
    blocks = label_blocks(text, (), **kw)
    return [(b.kind, text[b.start:b.end][:25]) for b in blocks]


def test_blog_post_blocks_are_labelled():
    kinds = [k for k, _ in _kinds(POST, commentary=True)]
    assert kinds == ["heading", "commentary", "quote", "quote", "commentary", "update", "update",
                     "boilerplate", "boilerplate", "boilerplate"]


def test_news_paragraphs_stay_paragraphs():
    text = "Fighting resumed in Bakhmut on Monday.\n\nUkrainian officials said two soldiers were killed."
    assert [k for k, _ in _kinds(text, commentary=False)] == ["paragraph", "paragraph"]


def test_quote_run_ends_at_first_person_commentary():
    text = ("Via Reuters:\n\nTurkish drones struck a convoy near Qamishli.\n\n"
            "Kurdish officials said four people died.\n\nMy guess is this will escalate.")
    assert [k for k, _ in _kinds(text, commentary=True)] == ["commentary", "quote", "quote", "commentary"]


def test_blockquote_markup_wins_over_heuristics():
    text = "The Guardian reports:\n\nTroops entered Kherson.\n\nThat is big news."
    blocks = (Block(0, 21, "paragraph"), Block(23, 46, "quote"), Block(48, 66, "paragraph"))
    assert [b.kind for b in label_blocks(text, blocks, commentary=True)] == ["commentary", "quote", "commentary"]


def test_quote_sources_cover_the_run_after_the_lead_in():
    blocks = label_blocks(POST, (), commentary=True)
    sources = quote_sources(POST, blocks)
    quoted = [i for i, b in enumerate(blocks) if b.kind == "quote"]
    assert sorted(sources) == quoted
    assert {s.name for s in sources.values()} == {"the Khartoum Tribune"}
    s = next(iter(sources.values()))
    assert POST[s.start:s.end] == "the Khartoum Tribune"


def test_lead_in_forms():
    assert lead_in_source("From the Washington Post:")[0] == "the Washington Post"
    assert lead_in_source("Spencer Ackerman writes:")[0] == "Spencer Ackerman"
    assert lead_in_source("The Times of India reported today:")[0] == "The Times of India"
    assert lead_in_source("The army shelled the town.") is None
    assert lead_in_source("Here is what they want: more money.") is None


def test_update_and_boilerplate_patterns():
    assert is_update("[Update: the ministry has now confirmed the figure.]")
    assert is_update("UPDATE 2: more arrests in Tehran.")
    assert is_update("Correction: the strike was in Idlib.")
    assert not is_update("Updated figures show 40 dead in Gaza.")
    for line in ("Recent Comments", "5 comments:", "Posted by Juan Cole at 6:21 AM", "Share this",
                 "Labels: Iraq, Sadr", "By Sarah Kamal", "Leave a comment"):
        assert is_boilerplate(line), line
    for line in ("Share prices fell in Kyiv after the strike.", "By Friday the siege had been lifted."):
        assert not is_boilerplate(line), line


def test_single_newline_layout_is_split_per_line():
    text = "Militants attacked Kidal.\nThree soldiers died.\nThe UN condemned it.\n12 comments"
    kinds = [k for k, _ in _kinds(text, commentary=False)]
    assert kinds == ["paragraph", "paragraph", "paragraph", "boilerplate"]


_KINDS = {"paragraph", "heading", "quote", "commentary", "update", "boilerplate"}


def test_labels_any_text_without_losing_or_overlapping_blocks():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(["From the Post:", "\n\n", "\n", "I think", "“quoted", "”", "[Update: ", "3 comments",
                              "Share this", "Troops attacked Gao.", " ", ">", ":", "By Ann Lee"])

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.one_of(pieces, st.text(max_size=20)), max_size=30), st.booleans())
    def check(parts, commentary):
        text = "".join(parts)
        blocks = label_blocks(text, (), commentary=commentary)
        last = 0
        for b in blocks:
            assert b.kind in _KINDS
            assert last <= b.start < b.end <= len(text)
            assert text[b.start:b.end].strip()
            last = b.end
        quote_sources(text, blocks)

    check()

"""Number phrases in a sentence ("at least 60", "between 10 and 15", "two dozen", "dozens") and the
count of people a noun phrase names ("his five children as well as his wife" = 6, "a man" = 1), and
which of a verb's several subjects or objects name people ("coordinated_arguments")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..numwords import SCALES, UNITS, VAGUE, parse_number

Tok = Any  # a spaCy Token (or Span/Doc where named so); spaCy ships no type stubs

#: words before a number -> qualifier; "_near" marks an upper-bounded approximation
QUALIFIERS: dict[str, str] = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least", "more than": "at_least",
    "over": "at_least", "upwards of": "at_least", "in excess of": "at_least", "a minimum of": "at_least",
    "well over": "at_least", "just over": "at_least",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "reportedly": "about",
    "nearly": "about_near", "almost": "about_near", "close to": "about_near", "just under": "about_near",
    "up to": "at_most", "as many as": "at_most", "at most": "at_most", "fewer than": "at_most",
    "less than": "at_most", "under": "at_most", "no more than": "at_most",
}
_QUAL_KEYS = sorted(QUALIFIERS, key=lambda k: -len(k.split()))
_NOT_COUNTS = {"year", "month", "week", "day", "hour", "minute", "second", "percent", "%", "block", "mile", "foot",
               "feet", "inch", "pound", "dollar", "round", "shot", "bullet", "time", "mph", "km", "kilometer",
               "kilometre", "meter", "metre", "acre", "p.m.", "a.m.", "pm", "am", "o'clock", "cent", "degree",
               "caliber", "calibre", "mm", "gram", "kg", "ton", "tonne", "yard", "page", "point", "vote", "seat",
               "-year", "million", "billion"}
_MONTH_WORD = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.I)
_WEEKDAY = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.I)
_RUN_WORDS = set(UNITS) - {"no", "a", "an", "half", "single", "lone", "pair", "couple", "both"} | set(SCALES)
# first words of the vague amounts ``_vague_at`` knows: a token starting none of them starts no vague amount
_VAGUE_FIRST = frozenset({k.split(" ")[0] for k in VAGUE} | {"both", "couple"})
_VAGUE_HEADS = {"dozens", "scores", "hundreds", "thousands", "millions", "tens", "several", "many", "numerous",
                "few", "handful", "multiple", "both", "couple"}

PERSON_NOUNS = {
    "man", "woman", "boy", "girl", "child", "kid", "teen", "teenager", "person", "victim", "officer", "policeman",
    "policewoman", "cop", "soldier", "suspect", "driver", "passenger", "resident", "student", "worker", "employee",
    "father", "mother", "son", "daughter", "brother", "sister", "husband", "wife", "friend", "neighbor",
    "neighbour", "relative", "civilian", "fighter", "militant", "gunman", "shooter", "bystander", "customer",
    "clerk", "owner", "guard", "deputy", "trooper", "agent", "journalist", "reporter", "official", "leader",
    "commander", "member", "pedestrian", "motorist", "infant", "baby", "toddler", "youth", "adult", "male",
    "female", "individual", "citizen", "protester", "protestor", "demonstrator", "activist", "sergeant",
    "detective", "inmate", "prisoner", "patient", "doctor", "nurse", "teacher", "pastor", "priest", "imam",
    "cousin", "uncle", "aunt", "grandmother", "grandfather", "grandson", "granddaughter", "girlfriend",
    "boyfriend", "fiance", "fiancee", "roommate", "acquaintance", "worshipper", "pilgrim", "refugee", "farmer",
    "shepherd", "villager", "tourist", "foreigner", "contractor", "diplomat", "minister", "mayor", "governor",
    "senator", "lawmaker", "candidate", "rebel", "insurgent", "jihadist", "marine", "sailor", "airman",
    "colonel", "general", "captain", "lieutenant", "chief", "sheriff", "robber", "burglar",
    "intruder", "assailant", "attacker", "homeowner", "tenant", "landlord", "security", "bodyguard", "partner",
    "spouse", "parent", "stepfather", "stepson", "nephew", "niece", "juvenile", "minor", "senior", "veteran",
    "hostage", "detainee", "pupil", "athlete", "player", "rapper", "singer", "cameraman", "photographer",
    "policemen", "gang", "gangster", "dealer", "hunter", "cyclist", "jogger", "security guard", "someone",
    "somebody", "one", "other", "another", "ex", "father-in-law",
}
_NAME = re.compile(r"[A-Za-z][A-Za-z'’.\-]*[A-Za-z.]|[A-Z]")
_MEDIA_WORDS = {"news", "weather", "sports", "channel", "tv", "radio", "online", "breaking", "home", "update",
                "video", "photos", "traffic", "closings", "local", "story", "report", "press"}
_ORDINAL_ONE = {"second", "third", "fourth", "fifth"}
_PRONOUN_ONE = {"he", "she", "him", "her", "himself", "herself"}


@dataclass(frozen=True, slots=True)
class Count:
    low: int | None
    best: int | None
    high: int | None
    qualifier: str
    text: str
    start: int | None  # character offsets in the document
    end: int | None


@dataclass(frozen=True, slots=True)
class Phrase:
    start_i: int  # first token (including the qualifier)
    end_i: int  # one past the last token
    count: Count


def _is_run_token(tok: Tok) -> bool:
    low = tok.lower_
    return bool(tok.like_num and not low.endswith(("st", "nd", "rd", "th"))) or low in _RUN_WORDS


def _run(span: Tok, i: int) -> int:
    """End (exclusive) of the number-word run starting at token i."""
    doc = span.doc
    j = i
    end = span.end
    while j < end:
        tok = doc[j]
        if _is_run_token(tok):
            j += 1
        elif tok.text in ("-", "and") and j > i and j + 1 < end and _is_run_token(doc[j + 1]):
            j += 1
        else:
            break
    # "and" only joins "one hundred and fifty"; a trailing "and <n>" that was a list is undone below
    return j


def number_phrases(span: Tok) -> list[Phrase]:
    """Every count-like number phrase in ``span`` with its qualifier, vague amounts included."""
    doc = span.doc
    out: list[Phrase] = []
    i = span.start
    while i < span.end:
        tok = doc[i]
        low = tok.lower_
        if _is_run_token(tok) and not (low == "one" and i + 1 < span.end and doc[i + 1].lower_ == "another"):
            start = i
            if i > span.start and doc[i - 1].lower_ in ("a", "an") and low in ("dozen", "hundred", "thousand",
                                                                            "score", "million"):
                start = i - 1
            if i > span.start + 1 and doc[i - 2].lower_ == "half" and doc[i - 1].lower_ == "a":
                start = i - 2
            j = _split_list(doc, start, _run(span, i))
            phrase = _make(doc, start, j, span)
            if phrase is not None:
                out.append(phrase)
            i = max(j, i + 1)
            continue
        vague = _vague_at(doc, i, span.end) if low in _VAGUE_FIRST or " " in low else None
        if vague is not None:
            out.append(vague)
            i = vague.end_i
            continue
        i += 1
    return _merge_ranges(doc, out)


def _split_list(doc: Tok, start: int, end: int) -> int:
    """'three and twenty-one' are two numbers; 'one hundred and fifty' is one."""
    for k in range(start + 1, end):
        if doc[k].lower_ == "and" and doc[k - 1].lower_ not in ("hundred", "thousand", "million"):
            return k
    return end


def _vague_at(doc: Tok, i: int, end: int) -> Phrase | None:
    words = [doc[k].lower_ for k in range(i, min(end, i + 4))]
    for n in (4, 3, 2, 1):
        key = " ".join(words[:n])
        if key in VAGUE or (n == 1 and key in ("both", "couple")):
            if key in ("few", "some"):
                continue
            if key in ("both",):
                lo, best = 2, 2
            elif key == "couple":
                lo, best = 2, 2
            else:
                lo, best = VAGUE[key]
            after = doc[i + n] if i + n < end else None
            if after is not None and (after.lemma_.lower() in _NOT_COUNTS or after.lower_ in _NOT_COUNTS):
                return None  # "multiple times", "several years"
            if words[n - 1] == "of":
                n -= 1
            first, last = doc[i], doc[i + n - 1]
            text = doc[i:i + n].text
            qual = "exact" if key in ("both", "couple") else "vague"
            return Phrase(i, i + n, Count(min(lo, best), best, None, qual, text, first.idx, last.idx + len(last.text)))
    return None


def _make(doc: Tok, start: int, end: int, span: Tok) -> Phrase | None:
    toks = [doc[k] for k in range(start, end)]
    text = doc[start:end].text
    value = parse_number(text)
    if value is None or value != int(value) or value > 50_000_000:
        return None
    nxt = doc[end] if end < span.end else None
    nxt2 = doc[end + 1] if end + 1 < span.end else None
    prev = doc[start - 1] if start > span.start else None
    # "three shots" are bullets, but "three shot" (a plural number, a singular noun) are people hit
    people_shot = nxt is not None and nxt.lower_ == "shot" and value >= 2
    for t in (nxt, nxt2 if nxt is not None and nxt.text in ("-", "–") else None):
        if t is not None and (t.lemma_.lower() in _NOT_COUNTS or t.lower_ in _NOT_COUNTS) and not (
                t is nxt and people_shot):
            return None
    if prev is not None and _MONTH_WORD.match(prev.text):
        return None  # "a Jan. 14 shooting"
    if prev is not None and prev.pos_ == "PROPN" and prev.ent_type_ != "DATE" and not _WEEKDAY.match(prev.text):
        return None  # "Fox 59", "Channel 4", "Route 66": part of a name
    if prev is not None and prev.text == "," and start - 2 >= span.start and doc[start - 2].is_alpha \
            and (nxt is None or nxt.text in (",", ")", ";", ".", "-", "–", "—")) and end - start == 1:
        return None  # "Boy, 9, dies", "Ronald Munn, 28, was shot": an age
    if prev is not None and (prev.text in ("$", "#", "No.", "no.", "£", "€", ":", "Route", "Highway")
                             or prev.lower_ in ("page", "number", "route", "interstate", "highway", "channel")):
        return None
    if ":" in text or toks[0].ent_type_ in ("TIME", "MONEY", "PERCENT", "ORDINAL") or (
            toks[0].ent_type_ == "DATE" and len(toks[0].text) == 4 and toks[0].text.isdigit()):
        return None
    if toks[0].text.isdigit() and len(toks[0].text) == 4 and 1900 <= int(toks[0].text) <= 2100 and \
            (nxt is None or nxt.pos_ != "NOUN"):
        return None  # a year
    n = int(value)
    if prev is not None and prev.lower_ == "no" and toks[0].lower_ == "one":
        s, e = prev.idx, toks[-1].idx + len(toks[-1].text)
        return Phrase(start - 1, end, Count(0, 0, 0, "exact", doc[start - 1:end].text, s, e))  # "no one was hurt"
    qstart, qual = _qualifier(doc, start, span)
    first = doc[qstart]
    qtext = doc[qstart:end].text
    count = _qualified(n, qual, qtext, first.idx, toks[-1].idx + len(toks[-1].text))
    return Phrase(qstart, end, count)


def _qualifier(doc: Tok, start: int, span: Tok) -> tuple[int, str]:
    before = [doc[k].lower_ for k in range(max(span.start, start - 4), start)]
    for key in _QUAL_KEYS:
        words = key.split()
        if before[-len(words):] == words:
            return start - len(words), QUALIFIERS[key]
    return start, "exact"


def _qualified(n: int, qual: str, text: str, s: int, e: int) -> Count:
    if qual == "at_least":
        return Count(n, n, None, "at_least", text, s, e)
    if qual == "about_near":
        return Count(None, n, n, "about", text, s, e)
    if qual == "about":
        return Count(None, n, None, "about", text, s, e)
    if qual == "at_most":
        return Count(None, n, n, "at_most", text, s, e)
    return Count(n, n, n, "exact", text, s, e)


def _merge_ranges(doc: Tok, phrases: list[Phrase]) -> list[Phrase]:
    """'between 10 and 15', '10 to 15', '10-15', 'two or three': one range (best = the low end,
    ACLED's rule of the lowest figure)."""
    out: list[Phrase] = []
    k = 0
    while k < len(phrases):
        p = phrases[k]
        if k + 1 < len(phrases):
            q = phrases[k + 1]
            gap = [doc[x].lower_ for x in range(p.end_i, q.start_i)]
            lo, hi = p.count.best, q.count.best
            if gap in (["and"], ["to"], ["-"], ["–"], ["or"]) and lo is not None and hi is not None and lo < hi \
                    and q.count.qualifier == "exact" and p.count.qualifier in ("exact", "about") and (
                        gap != ["and"] or (p.start_i > 0 and doc[p.start_i - 1].lower_ == "between")):
                start_i = p.start_i - 1 if gap == ["and"] or (p.start_i > 0 and doc[p.start_i - 1].lower_ in
                                                               ("between", "from")) else p.start_i
                first, last = doc[start_i], doc[q.end_i - 1]
                s, e = first.idx, last.idx + len(last.text)
                out.append(Phrase(start_i, q.end_i, Count(lo, lo, hi, "range", doc[start_i:q.end_i].text, s, e)))
                k += 2
                continue
        out.append(p)
        k += 1
    return out


def _phrase_for(tok: Tok, phrases: list[Phrase]) -> Phrase | None:
    i = tok.i
    for p in phrases:
        if p.start_i <= i < p.end_i:
            return p
    left = tok.left_edge.i
    inside = [p for p in phrases if left <= p.start_i and p.end_i <= i]
    return inside[-1] if inside else None


def _is_person(tok: Tok) -> bool:
    low, lemma = tok.lower_, tok.lemma_.lower()
    if tok.pos_ == "PRON":
        return low in _PRONOUN_ONE
    if tok.pos_ == "PROPN":  # a name; not a dateline or an outlet ("KWWL", "Breaking News", "CBS4", "Pa-")
        return tok.tag_ == "NNP" and (tok.ent_type_ == "PERSON" or (
            tok.ent_type_ == "" and low not in _MEDIA_WORDS and _NAME.fullmatch(tok.text) is not None))
    if tok.tag_ not in ("NN",) and not (lemma == "old" and any(t.lower_ == "year" for t in tok.lefts)):
        return False
    return lemma in PERSON_NOUNS or low in PERSON_NOUNS or lemma == "old" or (
        lemma.endswith(("man", "woman")) and len(lemma) > 5)


def _single(tok: Tok, phrases: list[Phrase], default_one: bool) -> Count | None:
    p = _phrase_for(tok, phrases)
    if p is not None:
        return p.count
    if any(c.lower_ in ("no", "none") and c.dep_ == "det" for c in tok.children) or tok.lower_ in (
            "nobody", "none"):
        return Count(0, 0, 0, "exact", tok.text, tok.idx, tok.idx + len(tok.text))
    if default_one and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and (tok.lower_ == "another" or (
            tok.lower_ in _ORDINAL_ONE and any(c.dep_ == "det" and c.lower_ == "a" for c in tok.children))):
        # "another was injured", "one died and a second was injured"
        return Count(1, 1, 1, "exact", tok.text, tok.idx, tok.idx + len(tok.text))
    if default_one and _is_person(tok):
        left = tok.left_edge
        first = left.i if left.i >= tok.i - 4 else tok.i
        start, end = tok.doc[first].idx, tok.idx + len(tok.text)
        return Count(1, 1, 1, "exact", tok.doc[first:tok.i + 1].text, start, end)
    return None


def _single_or_appos(tok: Tok, phrases: list[Phrase], default_one: bool) -> Count | None:
    """A name the model does not take for a person may have one in apposition: "ROSEBUD, Mo. - A
    37-year-old man was shot" (the dateline parsed as the subject), "Munn, a 28-year-old man"."""
    count = _single(tok, phrases, default_one)
    if count is None:
        for c in tok.children:
            if c.dep_ == "appos":
                count = _single(c, phrases, default_one)
                if count is not None:
                    break
    return count


def count_phrase(tok: Tok, phrases: list[Phrase], *, default_one: bool = True) -> Count | None:
    """The number of people the noun phrase headed by ``tok`` names, conjuncts added up."""
    members = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
                members.append(c)
                stack.append(c)
    counts = [c for c in (_single_or_appos(m, phrases, default_one) for m in members) if c is not None]
    if not counts:
        return None
    if len(counts) == 1:
        return counts[0]
    if any(c.best is None for c in counts):
        return None
    return add_counts(counts, tok.doc)


def add_counts(counts: list[Count], doc: Tok) -> Count:
    """The sum of several counts of different people ("a man and two women")."""
    lows = [c.low for c in counts if c.low is not None]
    highs = [c.high for c in counts if c.high is not None]
    low = sum(lows) if len(lows) == len(counts) else None
    high = sum(highs) if len(highs) == len(counts) else None
    best = sum(c.best or 0 for c in counts)
    quals = {c.qualifier for c in counts}
    start = min(c.start for c in counts if c.start is not None)
    end = max(c.end for c in counts if c.end is not None)
    return Count(low, best, high, quals.pop() if len(quals) == 1 else "about",
                 doc.char_span(start, end, alignment_mode="expand").text, start, end)


_NOT_PEOPLE = {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "DATE", "TIME"}


def coordinated_arguments(verb: Tok, args: list[Tok]) -> list[Tok]:
    """Of several subjects (or objects) of one verb, those a coordinator joins ("his children as well
    as his wife were killed"); with none between them the extra ones are a misparse (a dateline
    taken for a subject, "ex - wife" split in three, a site name after "|"), and the argument
    nearest the verb is the one meant, people and numbers before other nouns, names of places and
    organisations aside ("Sergeant Tonroe from the 3rd Battalion the Parachute Regiment was killed")."""
    if len(args) < 2:
        return args
    args = [a for a in args if a.ent_type_ not in _NOT_PEOPLE] or args
    # "Schlafly, whose campaigns galvanized ... and ..., died": a person or a number before other nouns
    args = [a for a in args if _is_person(a) or a.like_num or any(c.dep_ == "nummod" for c in a.children)] or args
    doc = verb.doc
    before = sorted((a for a in args if a.i < verb.i), key=lambda a: a.i)
    after = sorted((a for a in args if a.i > verb.i), key=lambda a: a.i)

    def joined(a: Tok, b: Tok) -> bool:
        return any(t.dep_ == "cc" or t.lower_ in ("and", "&") for t in doc[a.i + 1:b.i])

    keep: list[Tok] = []
    if before:
        chain = [before[-1]]
        for a in reversed(before[:-1]):
            if not joined(a, chain[0]):
                break
            chain.insert(0, a)
        keep.extend(chain)
    if after:
        chain = [after[0]]
        for a in after[1:]:
            if not joined(chain[-1], a):
                break
            chain.append(a)
        keep.extend(chain)
    return keep

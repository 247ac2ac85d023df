"""Running totals: is a count one event's toll, or a total over many events (a statistic)?

"A car bomb killed at least 60" counts one event; "the war has claimed more than 40,000 lives",
"so far this year 312 civilians have been killed", "in March, 120 civilians were killed across the
country" count many. A total is told by what frames the count's clause, read over the parse:

- the perfect with "since", "so far", "to date" ("have been killed since the war began");
- a cause that is many events: a war, an insurgency, a campaign (strong), or violence, fighting,
  unrest, plural attacks (weak: one riot is also "the violence");
- a span of time longer than one event: "this year", "last month", "over the past decade",
  "in the first six months", "in 2013", "during the month of May", "two weeks of clashes", "the
  deadliest month" (a bare "in December" dates one past event as often as many);
- compiled records: "figures show", "according to FBI data";
- a scope over a whole country: "nationwide", "across the country";
- words that sum: "in total", "altogether", "overall".

A clause anchored to one event ("in a bomb attack", "when gunmen stormed", "on Tuesday", "a car
bomb killed", "a stabbing spree", a named person, "at Fort Hood", "since the attack") keeps its
count unless the perfect and "since" a date or a war say otherwise. Only the count's own
clause is read, so the event and the total told in one sentence ("a bomb killed three soldiers on
Friday, bringing the number killed this year to 212") stay apart.
"""

from __future__ import annotations

import re
from typing import Any

from ..numwords import VAGUE

Tok = Any  # a spaCy Token (or Span); spaCy ships no type stubs

TOLL_NOUNS = {"toll", "tally"}
#: one occurrence each: a singular one anchors a count to an event
EVENT_NOUNS = {"attack", "bombing", "blast", "explosion", "shooting", "strike", "airstrike", "raid", "ambush",
               "massacre", "clash", "crash", "fire", "bomb", "assault", "incident", "stampede", "collapse",
               "shelling", "rampage", "earthquake", "quake", "flood", "storm", "riot", "stabbing", "firefight",
               "skirmish", "battle", "standoff", "siege", "shootout"}
#: many events by nature: their toll is a total whatever the tense
_WAR_NOUNS = {"war", "conflict", "insurgency", "uprising", "invasion", "occupation", "campaign", "pandemic",
              "revolution", "intifada", "offensive", "crackdown", "rebellion", "epidemic", "civil war", "crisis"}
#: many events or one, as the rest of the clause says
_MASS_NOUNS = {"violence", "fighting", "unrest", "bloodshed", "turmoil", "hostility", "hostilities", "insecurity",
               "instability", "attacks", "bombings", "clashes", "strikes", "airstrikes", "raids", "operation",
               "operations"}
#: a single agent or weapon as subject anchors a count to its one act
_ONE_ACT_SUBJECTS = {"bomb", "bomber", "gunman", "shooter", "attacker", "assailant", "sniper", "grenade", "rocket",
                     "missile", "shell", "mine", "landmine", "car", "truck", "device", "drone", "mortar", "blast",
                     "explosion"}
_LONG_UNITS = {"year", "month", "decade", "century", "season", "quarter"}
_SHORT_UNITS = {"week", "day", "weekend", "night"}
_SPAN_MODS = {"this", "last", "past", "previous", "first", "whole", "entire", "same", "current", "next", "recent"}
_POINT_TIMES = {"yesterday", "today", "tonight", "overnight", "morning", "afternoon", "evening", "dawn", "dusk",
                "midnight", "noon", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_MONTHS = re.compile(r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                     r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$", re.I)
#: a count from compiled records sums many events ('figures show', 'according to FBI data')
_COMPILED = {"figure", "data", "datum", "statistic", "statistics", "database", "tally", "census"}
_SUM_WORDS = ("in total", "altogether", "in all", "overall", "cumulative", "combined", "all told")
_SINCE_WORDS = ("since", "so far", "to date", "thus far", "until now", "up to now", "till now")
_SCOPE_WORDS = ("nationwide", "countrywide", "across the country", "across the nation", "throughout the country",
                "across the province", "across the region", "across the state", "across the territory",
                "around the country", "across the north", "across the south", "across the east", "across the west")
_REPORTING = {"say", "report", "estimate", "tell", "show", "announce", "add", "state", "find", "put", "reveal",
              "according", "suggest", "indicate", "record", "document", "confirm"}
_EVENT_CLAUSE_MARKS = {"when", "after", "before"}
#: "the bloodiest year of the conflict saw 12,000 killed": the frame is the subject of the verb above
_FRAMES = {"see", "witness", "mark", "record"}
_NOT_AN_OCCASION = _LONG_UNITS | _SHORT_UNITS | _WAR_NOUNS | {"series", "wave", "spate", "string", "number",
                                                              "total", "row", "period", "span", "course", "line",
                                                              "way"}


#: verbs of amount: a death noun as their subject is a toll ('deaths have reached 1,200')
_AMOUNT_VERBS = {"rise", "climb", "reach", "stand", "top", "exceed", "pass", "hit", "surpass", "number", "total",
                 "jump", "increase", "grow", "mount", "soar"}


def toll_subject(tok: Tok) -> bool:
    """'Deaths this year have reached 1,200', 'injuries rose to 40': a death or injury noun without a
    number of its own, subject of a verb of amount, names a toll as 'the toll' does."""
    return tok.dep_ == "nsubj" and tok.tag_ == "NNS" and tok.head.lemma_.lower() in _AMOUNT_VERBS and not any(
        c.dep_ in ("nummod", "quantmod") for c in tok.children)


def cumulative(tok: Tok, victim: Tok, sent: Tok, count: Any) -> tuple[bool, str | None]:
    """Is this count (a ``counting.Count``) a running total (a statistic) rather than one event's
    count? And whose total?"""
    lemma = tok.lemma_.lower()
    if lemma in TOLL_NOUNS or (lemma in ("number", "total") and tok.dep_ in ("nsubj", "nsubjpass", "dobj")) \
            or toll_subject(tok):
        return _toll_noun(tok, sent)
    clause = _clause(tok)
    words = _text(clause)
    head = _clause_head(tok)
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children) or any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
    since = _has(words, _SINCE_WORDS)
    if tok.dep_ in ("conj", "acl") and " bringing the " in f" {sent.text.lower()} ":
        return True, _population(victim)
    war = _cause(clause, _WAR_NOUNS)
    span = _period(clause)
    if _anchored(head, clause):
        # "12 have been killed so far in Tuesday's attack" is that attack's toll; "since the war began",
        # "so far this year", "since 2010" still sum many events
        dated = any(s.lower_ == "since" and not _since_event(s) and any(t.ent_type_ == "DATE" for t in s.subtree)
                    for s in clause)
        return (perfect and since and (war or span or dated)), _population(victim)
    if perfect and since:
        return True, _population(victim)
    # "a soldier was killed in the war" is one death, not a total
    many = (count.best or 0) >= 2 and victim.pos_ not in ("PROPN", "PRON")
    mass = _cause(clause, _MASS_NOUNS) or any(t.tag_ == "NNS" and t.lemma_.lower() in EVENT_NOUNS
                                              and t.dep_ in ("nsubj", "pobj") for t in clause)
    scope = _has(words, _SCOPE_WORDS)
    total = _has(words, _SUM_WORDS) or any(t.lemma_.lower() in _COMPILED and t.dep_ in ("nsubj", "pobj")
                                           for t in clause)
    if many and (war or span or scope or total or (perfect and (mass or since))):
        return True, _population(victim)
    return False, None


def _toll_noun(tok: Tok, sent: Tok) -> tuple[bool, str | None]:
    """'the death toll reached 4,000' (a total) or 'the toll from Tuesday's bombing rose to 75' (one
    event's); the toll's own phrase names what it counts, then the sentence's cues."""
    text = _text(list(sent))  # "the toll has since risen" sums nothing
    cues = any(f" {c} " in text for c in _SENTENCE_CUES)
    inner = [t for t in tok.subtree if t.i != tok.i]
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass"):  # "raised the toll from the month's violence to 340"
        inner += [t for c in tok.head.children if c.dep_ == "prep" and c.lower_ in ("from", "in", "of", "since")
                  for t in c.subtree]
    day = any(t.lower_ in _POINT_TIMES for t in inner)
    one_event = day or any(t.lemma_.lower() in EVENT_NOUNS and t.tag_ != "NNS" and t.dep_ not in ("compound", "amod")
                           for t in inner)
    # "Friday's violence" is one day's; "the month's violence", "the war" are many events
    many_events = _period(inner) or _cause(inner, _WAR_NOUNS) or (not day and (_cause(inner, _MASS_NOUNS) or any(
        t.tag_ == "NNS" and t.lemma_.lower() in EVENT_NOUNS for t in inner)))
    about_event = one_event and not many_events
    mods = [t for t in tok.lefts if t.dep_ in ("amod", "compound", "nmod", "poss")
            and t.lower_ not in ("death", "casualty", "overall", "total", "final", "official", "new", "latest")
            and t.lower_ not in _SUMMED]
    population = " ".join(t.text for m in mods for t in m.subtree) or None
    if population is None:  # "the number of Iraqis killed": whose number the 'of' phrase says
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and g.lower_ not in ("people", "persons")]
        population = of[0].text if of else None
    if population is not None and any(t.lemma_.lower() in EVENT_NOUNS or t.ent_type_ == "DATE"
                                      for m in mods for t in m.subtree):
        if not _period([t for m in mods for t in m.subtree]):
            about_event, population = True, None  # "Tuesday's toll"; "this year's toll" is a total
    summed = any(t.lower_ in _SUMMED for t in tok.lefts)
    return (not about_event and (cues or population is not None or many_events or summed)), population


#: a toll so modified sums many events ('the annual toll', 'the overall death toll')
_SUMMED = {"overall", "cumulative", "total", "annual", "monthly", "yearly", "weekly", "combined", "national",
           "nationwide", "global", "worldwide"}
#: the words that made a toll noun a total before the clause reading (kept: the toll noun's clause is
#: often the whole sentence)
_SENTENCE_CUES = {"since", "so far", "to date", "in total", "altogether", "overall", "cumulative", "this year",
                  "war", "conflict", "insurgency", "uprising", "invasion", "occupation", "campaign", "pandemic",
                  "so far this year", "in all", "total", "civil war", "tally", "figures", "statistics", "data"}


def _population(victim: Tok) -> str | None:
    pop = [t for t in victim.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.like_num
           and t.lower_ not in ("people", "persons", "more", "least") and t.lower_ not in VAGUE]
    return " ".join(t.text for t in pop) or None


def _clause_head(tok: Tok) -> Tok:
    """The verb whose clause the trigger is in ('lives' in 'has claimed 40,000 lives')."""
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _clause(tok: Tok) -> list[Tok]:
    """The trigger's clause: its verb's subtree less the other clauses hanging off it ('bringing the
    number killed this year to 212'), plus the adjuncts of a reporting verb above it ('In March, the
    mission said 120 were killed'), or the noun a relative clause hangs off."""
    head = _clause_head(tok)
    skip: set[int] = set()
    for c in head.children:
        if c.dep_ in ("conj", "relcl", "ccomp", "parataxis", "advcl", "acl") and c.pos_ in ("VERB", "AUX") \
                and tok.i not in {t.i for t in c.subtree} and not _since_clause(c):
            skip.update(t.i for t in c.subtree)
    out = [t for t in head.subtree if t.i not in skip]
    up = head.head
    if head.dep_ in ("ccomp", "conj") and up.lemma_.lower() in _REPORTING:  # "figures show 230 were shot"
        out += [c for c in up.children if c.dep_ == "nsubj"]
    if head.dep_ == "pcomp" and up.lower_ == "with":  # "the deadliest year ..., with 70 killed"
        out += [t for t in up.head.subtree if t.i not in skip]
    if head.dep_ == "relcl":  # "the car bomb that killed 43", "a campaign that has killed 700": what 'that' is
        out.append(up)
    if head.dep_ in ("ccomp", "conj", "xcomp", "oprd") and up.lemma_.lower() in _REPORTING | _FRAMES:
        deps = ("prep", "npadvmod", "advmod", "nsubj") if up.lemma_.lower() in _FRAMES else ("prep", "npadvmod",
                                                                                             "advmod")
        out += [t for c in up.children if c.dep_ in deps for t in c.subtree]
    return sorted(out, key=lambda t: t.i)


def _since_clause(c: Tok) -> bool:
    return c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children)


def _text(tokens: list[Tok]) -> str:
    """The tokens as lower-case words; 'since' as a bare adverb ('he has since died': since then)
    left out, for it starts no period."""
    return " " + " ".join(t.lower_ for t in tokens if not (t.lower_ == "since" and t.dep_ == "advmod"
                                                          and not list(t.children))) + " "


def _has(words: str, phrases: tuple[str, ...]) -> bool:
    return any(f" {p} " in words for p in phrases)


def _cause(tokens: list[Tok], nouns: set[str]) -> bool:
    """A war (or violence, fighting) heading a subject or a prepositional object: 'the war has
    claimed', 'during the conflict', 'in the violence' (not 'war-torn' or 'a war crimes court')."""
    for t in tokens:
        if t.dep_ not in ("nsubj", "nsubjpass", "pobj", "poss", "dobj") or t.pos_ not in ("NOUN", "PROPN"):
            continue
        if t.lemma_.lower() in nouns or t.lower_ in nouns:
            return True
    return False


def _period(tokens: list[Tok]) -> bool:
    """A span of time longer than one event: 'this year', 'last month', 'the past decade', 'the first
    six months', 'two weeks of clashes', 'in 2013', 'in January', 'the month's violence'."""
    for t in tokens:
        lemma = t.lemma_.lower()
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if lemma in _LONG_UNITS | _SHORT_UNITS and t.pos_ == "NOUN":
            after = t.doc[t.i + 2] if nxt is not None and nxt.text == "-" and t.i + 2 < len(t.doc) else None
            if after is not None and after.lower_ == "long" and lemma not in ("day", "night"):
                return True  # "the month-long operation"
            if nxt is not None and (nxt.lower_ in ("ago", "old", "later", "earlier") or nxt.text == "-"):
                continue  # "a year ago" is a point in time, "a 25-year-old" an age
            mods = {c.lower_ for c in t.children}
            if lemma in _LONG_UNITS | {"week"} and ((nxt is not None and nxt.lower_ == "of") or any(
                    c.tag_ == "JJS" for c in t.children)):
                return True  # "a year of attacks", "the deadliest month"
            before = t.doc[t.i - 1].lower_ if t.i > 0 else ""
            if before in ("every", "each", "per") or (before == "a" and t.dep_ == "npadvmod"):
                return True  # "60 are killed every month", "30 people a day": a rate over many events
            if "the" in mods and t.head.lower_ in ("for", "over", "throughout", "during", "of") and t.dep_ == "pobj" \
                    and (lemma == "week" or lemma in _LONG_UNITS):
                return True  # "the toll for the week", "the first half of the year" ("over the weekend" may be one)
            if lemma in _LONG_UNITS and (mods & _SPAN_MODS or t.tag_ == "NNS" or any(
                    c.dep_ == "case" for c in t.children) or (t.i > 0 and t.doc[t.i - 1].lower_ == "the"
                                                              and nxt is not None and nxt.lower_ == "'s")):
                return True  # "this year", "months", "this year's", "the month's"
            if lemma in _SHORT_UNITS and (t.tag_ == "NNS" or mods & {"past", "whole", "entire", "first"}):
                return True  # "the past week", "three days of fighting"
        # "during the month of May", "throughout March", "between January and June", "in January alone";
        # a bare "in December" as often dates one event ("shot dead 14 people in San Bernardino in December")
        if _MONTHS.match(t.text) and t.ent_type_ == "DATE" and t.pos_ == "PROPN" and not _day_in_month(t) and (
                t.head.lower_ in ("during", "of", "throughout", "between") or (nxt is not None and nxt.lower_ == "alone")):
            return True
        if t.text.isdigit() and len(t.text) == 4 and t.head.lower_ in ("in", "during", "throughout", "of") and \
                t.ent_type_ == "DATE":  # "in 2013", "the first half of 2015"
            return True
    return False


def _day_in_month(t: Tok) -> bool:
    """'March 3' names a day; 'March' or 'March 2014' a month."""
    return any(c.like_num and len(c.text) <= 2 for c in t.children) or (
        t.i + 1 < len(t.doc) and t.doc[t.i + 1].like_num and len(t.doc[t.i + 1].text) <= 2)


def _one_actor(t: Tok, head: Tok) -> bool:
    """The clause's subject is one agent acting once: 'a stabbing spree', 'a married couple', a
    named person ('Hasan, who killed 13 at Fort Hood in 2009'); not 'a wave of attacks'."""
    if t.dep_ != "nsubj" or (t.head.i != head.i and not (head.dep_ == "relcl" and t.i == head.head.i)):
        return False
    if t.lower_ in ("who", "that", "which") and head.dep_ == "relcl":
        t = head.head
    if t.ent_type_ == "PERSON":
        return True
    return t.tag_ == "NN" and t.lemma_.lower() not in _NOT_AN_OCCASION | _MASS_NOUNS and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)


def _since_event(since: Tok) -> bool:
    """'since the attack', 'since Monday's shooting': a phrase after 'since' naming one event."""
    inner = [t for t in since.subtree if t.i != since.i]
    return not any(t.ent_type_ == "DATE" and t.lower_ not in _POINT_TIMES for t in inner) and any(
        t.lemma_.lower() in EVENT_NOUNS and t.tag_ == "NN" and t.dep_ not in ("compound", "amod") for t in inner)


def _anchored(head: Tok, clause: list[Tok]) -> bool:
    """Is the clause tied to one event: a day ('on Tuesday', 'Tuesday's'), a singular event noun ('in a
    bomb attack'), one weapon or attacker as subject, 'at a wedding', or a 'when' clause?"""
    # "since Saturday", "since the December 2012 rampage at Sandy Hook" start a period; "since the
    # attack", "since Monday's shooting" (an event, dated by no more than a day) tie the count to it
    start = {t.i for s in clause if s.lower_ == "since" and not _since_event(s) for t in s.subtree if t.i != s.i}
    for t in clause:
        low, lemma = t.lower_, t.lemma_.lower()
        if t.i in start:
            continue
        if t.ent_type_ in ("DATE", "TIME") and (low in _POINT_TIMES or (
                _MONTHS.match(t.text) and _day_in_month(t))):
            return True
        if lemma in EVENT_NOUNS and t.tag_ == "NN" and t.dep_ not in ("compound", "amod"):
            return True
        if t.dep_ in ("nsubj", "agent") and t.tag_ == "NN" and lemma in _ONE_ACT_SUBJECTS:
            return True
        if _one_actor(t, head):
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "at" and t.pos_ == "PROPN":
            return True  # "at Fort Hood", "at the Brussels airport": one site
        if t.dep_ == "pobj" and t.tag_ == "NN" and t.head.lower_ in ("at", "in", "on", "near", "outside", "inside") \
                and lemma not in _NOT_AN_OCCASION and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                          for c in t.children):
            return True
        if low in _EVENT_CLAUSE_MARKS and t.dep_ in ("mark", "advmod") and t.head.pos_ in ("VERB", "AUX"):
            return True  # "... in March when security forces fired" (the clause may hang off "March")
    return any(c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in _EVENT_CLAUSE_MARKS
                                         for m in c.children) for c in head.children)

"""Who did it and to whom: the event coder's argument finding over the dependency parse.

Subjects are actors, objects and target prepositions recipients; passives swap ("were backed by U.S.
planes": U.S. planes is the actor); conjuncts give several actors; pronouns take the nearest earlier
actor; controlled and coordinated verbs inherit their governor's subject. The fallbacks for an empty
recipient and the countries of generic agents are in ``event_targets``; the trigger side (which words are
events and their codes) lives in ``events``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..coding import wordlists as W
from ..coding.lexicon import Lexicon
from ..coding.syntax import arg_span, conjuncts, lem
from ..records import Actor, Annotation
from .event_clauses import before_clause, misread_main, stative

#: CAMEO roots of conflictual acts (the conflict quad classes, investigating 09 to fighting 20): an
#: "against"/"on" phrase names what they are aimed at, party or thing.
_HOSTILE = frozenset({"09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"})


class RoleFinder:
    """Per-sentence state and the argument finders; the sentence coder builds on it."""

    def __init__(self, lexicon: Lexicon, ann: Annotation, sentence: Any, span: Any,
                 by_head: dict[int, list[Actor]], mentions: list[tuple[int, int, Actor]]) -> None:
        self.lex = lexicon
        self.ann = ann
        self.text = ann.document.text
        self.sentence_countries: set[str] | None = None
        self.had_object = False  # the last verb had an object, even if not a party ("lifted the curfew")
        self.actorlike: set[tuple[int, int]] = set()  # argument spans headed by a party (coded, named, pronoun)
        self.sentence = sentence
        self.span = span
        self.toks = list(span)  # type: ignore[call-overload]
        self.words = [t.lower_ for t in self.toks]
        self.offset = self.toks[0].i if self.toks else 0
        self.by_head = by_head
        self.mentions = mentions

    def _verb_args(self, t: Any) -> tuple[list[Actor], list[Actor]]:
        v = t  # type: ignore[assignment]
        actors: list[Actor] = []
        recipients: list[Actor] = []
        passive = False
        objects: list[Actor] = []
        event_object = False
        state = stative(v)  # "Japan is opposed to X": the subject opposes, it is not acted on
        for c in v.children:
            if c.dep_ in W.SUBJ or state and c.dep_ == "nsubjpass":
                for h in conjuncts(c):
                    actors.extend(self._code_arg(h))
            elif c.dep_ in ("nsubjpass",):
                passive = True
                for h in conjuncts(c):
                    recipients.extend(self._code_arg(h))
            elif c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        for h in conjuncts(g):
                            actors.extend(self._code_arg(h))
            elif c.dep_ in W.OBJ or c.dep_ == "oprd" and c.pos_ == "PROPN":  # "called Lavrov to discuss"
                objects.extend(self._coordinated(c, allow_event_noun=False))
                event_object = event_object or any(h.pos_ == "NOUN" and lem(h) in self.lex.nouns
                                                   for h in conjuncts(c))
            elif (c.dep_ == "conj" and c.pos_ == "PROPN" and objects and (objects[0].start, objects[0].end)
                    in self.actorlike):
                # "outlawed the ANC and the PAC" with the second name hung on the verb by the parser
                objects.extend(self._coordinated(c, allow_event_noun=False))
        if not passive:
            # the coded party wins over a thing ("granted asylum to five officers", "offered to hand X to Y")
            preps = self._verb_preps(v)
            for c in v.children:  # "filed a lawsuit against X", "rejected a request for X's extradition"
                if c.dep_ in W.OBJ:
                    # "denied charges by X" with "by X" hung on the verb by the parser: still the charge's maker
                    hung = [p for p in v.children if p.dep_ in ("prep", "agent") and p.lower_ in ("by", "from")
                            and p.i > c.i] if lem(c) in W.CLAIMS else []
                    for pp in [*c.children, *hung]:
                        if pp.dep_ in ("prep", "agent") and pp.lower_ in W.OBJ_PREPS and not (
                                lem(v) in W.ACCUSE and pp.lower_ in ("of", "for")):  # the charge names no party
                            found = [a for g in pp.children if g.dep_ == "pobj"
                                     for a in self._coordinated(g, allow_event_noun=False)]
                            if pp.lower_ in ("by", "from") and lem(c) in W.CLAIMS:
                                # whoever makes a charge or a demand is a party ("denied charges by clergymen")
                                self.actorlike.update((a.start, a.end) for g in pp.children if g.dep_ == "pobj"
                                                      for h in self._conj_heads(g)
                                                      if (h is g or h.pos_ == "PROPN") and lem(h) not in self.lex.nouns
                                                      for a in self._code_arg(h, allow_event_noun=False))
                            if pp.lower_ in ("in", "at") and c.pos_ == "PROPN" and c.ent_type_ == "PERSON":
                                continue  # "will meet Trump in Washington": where the person is, no party
                            if pp.lower_ == "in" and (lem(c) in W.POSTED or any(
                                    q.dep_ == "prep" and q.lower_ in W.VERB_TARGET_PREPS for q in c.children)):
                                # "filed a lawsuit in a Paris court against X": where, beside whom; "summoned
                                # the ambassador in Berlin": where the envoy is posted
                                continue
                            if pp.lower_ == "of" and found and not self.by_head.get(c.i) and c.pos_ == "NOUN" and (
                                    self.lex.verbs.get((lem(v), "")) or "")[:2] in ("18", "19", "20"):
                                # "shelled positions of the group": what an attack hits is the thing of the party
                                whole = self._whole(c, found[:1])
                                if whole[0].start < found[0].start:
                                    self.actorlike.add((whole[0].start, whole[0].end))
                                    found = whole + found[1:]
                            preps.extend(found)
            # recipients are parties, not things: "lifted the ban on the LTTE" -> the LTTE
            coded = [a for a in objects + preps if (a.start, a.end) in self.actorlike]
            if not coded and lem(v) in W.JUDGE:
                # "accused the legislation of attacking civil society": whom or what is judged, party or not,
                # before any party named deep inside it
                coded = [a for a in objects if not self._quantity_or_date(a)]
            if lem(v) in W.EXPEL and any((a.start, a.end) in self.actorlike for a in objects):
                # "deported 2,000 migrants to Honduras", "expelled a diplomat": the people removed
                coded = [a for a in objects if (a.start, a.end) in self.actorlike]
            elif lem(v) in W.TRANSFER:
                # "sent troops to Syria", "withdrew its forces from the territory of Kashmir": the place or
                # party at the other end, not the actor's own troops
                ends = [a for a in preps if (a.start, a.end) in self.actorlike]
                supplied = [a for a in objects if (a.start, a.end) in self.actorlike and not self._own_force(a, generic=True)]
                if supplied and any(c.dep_ == "prep" and c.lower_ == "with" for c in v.children):
                    ends = supplied  # "provided the Ukrainian army with drones": the object receives the thing
                if not ends:
                    for c in v.children:
                        if c.dep_ == "prep" and c.lower_ in W.TRANSFER_PREPS | {"to"}:
                            ends.extend(a for g in c.children if g.dep_ == "pobj" for a in self._inner_party(g)
                                        if self._near(a, g))
                if not ends:
                    # "sent supplies and personnel such as doctors to Nepal": "to" hung deep in the object
                    ends = [a for tok in v.subtree if tok.i > v.i and tok.dep_ == "pobj" and tok.head.lower_ == "to"
                            and self.by_head.get(tok.i) and any(x.country for x in self.by_head[tok.i])
                            for a in self._code_arg(tok)][:1]
                if not ends and (lem(v) in W.HAND_OVER or not any((a.start, a.end) in self.actorlike for a in objects)):
                    # "returned the painting to its owner", "sent drugs to the hospital": a thing handed over,
                    # the one it goes to is the target even when no dictionary codes it ("returned a Hebrew
                    # Bible to its owners": whatever the object's adjective codes)
                    ends = [a for c in v.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                            for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")
                            and lem(g) not in self.lex.nouns and lem(g) not in W.ABSTRACT
                            and not any(p.dep_ == "prep" and p.lower_ == "of" for p in g.children)
                            for a in self._coordinated(g, allow_event_noun=False)]
                own = {(a.start, a.end) for a in objects if self._own_force(a, generic=True)}
                coded = ends or [a for a in coded if (a.start, a.end) not in own]
                if not coded and own:
                    # "withdraw its troops from Abyei": with its own force moved, the place is what is acted on
                    coded = [a for c in v.children if c.dep_ == "prep" and c.lower_ in W.TRANSFER_PREPS | {"to"}
                             for g in c.children if g.dep_ == "pobj" for a in self._code_arg(g)]
            elif lem(v) in W.FORCE_VERBS:
                coded = [a for a in coded if not self._own_force(a, generic=True)]
                if not coded:
                    # "strengthened its forces in the Gulf": where its own forces are built up
                    coded = [a for c in v.children if c.dep_ in W.OBJ for p in c.children
                             if p.dep_ == "prep" and p.lower_ in W.IN_PLACE for g in p.children
                             if g.dep_ == "pobj" for a in self._code_arg(g)]
            if not coded:
                for c in v.children:
                    if c.dep_ == "xcomp" and c.pos_ == "VERB":
                        coded.extend(a for a in self._verb_objects(c) if (a.start, a.end) in self.actorlike)
            if not coded:
                # a party named inside the object: "withdrew peacekeepers from Liberia", "blockades in the West Bank"
                for c in v.children:
                    if c.dep_ in W.OBJ:
                        coded.extend(self._whole(c, self._inner_party(c)))
                    elif c.dep_ == "xcomp":  # "refuses to lift the ban on Cypriot ships"
                        for cc in c.children:
                            if cc.dep_ in W.OBJ:
                                coded.extend(self._whole(cc, self._inner_party(cc)))
                    if coded:
                        break
            recipients.extend(coded)
            self.had_object = bool(objects or preps) or event_object  # "violated the ceasefire"
        if passive and lem(v) in W.TRANSFER and (lem(v) in W.HAND_OVER or not any(
                (a.start, a.end) in self.actorlike for a in recipients)):
            # "a looted statue was returned to the Iraqi government": a thing handed over, the party it goes to
            # is the target
            ends = [a for c in v.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                    for g in c.children if g.dep_ == "pobj" for a in self._coordinated(g, allow_event_noun=False)
                    if (a.start, a.end) in self.actorlike]
            recipients = ends or recipients
        if passive and not actors and lem(v) in W.DEPLOY and recipients and all(
                {"MIL", "COP"} & set((a.sector or "").split()) for a in recipients):
            # "peacekeepers are being deployed to relieve X": with no one named as sender, the force deployed
            # acts, on the place or party it goes to or the one its purpose clause names
            actors = recipients
            recipients = [a for c in v.children if c.dep_ == "prep" and c.lower_ in ("to", "in", "into")
                          for g in c.children if g.dep_ == "pobj" for a in self._coordinated(g)] or [
                a for c in v.children if c.dep_ in ("advcl", "xcomp") for a in self._verb_objects(c)]
        if not actors and not passive:
            actors.extend(self._inherited_subject(v))
        if not actors and not passive and v.dep_ == "ROOT":
            # "..., USAID provided shelter to X" with the name tagged as an adverb: a coded or upper-case word
            # right before a subjectless main verb is its subject
            prev = [c for c in v.lefts if c.i == v.i - 1 and c.dep_ in ("advmod", "npadvmod", "amod", "dep")
                    and (c.i in self.by_head or c.text.isupper() and len(c.text) > 1)]
            actors.extend(a for c in prev for a in self._code_arg(c))
        return actors, recipients

    def _quantity_or_date(self, a: Actor) -> bool:
        """The phrase is headed by a date, time, amount or number ("last week", "$5 million"), no party."""
        span = self.ann.doc.char_span(a.start, a.end, alignment_mode="expand")  # type: ignore[attr-defined]
        return span is None or not len(span) or span.root.ent_type_ in W.NOT_ACTORS

    def _named(self, a: Actor) -> bool:
        span = self.ann.doc.char_span(a.start, a.end, alignment_mode="expand")  # type: ignore[attr-defined]
        return span is not None and any(t.ent_type_ in W.ACTOR_ENTS for t in span)

    def _whole(self, outer: Any, found: list[Actor]) -> list[Actor]:
        """The thing acted on, up to the party inside it: "struck an arms depot of the Syrian army" targets
        the depot of the army, as event coders mark it, not the army alone."""
        if not found or not self._owned_by(outer, found[0]):
            return found
        doc = outer.doc
        lo, _ = arg_span(outer)
        start = doc[lo].idx
        first = found[0]
        if first.start <= start:
            return found
        return [replace(first, text=self.text[start:first.end], start=start)] + found[1:]

    def _owned_by(self, outer: Any, party: Actor) -> bool:
        """The party owns or authored the thing: "the depot of the army", "the army's depot", "a proposal
        by X", "a resolution drafted by X"; not a thing merely aimed at it ("sanctions on X", "aid to X")."""
        span = self.ann.doc.char_span(party.start, party.end, alignment_mode="expand")  # type: ignore[attr-defined]
        if span is None or not len(span):
            return False
        tok = span.root
        if tok.head.i == outer.i:
            return tok.dep_ == "poss"
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in ("of", "by", "from"):
            return False
        if prep.head.i == outer.i:
            return True
        verb = prep.head  # "proposed by X", "submitted by X"
        return prep.dep_ == "agent" and verb.dep_ == "acl" and verb.head.i == outer.i

    def _near(self, a: Actor, g: Any) -> bool:
        """The party names the place itself ("the territory of Kashmir", "Kashmir's border"), not something
        further down ("a move after the expulsion of a diplomat")."""
        span = self.ann.doc.char_span(a.start, a.end, alignment_mode="expand")  # type: ignore[attr-defined]
        if span is None or not len(span):
            return False
        tok = span.root
        return tok.head.i == g.i or (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i == g.i)

    def _inner_party(self, h: Any) -> list[Actor]:
        for tok in h.subtree:
            if tok.i != h.i and tok.i in self.by_head and tok.dep_ in ("pobj", "poss", "compound", "nmod"):
                return [a for c in conjuncts(tok) for a in self._code_arg(c)]  # "to Iran, Libya and Cuba"
        return []

    def _verb_objects(self, v: Any) -> list[Actor]:
        out: list[Actor] = []
        for c in v.children:  # type: ignore[attr-defined]
            if c.dep_ in W.OBJ:
                for h in conjuncts(c):
                    out.extend(self._code_arg(h, allow_event_noun=False))
        return out + self._verb_preps(v)

    def _object_codes(self, v: Any) -> list[str]:
        """CAMEO codes of the event nouns ``v`` takes as objects ("launched attacks", "held talks")."""
        out = []
        for o in v.children:  # type: ignore[attr-defined]
            if o.dep_ in W.OBJ and o.pos_ == "NOUN":
                nc = self.lex.noun_code(lem(o), {lem(m) for m in o.children if m.dep_ in ("compound", "amod", "nmod")})
                if nc is not None:
                    out.append(nc.code)
        return out

    def _venue(self, v: Any, prep: Any) -> bool:
        """An "at" phrase of a meeting whose counterpart is named is where they meet, not a third party ("met
        the Russian president at the Kremlin", "will meet the Mexican president at the White House"); a visit "at" a place still aims at it."""
        if prep.lower_ != "at":
            return False
        codes = [self.lex.verbs.get((lem(v), "")) or "", *self._object_codes(v)]
        if not any(code[:2] == "04" for code in codes):
            return False
        return any(o.dep_ in W.OBJ and (o.pos_ == "PROPN" or o.ent_type_ in W.ACTOR_ENTS or o.i in self.by_head)
                   or o.dep_ == "prep" and o.lower_ == "with"
                   or o.dep_ in W.OBJ and any(p.dep_ == "prep" and p.lower_ == "with" for p in o.children)
                   for o in v.children)

    def _verb_preps(self, v: Any) -> list[Actor]:
        out: list[Actor] = []
        preps = W.VERB_TARGET_PREPS | W.TRANSFER_PREPS if lem(v) in W.TRANSFER else W.VERB_TARGET_PREPS
        if any(code[:2] in _HOSTILE for code in self._object_codes(v)):
            # "launched cyber-attacks on dozens of hospitals", "opened investigations against several banks"
            # with the phrase hung on the verb by the parser: what a hostile act is aimed at is its target,
            # named party or not (as when the phrase hangs on the noun)
            self.actorlike.update((r.start, r.end) for c in v.children if c.dep_ == "prep"
                                  and c.lower_ in ("against", "on") for g in c.children
                                  if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and lem(g) not in W.ABSTRACT
                                  for r in self._coordinated(g, allow_event_noun=False))
        for c in v.children:  # type: ignore[attr-defined]
            if self._venue(v, c):
                continue
            if c.dep_ == "prep" and c.lower_ in preps:
                for g in c.children:
                    if g.dep_ == "pobj":
                        out.extend(self._coordinated(g, allow_event_noun=False))
        return out

    def _conj_heads(self, head: Any) -> list[Any]:
        """``conjuncts``, also when the parser hangs the next conjunct on an apposition ("the space agency
        Glavkosmos and the Indian Space Research Organization")."""
        heads = conjuncts(head)
        for a in head.children:
            if a.dep_ == "appos":
                heads += [c for c in conjuncts(a)[1:] if c not in heads]
        return heads

    def _coordinated(self, head: Any, allow_event_noun: bool = True) -> list[Actor]:
        """The parties of a coordination; a conjunct the dictionaries miss is a party when another one is
        ("the Syrian army and its ally Hezbollah", "Reuters and two local firms")."""
        heads = self._conj_heads(head)
        groups = [self._code_arg(h, allow_event_noun=allow_event_noun) for h in heads]
        if len(groups) > 1 and any((a.start, a.end) in self.actorlike for g in groups for a in g):
            # only named conjuncts: "the army and other positions" adds a thing, not a party
            self.actorlike.update((a.start, a.end) for h, g in zip(heads, groups, strict=True) for a in g
                                  if h.pos_ == "PROPN" or h.ent_type_ in W.ACTOR_ENTS or any(
                                      c.dep_ == "appos" and c.pos_ == "PROPN" for c in h.children))
            # ("its ally Hezbollah": a common noun named by its apposition is a party too)
        return [a for g in self._one_group(heads, groups) for a in g]

    def _one_group(self, heads: list[Any], groups: list[list[Actor]]) -> list[list[Actor]]:
        """Common nouns coordinated under one determiner or number are one group ("a doctor and nurse",
        "40 journalists and activists", "farmers or herders"): one span over both, as event coders mark it.
        A conjunct with its own determiner, modifier or name stays apart ("the army and the police")."""
        merged: list[list[Actor]] = groups[:1]
        for prev, h, g in zip(heads[:-1], heads[1:], groups[1:], strict=True):
            last = merged[-1][-1] if merged and merged[-1] else None
            end = max((a.end for a in g), default=0)
            if (last is None or end <= last.end or h.pos_ != "NOUN" or prev.pos_ != "NOUN"
                    or not h.text[:1].islower()
                    or any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in h.children)):
                merged.append(g)
                continue
            group = replace(last, end=end, text=self.text[last.start:end])
            if (last.start, last.end) in self.actorlike or any((a.start, a.end) in self.actorlike for a in g):
                self.actorlike.add((group.start, group.end))
            merged[-1] = [*merged[-1][:-1], group]
        return merged

    def _subjects(self, v: Any, passive: bool = False) -> list[Actor]:
        """Who does ``v``; with ``passive``, also who undergoes it ("hope that the plan will be adopted")."""
        out: list[Actor] = []
        for c in v.children:  # type: ignore[attr-defined]
            if c.dep_ in W.SUBJ or (passive or stative(v)) and c.dep_ == "nsubjpass":
                for h in conjuncts(c):
                    out.extend(self._code_arg(h))
            elif c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        out.extend(self._code_arg(g))
        return out or self._inherited_subject(v)

    def _inherited_subject(self, v: Any) -> list[Actor]:
        """Subject of a controlled, coordinated or relative-clause verb ("agreed to withdraw", "who attacked")."""
        t = v  # type: ignore[assignment]
        for _ in range(3):
            dep, head = t.dep_, t.head
            if head.i == t.i:
                return []
            if dep == "pcomp" and head.dep_ == "prep" and t.tag_ == "VBG" and (
                    head.head.pos_ in ("VERB", "AUX") or head.head.dep_ == "acomp"):
                # "resorted to throwing stones", "is guilty of violating the truce": the verb's subject acts
                t, dep, head = head, "xcomp", head.head
            if dep == "relcl" and head.pos_ in ("NOUN", "PROPN"):
                return self._code_arg(head)
            if dep == "xcomp" and lem(head) not in W.MEANS_VERBS:  # "used tear gas to disperse": the user acts
                objs = [c for c in head.children if c.dep_ in ("dobj", "obj")]
                if objs:
                    return self._code_arg(objs[0])  # "urged X to withdraw": X withdraws
            if dep == "acl" and (root := misread_main(t)) is not None:
                return before_clause(self._code_arg(root), t, self.text)  # "Doctors from X donated ..."
            if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
                # "the air force carried out strikes" parsed as a noun with a clause; not "troops backed by"
                if t.tag_ == "VBN" or any(c.dep_ == "agent" for c in t.children):
                    return []
                if head.dep_ in ("dobj", "pobj") and lem(head) in W.MESSAGES:
                    # "issued a statement urging X": the one who issued it urges
                    gov = head.head.head if head.dep_ == "pobj" else head.head
                    return self._subjects(gov) if gov.pos_ in ("VERB", "AUX") else []
                if t.tag_ == "VB" and (lem(head) in W.FRAMES or lem(head) in W.RESOLVE_NOUNS):
                    # "its commitment to support X", "launched a mediation effort to resolve the rift": the
                    # noun's owner, or whoever made it, does the act
                    owner = [a for c in head.children if c.dep_ == "poss" for a in self._code_arg(c)]
                    gov = head.head.head if head.dep_ == "pobj" else head.head
                    if owner:
                        return owner
                    if head.dep_ in ("dobj", "pobj") and gov.pos_ in ("VERB", "AUX"):
                        return self._subjects(gov)
                return self._code_arg(head)
            if dep not in ("xcomp", "conj", "advcl", "ccomp", "acomp"):
                return []  # "acomp": "Norway is willing to send": send <- willing <- is <- Norway
            subj = [c for c in head.children if c.dep_ in W.SUBJ]
            if subj:
                out: list[Actor] = []
                for s in subj:
                    for h in conjuncts(s):
                        out.extend(self._code_arg(h))
                return out
            if dep in ("advcl", "ccomp"):
                return []
            t = head
        return []

    def _code_arg(self, head: Any, allow_event_noun: bool = True) -> list[Actor]:
        h = head  # type: ignore[assignment]
        doc = h.doc
        if h.pos_ == "ADJ" and h.dep_ in ("oprd", "acomp", "dobj") and h.ent_type_ != "NORP":
            return []  # "held captive", "set free": a state, not a party ("the Irish" stays)
        if h.dep_ == "dative" and h.pos_ == "ADP":
            # "granted asylum to Julian Assange": the parser hangs "to" on the verb as its dative
            return [a for g in h.children if g.dep_ == "pobj" for c in conjuncts(g)
                    for a in self._code_arg(c, allow_event_noun)]
        if h.pos_ == "NOUN" and lem(h) in self.lex.nouns:
            # "agreed to a ceasefire with the RSF": the party is inside the event noun's phrase
            inner = [g for c in h.children if c.dep_ == "prep" and c.lower_ in W.TARGET_PREPS
                     for g in c.children if g.dep_ == "pobj"]
            found = [a for g in inner for a in self._code_arg(g)]
            if not found and not allow_event_noun:
                # "conceded to demands from the association", "rejected accusations by X": reacting to a
                # party's demand or charge targets that party
                found = [a for c in h.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                         for g in c.children if g.dep_ == "pobj" for a in self._code_arg(g)]
            # a named party's own event is its phrase ("the OPCW visit", "Hamas's demand"); "joint military
            # exercises" is no party
            owned = any(c.dep_ in ("poss", "compound", "nmod", "amod") and (c.pos_ == "PROPN" or c.ent_type_ in W.ACTOR_ENTS)
                        for c in h.children)
            if found or not (allow_event_noun or owned):
                return found
        if lem(h) == "state" and any(p.dep_ == "prep" and p.lower_ == "of" and any(
                g.dep_ == "pobj" and (lem(g) in self.lex.nouns or lem(g) == "emergency") for g in p.children)
                for p in h.children):
            return []  # "lifted the state of emergency": a measure, not the state as a party
        lo, hi = arg_span(h)
        for c in h.children:
            charge = (c.dep_ == "prep" and c.lower_ in ("of", "for") and h.dep_ in W.OBJ
                      and lem(h.head) in W.ACCUSE)  # "accused the army of killings": the charge, not the party
            if charge and h.i < c.i < hi or \
                    c.dep_ == "acl" and h.i < c.i < hi and not any(g.dep_ == "agent" for g in c.children) \
                    and lem(c) not in W.STATIONED:
                # "Trump's decision to recognise Jerusalem", "a blogger arrested last week": the clause says
                # what the party did or underwent, it is not part of the party ("a plan drafted by X" stays)
                hi = c.left_edge.i
                while hi - 1 > h.i and doc[hi - 1].is_punct:
                    hi -= 1
        if h.pos_ == "PROPN" and h.ent_type_ == "PERSON":  # a named person is not known by where he is
            hi = min([hi] + [c.i for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "at") and c.i > h.i])
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "to") and c.i >= hi and lem(h) in W.ENVOYS:
                hi = max(hi, c.right_edge.i + 1)  # "a spokesman for the Taliban", "the ambassador to Britain"
        for c in h.children:
            if c.dep_ == "appos" and c.i >= hi and (c.pos_ == "PROPN" or c.pos_ == "NOUN" and h.dep_ in W.SUBJ):
                # "his Lebanese counterpart, Michel Aoun": the name in apposition is the same party; not a
                # speaker the parser hung there ("... from Syria, Defence Minister Sergei Shoigu said")
                end = arg_span(c)[1]
                if not (end < len(doc) and doc[end].lemma_.lower() in ("say", "tell", "add", "announce")):
                    hi = max(hi, end)
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        text = self.text[start:end]  # Doc.text rebuilds the whole string on every access
        if h.pos_ == "PRON" or h.lower_ in W.PRONOUNS:
            if h.lower_ not in W.PRONOUNS:
                return []
            self.actorlike.add((start, end))
            ante = self._syntactic_antecedent(h) or self._antecedent(h, self._own_subject(h))
            if ante is None:
                return [Actor(text=text, start=start, end=end, name=h.text)]
            if ante.start >= self.sentence.start:  # type: ignore[attr-defined]
                # resolved within the sentence: the actor's mention is the antecedent ("NAF says it killed"),
                # spanned as its phrase ("called President Erdogan of Turkey and urged him")
                span = self.ann.doc.char_span(ante.start, ante.end, alignment_mode="expand")  # type: ignore[attr-defined]
                whole = [a for a in self._code_arg(span.root) if a.start <= ante.start and ante.end <= a.end
                         and a.country == ante.country] if span is not None and len(span) and \
                    span.root.pos_ != "PRON" and span.root.lower_ not in W.PRONOUNS else []
                ante = whole[0] if len(whole) == 1 else ante
                self.actorlike.add((ante.start, ante.end))
                return [ante]
            return [Actor(text=text, start=start, end=end, name=ante.name, country=ante.country,
                          sector=ante.sector, code=ante.code)]
        of_noun = None
        if lem(h) in W.QUANT or h.pos_ == "NUM":
            # "scores of Liberian refugees", "thousands of students": the "of" noun is the actor
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    of_noun = next((g for g in c.children if g.dep_ == "pobj"), None)
        if h.ent_type_ in W.NOT_ACTORS and h.pos_ != "PRON" and of_noun is None:
            return []  # "on Sunday", "last year"
        coded = self.by_head.get(h.i)
        if not coded and of_noun is not None:
            coded = self.by_head.get(of_noun.i)
        named = h.pos_ == "PROPN" and not h.ent_type_ and h.lower_.rstrip(".") not in W.CALENDAR  # "Pablo Moncayo"
        if coded or h.ent_type_ in W.ACTOR_ENTS or named or any(
                c.dep_ == "poss" and (self.by_head.get(c.i) or c.ent_type_ in W.ACTOR_ENTS) for c in h.children):
            self.actorlike.add((start, end))
        if coded:
            ethnic = any(c.lower_ == "ethnic" for c in h.children)
            out = []
            for a in coded:
                country = a.country
                if country is None or ethnic:
                    # "rebels in the Ivory Coast", "ethnic Albanians in south Serbia": the place gives the country
                    country = self._country_within(h) or country
                out.append(Actor(text=text, start=start, end=end, name=a.name, country=country, sector=a.sector,
                                 code=a.code if country == a.country else (country or "") + "".join(
                                     (a.sector or "").split())))
            return out
        if h.pos_ not in ("NOUN", "PROPN", "NUM", "X", "ADJ"):
            return []
        country = self._country_within(h)
        left = h.i
        for c in h.lefts:
            if c.dep_ in ("compound", "amod", "nmod", "flat"):
                left = min(left, c.i)
        name = self.text[doc[left].idx:h.idx + len(h.text)]
        return [Actor(text=text, start=start, end=end, name=name, country=country)]

    def _country_within(self, h: Any) -> str | None:
        """Country of a coded name inside an uncoded phrase ("aid deliveries in Baghdad", "forces in Guinea")."""
        t = h  # type: ignore[assignment]
        lo, hi = t.left_edge.i, t.right_edge.i
        for _start, head_i, actor in self.mentions:
            if lo <= head_i <= hi and actor.country and head_i != t.i:
                tok = t.doc[head_i]
                if not any(a.dep_ == "relcl" for a in tok.ancestors if a.i > t.i and a.i <= hi):
                    return actor.country
        return None

    def _syntactic_antecedent(self, pron: Any) -> Actor | None:
        """Subject pronoun of a reported or subordinate clause -> the governing clause's subject."""
        p = pron  # type: ignore[assignment]
        if p.dep_ not in ("nsubj", "nsubjpass", "poss") or p.lower_ in ("it", "its") and p.dep_ == "poss":
            return None
        v = p.head
        if p.dep_ == "poss":
            v = v.head
        for _ in range(4):
            if v.dep_ not in ("ccomp", "advcl", "xcomp", "conj", "relcl", "dobj", "pobj", "prep") or v.head.i == v.i:
                return None
            v = v.head
            subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != p.i]
            if subj and subj[0].lower_ not in W.PRONOUNS:
                found = self._code_arg(subj[0])
                return found[0] if found else None
        return None

    def _own_subject(self, pron: Any) -> Any | None:
        """The subject of the clause an object pronoun sits in ("Biden called Zelensky and urged him": Biden),
        which it cannot refer to; reflexives ("themselves") and subjects have none."""
        p = pron  # type: ignore[assignment]
        if p.lower_ not in ("him", "her", "them") or p.dep_ not in ("dobj", "dative", "pobj"):
            return None
        v = p.head.head if p.dep_ == "pobj" else p.head
        for _ in range(3):
            subj = next((c for c in v.children if c.dep_ in W.SUBJ), None)
            if subj is not None:
                return subj
            if v.dep_ not in ("conj", "xcomp") or v.head.i == v.i:
                return None
            v = v.head
        return None

    def _antecedent(self, pron: Any, avoid: Any = None) -> Actor | None:
        """Nearest earlier coded actor, preferring subjects, within this and the two previous sentences;
        never inside ``avoid`` (the clause's own subject, for an object pronoun)."""
        p = pron  # type: ignore[assignment]
        limit = max(0, self.sentence.start - 600)  # type: ignore[attr-defined]
        best: Actor | None = None
        doc = p.doc
        lo, hi = (avoid.left_edge.i, avoid.i + 1) if avoid is not None else (-1, -1)  # its name, not its clauses
        for start, head_i, actor in reversed(self.mentions):
            if start >= p.idx or start < limit:
                if start < limit:
                    break
                continue
            if lo <= head_i < hi:
                continue
            tok = doc[head_i]
            if avoid is not None and tok.dep_ == "pobj" and tok.head.lower_ == "of" and any(
                    m[1] == tok.head.head.i for m in self.mentions):
                continue  # "Turkey" in "President Erdogan of Turkey": the person is meant
            if doc[head_i].dep_ == "pobj" and doc[head_i].head.lower_ in W.IN_PLACE:
                continue  # a place, not a party
            if doc[head_i].dep_ in ("nsubj", "nsubjpass"):
                return actor
            if best is None:
                best = actor
        return best

    def _own_force(self, a: Actor, generic: bool = False) -> bool:
        """The actor's own people or means ("its troops", "their weapons"); with ``generic``, also an
        uncountried military or police agent ("mobilized troops", "sent in police")."""
        words = self.text[a.start:a.end].lower().split()
        if words and words[0] in ("its", "their", "his", "her", "our"):
            return True
        return generic and a.country is None and bool(set((a.sector or "").split()) & {"MIL", "COP"}) \
            and not any(w in ("of", "from") for w in words)

"""Event coder: who did what to whom, in CAMEO, PLOVER and ACLED terms.

Triggers are verbs (Phoenix CAMEO verb dictionary + patterns, project overrides) and event nouns
("their offensive", "a wave of car bombings", "raids and arrests of X"). Arguments come from the
dependency parse: subjects are actors, objects and target prepositions recipients; passives swap
("were backed by U.S. planes": U.S. planes is the actor); conjuncts give several actors; pronouns
take the nearest earlier actor; controlled and coordinated verbs inherit their governor's subject.
Negated events are kept with ``negated=True``. Actor codes come from the ``actors`` stage.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..coding import wordlists as W
from ..coding.lexicon import Lexicon
from ..coding.ontology import FRAME_STATEMENTS, STATEMENT_ONLY, Ontology
from ..coding.syntax import arg_span, conjuncts, lem, negated, np_head
from ..ids import content_id
from ..records import Actor, Annotation, Event, Span


class EventStage:
    name = "events"
    requires = frozenset({"doc", "sentences", "actors"})
    assigns = frozenset({"events"})

    def __init__(self, lexicon: Lexicon | None = None, ontology: Ontology | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else Lexicon()
        self.ontology = ontology if ontology is not None else Ontology()

    def __call__(self, ann: Annotation) -> Annotation:
        doc = ann.doc
        by_head: dict[int, list[Actor]] = {}
        mentions: list[tuple[int, int, Actor]] = []  # (char start, head token index, actor)
        for actor in ann.actors:
            span = doc.char_span(actor.start, actor.end, alignment_mode="expand")  # type: ignore[attr-defined]
            if span is None or not len(span):
                continue
            head = np_head(span[-1])
            by_head.setdefault(head.i, []).append(actor)
            mentions.append((actor.start, head.i, actor))
        mentions.sort(key=lambda m: m[0])
        events: list[Event] = []
        for sentence in ann.sentences:
            if sentence.block == "boilerplate":
                continue
            span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")  # type: ignore[attr-defined]
            if span is None:
                continue
            coder = _SentenceCoder(self, ann, sentence, span, by_head, mentions)
            events.extend(coder.run())
        return replace(ann, events=tuple(events))


class _SentenceCoder:
    def __init__(self, stage: EventStage, ann: Annotation, sentence: Any, span: Any,
                 by_head: dict[int, list[Actor]], mentions: list[tuple[int, int, Actor]]) -> None:
        self.lex = stage.lexicon
        self.onto = stage.ontology
        self.ann = ann
        self.text = ann.document.text
        self.sentence_countries: set[str] | None = None
        self.had_object = False  # the last verb had an object, even if not a party ("lifted the curfew")
        self.actorlike: set[tuple[int, int]] = set()  # argument spans headed by a party (coded, named, pronoun)
        self.sentence = sentence
        self.span = span
        self.toks = list(span)  # type: ignore[call-overload]
        self.words = [t.lower_ for t in self.toks]
        self.word_set = frozenset(self.words)
        self.offset = self.toks[0].i if self.toks else 0
        self.by_head = by_head
        self.mentions = mentions

    def run(self) -> list[Event]:
        out: list[Event] = []
        for tok in self.toks:
            pos = tok.pos_
            if pos == "VERB":
                ev = self._verbal(tok)
            elif (pos in ("NOUN", "PROPN") or (pos == "ADJ" and tok.dep_ in W.ARG_DEPS)) \
                    and lem(tok) in self.lex.nouns:
                ev = self._nominal(tok)
            else:
                ev = None
            if ev is not None:
                out.append(ev)
        return out

    # ------------------------------------------------------------------ triggers

    def _verbal(self, tok: Any) -> Event | None:
        t = tok  # type: ignore[assignment]
        lemma = lem(t)
        particle = ""
        for c in t.children:
            if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in self.lex.particles.get(lemma, ())):
                particle = c.lower_
                break
        if (self.lex.is_light(lemma) and (lemma, particle) not in self.lex.phrasal
                and any(self._event_noun(h) for c in t.children if c.dep_ in W.OBJ for h in conjuncts(c))):
            return None  # "launched an offensive": the noun is the event
        code = self._object_code(t, lemma)
        if code is None and self._statement_verb(t):
            code = self.lex.verbs.get((lemma, ""))  # statements: no Phoenix patterns, see below
        if code is None:
            # Phoenix patterns only see the verb's own clause (its subtree)
            lo, hi = t.left_edge.i - self.offset, t.right_edge.i - self.offset
            n = len(self.words)
            words = [""] * lo + self.words[lo:hi + 1] + [""] * (n - hi - 1)
            code = self.lex.verb_code(lemma, particle, words, t.i - self.offset)
        if code is None:
            return None
        default = self.lex.verbs.get((lemma, ""))
        if (default is not None and default[:2] == "01" and not self._demand_content(t)
                and any(self._coded_verb(c) for c in t.children if c.dep_ in ("ccomp", "xcomp"))):
            return None  # "said it will withdraw": the reported event is the event
        if t.dep_ == "ccomp" and self._statement_verb(t.head) and self._demand_content(t.head):
            return None  # "said Turkey must mediate": coded as the speaker's demand
        if code[:2] in ("18", "19", "20") and self._abstract_object(t):
            return None  # "fight the epidemic", "attack poverty"
        if t.dep_ == "xcomp" and self._statement_verb(t.head):
            return None  # "is considering sending aid": not (yet) an event
        if lemma in W.INTENT and any(self._coded_verb(c) for c in t.children if c.dep_ == "xcomp"):
            return None  # "vowed to attack": the embedded verb carries the event, as intent
        if t.dep_ == "xcomp" and self._coded_verb(t.head) and lem(t.head) not in W.INTENT:
            return None  # "urged X to withdraw", "refused to meet": the governing verb is the event
        self.had_object = False
        actors, recipients = self._verb_args(t)
        if (t.dep_ in ("ccomp", "acl") and not self._statement_verb(t.head)
                and any(a.lower_ in W.MUST for a in t.children if a.dep_ == "aux")):
            # "issued a reminder to Iraq that it must cooperate": a demand on the clause's subject
            code, recipients = "100", self._subjects(t)
            actors = self._inherited_subject(t) or self._subjects(t.head) if t.head.pos_ == "VERB" else actors
        if lemma == "decline" and any(lem(c) == "comment" for c in t.children if c.dep_ == "xcomp"):
            code = "011"  # "declined to comment"
        elif lemma == "claim" and any(c.dep_ == "ccomp" for c in t.children):
            code = "015"  # "claimed that they had attacked": a claim, the attack is recorded on its own
        elif lemma in ("arrive", "land") and any("MIL" in (a.sector or "").split() for a in actors):
            code = "074"  # troops or peacekeepers arriving: military protection
        if code[:3] in FRAME_STATEMENTS and (actors or recipients or self.had_object):
            pass  # "expressed condolences to Turkey", "claimed responsibility for the attack"
        elif code[:3] in STATEMENT_ONLY:
            # "X said Y must withdraw": a demand on Y; other statements are not events of their own
            content = self._demand_content(t)
            if content is None:
                return None
            code, recipients = "100", self._subjects(content)
        if not recipients and code[:2] in ("02", "10") or code[:3] == "016":
            # "demanded that President Mugabe abandon...": the one asked is the clause's subject
            recipients = [a for c in t.children if c.dep_ == "ccomp" for a in self._subjects(c)
                          if (a.start, a.end) in self.actorlike] or recipients
        if not actors and not recipients and not self.had_object:
            return None
        if code[:2] in ("18", "19") and self._subject_is_bomb(t):
            code = "183"
        if lemma == "block" and not ({s for a in actors for s in (a.sector or "").split()} & W.STATE):
            code = "144"  # civilians blocking roads protest; armies blockade
        neg = negated(t)
        info = self.onto.info(code)
        intent = self._intent(t)
        if neg and info.quad_class in (1, 2):
            code, neg = "120", False  # "will not accept", "did not agree": a rejection
        elif t.dep_ == "xcomp" and lem(t.head) in W.THREAT_VERBS:
            code = W.FUTURE_THREATEN.get(info.plover or "", "130")  # "threatened to strike", "warned it would..."
        elif intent and self._unless(t):
            code = "130"  # "will withdraw its force unless...": a conditional threat
        elif intent and info.quad_class in (1, 2) and info.plover in W.FUTURE_AGREE:
            code = W.FUTURE_AGREE[info.plover]
        elif intent and info.plover in W.FUTURE_THREATEN:
            code = W.FUTURE_THREATEN[info.plover]
        return self._event(t, code, None, actors, recipients, neg)

    def _object_code(self, t: Any, lemma: str) -> str | None:
        """Code decided by the verb's object ("granted asylum", "lifted the curfew", "opened fire")."""
        table = self.lex.verb_objects
        for c in t.children:  # type: ignore[attr-defined]
            if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prt" and c.lower_ == "fire"):
                for h in conjuncts(c):
                    if lem(h) in W.QUANT or h.pos_ == "NUM":  # "700 kg of medicine"
                        h = next((g for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                                  for g in p.children if g.dep_ == "pobj"), h)
                    words = [h] + [m for m in h.children if m.dep_ in ("compound", "amod")]
                    for w in words:  # "the ceasefire agreement", "economic sanctions"
                        code = table.get((lemma, lem(w)))
                        if code is not None:
                            return code
        return None

    def _demand_content(self, t: Any) -> Any | None:
        for c in t.children:  # type: ignore[attr-defined]
            if c.dep_ == "ccomp" and any(a.lower_ in W.MUST for a in c.children if a.dep_ == "aux"):
                return c
        return None

    def _abstract_object(self, t: Any) -> bool:
        for c in t.children:  # type: ignore[attr-defined]
            if c.dep_ in ("dobj", "nsubjpass") and lem(c) in W.ABSTRACT:
                return True
            if c.dep_ == "prep" and any(lem(g) in W.ABSTRACT for g in c.children if g.dep_ == "pobj"):
                return True
        return False

    def _statement_verb(self, v: Any) -> bool:
        code = self.lex.verbs.get((lem(v), ""))  # type: ignore[attr-defined]
        return code is not None and code[:3] in STATEMENT_ONLY

    def _coded_verb(self, v: Any) -> bool:
        t = v  # type: ignore[assignment]
        if t.pos_ != "VERB":
            return False
        code = self._object_code(t, lem(t)) or self.lex.verb_code(lem(t), "", self.words,
                                                                             t.i - self.offset)
        return code is not None and code[:3] not in STATEMENT_ONLY

    def _intent(self, t: Any) -> bool:
        """Future, modal or intended ("will meet", "plans to attack", "is ready to withdraw")."""
        v = t  # type: ignore[assignment]
        if any(c.dep_ == "auxpass" for c in v.children):
            return False  # "may have been hacked": a hedge about what happened, not an intention
        for _ in range(3):
            if any(c.dep_ == "aux" and c.lower_ in W.MODAL for c in v.children):
                return True
            if v.dep_ != "xcomp":
                return False
            head = v.head
            if lem(head) in W.INTENT or lem(head) in W.READY:
                return True
            v = head
        return False

    def _unless(self, t: Any) -> bool:
        return any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children if m.dep_ == "mark")
                   for c in t.children)  # type: ignore[attr-defined]

    def _nominal(self, tok: Any) -> Event | None:
        t = tok  # type: ignore[assignment]
        lemma = lem(t)
        mods = {lem(c) for c in t.children if c.dep_ in ("compound", "amod", "nmod")}
        if lemma == "strike" and not mods & {"air", "drone", "missile", "rocket"} and self.word_set & W.LABOUR:
            mods.add("labour")
        nc = self.lex.noun_code(lemma, mods)
        if nc is None:
            return None
        if t.pos_ == "PROPN" and lemma in ("march",):
            return None
        actors: list[Actor] = []
        recipients: list[Actor] = []
        frame = t
        if t.dep_ == "pobj" and t.head.lower_ == "of" and lem(t.head.head) in W.COLLECTIVE:
            frame = t.head.head  # "a wave of car bombings by insurgents": the wave carries the arguments
        elif t.dep_ == "compound" and t.head.pos_ == "NOUN" and lem(t.head) in W.FRAMES:
            frame = t.head  # "a mediation effort between India and Pakistan"
        for c in list(t.children) + (list(frame.children) if frame is not t else []):
            if c.dep_ == "poss":
                actors.extend(self._code_arg(c))
            elif c.dep_ in ("compound", "amod", "nmod") and c.i in self.by_head.get(t.i, ()) or False:
                pass
            elif c.dep_ == "prep" and c.lower_ == "by":
                for g in c.children:
                    if g.dep_ == "pobj":
                        for h in conjuncts(g):
                            actors.extend(self._code_arg(h))
            elif c.dep_ == "prep" and c.lower_ in W.TARGET_PREPS:
                for g in c.children:
                    if g.dep_ == "pobj":
                        for h in conjuncts(g):
                            recipients.extend(self._code_arg(h))
        if not actors:
            # "Israeli airstrikes", "Russian shelling": the coded actor inside the noun phrase itself
            actors.extend(a for a in self.by_head.get(t.i, ()) if a.country and a.start < t.idx)
        gov = frame.head
        if frame is not t:
            pass
        elif t.dep_ == "conj":  # "raids and arrests of X": share the first conjunct's arguments
            first = t.head
            gov = first.head
            if not recipients:
                for c in first.children:
                    if c.dep_ == "prep" and c.lower_ in W.TARGET_PREPS:
                        for g in c.children:
                            if g.dep_ == "pobj":
                                recipients.extend(self._code_arg(g))
            dep = first.dep_
        else:
            dep = t.dep_
        if frame is not t:
            dep = frame.dep_
        neg = any(c.lower_ == "no" for c in t.children if c.dep_ == "det")
        if dep in W.OBJ and gov.pos_ in ("VERB", "AUX"):
            # "launched an offensive", and "tightened the blockade" (a verb that is no event of its own)
            if self.lex.is_light(lem(gov)) or not (self._coded_verb(gov) or self._statement_verb(gov)
                                                   or lem(gov) in W.EXPERIENCER):
                if not actors:
                    actors.extend(self._subjects(gov))
                if not recipients:
                    recipients.extend(self._verb_preps(gov))
                neg = neg or negated(gov)
        elif dep == "pobj" and gov.dep_ == "prep" and gov.head.pos_ == "VERB" and not actors:
            actors.extend(self._subjects(gov.head))  # "agreed to a truce", "took part in the protest"
        elif dep == "nsubj" and gov.pos_ == "VERB" and not recipients:
            for c in gov.children:
                if c.dep_ in W.OBJ:
                    recipients.extend(self._code_arg(c))
        if lemma in ("attack", "assault", "bombing", "shooting", "explosion", "blast") and self._subject_is_bomb(t):
            pass
        if dep == "pobj" and gov.dep_ == "prep" and gov.head.pos_ == "VERB" and not recipients:
            # "holding 2000 people as human shields"
            recipients.extend(a for c in gov.head.children if c.dep_ in W.OBJ for a in self._code_arg(c))
        recipients = [r for r in recipients if (r.start, r.end) in self.actorlike]
        if not recipients and nc.code[:2] in ("02", "10"):
            # "its demand that the US ease sanctions": the clause's subject is asked
            recipients.extend(a for c in frame.children if c.dep_ in ("acl", "ccomp", "relcl")
                              for a in self._subjects(c) if (a.start, a.end) in self.actorlike)
        if not recipients:
            taken = {(a.start, a.end) for a in actors}
            recipients = [a for a in self._inner_party(frame) if (a.start, a.end) not in taken]
        if not actors and not recipients and self._mentioned_only(frame):
            return None  # "urged them to accept a ceasefire", "the ceasefire was holding": no new event
        return self._event(t, nc.code, nc.mode, actors, recipients, neg)

    def _mentioned_only(self, noun: Any) -> bool:
        """An event noun that another coded verb governs, or that is the subject of a state verb, names an
        event already coded or already in place; alone it is no event."""
        n = noun  # type: ignore[assignment]
        gov = n.head
        if n.dep_ in ("nsubj", "nsubjpass"):
            return gov.pos_ in ("VERB", "AUX") and lem(gov) not in ("begin", "start", "erupt", "break")
        if n.dep_ == "pobj" and gov.dep_ == "prep":
            gov = gov.head
        if n.dep_ not in W.OBJ and n.dep_ != "pobj" or gov.pos_ != "VERB":
            return False
        for _ in range(3):
            if self._coded_verb(gov) or self._statement_verb(gov):
                return True
            if gov.dep_ != "xcomp":
                return False
            gov = gov.head
        return False

    # ------------------------------------------------------------------ arguments

    def _verb_args(self, t: Any) -> tuple[list[Actor], list[Actor]]:
        v = t  # type: ignore[assignment]
        actors: list[Actor] = []
        recipients: list[Actor] = []
        passive = False
        objects: list[Actor] = []
        for c in v.children:
            if c.dep_ in W.SUBJ:
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
            elif c.dep_ in W.OBJ and c.ent_type_ not in W.NOT_ACTORS:
                for h in conjuncts(c):
                    objects.extend(self._code_arg(h))
        if not passive:
            # the coded party wins over a thing ("granted asylum to five officers", "offered to hand X to Y")
            preps = self._verb_preps(v)
            for c in v.children:  # "filed a lawsuit against X", "rejected a request for X's extradition"
                if c.dep_ in W.OBJ:
                    for pp in c.children:
                        if pp.dep_ == "prep" and pp.lower_ in W.OBJ_PREPS:
                            preps.extend(a for g in pp.children if g.dep_ == "pobj" for h in conjuncts(g)
                                         for a in self._code_arg(h, allow_event_noun=False))
            # recipients are parties, not things: "lifted the ban on the LTTE" -> the LTTE
            coded = [a for a in objects + preps if (a.start, a.end) in self.actorlike]
            if lem(v) in W.TRANSFER:
                # "sent troops to Syria", "withdrew its forces from the territory of Kashmir": the place or
                # party at the other end, not the actor's own troops
                ends = [a for a in preps if (a.start, a.end) in self.actorlike]
                if not ends:
                    for c in v.children:
                        if c.dep_ == "prep" and c.lower_ in W.TRANSFER_PREPS | {"to"}:
                            ends.extend(a for g in c.children if g.dep_ == "pobj" for a in self._inner_party(g))
                own = {(a.start, a.end) for a in objects if self.text[a.start:a.end].lower().split()[0]
                       in ("its", "their", "his", "her", "our")}
                coded = ends or [a for a in coded if (a.start, a.end) not in own]
            if not coded:
                for c in v.children:
                    if c.dep_ == "xcomp" and c.pos_ == "VERB":
                        coded.extend(a for a in self._verb_objects(c) if (a.start, a.end) in self.actorlike)
            if not coded:
                # a party named inside the object: "withdrew peacekeepers from Liberia", "blockades in the West Bank"
                for c in v.children:
                    if c.dep_ in W.OBJ:
                        coded.extend(self._inner_party(c))
                    elif c.dep_ == "xcomp":  # "refuses to lift the ban on Cypriot ships"
                        for cc in c.children:
                            if cc.dep_ in W.OBJ:
                                coded.extend(self._inner_party(cc))
                    if coded:
                        break
            recipients.extend(coded)
            self.had_object = bool(objects or preps)
        if not actors and not passive:
            actors.extend(self._inherited_subject(v))
        return actors, recipients

    def _named(self, a: Actor) -> bool:
        span = self.ann.doc.char_span(a.start, a.end, alignment_mode="expand")  # type: ignore[attr-defined]
        return span is not None and any(t.ent_type_ in W.ACTOR_ENTS for t in span)

    def _inner_party(self, h: Any) -> list[Actor]:
        for tok in h.subtree:
            if tok.i != h.i and tok.i in self.by_head and tok.dep_ in ("pobj", "poss", "compound", "nmod"):
                return [a for c in conjuncts(tok) for a in self._code_arg(c)]  # "to Iran, Libya and Cuba"
        return []

    def _verb_objects(self, v: Any) -> list[Actor]:
        out: list[Actor] = []
        for c in v.children:  # type: ignore[attr-defined]
            if c.dep_ in W.OBJ and c.ent_type_ not in W.NOT_ACTORS:
                for h in conjuncts(c):
                    out.extend(self._code_arg(h))
        return out + self._verb_preps(v)

    def _verb_preps(self, v: Any) -> list[Actor]:
        out: list[Actor] = []
        preps = W.VERB_TARGET_PREPS | W.TRANSFER_PREPS if lem(v) in W.TRANSFER else W.VERB_TARGET_PREPS
        for c in v.children:  # type: ignore[attr-defined]
            if c.dep_ == "prep" and c.lower_ in preps:
                for g in c.children:
                    if g.dep_ == "pobj" and g.ent_type_ not in W.NOT_ACTORS:
                        for h in conjuncts(g):
                            out.extend(self._code_arg(h))
        return out

    def _subjects(self, v: Any) -> list[Actor]:
        out: list[Actor] = []
        for c in v.children:  # type: ignore[attr-defined]
            if c.dep_ in W.SUBJ:
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
            if dep == "relcl" and head.pos_ in ("NOUN", "PROPN"):
                return self._code_arg(head)
            if dep == "xcomp":
                objs = [c for c in head.children if c.dep_ in ("dobj", "obj")]
                if objs:
                    return self._code_arg(objs[0])  # "urged X to withdraw": X withdraws
            if dep == "acl" and head.pos_ in ("NOUN", "PROPN"):
                # "the air force carried out strikes" parsed as a noun with a clause; not "troops backed by"
                if t.tag_ == "VBN" or any(c.dep_ == "agent" for c in t.children):
                    return []
                if head.dep_ in ("dobj", "pobj") and lem(head) in W.MESSAGES:
                    # "issued a statement urging X": the one who issued it urges
                    gov = head.head.head if head.dep_ == "pobj" else head.head
                    return self._subjects(gov) if gov.pos_ in ("VERB", "AUX") else []
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
        if h.pos_ == "NOUN" and lem(h) in self.lex.nouns:
            # "agreed to a ceasefire with the RSF": the party is inside the event noun's phrase
            inner = [g for c in h.children if c.dep_ == "prep" and c.lower_ in W.TARGET_PREPS
                     for g in c.children if g.dep_ == "pobj"]
            found = [a for g in inner for a in self._code_arg(g)]
            if found or not allow_event_noun:
                return found
        lo, hi = arg_span(h)
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        text = self.text[start:end]  # Doc.text rebuilds the whole string on every access
        if h.pos_ == "PRON" or h.lower_ in W.PRONOUNS:
            if h.lower_ not in W.PRONOUNS:
                return []
            self.actorlike.add((start, end))
            ante = self._syntactic_antecedent(h) or self._antecedent(h)
            if ante is None:
                return [Actor(text=text, start=start, end=end, name=h.text)]
            if ante.start >= self.sentence.start:  # type: ignore[attr-defined]
                # resolved within the sentence: the actor's mention is the antecedent ("NAF says it killed")
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
        if coded or h.ent_type_ in W.ACTOR_ENTS or any(
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

    def _antecedent(self, pron: Any) -> Actor | None:
        """Nearest earlier coded actor, preferring subjects, within this and the two previous sentences."""
        p = pron  # type: ignore[assignment]
        limit = max(0, self.sentence.start - 600)  # type: ignore[attr-defined]
        best: Actor | None = None
        doc = p.doc
        for start, head_i, actor in reversed(self.mentions):
            if start >= p.idx or start < limit:
                if start < limit:
                    break
                continue
            if doc[head_i].dep_ == "pobj" and doc[head_i].head.lower_ in W.IN_PLACE:
                continue  # a place, not a party
            if doc[head_i].dep_ in ("nsubj", "nsubjpass"):
                return actor
            if best is None:
                best = actor
        return best

    # ------------------------------------------------------------------ helpers

    def _event_noun(self, tok: Any) -> bool:
        return lem(tok) in self.lex.nouns and tok.pos_ in ("NOUN", "PROPN")  # type: ignore[attr-defined]

    def _subject_is_bomb(self, t: Any) -> bool:
        for c in t.children:  # type: ignore[attr-defined]
            if c.dep_ in W.SUBJ and {w.lower_ for w in c.subtree} & W.BOMB_WORDS:
                return True
        return False

    def _domestic(self, a: Actor, trig: Any = None) -> Actor:
        """A generic agent with no country ("Islamic fundamentalists", "the rebels") in a sentence that names
        only one country belongs to that country, as event coders assume for domestic actors."""
        if a.country is not None or a.sector is None or a.code and not a.code.startswith("~"):
            return a
        if self.sentence_countries is None:
            lo, hi = self.toks[0].i, self.toks[-1].i
            self.sentence_countries = {actor.country for _, head_i, actor in self.mentions
                                       if lo <= head_i <= hi and actor.country and actor.country not in W.NONSTATE}
        countries = self.sentence_countries
        if len(countries) != 1:
            # several countries named: the one of the place where it happens ("protesters ... in Hong Kong
            # in defiance of Chinese authorities")
            countries = self._place_countries(trig) if trig is not None else set()
        if len(countries) != 1:
            return a
        (country,) = tuple(countries)
        return replace(a, country=country, code=country + "".join((a.sector or "").split()))

    def _place_countries(self, trig: Any) -> set[str]:
        """Countries of the places in the trigger's own clause ("in Hong Kong", "at a jail in Dili")."""
        lo, hi = trig.left_edge.i, trig.right_edge.i
        doc = self.ann.doc
        out = set()
        for _, head_i, actor in self.mentions:
            if lo <= head_i <= hi and actor.country and actor.country not in W.NONSTATE:
                tok = doc[head_i]  # type: ignore[index]
                verb = next((v for v in tok.ancestors if v.pos_ in ("VERB", "AUX")), None)
                if (tok.dep_ == "pobj" and tok.head.lower_ in W.IN_PLACE | {"at"}
                        and (verb is None or verb.i == trig.i)):  # not "as officials met in Luanda"
                    out.add(actor.country)
        return out

    def _clause_party(self, t: Any, actors: list[Actor]) -> list[Actor]:
        """Still no recipient: the first party named after the trigger in its clause, as in "staged a hunger
        strike to demand the resignation of President X", "rioted ... calling for Mubarak's removal"."""
        clause = t.head if t.pos_ != "VERB" and t.head.pos_ in ("VERB", "AUX") else t
        taken = {(a.start, a.end) for a in actors}
        for tok in clause.subtree:
            if tok.i <= t.i or tok.i not in self.by_head:
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ in W.IN_PLACE | {"at", "on", "from", "during", "since"}:
                continue  # where and when, not whom
            if tok.dep_ in ("nsubj", "nsubjpass"):
                continue  # the subject of another clause acts, it is not the target
            found = [a for a in self._code_arg(tok) if (a.start, a.end) not in taken]
            if found:
                return found
        return []

    def _place_target(self, t: Any) -> list[Actor]:
        """No recipient: the coded place the event happens in ("imposed a curfew in Cizre"), as PLOVER codes it."""
        heads = [t] + [c for c in t.children if c.dep_ in W.OBJ]  # type: ignore[attr-defined]
        for h in heads:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in W.IN_PLACE:
                    for g in c.children:
                        if g.dep_ == "pobj" and self.by_head.get(g.i):
                            return self._code_arg(g)
        return []

    def _event(self, trig: Any, code: str, mode: str | None, actors: list[Actor], recipients: list[Actor],
               neg: bool) -> Event:
        t = trig  # type: ignore[assignment]
        if not recipients:
            recipients = self._place_target(t)
        actors = [self._domestic(a, t) for a in actors]
        recipients = [self._domestic(a, t) for a in recipients]
        if not recipients and not (len(actors) > 1 and self.onto.info(code).quad_class in (1, 2)):
            recipients = self._clause_party(t, actors)  # (joint cooperation by several actors stays reciprocal)
        info = self.onto.info(code)
        sent = self.sentence
        trigger = Span(t.text, t.idx, t.idx + len(t.text))
        a_sec = frozenset(s for a in actors for s in (a.sector or "").split())
        r_sec = frozenset(s for a in recipients for s in (a.sector or "").split())
        r_words = frozenset(w for a in recipients for w in a.text.lower().split())
        context = frozenset(w.lower_ for w in t.subtree) | frozenset(w.lower_ for w in t.children) \
            | frozenset(self.words[max(0, t.i - self.offset - 3): t.i - self.offset + 4])
        acled_type, acled_sub = self.onto.acled(code, lem(t), context, a_sec, r_sec, r_words)
        if t.pos_ != "VERB" and code[:2] in ("18", "19", "20") and acled_type is None:
            acled_type, acled_sub = "Battles", "Armed clash"
        return Event(
            event_id=content_id("evt", self.ann.doc_id, trigger.start, code),
            doc_id=self.ann.doc_id,
            evidence=Span(sent.text, sent.start, sent.end),  # type: ignore[attr-defined]
            trigger=trigger, plover=info.plover, mode=mode or info.mode, cameo=code, quad_class=info.quad_class,
            goldstein=info.goldstein, acled_event_type=acled_type, acled_sub_event_type=acled_sub,
            actors=_dedupe(actors), recipients=_dedupe([r for r in recipients if r not in actors]), negated=neg)


def _dedupe(actors: list[Actor]) -> tuple[Actor, ...]:
    """Drop repeats and mentions nested inside another one ("the enclave of Eastern Ghouta" | "Eastern Ghouta")."""
    seen: set[tuple[int, int, str | None]] = set()
    out = []
    for a in actors:
        key = (a.start, a.end, a.country)
        if key in seen:
            continue
        if any(b.start <= a.start and a.end <= b.end and (b.start, b.end) != (a.start, a.end) for b in actors):
            continue
        seen.add(key)
        out.append(a)
    return tuple(out)

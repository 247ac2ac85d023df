"""Event coder: who did what to whom, in CAMEO, PLOVER and ACLED terms.

Triggers are verbs (Phoenix CAMEO verb dictionary + patterns, project overrides) and event nouns
("their offensive", "a wave of car bombings", "raids and arrests of X"). Arguments come from the
dependency parse: subjects are actors, objects and target prepositions recipients; passives swap
("were backed by U.S. planes": U.S. planes is the actor); conjuncts give several actors; pronouns
take the nearest earlier actor; controlled and coordinated verbs inherit their governor's subject
(argument finding is in ``event_roles``, target fallbacks in ``event_targets``). Negated events are kept with ``negated=True``. Actor codes
come from the ``actors`` stage.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..coding import wordlists as W
from ..coding.lexicon import Lexicon
from ..coding.ontology import FRAME_STATEMENTS, STATEMENT_ONLY, Ontology
from ..coding.syntax import conjuncts, lem, negated, np_head, participle_hosts
from ..ids import content_id
from ..records import Actor, Annotation, Event, Span
from .event_targets import TargetFinder


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


class _SentenceCoder(TargetFinder):
    def __init__(self, stage: EventStage, ann: Annotation, sentence: Any, span: Any,
                 by_head: dict[int, list[Actor]], mentions: list[tuple[int, int, Actor]]) -> None:
        super().__init__(stage.lexicon, ann, sentence, span, by_head, mentions)
        self.onto = stage.ontology

    def run(self) -> list[Event]:
        out: list[tuple[Any, Event]] = []
        for tok in self.toks:
            pos = tok.pos_
            if pos == "VERB" or pos == "NOUN" and _verb_tagged_noun(tok):
                ev = self._verbal(tok)
            elif (pos in ("NOUN", "PROPN") or (pos == "ADJ" and tok.dep_ in W.ARG_DEPS)) \
                    and lem(tok) in self.lex.nouns:
                ev = self._nominal(tok)
            elif pos == "ADJ" and tok.dep_ == "acomp" and lem(tok) in W.ATTITUDES:
                ev = self._attitude(tok)
            else:
                ev = None
            if ev is not None:
                out.append((tok, ev))
        tolls = {id(ev): host for tok, ev in out if (host := self._toll_of(tok, ev, out)) is not None}
        kept = []
        for _tok, ev in out:
            if id(ev) in tolls:
                continue
            victims = [r for _t, toll in out if tolls.get(id(toll)) is ev for r in toll.recipients]
            if victims and all(self._place_only(r) for r in ev.recipients):
                # "carried out air strikes in western Mosul, killing dozens of fighters": with only a place
                # for a target, the people it killed are whom the strikes hit
                ev = replace(ev, recipients=_dedupe(victims))
            kept.append(ev)
        return kept

    def _attitude(self, t: Any) -> Event | None:
        """ "X said it is skeptical of the plan", "Y is optimistic that Z will...": a pessimistic or optimistic
        comment (CAMEO 012/013) on what the adjective is about."""
        verb = t.head
        actors = self._subjects(verb) if verb.pos_ in ("AUX", "VERB") else []
        if not actors:
            return None
        recipients = [a for c in t.children if c.dep_ == "prep" and c.lower_ in W.ATTITUDE_PREPS
                      for g in c.children if g.dep_ == "pobj" for a in self._code_arg(g)]
        if not recipients:
            recipients = [a for v in (t, verb) for c in v.children if c.dep_ == "ccomp" for a in self._subjects(c)]
        return self._event(t, W.ATTITUDES[lem(t)], None, actors, recipients, negated(verb))

    def _toll_of(self, t: Any, ev: Event, events: list[tuple[Any, Event]]) -> Event | None:
        """A killing that only reports the toll of a violent event told in the same sentence, which the
        quantities stage counts on that event:
        - an agentless passive with the event in its clause ("23 civilians were killed as government forces
          shelled the town");
        - an adverbial participle of the event ("militants stormed the base, killing five and wounding ten")."""
        if lem(t) not in W.CONSEQUENCE:
            return None
        if not ev.actors and any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
            # ... also on a coordinated toll verb ("20 were killed and 30 wounded after a bomb struck a bus")
            clauses = [c for v in (t, *(c for c in t.children if c.dep_ == "conj" and lem(c) in W.CONSEQUENCE))
                       for c in v.children if c.dep_ == "advcl"]
            return next((other for tok, other in events if other is not ev and other.actors and _violent(other)
                         and any(c.left_edge.i <= tok.i <= c.right_edge.i for c in clauses)), None)
        hosts = {h.i for h in participle_hosts(t)}
        return next((other for tok, other in events if tok.i in hosts and other is not ev and _violent(other)), None)

    # ------------------------------------------------------------------ triggers

    def _verbal(self, tok: Any) -> Event | None:
        t = tok  # type: ignore[assignment]
        lemma = lem(t)
        if lemma in ("let", "set") and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "free":
            return self._set_free(t, t.doc[t.i + 1])
        if lemma == "free" and t.i > 0 and t.head.i == t.i - 1 and lem(t.head) in ("let", "set"):
            return None  # "let free X": the governing verb carries the release
        particle = ""
        for c in t.children:
            if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in self.lex.particles.get(lemma, ())):
                particle = c.lower_
                break
        if (self.lex.is_light(lemma) and (lemma, particle) not in self.lex.phrasal
                and any(self._event_noun(h) and not self._object_names_act(lemma, h)
                        for c in t.children if c.dep_ in W.OBJ for h in conjuncts(c))):
            return None  # "launched an offensive": the noun is the event
        code = self._object_code(t, lemma)
        spans = [c for c in t.children if c.dep_ in (*W.OBJ, "npadvmod") and c.i > t.i
                 and (c.ent_type_ in ("DATE", "TIME") or lem(c) in W.TIME_SPANS)] if lemma in W.GIVE_TIME else []
        if spans and t.tag_ == "VBG" and t.dep_ == "advcl":
            return None  # "issued an ultimatum ..., giving the Front 72 hours to surrender": told by the main clause
        if spans and any(c.dep_ in ("advcl", "xcomp", "relcl", "acl") for h in (t, *spans) for c in h.children):
            code = "139"  # "gave the rebels 48 hours to leave": a deadline (an ultimatum), not aid
        by_object = code is not None  # "opened fire": the object names the act, it is no abstract target
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
        if code == "014":
            option = self._considered_act(t)
            if option is not None:
                # "is considering sending aid to North Korea": a policy option under consideration (CAMEO 014,
                # no act yet) about the party the considered act would reach
                self.had_object = False
                actors = self._verb_args(t)[0]
                recipients = self._verb_args(option)[1]
                return self._event(t, code, None, actors, recipients, negated(t)) if actors or recipients else None
        if (default is not None and default[:2] == "01" and not self._demand_content(t)
                and any(self._coded_verb(c) for c in t.children if c.dep_ in ("ccomp", "xcomp"))):
            return None  # "said it will withdraw": the reported event is the event
        if t.dep_ == "ccomp" and self._statement_verb(t.head) and self._demand_content(t.head):
            return None  # "said Turkey must mediate": coded as the speaker's demand
        if code[:2] in ("18", "19", "20") and not by_object and self._abstract_object(t):
            return None  # "fight the epidemic", "attack poverty"
        if t.dep_ == "xcomp" and self._statement_verb(t.head):
            return None  # "is considering sending aid": not (yet) an event
        if lemma in W.INTENT and any(self._coded_verb(c) for c in t.children if c.dep_ == "xcomp"):
            return None  # "vowed to attack": the embedded verb carries the event, as intent
        if t.dep_ == "xcomp" and self._coded_verb(t.head) and lem(t.head) not in W.INTENT:
            return None  # "urged X to withdraw", "refused to meet": the governing verb is the event
        self.had_object = False
        actors, recipients = self._verb_args(t)
        if t.dep_ in ("xcomp", "advcl") and lem(t.head) == "summon":
            # "summoned the French ambassador to complain about...": the summoner complains to the envoy
            envoy = [a for c in t.head.children if c.dep_ in W.OBJ for a in self._code_arg(c)]
            boss = self._subjects(t.head)
            if envoy and boss:
                actors, recipients = boss, envoy
        if t.dep_ == "xcomp" and lem(t.head) in W.COERCE and code[:2] not in ("18", "19", "20"):
            # "ordered all pro-Taliban newspapers to suspend publication": the one who orders acts on them
            # ("ordered his troops to attack X" stays the troops' attack)
            made = [a for c in t.head.children if c.dep_ in W.OBJ for a in self._code_arg(c)
                    if (a.start, a.end) in self.actorlike]
            boss = self._subjects(t.head)
            if made and boss:
                actors, recipients = boss, made
        if (t.dep_ in ("ccomp", "acl") and not self._statement_verb(t.head)
                and any(a.lower_ in W.MUST for a in t.children if a.dep_ == "aux")):
            # "issued a reminder to Iraq that it must cooperate": a demand on the clause's subject
            code, recipients = "100", self._subjects(t)
            actors = self._inherited_subject(t) or self._subjects(t.head) if t.head.pos_ == "VERB" else actors
        if not actors and (code[:2] in ("09", "16", "17") or code[:3] == "182") and any(
                c.dep_ == "nsubjpass" for c in t.children):
            actors = self._where_held(t)  # "was arrested in Rwanda": the state there arrests
        if lemma == "decline" and any(lem(c) == "comment" for c in t.children if c.dep_ == "xcomp"):
            code = "011"  # "declined to comment"
        elif lemma == "claim" and any(c.dep_ == "ccomp" for c in t.children):
            code = "015"  # "claimed that they had attacked": a claim, the attack is recorded on its own
            # ... and what the claimed act was done to is what the claim is about ("attacked an air base")
            recipients = recipients or [a for c in t.children if c.dep_ == "ccomp" and self._coded_verb(c)
                                        for o in c.children if o.dep_ in W.OBJ for a in self._coordinated(o)]
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
        if code[:2] in ("02", "10") or code[:3] in ("011", "012", "013", "016"):
            # "demanded that President Mugabe abandon...": the one asked is the clause's subject
            # ("expressed hope that Kyiv will...": the clause may hang on the object noun)
            # ("called for the president to resign", "pushing for the US support its plan": a "for" clause; a
            # call for people to rise "against" someone is aimed at that adversary, found later)
            clauses = [c for c in t.children if c.dep_ == "ccomp" or c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in c.children) and not any(
                p.dep_ == "prep" and p.lower_ == "against" for p in c.subtree)] + [
                c for o in t.children if o.dep_ in W.OBJ for c in o.children if c.dep_ in ("ccomp", "acl")
                and c.pos_ in ("VERB", "AUX") and any(m.lower_ == "that" or m.dep_ in W.SUBJ for m in c.children)]
            # (a party found deep inside the clause, "hope the government will lift the ban on Spanish fruit",
            # gives way to the clause's subject)
            spans = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in clauses]
            if all(any(lo <= a.start and a.end <= hi for lo, hi in spans) for a in recipients):
                recipients = [a for c in clauses for a in self._subjects(c, passive=code[:2] == "01")
                              if (a.start, a.end) in self.actorlike] or recipients
        if code[:2] == "02":
            recipients = self._rally_target(t) or recipients  # "called on Arabs to rise up against X"
        if code[:3] in ("012", "013") or code[:3] == "018" and not recipients:
            # condolences go to the party named ("to the people of Israel over the death of..."), else what
            # they are over
            recipients = self._topic(t) or recipients
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

    def _set_free(self, t: Any, free: Any) -> Event | None:
        """ "Egypt let free the activist", "the army set free three hostages": a release (CAMEO 0841) of the
        people named after "free", whichever way the parser hangs them (object of "let", or subject of a
        "free" clause)."""
        people = [c for v in (t, free) for c in v.children if c.i > free.i and c.dep_ in W.OBJ | W.SUBJ]
        recipients = [a for c in people for a in self._coordinated(c, allow_event_noun=False)]
        after = t.doc[free.i + 1].idx if free.i + 1 < len(t.doc) else free.idx  # "free" hung on the name as
        # its adjective is not part of it
        recipients = [replace(a, start=after, text=self.text[after:a.end]) if a.start <= free.idx < a.end - 1 else a
                      for a in recipients]
        actors = self._subjects(t)
        if not actors and not recipients:
            return None
        return self._event(t, "0841", None, actors, recipients, negated(t))

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

    def _considered_act(self, t: Any) -> Any | None:
        """The coded act that ``t`` ("consider", "explore") weighs: "considering sending aid", "exploring the
        possibility of transferring helicopters"."""
        for c in t.children:  # type: ignore[attr-defined]
            if c.dep_ == "xcomp" and self._coded_verb(c):
                return c
            if c.dep_ in W.OBJ and lem(c) in ("possibility", "option", "idea", "prospect"):
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ == "of":
                        for g in p.children:
                            if g.dep_ == "pcomp" and self._coded_verb(g):
                                return g
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
        if lemma == "strike" and not mods & {"air", "drone", "missile", "rocket"} and not W.LABOUR.isdisjoint(self.words):
            mods.add("labour")
        elif lemma == "strike" and not mods and t.dep_ in W.OBJ and lem(t.head) in W.MILITARY_LIGHT:
            mods.add("military")  # "carried out strikes against Hamas targets": workers go on strike, forces launch one
        nc = self.lex.noun_code(lemma, mods)
        if nc is None:
            return None
        if t.pos_ == "PROPN" and lemma in ("march",):
            return None
        actors: list[Actor] = []
        recipients: list[Actor] = []
        frame = t
        if t.dep_ == "pobj" and t.head.lower_ == "of" and (lem(t.head.head) in W.COLLECTIVE or lem(t.head.head) == "state"):
            # "a wave of car bombings by insurgents", "declared a state of siege": the frame carries the arguments
            frame = t.head.head
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
                        recipients.extend(self._coordinated(g))
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
        elif dep == "pobj" and gov.lower_ == "under" and gov.head.pos_ in ("VERB", "AUX"):
            # "troops came under attack from militants": the subject is attacked, "from" names who attacks
            if not actors:
                actors.extend(a for v in (t, gov.head) for c in v.children if c.dep_ == "prep"
                              and c.lower_ in ("from", "by") for g in c.children if g.dep_ == "pobj"
                              for a in self._coordinated(g))
            recipients = self._subjects(gov.head)
        elif dep == "pobj" and gov.dep_ == "prep" and gov.head.pos_ == "VERB" and not actors:
            actors.extend(self._subjects(gov.head))  # "agreed to a truce", "took part in the protest"
        elif (dep == "pobj" and gov.lower_ in ("for", "of") and lem(gov.head) in W.CULPABLE and not actors
              and gov.head.head.pos_ in ("VERB", "AUX")):
            actors.extend(self._subjects(gov.head.head))  # "Britain was responsible for the killing of X"
        elif dep == "nsubj" and gov.pos_ == "VERB" and not recipients:
            for c in gov.children:
                if c.dep_ in W.OBJ:
                    recipients.extend(self._code_arg(c))
        if lemma in ("attack", "assault", "bombing", "shooting", "explosion", "blast") and self._subject_is_bomb(t):
            pass
        if dep == "pobj" and gov.dep_ == "prep" and gov.head.pos_ == "VERB" and not recipients:
            # "holding 2000 people as human shields"
            recipients.extend(a for c in gov.head.children if c.dep_ in W.OBJ for a in self._code_arg(c))
        if nc.code[:2] in ("17", "18", "19", "20"):
            # "cyber-attacks on 141 organisations": what an attack is aimed at is its target, named party or not
            self.actorlike.update((r.start, r.end) for c in t.children if c.dep_ == "prep"
                                  and c.lower_ in ("against", "on") for g in c.children
                                  if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and lem(g) not in W.ABSTRACT
                                  for r in self._coordinated(g))
        recipients = [r for r in recipients if (r.start, r.end) in self.actorlike]
        if not recipients and nc.code[:2] in ("18", "19") and t.dep_ == "pobj":
            # "a prisoner died after torture", "died of his wounds from the beating": who died suffered it
            verb = next((v for v in t.ancestors if v.pos_ in ("VERB", "AUX")), None)
            if verb is not None and lem(verb) in W.DIE:
                recipients = [a for c in verb.children if c.dep_ in W.SUBJ for a in self._coordinated(c)]
                actors = [a for a in actors if a not in recipients]
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

    # ------------------------------------------------------------------ helpers

    def _object_names_act(self, lemma: str, noun: Any) -> bool:
        """ "opened fire": the verb-object table codes the pair, and the noun is no event alone ("fire" is one
        only as "cease fire"), so the light verb carries the event."""
        mods = {lem(c) for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
        return (lemma, lem(noun)) in self.lex.verb_objects and self.lex.noun_code(lem(noun), mods) is None

    def _event_noun(self, tok: Any) -> bool:
        return lem(tok) in self.lex.nouns and tok.pos_ in ("NOUN", "PROPN")  # type: ignore[attr-defined]

    def _subject_is_bomb(self, t: Any) -> bool:
        for c in t.children:  # type: ignore[attr-defined]
            if c.dep_ in W.SUBJ and {w.lower_ for w in c.subtree} & W.BOMB_WORDS:
                return True
        return False

    def _event(self, trig: Any, code: str, mode: str | None, actors: list[Actor], recipients: list[Actor],
               neg: bool) -> Event:
        t = trig  # type: ignore[assignment]
        joint = len(_dedupe(actors)) > 1 and code[:2] in ("03", "05", "06")
        if joint:
            # "Jordan and Britain agreed to hold joint exercises", "signed an agreement on customs": parties
            # that act together are each other's counterpart, the matter or the place is no target
            recipients = [r for r in recipients if (r.start, r.end) in self.actorlike and self._named(r)]
        elif not recipients:
            # aid "to help X" is for X, a threat is aimed at whom its condition names, before any place
            recipients = self._beneficiary(t) if code[:2] in ("02", "04", "05", "07") or code == "014" else (
                self._condition_party(t, code, actors))
            recipients = recipients or self._place_target(t)
        actors = [self._domestic(a, t) for a in actors]
        recipients = self._destinations(t, [b for a in recipients for b in self._mission_place(a)])
        recipients = [self._domestic(a, t) for a in recipients]
        if not recipients and not (len(actors) > 1 and self.onto.info(code).quad_class in (1, 2)):
            recipients = self._clause_party(t, actors)  # (joint cooperation by several actors stays reciprocal)
        if not recipients and not (len(actors) > 1 and self.onto.info(code).quad_class in (1, 2)):
            recipients = self._deep_place(t)
        if not recipients and not joint:
            recipients = self._place_target(t, uncoded=True)
        recipients = [self._partitive(a) for a in recipients]
        if (code[:2] in ("18", "19", "20") or code == "138") and len(recipients) == 1:
            recipients = [self._with_place(recipients[0], t)]
        if code == "016":
            # a denial is aimed at the accuser ("denied charges by X", "rejected Israel's accusations"), not at
            # a party named inside the charge ("rejected accusations that her government covered up...")
            recipients = [r for r in recipients if self._accuser(r, t)]
        info = self.onto.info(code)
        sent = self.sentence
        trigger = Span(t.text, t.idx, t.idx + len(t.text))
        a_sec = frozenset(s for a in actors for s in (a.sector or "").split())
        r_sec = frozenset(s for a in recipients for s in (a.sector or "").split())
        r_words = frozenset(w for a in recipients for w in a.text.lower().split())
        # the trigger's subtree (its children included) and three words either side; a word of the sentence
        # is read from ``self.words`` (reading ``lower_`` off a token is costly)
        words, off, n = self.words, self.offset, len(self.words)
        context = frozenset(words[w.i - off] if 0 <= w.i - off < n else w.lower_ for w in t.subtree) \
            | frozenset(words[max(0, t.i - off - 3): t.i - off + 4])
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


def _violent(ev: Event) -> bool:
    return (ev.cameo or "")[:2] in ("18", "19", "20")


def _verb_tagged_noun(t: Any) -> bool:
    """A main-clause word the tagger called a noun though it has a subject and an object or particle, as verbs
    do ("The EU and UN hand over supplies to X", headlines such as "U.S. lifts ban on X")."""
    return t.pos_ == "NOUN" and t.dep_ == "ROOT" and any(c.dep_ in W.SUBJ for c in t.children) and any(
        c.dep_ in W.OBJ or c.dep_ == "prt" for c in t.children)

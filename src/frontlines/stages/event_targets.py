"""Whom an event is aimed at when its own arguments do not say, and whose country a generic agent has.

The fallbacks the sentence coder tries in turn when the verb or noun gives no coded recipient: what a
comment is about, whom aid is meant to help, the first party named later in the clause, a place deep in a
purpose clause, the place the event happens in; also where sent forces end up, the accuser a denial answers,
and the country a generic agent ("the rebels") takes from the sentence. Argument finding proper is in
``event_roles``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..coding import wordlists as W
from ..coding.syntax import lem
from ..records import Actor
from .event_roles import RoleFinder


class TargetFinder(RoleFinder):
    """Target fallbacks and actor countries, on top of the argument finders."""

    def _destinations(self, t: Any, recipients: list[Actor]) -> list[Actor]:
        """A transfer's target is where or to whom it goes ("returned 100 fossils to China", "the withdrawal
        of troops from Iraq"), not what is moved, when both were found."""
        verb = t.head if t.pos_ != "VERB" and t.dep_ in W.OBJ else t
        moved = lem(t) in ("withdrawal", "delivery", "shipment", "deployment")
        if moved:
            # "the deployment of 230 troops to Liberia": the destination, wherever "to" hangs, not what is moved
            near = list(t.subtree) + ([g for p in verb.children if p.dep_ == "prep" for g in p.children]
                                      if verb is not t else [])  # "announced the deployment ... to Liberia"
            dest = [a for tok in near if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "into")
                    and any(x.country for x in self.by_head.get(tok.i, ())) for a in self._code_arg(tok)][:1]
            if dest:
                return dest
        if len(recipients) < 2 or not (lem(t) in W.TRANSFER or lem(verb) in W.TRANSFER or moved):
            return recipients
        ends = []
        for a in recipients:
            span = self.ann.doc.char_span(a.start, a.end, alignment_mode="expand")  # type: ignore[attr-defined]
            root = span.root if span is not None and len(span) else None
            while root is not None and root.dep_ == "conj" and root.head.i != root.i:
                root = root.head  # "to the United States and Israel"
            if root is not None and root.dep_ == "pobj" and root.head.lower_ in ("to", "into", "from", "with"):
                ends.append(a)
        return ends or recipients

    def _accuser(self, a: Actor, t: Any) -> bool:
        """The party that made the charge a denial answers: the charge's owner or its "by"/"from" party."""
        span = self.ann.doc.char_span(a.start, a.end, alignment_mode="expand")  # type: ignore[attr-defined]
        root = span.root if span is not None and len(span) else None
        while root is not None and root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # "charges from X and Y"
        if root is None:
            return False
        if root.dep_ in W.OBJ:  # "rejected Netanyahu's suggestion": the whole charge, owned by its author
            return any(c.dep_ == "poss" for c in root.children)
        charge = root.head.head if root.dep_ == "pobj" else root.head
        near = charge.i == t.i or charge.head.i == t.i  # on the denial or on its object, not deep in the charge
        return near and (root.dep_ == "poss" or root.dep_ == "pobj" and root.head.lower_ in ("by", "from"))

    def _place_only(self, a: Actor) -> bool:
        """A recipient that only says where ("in western Mosul"), not whom ("near an army base" is aimed at)."""
        span = self.ann.doc.char_span(a.start, a.end, alignment_mode="expand")  # type: ignore[attr-defined]
        root = span.root if span is not None and len(span) else None
        return root is not None and root.dep_ == "pobj" and root.head.lower_ in ("in", "inside", "across")

    def _topic(self, t: Any) -> list[Actor]:
        """What a comment is about ("expressed optimism at a bipartisan deal", "pessimism over Alitalia's future",
        "condolences over the earthquake in Sichuan"): the whole phrase, party or not, as event coders mark it."""
        hosts = [t] + [c for c in t.children if c.dep_ in W.OBJ]  # type: ignore[attr-defined]
        for h in hosts:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in W.TOPIC_PREPS:
                    heads = [g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")
                             and lem(g) not in W.IN_IDIOMS and lem(g) != "behalf"]
                    found = [a for g in heads for a in self._coordinated(g)]
                    if found:
                        return found
        return []

    def _beneficiary(self, t: Any) -> list[Actor]:
        """Aid or an appeal "to help X" is aimed at X, coded or not ("earmarked aid to help Haiti cope",
        "an appeal to help people in need in Ethiopia", "a mediation effort to help the two sides reach...")."""
        node = t
        while node.dep_ == "compound" and node.head.i != node.i:
            node = node.head  # "a mediation effort designed to help..."
        clause = node.head if node.pos_ != "VERB" and node.head.pos_ in ("VERB", "AUX") else node
        for v in clause.subtree:
            if v.i <= t.i or v.pos_ != "VERB" or lem(v) not in W.HELP or v.dep_ not in ("xcomp", "advcl", "acl"):
                continue
            heads = [c for c in v.children if c.dep_ in W.OBJ] or [
                s for c in v.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ in W.SUBJ]
            found = [a for h in heads if h.pos_ in ("NOUN", "PROPN") for a in self._coordinated(h, allow_event_noun=False)]
            if found:
                return found
        return []

    def _condition_party(self, t: Any, code: str, actors: list[Actor]) -> list[Actor]:
        """A threat's target is whoever its condition names ("threatened to resume attacks unless Colombia
        frees their leaders", "will cut off talks if India goes ahead"): the subject of the "if/unless"
        clause on the threat, on what is threatened, or on the threat verb governing it; not the threatener
        itself ("threatened to strike unless they are paid"). Also for the act threatened, when an event noun
        carries it ("threatened to hold a general strike unless the government...")."""
        carrier = t.head if t.pos_ != "VERB" and t.dep_ in W.OBJ and t.head.pos_ == "VERB" else t
        threatened = carrier.dep_ == "xcomp" and lem(carrier.head) in W.THREAT_VERBS
        if code[:2] != "13" and not threatened:
            return []
        hosts = [t, carrier, *(c for c in t.children if c.dep_ == "xcomp")]
        if threatened:
            hosts.append(carrier.head)
        taken = {(a.start, a.end) for a in actors}
        for h in hosts:
            for c in h.children:
                if c.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                    continue
                found = [a for s in c.children if s.dep_ == "nsubj" for a in self._coordinated(s)
                         if (a.start, a.end) in self.actorlike and (a.start, a.end) not in taken]
                if found:
                    return found
        return []

    def _rally_target(self, t: Any) -> list[Actor]:
        """A call on people to act "against" someone is aimed at that adversary, party or thing ("called on
        Arabs to unite and mobilize against Sharon", "called on workers to join a rally against the new rules"),
        not at the people called on."""
        todo = [c for c in t.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        while todo:  # the act's own phrases, not a clause inside it ("ensure police do not act against X")
            p = todo.pop(0)
            todo.extend(c for c in p.children if c.dep_ not in ("ccomp", "advcl", "relcl", "acl", "parataxis"))
            if p.dep_ == "prep" and p.lower_ == "against":
                found = [a for g in p.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")
                         for a in self._coordinated(g, allow_event_noun=False)]
                if found:
                    return found
        return []

    def _where_held(self, t: Any) -> list[Actor]:
        """Who arrests, expels, tortures or investigates when a passive names no one ("was arrested in Rwanda",
        "were expelled from North Korea", "was tortured in a prison in Jordan"): the state where it happens,
        as both gold sets code it; an uncoded place only when it is a named one ("in Tarcin")."""
        for c in t.children:
            if c.dep_ != "prep" or c.lower_ not in W.IN_PLACE | {"from", "at"}:
                continue
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                for tok in g.subtree:
                    if (tok.i == g.i or tok.dep_ == "pobj" and tok.head.lower_ in W.IN_PLACE) and any(
                            a.country for a in self.by_head.get(tok.i, ())):
                        return self._code_arg(tok)
                if g.ent_type_ in ("GPE", "LOC"):
                    return self._code_arg(g)
        return []

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
            if found and all(self._own_force(a, generic=lem(t) in W.TRANSFER | W.FORCE_VERBS) for a in found):
                continue  # "withdraw its troops from Abyei", "mobilized troops for a war against Iraq"
            if found:
                return found
        return []

    def _deep_place(self, t: Any) -> list[Actor]:
        """Still no recipient: the country or region the action is for, named in a purpose or object clause
        ("provided aid to fight the epidemic in West Africa", "donated funds to help people in Yemen")."""
        places = [tok for tok in t.subtree if tok.i > t.i and tok.dep_ == "pobj" and tok.head.lower_ in W.IN_PLACE]
        for tok in places:
            coded = self.by_head.get(tok.i)
            if coded and any(a.country for a in coded):
                return self._code_arg(tok)
        if lem(t) in W.TRANSFER or (self.lex.verbs.get((lem(t), "")) or "")[:2] == "07":
            # aid "to stem the Ebola outbreak in West Africa": a region no dictionary codes
            for tok in places:
                if tok.ent_type_ in ("GPE", "LOC"):
                    return self._code_arg(tok)
        return []

    def _place_target(self, t: Any, uncoded: bool = False) -> list[Actor]:
        """No recipient: the coded place the event happens in ("imposed a curfew in Cizre"), as PLOVER codes it;
        with ``uncoded``, also a place no dictionary codes (the last resort)."""
        heads = [t] + [c for c in t.children if c.dep_ in W.OBJ]  # type: ignore[attr-defined]
        if t.pos_ != "VERB":
            # "declared a state of siege in Pando", "remained on alert in Paris": the place hangs on the
            # noun's frame or on the verb that carries it
            n = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN" else t
            if n is not t:
                heads.append(n)
            gov = n.head.head if n.dep_ == "pobj" else n.head
            if n.dep_ in W.OBJ | {"pobj"} and gov.pos_ in ("VERB", "AUX"):
                heads.append(gov)
        # "lifted the state of emergency in Juba": the place hangs on the object's "of" noun
        heads += [g for h in heads[1:] for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                  for g in p.children if g.dep_ == "pobj"]
        for h in heads:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in W.IN_PLACE:
                    for g in c.children:
                        if g.dep_ != "pobj":
                            continue
                        if self.by_head.get(g.i):
                            return self._code_arg(g)
                        if (g.pos_ == "NOUN" and lem(g) not in self.lex.nouns and lem(g) not in W.IN_IDIOMS
                                and self._inner_party(g)):
                            return self._code_arg(g)  # "a curfew in parts of Kashmir"
                        if uncoded and (g.ent_type_ in ("GPE", "LOC", "FAC") or lem(g) in W.PLACE_NOUNS):
                            return self._code_arg(g)  # a place the dictionaries do not know ("in Pando")
        return []

    def _mission_place(self, a: Actor) -> list[Actor]:
        """An international mission named by where it serves ("troops to the UN peacekeeping mission in Mali",
        "contribute to the NATO-led security force in Afghanistan") stands for that country, as event coders
        mark it; any other party stays as it is."""
        span = self.ann.doc.char_span(a.start, a.end, alignment_mode="expand")  # type: ignore[attr-defined]
        if span is None or not len(span):
            return [a]
        h = span.root
        if lem(h) not in W.MISSIONS or not any(lem(c) in W.MISSION_KINDS for c in h.lefts):
            return [a]
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                for g in c.children:
                    coded = self.by_head.get(g.i)
                    if g.dep_ == "pobj" and coded and any(x.country for x in coded):
                        return self._code_arg(g) or [a]
        return [a]

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

    def _partitive(self, a: Actor) -> Actor:
        """The part of a party acted on is the target with its quantity ("a curfew in parts of Kashmir", "will
        release three of the hostages", "expelled some of the peacekeepers")."""
        span = self.ann.doc.char_span(a.start, a.end, alignment_mode="expand")  # type: ignore[attr-defined]
        if span is None or not len(span):
            return a
        r = span.root
        of = r.head
        if r.dep_ != "pobj" or of.lower_ != "of" or of.head.i >= r.i:
            return a
        q = of.head
        if not (lem(q) in W.QUANT or q.pos_ == "NUM") or lem(q) in W.MEASURES:
            return a  # "a shipment of ventilators", "the batch of 200 peacekeepers": the thing, not a part
        start = q.left_edge.idx
        if start >= a.start or q.left_edge.i < self.toks[0].i:
            return a
        return replace(a, start=start, text=self.text[start:a.end])

    def _with_place(self, a: Actor, t: Any) -> Actor:
        """An attack's target with where it stands, when the parser hung the place on the verb ("stormed a police
        headquarters in eastern Afghanistan", "killed 148 students at a university in Garissa")."""
        doc: Any = self.ann.doc
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None or not len(span) or span.end >= len(doc):
            return a
        prep = doc[span.end]
        if prep.lower_ not in ("in", "near", "at", "across") or prep.dep_ != "prep" or prep.head.i != t.i:
            return a
        place = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if place is None or not (place.ent_type_ in ("GPE", "LOC", "FAC") or self.by_head.get(place.i)
                                 or lem(place) in W.PLACE_NOUNS):
            return a
        end = prep.right_edge.idx + len(prep.right_edge.text)
        return replace(a, end=end, text=self.text[a.start:end])

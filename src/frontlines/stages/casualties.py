"""Count mentions: who was killed, hurt, arrested, displaced or gathered, and how many.

A count is found from a *trigger* (a word that says what happened to people: "killed", "wounded",
"arrested", "protesters", "death toll") and the noun phrase that names the people (its passive
subject, object, or the noun it modifies). Numbers are read by ``numwords`` (vague amounts follow
ACLED's conservative convention, documented there). Running totals are flagged ``statistic`` (``tolls``
reads the clause for them).

Besides the five public kinds, two internal kinds: "casualties" (people shot, stabbed or hit whose
fate the phrase leaves open) and "fatal" ("a deadly shooting": dead the text implies but never
counts). ``quantities.article_counts`` uses them ("two were shot, one fatally" = 1 killed, 1 injured).
"""


from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from ..records import Annotation, Quantity
from ..temporal import find_dates
from .counting import Count, Phrase, add_counts, coordinated_arguments, count_phrase, number_phrases
from .tolls import TOLL_NOUNS, cumulative, toll_subject

Tok = Any  # a spaCy Token (or Span/Doc where named so); spaCy ships no type stubs

KILL_VERBS = {"kill", "murder", "slay", "execute", "assassinate", "massacre", "behead", "slaughter", "lynch",
              "gun", "die", "perish", "succumb", "drown", "strangle", "suffocate"}
INJURE_VERBS = {"wound", "injure", "hurt", "maim", "hospitalize", "hospitalise", "graze"}
HARM_VERBS = {"shoot", "stab", "hit", "strike", "beat", "attack", "assault", "target"}
ARREST_VERBS = {"arrest", "detain", "apprehend", "jail", "imprison", "capture", "abduct", "kidnap", "round"}
DISPLACE_VERBS = {"displace", "flee", "uproot", "evacuate"}
CROWD_VERBS = {"protest", "demonstrate", "rally", "march", "gather", "assemble", "converge"}

KILL_NOUNS = {"death", "fatality", "dead", "body", "corpse", "killing", "murder", "slaying", "assassination", "life"}
INJURE_NOUNS = {"injury", "wounded", "injured", "wound"}
HARM_NOUNS = {"casualty", "victim", "shooting", "stabbing"}
ARREST_NOUNS = {"arrest", "detainee", "detention", "prisoner"}
DISPLACE_NOUNS = {"refugee", "displaced", "evacuee"}
CROWD_NOUNS = {"protester", "protestor", "demonstrator", "marcher", "crowd", "rally", "mourner", "supporter",
               "participant"}

_SEVERITY = {"critical", "stable", "serious", "fair", "grave", "guarded", "satisfactory"}
FATAL_WORDS = {"fatally", "dead", "death", "fatal", "mortally"}
_HARM_HEADS_NOT_PEOPLE = {"house", "home", "car", "vehicle", "window", "building", "door", "checkpoint", "convoy",
                          "target", "tank", "truck", "plane", "aircraft", "drone", "helicopter", "ship", "wall",
                          "round", "shot", "bullet", "gun", "weapon", "hole", "ball", "video", "film", "photo",
                          "picture", "scene", "record", "deal", "goal", "area", "market", "position", "base"}
_ADDITIVE = {"another", "second", "third", "fourth", "other", "others", "additional", "more", "separate"}
_ANAPHORIC = {"the", "those", "these", "both", "all", "its", "their"}


@dataclass(frozen=True, slots=True)
class Mention:
    """One count in the text, before it is attached: the number, who and how it relates to others."""

    kind: str  # killed | injured | casualties | arrested | displaced | crowd
    count: Count
    trigger: int  # token index of the trigger word
    sentence: int  # index into ann.sentences
    historical: bool = False  # in a sentence dated months before the document: another event
    additive: bool = False  # "another man was shot": more victims, not the same ones again
    anaphoric: bool = False  # "the victims", "both men": people already counted
    statistic: bool = False
    population: str | None = None
    victim: str | None = None  # lemma of the head of the people's noun phrase ("policeman")

    def quantity(self) -> Quantity:
        c = self.count
        return Quantity(self.kind, c.low, c.best, c.high, c.qualifier, c.text, c.start, c.end)


# every lemma and word form ``_kind_of`` or ``_fatal_incident`` can answer for (keep in step with both):
# the other tokens of a sentence skip them
_KIND_LEMMAS = frozenset({"shoot", "number", "total", "custody", "condition", "shooting", "stabbing", "attack",
                          "incident", "assault", "crash", "homicide", "suicide", "killing", "slaying"}
                         | HARM_VERBS | KILL_VERBS | INJURE_VERBS | ARREST_VERBS | DISPLACE_VERBS | CROWD_VERBS
                         | KILL_NOUNS | INJURE_NOUNS | HARM_NOUNS | ARREST_NOUNS | DISPLACE_NOUNS | CROWD_NOUNS
                         | TOLL_NOUNS)
_KIND_WORDS = frozenset({"wounded", "injured", "dead", "killed", "hurt", "displaced", "shot", "stabbed"})


def _kind_of(tok: Tok) -> str | None:
    lemma = tok.lemma_.lower()
    text = tok.lower_
    pos = tok.pos_
    if pos in ("VERB", "AUX") or (pos == "ADJ" and tok.tag_ == "VBN"):
        if lemma == "shoot" or lemma in HARM_VERBS:
            return "killed" if _fatal(tok) else "casualties"
        if lemma in KILL_VERBS:
            return "killed"
        if lemma in INJURE_VERBS or text in ("wounded", "injured"):
            return "injured"
        if lemma in ARREST_VERBS:
            if lemma == "round" and not any(c.lower_ == "up" for c in tok.children):
                return None
            return "arrested"
        if lemma in DISPLACE_VERBS:
            return "displaced"
        if lemma in CROWD_VERBS:
            return "crowd"
        return None
    if pos in ("NOUN", "ADJ", "PROPN"):
        if text in ("dead", "killed"):
            return "killed"
        if text in ("shot", "stabbed") and tok.dep_ == "ROOT" and any(c.dep_ == "nummod" for c in tok.children):
            return "casualties"  # headline "Three shot, one dead": the participle taken for a noun
        if text in ("wounded", "injured", "hurt"):
            return "injured"
        if lemma in KILL_NOUNS and pos == "NOUN":
            return "killed"
        if lemma in INJURE_NOUNS and pos == "NOUN":
            if any(c.lower_ in ("fatal", "fatally") for c in tok.children):
                return "killed"
            # a wound says someone was hit, not that they lived: the count decides with the deaths
            return "casualties" if lemma in ("wound", "injury") else "injured"
        if lemma in HARM_NOUNS and pos == "NOUN":
            fatal = any(c.lower_ in ("fatal", "deadly") and not _negated_prefix(c) for c in tok.children)
            return "killed" if fatal else "casualties"
        if lemma in ARREST_NOUNS and pos == "NOUN":
            return "arrested"
        if lemma in DISPLACE_NOUNS or text == "displaced":
            return "displaced"
        if lemma in CROWD_NOUNS and pos == "NOUN":
            return "crowd"
        if lemma in ("number", "total") and pos == "NOUN":
            return _number_of(tok)
        if lemma == "custody" and tok.head.lower_ in ("into", "in") and tok.head.head.lemma_ in ("take", "place"):
            return "arrested"
        if lemma == "condition" and any(c.lower_ in _SEVERITY for c in tok.children):
            return "injured"
        if lemma in TOLL_NOUNS:
            return "killed" if not any(c.lower_ in ("injury", "arrest") for c in tok.children) else None
    return None


def _number_of(tok: Tok) -> str | None:
    """'the number of Iraqis killed', 'the total of dead', 'the number killed': a toll of the kind its
    'of' phrase (or participle) says."""
    for acl in tok.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in KILL_VERBS | INJURE_VERBS:
            return "killed" if acl.lemma_.lower() in KILL_VERBS else "injured"
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for t in prep.subtree:
                low, lemma = t.lower_, t.lemma_.lower()
                if lemma in KILL_VERBS or lemma in KILL_NOUNS or low == "dead":
                    return "killed"
                if lemma in INJURE_VERBS or low in ("wounded", "injured"):
                    return "injured"
                if lemma in ARREST_VERBS or lemma in ARREST_NOUNS:
                    return "arrested"
    return None


def _one_death(tok: Tok) -> bool:
    """'a shooting death', 'a stabbing murder': one dead, where the noun says how they were killed
    ('a killing' alone is as often an idiom, 'a body' a legislature)."""
    return tok.tag_ == "NN" and tok.lemma_.lower() in _HOW_KILLED_NOUNS and any(
        c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children) and any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in _HOW_KILLED for c in tok.children) \
        and _multiple_incident(tok) is None


_HOW_KILLED_NOUNS = {"death", "killing", "slaying", "murder", "homicide"}
_HOW_KILLED = {"shooting", "shoot", "stabbing", "stab", "gun", "gunshot", "beating", "strangulation"}


def _negated_prefix(tok: Tok) -> bool:
    """'non-fatal' comes as 'non', '-', 'fatal'."""
    return tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "non"


def _fatal_incident(tok: Tok) -> int:
    """'a fatal shooting', 'a homicide', 'a murder-suicide': the least number of dead the words
    imply (0 when they imply none), for articles that never say who died."""
    lemma = tok.lemma_.lower()
    if lemma in ("shooting", "stabbing", "attack", "incident", "assault", "crash") and tok.pos_ == "NOUN":
        return 1 if any(c.lower_ in ("fatal", "deadly") and not _negated_prefix(c) for c in tok.children) else 0
    if lemma == "homicide" and tok.pos_ == "NOUN":
        return 0 if any(c.lower_ in _IRREALIS_MOD for c in tok.children) else 1  # "attempted homicide"
    if lemma == "suicide" and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "murder":
        return 2
    return 0


_MULTIPLE = {"double": 2, "triple": 3, "quadruple": 4}
_INCIDENTS = {"shooting", "stabbing", "homicide", "murder", "killing", "slaying"}


def _multiple_incident(tok: Tok) -> tuple[str, int] | None:
    """'a double shooting' (two people shot), 'a triple homicide' (three dead): the victims the
    incident's name counts, 'fatal' for killings, else people hit whose fate it leaves open."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma not in _INCIDENTS:
        return None
    doc = tok.doc
    left = [doc[k] for k in range(max(tok.sent.start, tok.i - 3), tok.i)]
    while left and (left[-1].text in ("-", "–") or left[-1].lower_ in ("fatal", "deadly")):
        left.pop()  # "double-homicide", "triple fatal shooting"
    n = _MULTIPLE.get(left[-1].lower_) if left else None
    if n is None:
        return None
    fatal = lemma not in ("shooting", "stabbing") or _fatal_incident(tok) > 0 or any(
        t.lower_ in ("fatal", "deadly") for t in doc[left[-1].i:tok.i])
    return ("fatal" if fatal else "casualties"), n


def _fatal(tok: Tok) -> bool:
    """'shot dead', 'fatally shot', 'shot to death', 'shot and killed' (the kill verb counts itself)."""
    for c in tok.children:
        if c.lower_ in FATAL_WORDS:
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_ == "death" for g in c.children):
            return True
    return False


def _is_passive(tok: Tok) -> bool:
    if any(c.dep_ in ("dobj", "obj") for c in tok.children):
        return False
    if tok.dep_ == "acl" and not any(c.dep_ == "nsubj" for c in tok.children):
        return True  # "a 27-year-old male, shot in the back": a reduced relative, whatever its tag
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
        tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod", "conj", "ccomp", "xcomp", "oprd", "advcl"))


def _victims(tok: Tok, kind: str) -> list[Tok]:
    """The tokens heading the noun phrase(s) of the people a trigger is about; a relative pronoun
    ("a man who was shot") stands for the noun it hangs off."""
    out = []
    for v in _victims_raw(tok, kind):
        if v.lower_ in ("who", "that", "whom") and v.head.dep_ == "relcl":
            v = v.head.head
        if v.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET"):
            out.append(v)
    return out


def _victims_raw(tok: Tok, kind: str) -> list[Tok]:
    children = list(tok.children)
    dep, pos, lemma = tok.dep_, tok.pos_, tok.lemma_.lower()
    if pos in ("NOUN", "PROPN") or (pos == "ADJ" and tok.tag_ != "VBN"):
        if lemma in TOLL_NOUNS or lemma in ("number", "total") or toll_subject(tok):
            return _toll_value(tok)
        if lemma in ("wound", "injury", "condition", "custody"):
            return _bearer(tok)  # "two gunshot wounds" counts wounds, not people
        if lemma in ("shooting", "stabbing") and not any(c.dep_ == "prep" and c.lower_ == "of" for c in children):
            return []  # "two fatal shootings" counts incidents, not people
        if any(c.dep_ in ("nummod", "quantmod") for c in children):
            return [tok]  # "12 dead", "60 deaths"
        if dep in ("oprd", "acomp", "xcomp", "ccomp", "advmod") and tok.head.pos_ in ("VERB", "AUX"):
            # "left 5 dead", "was found dead": the people are the verb's object or subject
            head = tok.head
            order = {"dobj": 0, "nsubjpass": 1, "nsubj": 2}
            objs = sorted((c for c in head.children if c.dep_ in order and c.i != tok.i), key=lambda c: order[c.dep_])
            return objs[:1]
        if dep == "amod":
            return [tok.head]
        if dep == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != tok.i:
            up = tok.head.head
            if up.like_num or up.lower_ in ("dozens", "hundreds", "thousands", "scores", "tens", "millions"):
                return [up]  # "thousands of protesters"
        of = [g for c in children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if of:
            return of[:1]  # "the killing of three protesters", "a crowd of 5,000", "the lives of 30"
        if lemma == "life" and dep == "dobj" and tok.head.lemma_.lower() == "lose":
            return coordinated_arguments(tok.head, [c for c in tok.head.children if c.dep_ == "nsubj"])
        return [tok]
    if lemma in ("die", "perish", "succumb", "drown", "flee") or kind == "crowd":
        subj = coordinated_arguments(tok, [c for c in children if c.dep_ in ("nsubj", "nsubjpass")])
        return subj or _inherited_subject(tok)
    if _is_passive(tok):
        subj = coordinated_arguments(tok, [c for c in children if c.dep_ in ("nsubjpass", "nsubj")])
        if subj:
            return subj
        if dep in ("acl", "amod"):
            return [tok.head]  # "five people killed in the blast"
        return _inherited_subject(tok)
    objs = coordinated_arguments(tok, [c for c in children if c.dep_ in ("dobj", "obj")])
    if objs:
        return objs
    if dep == "conj" and tok.head.pos_ == "VERB":
        # "shot and killed a man": the object hangs off the second verb or is shared
        shared = [c for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass")][:1]
        if shared:
            return shared
    subj = coordinated_arguments(tok, [c for c in children if c.dep_ == "nsubj"])
    if subj and not any(c.dep_ in ("prep", "prt") and c.lower_ in ("at", "into", "on", "up", "back", "toward",
                                                                    "towards", "through") for c in children):
        return subj  # headline style: "Man shot outside bar", "Four wounded in shooting"
    return []


_BEAR_VERBS = {"suffer", "sustain", "receive", "treat", "have", "be", "remain", "list", "hospitalize", "take",
               "transport", "rush", "find", "leave", "die", "recover", "airlift", "fly", "place"}


_DISPLACED_PEOPLE = {"people", "family", "resident", "civilian", "villager", "refugee", "person", "household",
                     "inhabitant", "thousand", "hundred", "million", "dozen", "local", "citizen", "displaced"}


def _displacement(tok: Tok, victims: list[Tok]) -> bool:
    """Fleeing counts as displacement for populations ("2,000 families fled"), not for a suspect
    who fled the scene."""
    if tok.lemma_.lower() != "flee":
        return True
    if any(t.lemma_.lower() in ("home", "village", "town", "city", "country", "area", "region")
           for c in tok.children for t in c.subtree):
        return True
    return any(v.lemma_.lower() in _DISPLACED_PEOPLE or v.like_num for v in victims)


def _along_with(tok: Tok) -> list[Tok]:
    """'was killed along with his brother': more victims in a 'with' phrase (spaCy hangs it off
    'along' or off the verb)."""
    out: list[Tok] = []
    for c in tok.children:
        if c.lower_ in ("along", "together"):
            preps = [g for g in c.children if g.dep_ == "prep" and g.lower_ == "with"]
        elif c.dep_ == "prep" and c.lower_ == "with" and c.i > 0 and tok.doc[c.i - 1].lower_ in ("along", "together"):
            preps = [c]
        else:
            continue
        out.extend(g for p in preps for g in p.children if g.dep_ == "pobj")
    return out


def _bearer(tok: Tok) -> list[Tok]:
    """Who has the wound or is in the condition: 'a man with a gunshot wound', 'he suffered
    injuries', 'the victim is in critical condition', 'was treated for wounds'."""
    node = tok
    if node.dep_ == "pobj":
        node = node.head
        if node.lower_ == "with" and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [node.head]
        if node.head.pos_ in ("VERB", "AUX"):
            objs = [c for c in node.head.children if c.dep_ == "dobj"]
            if objs and node.head.lemma_.lower() in _BEAR_VERBS:
                return objs[:1]  # "left a man in critical condition"
    head = node.head if node.dep_ in ("dobj", "prep", "attr", "pobj", "nsubj") else None
    if head is None or head.lemma_.lower() not in _BEAR_VERBS:
        return []
    if node.lower_ == "with":
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if objs:
            return objs[:1]
    subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i]
    return subj[:1] or _inherited_subject(head)


def _inherited_subject(tok: Tok) -> list[Tok]:
    node = tok
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":  # "a man is recovering after being shot"
        subj = coordinated_arguments(tok.head.head, [c for c in tok.head.head.children
                                                      if c.dep_ in ("nsubj", "nsubjpass")])
        if subj:
            return subj
    for _ in range(3):
        if node.dep_ not in ("conj", "xcomp", "advcl"):
            break
        node = node.head
        subj = coordinated_arguments(node, [c for c in node.children if c.dep_ in ("nsubjpass", "nsubj")])
        if subj and (node.dep_ != "advcl" or _is_passive(node)):
            return subj
    return []


def _toll_value(tok: Tok) -> list[Tok]:
    """'the toll rose to 60', 'reached 4,000', 'stood at 30', 'is 12': the number after the verb."""
    head = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj") or head.pos_ not in ("VERB", "AUX"):
        return []
    for c in head.children:
        if c.dep_ in ("dobj", "attr", "npadvmod") and (c.like_num or c.pos_ == "NUM"):
            return [c]
        if c.dep_ == "prep" and c.lower_ in ("to", "at"):
            return [g for g in c.children if g.dep_ == "pobj"][:1]
    # "brings the number of Iraqis killed since 2003 to 80,000": the 'to' slid under the 'of' phrase
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ == "to":
            nums = [g for g in t.children if g.dep_ == "pobj" and (g.like_num or g.pos_ == "NUM")]
            if nums:
                return nums[:1]
    return []


class _SentenceMentions:
    """Extracts the mentions in one spaCy sentence span."""

    def __init__(self, span: Tok, index: int) -> None:
        self.span = span
        self.index = index
        self._phrases: list[Phrase] | None = None

    @property
    def phrases(self) -> list[Phrase]:
        """The sentence's number phrases, found when a toll word first asks (most sentences have none)."""
        if self._phrases is None:
            self._phrases = number_phrases(self.span)
        return self._phrases

    def run(self) -> list[Mention]:
        out: list[Mention] = []
        used: set[tuple[str, int]] = set()
        for tok in self.span:
            if tok.lemma_.lower() not in _KIND_LEMMAS and tok.lower_ not in _KIND_WORDS:
                continue  # neither a toll word nor a fatal incident
            fatal = _fatal_incident(tok)
            if fatal:
                count = Count(fatal, fatal, fatal, "exact", tok.text, tok.idx, tok.idx + len(tok.text))
                out.append(Mention("fatal", count, tok.i, self.index))
            many = _multiple_incident(tok)
            if many is not None:
                k, n = many
                out.append(Mention(k, Count(n, n, n, "exact", tok.text, tok.idx, tok.idx + len(tok.text)),
                                   tok.i, self.index))
            kind = _kind_of(tok)
            if kind is None:
                continue
            if _irrealis(tok) or _nonviolent_death(tok) or _names_a_suspect(tok):
                continue
            if kind == "crowd" and tok.pos_ == "NOUN" and _kind_of(tok.head) not in (None, "crowd"):
                continue  # "protesters were arrested": an arrest count, not a crowd size
            victims = _victims(tok, kind)
            if kind == "injured" and tok.pos_ == "VERB" and victims and victims[0].lower_ in _REFLEXIVE:
                continue  # "fell 25 feet, injuring himself": hurt in a fall or a crash, not by violence
            if kind == "displaced" and not _displacement(tok, victims):
                continue  # "the suspect fled the scene" is no displacement
            victims += _along_with(tok) if victims else []
            counts = [(v, count_phrase(v, self.phrases,
                                       default_one=kind not in ("crowd", "displaced") and v.i != tok.i))
                      for v in victims]
            found = [(v, c) for v, c in counts if c is not None and c.best is not None]
            if not found and kind == "killed" and victims == [tok] and _one_death(tok):
                found = [(tok, Count(1, 1, 1, "exact", tok.text, tok.idx, tok.idx + len(tok.text)))]
            if not found:
                continue
            victim, count = found[0]
            if len(found) > 1:  # "his five children as well as his wife were killed": two subjects
                count = add_counts([c for _, c in found], tok.doc)
            if count.qualifier == "vague" and (count.low or 0) < 10 and tok.pos_ == "NOUN":
                continue  # "so many deaths this month": talk about violence, not a count of one event
            if any(c.dep_ == "neg" for c in tok.children):  # "the deputy was not injured"
                count = Count(0, 0, 0, "exact", count.text, count.start, count.end)
            key = (kind, count.start or victim.i)
            if key in used:
                continue
            used.add(key)
            out.append(self._mention(kind, count, tok, victim))
            out.extend(self._fatal_subset(tok, kind))
        return out

    def _fatal_subset(self, tok: Tok, kind: str) -> list[Mention]:
        """'two men were shot, one fatally': a number modified by 'fatally' is the killed subset."""
        if kind != "casualties":
            return []
        out = []
        for c in tok.children:
            if (c.like_num or c.lower_ == "one") and any(g.lower_ in ("fatally", "mortally") for g in c.children):
                count = count_phrase(c, self.phrases)
                if count is not None:
                    out.append(Mention("killed", count, tok.i, self.index))
        return out

    def _mention(self, kind: str, count: Count, tok: Tok, victim: Tok) -> Mention:
        mods = {c.lower_ for c in victim.children} | {victim.lower_}
        heads = [tok, tok.head] if tok.dep_ == "conj" else [tok]
        additive = bool(mods & _ADDITIVE) or any(c.lower_ == "also" for h in heads for c in h.children)
        anaphoric = bool({c.lower_ for c in victim.children if c.dep_ in ("det", "poss", "predet")} & _ANAPHORIC)
        statistic, population = cumulative(tok, victim, self.span, count)
        if kind in ("killed",) and statistic is False and (tok.lemma_.lower() in TOLL_NOUNS or toll_subject(tok)):
            anaphoric = True  # "the toll rose to 12" updates an event already counted
        return Mention(kind, count, tok.i, self.index, additive=additive, anaphoric=anaphoric,
                       statistic=statistic, population=population, victim=victim.lemma_.lower())


_IRREALIS_AUX = {"to", "would", "could", "might", "may", "will", "can", "should", "must", "'d", "wo", "ca"}
_IRREALIS_MOD = {"possibly", "nearly", "almost", "attempted", "potential", "possible", "planned", "threatened"}


_NONVIOLENT = {"blizzard", "storm", "flood", "earthquake", "quake", "accident", "crash", "illness", "cancer",
               "disease", "overdose", "cause", "complication", "snow", "heat", "cold", "fire", "avalanche",
               "landslide", "drowning", "collision", "wreck", "attack"}


_REFLEXIVE = {"himself", "herself", "themselves", "themself"}
_PERPETRATORS = {"suspect", "gunman", "shooter", "attacker", "assailant", "killer"}


def _names_a_suspect(tok: Tok) -> bool:
    """'shooting suspect Earnest Hardy': a compound the model reads as a gerund with an object;
    the suspect of a shooting, no one shot."""
    if tok.tag_ != "VBG" or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    return nxt.head.i == tok.i and nxt.lemma_.lower() in _PERPETRATORS and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children)


def _nonviolent_death(tok: Tok) -> bool:
    """'died during the blizzard', 'killed in a car crash', 'died of cancer': no political or armed
    violence. ('heart attack' is an attack only with its compound.)"""
    if tok.lemma_.lower() not in KILL_VERBS:
        return False
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "of", "from", "after"):
            continue
        for obj in prep.children:
            lemma = obj.lemma_.lower()
            if obj.dep_ == "pobj" and lemma in _NONVIOLENT and (
                    lemma != "attack" or any(c.lower_ == "heart" for c in obj.children)):
                return True
    return False


def _irrealis(tok: Tok) -> bool:
    """'told them to kill him', 'could have killed', 'nearly killing', 'attempted murder': no one
    was (yet) hurt. Planned protests are the exception the crowd count does not need either."""
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in _IRREALIS_AUX:
            return True
        if c.dep_ in ("advmod", "amod") and c.lower_ in _IRREALIS_MOD:
            return True
    return tok.dep_ == "pcomp" and tok.head.lower_ == "of" and tok.head.head.lower_ in ("inches", "threat", "risk")


def extract_mentions(ann: Annotation) -> list[Mention]:
    """All count mentions in the annotation's sentences (boilerplate skipped)."""
    doc: Tok = ann.doc
    out: list[Mention] = []
    if doc is None:
        return out
    old = _historical_sentences(ann)
    for i, sentence in enumerate(ann.sentences):
        if sentence.block == "boilerplate":
            continue
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is not None:
            found = _SentenceMentions(span, i).run()
            out.extend(replace(m, historical=True) for m in found) if i in old else out.extend(found)
    return out


def _historical_sentences(ann: Annotation, days: int = 90) -> set[int]:
    """Sentences dated well before the document ("in December 2012, 26 people died"): the document
    date, or failing it the latest date the text gives, is the reference."""
    per_sentence = [find_dates(s.text, ann.document.date) for s in ann.sentences]
    ref = ann.document.date or max((d.end for ds in per_sentence for d in ds if d.end), default=None)
    if ref is None:
        return set()
    try:
        limit = (date.fromisoformat(ref[:10]) - timedelta(days=days)).isoformat()
    except ValueError:
        return set()
    # a span that runs up to the document's date ("this year", "since 2003") is no earlier event
    now = ann.document.date[:10] if ann.document.date else None
    return {i for i, ds in enumerate(per_sentence) if any(
        d.start and d.start < limit and not (now and d.end and d.end >= now) for d in ds)}


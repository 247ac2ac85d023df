"""Word lists and dependency labels the event coder's rules use (project's own lists).

Kept apart from ``stages/events.py`` so the rules read as code; each list says what it is for.
"""

from __future__ import annotations

SUBJ = frozenset({"nsubj", "csubj"})
OBJ = frozenset({"dobj", "obj", "dative"})
#: Prepositions whose object is the target of an event ("clashed with", "attack on", "appeal to").
TARGET_PREPS = frozenset({"against", "on", "with", "at", "upon", "into", "toward", "towards", "to", "targeting",
                           "of", "over", "between"})
VERB_TARGET_PREPS = TARGET_PREPS - {"of", "over"}
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "his", "her", "their", "its", "our", "them", "him",
                       "themselves", "itself"})
#: PLOVER: future CONSULT/SUPPORT/COOPERATE/AID are AGREE.
#: The PLOVER gold standard also codes future RETREAT/CONCEDE ("will release", "will allow") as AGREE.
FUTURE_AGREE = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033", "AGREE": "030",
                 "RETREAT": "035", "CONCEDE": "035"}
LABOUR = frozenset({"worker", "workers", "union", "unions", "employees", "teachers", "doctors", "nurses", "staff",
                     "pay", "wages", "salaries", "labour", "labor"})
NOT_ACTORS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})
ABSTRACT = frozenset({"epidemic", "pandemic", "virus", "disease", "poverty", "corruption", "fire", "wildfire",
                       "blaze", "hunger", "inflation", "drought", "flood", "crime", "cancer", "malaria", "ebola",
                       "covid", "coronavirus", "outbreak", "infection", "unemployment", "climate", "change",
                       "famine", "illiteracy", "misinformation", "disinformation", "addiction", "fraud"})
QUANT = frozenset({"number", "score", "dozen", "hundred", "thousand", "million", "part", "group", "member",
                    "some", "many", "most", "all", "few", "several", "one", "two", "three", "dozens", "scores",
                    "hundreds", "thousands", "millions", "band", "unit", "contingent", "delegation", "team",
                    "kg", "kilogram", "ton", "tonne", "tons", "litre", "liter", "gallon", "barrel", "truckload",
                    "shipment", "consignment", "batch", "package", "amount", "quantity", "lot", "worth", "portion"})
#: Prepositions on a verb's object that name the party affected ("lifted the ban on Cypriot ships").
OBJ_PREPS = frozenset({"against", "on", "to", "for", "with", "between", "by", "in", "from", "of", "into"})
#: Month and weekday names and abbreviations, which the parser tags as proper nouns without a date entity.
CALENDAR = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                      "january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                      "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun"})
#: Common nouns that name a place an event happens in ("in the north region", "in the border district").
PLACE_NOUNS = frozenset({"region", "district", "province", "state", "county", "area", "zone", "town", "city",
                         "village", "territory", "enclave", "neighbourhood", "neighborhood", "valley", "border",
                         "capital", "countryside", "governorate", "municipality", "camp", "island", "coast"})
#: Nouns of fixed "in ... of/to" phrases that name no place ("in relation to Iraq", "in case of war").
IN_IDIOMS = frozenset({"relation", "case", "response", "addition", "order", "light", "view", "support", "favour",
                       "favor", "spite", "line", "terms", "respect", "protest", "solidarity", "honour", "honor",
                       "memory", "charge", "control", "retaliation", "exchange", "return", "accordance", "lieu",
                       "defiance", "violation", "connection", "front", "place", "search", "pursuit"})
IN_PLACE = frozenset({"in", "into", "near", "inside", "across", "throughout", "outside"})
COLLECTIVE = frozenset({"wave", "series", "spate", "string", "campaign", "round", "number", "flurry",
                         "barrage", "volley", "rash", "surge", "spree", "chain", "cycle", "day", "week", "month", "year",
                        "hour", "night"})
NONSTATE = frozenset({"IGO", "NGO", "IMG", "MNC", "ISM"})
FRAMES = frozenset({"effort", "campaign", "mission", "operation", "drive", "process", "programme", "program",
                     "initiative", "bid", "plan", "move", "push", "attempt", "deal", "package"})
ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj"})
ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
MUST = frozenset({"must", "should", "ought"})
#: Future and intention ("may halt mediation" is a threat; passives are exempted in the coder).
MODAL = frozenset({"will", "would", "shall", "'ll", "may", "might", "could"})
#: Verbs whose infinitive complement is an intended action ("vowed to fight", "agreed to withdraw").
INTENT = frozenset({"plan", "intend", "prepare", "summon", "vow", "swear", "pledge", "promise", "agree", "offer",
                     "threaten", "want", "seek", "hope", "aim", "expect", "resolve", "propose",
                     "volunteer", "mean", "wish", "aspire"})
THREAT_VERBS = frozenset({"threaten", "warn", "vow", "swear"})
#: Verbs that make their object do the embedded act ("ordered the newspapers to suspend publication").
COERCE = frozenset({"order", "force", "compel", "oblige"})
TRANSFER = frozenset({"send", "deploy", "withdraw", "pull", "dispatch", "evacuate", "return", "deliver", "donate",
                       "give", "hand", "provide", "supply", "ship", "move", "airlift", "transfer", "extradite",
                       "deport", "expel", "contribute", "offer", "pledge", "sell", "grant", "distribute"})
#: Attitude adjectives after "be" that make a comment: CAMEO 012 (pessimistic) or 013 (optimistic).
ATTITUDES = {"skeptical": "012", "sceptical": "012", "pessimistic": "012", "doubtful": "012", "wary": "012",
             "optimistic": "013", "hopeful": "013", "confident": "013"}
ATTITUDE_PREPS = frozenset({"of", "about", "over", "on", "at", "regarding", "toward", "towards"})
#: Verbs that report the toll of a violent event told in their clause ("20 were killed when troops shelled",
#: "troops shelled the town, killing 20").
CONSEQUENCE = frozenset({"kill", "wound", "injure", "maim", "hurt"})
#: Verbs whose object is the actor's own force ("mobilized troops for a war against X", "massed tanks on
#: the border"): the target is the party the force is aimed at, not the troops.
FORCE_VERBS = frozenset({"mobilize", "mobilise", "mass", "amass", "muster", "station", "position", "reinforce",
                         "redeploy", "intensify", "rally", "assemble", "build", "lay", "move", "strengthen",
                         "bolster", "boost", "beef"})
#: International missions named by where they serve, and the words that make a force such a mission.
MISSIONS = frozenset({"mission", "force", "operation", "contingent"})
MISSION_KINDS = frozenset({"peacekeeping", "peace", "security", "stabilization", "stabilisation", "monitoring",
                           "observer", "un", "nato", "eu", "au"})
#: Verbs whose object's "of"/"for" phrase is the charge ("accused the army of abuses").
ACCUSE = frozenset({"accuse", "blame", "suspect", "convict", "charge", "fault", "condemn", "praise", "thank",
                    "criticize", "criticise", "sentence", "punish", "fine"})
#: Titles whose "for"/"to" phrase names whom they speak or act for ("spokesman for", "ambassador to").
ENVOYS = frozenset({"spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "adviser", "advisor",
                    "representative", "minister", "secretary", "commissioner", "emissary", "delegate", "consul",
                    "coordinator", "negotiator", "official", "chief", "head", "director"})
#: Removal of people: the people removed are the target, not where they are sent.
EXPEL = frozenset({"deport", "expel"})
TRANSFER_PREPS = frozenset({"from", "in", "into", "out"})
MESSAGES = frozenset({"statement", "declaration", "communique", "letter", "message", "resolution", "report",
                       "appeal", "call", "note", "reminder", "decree", "order", "ruling", "speech", "address"})
READY = frozenset({"ready", "willing", "prepared", "determined", "poised", "set", "eager", "keen", "likely"})
FUTURE_THREATEN = {"ASSAULT": "138", "MOBILIZE": "138", "COERCE": "132", "SANCTION": "131", "PROTEST": "133"}
STATE = frozenset({"MIL", "GOV", "COP"})
BOMB_WORDS = frozenset({"bomb", "bombs", "bomber", "bombers", "ied", "explosive", "explosives", "device"})
#: Verbs whose subject undergoes or perceives an event noun rather than doing it ("fled the fighting").
EXPERIENCER = frozenset({"witness", "survive", "fear", "expect", "recall", "remember", "mourn", "see", "watch",
                         "escape", "flee", "suffer", "face", "endure", "follow", "miss", "hear", "cover", "predict",
                         "anticipate", "dread", "risk", "avoid", "notice", "monitor", "film", "record"})
#: Prepositions that give what a comment is about ("optimism at the deal", "concern over Alitalia's future").
TOPIC_PREPS = frozenset({"about", "over", "at", "regarding", "on", "in", "toward", "towards", "concerning"})
#: Verbs of a purpose clause that name who aid is for ("aid to help Haiti cope", "funds to assist refugees").
HELP = frozenset({"help", "assist", "benefit", "aid"})
#: Nouns of what one party puts to another: its maker is a party, coded or not ("denied charges by clergymen").
CLAIMS = frozenset({"charge", "accusation", "allegation", "claim", "demand", "request", "offer", "call", "appeal",
                    "proposal", "criticism", "complaint", "warning", "threat", "ultimatum", "pressure", "plea"})
#: Verbs whose object "strike(s)" with no modifier is a military strike ("carried out strikes on X").
MILITARY_LIGHT = frozenset({"carry", "launch", "conduct", "mount", "execute", "order"})
#: Verbs of judging someone or something: the object is the target even when no dictionary codes it.
JUDGE = frozenset({"accuse", "blame", "fault", "criticize", "criticise", "praise", "thank", "commend", "hail", "condemn",
                   "denounce", "welcome", "reject", "oppose"})
#: Nouns of intent whose infinitive clause is their owner's act ("its commitment to support X").
RESOLVE_NOUNS = frozenset({"commitment", "pledge", "promise", "decision", "willingness", "readiness", "determination",
                           "intention", "offer", "attempt", "resolve", "vow", "threat", "call", "appeal"})
#: Spans of time that make "give X 72 hours to leave" a deadline (an ultimatum) rather than a gift.
GIVE_TIME = frozenset({"give", "grant", "allow"})
TIME_SPANS = frozenset({"hour", "day", "week", "month", "year", "minute", "time"})
#: Verbs whose object is the means of the infinitive's act, done by their own subject ("used tear gas to disperse").
MEANS_VERBS = frozenset({"use", "employ", "utilize", "utilise", "fire", "spend", "need", "take"})
#: Adjectives whose "for"/"of" event is their subject's doing ("was responsible for the killings of X").
CULPABLE = frozenset({"responsible", "guilty", "culpable", "liable", "accountable"})
#: Envoys whose "in" phrase is where they are posted, not whom they stand for ("the ambassador in Berlin").
POSTED = frozenset({"ambassador", "consul", "affaires", "attache", "attaché", "chargé", "charge"})
#: Measures and containers among the quantity words: "a shipment of X" is no part of X.
MEASURES = frozenset({"kg", "kilogram", "ton", "tonne", "tons", "litre", "liter", "gallon", "barrel", "truckload",
                      "shipment", "consignment", "batch", "package", "amount", "quantity", "lot", "worth", "band",
                      "unit", "contingent", "delegation", "team", "group"})
#: Verbs of dying whose subject suffered the violence named in their adjunct ("died after torture").
DIE = frozenset({"die", "succumb", "perish"})
#: Verbs of handing goods over: the receiver ("to X") is the target whatever the object is.
HAND_OVER = frozenset({"return", "hand", "deliver", "donate", "give", "provide", "supply", "ship", "sell", "grant",
                       "distribute", "transfer"})
#: Verbs of sending forces: in an agentless passive the force sent is the actor ("troops were deployed to X").
DEPLOY = frozenset({"deploy", "send", "dispatch", "station", "redeploy"})
#: Participles that say where a party is or what it is called ("British forces based in Vitez", "people living in
#: camps", "the group known as the White Helmets"): part of its phrase, not a clause of its own.
STATIONED = frozenset({"base", "station", "locate", "position", "garrison", "headquarter", "deploy", "live", "reside",
                       "know", "link"})

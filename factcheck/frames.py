"""Frames: what a figure states, read from its claim so that two figures can be compared by
meaning rather than by string.

A frame is the kind of measure, the thing counted (a lemma, or the lexicon class it belongs to:
"crewmen" and "crew members" are one ``crew``), the event (the predicate class the lexicon
knows, else the lemma of the nearest verb: "drowned" -> ``drown``) and the content words of
its sentence (lemmas, for similarity). Lemmas come from lemminflect, whose tables ship inside
the package (no download at run time); it also says whether a word can be a verb, which is
how an open-vocabulary event is told from a noun. The dictionary is read only when a run
matches claims, so ``factcheck extract`` never pays for it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from factcheck import learned
from factcheck.lexicon import load
from factcheck.model import Claim
from factcheck.units import unit_kind
from factcheck.vocabulary import predicate_classes

PEOPLE = "people"
_WORD = regex.compile(r"[A-Za-z][a-z'’-]{2,}")


@dataclass(frozen=True)
class Frame:
    kind: str  # "count", "money", "percent", or a pint dimensionality
    thing: str | None  # what is counted or measured, normalised; None: unnamed
    event: str | None  # what happened to it, normalised; None: nothing says
    words: frozenset[str]  # content lemmas of the sentence
    when: str | None = None  # the day it is of: its sentence's, else its article's news day
    moment: frozenset[int] = frozenset()  # clock times (minutes after midnight) it is of: its sentence's, else its article's
    area_part: bool = False  # its article gives this event's figures for two or more areas: it is one area's

    @property
    def people_like(self) -> bool:
        """A count that may count people: a figure with no noun ("killed 16") or of people."""
        return self.kind == "count" and self.thing in (None, PEOPLE)


def kind_of(claim: Claim) -> str:
    """The claim's kind of measure; a unit pint does not know is a count of that thing, unless
    it is a rate ("USD / month", "USD / share"), which stays a kind of its own. (A fraction, "a
    third of the population", is read as a percent.)"""
    return unit_kind(claim.unit)


def frame_of(claim: Claim, news_day: str | None = None, moment: frozenset[int] = frozenset()) -> Frame:
    """The claim's frame; ``news_day``: the day its article reports, when the matcher knows it
    (``match.news_days``); ``moment``: the clock times the figure is of (``match.frames_of``)."""
    thing = thing_of(claim.counted) if claim.counted else None
    when = claim.time or news_day
    if thing in _event_nouns():  # "a $334 million deal": the noun names the event, not a thing
        return Frame(kind_of(claim), None, claim.predicate or event_class(thing), _words(claim), when, moment)
    if claim.counted and thing is None:  # "50 reported injured": the word after is the event's
        claim_events = (claim.counted.split()[-1], *claim.event_words)
        kind = kind_of(claim)
        return Frame(kind, None, _event(claim.predicate, claim_events, None, _is_physical(kind)), _words(claim), when, moment)
    return Frame(kind_of(claim), thing, event_of(claim, thing) or _implied_event(claim), _words(claim), when, moment)


def _words(claim: Claim) -> frozenset[str]:
    """The sentence's content lemmas and the places the figure is of, by the name they are
    compared under ("Salonika" is Thessaloniki): two statements of one place share a word."""
    places = (place.lower() for place in claim.places if not place.startswith("("))
    return sentence_lemmas(claim.sentence) | frozenset(places)


@lru_cache(maxsize=65536)
def _readings(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's lemmas of a lower-case word by part of speech (it copies its tables on
    every call, so each word is asked once), or those an earlier run kept (``learned``),
    read in its American spelling: "jewellery" and "jewelry", "travelled" and "traveled"
    are one word to compare (breame's tables of British and American spellings).
    Imported here: it brings numpy, which a run whose components all come from the cache
    never needs."""
    word = _american(word)
    known = learned.recall("lemmas", word)
    if known is not None:
        return {tag: tuple(lemmas) for tag, lemmas in known.items()}
    from lemminflect import getAllLemmas

    found = getAllLemmas(word)
    learned.keep("lemmas", word, {tag: list(lemmas) for tag, lemmas in found.items()})
    return found


def _american(word: str) -> str:
    from breame.spelling import get_american_spelling  # a dictionary lookup; imported with lemminflect

    return get_american_spelling(word)


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The word's lemma, preferring a noun reading ("buses" -> "bus", "crewmen" -> "crewman")."""
    readings = _readings(word.lower())
    for pos in ("NOUN", "VERB", "ADJ", "ADV", "AUX"):
        if pos in readings:
            return readings[pos][0].lower()
    return _american(word.lower())


@lru_cache(maxsize=65536)
def verb_lemma(word: str) -> str | None:
    """The verb the word is a form of, when it can be one ("fled" -> "flee"), else None. A bare
    noun that could also be a verb ("people", "crew") is taken as the noun."""
    readings = _readings(word.lower())
    if "VERB" not in readings:
        return None
    verb = readings["VERB"][0].lower()
    if "NOUN" in readings and verb == word.lower():
        return None
    return verb


@cache
def _thing_classes() -> dict[str, str]:
    """Lemma of every noun of counted.toml's classes -> its class."""
    classes = load("counted")["classes"]
    return {" ".join(lemma(w) for w in noun.split()): name for name, nouns in classes.items() for noun in nouns}


@lru_cache(maxsize=65536)
def thing_of(counted: str) -> str | None:
    """The counted thing, lemmatised word by word and mapped to its class when the lexicon has
    one ("passengers" -> people, "crew members" -> crew); capitalised modifiers are kept by
    context ("chinese tourists" -> "chinese tourist"). A word that cannot be a noun ("50
    reported injured") names no thing; a word in -s after a figure is a plural noun, whatever
    the dictionary lacks ("four assists": no count is the subject of "assists")."""
    words = counted.split()
    plural = words[-1].endswith("s") and not words[-1].endswith("ss")
    if not plural and "NOUN" not in _readings(words[-1].lower()) and verb_lemma(words[-1]) is not None:
        return None
    normal = " ".join(lemma(w) for w in words)
    classes = _thing_classes()
    if normal in classes:
        return classes[normal]
    if len(words) > 1 and lemma(words[-1]) in classes:
        return " ".join([*words[:-1], classes[lemma(words[-1])]])
    return normal


@cache
def _frame_words() -> dict:
    return load("frames")


@cache
def _light_verbs(physical: bool = False) -> frozenset[str]:
    """The verbs that name no event; a verb of change ("fell", "rose") names the event of a
    ``physical`` measure (a length, a mass: "fell 15 feet") but only the change of a count."""
    words = _frame_words()["light_verbs"]
    return frozenset(words["lemmas"]) | (frozenset() if physical else frozenset(words["changes"]))


@cache
def _event_nouns() -> frozenset[str]:
    return frozenset(_frame_words()["event_nouns"]["lemmas"])


def is_event_noun(word: str) -> bool:
    """The word names an event, not a thing ("sentence", "deal", "toll")."""
    return lemma(word) in _event_nouns()


@cache
def _class_of_lemma() -> list[tuple[str, bool, str]]:
    """(stem or word, whether it is a whole word, class) of every predicate class, to map an
    open lemma to a class it belongs to ("evacuate" starts with the stem "evacuat": displaced;
    "deadlock" is not the word "dead")."""
    pairs = []
    for name, table in predicate_classes().items():
        pairs += [(stem.lower(), False, name) for stem in table.get("stems", []) if " " not in stem]
        pairs += [(word.lower(), True, name) for word in table.get("words", [])]
    return sorted(pairs, key=lambda pair: (-len(pair[0]), pair))


@lru_cache(maxsize=65536)
def event_class(word: str) -> str:
    """The predicate class an open event lemma belongs to, else the lemma itself."""
    for cue, whole, name in _class_of_lemma():
        if (word == cue if whole else word.startswith(cue)) and not predicate_classes()[name].get("measure"):
            return name
    return word


IMPLIED_NOUN_WORDS = 3  # how many words after a figure its noun may stand ("21 stranded ferry passengers")


@cache
def _implied_events() -> dict[str, str]:
    return {word: name for name, words in _frame_words()["implied_events"].items() for word in words}


def _implied_event(claim: Claim) -> str | None:
    """The event the figure's own noun names (``implied_events``: "21 passengers" were aboard),
    when a count's noun follows it within ``IMPLIED_NOUN_WORDS`` words."""
    if kind_of(claim) != "count":
        return None
    at = claim.sentence.find(claim.surface)
    if at < 0:
        return None
    implied = _implied_events()
    for word in _WORD.findall(claim.sentence, at + len(claim.surface))[:IMPLIED_NOUN_WORDS]:
        if lemma(word) in implied:
            return implied[lemma(word)]
    return None


def event_of(claim: Claim, thing: str | None) -> str | None:
    return _event(claim.predicate, claim.event_words, thing, _is_physical(kind_of(claim)))


def _is_physical(kind: str) -> bool:
    """A measure of a pint dimension ("[length]", "[mass]"), not a count, a sum or a share."""
    return kind.startswith("[")


def _event(predicate: str | None, words: tuple[str, ...], thing: str | None, physical: bool = False) -> str | None:
    """The predicate class the lexicon gave, else the first nearby word that is an event: a verb
    that is not a light one ("said", "were"), or an event noun; never the counted noun."""
    if predicate:
        return predicate
    for word in words:
        if thing is not None and thing_of(word) == thing:
            continue
        verb = verb_lemma(word)
        if verb is not None and verb not in _light_verbs(physical):
            return event_class(verb)
        if verb is None and lemma(word) in _event_nouns():
            return event_class(lemma(word))
    return None


@lru_cache(maxsize=16384)
def sentence_lemmas(sentence: str) -> frozenset[str]:
    """Content lemmas of a sentence (three letters or more, common words left out)."""
    stop = _stopwords()
    return frozenset(lemma(word) for word in _WORD.findall(sentence) if word.lower() not in stop)


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(load("stopwords")["words"]) | frozenset(load("counted")["function_words"]["words"])

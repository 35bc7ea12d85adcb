"""CASE_NUMBER: case, proceeding, file and decision numbers, keyed by the words that introduce them.

Identity numbers (passport, T.C. Kimlik, cédula, 身份证) are never introduced by those words, so
they are left alone. A number that contains a date (1402188, 2023/145) stays a case number: the
extractor runs with higher priority than dates in overlap resolution.
"""

from __future__ import annotations

import re

from evidence.extractors.digits import ascii_digits
from evidence.extractors.legal.spans import Candidate

# "№" as Tesseract often reads it on a degraded scan: "Ме", "Мо", "N*", "Nº".
_NUMERO = r"(?:№|N[°º*o]|М[еоo]|Ne)"
_TOKEN = r"[0-9A-Za-zА-Яа-яЁёІіЇїЄєЎў][0-9A-Za-zА-Яа-яЁёІіЇїЄєЎў/\-.]*[0-9A-Za-zА-Яа-яІіЇїЄєЎў]"
# A Chinese issuer abbreviation ("京公朝", "成检刑批捕"): Han characters other than the prepositions
# and the 日 that end the words before it ("于2023年8月14日以成公（国）提捕字…", "检察院以杭检刑诉…").
_ZH_ABBR = r"(?:(?![以于经据依按向由在将从对和与及日])[\u4e00-\u9fff])"
_AR_NO_YEAR = r"(?!\s*(?:لسنة|لعام|/|\d))"
"""An Arabic number with no "لسنة/لعام/" year after it (those are read with their year)."""
_PATTERNS: list[tuple[str, str]] = [
    # Russian, Ukrainian, Belarusian: "уголовное дело № 1240...", "Справа № 757/41235/23-к", "за № 1202..."
    (
        r"(?:(?<![а-яёА-ЯЁ])дел\w*|материал\w*|провадженн\w*|справ\w*|реєстр\w*\s+досудових\s+розслідувань|ЄРДР|Провадження)"
        r"(?:\s+[а-яіїєў]+){0,3}\s*(?:за\s+)?" + _NUMERO + r"\s*(?P<num>" + _TOKEN + r")",
        "cis",
    ),
    # Russian court file identifiers (УИД): region, court type, court code, year, serial
    # ("УИД 66RS0005-01-2024-001873-40"), with or without the label
    (r"(?<![\w-])(?P<num>\d{2}[A-ZА-Я]{2}\d{4}-\d{2}-\d{4}-\d{6}-\d{2})(?![\w-])", "uid"),
    # Turkish: "Soruşturma No : 2024/45871", "Esas No: 2023/145", "DEĞİŞİK İŞ NO : 2023/6612 D. İş"
    (
        r"(?:soru[şs]turma|esas|karar|[iİI]ddianame|sorgu|de[ğg][iİI][şs][iİI]k\s+[iİI][şs]|dosya|[EK]\.|(?:C\.\s?|Ba[şs])?Savc[ıi]l[ıi][ğg][ıi])"
        r"\s*(?:no|numaras[ıi]|say[ıi]s[ıi])?\s*[:.]?\s*(?P<num>\d{4}\s*/\s*\d+)",
        "tr",
    ),
    # Turkish, the label after the number: "2024/176543 soruşturma numaralı", "2024/9127 D.İş sayılı kararı"
    (
        r"(?P<num>\d{4}\s*/\s*\d+)\s+(?:soru[şs]turma|esas|karar|D\.\s?[iİI][şs]|de[ğg][iİI][şs][iİI]k\s+[iİI][şs])"
        r"\s+(?:numaral[ıi]|say[ıi]l[ıi])",
        "tr",
    ),
    # Persian
    (
        r"(?:کلاسه\s+پرونده|شماره\s+پرونده|شماره\s+بایگانی(?:\s+شعبه)?|شماره\s+دادنامه|شماره\s+کیفرخواست|شماره\s+ابلاغیه"
        r"|شماره\s+قرار|شماره\s+پرونده\s+کلاسه"
        # the paper's name before the number: "کیفرخواست شماره ۱۴۰۲…", "دادنامه به شماره …"
        r"|(?:کیفرخواست|دادنامه|پرونده|قرار|ابلاغیه|احضاریه)\s+(?:به\s+)?شماره)\s*[:：]?\s*(?P<num>\d{5,})",
        "fa",
    ),
    # Iranian judiciary numbers (SANA system) standing alone: 16 digits for a file, 18 for a judgment or
    # indictment, opening with the Solar Hijri year (13xx/14xx); bank cards (5…/6…) and national ids
    # (10 digits) have other shapes
    (r"(?<![\d\u06F0-\u06F9])(?P<num>1[34]\d{2}(?:\d{12}|\d{14}))(?![\d\u06F0-\u06F9])", "fa-sana"),
    # Ukrainian pre-trial investigation register (ЄРДР) numbers standing alone: 17 digits, the registering
    # body's digit and the year first ("12024071100000892"), often a date away from their label
    (r"(?<!\d)(?P<num>[1-7]20[12]\d{13})(?!\d)", "ua-erdr"),
    # Arabic: "القضية رقم 1927 لسنة 2023", "رقم الأساس: 2871 لعام 2014"
    (
        r"(?:القضية|الدعوى|قضية|دعوى|الجناية|الجنحة|جناية|جنحة|رقم\s+الأساس|أساس|رقم\s+(?:ال)?(?:قرار|حكم)|الملف|المقيدة\s+برقم|برقم)"
        # an Iraqi court's letter between number and year: "١١٢٨/ج/٢٠٢٤"
        r"\s*(?:رقم)?\s*[:：]?\s*(?P<num>\d+(?:\s*/\s*[\u0621-\u064A]{1,3})?)\s*(?:لسنة|لعام|/)\s*(?P<year>\d{4})",
        "ar",
    ),
    # a decision or judgment number given without a year: "رقم القرار: ٩٧٥"
    (r"رقم\s+(?:ال)?(?:قرار|حكم)\s*[:：]\s*(?P<num>\d+)" + _AR_NO_YEAR, "ar"),
    # a labelled decision ("قرار: ٣٠٩ لعام ٢٠٢٣"), an indictment decision ("بقرار الاتهام رقم ١١٢٨"), a case
    # number without a year ("برقم القضية ٤٦٠١٢٣٩٨٥")
    (r"(?<![\u0621-\u064A])قرار\s*[:：]\s*(?P<num>\d+)\s*(?:لسنة|لعام|/)\s*(?P<year>\d{4})", "ar"),
    (r"قرار\s+(?:ال)?اتهام\s+رقم\s*(?P<num>\d+)" + _AR_NO_YEAR, "ar"),
    (r"رقم\s+(?:ال)?(?:قضية|دعوى)\s*[:：]?\s*(?P<num>\d+)" + _AR_NO_YEAR, "ar"),
    # Spanish: "Causa N° 1C-28741-24", "SENTENCIA No. 187 de 2023", "Número de asunto: 014382-ORM4-2021-PN"
    (
        r"(?:Expediente(?:\s+de\s+Fase\s+Preparatoria)?|Causa|Asunto|Número\s+de\s+asunto|Sentencia|Exp\.|Caso"
        r"|Nomenclatura(?:\s+Fiscal)?)"
        # "(EFP)": the file type's abbreviation before its number
        r"(?:\s+(?:principal|penal))?(?:\s*\([A-Z]{2,6}\))?\s*(?:N[°º.o*]*\.?|No\.|Número)?\s*[:.]?\s*(?P<num>[A-Z0-9][A-Z0-9\-/]*\d[A-Z0-9\-/]*)"
        r"(?:\s+de\s+(?P<year>\d{4}))?",
        "es",
    ),
    # French: "N° Parquet : 23/04512", "Affaire n° 45219/12", "l'affaire pénale n° 1-312/2023"
    (
        r"(?:N[°º]\s*(?:du\s+|de\s+l'|de\s+)?(?:Parquet|RG|dossier|d'ordre|d'instruction|instruction|rôle)|Affaire(?:\s+pénale)?|Dossier|\bRG|Parquet"
        r"|(?:enregistrée?s?|inscrite?s?)\s+(?:[\w'’]+\s+){0,4}sous\s+le)\s*(?:n[°º])?\s*[:.]?\s*"
        # a service's letters between number and year: "n° 0347/RP/2024"
        r"(?P<num>\d[\d/\-.]*(?:[A-Z]{1,4}[/\-.][\d/\-.]*)*\d)",
        "fr",
    ),
    # French letter reference: "Réf. : BNPJ/2024/1187"
    (r"\bRéf(?:érence)?\s*\.?\s*[:.]?\s*(?P<num>(?:[A-Z]{2,8}/)?\d[\w/\-.]*\d)", "fr"),
    # English: "Case No. WKCC 2871/2023", "criminal case No. 1230..."
    (
        r"(?:[Cc]ase|CASE|File|Reference|Ref\.|FIR|F\.I\.R\.)\s*(?:No\.?|Number|#)\s*[:.]?\s*(?P<num>(?:[A-Z]{2,5}\s?)?\d[\w/\-.]*\d)"
        r"(?:\s+of\s+(?P<year>\d{4}))?",
        "en",
    ),
    # Hong Kong court file numbers, in any language: court and list letters, number/year ("DCCC 512/2023",
    # "WKCC 3021/2024", "HCMA 123/2021")
    (r"(?-i:(?<![\w/])(?P<num>[A-Z]{2}(?:CC|MA|AL|CJ|MP|CP)\s?\d{1,6}/\d{4})(?![\w/]))", "hk"),
    # Ugandan police case files (Criminal Register Book): "CRB 1182/2022"
    (r"(?-i:(?<![\w/])(?P<num>CRB\s?\d{1,6}/\d{4})(?![\w/]))", "ug"),
    # neutral citations of judgments: "[2024] HKDC 1187", "[2021] HKCFA 3", "[2020] EWCA Crim 123"
    (r"(?-i:(?P<num>\[\d{4}\]\s?[A-Z]{2,6}(?:\s[A-Z][a-z]+)?\s\d{1,5})(?!\d))", "citation"),
    # Chinese: "（2024）京02刑初45号", "京公朝（刑）传字〔2024〕1187号", "沪检二分刑诉〔2024〕Z23号"; OCR
    # leaves a space where no Chinese character touches it ("传字【2024] 1187 号")
    (r"(?P<num>[（(]\d{4}[）)][\u4e00-\u9fff\d]{1,12}?\d+号)", "zh"),
    (
        r"(?P<num>" + _ZH_ABBR + r"{1,8}(?:[（(][\u4e00-\u9fff]{1,4}[）)])?" + _ZH_ABBR + r"{0,6}"
        r"[〔【\[(（]{1,2}\d{4}[〕】\])）]{1,2} ?[A-Z]?\d+ ?号)",
        "zh",
    ),
]
_COMPILED = [(re.compile(p, re.IGNORECASE), kind) for p, kind in _PATTERNS]
_ONLY_IN: dict[str, tuple[str, ...]] = {"fa-sana": ("fa",), "ua-erdr": ("uk", "ru")}
"""A bare long number is a register number only in a paper of its country's languages."""


def normalize_case_number(raw: str, year: str | None = None) -> str:
    """ASCII digits, no whitespace, full-width brackets as ASCII; "N of YEAR" as N/YEAR."""
    value = ascii_digits(raw).replace("（", "(").replace("）", ")")
    value = re.sub(r"\s+", "", value).rstrip(".,;:")
    return f"{value}/{year}" if year else value


def _zh_year_brackets(value: str) -> str:
    """The year's brackets after an issuer ("京公朝（刑）传字〔2024〕1187号") as 〔〕 whatever was printed or
    read: OCR reads 〔2024〕 as 【2024], (2024] or [2024], and a paper typed with [2024] is the same
    number to a lawyer searching for it (the entity's text keeps the brackets as they stand)."""
    return re.sub(r"(?<=[\u4e00-\u9fff])[〔【\[(]{1,2}(\d{4})[〕】\])]{1,2}", r"〔\1〕", value)


def extract_case_numbers(text: str, language: str) -> list[Candidate]:
    norm = ascii_digits(text)
    out: list[Candidate] = []
    for rx, kind in _COMPILED:
        if language not in _ONLY_IN.get(kind, (language,)):
            continue
        for m in rx.finditer(norm):
            raw = m.group("num").rstrip(".,;:")
            if not any(ch.isdigit() for ch in raw):
                continue
            start = m.start("num")
            end = start + len(raw)
            year = m.groupdict().get("year")
            if year:
                end = m.end("year")
            normalized = normalize_case_number(raw, year)
            if kind == "zh":
                normalized = _zh_year_brackets(normalized)
            out.append(Candidate("CASE_NUMBER", start, end, normalized, 0.9, {"pattern": kind}))
    return out

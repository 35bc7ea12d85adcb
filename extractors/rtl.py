"""Right-to-left text layers in logical (reading) order.

pdfplumber returns a line's characters left to right as drawn. A well-made Arabic or Persian PDF
therefore comes out in visual order (reversed), often as shaped glyphs (presentation forms,
U+FB50-U+FEFF); a naive producer draws logical order left to right and comes out right. Both
break search, translation and entity extraction unless each line is judged and, when visual,
reordered. A line is judged visual only from letters that are positional in Arabic: teh marbuta
and alef maksura end words, the article "ال" starts them; their mirror images mean the line was
reversed. Reordering is the exact inverse of how a right-to-left line is drawn: reverse it, then
turn runs of digits and Latin back. (Running the bidi algorithm, python-bidi, over the visual
line is not an inverse: it glues "1402/07/15 Ivan" into one left-to-right run and misplaces it.)
"""

from __future__ import annotations

import re
import unicodedata

_RTL_LETTER = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")
_ARABIC_WORD = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]+")
_PRESENTATION = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")
_LAM_ALEF = re.compile(r"[\uFEF5-\uFEFC]")
_PERSIAN_ONLY = re.compile(r"[\u067E\u0686\u0698\u06AF\u06A9]")  # پ چ ژ گ ک
_FARSI_YEH_JOINED = "\ufbfe\ufbff"  # medial and initial forms: dotted, so identical to Arabic yeh's
_LTR_RUN = re.compile(
    r"[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF](?:[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF.,:/%\- ]*"
    r"[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])?"
)
_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")


def has_rtl(text: str) -> bool:
    return _RTL_LETTER.search(text) is not None


def logical_text(text: str, drawn_order: bool = True) -> str:
    """``text`` with shaped glyphs folded to letters and visual-order lines put in reading order.

    ``drawn_order`` says the characters come left to right as drawn (pdfplumber); an extractor that
    already applied bidi (pdfium) passes False and only has its glyphs folded.
    """
    if not has_rtl(text):
        return text
    text = fold_presentation_forms(text, drawn_order)
    if not drawn_order:
        return text
    return "\n".join(to_logical(line) if looks_visual(line) else line for line in text.split("\n"))


def fold_presentation_forms(text: str, drawn_order: bool = True) -> str:
    """Map shaped glyph code points to the letters they stand for (NFKC), in the text's own order.

    A lam-alef ligature is drawn with its alef on the left: in drawn (left-to-right) order it is
    alef then lam, which the line's reordering then puts right. NFKC's lam-then-alef is the
    logical order, right only for text that is logical already. A medial or initial Farsi yeh
    looks exactly like an Arabic yeh, so fonts map either glyph to either code point; it becomes
    Arabic yeh unless the text has letters only Persian uses.
    """
    if not _PRESENTATION.search(text):
        return text
    persian = _PERSIAN_ONLY.search(unicodedata.normalize("NFKC", text)) is not None

    def fold(match: re.Match[str]) -> str:
        glyph = match.group(0)
        if glyph in _FARSI_YEH_JOINED and not persian:
            return "\u064a"
        letters = unicodedata.normalize("NFKC", glyph)
        return letters[::-1] if drawn_order and _LAM_ALEF.fullmatch(glyph) else letters

    return _PRESENTATION.sub(fold, text)


def looks_visual(line: str) -> bool:
    """True when the Arabic words of ``line`` read backwards (their positional letters are mirrored)."""
    logical = visual = 0
    for word in _ARABIC_WORD.findall(line):
        if len(word) < 2:
            continue
        logical += word[-1] in "ةى" or word.startswith("ال")
        visual += word[0] in "ةى" or word.endswith("لا")
    return visual > logical


def to_logical(line: str) -> str:
    """Reading order of a visual-order line in a right-to-left paragraph.

    Reversing the line puts RTL letters and the order of runs right; runs of left-to-right text
    (Latin, Cyrillic, digits) are then turned back, and mirrored brackets swapped back.
    """
    reversed_line = line[::-1].translate(_MIRROR)
    return _LTR_RUN.sub(lambda match: match.group(0)[::-1], reversed_line)

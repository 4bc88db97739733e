"""Stage 2 — sentences and clauses, as spans of the clean text.

A sentence ends at 。！？!? (with any closing quote) or at a line break; a clause ends at a
comma or semicolon outside brackets and quotes. Offsets always index into the document's
``text``/``surface`` (they have the same length).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_END = set("。!?！？")
_CLOSE = set("”’」』)）")
# a line break, or an end mark with the closing quotes and brackets that follow it
_BREAK = re.compile("\n|[" + re.escape("".join(sorted(_END))) + "][" + re.escape("".join(sorted(_CLOSE))) + "]*")
_CLAUSE = set(",;，；:：")
_OPEN_BR = {"(": ")", "（": "）", "《": "》", "“": "”", "「": "」"}
_BRACKETS = re.compile("[" + re.escape("".join(sorted(set(_OPEN_BR) | set(_OPEN_BR.values())))) + "]")
# a comma between a digit and three more is a thousands separator (1,862亿元), not a clause's end
_THOUSANDS = r"(?<!\d,(?=\d{3}(?!\d)))"
_CLAUSE_ONLY = re.compile("[" + re.escape("".join(sorted(_CLAUSE))) + "]" + _THOUSANDS)
_CLAUSE_MARKS = re.compile("[" + re.escape("".join(sorted(_CLAUSE | set(_OPEN_BR) | set(_OPEN_BR.values())))) + "]"
                           + _THOUSANDS)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str  # normalised text of the span


def split_sentences(text: str) -> list[Span]:
    """Split the clean text into sentences.

    >>> [s.text for s in split_sentences("他说:“好。”然后走了!\\n标题\\n第三句。")]
    ['他说:“好。”', '然后走了!', '标题', '第三句。']
    """
    spans: list[Span] = []
    start = 0
    for m in _BREAK.finditer(text):
        if m.group() == "\n":
            _add(spans, text, start, m.start())
        else:
            _add(spans, text, start, m.end())
        start = m.end()
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, text[start:end]))


@lru_cache(maxsize=4096)
def split_clauses(sentence: Span) -> list[Span]:
    """Split a sentence into clauses at commas and semicolons outside brackets and quotes.

    >>> [c.text for c in split_clauses(Span(0, 22, "A增长5%,B(含C,D)增长6%;E。"))]
    ['A增长5%', 'B(含C,D)增长6%', 'E。']
    >>> [c.text for c in split_clauses(Span(0, 17, "产值1,862亿元,增长8%"))]
    ['产值1,862亿元', '增长8%']
    """
    out: list[Span] = []
    depth: list[str] = []
    text, base = sentence.text, sentence.start
    start = 0
    if _BRACKETS.search(text) is None:  # no bracket or quote: every clause mark ends a clause
        for m in _CLAUSE_ONLY.finditer(text):
            _add_clause(out, text, base, start, m.start())
            start = m.end()
        _add_clause(out, text, base, start, len(text))
        return out
    for m in _CLAUSE_MARKS.finditer(text):  # only brackets, quotes and clause marks change anything
        i, c = m.start(), m.group()
        if depth and c == depth[-1]:
            depth.pop()
        elif c in _OPEN_BR:
            depth.append(_OPEN_BR[c])
        elif c in _CLAUSE and not depth:
            _add_clause(out, text, base, start, i)
            start = i + 1
    _add_clause(out, text, base, start, len(text))
    return out


def _add_clause(out: list[Span], text: str, base: int, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    if end > start:
        out.append(Span(base + start, base + end, text[start:end]))

"""Stage 1 — bytes to clean text: decode, pull the article out of HTML, drop page debris.

The result is a :class:`Document` with two strings of the same length:

* ``surface`` — the kept lines of the report as written (traditional stays traditional,
  full-width punctuation stays full-width). Every offset in the graph indexes into it.
* ``text`` — the same characters normalised for matching: NFKC (full-width → half-width)
  and traditional → simplified, character for character, so that ``text[i:j]`` and
  ``surface[i:j]`` are always the same span.

Debris lines (image file names, stray numbers, 听新闻, 标签/责编 footers, bylines, 来源 lines,
copyright) are kept out of the text but read for metadata.
"""

from __future__ import annotations

import json
import operator
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from clusterkg.errors import InputError

from .html import extract_html

MAX_BYTES = 20 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}


@dataclass
class ReportMeta:
    """What is known about a report besides its text."""

    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    editors: list[str] = field(default_factory=list)
    published: datetime | date | None = None
    url: str | None = None
    language: str | None = None

    @property
    def date(self) -> date | None:
        if isinstance(self.published, datetime):
            return self.published.date()
        return self.published


@dataclass
class Document:
    """A report after stage 1."""

    name: str
    surface: str
    text: str
    meta: ReportMeta
    encoding: str
    script: str  # "simplified" | "traditional"


# --------------------------------------------------------------------------- decoding

def decode(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode report bytes, returning ``(text, encoding)``.

    UTF-8 (with or without BOM) and UTF-16 with BOM are taken as they are; otherwise
    charset-normalizer chooses among the Chinese encodings and a result that still reads
    as mojibake is refused rather than loaded.

    >>> decode("产业集群".encode("gb18030"))[0]
    '产业集群'
    >>> decode("產業集群發展".encode("big5"))[0]
    '產業集群發展'
    """
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: the file is {len(data) / 2**20:.0f} MB; reports above "
                         f"{MAX_BYTES // 2**20} MB are refused — split it into reports")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec), codec.replace("-sig", "")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: this looks like a binary file, not a text or HTML report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_8"], threshold=0.25).best()
    if best is None:
        raise InputError(f"{name}: unknown text encoding (tried UTF-8, GB18030/GBK, Big5); "
                         "convert the file to UTF-8")
    text = str(best)
    if _cjk_ratio(text) < 0.2:
        raise InputError(f"{name}: decoded as {best.encoding} but the result is not Chinese text; "
                         "convert the file to UTF-8")
    return text, "gb18030" if best.encoding in {"gb2312", "gbk", "gb18030"} else best.encoding


def _cjk_ratio(text: str) -> float:
    letters = [c for c in text if not c.isspace() and not c.isascii()]
    if not letters:
        return 0.0
    return sum("\u4e00" <= c <= "\u9fff" for c in letters) / len(letters)


# --------------------------------------------------------------------------- normalising

@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s").convert


# the characters OpenCC's t2s changes (written by `python -m clusterkg.loaders.read` from the
# installed OpenCC; a test checks it is current): a name with none of them is simplified already
T2S_CHARS_FILE = Path(__file__).with_name("t2s_chars.txt")
# where to look for them: the BMP and the CJK extension planes
_T2S_RANGES = ((0x80, 0xD7FF), (0xE000, 0xFFFF), (0x20000, 0x2FA1F))


@lru_cache(maxsize=1)
def _t2s_chars() -> frozenset[str]:
    return frozenset(T2S_CHARS_FILE.read_text(encoding="utf-8").replace("\n", ""))


def t2s_changes() -> list[str]:
    """Every character OpenCC's t2s converts to another, computed from the installed OpenCC."""
    chars = [chr(c) for a, b in _T2S_RANGES for c in range(a, b + 1) if chr(c) != "\n"]
    converted = _t2s()("\n".join(chars)).split("\n")
    return [c for c, t in zip(chars, converted, strict=True) if c != t]


def write_t2s_chars() -> int:
    """Regenerate ``t2s_chars.txt``; returns the character count."""
    chars = t2s_changes()
    T2S_CHARS_FILE.write_text("".join(c + ("\n" if i % 64 == 63 else "") for i, c in enumerate(chars)) + "\n",
                              encoding="utf-8")
    return len(chars)


def _nfkc(surface: str) -> str:
    """NFKC, keeping the length: a character that would expand or compose stays as it is.

    NFKC is by definition the canonical composition of the NFKD form, which is what NFC of an
    NFKD string computes. Written that way it takes a seventh of the time in CPython: its NFKC
    runs the composition pass over every character, while its NFC first asks the quick check,
    which for Chinese text (whose changes are full-width punctuation) answers that nothing
    composes. The same result for every character and every string tried (Unicode 14).
    """
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFKD", surface))
    if len(text) != len(surface):  # some character expanded or composed: go one by one
        chars = []
        for c in surface:
            n = unicodedata.normalize("NFKC", c)
            chars.append(n if len(n) == 1 else c)
        text = "".join(chars)
    return text


def normalise(surface: str) -> str:
    """NFKC and traditional → simplified, keeping the length (one character for one).

    >>> normalise("徐州產業，集團（2023）")
    '徐州产业,集团(2023)'
    """
    return _simplified(_nfkc(surface))


def _simplified(text: str) -> str:
    if len(text) < 200 and _t2s_chars().isdisjoint(text):
        return text  # a name with nothing t2s would change (for a whole text, OpenCC is as quick)
    converted = _t2s()(text)
    if len(converted) == len(text):
        return converted
    t2s = _t2s()
    return "".join(s if len(s := t2s(c)) == 1 else c for c in text)


# --------------------------------------------------------------------------- debris & metadata

_DATE = r"(20\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
_DATE_RE = re.compile(_DATE)
_IMAGE = re.compile(r"^\S+\.(?:jpe?g|png|gif|bmp|webp|svg)$", re.I)
_STRAY = re.compile(r"^[\d\W_]{0,4}$")
_WIDGETS = re.compile(r"^(?:听新闻|收听|分享到?[:：]?.*|打印|关闭|关闭窗口|返回顶部|扫一扫.*|"
                      r"【?字[号体][:：]?\s*[大中小\s]+】?|点击查看.*|阅读原文|来源[:：]?|原标题[:：].*)$")
_SOURCE = re.compile(r"(?:来源|來源|稿源|出处)[:：]\s*([^\s|丨]+)")
_BYLINE = re.compile(r"^(?:本报|本台|本网)?(?:讯\s*)?(?:记者|通讯员)\s*(.+?)\s*$")
_FOOTER = re.compile(r"^(?:标签|標籤|责编|責編|责任编辑|責任編輯|编辑|編輯|审核|審核|校对|校對|作者|"
                     r"编审|初审|复审|终审|监制)[:：\s]\s*(.*)$")
_RELATED = re.compile(r"^(?:相关新闻|相关链接|相关阅读|相关报道|相关文章|相关资讯|延伸阅读|推荐阅读|更多新闻|更多阅读|更多资讯|"
                      r"猜你喜欢|热门推荐|热点新闻|往期回顾|往期推荐|相關新聞|相關鏈接|相關閱讀|相關資訊|延伸閱讀)\s*[:：]?$")
_REPRINT = re.compile(r"^[(（]?(?:本文|本稿|此文)?(?:转载自|轉載自|转自|轉自|来源于|來源於)[:：]?\s*([^\s,，。.)）]{2,20})"
                      r"(?:[,，][^()（）]{0,30})?[。.]?[)）]?$")
_COPYRIGHT = re.compile(r"(?:版权所有|版權所有|copyright|©|ICP备|未经授权|禁止转载|违法和不良信息|如有侵权|如有侵權)", re.I)


def _parse_date(m: re.Match) -> datetime | date:
    y, mo, d, hh, mm, ss = m.groups()
    if hh:
        return datetime(int(y), int(mo), int(d), int(hh), int(mm), int(ss or 0))
    return date(int(y), int(mo), int(d))


def clean_lines(raw: str, meta: ReportMeta) -> list[str]:
    """Keep the article's lines; fill ``meta`` from the debris it drops.

    >>> m = ReportMeta()
    >>> clean_lines("a.jpg\\n标题\\n2023-12-25 10:19  来源:某日报\\n1\\n听新闻\\n本报记者 张三\\n正文。\\n责编:李四", m)
    ['标题', '正文。']
    >>> m.publisher, m.author, m.editors, m.title
    ('某日报', '张三', ['李四'], '标题')
    """
    kept: list[str] = []
    header_seen = False
    for line in raw.splitlines():
        line = line.strip().replace("\u3000", " ").strip()
        if not line or _IMAGE.match(line) or _STRAY.match(line) or _WIDGETS.match(line):
            continue
        if _COPYRIGHT.search(line):
            continue
        if m := _FOOTER.match(line):
            if line.startswith(("责", "責", "编", "編")):
                meta.editors.extend(p for p in re.split(r"[\s,，、]+", m.group(1)) if p)
            continue
        src = _SOURCE.search(line)
        date_m = _DATE_RE.search(line)
        if (src or date_m) and len(_DATE_RE.sub("", _SOURCE.sub("", line)).strip(" |丨-:：")) <= 6:
            # a header line: date and/or source, nothing else of substance
            if src and not meta.publisher:
                meta.publisher = src.group(1)
            if date_m and not meta.published:
                meta.published = _parse_date(date_m)
            header_seen = True
            if kept and not meta.title and len(kept) == 1:
                meta.title = kept[0]
            continue
        if (m := _BYLINE.match(line)) and len(m.group(1)) <= 20:
            meta.author = meta.author or m.group(1).split()[0]
            continue
        if _RELATED.match(line) and len(kept) >= 3:
            break  # links to other articles follow: the article has ended
        if m := _REPRINT.match(line):
            meta.publisher = meta.publisher or m.group(1)
            continue
        kept.append(line)
    if not meta.title and kept and not header_seen and len(kept[0]) <= 60 and not kept[0].endswith("。"):
        meta.title = kept[0]
    return kept


def _read_sidecar(path: Path) -> dict:
    side = path.with_name(path.name.split(".")[0] + ".meta.json")
    if not side.exists():
        side = path.with_suffix(".meta.json")
    if not side.exists():
        return {}
    try:
        return json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"{side}: cannot read the metadata sidecar ({err})") from None


def _apply_sidecar(meta: ReportMeta, side: dict) -> None:
    for key in ("title", "publisher", "author", "url", "language"):
        if side.get(key):
            setattr(meta, key, side[key])
    if side.get("published"):
        try:
            meta.published = datetime.fromisoformat(side["published"]).replace(tzinfo=None)
        except ValueError:
            if m := _DATE_RE.search(side["published"]):
                meta.published = _parse_date(m)


# --------------------------------------------------------------------------- entry points

_HTML_START = re.compile(r"\s*(?:<!doctype html|<html|<\?xml)", re.I)


def read_bytes(data: bytes, *, name: str, html: bool | None = None, sidecar: dict | None = None) -> Document:
    """Stage 1 on bytes already in memory."""
    raw, encoding = decode(data, name=name)
    meta = ReportMeta()
    if html is None:
        html = bool(_HTML_START.match(raw, 0, 500))
    if html:
        raw, page_meta = extract_html(raw)
        for key, value in page_meta.items():
            if value and not getattr(meta, key, None):
                setattr(meta, key, value)
        if isinstance(meta.published, str):
            m = _DATE_RE.search(meta.published)
            meta.published = _parse_date(m) if m else None
    lines = clean_lines(raw, meta)
    if sidecar:
        _apply_sidecar(meta, sidecar)
    if not lines:
        raise InputError(f"{name}: no article text left after removing page debris")
    surface = "\n".join(lines)
    nfkc = _nfkc(surface)
    text = _simplified(nfkc)
    # characters OpenCC changed (it maps one to one; a change of length counts as changes too)
    trad = 0 if nfkc is text or nfkc == text else \
        sum(map(operator.ne, nfkc, text)) + abs(len(nfkc) - len(text))
    script = "traditional" if trad > max(3, len(text) // 200) else "simplified"
    if meta.title:
        meta.title = normalise(meta.title) if script == "traditional" else meta.title
    return Document(name=name, surface=surface, text=text, meta=meta, encoding=encoding, script=script)


def read_report(path: str | Path) -> Document:
    """Stage 1 on a file: a ``.txt`` or ``.html`` report in any supported encoding.

    A ``NAME.meta.json`` beside the file (title, publisher, author, published, url) wins over
    what the text itself says.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; give report files")
    try:
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    html = True if path.suffix.lower() in HTML_SUFFIXES else None
    return read_bytes(data, name=path.name, html=html, sidecar=_read_sidecar(path))


if __name__ == "__main__":
    print(f"wrote {write_t2s_chars()} characters to {T2S_CHARS_FILE}")

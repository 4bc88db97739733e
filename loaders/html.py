"""The article inside a news page: main text as lines, and the page's own metadata.

A small reader over the standard library's ``html.parser``: scripts, styles, navigation,
headers, footers, forms and asides are dropped; the main container is an ``<article>``,
else the block whose class or id names it as content, else the block holding most Chinese
text. Metadata comes from ``<meta>`` tags (Open Graph, ``article:published_time``,
``publishdate``, ``author``, ``source``), ``<title>`` and ``<link rel=canonical>``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "form", "aside", "iframe",
         "svg", "button", "select", "template", "head"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article",
          "blockquote", "table", "ul", "ol", "dd", "dt", "figcaption", "pre"}
_CONTENT = re.compile(r"(?:^|[\s_-])(?:article|content|main|text|detail|trs_editor|article-body|"
                      r"news_?con|zoom|body)(?:$|[\s_-])", re.I)
_NOISE = re.compile(r"(?:comment|share|related|recommend|breadcrumb|sidebar|nav|menu|footer|header|"
                    r"copyright|ad-|advert|login)", re.I)
_META_KEYS = {
    "og:title": "title", "title": "title", "articletitle": "title",
    "article:published_time": "published", "publishdate": "published", "pubdate": "published",
    "publish_date": "published", "date": "published", "dc.date": "published",
    "author": "author", "article:author": "author",
    "source": "publisher", "contentsource": "publisher", "og:site_name": "publisher",
    "article:publisher": "publisher",
    "og:url": "url",
}


class _Block:
    __slots__ = ("tag", "score_hint", "lines", "parent")

    def __init__(self, tag: str, hint: bool, parent: _Block | None):
        self.tag, self.score_hint, self.parent = tag, hint, parent
        self.lines: list[str] = []


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.blocks: list[_Block] = []
        self.stack: list[tuple[str, _Block | None, bool]] = []  # (tag, block opened, skipping)
        self.skip_depth = 0
        self.in_title = False
        self.current: list[str] = []
        self.block: _Block | None = None

    # containers that may be the article
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _META_KEYS and a.get("content") and _META_KEYS[key] not in self.meta:
                self.meta[_META_KEYS[key]] = a["content"].strip()
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower() and a.get("href"):
            self.meta.setdefault("url", a["href"])
            return
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            if tag == "br":
                self._flush()
            return
        marker = f"{a.get('class', '')} {a.get('id', '')}"
        skipping = tag in _SKIP or (tag != "body" and bool(_NOISE.search(marker)) and not _CONTENT.search(marker))
        if skipping:
            self.skip_depth += 1
        opened = None
        if not self.skip_depth and (tag == "article" or tag in {"div", "section", "td", "main", "body"}):
            self._flush()
            opened = _Block(tag, tag in {"article", "main"} or bool(_CONTENT.search(marker)), self.block)
            self.blocks.append(opened)
            self.block = opened
        elif tag in _BLOCK:
            self._flush()
        self.stack.append((tag, opened, skipping))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if not any(t == tag for t, _, _ in self.stack):
            return
        while self.stack:
            t, opened, skipping = self.stack.pop()
            if skipping:
                self.skip_depth -= 1
            if opened is not None:
                self._flush()
                self.block = opened.parent
            elif t in _BLOCK:
                self._flush()
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip_depth:
            return
        self.current.append(data)

    def _flush(self) -> None:
        line = re.sub(r"\s+", " ", "".join(self.current)).strip()
        self.current = []
        if line and self.block is not None:
            self.block.lines.append(line)


def _text_of(block: _Block, blocks: list[_Block]) -> list[str]:
    """The lines of ``block`` and of every block nested in it, in document order."""
    inside = [b for b in blocks if b is block or _descends(b, block)]
    out: list[str] = []
    for b in inside:
        out.extend(b.lines)
    return out


def _descends(b: _Block, ancestor: _Block) -> bool:
    while b.parent is not None:
        if b.parent is ancestor:
            return True
        b = b.parent
    return False


def _cjk(lines: list[str]) -> int:
    return sum(1 for line in lines for c in line if "\u4e00" <= c <= "\u9fff")


def extract_html(page: str) -> tuple[str, dict[str, str]]:
    """Return the article's text (one line per block) and the page's metadata.

    >>> text, meta = extract_html('<html><head><title>标题 - 某网</title>'
    ...     '<meta property="og:title" content="标题"></head><body><nav>首页</nav>'
    ...     '<div class="content"><p>第一段。</p><p>第二段。</p></div>'
    ...     '<script>alert(1)</script><footer>版权</footer></body></html>')
    >>> text.splitlines(), meta["title"]
    (['标题', '第一段。', '第二段。'], '标题')
    """
    reader = _Reader()
    reader.feed(page)
    reader.close()
    reader._flush()
    blocks = reader.blocks
    candidates = [b for b in blocks if b.score_hint]
    if candidates:
        # the innermost hinted container that still holds most of the hinted text
        best = max(candidates, key=lambda b: _cjk(_text_of(b, blocks)))
        total = _cjk(_text_of(best, blocks))
        inner = [b for b in candidates if _descends(b, best) and _cjk(_text_of(b, blocks)) >= 0.8 * total]
        if inner:
            best = min(inner, key=lambda b: _cjk(_text_of(b, blocks)))
    elif blocks:
        best = max(blocks, key=lambda b: _cjk(b.lines))
        if best.parent is not None and _cjk(_text_of(best.parent, blocks)) < 1.5 * _cjk(best.lines):
            best = best.parent
    else:
        return "", reader.meta
    meta = dict(reader.meta)
    if "title" not in meta and reader.title_parts:
        meta["title"] = re.split(r"\s*[-_|–—]\s*", "".join(reader.title_parts).strip())[0]
    lines = _text_of(best, blocks)
    title = meta.get("title")
    if title and title not in lines:
        # the headline usually sits outside the body container; keep it as the first line
        lines = [title, *lines]
    return "\n".join(lines), meta

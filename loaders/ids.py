"""The one place IRIs are minted: ASCII slugs from names, the same on every run.

Entities the reference data knows keep the IRI it gives them; everything else gets
``{ID}{kind}/{slug}`` with the slug in tone-less pinyin from Unidecode (or the ASCII of the name). Nothing here is
random and nothing is a blank node.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from clusterkg.ontology import ID

MAX_SLUG = 60


class _Transliteration(dict):
    """Each character's part of a slug, looked up once per character: Unidecode's replacement
    (Unidecode replaces character by character), lower-cased, with every character but a-z and
    0-9 made a space, so the slug's words are the translated text's ``split()``."""

    def __missing__(self, codepoint: int) -> str:
        from unidecode import unidecode

        value = self[codepoint] = _NOT_ALNUM.sub(" ", unidecode(chr(codepoint)).lower())
        return value


_NOT_ALNUM = re.compile(r"[^a-z0-9]")
_TRANSLIT = _Transliteration()


@lru_cache(maxsize=65536)
def slug(name: str) -> str:
    """An ASCII slug for a name: tone-less pinyin syllables and ASCII words, hyphen-joined.

    >>> slug("徐州博康信息化学品有限公司")
    'xu-zhou-bo-kang-xin-xi-hua-xue-pin-you-xian-gong-si'
    >>> slug("集成电路与ICT")
    'ji-cheng-dian-lu-yu-ict'
    >>> slug("“343”创新产业集群")
    '343-chuang-xin-chan-ye-ji-qun'
    """
    text = "-".join(unicodedata.normalize("NFKC", name).translate(_TRANSLIT).split())  # runs of a-z, 0-9
    if len(text) > MAX_SLUG:
        digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
        text = text[:MAX_SLUG].rstrip("-") + "-" + digest
    return text or hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


# the kinds of node minted here, each under ``{ID}{kind}/`` (reports too; ``tier`` comes from the
# reference data)
KINDS = ("org", "cluster", "place", "event", "document", "designation", "programme", "indicator", "tier", "report")


def entity_iri(kind: str, name: str, *, scope: str | None = None) -> str:
    """IRI of an entity of ``kind`` (org, cluster, event, document, designation, programme,
    indicator, place) named ``name``; ``scope`` (a city slug) separates same-named clusters.

    >>> entity_iri("cluster", "工程机械", scope="changsha")
    'https://w3id.org/clusterkg/id/cluster/changsha-gong-cheng-ji-jie'
    """
    s = slug(name)
    return f"{ID}{kind}/{scope}-{s}" if scope else f"{ID}{kind}/{s}"


def report_iri(report_slug: str) -> str:
    return f"{ID}report/{report_slug}"


def graph_iri(report_slug: str) -> str:
    """The named graph that holds one report's facts."""
    return f"{ID}graph/report/{report_slug}"


ONTOLOGY_GRAPH = f"{ID}graph/ontology"
REFERENCE_GRAPH = f"{ID}graph/reference"
ANALYSIS_GRAPH = f"{ID}graph/analysis"


def report_slug(file_name: str) -> str:
    """A report's slug from its file name, without encoding or script suffixes.

    >>> report_slug("xuzhou-343-2023-12-25.gb18030.txt")
    'xuzhou-343-2023-12-25-gb18030'
    """
    stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
    return slug(stem)

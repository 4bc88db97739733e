"""Name cores: the part of a firm's or a cluster's name that stays the same in its short and
long forms (鑫华半导体 in 江苏鑫华半导体科技股份有限公司, 工程机械 in 国家工程机械先进制造业
集群), and the place prefixes they are stripped of. Used by mention rules (short names of
firms named in full earlier) and by resolution (one entity per thing).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import name_key

LEGAL_FORM = re.compile(r"(?:集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|集团公司|股份公司|公司)$")
_FIRM_TAIL = re.compile(r"(?:科技|技术|信息技术|实业|控股|发展|股份|集团)$")
_CLUSTER_AFFIX = re.compile(r"(?:先进制造业集群|战略性新兴产业集群|特色产业集群|创新产业集群|产业集群|集群|产业链|产业)$")
_CLUSTER_PREFIX = re.compile(r"^(?:国家|省级|省|市级|市|全市|全省)")


class PlacePrefix:
    """Every place prefix (徐州市, 徐州, 江苏省 …): :meth:`match` gives the length of the longest
    one a name starts with."""

    def __init__(self, place_names: tuple[str, ...] | list[str]) -> None:
        self.forms = frozenset(f for p in place_names for f in (p + "省", p + "市", p))
        # the lengths to try, longest first, by a name's first two characters (most names
        # start with no place: one lookup)
        by_start: dict[str, set[int]] = {}
        for f in self.forms:
            if len(f) >= 2:
                by_start.setdefault(f[:2], set()).add(len(f))
        self.by_start = {k: sorted(v, reverse=True) for k, v in by_start.items()}
        self.single = frozenset(f for f in self.forms if len(f) == 1)

    def match(self, name: str) -> int:
        """
        >>> PlacePrefix(["江苏", "徐州"]).match("徐州市工程机械"), PlacePrefix(["江苏"]).match("工程机械")
        (3, 0)
        """
        forms = self.forms
        for length in self.by_start.get(name[:2], ()):
            if name[:length] in forms:
                return length
        return 1 if name[:1] in self.single else 0


def place_prefix(place_names: tuple[str, ...] | list[str]) -> PlacePrefix:
    return PlacePrefix(place_names)


def _as_prefix(places: PlacePrefix | list[str] | tuple[str, ...] | None) -> PlacePrefix | None:
    if places is None or isinstance(places, PlacePrefix):
        return places
    return place_prefix(places) if places else None


def firm_core(name: str, prefix: PlacePrefix | list[str] | tuple[str, ...] | None) -> str:
    """The part of a firm's name that stays the same in its short and legal forms.

    >>> p = place_prefix(["江苏", "徐州"])
    >>> firm_core("江苏鑫华半导体科技股份有限公司", p), firm_core("鑫华半导体", None)
    ('鑫华半导体', '鑫华半导体')
    >>> firm_core("徐工集团", p), firm_core("徐州博康信息化学品有限公司", p)
    ('徐工', '博康信息化学品')
    """
    return _firm_core(name, _as_prefix(prefix))


@lru_cache(maxsize=65536)
def _firm_core(name: str, prefix: PlacePrefix | None) -> str:
    core = name_key(name)
    for _ in range(2):
        end = prefix.match(core) if prefix else 0
        if end and len(core) - end >= 2:
            core = core[end:]
    core = LEGAL_FORM.sub("", core) or core
    for _ in range(2):
        stripped = _FIRM_TAIL.sub("", core)
        if len(stripped) >= 2:
            core = stripped
    return core


def cluster_core(name: str, prefix: PlacePrefix | list[str] | tuple[str, ...] | None) -> str:
    """A cluster's name without programme words and place.

    >>> cluster_core("国家工程机械先进制造业集群(徐州)", place_prefix(["徐州"])), cluster_core("绿色低碳能源产业", None)
    ('工程机械', '绿色低碳能源')
    """
    return _cluster_core(name, _as_prefix(prefix))


@lru_cache(maxsize=65536)
def _cluster_core(name: str, prefix: PlacePrefix | None) -> str:
    core = name_key(name)
    core = re.sub(r"[((][^))]*[))]$", "", core)
    core = _CLUSTER_PREFIX.sub("", core)
    end = prefix.match(core) if prefix else 0
    if end and len(core) > end + 1:
        core = core[end:]
    stripped = _CLUSTER_AFFIX.sub("", core)
    return stripped if len(stripped) >= 2 else core

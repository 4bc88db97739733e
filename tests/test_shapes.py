"""The same report as .txt, .html, GB18030 bytes and traditional characters builds to the same
entities and facts (issue 3: every input shape)."""

from __future__ import annotations

from pathlib import Path

import pytest
from clusterkg.loaders import extract, read_report

SHAPES = Path(__file__).parent / "data" / "shapes"
FILES = ["report.txt", "report.html", "report.gb18030.txt", "report.zh-hant.txt"]


def facts_of(name: str) -> dict:
    x = extract(read_report(SHAPES / name))
    return {
        "entities": sorted((e.kind, e.category, e.label) for e in x.entities if e.mentions),
        "figures": sorted((o.subject.label if o.subject else "", o.indicator, str(o.quantity.value), o.quantity.unit,
                           str(o.period.first) if o.period else "") for o in x.facts.observations),
        "relations": sorted((r.subject.label, r.predicate, r.object.label) for r in x.facts.relations),
        "events": sorted((e.entity.label, str(e.date)) for e in x.facts.events),
        "date": x.document.meta.date,
    }


@pytest.fixture(scope="module")
def reference():
    return facts_of("report.txt")


def test_the_plain_text_shape_has_facts_to_compare(reference):
    assert len(reference["entities"]) >= 5
    assert len(reference["figures"]) >= 4
    assert reference["relations"] and reference["events"]


@pytest.mark.parametrize("name", FILES[1:])
@pytest.mark.parametrize("part", ["entities", "figures", "relations", "events", "date"])
def test_every_shape_builds_the_same_facts(reference, name, part):
    assert facts_of(name)[part] == reference[part]


def test_traditional_surface_is_kept_as_an_alias():
    x = extract(read_report(SHAPES / "report.zh-hant.txt"))
    assert x.document.script == "traditional"
    surfaces = {s for e in x.entities for s in e.surfaces}
    assert any(("產" in s or "産" in s or "業" in s or "團" in s) for s in surfaces)

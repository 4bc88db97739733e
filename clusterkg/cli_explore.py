"""Explore commands: ``analyze`` (network measures, bridging organisations, cluster profiles)
and ``view`` (the HTML network). Each parses its options, makes the library calls and prints."""

from __future__ import annotations

import csv
import io
import json

import click

from clusterkg.cli import handle_errors, open_kg, store_option, write_output

FORMATS = ["table", "json", "csv"]


def _fmt(x: float) -> str:
    return f"{x:.4f}" if x else "0"


def _names(result, iris) -> str:
    return "|".join(result.G.nodes[v]["label"] for v in iris)


def analysis_data(result, top: int | None) -> dict:
    """Everything ``analyze`` shows, as plain data (the JSON output)."""
    G, s = result.G, result.scores
    rows = result.rows()
    bridges = sorted(s["clusters"], key=lambda v: (-s["clusters"][v], -s["pagerank"][v], v))
    by_type: dict[str, int] = {}
    for _, d in G.nodes(data=True):
        by_type[d["category"]] = by_type.get(d["category"], 0) + 1
    members: dict[int, list[str]] = {}
    for r in rows:
        members.setdefault(r["community"], []).append(r["label"])
    pairs = sorted(result.clusters.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))
    cut = (lambda xs: xs[:top]) if top else (lambda xs: xs)
    return {
        "network": {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "by_type": by_type,
                    "communities": len(members),
                    "betweenness": f"sampled from {result.betweenness_sources} sources"
                    if result.betweenness_sources else "exact"},
        "timings": {k: round(v, 4) for k, v in result.timings.items()},
        "nodes": cut(rows),
        "bridging": cut([{"iri": v, "label": G.nodes[v]["label"], "type": G.nodes[v]["category"],
                          "clusters": s["clusters"][v], "pagerank": s["pagerank"][v]} for v in bridges]),
        "cluster_pairs": cut([{"a": G.nodes[a]["label"], "b": G.nodes[b]["label"], "shared": d["weight"],
                               "organisations": [G.nodes[o]["label"] for o in d["organisations"]],
                               "a_iri": a, "b_iri": b} for a, b, d in pairs]),
        "communities": cut([{"community": c, "size": len(m), "members": m[:8]} for c, m in sorted(members.items())]),
    }


def analysis_table(data: dict) -> str:
    from clusterkg.graph.sparql import format_table

    net, t = data["network"], data["timings"]
    types = ", ".join(f"{k} {v}" for k, v in sorted(net["by_type"].items(), key=lambda kv: -kv[1]))
    measures = sum(v for k, v in t.items() if k != "projection")
    out = [f"entity network: {net['nodes']} nodes, {net['edges']} edges; {net['communities']} communities; "
           f"betweenness {net['betweenness']}",
           f"  {types}",
           f"  projection {t.get('projection', 0):.2f} s, measures {measures:.2f} s", "",
           "most central (by PageRank)"]
    out.append(format_table(["rank", "name", "type", "degree", "betweenness", "pagerank", "community", "clusters"],
                            [[str(i + 1), r["label"], r["type"], str(r["degree"]), _fmt(r["betweenness"]),
                              _fmt(r["pagerank"]), str(r["community"]), str(r["clusters"])]
                             for i, r in enumerate(data["nodes"])]))
    out += ["", "organisations that bridge clusters"]
    out.append(format_table(["organisation", "type", "clusters", "pagerank"],
                            [[b["label"], b["type"], str(b["clusters"]), _fmt(b["pagerank"])] for b in data["bridging"]]))
    out += ["", "clusters that share organisations"]
    out.append(format_table(["cluster", "cluster", "shared", "organisations"],
                            [[p["a"], p["b"], str(p["shared"]), "|".join(p["organisations"])]
                             for p in data["cluster_pairs"]]))
    out += ["", "communities (largest first)"]
    out.append(format_table(["community", "size", "members (most central first)"],
                            [[str(c["community"]), str(c["size"]), "|".join(c["members"])]
                             for c in data["communities"]], max_width=80))
    return "\n".join(out)


def profile_table(p: dict) -> str:
    from clusterkg.graph.sparql import format_table

    head = p["label"] + (f" / {p['en']}" if p["en"] else "") + (f"  [{p['tier']}]" if p["tier"] else "")
    out = [head, f"  {p['iri']}", f"  named {p['mentions']} time(s) in the loaded reports"]
    for key, title in (("lead_firms", "lead firms"), ("platforms", "platforms and laboratories"),
                       ("alliances", "alliances"), ("organisations", "other organisations"),
                       ("events", "events"), ("documents", "documents"), ("other", "designations and programmes")):
        if p[key]:
            out += ["", title]
            cols = ["name", "type", "relations"] + (["date"] if key == "events" else [])
            out.append(format_table(cols, [[e["label"], e["type"], "|".join(e["relations"])]
                                           + ([e["date"]] if key == "events" else []) for e in p[key]]))
    if p["shares_organisations_with"]:
        out += ["", "clusters it shares organisations with"]
        out.append(format_table(["cluster", "shared organisations"],
                                [[s["label"], "|".join(s["shared"])] for s in p["shares_organisations_with"]]))
    out += ["", "figures, by period"]
    out.append(format_table(["indicator", "value", "unit", "period", "start", "end", "report", "sentence"],
                            [[f["indicator"], f["qualifier"] + f["value"], f["unit"], f["period"], f["periodStart"],
                              f["periodEnd"], f["report"] or f["file"], f["sentence"]] for f in p["figures"]]))
    return "\n".join(out)


def _csv(columns: list[str], rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow(["|".join(r[c]) if isinstance(r[c], list) else r[c] for c in columns])
    return buf.getvalue()


@click.command()
@store_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="csv = one row per node (or per figure with --cluster)")
@click.option("--top", type=click.IntRange(min=1), default=None,
              help="rows per table  [default: 15 in tables, all in json and csv]")
@click.option("--cluster", "cluster", metavar="NAME", help="profile one cluster (zh or en name, alias or IRI)")
@click.option("--sample", "k", type=click.IntRange(min=2), default=None,
              help="betweenness from K sampled sources  [default: exact up to 5000 nodes, else 128]")
@click.option("--write-back", is_flag=True,
              help="store the scores in the graph <https://w3id.org/clusterkg/id/graph/analysis>")
@handle_errors
def analyze(store: str, fmt: str, top: int | None, cluster: str | None, k: int | None, write_back: bool) -> None:
    """Rank entities by centrality, find organisations that bridge clusters, clusters that
    share organisations and communities; or profile one cluster (--cluster)."""
    from clusterkg.graph import analysis

    if write_back and cluster:
        raise click.UsageError("--write-back stores the whole analysis; run it without --cluster")
    kg_ = open_kg(store, read_only=not write_back)
    if cluster:
        profile = analysis.cluster_profile(kg_.store, analysis.project(kg_.store), cluster)
        if fmt == "json":
            click.echo(json.dumps(profile, ensure_ascii=False, indent=2))
        elif fmt == "csv":
            cols = ["indicator", "value", "unit", "qualifier", "period", "periodStart", "periodEnd", "target",
                    "report", "file", "sentence"]
            click.echo(_csv(cols, profile["figures"]), nl=False)
        else:
            click.echo(profile_table(profile))
    else:
        result = analysis.analyze(kg_.store, k=k)
        data = analysis_data(result, top if top or fmt != "table" else 15)
        if fmt == "json":
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        elif fmt == "csv":
            cols = ["iri", "label", "en", "type", "tier", "mentions", *analysis.MEASURES]
            click.echo(_csv(cols, data["nodes"]), nl=False)
        else:
            click.echo(analysis_table(data))
        if write_back:
            n = analysis.write_back(kg_.store, result)
            click.echo(f"wrote {n} quads into <{analysis.ANALYSIS_GRAPH}>", err=True)


@click.command()
@store_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="clusterkg-view.html", show_default=True)
@click.option("--max-nodes", type=click.IntRange(min=1), default=2000, show_default=True,
              help="show the most central entities (all clusters always)")
@handle_errors
def view(store: str, output: str, max_nodes: int) -> None:
    """Write the interactive HTML network view: one file that works offline."""
    from clusterkg.viz.html import render_view

    kg_ = open_kg(store, read_only=True)
    html = render_view(kg_, max_nodes=max_nodes)
    write_output(html.encode("utf-8"), output)


COMMANDS = [analyze, view]

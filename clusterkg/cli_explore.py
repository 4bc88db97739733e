"""Explore commands: the HTML view (and, later, analysis)."""

from __future__ import annotations

import click

from clusterkg.cli import handle_errors, open_kg, store_option, write_output


@click.command()
@store_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="clusterkg-view.html", show_default=True)
@handle_errors
def view(store: str, output: str) -> None:
    """Write the interactive HTML network view: one file that works offline."""
    from clusterkg.viz.html import render_view

    kg_ = open_kg(store, read_only=True)
    html = render_view(kg_)
    write_output(html.encode("utf-8"), output)


COMMANDS = [view]

"""Report → facts → RDF, one stage per module.

``read`` (bytes → clean text with offsets) → ``sentences`` → ``mentions`` → ``resolve``
(mentions → entities) → ``facts`` (relations, figures, events) → ``to_rdf`` (quads of the
report's named graph). :func:`load_report` runs them all.
"""

from __future__ import annotations

from pathlib import Path

from .extraction import Extraction, extract
from .read import Document, read_bytes, read_report


def load_report(path: str | Path) -> Extraction:
    """Read and extract one report file (txt or html, any supported encoding)."""
    return extract(read_report(path))


__all__ = ["Document", "Extraction", "extract", "load_report", "read_bytes", "read_report"]

"""The graph: the embedded store, SPARQL and saved questions, validation, analysis, export.

``KnowledgeGraph`` is the entry point; the CLI is a thin layer over it.
"""

from .kg import KnowledgeGraph, expand_inputs
from .store import DEFAULT_STORE

__all__ = ["DEFAULT_STORE", "KnowledgeGraph", "expand_inputs"]

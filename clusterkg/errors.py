"""One exception hierarchy for the whole project; the CLI turns each into a one-line message."""

from __future__ import annotations


class ClusterKGError(Exception):
    """Base class: something the user can act on. ``str(err)`` is the whole message."""

    exit_code = 2


class InputError(ClusterKGError):
    """A report cannot be read: missing, empty, binary, too large, or of an unknown encoding."""


class StoreError(ClusterKGError):
    """The store cannot be opened or written (locked by another process, not a store, …)."""


class QueryError(ClusterKGError):
    """A SPARQL query is malformed, unknown by name, has a bad parameter, or timed out."""


class ValidationFailed(ClusterKGError):
    """The graph does not conform to the shapes (the data is wrong, not the tool)."""

    exit_code = 1

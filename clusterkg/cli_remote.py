"""Commands that talk to SPARQL servers: serve (and, later, push)."""

from __future__ import annotations

COMMANDS: list = []

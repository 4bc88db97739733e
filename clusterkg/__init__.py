"""clusterkg: a knowledge graph of industrial clusters built from Chinese industrial-policy reports.

The package is one import package whose subpackages are the top-level folders of the
repository: ``clusterkg.ontology`` (vocabulary and reference data), ``clusterkg.loaders``
(report → facts), ``clusterkg.graph`` (store, SPARQL, validation, analysis, export) and
``clusterkg.viz`` (the HTML view). Imports point one way: ontology ← loaders ← graph ← viz.

>>> from clusterkg.graph import KnowledgeGraph      # doctest: +SKIP
>>> kg = KnowledgeGraph("clusterkg-store")           # doctest: +SKIP
>>> kg.build(["report.txt"])                         # doctest: +SKIP
>>> kg.query("clusters")                             # doctest: +SKIP
"""

__version__ = "0.1.0"

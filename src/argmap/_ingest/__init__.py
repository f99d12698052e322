"""Turning a document (PDF, HTML, EPUB, Markdown, plain text; a file or a URL) into a snapshot.

``argmap source add`` calls :func:`argmap._ingest.convert.convert` for the text, its pages and
its repairs, and :mod:`argmap._ingest.entry` for the CSL-JSON item and the sidecar; the CLI
writes the files. The converters' libraries are optional extras, imported only when a
document of their kind is converted (:mod:`argmap._ingest.codes` says what a missing one gives).
"""

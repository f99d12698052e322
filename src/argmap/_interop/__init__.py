"""Other formats in and out, beside ``_load`` (which calls the readers for files it knows).

Argdown (``argdown``, a package of its own); AIF JSON (``aif_read``, ``aif_load``,
``aif_write``); BibTeX and CSL-JSON libraries (``library``, ``bibtex``); the long tail through
arguebuf (``arguebuf_read``); the import codes AM126-AM135 (``codes``).
"""

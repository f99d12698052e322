"""Reading and writing other formats: BibTeX and CSL-JSON libraries, AIF JSON.

Layer 1, beside ``_load``: readers turn a foreign file into map data (and findings located in
that file); the loader calls them for files it recognises.
"""

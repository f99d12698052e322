"""The English words that decide whether a ligature lost in PDF extraction may be repaired.

A snapshot's "confict" is repaired to "conflict" only because "confict" is not an English word
and "conflict" is; "fat" is never turned into "flat", being a word itself. The list is SCOWL's
(Kevin Atkinson's Spell Checker Oriented Word Lists, as Debian ships them in ``wamerican`` and
``wbritish``: a permissive licence, American and British spelling, inflected forms included),
cut to the lowercase words the repairs can ask about: those with an ``f`` (the f-ligatures ff,
fi, fl, ffi, ffl) and those that begin with ``t`` (the Th ligature). ``data/words.LICENSE``
has the notice and the command that made ``data/words.txt.gz``.

It is read only when a snapshot shows lost ligatures, once per process.
"""

from __future__ import annotations

import zlib
from functools import cache
from pathlib import Path

__all__ = ["is_word", "words"]


@cache
def words() -> frozenset[str]:
    """The shipped words (lowercase), loaded on first use.

    Read beside this module, as the fonts and the cache's code hash are: importlib.resources
    brought 20 modules (tempfile, shutil, zipfile, lzma...) into every check that repairs.
    The one gzip member is inflated by zlib itself (``wbits`` 31: a gzip header and trailer,
    whose CRC-32 and length it checks), without importing ``gzip`` (3.2 M instructions of
    the paper's check under callgrind)."""
    data = (Path(__file__).parent / "data" / "words.txt.gz").read_bytes()
    return frozenset(zlib.decompress(data, wbits=31).decode("ascii").split())


def is_word(word: str) -> bool:
    """Is ``word`` (any case) an English word? Only meaningful for words with an ``f`` or
    beginning with ``t``, the only ones the list holds.

    >>> is_word("Conflict"), is_word("confict"), is_word("fat"), is_word("Te")
    (True, False, True, False)
    """
    return word.lower() in words()

"""SHA-256 and BLAKE2b digests without loading OpenSSL where a process hashes little.

``import hashlib`` loads OpenSSL's libcrypto to hash with it: 11.4 M instructions under
callgrind, for a check of the paper's map that hashes 61 KB (the model's source, which
:mod:`~argmap._load.fast_schema` fingerprints, and its snapshot; 1.8 M with OpenSSL). Python's
own SHA-256 (``_sha256``; ``_sha2`` from 3.12) and BLAKE2 (``_blake2``, the one hashlib itself
gives) need no library. Python's SHA-256 costs more a byte (43 instructions against 29, and
seven times the wall time where the processor has SHA instructions), so only the first
:data:`BUILTIN_BYTES` a process hashes go through it: at 10,000 claims a check hashes 2 MB of
snapshots, the rest of which OpenSSL hashes. The digests are the same either way.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any

__all__ = ["BUILTIN_BYTES", "blake2b", "blake2b_hex", "sha256_hex"]

#: Bytes a process hashes with Python's own SHA-256 before it loads OpenSSL for the rest: the
#: import (11.4 M) is worth 790 KB of hashing at the 14 instructions a byte OpenSSL saves; a
#: quarter of it keeps a map of 10,000 claims within 3.7 M of hashing with OpenSSL only.
BUILTIN_BYTES = 256 * 1024

_hashed = 0  # bytes hashed by Python's own SHA-256 so far


def _builtin_sha256() -> Callable[[bytes], Any] | None:
    """Python's own SHA-256 constructor (its module's name changed in 3.12); None in a
    build without it."""
    for name in ("_sha2", "_sha256"):
        try:
            constructor: Callable[[bytes], Any] = importlib.import_module(name).sha256
        except (ImportError, AttributeError):
            continue
        return constructor
    return None


_SHA256 = _builtin_sha256()


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in hexadecimal, as ``hashlib.sha256(data).hexdigest()``."""
    global _hashed  # noqa: PLW0603 - one budget for the process
    if _SHA256 is not None and "_hashlib" not in sys.modules \
            and _hashed + len(data) <= BUILTIN_BYTES:
        _hashed += len(data)
        return str(_SHA256(data).hexdigest())
    import hashlib

    return hashlib.sha256(data).hexdigest()


def blake2b(data: bytes = b"", *, digest_size: int) -> Any:
    """A BLAKE2b hash object, as ``hashlib.blake2b`` makes it (hashlib's is ``_blake2``'s,
    never OpenSSL's)."""
    try:
        from _blake2 import blake2b as constructor
    except ImportError:  # pragma: no cover - a Python built without its own BLAKE2
        from hashlib import blake2b as constructor
    return constructor(data, digest_size=digest_size)


def blake2b_hex(data: bytes, digest_size: int) -> str:
    """The BLAKE2b of ``data`` in hexadecimal."""
    return str(blake2b(data, digest_size=digest_size).hexdigest())

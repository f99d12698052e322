"""The memory address of a buffer, through CPython's buffer protocol (ctypes).

rapidyaml returns views into the bytes it parsed; their addresses give offsets. Only a file
the block scan leaves to the tree needs this, so ctypes is imported with this module, not
with the position index (it cost a few milliseconds at every start).
"""

from __future__ import annotations

import ctypes
from typing import Any

__all__ = ["address"]


class _PyBuffer(ctypes.Structure):
    _fields_ = (
        ("buf", ctypes.c_void_p),
        ("obj", ctypes.py_object),
        ("len", ctypes.c_ssize_t),
        ("itemsize", ctypes.c_ssize_t),
        ("readonly", ctypes.c_int),
        ("ndim", ctypes.c_int),
        ("format", ctypes.c_char_p),
        ("shape", ctypes.c_void_p),
        ("strides", ctypes.c_void_p),
        ("suboffsets", ctypes.c_void_p),
        ("internal", ctypes.c_void_p),
    )


_get_buffer = ctypes.pythonapi.PyObject_GetBuffer
_get_buffer.argtypes = (ctypes.py_object, ctypes.POINTER(_PyBuffer), ctypes.c_int)
_get_buffer.restype = ctypes.c_int
_release_buffer = ctypes.pythonapi.PyBuffer_Release
_release_buffer.argtypes = (ctypes.POINTER(_PyBuffer),)
_release_buffer.restype = None


def address(view: Any) -> int:
    """Memory address of a buffer (rapidyaml returns views into the parsed bytes)."""
    pybuf = _PyBuffer()
    if _get_buffer(view, ctypes.byref(pybuf), 0) != 0:  # pragma: no cover - CPython raises
        msg = "not a buffer"
        raise TypeError(msg)
    try:
        return int(pybuf.buf or 0)
    finally:
        _release_buffer(ctypes.byref(pybuf))

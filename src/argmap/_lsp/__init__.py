"""The language server (``argmap lsp``): argmap's checks and its map index in an editor.

:mod:`.positions` converts between argmap's locations (1-based, code points) and the
protocol's (0-based, UTF-16 code units); :mod:`.workspace` checks a map with the editor's
unsaved buffers in place of the files on disk; :mod:`.symbols` finds every ID where it is
defined and referenced; :mod:`.hover`, :mod:`.complete` and :mod:`.actions` answer the
requests; :mod:`.server` wires them to pygls. Only :mod:`.server` and the feature modules
import pygls and lsprotocol, which are an optional extra (``argmap[lsp]``).
"""

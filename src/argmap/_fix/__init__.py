"""Fixes: a finding's data edits made as text edits in the map's files (``check --fix``).

:mod:`.text_edits` finds the span of a value, list or mapping in YAML or JSON text and makes
the smallest edit there, checked by parsing; :mod:`.apply` plans a run's fixes, shows them
as a diff and writes them through ``argmap._output.write``. Layer 6, beside ``_output``.
"""

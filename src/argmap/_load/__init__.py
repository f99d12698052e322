"""Reading map files: find, read, parse, bound, locate and validate them.

What can go wrong is the table in ``codes.py`` (AM1xx); every load error takes its code, id
and severity from there.
"""

"""Reading map files: find, read, parse, bound, locate and validate them (AM1xx)."""

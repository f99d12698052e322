"""Other formats in and out: Argdown (``argdown``); each format in a package of its own."""

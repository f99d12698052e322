"""What a finished run becomes: reporters, the Markdown report, docs, schemas, dumps."""

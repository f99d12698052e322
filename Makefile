# Shortcuts for tasks.py, which needs nothing but Python (use it where make is missing).
PYTHON ?= python3

.PHONY: demo test docs bench schema
demo:
	$(PYTHON) tasks.py demo
test:
	$(PYTHON) tasks.py test
schema:
	.venv/bin/argmap schema --write-all schemas
docs:
	$(PYTHON) tasks.py docs
bench:
	.venv/bin/python benchmarks/run.py

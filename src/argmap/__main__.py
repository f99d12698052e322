"""``python -m argmap``: the same command line as the ``argmap`` script."""

from argmap.cli import run

if __name__ == "__main__":
    run()

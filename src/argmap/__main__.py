"""``python -m argmap``: the same command line as the ``argmap`` script."""

if __name__ == "__main__":
    import gc

    gc.disable()  # the program's start-up, imports, runs without the cyclic collector: see run

    from argmap._codecache import install

    install()  # the imports' compiled texts from the cache folder, click's among them: see run

    from argmap.cli import run

    run()

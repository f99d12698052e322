"""``python -m argmap``: the same command line as the ``argmap`` script."""

if __name__ == "__main__":
    import gc

    gc.disable()  # the program's start-up, imports, runs without the cyclic collector: see run

    from argmap._codecache import install
    from argmap._recache import install as install_patterns

    install_patterns()  # the imports' patterns and compiled texts from the cache folder,
    install()  # click's among them: see run

    from argmap.cli import run

    run()

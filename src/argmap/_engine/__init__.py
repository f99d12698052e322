"""Running the rules: what a rule sees, configuration, suppressions, the run."""

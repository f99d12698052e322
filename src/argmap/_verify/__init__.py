"""What argmap verifies, independent of rules: numbers, quotes, arithmetic, graphs."""

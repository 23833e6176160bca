"""E rules: the file and its tables as a whole."""

"""Extractors: each finds one kind of mention in a normalised Document."""

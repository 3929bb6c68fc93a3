"""Analyses over the built graph: questions whose answer is a network, not a table."""

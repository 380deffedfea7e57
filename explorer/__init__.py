"""Trigger Point Explorer: where trigger points send their pain, and where pain may come from."""

__version__ = "0.2.0"

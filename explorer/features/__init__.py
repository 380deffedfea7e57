"""Screens and parts of screens: each module has its layout factory and a `register(app, atlas)`."""

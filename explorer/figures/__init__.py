"""Pure functions from the atlas and a screen state to what the browser draws: figures and the paint index."""

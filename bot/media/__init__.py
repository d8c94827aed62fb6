"""Limber's own media: exercise animations and stills drawn from content, and voice guides."""

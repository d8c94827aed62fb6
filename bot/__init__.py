"""Limber: a home-exercise coach for everyday back pain."""

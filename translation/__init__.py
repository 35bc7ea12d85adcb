"""Offline translation engines and argos package management."""

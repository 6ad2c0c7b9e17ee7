"""Cataloguing help in the relic editor."""

"""Workflow in words: what a save did, submitting with a note, approving with confirmation."""

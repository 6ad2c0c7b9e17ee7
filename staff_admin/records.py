"""The museum's record list: relics with accession number, thumbnail, type, state and languages."""

"""The language picker of the page and snippet editors."""

"""Rule- and gazetteer-based legal entity extraction."""

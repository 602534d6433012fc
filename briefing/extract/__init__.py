"""Extract: Source + spaCy -> Extraction. The only package that imports spaCy."""

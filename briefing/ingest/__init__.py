"""Ingest: article files -> Source records (decoding, web pages, language, paragraphs and page furniture, metadata)."""

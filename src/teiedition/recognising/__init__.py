"""Recognising conventions: ordered, named tables of recognisers (blocks, brackets) and the archival facts they use (citations, dates, sentences, named entities)."""

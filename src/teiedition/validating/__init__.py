"""Validating any TEI file: the house XSD and Schematron, tei_all, user schemas; text, JSON and JUnit reports."""

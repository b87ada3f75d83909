"""The search tokenizer's separators are read from a stored class, not scanned in every worker.

Why: scanning the 1.1 million code points cost each worker process about a second;
the stored class must be exactly what the scan gives, or the search index would
split words differently from MiniSearch in the browser.
"""

import json
import unicodedata
from importlib import resources

from teiedition.building import minisearch_index


def test_stored_class_is_the_scan_of_this_unicode_version():
    stored = json.loads(resources.files("teiedition").joinpath(minisearch_index.SEPARATORS_FILE).read_text("utf-8"))
    assert stored["unidata_version"] == unicodedata.unidata_version, "regenerate with separator_class()"
    assert stored["class"] == minisearch_index.separator_class()
    assert minisearch_index._stored_class() == stored["class"]


def test_another_unicode_version_scans(monkeypatch):
    monkeypatch.setattr(minisearch_index.unicodedata, "unidata_version", "0.0.0", raising=False)
    assert minisearch_index._stored_class() is None


def test_tokens_split_on_unicode_punctuation_and_spaces():
    lengths, terms = minisearch_index.document_terms({"text": "Zhou\u00a0Enlai\u2014Kim Il-sung\u3001Pueblo"})
    assert set(terms) == {"zhou", "enlai", "kim", "il", "sung", "pueblo"}

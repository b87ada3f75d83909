"""One document, one worker, one parse: the worker hands Saxon each document once.

Why (issue 19): the HTML page and the DTS share both run Saxon over the same
TEI; each used to serialise the lxml tree and parse it again.  The worker now
parses it for Saxon once (``Document.xdm``) and both read that tree, with the
same outputs.
"""

from __future__ import annotations

import pytest

from conftest import RUN_DATE, dev_documents
from teiedition import convert, review
from teiedition.reading import source
from teiedition.building.document import PipelineStages, Task, build_document, make_stages
from teiedition.rendering import xsltrun


class CountingProcessor:
    """The process's Saxon processor, counting the documents it parses."""

    def __init__(self, real):
        self._real = real
        self.parsed = 0

    def parse_xml(self, **kwargs):
        self.parsed += 1
        return self._real.parse_xml(**kwargs)

    def __getattr__(self, name):
        return getattr(self._real, name)


@pytest.fixture(scope="module")
def stages():
    return make_stages(PipelineStages, False)


def _build(tmp_path, stages, monkeypatch) -> tuple[CountingProcessor, object]:
    source = dev_documents()[0]
    counting = CountingProcessor(xsltrun.processor())
    monkeypatch.setattr(xsltrun, "_processor", counting)
    result = build_document(Task(source.stem, str(source), str(tmp_path), False, RUN_DATE,
                                 key="k", dts_base="/dts/"), stages)
    return counting, result


def test_a_built_document_is_parsed_by_saxon_once(tmp_path, stages, monkeypatch):
    counting, result = _build(tmp_path, stages, monkeypatch)
    assert result.status == "valid", result.reason
    assert any(name.startswith("dts/") for name in result.shares)  # the DTS share was made from that tree
    assert f"{result.doc_id}.html" in result.outputs
    assert counting.parsed == 1


def test_the_page_and_the_dts_share_are_what_separate_parses_make(tmp_path, stages, monkeypatch):
    """The shared tree changes nothing: the page and the answers equal those made from the TEI text."""
    counting, result = _build(tmp_path / "shared", stages, monkeypatch)
    monkeypatch.setattr(stages, "xdm", None)  # stages without a Saxon tree: each step parses for itself
    apart = build_document(Task(result.doc_id, str(dev_documents()[0]), str(tmp_path / "apart"), False, RUN_DATE,
                                key="k", dts_base="/dts/"), stages)
    assert apart.status == "valid"
    assert counting.parsed > 1 + 1  # the second build parsed more than once
    for name in (*result.outputs, *result.shares):
        assert (tmp_path / "shared" / name).read_bytes() == (tmp_path / "apart" / name).read_bytes(), name


def test_a_worker_reads_each_page_once_and_makes_no_review(tmp_path, stages, monkeypatch):
    """The page's header gives the id and the same reading is converted; the review (which build
    never shows) is not made: both cost a worker about 3 ms a page."""
    calls = {"read": 0, "review": 0}
    real_read, real_review = source.read_page, review.review_document

    def counted(name, real):
        def call(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)
        return call

    monkeypatch.setattr(source, "read_page", counted("read", real_read))
    monkeypatch.setattr(review, "review_document", counted("review", real_review))
    result = build_document(Task("one", str(dev_documents()[0]), str(tmp_path), False, RUN_DATE), stages)
    assert result.status == "valid", result.reason
    assert calls == {"read": 1, "review": 0}
    # convert still reviews when asked (convert --review)
    made = convert.convert_source_text(dev_documents()[0].read_text(encoding="utf-8"),
                                       source_name=dev_documents()[0].name, run_date=RUN_DATE)
    assert calls["review"] == 1 and made.review is not None

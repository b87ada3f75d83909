"""jing's verdict, always: the RELAX NG engine against jing on fixtures and on files broken on purpose.

``jing_parity`` breaks valid TEI in 27 ways (element names, places, missing
children, attribute values, datatypes, IDs, IDREFs, namespaces, foreign and
``anyName`` content, ``egXML`` and ``constraint`` content, ...) and compares
each file's verdict, and the element of the first fault, with jing's.  The
sample here applies every mutation to every base file once, with a fixed
seed; the ``slow`` test runs 1,200 files per schema (also:
``python tests/jing_parity.py``).
"""

from __future__ import annotations

import pytest

import jing_parity as jp
from conftest import TEI_ALL_RNG


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("jing_parity")
    made = jp.generate(folder, len(jp.base_files()) * len(jp.MUTATIONS), seed=18)
    return [p for p, _ in made] + jp.fixture_files(), dict(made)


def _assert_parity(outcome: jp.Outcome) -> None:
    assert outcome.jing_invalid > outcome.files // 4, "the sample must hold many invalid files"
    assert outcome.files - outcome.jing_invalid > outcome.files // 10, "... and valid ones"
    assert not outcome.verdict_differences, "\n".join(outcome.verdict_differences)
    assert not outcome.place_differences, "\n".join(outcome.place_differences)


def test_every_mutation_kind_is_exercised(sample):
    files, labels = sample
    assert len(set(labels.values())) == len(jp.MUTATIONS) >= 20


def test_tei_all_gives_jing_verdict_and_place(sample):
    files, labels = sample
    _assert_parity(jp.compare(TEI_ALL_RNG, files, labels))


def test_user_grammar_with_ids_gives_jing_verdict_and_place(sample):
    files, labels = sample
    _assert_parity(jp.compare(jp.USER_RNG, files[::3], labels))


@pytest.mark.slow
def test_twelve_hundred_files_per_schema(tmp_path):
    made = jp.generate(tmp_path, 1200, seed=1218)
    files = [p for p, _ in made] + jp.fixture_files()
    for schema in (TEI_ALL_RNG, jp.USER_RNG):
        _assert_parity(jp.compare(schema, files, dict(made)))

"""What the converter writes today validates under the project profile and under tei_all.

The dev corpus and the seed are converted at test time, so these tests follow
the converter as it changes.  Together with test_schema_subset.py they show the
project schema is a subset of tei_all that still accepts every real output.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import RUN_DATE, SEEDS, TEI_ALL_RNG, assert_valid_tei_all, dev_documents
from teiedition.cli import main
from teiedition.safexml import parse_xml_file
from teiedition.validating.validate import Validator

SOURCES = dev_documents() + sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    """Every dev document and seed, converted once into a temporary folder."""
    from teiedition.convert import convert_file

    out = tmp_path_factory.mktemp("converted")
    for src in SOURCES:
        convert_file(src, out / f"{src.stem}.xml", run_date=RUN_DATE)
    return out


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_converter_output_is_valid_under_the_project_profile(converted, source):
    report = Validator(profile="teiedition").validate_file(converted / f"{source.stem}.xml")
    assert report.ok, "\n".join(p.format() for p in report.problems)
    assert not report.problems  # not even a warning


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_converter_output_is_valid_tei_all(tei_all, converted, source):
    assert_valid_tei_all(tei_all, parse_xml_file(converted / f"{source.stem}.xml"), source.name)


@pytest.mark.slow
def test_whole_corpus_under_profile_both_from_the_command_line(converted):
    result = CliRunner().invoke(main, ["validate", str(converted), "--profile", "both", "-j", "2",
                                       "--tei-all", str(TEI_ALL_RNG)])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.endswith(f"{len(SOURCES)} files: {len(SOURCES)} valid, 0 invalid, 0 unreadable "
                                  "(0 errors, 0 warnings)\n")


def _blocks(text: str) -> list[str]:
    return [b for b in __import__("re").split(r"\n\s*\n", text) if b.strip()]


DEV_TEXTS = [p.read_text(encoding="utf-8") for p in dev_documents()]
DEV_BLOCKS = [b for t in DEV_TEXTS for b in _blocks(t)]


def test_pages_recombined_from_the_corpus_still_convert_to_valid_tei(tei_all):
    """Unseen pages of the same archive: dev pages with some blocks swapped for blocks of other pages.

    Catches a project schema stricter than the converter (or a converter
    writing something tei_all refuses) on shapes no single dev page has.
    """
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import strategies as st

    from teiedition.convert import convert_text
    from teiedition.safexml import parse_xml_bytes

    validator = Validator(profile="teiedition")

    @settings(max_examples=10, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(page=st.sampled_from(DEV_TEXTS), data=st.data())
    def check(page, data):
        parts = page.split("\n\n")
        for i in range(len(parts)):
            if parts[i].strip() and data.draw(st.integers(0, 9), label=f"swap {i}") == 0:
                parts[i] = data.draw(st.sampled_from(DEV_BLOCKS), label=f"block {i}")
        tei = convert_text("\n\n".join(parts), doc_id="doc-recombined", run_date=RUN_DATE).tei
        tree = parse_xml_bytes(tei, name="recombined.xml")
        report = validator.validate_tree(tree, "recombined.xml", source=tei)
        assert report.ok, "\n".join(p.format() for p in report.problems)
        assert_valid_tei_all(tei_all, tree, "recombined page")

    check()

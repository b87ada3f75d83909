"""Benchmark the HTML edition: stylesheet compile, warm transforms, cold ``teiedition render``.

Why: the issue sets targets (seed transform under 20 ms warm, cold command
under 1 s) and a collection build renders every document, so the cost per
document and the one-off costs must both stay small.  Each figure is a median
of ``--repeat`` runs, with a baseline measured in the same run:

* compile: ``html.xsl`` vs a one-template identity stylesheet (fresh interpreter each time);
* warm transform: ``HtmlRenderer.render`` vs Saxon's identity transform of the
  same document through the same path (lxml -> text -> Saxon -> string);
* cold command: ``teiedition render`` of the seed vs ``teiedition --version``.

The ~500 KB document is the seed's TEI with its body repeated (ids and
pointers renamed per copy), so it has the seed's mix of notes, marks and names.

    python bench/bench_render_html.py
    python bench/bench_render_html.py --repeat 21
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from benchlib import REPO, median_ms  # noqa: E402
SEED_TEI = REPO / "editions" / "000_fcc578db0f85cc6f.xml"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
POINTERS = ("target", "corresp", "ref")
IDENTITY = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml"/><xsl:mode on-no-match="shallow-copy"/></xsl:stylesheet>"""




def seed_tree() -> etree._ElementTree:
    from teiedition.safexml import parse_xml_file

    if SEED_TEI.exists():
        return parse_xml_file(SEED_TEI)
    from teiedition.convert import convert_text
    from teiedition.safexml import parse_xml_bytes

    text = (REPO / "seeds" / "000_fcc578db0f85cc6f.txt").read_text(encoding="utf-8")
    return parse_xml_bytes(convert_text(text, doc_id="seed", run_date="2026-01-01").tei)


def enlarged(tree: etree._ElementTree, target_bytes: int = 500_000) -> etree._ElementTree:
    """The seed with its body repeated until the document is about ``target_bytes``."""
    big = copy.deepcopy(tree)
    body = big.find(f"{TEI}text/{TEI}body")
    originals = list(body)
    k = 0
    while len(etree.tostring(big)) < target_bytes:
        k += 1
        for child in originals:
            clone = copy.deepcopy(child)
            for el in clone.iter():
                if el.get(XML_ID):
                    el.set(XML_ID, f"{el.get(XML_ID)}-c{k}")
                for attr in POINTERS:
                    value = el.get(attr)
                    if value and attr != "ref":
                        el.set(attr, " ".join(f"{v}-c{k}" if v.startswith("#") else v for v in value.split()))
            body.append(clone)
    return big


def cold_compile_ms(stylesheet: str | None) -> float:
    """Compile in a fresh interpreter: ``html.xsl`` through xsltrun, or the identity text."""
    if stylesheet:
        code = ("import time; from teiedition.rendering import xsltrun; p = xsltrun.processor(); "
                "t = time.perf_counter(); xsltrun._compile(%r); print((time.perf_counter() - t) * 1000)" % stylesheet)
    else:
        code = ("import time; from teiedition.rendering import xsltrun; p = xsltrun.processor(); x = p.new_xslt30_processor(); "
                "t = time.perf_counter(); x.compile_stylesheet(stylesheet_text=%r); "
                "print((time.perf_counter() - t) * 1000)" % IDENTITY)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def first_call_ms() -> float:
    """What the first ``xsltrun.compiled`` of a process costs: every entry stylesheet, then lock-down."""
    code = ("import time; t = time.perf_counter(); from teiedition.rendering import xsltrun; "
            "xsltrun.compiled('html.xsl'); print((time.perf_counter() - t) * 1000)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout)


def command_ms(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11)
    args = parser.parse_args()
    repeat = args.repeat

    from teiedition.rendering import xsltrun
    from teiedition.rendering.render import HtmlRenderer

    compile_html = statistics.median(cold_compile_ms("html.xsl") for _ in range(max(3, repeat // 3)))
    compile_identity = statistics.median(cold_compile_ms(None) for _ in range(max(3, repeat // 3)))
    first_call = statistics.median(first_call_ms() for _ in range(3))
    print(f"compile html.xsl (fresh process)      {compile_html:8.1f} ms   "
          f"identity stylesheet {compile_identity:6.1f} ms   ratio {compile_html / compile_identity:5.1f}x")
    print(f"first xsltrun.compiled() (all entries: {', '.join(xsltrun.entry_stylesheets())}) "
          f"{first_call:8.1f} ms")

    renderer = HtmlRenderer()
    proc = xsltrun.processor()
    identity = proc.new_xslt30_processor().compile_stylesheet(stylesheet_text=IDENTITY)

    def identity_transform(tree):
        node = proc.parse_xml(xml_text=etree.tostring(tree.getroot(), encoding="unicode"), encoding="UTF-8")
        return identity.transform_to_string(xdm_node=node)

    seed = seed_tree()
    big = enlarged(seed)
    for label, tree in (("seed", seed), ("~500 KB", big)):
        size = len(etree.tostring(tree))
        renderer.render(tree)  # warm up
        ours = median_ms(lambda: renderer.render(tree, tei_href="doc.xml"), repeat)
        base = median_ms(lambda: identity_transform(tree), repeat)
        ours_cpu = median_ms(lambda: renderer.render(tree, tei_href="doc.xml"), repeat, time.process_time)
        base_cpu = median_ms(lambda: identity_transform(tree), repeat, time.process_time)
        html_size = len(renderer.render(tree).encode("utf-8"))
        print(f"warm render {label:8} ({size / 1024:6.0f} KB TEI -> {html_size / 1024:6.0f} KB HTML) "
              f"wall {ours:7.1f} ms (identity {base:6.1f} ms, ratio {ours / base:4.1f}x)   "
              f"CPU {ours_cpu:7.1f} ms (identity {base_cpu:6.1f} ms, ratio {ours_cpu / base_cpu:4.1f}x)")

    teiedition = os.path.join(os.path.dirname(sys.executable), "teiedition")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "seed.xml"
        src.write_bytes(etree.tostring(seed, xml_declaration=True, encoding="UTF-8"))
        cold = statistics.median(command_ms([teiedition, "render", str(src), "-o", str(Path(tmp) / "seed.html")])
                                 for _ in range(max(3, repeat // 2)))
        version = statistics.median(command_ms([teiedition, "--version"]) for _ in range(max(3, repeat // 2)))
    print(f"cold `teiedition render` of the seed  {cold:8.1f} ms   `teiedition --version` {version:6.1f} ms   "
          f"ratio {cold / version:5.1f}x")


if __name__ == "__main__":
    main()

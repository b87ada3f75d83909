"""Render a folder of other projects' TEI as a new user would, and print what became of each file.

Why: issue 20 asks that every public TEI sample renders to HTML and PDF without
an internal error and keeps every word of its text. This runs the real command
(`teiedition render FILE --to html|pdf -o OUT`, one process per file) and
prints one row per file: exit codes, the share of the words of <text> (else
<sourceDoc>/<standOff>) found in the HTML pages and in the PDF (pdftotext,
line-end hyphens joined), the first error line, and the PDF's seconds.

    python tools/render_survey.py SAMPLES_FOLDER [--out /tmp/survey] [--no-pdf] [--reuse]

Files whose root is not TEI P5 (P4 samples, fragments) are listed with the error the render gave.
"""

from __future__ import annotations

import argparse
import collections
import re
import subprocess
import sys
import time
from pathlib import Path

from lxml import etree, html as lxml_html

TEI = "http://www.tei-c.org/ns/1.0"
WORD = re.compile(r"\w+")
MATHML = "http://www.w3.org/1998/Math/MathML"
MATH_MARK = "\x00math:"


def source_words(path: Path) -> list[tuple[str, tuple[str, ...]]] | None:
    """Words of every outermost <text> (else <sourceDoc>, <standOff>), each with its pieces; None if not TEI.

    A word is read from the text as written, inline elements joined (``ou<damage>r</damage>e``
    is "oure", as a PDF shows it); its pieces are the words of each text node ("ou", "r", "e",
    as a page showing the damage apart may show them). Either form counts as the word.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, collect_ids=False)
    try:
        tree = etree.parse(str(path), parser)
    except etree.XMLSyntaxError:
        return None
    # XIncludes stay unexpanded: render does not follow them (it shows where they stand)
    root = tree.getroot()
    if etree.QName(root).namespace != TEI or etree.QName(root).localname not in ("TEI", "teiCorpus"):
        return None
    ns = {"t": TEI, "m": MATHML}
    parts = root.xpath("//t:text[not(ancestor::t:text)]", namespaces=ns) or root.xpath(
        "//t:sourceDoc | //t:standOff", namespaces=ns)
    words = []
    for part in parts:
        # left out: formulas (below), and what is data, not words: base64 images (binaryObject)
        nodes = [str(n) for n in part.xpath(".//text()[not(ancestor::m:math)][not(ancestor::t:binaryObject)]",
                                            namespaces=ns)]
        pieces, at = [], 0
        for node in nodes:
            pieces += [(at + m.start(), at + m.end(), m.group()) for m in WORD.finditer(node)]
            at += len(node)
        joined = "".join(nodes)
        k = 0
        for m in WORD.finditer(joined):
            mine = []
            while k < len(pieces) and pieces[k][0] < m.end():
                mine.append(pieces[k][2])
                k += 1
            words.append((m.group(), tuple(mine)))
        # a formula is typeset, not written out word by word: its letters and digits, in order
        for math in part.xpath(".//m:math", namespaces=ns):
            # a formula's annotations (its TeX source, other encodings) are not shown, by design
            shown = math.xpath(".//text()[not(ancestor::m:annotation or ancestor::m:annotation-xml)]", namespaces=ns)
            chars = "".join(WORD.findall("".join(map(str, shown))))
            if chars:
                words.append((MATH_MARK + chars, ()))
    return words


def html_words(folder: Path) -> tuple[collections.Counter, str]:
    """Words and text of the <body> of every HTML page written (chunks and corpus members too), scripts left out."""
    texts = []
    for page in folder.rglob("*.html"):
        doc = lxml_html.fromstring(page.read_bytes())
        for bad in doc.xpath("//script | //style"):
            bad.drop_tree()
        body = doc.find("body")
        texts.append(" ".join((body if body is not None else doc).itertext()))
    text = "\n".join(texts)
    return collections.Counter(WORD.findall(text)), text


def pdf_words(pdf: Path) -> tuple[collections.Counter, str]:
    """Words of the PDF's text; a word broken by a hyphen at a line end counts whole (and as its halves).

    Read twice: in reading order (columns and tables kept apart) and with ``-layout``, which keeps
    a line-end hyphen as printed (reading order drops it: "salt-furnace" broken at its own hyphen
    read "saltfurnace"); a word found in either counts.
    """
    words: collections.Counter = collections.Counter()
    texts = []
    for mode in ([], ["-layout"]):
        text = subprocess.run(["pdftotext", *mode, "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                              text=True, check=False).stdout
        text = re.sub(r"Page \d+ of \d+", "\n", text)  # the page footer, which pdftotext may glue to a word
        joined = re.sub(r"(\w)[-\u00ad\u2010]\n\s*(\w)", r"\1\2", text)
        words |= collections.Counter(WORD.findall(text)) | collections.Counter(WORD.findall(joined))
        texts.append(text)
    return words, "\n".join(texts)


def coverage(need: list[tuple[str, tuple[str, ...]]], output: tuple[collections.Counter, str]) -> float:
    """Share of the source's words found in the output (case ignored).

    A word found only as two parts (hyphenated at a page end, where the running head and the
    page number stand between them) counts too.  A formula counts when its letters and digits stand in the output in order, with at most a
    few signs and spaces between them (as "(−b ± √(b2 − 4ac))/(2a)" holds "b b 2 4 a c 2 a").
    """
    have, text = output
    flat = re.sub(r"\s+", "", text)
    folded: collections.Counter = collections.Counter()
    for w, n in have.items():
        folded[w.casefold()] += n
        call = re.fullmatch(r"\d+([^\W\d]\w*)", w)
        if call:  # a note call glued to the word after it by pdftotext ("12Pacatum")
            folded[call.group(1).casefold()] += n
    have = folded
    found = 0
    for at, (word, pieces) in enumerate(need):
        if word.startswith(MATH_MARK):
            chars = word[len(MATH_MARK):]
            if re.search(r"\W{0,48}".join(map(re.escape, chars)), text):
                found += 1
            continue
        key = word.casefold()
        if len(pieces) > 1 and all(have[p.casefold()] > 0 for p in pieces):  # split by markup, shown apart
            found += 1
        elif have[key] > 0:  # the word itself, each occurrence used once
            have[key] -= 1
            found += 1
        elif any(have[key[:i]] > 0 and have[key[i:]] > 0 for i in range(2, len(key) - 1)):
            found += 1  # hyphenated where a page ends: "vener-" + running head + "ation"
        elif re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", word) and word in flat:
            found += 1  # CJK runs carry no spaces: a line end may fall anywhere inside one
        elif (at + 1 < len(need) and have[key + need[at + 1][0].casefold()] > 0) or (
                at > 0 and have[need[at - 1][0].casefold() + key] > 0):
            found += 1  # "double-check" broken at its hyphen at a line end: pdftotext gives "doublecheck"
    return 100.0 if not need else 100.0 * found / len(need)


def run(args: list[str], seconds: float) -> tuple[int, str, float]:
    start = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "teiedition.cli", *args], capture_output=True, text=True,
                              timeout=seconds)
    except subprocess.TimeoutExpired:
        return -1, "survey: timed out", time.perf_counter() - start
    errors = [line for line in done.stderr.splitlines() if "warning:" not in line and line.strip()]
    return done.returncode, (errors[0] if errors else ""), time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--out", type=Path, default=Path("/tmp/render-survey"))
    ap.add_argument("--no-pdf", action="store_true")
    ap.add_argument("--timeout", type=float, default=900.0)
    ap.add_argument("--reuse", action="store_true",
                    help="count again on the outputs of an earlier run in --out (no rendering; seconds not measured)")
    opts = ap.parse_args()
    rows = []
    print("file\thtml_exit\thtml_words%\tpdf_exit\tpdf_words%\tpdf_s\tpdf_pages\terror", flush=True)
    # smallest first: a survey cut short still covers most files
    for src in sorted(opts.folder.rglob("*.xml"), key=lambda p: (p.stat().st_size, p)):
        need = source_words(src)  # None: not TEI P5 (the render must refuse it in one line)
        rel = src.relative_to(opts.folder)
        out = opts.out / rel.with_suffix("")
        out.mkdir(parents=True, exist_ok=True)
        if opts.reuse:
            h_exit, h_err = (0 if (out / "page.html").exists() else 1), ""
        else:
            h_exit, h_err, _ = run(["render", str(src), "--to", "html", "-o", str(out / "page.html")], opts.timeout)
        h_cov = coverage(need, html_words(out)) if h_exit == 0 and need is not None else 0.0
        p_exit, p_err, p_s, p_cov, pages = None, "", 0.0, 0.0, 0
        if not opts.no_pdf:
            pdf = out / "page.pdf"
            if opts.reuse:
                p_exit, p_err, p_s = (0 if pdf.exists() else 1), "", 0.0
            else:
                p_exit, p_err, p_s = run(["render", str(src), "--to", "pdf", "-o", str(pdf), "--time-limit", "0"],
                                         opts.timeout)
            if p_exit == 0 and need is not None:
                p_cov = coverage(need, pdf_words(pdf))
                info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
                pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        cov = (lambda c: "not TEI" if need is None else f"{c:.1f}")
        row = (str(rel), h_exit, cov(h_cov), p_exit, cov(p_cov), f"{p_s:.1f}", pages,
               (h_err or p_err)[:160])
        rows.append(row)
        print("\t".join(map(str, row)), flush=True)
    bad = [r for r in rows if r[1] not in (0, 1, 2) or r[3] not in (0, 1, 2, None)
           or "internal error" in r[7] or "Traceback" in r[7]]
    print(f"# {len(rows)} TEI files; internal errors or crashes: {len(bad)}", flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

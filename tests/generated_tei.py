"""TEI documents made to measure, for tests and benchmarks alike.

Why here and without pytest: ``bench/bench_pdf.py`` grows the same long document
as the print tests, and a benchmark must run where only the package is installed.
"""

from __future__ import annotations

import random
from pathlib import Path

from lxml import etree

HOUSE_SAMPLE = Path(__file__).parent / "fixtures" / "house_sample.xml"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def long_document(paragraphs: int = 240, seed: int = 5) -> bytes:
    """The house sample with a long body: paragraphs of many lengths, notes short and long,
    marked spans mid-paragraph and whole marked paragraphs (the layouts the edition ships)."""
    rng = random.Random(seed)
    words = ("the Korean comrades declared that the position of the Party on questions of the "
             "international movement remains unchanged and the embassy considers it necessary "
             "to continue consultations with the fraternal parties on economic cooperation").split()
    tree = etree.parse(str(HOUSE_SAMPLE))
    body = tree.find(f"{TEI}text/{TEI}body")
    for p in body.findall(f"{TEI}p"):
        body.remove(p)
    closer = body.find(f"{TEI}closer")
    at = list(body).index(closer) if closer is not None else len(body)
    E = lambda tag, **attrs: etree.Element(TEI + tag, {k.replace("_", ":") if k != "xml_id" else XML_ID: v
                                                        for k, v in attrs.items()})
    for i in range(1, paragraphs + 1):
        p = E("p", xml_id=f"g{i}")
        sentence = lambda n: " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."
        p.text = " ".join(sentence(rng.randint(8, 30)) for _ in range(rng.randint(1, 6))) + f" Call{i} "
        if i % 3 == 0:
            seg = E("seg", type="marked", xml_id=f"gm{i}")
            seg.text = sentence(rng.randint(15, 45))
            seg.tail = " "
            p.append(seg)
            note = E("note", type="translator", resp="#translator", target=f"#gm{i}")
            note.text = f"Translator’s note {i}: the previous sentence was highlighted " + sentence(rng.randint(2, 60))
            p.append(note)
            mark = E("metamark", function="highlight", rend=rng.choice(["single-line", "double-line"]),
                     place="margin-left", target=f"#gm{i}", change="#readers")
            p.append(mark)
            mark.tail = " " + sentence(rng.randint(5, 25))
        elif i % 4 == 1:
            note = E("note", type="translator", resp="#translator", target=f"#g{i}")
            note.text = f"Translator’s note {i}: the previous paragraph was marked " + sentence(rng.randint(3, 25))
            p.append(note)
            p.append(E("metamark", function="query", rend="question-mark", place="margin-left",
                       target=f"#g{i}", change="#readers"))
        body.insert(at, p)
        at += 1
    return etree.tostring(tree, encoding="UTF-8", xml_declaration=True)

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


def annotated_document(paragraphs: int = 2, seed: int = 7) -> bytes:
    """A foreign TEI shaped like a heavily annotated chronicle (Ruy Díaz's *La Argentina
    manuscrita* in CETEIcean): few paragraphs of many pages each, a note every few lines,
    notes of one line to a third of a page, most pages more notes than text.

    Invented words only; at ``paragraphs=2`` about ten A4 pages, growing linearly."""
    rng = random.Random(seed)
    words = ("el rio corre entre los campos anchos y la gente de aquella tierra vive de la caza "
             "y de la pesca en pueblos pequenos sobre la costa del mar hasta la cordillera").split()
    names = ("Tubaray", "Marinaque", "Ocampay", "Quiloaza", "Yaguaron", "Mbiaza", "Caracara", "Timbuy")
    sentence = lambda n: " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."
    tei = etree.Element(TEI + "TEI", nsmap={None: TEI[1:-1]})
    header = etree.SubElement(tei, TEI + "teiHeader")
    file_desc = etree.SubElement(header, TEI + "fileDesc")
    etree.SubElement(etree.SubElement(file_desc, TEI + "titleStmt"), TEI + "title").text = "An annotated chronicle"
    etree.SubElement(etree.SubElement(file_desc, TEI + "publicationStmt"), TEI + "p").text = "Invented for tests."
    etree.SubElement(etree.SubElement(file_desc, TEI + "sourceDesc"), TEI + "p").text = "No source."
    div = etree.SubElement(etree.SubElement(etree.SubElement(tei, TEI + "text"), TEI + "body"), TEI + "div")
    etree.SubElement(div, TEI + "head").text = "Libro primero"
    for i in range(paragraphs):
        p = etree.SubElement(div, TEI + "p")
        p.text = sentence(12) + " "
        for j in range(45):
            place = etree.SubElement(p, TEI + "placeName")
            place.text = rng.choice(names)
            note = etree.SubElement(p, TEI + "note")
            length = rng.choice((3, 5, 8, 12, 20, 40, 60, 90, 150))  # short notes and some long ones
            note.text = f"Nota {i}.{j}: " + " ".join(sentence(rng.randint(6, 14)) for _ in range(max(1, length // 10)))
            note.tail = " " + " ".join(sentence(rng.randint(6, 16)) for _ in range(rng.randint(1, 4))) + " "
    return etree.tostring(tei, encoding="UTF-8", xml_declaration=True)


# --------------------------------------------------------------------------- collections for the search

SEARCH_ARCHIVES = ["RGANI", "AVPRF", "APRF", "GARF", "MOL", "AMSZ", "PRC FMA", "SAPMO-BArch", "AMAE", "AIPN"]
SEARCH_MARKS = ["SECRET", "TOP SECRET", "STRICTLY SECRET", "CONFIDENTIAL"]
#: A document page as a worker leaves it before the site pass (only the link to the index in its bar).
SEARCH_PAGE = ('<!DOCTYPE html><html><body><nav class="collection-nav" aria-label="Collection">'
               '<a class="to-index" rel="index" href="index.html">All documents</a></nav><p>page</p></body></html>')


def search_tei(n: int, rng: random.Random, vocab) -> tuple[str, bytes]:
    """One synthetic TEI document: id and bytes (header facts, persons, a classification, ~500 words).

    ``vocab`` is (words, weights, names): words drawn with those weights, persons from the names.
    """
    words, weights, names = vocab
    year = rng.randint(1945, 1991)
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    persons = rng.sample(names, k=min(len(names), rng.randint(2, 8)))
    paras = []
    for _ in range(rng.randint(4, 10)):
        paras.append("<p>" + " ".join(rng.choices(words, weights, k=rng.randint(30, 90))) + ".</p>")
    mark = rng.choice(SEARCH_MARKS + [""])
    seg = f'<opener><seg type="classification">{mark}</seg></opener>' if mark else ""
    plist = "".join(f'<person xml:id="p{i}"><persName>{p}</persName></person>' for i, p in enumerate(persons))
    doc_id = f"doc{n:05d}"
    title = " ".join(rng.choices(words, weights, k=8)).capitalize()
    tei = (f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d-{doc_id}"><teiHeader><fileDesc><titleStmt>'
           f'<title>{title}</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><msDesc>'
           f'<msIdentifier><repository n="{rng.choice(SEARCH_ARCHIVES)}">An archive</repository></msIdentifier></msDesc>'
           f'</sourceDesc></fileDesc><profileDesc><creation><date when="{date}"/></creation></profileDesc>'
           f'<revisionDesc><change when="2026-01-01"/></revisionDesc></teiHeader>'
           f'<text><body><div>{seg}{"".join(paras)}</div></body></text>'
           f'<standOff><listPerson>{plist}</listPerson></standOff></TEI>')
    return doc_id, tei.encode("utf-8")


def search_entry(doc_id: str, tei: bytes) -> dict:
    """The build manifest's entry of a valid document with its TEI and HTML."""
    from teiedition.building.catalogue import read_record
    from teiedition.safexml import parse_xml_bytes

    return {"id": doc_id, "source": f"{doc_id}.txt", "status": "valid", "reason": "",
            "outputs": [f"{doc_id}.xml", f"{doc_id}.html"], "record": read_record(parse_xml_bytes(tei))}


def search_site(folder: Path, count: int, vocab, seed: int | None = None) -> list[dict]:
    """An output folder as build leaves it before the site pass (TEI and page per document); its catalogue rows."""
    from teiedition.building.catalogue import catalogue_rows

    rng = random.Random(count if seed is None else seed)
    folder.mkdir(parents=True)
    entries = []
    for n in range(count):
        doc_id, tei = search_tei(n, rng, vocab)
        (folder / f"{doc_id}.xml").write_bytes(tei)
        (folder / f"{doc_id}.html").write_text(SEARCH_PAGE, encoding="utf-8")
        entries.append(search_entry(doc_id, tei))
    return catalogue_rows(entries)

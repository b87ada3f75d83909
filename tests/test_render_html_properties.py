"""Properties: any nesting of TEI elements renders as valid HTML5, with every word and working links.

Hypothesis builds random <body> content from a vocabulary of block, phrase,
editorial and unknown elements nested in ways TEI (or a careless encoder)
might nest them.  Not every generated document is schema-valid TEI; the page
must still be whole.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from htmlpage import assert_links_resolve, assert_no_word_lost, assert_valid_html5, render_page, tei_doc

WORDS = st.sampled_from(["alpha", "Beta", "gamma", "délta", "Ωmega", "1969", "x", "Kim", "Nº", "“quote”"])
TEXT = st.lists(WORDS, min_size=0, max_size=4).map(" ".join)

BLOCKS = ["p", "ab", "div", "lg", "l", "list", "item", "quote", "cit", "table", "row", "cell", "opener",
          "closer", "postscript", "sp", "speaker", "floatingText", "figure", "head", "note"]
PHRASES = ["hi", "emph", "seg", "persName", "orgName", "placeName", "title", "date", "supplied", "unclear",
           "sic", "del", "add", "foreign", "ref", "mentioned", "stamp", "madeUp", "num", "q"]
# Empty elements come with spaces around them: "a<metamark/>b" reads as the one word "ab" in TEI too.
EMPTY = [' <lb/> ', '<lb break="no"/>', ' <pb n="2"/> ', ' <milestone unit="section"/> ', ' <gap reason="omitted"/> ',
         ' <gap reason="illegible"><desc>two words</desc></gap> ', ' <metamark rend="double-line" target="#t1"/> ']
WRAPPERS = [
    ("<choice><sic>", "</sic><corr>fixed</corr></choice>"),
    ("<choice><abbr>", "</abbr><expan>expanded</expan></choice>"),
    ("<app><lem>", "</lem><rdg wit=\"#B\">variant</rdg></app>"),
    ('<note type="translator">', "</note>"),
    ('<note type="stamp">', "</note>"),
    ('<seg type="marked" xml:id="t1">', "</seg>"),
    ('<ref target="https://example.org/">', "</ref>"),
    ('<persName ref="#x">', "</persName>"),
]


def element(name: str):
    return lambda inner: f"<{name}>{inner}</{name}>"


content = st.recursive(
    TEXT | st.sampled_from(EMPTY),
    lambda children: st.one_of(
        st.tuples(st.sampled_from(BLOCKS + PHRASES), st.lists(children, max_size=3))
        .map(lambda t: element(t[0])("".join(t[1]))),
        st.tuples(st.sampled_from(WRAPPERS), st.lists(children, max_size=2))
        .map(lambda t: t[0][0] + "".join(t[1]) + t[0][1]),
    ),
    max_leaves=12,
)

STANDOFF = '<standOff><listPerson><person xml:id="x"><persName>X</persName></person></listPerson></standOff>'


def unique_marked_ids(body: str) -> str:
    """At most one span may carry xml:id t1; later ones keep their content but lose the id."""
    first, _, rest = body.partition(' xml:id="t1"')
    return first + (' xml:id="t1"' + rest.replace(' xml:id="t1"', "") if _ else "")


settings.register_profile("render", max_examples=80, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])


@settings(settings.get_profile("render"))
@given(st.lists(content, min_size=1, max_size=4))
def test_any_nesting_renders_a_whole_valid_page(parts):
    tei = tei_doc(unique_marked_ids("".join(f"<p>{p}</p>" if i % 2 else p for i, p in enumerate(parts))),
                  standoff=STANDOFF)
    page = render_page(tei)
    assert_valid_html5(page)
    assert_no_word_lost(tei, page)
    assert_links_resolve(page)

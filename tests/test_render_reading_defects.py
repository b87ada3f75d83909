"""Reading defects of the HTML edition found by a close reader (issue 21), each on a small
invented document: what the reader sees, not how the page is built."""

from __future__ import annotations

from htmlpage import assert_no_word_lost, assert_valid_html5, render_page, tei_doc


def test_a_record_header_shows_each_label_beside_its_value_not_as_two_bullets():
    source = tei_doc('<list type="record-header"><label>Time:</label><item>11 October 1963, 3:30 p.m.</item>'
                     '<label>Place:</label><item>Beijing</item></list><p>Text.</p>')
    page = render_page(source)
    assert not page.xpath("//article//li")
    pairs = [(d.xpath("string(dt)"), d.xpath("string(dd)")) for d in page.xpath("//article//dl/div")]
    assert pairs == [("Time:", "11 October 1963, 3:30 p.m."), ("Place:", "Beijing")]
    assert_valid_html5(page)


def test_a_list_mixing_items_without_labels_stays_a_list():
    page = render_page(tei_doc('<list><label>a)</label><item>First</item><item>Second</item></list>'))
    assert not page.xpath("//article//dl") and len(page.xpath("//article//li")) == 3


def test_an_email_address_hidden_by_the_site_says_so():
    source = tei_doc('<p>Write to <gap reason="obfuscated"><desc>email protected</desc></gap>.</p>')
    page = render_page(source)
    shown = page.one("//article//*[contains(@class, 'reason-obfuscated')]")
    assert shown.text == "[e-mail address hidden by the archive’s site]"
    assert_no_word_lost(source, page)


def test_the_certainty_flag_is_not_a_second_question_mark():
    source = tei_doc('<p xml:id="p1">A marked sentence.</p>'
                     '<metamark function="query" rend="question-mark" place="margin-left" target="#p1" cert="low"/>')
    page = render_page(source)
    flags = page.xpath("//article//*[@class='cert-flag']/text()")
    assert flags == ["≈"]


def test_a_note_call_hugs_the_word_before_it_on_screen():
    page = render_page(tei_doc('<p>The rise of the DPRK <note type="translator">A note.</note>. Then more.</p>'))
    assert page.xpath("string(//article//p/text()[1])") == "The rise of the DPRK"  # "DPRK¹.", not "DPRK ¹."
    assert page.xpath("//article//p/span[@class='noteref-wrap']/following-sibling::text()[1]")[0].startswith(".")


def test_paragraphs_carry_the_number_the_index_of_names_cites():
    """The index says "¶ 2"; the paragraph shows 2 in the margin (drawn from data-n, so copied text has no numbers)."""
    page = render_page(tei_doc('<p xml:id="p1">First.</p><p xml:id="p2">Then <persName>Ann Bee</persName> came.</p>'))
    assert [(p.get("id"), p.get("data-n")) for p in page.xpath("//article//p[@data-n]")] == [("p1", "1"), ("p2", "2")]
    cited = page.one("//section[@id='index']//span[@class='index-occurrences']/a")
    assert cited.get("href").startswith("#") and cited.xpath("string(.)").endswith("2")
    assert page.text_of("//article//p[@id='p1']") == "First."


def test_a_followed_paragraph_link_is_highlighted_and_numbers_sit_in_the_margin():
    from teiedition.rendering.render import ASSETS

    css = (ASSETS / "edition.css").read_text(encoding="utf-8")
    assert ".document .tei-p:target" in css and "[data-n]::before" in css


def test_a_name_is_a_link_at_its_first_mention_in_each_paragraph_only():
    source = tei_doc('<p xml:id="p1">The <orgName ref="#org-k">KWP</orgName> and the <orgName ref="#org-k">KWP</orgName>'
                     ' and again the <orgName ref="#org-k">KWP</orgName>.</p>'
                     '<p xml:id="p2">Later the <orgName ref="#org-k">KWP</orgName>.</p>',
                     standoff='<standOff><listOrg><org xml:id="org-k"><orgName>Workers’ Party of Korea</orgName>'
                              '</org></listOrg></standOff>')
    page = render_page(source)
    per_paragraph = [[el.tag.split("}")[-1] for el in p.xpath(".//*[contains(@class, 'name-org')]")]
                     for p in page.xpath("//article//p")]
    assert per_paragraph == [["a", "span", "span"], ["a"]]
    # the later mentions keep their anchors: the index's links still land on them
    assert len(page.xpath("//article//span[contains(@class, 'name-org')][@id]")) == 2
    assert_no_word_lost(source, page)
    assert_valid_html5(page)


def test_corrections_and_names_do_not_share_one_underline():
    from teiedition.rendering.render import ASSETS
    import re

    css = (ASSETS / "edition.css").read_text(encoding="utf-8")
    rule = lambda selector: re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css).group(1)  # noqa: E731
    name, correction = rule("a.name"), rule(".tei-choice .reading[title]")
    assert "dotted" not in name and "dotted" in correction
    page = render_page(tei_doc('<p><persName>Ann Bee</persName> wrote <choice><sic>teh</sic><corr>the</corr></choice>'
                               ' letter.</p>'))
    assert page.xpath("//article//a[contains(@class, 'name')]") and page.xpath("//article//*[@class='reading'][@title]")


def test_an_opener_line_ending_in_a_colon_is_not_a_section_heading():
    page = render_page(tei_doc('<div><head type="sub">Reporting:</head><p>1. On 3 June …</p>'
                               '<head>To Comrade Filippov</head><p>Text.</p><head>II. The harvest</head><p>More.</p></div>'))
    assert [h.xpath("string(.)") for h in page.xpath("//article//*[self::h2 or self::h3]")] == ["II. The harvest"]
    assert [p.xpath("string(.)") for p in page.xpath("//article//p[contains(@class, 'lead-in')]")] == [
        "Reporting:", "To Comrade Filippov"]

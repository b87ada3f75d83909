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

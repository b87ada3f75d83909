"""Named entities: the editable authority file and the matcher the converter links with."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DEV_CORPUS, assert_valid_tei_all, seed_documents
from teiedition.recognising.entities import Authority, Entry, form_key, printed_variants
from teiedition.writing.elements import ENTITY_ELEMENTS
from teiedition.errors import InputError

PERSON_TOML = """
[[person]]
id = "pers-test-person"
name = "Ivan T. Testov"
forms = ["I. T. Testov", "Testov"]
note = "An invented diplomat for tests."
"""


@pytest.fixture(scope="module")
def authority() -> Authority:
    return Authority.load()


def mentions(authority: Authority, text: str) -> list[tuple[str, str]]:
    """(surface, id) pairs found in ``text``, in order."""
    return [(text[m.start : m.end], m.entry.id) for m in authority.find_mentions(text)]


def assert_mentions(authority: Authority, text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(authority, text) == expected


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- loading ---------------------------------------------------------------------


def test_packaged_authority_has_all_three_kinds(authority):
    kinds = {e.kind for e in authority.entries()}
    assert kinds == {"person", "org", "place"}


def test_entries_filter_by_kind(authority):
    assert all(e.kind == "place" for e in authority.entries("place"))
    assert authority.get("place-moscow") in authority.entries("place")


def test_ids_carry_the_prefix_of_their_kind(authority):
    prefix = {"person": "pers-", "org": "org-", "place": "place-"}
    assert all(e.id.startswith(prefix[e.kind]) for e in authority.entries())


def test_get_returns_the_entry_with_its_preferred_name(authority):
    entry = authority.get("pers-kim-il-sung")
    assert isinstance(entry, Entry)
    assert entry.name == "Kim Il Sung"
    assert "Kim Il Sung" in entry.forms


def test_get_unknown_id_raises_key_error(authority):
    with pytest.raises(KeyError):
        authority.get("pers-nobody")


def test_extra_file_adds_a_person_without_code(tmp_path):
    extra = write(tmp_path, "local.toml", PERSON_TOML)
    authority = Authority.load(extra)
    assert authority.get("pers-test-person").note == "An invented diplomat for tests."
    assert mentions(authority, "a talk with Cde. I. T. Testov in Moscow") == [
        ("I. T. Testov", "pers-test-person"),
        ("Moscow", "place-moscow"),
    ]


def test_environment_variable_adds_a_file(tmp_path, monkeypatch):
    monkeypatch.setenv("TEIEDITION_AUTHORITY", str(write(tmp_path, "env.toml", PERSON_TOML)))
    assert "pers-test-person" in Authority.load()


def test_extra_file_replaces_an_entry_with_the_same_id(tmp_path):
    extra = write(
        tmp_path,
        "fix.toml",
        '[[place]]\nid = "place-moscow"\nname = "Moskva"\nforms = ["Moscow", "Moskva"]\n',
    )
    authority = Authority.load(extra)
    assert authority.get("place-moscow").name == "Moskva"
    assert mentions(authority, "in Moskva") == [("Moskva", "place-moscow")]


def test_an_edited_extra_file_is_read_again(tmp_path):
    extra = write(tmp_path, "local.toml", PERSON_TOML)
    assert "pers-test-person" in Authority.load(extra)
    write(tmp_path, "local.toml", PERSON_TOML.replace("pers-test-person", "pers-renamed-person"))
    reloaded = Authority.load(extra)
    assert "pers-renamed-person" in reloaded
    assert "pers-test-person" not in reloaded


# -- bad authority files: one line, file and line named ------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[[person]]\nid = "pers-a"\nname = "A"\nforms = ["A"]\n'
         '[[person]]\nid = "pers-a"\nname = "B"\nforms = ["B"]\n',
         r"bad\.toml:5: duplicate id 'pers-a' \(first at line 1\)"),
        ('[[people]]\nid = "pers-a"\nname = "A"\nforms = ["A"]\n',
         r"bad\.toml:1: unknown kind \[\[people\]\]"),
        ('[[person]]\nid = "pers-a"\nname = "A"\nforms = []\n',
         r"bad\.toml:1: pers-a: forms is missing or empty"),
        ('[[person]]\nid = "pers-a"\nname = "A"\n',
         r"bad\.toml:1: pers-a: forms is missing or empty"),
        ('[[place]]\nid = "pers-a"\nname = "A"\nforms = ["A"]\n',
         r"bad\.toml:1: id 'pers-a' of a \[\[place\]\] must start with 'place-'"),
        ('[[org]]\nid = "org-A B"\nname = "A"\nforms = ["A"]\n',
         r"bad\.toml:1: bad id 'org-A B'"),
        ('[[org]]\nid = "org-a"\nname = "A"\nfroms = ["A"]\n',
         r"bad\.toml:1: unknown key 'froms'"),
        ('[[org]]\nid = "org-a"\nname = "A"\nforms = ["A"]\nsameAs = "viaf 123"\n',
         r"bad\.toml:1: org-a: sameAs must be an http\(s\) URI"),
        ('\n\n[[person]]\nid = "pers-a"\nname = "A\nforms = ["A"]\n',
         r"bad\.toml:5: invalid TOML: .*\(column \d+\)"),
    ],
    ids=["duplicate-id", "bad-kind", "empty-forms", "missing-forms", "wrong-prefix",
         "bad-id", "unknown-key", "bad-uri", "toml-syntax"],
)
def test_bad_authority_file_is_one_clear_error(tmp_path, content, message):
    path = write(tmp_path, "bad.toml", content)
    with pytest.raises(InputError, match=message) as info:
        Authority.load(path)
    assert "\n" not in str(info.value)


def test_missing_authority_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match=r"nowhere\.toml: authority file not found"):
        Authority.load(tmp_path / "nowhere.toml")


def test_one_form_naming_two_entries_is_refused(tmp_path):
    clash = write(tmp_path, "clash.toml", '[[person]]\nid = "pers-x"\nname = "X"\nforms = ["Moscow"]\n')
    with pytest.raises(InputError, match=r"form 'Moscow' names both place-moscow and pers-x"):
        Authority.load(clash)


# -- matching ------------------------------------------------------------------------


def test_longest_form_wins(authority):
    assert_mentions(authority, "Kim Il Sung met Kim Il.", [
        ("Kim Il Sung", "pers-kim-il-sung"),
        ("Kim Il", "pers-kim-il"),
    ])


def test_longer_place_name_is_not_split(authority):
    assert_mentions(authority, "South Korea, North Korea and Korea", [
        ("South Korea", "place-rok"),
        ("North Korea", "place-dprk"),
        ("Korea", "place-korea"),
    ])


def test_name_inside_a_longer_word_is_not_matched(authority):
    assert_mentions(authority, "the Chinese and Korean comrades, KWPs", [])


def test_adjectives_are_not_places(authority):
    assert_mentions(authority, "Soviet-Korean relations; the Soviet side", [])


def test_possessive_after_a_name_is_allowed(authority):
    assert_mentions(authority, "the KWP’s refusal and Kim Il Sung's report", [
        ("KWP", "org-kwp"),
        ("Kim Il Sung", "pers-kim-il-sung"),
    ])


def test_whitespace_in_a_form_matches_nbsp_and_line_breaks(authority):
    text = "Cde. L.\u00a0I. Brezhnev and B. N.\n   Ponomarev"
    assert_mentions(authority, text, [
        ("L.\u00a0I. Brezhnev", "pers-brezhnev"),
        ("B. N.\n   Ponomarev", "pers-ponomarev"),
    ])


def test_straight_and_curly_apostrophes_both_match(authority):
    assert_mentions(authority, "Worker's Party of Korea; Worker’s Party of Korea", [
        ("Worker's Party of Korea", "org-kwp"),
        ("Worker’s Party of Korea", "org-kwp"),
    ])


def test_matching_is_case_sensitive(authority):
    assert_mentions(authority, "a kwp member from moscow", [])


def test_title_is_not_part_of_the_name(authority):
    assert_mentions(authority, "to Cde. V. V. Kuznetsov", [("V. V. Kuznetsov", "pers-kuznetsov-vv")])


def test_lower_case_hyphen_compounds_are_not_names(authority):
    assert_mentions(authority, "divisive pro-Peking groups, a Moscow-based office", [])


def test_names_joined_by_a_dash_both_match(authority):
    assert_mentions(authority, "DPRK–Japan and USSR-DPRK talks", [
        ("DPRK", "place-dprk"),
        ("Japan", "place-japan"),
        ("USSR", "place-ussr"),
        ("DPRK", "place-dprk"),
    ])


def test_capitals_match_without_being_listed(authority):
    assert_mentions(authority, "SOVIET AMBASSADOR [signature] (A. M. PUZANOV)", [
        ("A. M. PUZANOV", "pers-puzanov"),
    ])


def test_letter_spaced_signature_matches(authority):
    assert_mentions(authority, "I request instructions.\n\nR O S H C H I N\n", [
        ("R O S H C H I N", "pers-roshchin"),
    ])


def test_space_after_initials_is_optional(authority):
    assert_mentions(authority, "L.I. Brezhnev and L. I.Brezhnev", [
        ("L.I. Brezhnev", "pers-brezhnev"),
        ("L. I.Brezhnev", "pers-brezhnev"),
    ])


def test_ignored_phrase_hides_the_name_inside_it(authority):
    assert_mentions(authority, "Foreign Ministry, Far East Department; peace in the Far East", [
        ("Far East", "place-far-east"),
    ])


def test_newspaper_title_is_not_a_place(authority):
    assert_mentions(authority, "(Washington Post, 3 May 1968) in Washington", [
        ("Washington", "place-washington"),
    ])


def test_ignore_list_in_an_extra_file(tmp_path):
    extra = write(tmp_path, "ignore.toml", 'ignore = ["Moscow Conference"]\n')
    authority = Authority.load(extra)
    assert mentions(authority, "the Moscow Conference, held in Moscow") == [
        ("Moscow", "place-moscow"),
    ]


def test_a_gloss_names_the_same_person(authority):
    assert_mentions(authority, "Ri Chang-seon [Ri Chang Son] said", [
        ("Ri Chang-seon", "pers-ri-chang-seon"),
        ("Ri Chang Son", "pers-ri-chang-seon"),
    ])


def test_an_empty_text_has_no_mentions(authority):
    assert authority.find_mentions("") == []


def test_spans_index_the_original_text(authority):
    text = "In Vladivostok and Moscow"
    for mention in authority.find_mentions(text):
        assert mention.entry.forms.count(text[mention.start : mention.end]) == 1


# -- coverage of the seed and the dev corpus -------------------------------------------

SEED_IDS = {
    "pers-kim-il-sung", "pers-kim-il", "pers-brezhnev", "pers-ponomarev", "pers-mao-zedong",
    "pers-liu-shaoqi", "pers-hager", "pers-fadeyev", "pers-yakovlev-p", "pers-kuznetsov-vv",
    "pers-rusakov", "pers-likhachev",
    "org-kwp", "org-kwp-cc", "org-kwp-cc-politburo", "org-cpsu", "org-cpsu-cc",
    "org-sed-cc-politburo", "org-ptv", "org-cp-cuba", "org-comecon", "org-kcna",
    "place-dprk", "place-rok", "place-korea", "place-ussr", "place-china", "place-beijing",
    "place-moscow", "place-vladivostok", "place-bucharest", "place-budapest",
    "place-vietnam", "place-cuba", "place-czechoslovakia",
}


def found_ids(authority: Authority, path) -> set[str]:
    return {m.entry.id for m in authority.find_mentions(path.read_text(encoding="utf-8"))}


def test_seed_names_are_all_found(authority):
    assert sorted(SEED_IDS - found_ids(authority, seed_documents()[0])) == []


# Names each dev document prints in its body, read off the texts by hand.
DEV_IDS = {
    "dev01": {"pers-kim-il-sung", "pers-sato-eisaku", "pers-miyakawa", "pers-ri-chang-seon",
              "pers-pak-seong-cheol", "pers-sudarikov", "pers-bogomolov-g", "pers-gromyko",
              "pers-rusakov", "pers-firyubin", "org-kwp-cc", "org-chongryon", "org-mfa-ussr-dvo",
              "place-japan", "place-pyongyang", "place-tokyo", "place-seoul", "place-washington",
              "place-usa", "place-asia", "place-far-east", "place-rok"},
    "dev02": {"pers-lazarev", "pers-kim-jae-hwan", "pers-kurdyukov", "pers-fedorenko",
              "pers-sokolov-gi", "org-mfa-ussr-dvo", "org-mfa-dprk", "org-dprk-light-industry",
              "org-gues", "org-ussr-higher-education", "place-leningrad", "place-moscow"},
    "dev03": {"pers-puzanov", "pers-vlasak", "pers-nam-il", "pers-khrushchev", "pers-gromyko",
              "pers-wang-jin", "pers-pushkin", "pers-andropov", "pers-kurdyukov",
              "org-ussr-embassy-dprk", "org-dprk-state-planning", "org-un-general-assembly",
              "org-chinese-peoples-volunteers", "place-huichon", "place-kanggye",
              "place-czechoslovakia"},
    "dev04": {"pers-roshchin", "pers-stalin", "pers-zhou-enlai", "pers-mao-zedong",
              "pers-molotov", "pers-malenkov", "pers-beria", "pers-mikoyan", "pers-bulganin",
              "pers-vyshinsky", "pers-yermolin", "pers-kuvshinova", "org-ccp-cc",
              "org-general-staff-8d", "place-beijing", "place-dalian", "place-moscow"},
    "dev05": {"pers-li-xiannian", "pers-kim-il-sung", "pers-kim-il", "pers-hao-deqing",
              "pers-lin-haiyun", "pers-sun-yiping", "pers-jeong-jun-gi", "pers-bang-tae-yul",
              "pers-choe-yeong-seop", "pers-zhao-liqun", "pers-liu-jianhua", "org-kwp",
              "org-hwanghae-iron-works", "place-moranbong-guesthouse", "place-nampo",
              "place-yalu", "place-hamhung", "place-beijing"},
    "dev06": {"pers-choe-yong-jin", "pers-dobai", "org-kim-chaek-iron-works",
              "place-north-hamgyong", "place-chongjin", "place-kyongsong", "place-hungary"},
    "dev07": {"pers-wolski", "pers-syngman-rhee", "org-nnsc", "org-chinese-peoples-volunteers",
              "place-poland", "place-south-pyongan", "place-sariwon", "place-warsaw",
              "place-korea"},
    "dev08": {"pers-kovalev", "pers-stalin", "pers-gao-gang", "pers-mao-zedong", "org-ccp-cc",
              "org-guomindang", "org-northeast-peoples-government", "place-beijing",
              "place-changchun", "place-harbin", "place-shanghai", "place-yangzi",
              "place-xinjiang", "place-dalian"},
    "dev09": {"pers-markowski", "pers-kramer", "pers-dvorak", "pers-hoffmann-gdr-ambassador",
              "pers-lindner", "org-gdr-embassy-dprk", "org-sed-cc-international-relations",
              "org-nnsc", "place-berlin", "place-panmunjom", "place-czechoslovakia",
              "place-usa"},
    "dev10": {"pers-marinescu", "pers-nguyen-van-kinh", "pers-nixon",
              "org-romania-embassy-drv", "org-mfa-romania", "org-mfa-drv", "org-prg",
              "place-hanoi", "place-indochina", "place-romania", "place-drv", "place-china"},
    "dev11": {"pers-skachkov", "pers-kosygin", "pers-novikov-vn", "pers-baibakov", "org-gkes",
              "org-ussr-council-of-ministers", "org-gosplan-ussr", "place-pukchang",
              "place-nampo", "place-south-pyongan", "place-japan"},
    "dev12": {"pers-shcherbakov", "pers-le-thanh-nghi", "pers-kulikov-vp",
              "pers-dong-van-khuyen", "pers-novikov-vn", "pers-rusakov",
              "org-drv-state-planning", "org-mfa-ussr-sea1", "org-cpsu-cc", "place-guangxi",
              "place-haiphong", "place-beijing", "place-drv"},
}


@pytest.mark.parametrize("name", sorted(DEV_IDS))
def test_dev_document_names_are_all_found(authority, name):
    assert sorted(DEV_IDS[name] - found_ids(authority, DEV_CORPUS / f"{name}.txt")) == []


def corpus_texts() -> list[str]:
    paths = [*seed_documents(), *sorted(DEV_CORPUS.glob("*.txt"))]
    return [p.read_text(encoding="utf-8") for p in paths]


def test_no_mention_is_part_of_a_longer_word_in_the_corpus(authority):
    for text in corpus_texts():
        for m in authority.find_mentions(text):
            assert not text[m.end : m.end + 1].isalnum(), text[m.start : m.end + 10]
            assert not text[m.start - 1 : m.start].isalnum(), text[m.start - 10 : m.end]


def test_kim_il_is_never_found_inside_kim_il_sung_in_the_corpus(authority):
    for text in corpus_texts():
        for m in authority.find_mentions(text):
            if m.entry.id == "pers-kim-il":
                assert not text[m.end :].lstrip().startswith("Sung")


def standoff_document(authority: Authority) -> bytes:
    """A minimal TEI document listing every entry in standOff, and one @ref to each."""
    lists, refs = [], []
    for kind, (name_el, list_el, item_el) in ENTITY_ELEMENTS.items():
        items = []
        for e in authority.entries(kind):
            same_as = f' sameAs="{escape(e.sameAs, {chr(34): "&quot;"})}"' if e.sameAs else ""
            note = f"<note>{escape(e.note)}</note>" if e.note else ""
            items.append(f'<{item_el} xml:id="{e.id}"{same_as}>'
                         f"<{name_el}>{escape(e.name)}</{name_el}>{note}</{item_el}>")
            refs.append(f'<{name_el} ref="#{e.id}">{escape(e.forms[0])}</{name_el}>')
        lists.append(f"<{list_el}>{''.join(items)}</{list_el}>")
    return (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>'
        "<titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>"
        "<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"
        f"<standOff>{''.join(lists)}</standOff>"
        f"<text><body><p>{' '.join(refs)}</p></body></text></TEI>"
    ).encode("utf-8")


@pytest.mark.slow
def test_every_entry_encodes_as_valid_tei_standoff(authority, tei_all):
    assert_valid_tei_all(tei_all, standoff_document(authority), "authority standOff")


def test_every_packaged_person_has_a_note(authority):
    missing = [e.id for e in authority.entries() if e.kind == "person" and not e.note]
    assert missing == []


# -- invariants ------------------------------------------------------------------------

PIECES = ["Kim Il Sung", "Kim Il", "Korea", "North Korea", "KWP", "CPSU CC", "’s", "-",
          "Chinese", "L. I. Brezhnev", "\u00a0", " ", "\n", ".", "x", "pro-", "Peking"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_mentions_are_ordered_non_overlapping_and_name_their_entry(pieces):
    authority = Authority.load()
    text = "".join(pieces)
    previous_end = 0
    for m in authority.find_mentions(text):
        assert previous_end <= m.start < m.end <= len(text)
        surface = text[m.start : m.end]
        assert surface == surface.strip()
        spellings = {form_key(v) for f in m.entry.forms for v in [f, *printed_variants(f, m.entry.kind)]}
        assert form_key(surface) in spellings
        previous_end = m.end


# -- checking a file from the shell -------------------------------------------------------


def test_check_command_lists_what_an_added_person_tags(tmp_path, capsys):
    from teiedition.recognising.entities import main

    extra = write(tmp_path, "local.toml", PERSON_TOML)
    text = write(tmp_path, "doc.txt", "Skip to content\n\nCde. I. T. Testov arrived.\n")
    assert main(["-a", str(extra), str(text)]) == 0
    out = capsys.readouterr().out
    assert f"{text}:3:6: I. T. Testov -> pers-test-person" in out


def test_check_command_reports_a_bad_file_in_one_line(tmp_path, capsys):
    from teiedition.recognising.entities import main

    bad = write(tmp_path, "bad.toml", '[[person]]\nid = "pers-a"\nname = "A"\nforms = []\n')
    assert main(["-a", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.toml:1: pers-a: forms is missing or empty" in err

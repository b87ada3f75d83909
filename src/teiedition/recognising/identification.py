"""Supplied identification or gloss: what a bracket of names and titles does, told by where it stands.

Why: ``[Cuban Defense Minister] Raoul Castro`` and ``[Nikita] Khrushchev`` add words that
say who is meant (the translator's addition, ``supplied``), while ``they [the East
Germans]`` and ``CC [Central Committee]`` restate the word before them (a gloss).  The
words inside look alike; their position does not: words standing right before a name
identify it, words right after a pronoun or an abbreviation restate it.  The authority
file tells a restated name (``Filippov [Stalin]``, one person) from a completed one
(``Premier Zhou [Enlai]``).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

#: Pronouns whose bracket says who or what they are (``they [the East Germans]``); possessives
#: (``their [Chinese] commissars``) take an added adjective instead and are left out.
RESTATED_PRONOUNS = frozenset("he she they it him her them we us you this that these those "
                               "myself himself herself themselves ourselves "  # "with myself [Kadri Hazbiu]"
                               "who whom here there".split())  # "the philosopher, who [Dewey] lived …",
                               # "from up here [North Vietnam]": who or which place
DEMONSTRATIVES = frozenset("this that these those".split())
#: Possessive determiners (lower case: inside a sentence) whose owner a bracket may name.
POSSESSIVES = frozenset("my our his their".split())
#: The next word of the block after a bracket (bounded look-ahead: time stays linear).
NEXT_WORD_RE = re.compile(r"[ \t]*([^\W\d_][\w’'.-]*)")
#: Words that open a clause or a phrase, never a name, even when capitalised at a line's start.
NOT_A_NAME = frozenset("I A An The And But Or Of In On At To For By With From As If It He She We They".split())
#: Titles before a name: ``Premier Zhou [Enlai]`` completes the name after such a title.
TITLE_RE = re.compile(r"(?:Comrade|Cde\.|Premier|Chairman|Minister|Ambassador|President|Secretary|General|Marshal|"
                      r"Mr\.|Mrs\.|Ms\.|Dr\.|Vice|Deputy|Director|Consul|Counsellor|Prince|King)\s+$")
#: English closed-class words: capitalised only at a sentence's start, never a name.
CLOSED_CLASS = frozenset("""i a an the this that these those his her its our their my your he she it we they
    you and but or so then since when while after before also however thus there here as if at in on to of
    for by with from upon later meanwhile moreover furthermore therefore finally""".split())
MONTHS = frozenset("January February March April May June July August September October November December".split())
_MONTH_ALT = "|".join(sorted(MONTHS))
#: ``25 January [1950]``, ``January 25, [1950]``: a full date right before the bracket.
DATE_BEFORE_RE = re.compile(rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?\.? (?:{_MONTH_ALT})|(?:{_MONTH_ALT}) \d{{1,2}}(?:st|nd|rd|th)?,?)\s*$")
#: ``this year [1975]``, ``of that year [1961]``: a phrase naming a year right before the bracket.
YEAR_PHRASE_BEFORE_RE = re.compile(r"\b(?:this|that|last|next|the same|the current) year,?\s*$", re.I)
YEAR_RE = re.compile(r"(?:1[5-9]|20)\d\d")


def year_after_date(text: str, start: int, end: int, content: str) -> bool:
    """``on 12 January [1950] the …``, ``21 November [1957]`` under a sign-off, ``this year [1979].``: which year.

    By position and shape: a bracket holding only a year, right after a day and month or a phrase
    naming a year, says which year the date is in: a gloss, wherever the date stands (the encoders'
    rule since batch 2; body4 kept a date ending its line as supplied, after batch 1's facts alone).
    A year before a noun (``the [1961] harvest``) is no such date: supplied.  The translator's
    brackets around the day (``[28] November [1945]``) are read through.
    """
    if not YEAR_RE.fullmatch(content.strip()):
        return False
    before = re.sub(r"[\[\]]", "", text[max(0, start - 40):start])
    return bool(DATE_BEFORE_RE.search(before) or YEAR_PHRASE_BEFORE_RE.search(before))


#: A day and month in words, a year perhaps (``27 October 1962``, ``November 5, 1962``, ``4 November``).
WORDED_DATE_RE = re.compile(rf"(?:\d{{1,2}} (?:{_MONTH_ALT})|(?:{_MONTH_ALT}) \d{{1,2}}),?(?: \d{{4}})?")
#: What a worded date can restate: a date in figures (``27.10.1962``, ``27.10.``, ``28.X``, ``10/27/62``)
#: or a day named without its date (``last Sunday``, ``yesterday``).
DATE_NAMED_BEFORE_RE = re.compile(
    r"(?:\b\d{1,2}\.(?:\d{1,2}|[IVX]{1,4})\.(?:\d{2,4})?|\b\d{1,2}/\d{1,2}/\d{2,4}|"
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow))\s*$", re.I)


def date_restated(text: str, start: int, end: int, content: str) -> bool:
    """``on 27.10.1962 [27 October 1962]``, ``last Sunday [4 November 1962]``: the bracket says in words
    which day the date or day before it is, a gloss; a month completing a day (``on 20 [January]``) is
    no whole date and stays supplied."""
    return bool(WORDED_DATE_RE.fullmatch(content.strip())) \
        and bool(DATE_NAMED_BEFORE_RE.search(text, max(0, start - 40), start))


#: Possessives of groups that open a body's name (``People’s [Liberation] Army``): never a person to restate.
GROUP_POSSESSIVES = frozenset("People Peoples Women Children Workers Men Youth Nation Nations Farmers Soldiers".split())
#: A name in the possessive, whatever its letters (``Chien’s``, ``Ba's``): it ends there, a bracket after it says who it is.
POSSESSIVE_RE = re.compile(r"[^\W\d_][’']s$")
#: A name in title case in the possessive (``Bohlen’s``): the bracket's own content or the token before it.
POSSESSIVE_NAME_RE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+[’']s")
FULL_NAME_WORD_RE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ’'-]+")


def names_the_possessor(token: str, content: str) -> bool:
    """``Brother Chien’s [Vo Nguyen Giap] cables``: a person's full name (two to four words in title case)
    right after a name in the possessive says whose: a gloss of the name before, even when a capitalised
    word follows (``… [Vo Nguyen Giap] Cables``), not a name the bracket completes."""
    words = content.split()
    return bool(POSSESSIVE_NAME_RE.fullmatch(token)) and token[:-2] not in GROUP_POSSESSIVES \
        and 2 <= len(words) <= 4 and all(FULL_NAME_WORD_RE.fullmatch(w) for w in words)


def says_which_one(text: str, start: int, end: int, content: str) -> bool:
    """``the embassy [in Havana]``, ``Sector [of the Foreign Ministry]``, ``the 15th [of this month]``.

    A phrase opened by a preposition that names a place, a body or a time (a capitalised word, a
    number, ``this month``), right after a noun phrase (a determiner among the three words before,
    a capitalised word or an ordinal), says which one is meant: a gloss.  So does a phrase of two
    lower-case content words or more after a lower-case noun (``a [proposed] conference [of
    communist parties]``: the translator's brackets before it belong to the noun phrase).  After a verb (``you have
    made [in Berlin]``) it is the translator's addition, and so are a phrase naming neither (``the
    use [of aid]``), the month completing a day (``the 26th [of June]``) and ``time [for China] to
    strengthen``, where the bracket is the subject of what follows.
    """
    words = content.split()
    envoy = ENVOY_BEFORE_RE.search(text, max(0, start - 40), start)  # "ambassador [to Brazil]": where to
    if len(words) < 2 or words[0] not in WHICH_PREPOSITIONS and not (envoy and words[0] == "to"):
        return False
    names = any(w[0].isupper() or w[0].isdigit() or w in TIME_WORDS for w in words[1:])
    if not names and not describes_kind(words[1:]):
        return False
    nxt = NEXT_WORD_RE.match(text, end, min(len(text), end + 80))
    if nxt and nxt.group(1)[0].isupper() and nxt.group(1) not in NOT_A_NAME and "\n" not in text[end:nxt.start(1)] \
            and not (envoy and _place_or_body(" ".join(words[1:]))):
        return False  # "Minister [of Home Affairs Edzo] Toxopeus": the bracket runs into a name, no phrase of its own
    # the translator's own brackets inside the noun phrase belong to it ("a [proposed] conference")
    before = re.findall(r"[\w’'.-]+|[^\w\s]", re.sub(r"[\[\]]", "", text[max(0, start - 80):start]))
    if not before or not re.match(r"[\w’']", before[-1]):
        return False  # a comma or a stop before the bracket: no noun phrase ends there
    if ORDINAL_RE.fullmatch(before[-1]) and len(words) == 2 and words[1] in MONTHS:
        return False  # "the 26th [of June]": the month completes the day
    if re.match(r"\s+to\s+[a-z]", text[end:end + 40]) and words[0] == "for":
        return False
    token = before[-1]
    if token.lower() in DETERMINERS or token.lower() in CLOSED_CLASS:
        return False
    if token[0].isupper() or ORDINAL_RE.fullmatch(token):
        return names
    if not names and token.endswith(("ed", "ly")):
        return False  # "reflected [in our assessments]": after a verb or an adverb, no noun to say which of
    phrase = []  # the words before the bracket, back to a punctuation mark, at most four
    for w in reversed(before[-4:]):
        if not re.match(r"[\w’']", w):
            break
        phrase.append(w.lower())
    return any(w in DETERMINERS for w in phrase[1:])


#: An envoy's office right before a bracket (``the [Soviet] ambassador [to Brazil]``, ``Ambassador [in Moscow]``).
ENVOY_BEFORE_RE = re.compile(r"\b(?:[Aa]mbassador|[Ee]nvoy|[Cc]onsul|[Cc]hargé d[’']\s?[Aa]ffaires|[Rr]epresentative|"
                             r"[Ee]mbassy|[Ll]egation|[Dd]elegation|[Mm]ission)\]?\s*$")


def describes_kind(words: list[str]) -> bool:
    """``[of communist parties]``, ``[of the resistance force]``: two content words or more in lower case
    (an adjective or a noun before the noun) say which kind; one (``[of aid]``, ``[of ammunition]``,
    ``[for the intensification]``) completes the sense of the noun and is the translator's addition."""
    kept = [w for w in words if w not in DETERMINERS and w not in QUANTIFIERS]  # "[between the two countries]"
    content = [w for w in kept if w.isalpha() and w.islower() and w not in CLOSED_CLASS]
    return len(content) >= 2 and len(content) == len(kept)


#: Numerals and quantifiers stand where a determiner does (``the two countries``): no word saying which kind.
QUANTIFIERS = frozenset("one two three four five six seven eight nine ten both all many several few other".split())


#: Verbs after which ``that`` is a conjunction (``said that [the aid] was …``): closed, no list of pages.
REPORTING_VERBS = frozenset("""say says said tell tells told think thinks thought know knows knew believe believes
    hope hopes feel feels felt see sees saw hear heard agree agrees agreed added noted stated""".split())
#: Words that open a noun phrase: ``the embassy [in Havana]`` says which embassy.
DETERMINERS = frozenset("the a an this that these those my your his her its our their each every any some".split())
#: Prepositions that open a phrase saying which one (``[in Havana]``, ``[of the Foreign Ministry]``).
WHICH_PREPOSITIONS = frozenset("in of at for on from during between".split())
#: Words that say which time is meant (``[of this month]``).
TIME_WORDS = frozenset("month year week day morning evening night".split())
ROMAN_RE = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")  # "IX [SED] Party Congress"
ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)")


#: A verb right after the bracket: ``that [the reason …] is``: the bracket is the subject of a clause.
AUXILIARY_AFTER_RE = re.compile(r"\s*(?:is|was|are|were|has|had|have|will|would|can|could|should|must|may|might|"
                                r"does|did|do)\b")


def gloss_after_pronoun(token: str, content: str, text_before: str = "", text_after: str = "") -> bool:
    """``they [the East Germans]``, ``him [Kim Il Sung]``: the bracket says who the pronoun is.

    A possessive (``my [GDR ambassador to the DRV, Wolfgang Bertold] conversation``) is restated
    by three words or more; one or two after it (``our [Soviet] comrades``, ``their [Central Committee]
    decision``) are added words that qualify the noun."""
    if token in POSSESSIVES and len(content.split()) >= 3 and content[:1].isupper():
        return True
    if token in POSSESSIVES and POSSESSIVE_NAME_RE.fullmatch(content):  # "his [Bohlen’s] opinion": whose
        return True
    if token.lower().strip(",") not in RESTATED_PRONOUNS or token.endswith(","):
        return False
    first = content.split()[0]
    if token.lower() in DEMONSTRATIVES:  # "that [Cuba] will": a conjunction as often as a pronoun
        return first in ("the", "The") and not _conjunction_that(text_before) \
            and not (token.lower() == "that" and AUXILIARY_AFTER_RE.match(text_after))
    return first in ("the", "The", "a", "an") or (first[0].isupper() and first not in NOT_A_NAME)


#: ``[to remove Khrushchev]``, ``[to be trained in the Soviet Union]``: ``to``, a verb, then words up to a name.
INFINITIVE_NAMING_RE = re.compile(r"to (?:be )?[a-z]{2,}\b[^\[\]]*?\b[A-ZÀ-Ý][\w’'-]*")


def infinitive_after_noun(token: str, content: str) -> bool:
    """``the plenum's decision [to remove Khrushchev] was right``, ``student pilots [to be trained in the
    Soviet Union]``: an infinitive clause that names someone or somewhere, right after a lower-case noun,
    says what the noun was (a gloss).  Without a name (``activities [to be carried out] by …``) it is
    the words the sentence lacks; after a verb, a name or a pronoun it is the translator's clause, and
    ``to`` before a determiner is a preposition, no infinitive (``returning [to the DPRK]``: added)."""
    word = token.rstrip(",;:")
    return bool(re.fullmatch(r"[a-z]{3,}", word)) and word not in CLOSED_CLASS and word not in DETERMINERS \
        and word not in RESTATED_PRONOUNS and not word.endswith(("ed", "ly")) \
        and bool(INFINITIVE_NAMING_RE.fullmatch(content.strip())) \
        and content.split()[1 if content.split()[1] != "be" else 2].lower() not in CLOSED_CLASS | DETERMINERS


def _conjunction_that(text_before: str) -> bool:
    """``saying that [the aid] …``, ``stated that [the …]``: after a verb, ``that`` opens a clause."""
    words = text_before.split()
    if len(words) < 2 or words[-1].lower() != "that":
        return False
    verb = words[-2].lower().strip(",;:")
    return verb.endswith(("ing", "ed")) or verb in REPORTING_VERBS


def opens_sentence(word: str) -> bool:
    """A capitalised word of the closed classes (``Then``, ``Their``, ``Since``): no name to restate."""
    return word.lower() in CLOSED_CLASS


def identifies_what_follows(text: str, token_start: int, end: int, token: str, content: str) -> bool:
    """Words in brackets that add to a name rather than restate the word before them.

    ``[Cuban Defense Minister] Raoul Castro``, ``Comrade [Mehmet] Shehu``: a name follows the
    bracket, and the word before it is no name to restate (a title, a lower-case or closed-class
    word, nothing).  ``Premier Zhou [Enlai]``: a one-word name after a title, completed by the
    bracket (unless the authority file knows both as one person: ``Comrade Filippov [Stalin]``
    is a gloss).  ``31 [October]``: a date completed.
    """
    words = content.split()
    if token.isdigit():
        return content in MONTHS
    nxt = NEXT_WORD_RE.match(text, end, min(len(text), end + 80))
    names_before = bool(token) and token[0].isupper() and not _is_title(token) and not opens_sentence(token) \
        and not token.endswith(",") and not ROMAN_RE.fullmatch(token)
    name_follows = bool(nxt) and nxt.group(1)[0].isupper() and nxt.group(1) not in NOT_A_NAME
    if names_before and POSSESSIVE_RE.search(token) and token[:-2] not in GROUP_POSSESSIVES:
        return False  # "Brother Chien’s [Vo Nguyen Giap] Cables": a possessive ends the name it restates
    if name_follows and not names_before and words[0][0].isupper() and len(words) <= 8:
        return True  # "of [Chinese Communist Party leader] Deng", "to [Yugoslav diplomat Ivo] Vejvoda"
    if not all(w[0].isupper() or w in ("of", "to", "the", "for", "and", "in") or re.match(r"[a-z][’'][A-Z]", w)
               for w in words):  # "Chargé d’Affaires"
        return False
    if name_follows:
        return not names_before or inside_name(token, content) or (not token.isupper() and _title_before(text, token_start))
    return names_before and _completes_name(text, token_start, token, content)


def inside_name(token: str, content: str) -> bool:
    """``Neutral [Nations Supervisory] Commission``, ``Columbian [Communist] Party``: a capitalised word
    before and after, the bracket completes one name (an acronym's gloss, ``CC [Central Committee]``,
    and a respelling, ``Dalny [Dalian]``, restate the word before instead)."""
    word = token.strip("’'\"“”()")
    return bool(word) and word[0].isupper() and not word.isupper() and not word[-1] in ".;:!?" \
        and len(content.split()) <= 3 and not respells(word, content) and not _same_person(word, content)


def letters(text: str) -> str:
    """The letters of ``text``, lower case, without digits, marks or spaces: what two spellings share."""
    return re.sub(r"[^\w]|[\d_]", "", text.lower())


def respells(before: str, content: str) -> bool:
    """``Wulumuqi [Urumqi]``, ``Guseong [Kusong]``: the bracket spells the word before again (by the
    letters they share): a romanisation's gloss, not a completion."""
    a, b = letters(before), letters(content)
    if len(b) < 4 or not a or before.lower() in CLOSED_CLASS or before.lower() in DETERMINERS:
        return False
    return 0.6 <= len(a) / len(b) <= 1 / 0.6 and SequenceMatcher(None, a, b).ratio() >= 0.7


def _is_title(token: str) -> bool:
    return bool(TITLE_RE.match(token + " "))


def _title_before(text: str, token_start: int) -> bool:
    """Is the word before the one at ``token_start`` a title (``Premier`` in ``Premier Zhou``)?"""
    return bool(TITLE_RE.search(text, max(0, token_start - 40), token_start))


def _completes_name(text: str, token_start: int, token: str, content: str) -> bool:
    """``Premier Zhou [Enlai]``, ``Huang [Zhen]``, ``G. [Pushkin]``, ``Viktor Mikhailovich [Chebrikov]``: a
    name (or initials) completed by one word in the bracket.  Not a respelling (``Guseong [Kusong]``), not one person known by two
    names (``Filippov [Stalin]``), not a place or a body (``Moscow [Russia]``)."""
    if len(content.split()) > 2:
        return False
    if re.fullmatch(r"(?:[A-Z]\.){1,3}", token):  # "G. [Pushkin]": the surname after initials
        return len(content.split()) == 1
    if token.isupper() and len(token) > 1 and re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ’'-]+", content) \
            and _title_before(text, token_start):  # "Premier CHEN [Yi]": a surname in capitals after a title
        return not _same_person(token.capitalize(), content) and not _same_person(token, content)
    if caps_surname(text, token_start, token, content):  # "Quinim [PHOLSENA]": the surname in capitals
        return True
    if token.isupper() or token[-1] in ".,;:" or content.isupper():  # "People’s Republic [PR]": an acronym restates
        return False
    if _title_before(text, token_start) or _known_person(f"{token} {content}"):
        return not _same_person(token, content)
    before = text[max(0, token_start - 40):token_start].split()[-1:]
    whole = f"{before[0]} {token}" if before and before[0][:1].isupper() else token  # "Port Arthur [Lüshun]"
    return len(content.split()) == 1 and not respells(token, content) \
        and not _same_person(token, content) and not _place_or_body(token) and not _place_or_body(whole)


#: Nouns that end a body's name before its acronym (``Front [FRELIMO]``, ``Council [COMECON]``).
BODY_NOUNS = frozenset("""Front Organization Organisation Council Union Movement Party Alliance Pact Treaty Agency
    Fund Bank Association Community Assistance Nations Army Committee Congress Assembly League Federation Bureau
    Office Service Command Force Forces Group Conference Republic Government Ministry Institute""".split())


def caps_surname(text: str, token_start: int, token: str, content: str) -> bool:
    """``that Quinim [PHOLSENA] will arrive``: one word in capitals with vowels (a surname printed as the page
    prints its speakers' names, ``ZHOU:``) right after a lone given name in title case (no capitalised word
    before it, or only a title) completes the name: added.  An acronym after a body's noun (``Front [FRELIMO]``)
    or after a name of several capitalised words (``Mutual Economic Assistance [COMECON]``) restates it."""
    if not re.fullmatch(r"[A-ZÀ-Ý]{4,}", content) or len(re.findall(r"[AEIOUYÀ-Ý]", content)) < 2 \
            or not re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]+", token) or token in BODY_NOUNS:
        return False
    before = text[max(0, token_start - 40):token_start].split()[-1:]
    return not before or not before[0][:1].isupper() or _is_title(before[0].strip("[]"))


def _kind_named(form: str) -> str | None:
    """The kind (person, org, place) of the authority's entry named by the whole of ``form``."""
    from .entities import default_authority

    entry = default_authority().naming(form)
    return entry.kind if entry is not None else None


def _place_or_body(form: str) -> bool:
    return _kind_named(form) not in (None, "person")


def _known_person(form: str) -> bool:
    return _kind_named(form) == "person"


def _same_person(a: str, b: str) -> bool:
    """Does the authority file know both forms as one person (``Filippov``, ``Stalin``)?"""
    from .entities import default_authority

    first, second = default_authority().naming(a), default_authority().naming(b)
    return first is not None and second is not None and first.id == second.id

"""Brackets that hold words: supplied words, glosses, expansions, speaker labels, the original's wording.

Why: most brackets of a translation are the translator's words (``[is]``, ``[Nikita]
Khrushchev``), a gloss of the word before (``CC [Central Committee]``), the rest of a
word (``F[oreign]``), or the original's own words (``[新华社]``).  Telling them apart is
decided by the bracket's position and shape (``identification``); a supplied word is the
fallback of the whole bracket table (``brackets``).
"""

from __future__ import annotations

import re

from .bracket_context import LOOK_BACK, _token_before
from .wording import original_script, script_of, transliterated_wording
from ..model import Span, attrs_of


SPEAKER_RE = re.compile(r"^[A-Z][\w’' .-]{0,40}:$")
#: ``[ANDROPOV.] Now I would like …``: a name in capitals and a full stop, the stop form of a label.
CAPS_SPEAKER_RE = re.compile(r"^(?:[A-ZÀ-Ý]\.\s?){0,3}[A-ZÀ-Ý][A-ZÀ-Ý’'-]+(?:\s[A-ZÀ-Ý][A-ZÀ-Ý’'-]+){0,3}\.$")


PRONOUNS = frozenset("I He She It We They You Our His Her Their Its My Your One Someone".split())


def _br_original_script(ctx):
    """``[新华社]``: the original's words in its own script."""
    return original_script(ctx.start, ctx.end, ctx.content) if ctx.closed else None


#: Field labels of a memorandum's head (``[To:] Comrade Minister …``): words the translator added, no speaker.
FIELD_LABELS = frozenset("to from re subject copy copies attention cc date ref reference".split())


def _br_speaker(ctx):
    c = ctx.content.strip()
    if c.rstrip(":").strip().lower() in FIELD_LABELS:
        return None
    if ctx.at_block_start and (SPEAKER_RE.match(c) or CAPS_SPEAKER_RE.match(c) and ctx.text[ctx.end:ctx.end + 1] == " "):
        return [Span(ctx.start, ctx.end, "supplied", attrs_of(reason="speaker-label", resp="#translator"),
                     inner=(ctx.c_start, ctx.c_end), rank=10)]
    return None


#: Verbs of saying in present tense (``[Mikoyan adds]``); past forms end in ``-ed`` or are ``said``/``told``.
SAYING_VERBS = frozenset("says said adds asks replies answers notes states told thinks believes".split())


WORD_BEFORE_RE = re.compile(r"(?:[^\W\d_]|[’'.-])+$")


WORD_AFTER_RE = re.compile(r"[^\W\d_]+")

#: One capital and its full stop glued to the bracket (``J.[oseph]``): an initial the bracket spells out.
INITIAL_BEFORE_RE = re.compile(r"(?<![\w.])[A-ZÀ-Ý]\.$")  # not "U.S.[a]"


def _br_expansion(ctx):
    """``F[oreign]``: the bracket completes the word it is glued to (``[well-]known``: the word after it)."""
    if ctx.closed and (ctx.start == 0 or not ctx.text[ctx.start - 1].isalnum()) and ctx.content[:1].islower():
        after = WORD_AFTER_RE.match(ctx.text, ctx.end)
        if after and after.group()[0].islower():  # "[well-]known", "[in]complete": the start of the word after
            return [Span(ctx.start, after.end(), "expan", rank=10),
                    Span(ctx.start, ctx.end, "ex", attrs_of(resp="#translator"), inner=(ctx.c_start, ctx.c_end),
                         rank=11)]
    initial = INITIAL_BEFORE_RE.search(ctx.text, max(0, ctx.start - 3), ctx.start)
    if ctx.closed and initial and re.fullmatch(r"[a-zà-ÿ][\w’'-]*", ctx.content):
        # "J.[oseph] Alsop", "B.[ohlen] confirms": the rest of a name printed as its initial
        return [Span(initial.start(), ctx.end, "expan", rank=10),
                Span(ctx.start, ctx.end, "ex", attrs_of(resp="#translator"), inner=(ctx.c_start, ctx.c_end),
                     rank=11)]
    if ctx.start == 0 or not ctx.text[ctx.start - 1].isalpha() or not ctx.closed:
        return None
    double_name = re.fullmatch(r"-[A-ZÀ-Ý][^\W\d_]+", ctx.content)  # "Gheorghiu[-Dej]": the name's second part
    if not ctx.content or not (ctx.content[0].islower() or double_name):
        return None
    m = WORD_BEFORE_RE.search(ctx.text, max(0, ctx.start - LOOK_BACK), ctx.start)
    if m is None:
        return None
    word_start = m.start()
    end = ctx.end
    tail = WORD_AFTER_RE.match(ctx.text, end)
    if tail and not ctx.text.startswith("[", tail.end()):  # ``G[heorghe Gheorghiu-]D[ej]``: D is the next one's
        end = tail.end()
    return [Span(word_start, end, "expan", rank=10),
            Span(ctx.start, ctx.end, "ex", attrs_of(resp="#translator"), inner=(ctx.c_start, ctx.c_end),
                 rank=11)]


def _br_gloss(ctx):
    """A bracket after a word that restates it (``CC [Central Committee]``, ``they [the East Germans]``).

    By position: words before a name (``[Cuban Defense Minister] Raoul Castro``) identify the
    person and are the translator's addition, not a gloss (``identification``).
    """
    from .identification import (CLOSED_CLASS, _is_title, date_restated, gloss_after_pronoun, identifies_what_follows,
                                 infinitive_after_noun, names_the_possessor, opens_sentence, respells,
                                 says_which_one, year_after_date)

    c = ctx.content.strip()
    if not ctx.closed or not c:
        return None
    prev = _token_before(ctx.text, ctx.start)
    token = ctx.text[prev[0]:prev[1]].rsplit("…", 1)[-1] if prev else ""  # "years…They [the Americans]"
    if gloss_after_pronoun(token, c, ctx.text[max(0, ctx.start - 60):ctx.start], ctx.text[ctx.end:ctx.end + 12]) \
            or says_which_one(ctx.text, ctx.start, ctx.end, c) or infinitive_after_noun(token, c) \
            or date_restated(ctx.text, ctx.start, ctx.end, c):
        return _gloss(ctx)
    if names_the_possessor(token, c):  # "Chien’s [Vo Nguyen Giap] cables": whose
        return _gloss(ctx)
    if year_after_date(ctx.text, ctx.start, ctx.end, c):  # "on 12 January [1950] the …": which year
        if LETTER_ON_LINE_RE.match(ctx.text, ctx.end):  # from the bracket on: no cut of the whole rest
            return _gloss(ctx)
        return _gloss(ctx, review="a year after a date that ends its line or sentence, read as a gloss (the "
                                  "encoders' rule since batch 2); batch 1's encoder read it as a supplied year")
    if alternative_rendering(token, c) or abbreviates(token, c):
        return _gloss(ctx)  # "hesitations [fluctuations]", "Rbl [Rubles]"
    if respells(token, c) or re.match(r"i\.\s?e\.|that is,", c):  # "chuch’e [juche]", "they [i.e., the Cubans]"
        return _gloss(ctx)
    if spells_acronym(token, c):  # "LCY [the League of the Communists of Yugoslavia]"
        return _gloss(ctx)
    if _is_title(token.rstrip(",")):  # "Ambassador [Popa] did not": the name the original left out
        return None
    words = c.split()
    if c[0].islower() and (_office_after_name(token, words) or _apposition_after_name(token, words)):
        return _gloss(ctx)  # "Virtanen [trade union chairman]", "Nowak [a journalist]": says who the name is
    if ACRONYM_RE.fullmatch(c) and _common_noun(token):
        return _gloss(ctx)  # "the multilateral force [MLF]": the acronym of the words before
    if len(words) == 2 and words[1].isalpha() and (words[1].endswith("ed") or words[1] in SAYING_VERBS):
        return None  # "GDR [Pak stated]": a name and a verb, a clause the translator added, no gloss
    bare = c.lstrip("“\"‘'„«")  # '“Bandiera Rossa” [“Red Brigades”]': a name quoted as printed
    if not bare[:1].isupper() or c in PRONOUNS \
            or identifies_what_follows(ctx.text, prev[0] if prev else ctx.start, ctx.end, token, c):
        return None
    if prev and names_which_noun(ctx.text, prev[0], ctx.end, token, c):
        return _gloss(ctx)  # "outside the city [Algiers]", "the party organ [Rudé Právo]": which one
    words = c.split()
    titled = sum(1 for w in words if w.lstrip("“\"‘'„«")[:1].isupper()) >= max(1, len(words) - 2)
    if prev and token:  # "said it … [Moscow]": the token before is an ellipsis alone, nothing left after the cut
        if (token[-1] in ".!?:;" or token.rstrip("’”'\"")[-1:] in (".", "!", "?")) \
                and not re.fullmatch(r"(?:[A-Z]\.)+", token):
            return None  # '… “Our Alliance.” [The Soviet government] is': a sentence opens with the bracket
        if token[0].isupper() and not opens_sentence(token) or token[-1] in "’”'\"" or token.isdigit() or script_of(token):
            return _gloss(ctx)
    after_preposition = token.lower() in LINKING_WORDS or token.lower() in CLOSED_CLASS  # "between [Secretary X]"
    if len(words) >= 3 and titled and not ctx.at_block_start and not after_preposition:  # "[GDR Embassy in Ethiopia]" opening its
        return _gloss(ctx)  # line restates no words before it: the translator's addition
    return None


#: A letter later on the same line (matched from a position: cutting the rest of the text for each
#: bracket was quadratic in a block of thousands of bracketed lines).
LETTER_ON_LINE_RE = re.compile(r"[^\n]*?[^\W\d_]")


def names_which_noun(text: str, token_start: int, end: int, token: str, content: str) -> bool:
    """``outside the city [Algiers]``, ``the party organ [Rudé Právo]``: a name (one to three words in title
    case, no acronym) right after a lower-case noun of a noun phrase (a determiner among the three words before it)
    that is no office (``the ambassador [Popa]`` completes a person the original left unnamed) says
    which one the noun is: a gloss.  Not when a verb follows (``at the meeting [Gomulka] said``: the
    bracket is the subject the translator added), nor a possessive (``concerning [Cambodia's] sovereignty``:
    it belongs to the noun after it) or after a preposition in ``-ing``."""
    from .identification import CLOSED_CLASS, DETERMINERS
    from .signatures import ROLE_WORDS

    words = content.split()
    if not re.fullmatch(r"[a-z]{3,}", token) or token in CLOSED_CLASS or token in ROLE_WORDS or token in DETERMINERS \
            or token in ("concerning", "regarding", "including", "following", "excluding", "considering") \
            or re.search(r"[’']s$", content) \
            or not 1 <= len(words) <= 3 or content in PRONOUNS \
            or not all(re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ’'-]+", w) for w in words):  # a name, no acronym ([KGB-MfS])
        return False
    # the translator's own brackets inside the noun phrase belong to it ("by [his] wife [Jiang Qing]")
    plain = re.sub(r"[\[\]]", "", text[max(0, token_start - 60):token_start])
    before = re.findall(r"[\w’'.-]+|[^\w\s]", plain)[-3:]
    phrase = []
    for w in reversed(before):
        if not re.match(r"[\w’']", w):
            break
        phrase.append(w.lower())
    nxt = re.match(r"\s*([a-z]+)", text[end:end + 30])
    verb = nxt and (nxt.group(1).endswith("ed") or nxt.group(1) in SAYING_VERBS
                    or nxt.group(1) in ("is", "was", "are", "were", "has", "had", "will", "would", "can", "could"))
    # a possessive stands where a determiner does ("Hoa’s unit [Nguyen Hoa]": which unit)
    return any(w in DETERMINERS or re.search(r"\w[’']s$", w) for w in phrase) and not verb


def abbreviates(token: str, content: str) -> bool:
    """``Rbl [Rubles]``, ``Cmdr [Commander]``: a word of consonants only (an abbreviation, never a name)
    whose letters the one word in the bracket holds in order, from its first: the bracket spells it out."""
    word = token.rstrip(".,;:")
    if not re.fullmatch(r"[^\W\d_]{2,5}", word) or re.search(r"[aeiouyAEIOUY]", word) or " " in content:
        return False
    rest = iter(content.lower())
    return content[:1].lower() == word[0].lower() and all(ch in rest for ch in word.lower())


#: An adverb in ``-ly`` (``publicly``; not the verbs ``apply``, ``reply``, ``supply``).
ADVERB_RE = re.compile(r"[a-z]{3,}[^p]ly")


def alternative_rendering(token: str, content: str) -> bool:
    """``deatomization [denuclearization]``, ``hesitations [fluctuations]``: one lower-case word of six
    letters or more after another with the same ending (the same part of speech and inflection), or two
    adverbs in ``-ly`` (``publicly [openly]``), the translator's other rendering of the word before: a
    gloss, not a word the sentence lacks."""
    word = token.rstrip(",;:")
    if ADVERB_RE.fullmatch(word) and ADVERB_RE.fullmatch(content) and word != content:
        return True  # "publicly [openly]": two adverbs in -ly (conv8, tune6 305)
    return bool(re.fullmatch(r"[a-z]{6,}", word) and re.fullmatch(r"[a-z]{6,}", content)) \
        and word != content and word[-3:] == content[-3:]


def _office_after_name(token: str, words: list[str]) -> bool:
    """A capitalised name before, an office in lower case inside (``Chebrikov [KGB chairman]``)."""
    from .identification import opens_sentence
    from .signatures import ROLE_WORDS

    name = token.strip("’'\"“”(),")
    offices = ROLE_WORDS - {"of", "the", "and", "for", "a.i.", "ad", "comrade", "cde.", "mr.", "mrs.", "ms."}
    if not name or not name[0].isupper() or opens_sentence(name):
        return False
    if len(words) <= 6 and any(w.strip(",.") in offices for w in words):
        return True
    # a longer description opening with the office (``Su Yu [the Second Deputy Chief of the General Staff of …]``,
    # ``Chen Zhongjing [senior official from Foreign Cultural Liaison Department of State Council]``)
    from .identification import CLOSED_CLASS

    for i, w in enumerate(words[:4]):
        if w.strip(",.").lower() in offices | HOLDERS:
            # only an article and adjectives before the office: "[together with Counselor X]" is an added phrase
            return len(words) <= 20 and not any(v.lower() in CLOSED_CLASS - {"the", "a", "an"} for v in words[:i])
    return False


#: Nouns for someone holding a post, beside the offices of the sign-off list (``senior official``).
HOLDERS = frozenset("official officials governor member members functionary representative".split())


#: Nouns that say what kind of name a name is (``Tomasz [pseudonym for …]``).
NAME_KINDS = frozenset("pseudonym alias nickname code codename code-name cover pen real".split())
#: An acronym: two to six capitals and nothing else (``MLF``; ``IL-28`` is a type, not an acronym).
ACRONYM_RE = re.compile(r"[A-Z]{2,6}")
#: Prepositions and conjunctions before an acronym: ``of [DRV]`` identifies, it restates nothing.
LINKING_WORDS = frozenset("""about above across against along among around before behind below between beyond
    during except inside into like near over past since through toward towards under until within without
    nor yet than via per versus""".split())


def spells_acronym(token: str, content: str) -> bool:
    """The capitalised words of the bracket give the acronym before it, letter by letter (``LCY [the League
    of the Communists of Yugoslavia]``, ``NNSC [Neutral Nations Supervisory Commission]``)."""
    letters = token.strip("’'\"“”(),.;:")
    if not ACRONYM_RE.fullmatch(letters):
        return False
    words = re.findall(r"[^\W\d_][\w’'-]*", content)
    initials = "".join(w[0] for w in words if w[0].isupper())
    if initials != letters and words and all(w.islower() for w in words):  # "CC [central committee]"
        from .identification import CLOSED_CLASS
        content_words = [w for w in words if w not in CLOSED_CLASS]
        initials = "".join(w[0] for w in content_words).upper()
        # "DS [state security]": the acronym of the original's language (Darzhavna Sigurnost), one
        # lower-case word a letter: the English words of the acronym, not words the sentence lacks
        return initials == letters or len(content_words) == len(letters) == len(words)
    return initials == letters


def _apposition_after_name(token: str, words: list[str]) -> bool:
    """A name before, a noun phrase of three words or more opened by ``a``/``an``, or a kind of name inside
    (``Nowak [a journalist of the opposition]``, ``Tomasz [pseudonym for Jan Kowalski]``): the bracket
    says who the name is."""
    from .identification import _is_title, opens_sentence

    name = token.strip("’'\"“”(),")
    if not name or not name[0].isupper() or opens_sentence(name) or _is_title(name) or len(words) < 2:
        return False
    # three words at least: "gave Kovacs [a copy]" is an object the translator added, not who Kovacs is
    return words[0] in ("a", "an") and len(words) >= 3 or words[0] in NAME_KINDS and words[1] in ("for", "of", "name")


def _common_noun(token: str) -> bool:
    """A lower-case word that may end a noun phrase: no determiner, pronoun, preposition or conjunction."""
    from .identification import CLOSED_CLASS, DETERMINERS

    w = token.lower()
    return token.isalpha() and token.islower() and w not in CLOSED_CLASS and w not in DETERMINERS \
        and w not in LINKING_WORDS


def _gloss(ctx, review: str | None = None) -> list[Span]:
    """A gloss span; ``review`` records a decision the encoders split on, for the review report."""
    return [Span(ctx.start, ctx.end, "supplied", attrs_of(reason="gloss", resp="#translator", review=review),
                 inner=(ctx.c_start, ctx.c_end), rank=10)]


def _br_original_wording(ctx):
    """``[pristupit k obiednineniiu]``: the original's words in transliteration, not an addition."""
    return transliterated_wording(ctx.start, ctx.end, ctx.content) if ctx.closed else None


def _br_supplied(ctx):
    """The fallback: words the translator added.  A bracket that never closes (``The [liver`` where an
    excerpt stops) holds no known addition: its words stay text, the ``[`` printed as it stands."""
    if not ctx.closed:
        return None
    end_inner = ctx.c_end
    return [Span(ctx.start, ctx.end, "supplied", attrs_of(reason="added-in-translation", resp="#translator"),
                 inner=(ctx.c_start, end_inner), rank=10)]

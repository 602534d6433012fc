"""Page furniture, one line at a time: is this paragraph a caption, a credit, a byline, a date
line, a share button, a related link, a note, a bio, a reader comment, a headline?

Articles arrive copied from web pages, so besides the body they carry the headline (sometimes
twice), a kicker, datelines, bylines, photo captions and credits, agency credit lines, author
bios, share buttons, related-story links, advocacy preambles of republishing sites, reader
comments and legal notes. Each predicate here applies general journalistic conventions (the
patterns are in briefing.lexicon.press); `briefing.ingest.layout` decides with the paragraph's
position in the page.
"""

from __future__ import annotations

import re

from briefing.ingest.date_lines import is_time_line, read_date_line
from briefing.lexicon.calendar import MONTH_ALTERNATION, WEEKDAY_ABBREVIATED
from briefing.lexicon.press import (
    ADVERT_PHRASES,
    ADVOCACY,
    APPEAL,
    BIO,
    BRACKETED_LINE,
    BRACKETED_PICTURE_CREDIT,
    CLOSING_CREDIT,
    CAPTION_PATTERNS,
    CONTRIBUTION_PATTERNS,
    CREDIT,
    EMBED,
    FOLLOW,
    IMAGE_LABEL,
    JOB_TITLE,
    LEADING_PICTURE_CREDIT,
    MAX_CONTRIBUTION_WORDS,
    MEDIA_LABEL,
    MEDIA_WORD,
    NOTE,
    PICTURE_POSITION,
    PRINT_EDITION_TAG,
    PICTURE_VERB,
    PLAYER_CONTROLS,
    READ_MORE_TAIL,
    RELATED,
    SHARE,
    SIDEBAR,
    SIGNUP_FORM,
    SIGNUP_OFFER,
    WIRE_AGENCIES,
)
from briefing.lexicon.stopwords import NOT_NAME_WORDS
from briefing.lexicon.titles import LOWER_CASE_NAME_PARTS, TITLE_WORDS

ACRONYM = re.compile(r"\b[A-Z]{2,}\b")

_NAME_TOKEN = rf"(?:[A-Z][\w'\u2019\-]*\.?|(?:{'|'.join(sorted(LOWER_CASE_NAME_PARTS))})(?:-[A-Z][\w'\u2019]*)?)"
PERSON_NAME = re.compile(rf"^[A-Z][\w'\u2019\-]*\.?(?:\s+{_NAME_TOKEN}){{1,4}}$")

_MONTH_WORD = rf"(?:{MONTH_ALTERNATION})\.?"
_WEEKDAY_WORD = WEEKDAY_ABBREVIATED
DATE_TEXT = (
    rf"(?:{_WEEKDAY_WORD},?\s+)?(?:"
    rf"{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH_WORD},?\s+\d{{4}}"
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
    r"|\d{4}-\d{2}-\d{2}"
    r")"
)
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)"
# A line that is only a date, optionally labelled ("Updated: 3/4/2021 10:03 AM ET").
DATE_LINE = re.compile(
    rf"^(?:(?:last\s+)?(?:updated|published|posted|modified|first published)(?:\s+on)?\s*:?\s*)?"
    rf"(?:{DATE_TEXT}{_TIME}?)?\s*$",
    re.I,
)
# "March 4th, 2021 - by Jane Doe" / "4 March 2021 | By The Daily Planet" / "Updated: 2021-03-04 13:14 By Agencies"
DATE_BY_LINE = re.compile(
    rf"^(?:(?:last\s+)?(?:updated|published|posted)\s*:?\s*)?{DATE_TEXT}{_TIME}?\s*[-\u2013\u2014|\u00b7,]?\s*by\s+\S", re.I
)
BY_LINE = re.compile(r"^by\s+[A-Z\u00c0-\u00de]", re.I)


def plain_text(text: str) -> str:
    """The paragraph without Markdown heading/emphasis marks, for matching."""
    text = re.sub(r"^#{1,6}\s+", "", text.strip())
    return re.sub(r"^[*_]{1,3}|[*_]{1,3}$", "", text).strip()


def words_of(text: str) -> list[str]:
    return re.findall(r"[\w'\u2019\-]+", text)


def has_final_punctuation(text: str) -> bool:
    """Ends like a sentence (or a quote/list lead-in), unlike a headline."""
    # A closing quotation mark may be typed as an opening one: '... 51 percent.\u201c'.
    return bool(re.search(r"[.!?:;,\u2026][\"'\u201c\u201d\u2019)\]]*\s*$|[\"\u201d\u2019]\s*$", text))


def is_title_case(text: str, threshold: float = 0.6) -> bool:
    """Most longer words capitalised, as in headlines and sub-headings."""
    words = [w for w in words_of(text) if len(w) > 3]
    if not words:
        words = words_of(text)
    if not words:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= threshold


def looks_like_person(name: str) -> bool:
    """Two to five capitalised name words, no media word or acronym."""
    name = name.strip(" ,.;:")
    if not PERSON_NAME.match(name) or MEDIA_WORD.search(name):
        return False
    if any(word.lower() in NOT_NAME_WORDS for word in name.split()):
        return False
    return not any(len(w) > 1 and w.isupper() and "." not in w for w in name.split())


def looks_like_organisation(name: str) -> bool:
    """Contains an ALL-CAPS acronym or a media word ("XYZ Evening News", "The Daily Planet")."""
    name = name.strip(" ,.;:")
    if not name or len(name.split()) > 7 or not name[0].isupper() or JOB_TITLE.match(name):
        return False
    return bool(ACRONYM.search(name) or MEDIA_WORD.search(name))


def is_date_line(text: str) -> bool:
    """Just a date (or "Updated:"), e.g. "3/4/2021", "Updated: March 4, 2021 10:03 ET",
    "10: 10 AM PDT 6 / 6 / 2013", "Reuters Mar 4, 2021, 2:16PM IST"."""
    plain = plain_text(text)
    return bool(plain) and (
        DATE_LINE.match(plain) is not None or read_date_line(plain) is not None or is_time_line(plain)
    )


# A title before a name: "Dr Jane Doe — ..." is a person quoted, not a reader's comment.
HONORIFIC = re.compile(rf"^(?:{'|'.join(sorted(word.capitalize() for word in TITLE_WORDS))})\b\.?")
COMMENT = re.compile(
    r"^(?P<name>[A-Z][\w'\u2019\-]*\.?(?:\s+[A-Z][\w'\u2019\-]*\.?){0,2})\s*(?:[\u2014\u2013]|\s-)\s+\S"
)
# "Out - of - band updates ...": a compound written with spaced hyphens (tokenised text), not a signature.
SPACED_COMPOUND = re.compile(r"^\S+(?:\s-\s[a-z]\w*)+\s-\s")
_QUOTE_OPEN = "\"'\u201c\u2018"


def _matches_any(patterns: list[re.Pattern[str]], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def is_caption(text: str) -> bool:
    """A photo caption or credit (credit conventions of agencies and picture desks)."""
    return _matches_any(CAPTION_PATTERNS, text)


def is_picture_description(text: str) -> bool:
    """Present-tense description of a picture with a dated place ("... attend a rally in X, Mar. 4, 2021")."""
    return bool(PICTURE_VERB.search(text) and re.search(DATE_TEXT, text, re.I)) and len(words_of(text)) < 80


def is_credit(text: str) -> bool:
    """Agency credit lines: "Reporting by ...; Editing by ...", "Writing by ...", and contributor
    notes: "Jane Doe reported from City.", "Agency writer John Roe contributed from City."."""
    if CREDIT.match(text) is not None:
        return True
    closing = CLOSING_CREDIT.match(text)
    # "— The Harbour Wire" credits a news organisation; "— Ellery Police" signs a statement.
    if closing and (MEDIA_WORD.search(closing["outlet"]) or closing["outlet"] in WIRE_AGENCIES):
        return True
    return len(text.split()) <= MAX_CONTRIBUTION_WORDS and any(p.search(text) for p in CONTRIBUTION_PATTERNS)


def is_bio(text: str) -> bool:
    """An author bio: "<Name> is a (breaking news) reporter ..." (the subject is a person's name)."""
    if BIO.match(text) is None:
        return False
    subject = re.split(r"\s+(?:is|was|has been|covers|writes)\b", text, maxsplit=1)[0]
    # Bios name the author in full; "Mr X is a reporter by training" is reporting.
    return looks_like_person(subject) and not HONORIFIC.match(subject)


def is_comment(text: str) -> bool:
    """A reader comment: "Firstname X. — text" (em/en dash or " - ")."""
    match = COMMENT.match(text)
    if match is None or SPACED_COMPOUND.match(text):
        return False
    name = match["name"]
    rest = text[match.end() - 1 :]
    # Datelines ("WASHINGTON - ...") are all caps; comments are signed with a name.
    # "Smith — who resigned — said ..." is a parenthetical dash in reporting, not a signature.
    return not name.isupper() and len(name) <= 40 and not re.search(r"\s[\u2014\u2013]\s", rest[:120])


def is_related(text: str) -> bool:
    """Links to other stories: "Read: ...", "Related Topics", "Opinion: ...", "Watch: ..."."""
    return RELATED.match(text) is not None


def is_share(text: str) -> bool:
    """Share buttons and follow prompts: "twitter", "Follow him on X", a URL alone."""
    return _matches_any(SHARE, text)


def is_note(text: str) -> bool:
    """Editorial and legal notes: "Note: This page was updated ...", copyright lines."""
    return _matches_any(NOTE, text)


def is_advocacy(text: str) -> bool:
    """A call to action of an advocacy site ("ACTION ALERT", "Email your Representative")."""
    return ADVOCACY.search(text) is not None


def is_byline(text: str) -> bool:
    """ "By Jane Doe", "By Jane Doe and John Roe, Agency" (short)."""
    return BY_LINE.match(text) is not None and len(words_of(text)) <= 16 and not has_sentence_body(text)


LOCATED_BYLINE = re.compile(r"^(?P<name>.+?)\s+in\s+[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){0,2}$")


def is_located_byline(text: str) -> bool:
    """ "Jane Doe in City" (or "Jane Doe and John Roe in City") under a title."""
    match = LOCATED_BYLINE.match(text.strip())
    if match is None:
        return False
    names = re.split(r"\s*,\s*|\s+and\s+", match["name"])
    return all(looks_like_person(n) for n in names)


def is_dateline(text: str) -> bool:
    """A date line or "date - by X" line above the article."""
    return is_date_line(text) or DATE_BY_LINE.match(text) is not None


def has_sentence_body(text: str) -> bool:
    return len(words_of(text)) > 20


def is_headline_like(text: str) -> bool:
    """No final sentence punctuation and not too long: a title, sub-heading or link."""
    words = words_of(text)
    return 0 < len(words) <= 30 and not re.search(r"[.!:;,][\"'\u201d\u2019)\]]*$", text.strip())


def is_kicker(text: str) -> bool:
    """A desk/section label above the title: one to three capitalised words."""
    words = words_of(text)
    return 1 <= len(words) <= 3 and all(w[0].isupper() for w in words) and not has_final_punctuation(text)


def is_section_heading(text: str) -> bool:
    """A sub-heading inside the body: a short question, or a short title-case line."""
    words = words_of(text)
    if not words or len(words) > 14 or text[:1] in _QUOTE_OPEN:
        return False
    if text.rstrip().endswith("?"):
        return True
    return not has_final_punctuation(text) and (len(words) <= 4 or (len(words) <= 8 and is_title_case(text)))


# A sub-heading made of a witness's words: "'No time to run'" (quoted, short, no sentence's full stop).
QUOTED_HEADING = re.compile(r"^[\"'\u201c\u2018][^.!?\u2026\"\u201c\u201d]{1,60}[\"'\u201d\u2019]$")
MAX_QUOTED_HEADING_WORDS = 6


def is_quoted_heading(text: str) -> bool:
    """A sub-heading that quotes the account below it: "'Scene out of a nightmare'"."""
    return QUOTED_HEADING.match(text.strip()) is not None and len(words_of(text)) <= MAX_QUOTED_HEADING_WORDS


def is_related_headline(text: str) -> bool:
    """A headline-like link inside the body: "Somebody: something ...", or a quoted-phrase headline."""
    if not is_headline_like(text) or re.search(r"\?[\"'\u201d\u2019]*$", text.rstrip()):
        return False  # a question, or a quotation that ends with one: “...?” she asked.
    words = words_of(text)
    if len(words) < 4:
        return False
    if re.match(r"^[^:]{2,60}:\s+\S", text):  # "Speaker: claim" headline form
        return True
    if text[:1] in _QUOTE_OPEN and re.match(r"^.[^\"'\u201d\u2019]+[\"'\u201d\u2019]\s+\w", text):
        return True
    return is_title_case(text, 0.75) and len(words) >= 5


def _normalise_headline(text: str) -> str:
    text = plain_text(text).lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"[^\w]+", " ", text).strip()


def repeats_headline(text: str, headline: str) -> bool:
    """The same title again, possibly without (or with) a "PREFIX: " label."""
    a, b = _normalise_headline(text), _normalise_headline(headline)
    if not a or not b:
        return False
    return a == b or (len(a) > 15 and b.endswith(" " + a)) or (len(b) > 15 and a.endswith(" " + b))



def is_picture_caption(text: str) -> bool:
    """A caption without a sentence's full stop, told by its credit or its picture words: "Dockers
    march to the harbour (Getty)", "GETTY Dockers march ...", "Dana Whitfield (left) arrives",
    "Image copyright Harbour Images Image caption ...", "2/34 3 March 2031 Dockers ..." (a gallery)."""
    if IMAGE_LABEL.match(text):
        return True
    if has_final_punctuation(text) or len(words_of(text)) < 4:
        return False
    if BRACKETED_PICTURE_CREDIT.search(text) or LEADING_PICTURE_CREDIT.match(text) or DOUBLED_OPENING.match(text):
        return True
    return bool(PICTURE_POSITION.search(text))


# "Harbour Dynamics Harbour Dynamics builds ferries ...": a credit naming the picture's owner,
# then a caption that opens with the same name (reporting never repeats its first words).
DOUBLED_OPENING = re.compile(r"^(?P<name>[A-Z][\w&.'\u2019\-]*(?:\s+[A-Z][\w&.'\u2019\-]*){0,2})\s+(?P=name)\s+\S")
def is_bracketed_link(text: str) -> bool:
    """A headline in square brackets between paragraphs: "[Harbour strike ends after a week]"."""
    return BRACKETED_LINE.match(text.strip()) is not None and len(words_of(text)) <= 30


def is_print_edition(text: str) -> bool:
    """Where the report ran in the paper: "(Harbour Herald Weekly 03/04/2031 page1)"."""
    return PRINT_EDITION_TAG.match(text.strip()) is not None


def is_media(text: str) -> bool:
    """Video player captions and playlists, gallery labels: "Media playback is unsupported on your
    device", "Your browser does not support iframes.", "Harbour news in pictures", a player's
    controls ("1 of 26 Full Screen Autoplay Close Skip Ad")."""
    if MEDIA_LABEL.search(text) is not None and len(words_of(text)) <= 40:
        return True
    return len({m.group(0).lower() for m in PLAYER_CONTROLS.finditer(text)}) >= 2


def is_advert(text: str) -> bool:
    """An advertisement marker or a continue-reading prompt, alone or repeated on one line."""
    return ADVERT_PHRASES.search(text) is not None and not re.sub(r"\W+", "", ADVERT_PHRASES.sub("", text))


def is_signup(text: str) -> bool:
    """A newsletter or sign-up block, or its form's words and errors ("Please enter a valid email")."""
    offer, forms = SIGNUP_OFFER.search(text), len(SIGNUP_FORM.findall(text))
    short = len(words_of(text)) <= 12
    return bool(offer and forms) or forms >= 2 or bool(forms and short) or bool(offer and short and not has_sentence_verb(text))


def is_sidebar(text: str) -> bool:
    """A "Most read" or "Trending" list, headlines and all."""
    return SIDEBAR.match(text) is not None


def is_appeal(text: str) -> bool:
    """A tip-off or contact appeal to the reader: "Do you have a story? Email us at ...",
    "Contact the writer at ...", "If you saw the fire, fill in the form below"."""
    return APPEAL.search(text) is not None and len(words_of(text)) <= 60


def is_embed(text: str) -> bool:
    """A social-media post embedded in the page: "A post shared by ...", a tweet's "— Name (@name) March 3, 2031"."""
    return EMBED.search(text) is not None


def is_follow_prompt(text: str) -> bool:
    """ "Like Harbour Wire on Facebook", "Chat with us in Messenger": a prompt to follow the outlet."""
    return FOLLOW.match(text) is not None and len(words_of(text)) <= 25


def is_read_more_link(text: str) -> bool:
    """A related headline closed by "Read more"."""
    return READ_MORE_TAIL.search(text) is not None and is_headline_like(READ_MORE_TAIL.sub("", text).strip(" |"))


# Verbs that make a short line a sentence ("Sign up today and we will send you ...").
_SENTENCE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|said|says|can|could)\b", re.I)


def has_sentence_verb(text: str) -> bool:
    return _SENTENCE_VERB.search(text) is not None


# Shorter unpunctuated lines are labels or headings rather than captions.
MIN_CAPTION_WORDS = 6


def is_caption_like(text: str) -> bool:
    """A sentence without a full stop, not a heading or a quotation: how some pages print captions."""
    return (
        len(words_of(text)) >= MIN_CAPTION_WORDS
        and not has_final_punctuation(text)
        and not is_title_case(text)
        and text[:1] not in _QUOTE_OPEN + "\u201d"
    )


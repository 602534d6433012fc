"""Layout: split an article into paragraphs and tell the reporter's text from page furniture.

Articles arrive copied from web pages, so besides the body they carry the
headline (sometimes twice), a kicker, datelines, bylines, photo captions and
credits, agency credit lines, author bios, share buttons, related-story links,
advocacy preambles of republishing sites, reader comments and legal notes.
`classify_paragraphs` recognises these with general journalistic conventions;
each rule is a small named function or a commented regex table.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.model import ParagraphKind

# ------------------------------------------------------------------ splitting

BULLET = re.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u2023\u25e6\u2043\u2219*\-+]|\d{1,2}[.)])\s+")
SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$|[\"\u201d]$")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph in `text`, pointing exactly at its stripped text.

    Handles blank-line separated paragraphs, one paragraph per line, and
    hard-wrapped text (lines of similar width inside a paragraph), whose lines
    are joined. Bullet lines are paragraphs of their own.
    """
    lines = _lines(text)
    width = _wrap_width([line for _, _, line in lines if line.strip()])
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    previous = ""
    for start, end, line in lines:
        stripped = line.strip()
        if not stripped:
            _flush(spans, current)
            current = None
            previous = ""
            continue
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        span = (start + lead, end - trail)
        if current is not None and width and _continues(previous, stripped, width):
            current = (current[0], span[1])
        else:
            _flush(spans, current)
            current = span
        previous = stripped
    _flush(spans, current)
    return spans


def _lines(text: str) -> list[tuple[int, int, str]]:
    result = []
    position = 0
    for line in text.split("\n"):
        result.append((position, position + len(line), line))
        position += len(line) + 1
    return result


def _flush(spans: list[tuple[int, int]], current: tuple[int, int] | None) -> None:
    if current is not None and current[1] > current[0]:
        spans.append(current)
    return None


def _wrap_width(lines: list[str]) -> int:
    """The wrap width if the text is hard-wrapped, else 0.

    Hard-wrapped text has no line much longer than ~100 characters and many
    lines close to the same maximum; pasted web text has long paragraph lines.
    """
    lengths = [len(line.rstrip()) for line in lines]
    if len(lengths) < 4:
        return 0
    longest = max(lengths)
    if longest > 110 or longest < 40:
        return 0
    full = [n for n in lengths if n >= longest * 0.75]
    if len(full) < 3 or len(full) < len(lengths) * 0.4:
        return 0
    return longest


def _continues(previous: str, line: str, width: int) -> bool:
    """Whether `line` continues the hard-wrapped paragraph that `previous` ended."""
    if BULLET.match(line):
        return False
    first_word = line.split()[0]
    # The classic test: had the next word fitted on the previous line, the
    # writer broke the line on purpose (end of paragraph).
    would_fit = len(previous) + 1 + len(first_word) <= width
    if not would_fit:
        return True
    return not SENTENCE_END.search(previous) and line[:1].islower()


# -------------------------------------------------------------- classification

# Media words that make a name an organisation (an outlet) rather than a person.
MEDIA_WORDS = (
    "News|Times|Post|Press|Agency|Journal|Herald|Tribune|Telegraph|Guardian|Gazette|Daily|Radio|TV|"
    "Television|Network|Broadcasting|Media|Wire|Service|Monitor|Observer|Independent|Express|Mail|"
    "Chronicle|Review|Magazine|Star|Sun|Record|Reporter|Bulletin|Dispatch|Courier|Standard|Economist|"
    "Insider|Online|Digital|Channel|Correspondent|Report|Today|Weekly|Weekend|Sentinel|Mirror|Examiner"
)
MEDIA_WORD = re.compile(rf"\b(?:{MEDIA_WORDS})\b")
# A journalist's job title after a byline's comma ("By Jane Doe, Political Correspondent") is no outlet.
JOB_TITLE = re.compile(
    r"^(?:[A-Z][a-z]+\s+){0,3}(?:Correspondent|Editor|Reporter|Writer|Columnist|Producer|Analyst|Contributor|"
    r"Chief|Journalist|Staff)s?$"
)
ACRONYM = re.compile(r"\b[A-Z]{2,}\b")

_NAME_TOKEN = r"(?:[A-Z][\w'\u2019\-]*\.?|(?:al|el|de|da|van|von|der|bin|ben|ibn|du|le|la|di)(?:-[A-Z][\w'\u2019]*)?)"
PERSON_NAME = re.compile(rf"^[A-Z][\w'\u2019\-]*\.?(?:\s+{_NAME_TOKEN}){{1,4}}$")

_MONTH_WORD = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY_WORD = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?"
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
# "March 4th, 2021 - by Jane Doe" / "4 March 2021 | By The Daily Planet"
DATE_BY_LINE = re.compile(rf"^{DATE_TEXT}{_TIME}?\s*[-\u2013\u2014|\u00b7,]?\s*by\s+\S", re.I)
BY_LINE = re.compile(r"^by\s+[A-Z\u00c0-\u00de]", re.I)


def plain_text(text: str) -> str:
    """The paragraph without Markdown heading/emphasis marks, for matching."""
    text = re.sub(r"^#{1,6}\s+", "", text.strip())
    return re.sub(r"^[*_]{1,3}|[*_]{1,3}$", "", text).strip()


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'\u2019\-]+", text)


def has_final_punctuation(text: str) -> bool:
    """Ends like a sentence (or a quote/list lead-in), unlike a headline."""
    return bool(re.search(r"[.!?:;,\u2026][\"'\u201d\u2019)\]]*\s*$|[\"\u201d\u2019]\s*$", text))


def is_title_case(text: str, threshold: float = 0.6) -> bool:
    """Most longer words capitalised, as in headlines and sub-headings."""
    words = [w for w in _words(text) if len(w) > 3]
    if not words:
        words = _words(text)
    if not words:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= threshold


def looks_like_person(name: str) -> bool:
    """Two to five capitalised name words, no media word or acronym."""
    name = name.strip(" ,.;:")
    if not PERSON_NAME.match(name) or MEDIA_WORD.search(name):
        return False
    return not any(len(w) > 1 and w.isupper() and "." not in w for w in name.split())


def looks_like_organisation(name: str) -> bool:
    """Contains an ALL-CAPS acronym or a media word ("XYZ Evening News", "The Daily Planet")."""
    name = name.strip(" ,.;:")
    if not name or len(name.split()) > 7 or not name[0].isupper() or JOB_TITLE.match(name):
        return False
    return bool(ACRONYM.search(name) or MEDIA_WORD.search(name))


def is_date_line(text: str) -> bool:
    """Just a date (or "Updated:"), e.g. "3/4/2021", "Updated: March 4, 2021 10:03 ET"."""
    plain = plain_text(text)
    return bool(plain) and DATE_LINE.match(plain) is not None


# Photo captions and credits. A credit convention anywhere marks the whole paragraph.
CAPTION_PATTERNS = [
    re.compile(r"/\s*Handout\b|\bHandout via\b", re.I),  # "Press Office/Handout via AGENCY"
    re.compile(r"\b(?:Photo|Photograph|Picture|Image|Photo credit|Credit)s?\s*:", re.I),
    re.compile(r"\bGetty Images\b|\bAP Photo\b"),
    # "AFP/Getty", "AGENCY/Firstname Lastname": agency slash credits close a caption.
    re.compile(r"\b(?:AFP|EPA|REUTERS|Reuters|AP|UPI|ANP|DPA|ANSA|XINHUA|Xinhua|SIPA)(?:-EFE)?\s*/\s*[A-Z][^/]{0,60}$"),
    re.compile(r"\b(?:Photo|Photograph|Picture)\s+(?:by|courtesy)\b", re.I),
    re.compile(r"\(\s*[^()]{2,80}\bvia\s+[^()]{2,40}\)\s*$"),  # "(Parliament office/Handout via Agency)"
    re.compile(r"\bvia\s+[A-Z]{2,}(?:\s+[A-Z]{2,})?\s*$"),  # "... via AGENCY"
    re.compile(r"^[a-z]{2,4}\d{6,}\b"),  # agency picture ids: "epa01234567 ..."
    re.compile(r"\b[A-Z]{2,}/[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3}\s*$"),  # "AGENCY/FIRSTNAME LASTNAME"
    re.compile(r"^(?:FILE PHOTO|FILE)\s*[:\-]", re.I),
]
# A picture described in the present tense with a date: "X are seen at ... on Mar. 4, 2021."
PICTURE_VERB = re.compile(
    r"\b(?:is|are) (?:seen|pictured|shown|photographed)\b|\b(?:attends|gestures|poses|stands|walks|speaks|holds|"
    r"arrives|looks on|waves|chant|chants|march|marches|gather|gathers|pass|passes|carry|carries|take part|takes part)\b"
)

CREDIT = re.compile(
    r"^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|edited|written|research|graphics|"
    r"photos|video|production|fact[- ]checking|translation|translated)\s+by\b",
    re.I,
)
# Contributor notes at the foot of agency copy. The names are captured for the author list.
_CREDIT_NAME = r"[A-Z][\w'\u2019.\-]+(?:\s+[A-Z][\w'\u2019.\-]+){1,3}"
_CREDIT_NAMES = rf"{_CREDIT_NAME}(?:\s*(?:,|\band\b)\s*{_CREDIT_NAME})*"
CONTRIBUTION_PATTERNS = [
    re.compile(rf"^(?P<names>{_CREDIT_NAMES})\s+reported\s+(?:from|in)\b"),
    re.compile(
        rf"\b(?:writers?|reporters?|correspondents?|journalists?)\s+(?P<names>{_CREDIT_NAMES})"
        rf"(?:\s+(?:in|from)\s+[A-Z][\w .'\u2019\-]*?)?\s+contributed\b"
    ),
    re.compile(rf"^(?P<names>{_CREDIT_NAMES})\s+contributed\s+(?:reporting|to\s+this\s+(?:report|story|article))\b"),
]
MAX_CONTRIBUTION_WORDS = 40
BIO = re.compile(
    r"^[A-Z][\w'\u2019.\-]*(?:\s+[\w'\u2019.\-]+){0,4}\s+(?:is|was|has been|covers|writes)\b[^.]{0,80}?"
    r"\b(?:reporter|journalist|correspondent|editor|writer|columnist|producer|contributor|bureau chief|"
    r"news\s+team|newsroom|staff writer)s?\b"
)
HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Gen|Col|Capt|Sen|Rep|Gov|President|Minister)\b\.?")
COMMENT = re.compile(
    r"^(?P<name>[A-Z][\w'\u2019\-]*\.?(?:\s+[A-Z][\w'\u2019\-]*\.?){0,2})\s*(?:[\u2014\u2013]|\s-)\s+\S"
)
RELATED = re.compile(
    r"^(?:read(?:\s+more|\s+also)?|also\s+read|more|more\s+on\s+this|related(?:\s+(?:topics|articles|stories|coverage|content|news|reading))?"
    r"|see\s+also|watch|listen|opinion|analysis|explainer|recommended|most\s+read|trending|latest|you\s+may\s+also\s+like)"
    r"\s*(?::|\u2013|\u2014|\||>|$)",
    re.I,
)
SHARE = [
    re.compile(r"^follow\s+(?:him|her|them|us|me|the author|@)", re.I),
    re.compile(
        r"^(?:share|share this|share this article|tweet|twitter|x|facebook|linkedin|whatsapp|email|e-mail|print|"
        r"reddit|telegram|copy link|comments?|subscribe|sign up)[\s:!.]*$",
        re.I,
    ),
    re.compile(r"^(?:https?://|www\.)\S+$", re.I),
    re.compile(r"^@\w+$"),
]
NOTE = [
    re.compile(r"^(?:editor'?s?\u2019?s?\s+)?note\s*:", re.I),
    re.compile(r"^(?:correction|clarification|update)\s*:", re.I),
    re.compile(r"\bposted in accordance with\b|\bfair use\b.*\bcopyright\b", re.I),
    re.compile(r"\bpowered by (?:automated|machine) translation\b|\bautomatically translated\b", re.I),
    re.compile(r"^(?:\u00a9|\(c\)|copyright\b)", re.I),
    re.compile(r"\ball rights reserved\b", re.I),
    re.compile(r"^this (?:article|story|page|report) (?:was|has been) (?:updated|corrected|amended|edited)\b", re.I),
]
# Calls to action of advocacy sites that republish news reports.
ADVOCACY = re.compile(
    r"\bACTION ALERT\b|^ACTION\s*:|\b(?:email|call|write to|contact|tell)\s+(?:your\s+)?(?:representatives?|senators?|congress|mps?|member of parliament|legislators?|congressman|congresswoman)\b"
    r"|\bI urge you\b|\btake action\b|\bsign (?:the|our) petition\b|\bdonate (?:now|today)\b|\bjoin (?:us|the campaign)\b",
    re.I,
)
_QUOTE_OPEN = "\"'\u201c\u2018"


def _matches_any(patterns: list[re.Pattern[str]], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def is_caption(text: str) -> bool:
    """A photo caption or credit (credit conventions of agencies and picture desks)."""
    return _matches_any(CAPTION_PATTERNS, text)


def is_picture_description(text: str) -> bool:
    """Present-tense description of a picture with a dated place ("... attend a rally in X, Mar. 4, 2021")."""
    return bool(PICTURE_VERB.search(text) and re.search(DATE_TEXT, text, re.I)) and len(_words(text)) < 80


def is_credit(text: str) -> bool:
    """Agency credit lines: "Reporting by ...; Editing by ...", "Writing by ...", and contributor
    notes: "Jane Doe reported from City.", "Agency writer John Roe contributed from City."."""
    if CREDIT.match(text) is not None:
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
    if match is None:
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
    return BY_LINE.match(text) is not None and len(_words(text)) <= 16 and not has_sentence_body(text)


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
    return len(_words(text)) > 20


def is_headline_like(text: str) -> bool:
    """No final sentence punctuation and not too long: a title, sub-heading or link."""
    words = _words(text)
    return 0 < len(words) <= 30 and not re.search(r"[.!:;,][\"'\u201d\u2019)\]]*$", text.strip())


def is_kicker(text: str) -> bool:
    """A desk/section label above the title: one to three capitalised words."""
    words = _words(text)
    return 1 <= len(words) <= 3 and all(w[0].isupper() for w in words) and not has_final_punctuation(text)


def is_section_heading(text: str) -> bool:
    """A sub-heading inside the body: a short question, or a short title-case line."""
    words = _words(text)
    if not words or len(words) > 14 or text[:1] in _QUOTE_OPEN:
        return False
    if text.rstrip().endswith("?"):
        return True
    return not has_final_punctuation(text) and (len(words) <= 4 or (len(words) <= 8 and is_title_case(text)))


def is_related_headline(text: str) -> bool:
    """A headline-like link inside the body: "Somebody: something ...", or a quoted-phrase headline."""
    if not is_headline_like(text) or text.rstrip().endswith("?"):
        return False
    words = _words(text)
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


# Context-free rules, in priority order: the first that matches names the kind.
FURNITURE_RULES: list[tuple[ParagraphKind, Callable[[str], bool]]] = [
    ("credit", is_credit),
    ("note", is_note),
    ("caption", is_caption),
    ("dateline", is_dateline),
    ("byline", is_byline),
    ("share", is_share),
    ("related", is_related),
]


def classify_paragraphs(texts: list[str]) -> list[ParagraphKind]:
    """The kind of each paragraph: "body" for the reporter's text, else the kind of furniture."""
    plain = [plain_text(t) for t in texts]
    kinds: list[ParagraphKind] = ["body"] * len(texts)
    for index, text in enumerate(plain):
        for kind, rule in FURNITURE_RULES:
            if rule(text):
                kinds[index] = kind
                break
    headline_index = _mark_header(plain, kinds, texts)
    _mark_preamble(plain, kinds, headline_index)
    _mark_tail(plain, kinds)
    _mark_inner_headings(plain, kinds, texts)
    return kinds


def _mark_header(plain: list[str], kinds: list[ParagraphKind], raw: list[str]) -> int | None:
    """Headline, kicker, standfirst, repeated title, bylines and captions above the first body paragraph."""
    if not plain:
        return None
    index = 0
    # A kicker ("World News") directly above a title-like line.
    if kinds[0] == "body" and len(plain) > 1 and is_kicker(plain[0]) and is_headline_like(plain[1]) and kinds[1] == "body":
        kinds[0] = "section"
        index = 1
    while index < len(plain) and kinds[index] != "body":
        index += 1
    if index >= len(plain):
        return None
    first = plain[index]
    markdown_title = raw[index].lstrip().startswith("#")
    if not (markdown_title or is_headline_like(first) or (len(_words(first)) <= 14 and not first.endswith("."))):
        return None
    kinds[index] = "headline"
    headline = first
    position = index + 1
    # The header block: until the first paragraph that reads like reporting.
    while position < len(plain):
        text = plain[position]
        kind = kinds[position]
        if repeats_headline(text, headline):
            kinds[position] = "headline"
        elif kind != "body":
            pass
        elif position == index + 1 and is_headline_like(text) and len(_words(text)) >= 6 and not is_advocacy(text):
            kinds[position] = "headline"  # standfirst (dek) under the title
        elif is_picture_description(text):
            kinds[position] = "caption"
        elif looks_like_person(text) or looks_like_organisation(text) and len(_words(text)) <= 5:
            kinds[position] = "byline"  # a bare author (or outlet) name line
        elif is_located_byline(text):
            kinds[position] = "byline"  # "Jane Doe in City"
        else:
            if not _later_repeat(plain, position, headline):
                break
        position += 1
    return index


def _later_repeat(plain: list[str], position: int, headline: str) -> bool:
    """Whether the headline is repeated within the next few paragraphs (republisher layouts)."""
    return any(repeats_headline(text, headline) for text in plain[position + 1 : position + 12])


def _mark_preamble(plain: list[str], kinds: list[ParagraphKind], headline_index: int | None) -> None:
    """Advocacy text before a republished article: calls to action, and all between title and its repeat."""
    start = 0 if headline_index is None else headline_index + 1
    repeat = None
    if headline_index is not None:
        for position in range(start, min(len(plain), start + 15)):
            if repeats_headline(plain[position], plain[headline_index]):
                repeat = position
                break
    block = range(start, repeat) if repeat is not None else range(start, len(plain))
    advocacy = [i for i in block if kinds[i] in ("body", "caption", "byline") and is_advocacy(plain[i])]
    if not advocacy:
        return
    if repeat is not None:
        for i in block:
            if kinds[i] in ("body", "caption", "byline"):
                kinds[i] = "preamble"
        return
    # No repeated title: the leading run of calls to action (before any reporting).
    for i in block:
        if kinds[i] != "body" and kinds[i] != "preamble":
            continue
        if is_advocacy(plain[i]) or (i - 1 in advocacy and i + 1 in advocacy):
            kinds[i] = "preamble"
        else:
            break


def _mark_tail(plain: list[str], kinds: list[ParagraphKind]) -> None:
    """Reader comments and their closing notices near the end, then author bios."""
    _mark_comments(plain, kinds)
    _mark_bios(plain, kinds)


def _first_body(kinds: list[ParagraphKind]) -> int | None:
    return next((i for i, k in enumerate(kinds) if k == "body"), None)


def _mark_comments(plain: list[str], kinds: list[ParagraphKind]) -> None:
    """Everything from the first signed comment to the end (notices keep their kind) is comments."""
    count = len(plain)
    first_body = _first_body(kinds)
    if first_body is None:
        return
    comments = [i for i in range(first_body + 1, count) if kinds[i] == "body" and is_comment(plain[i])]
    if not comments:
        return
    # One signed comment only counts in the last part of the page; a run counts anywhere after the lead.
    late = [i for i in comments if i >= count * 0.6]
    start: int | None
    if len(comments) >= 2:
        start = comments[0] if len(comments) - len(late) <= 1 else late[0] if len(late) >= 2 else None
    else:
        start = late[0] if late and count - late[0] <= 3 else None
    if start is None:
        return
    # Comments fill the tail: most remaining reporting-like paragraphs must be signed.
    rest = [i for i in range(start, count) if kinds[i] == "body"]
    if sum(i in comments for i in rest) < 0.6 * len(rest):
        return
    for i in range(start, count):
        if kinds[i] == "body":
            kinds[i] = "comment"


def _mark_bios(plain: list[str], kinds: list[ParagraphKind]) -> None:
    """ "<Full Name> is a reporter ..." in the second half, closing the article."""
    count = len(plain)
    first_body = _first_body(kinds)
    if first_body is None:
        return
    for i in range(first_body + 1, count):
        # A bio closes the article: at most one reporting-like paragraph may follow it.
        trailing_body = sum(kinds[j] == "body" for j in range(i + 1, count))
        if kinds[i] == "body" and is_bio(plain[i]) and i >= count * 0.5 and trailing_body <= 1:
            kinds[i] = "bio"


def _mark_inner_headings(plain: list[str], kinds: list[ParagraphKind], raw: list[str]) -> None:
    """Sub-headings and headline-like related links between body paragraphs; bare bylines after the title."""
    for i, text in enumerate(plain):
        if kinds[i] != "body" or BULLET.match(raw[i]):
            continue
        if raw[i].lstrip().startswith("#"):
            kinds[i] = "section"
        elif is_related_headline(text):
            kinds[i] = "related"
        elif is_section_heading(text):
            kinds[i] = "section"

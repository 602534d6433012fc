"""The press: journalists' roles, media words, wire agencies, credit lines and page furniture.

Patterns of the lines that news pages carry around the reporter's text (captions, credits,
bios, share buttons, related links, notes, advocacy preambles) and of the lines that name a
page's outlet and authors. Ingest uses them to fold furniture away and to read metadata.
"""

from __future__ import annotations

import re

# A journalist's job, singular and lower case: "reporter", "correspondent" ...
JOURNALIST_ROLES = ("reporter", "journalist", "correspondent", "editor", "writer", "columnist", "producer", "contributor")
_ROLE = "|".join(JOURNALIST_ROLES)
# What a credit line credits: "Reporting by ...", "Editing by ...", "Translated by ...".
CREDIT_ROLES = (
    "additional reporting", "reporting", "writing", "written", "compiled", "editing", "edited", "research",
    "graphics", "photos", "video", "production", "translation", "translated", "fact-checking",
)
_CREDIT_ROLE = "|".join(role.replace(" ", r"\s+").replace("-", "[- ]") for role in CREDIT_ROLES)
# The credited roles that make a person an author of the article.
AUTHOR_ROLES = ("reporting", "additional reporting", "writing", "written", "compiled")
# Wire and picture agencies whose credits close a photo caption ("AFP/Getty", "Reuters/Jane Doe"),
# as they write their names; captions may write them in capitals.
WIRE_AGENCIES = ("AFP", "EPA", "Reuters", "AP", "UPI", "ANP", "DPA", "ANSA", "Xinhua", "SIPA")
_AGENCY = "|".join(dict.fromkeys(form for name in WIRE_AGENCIES for form in (name.upper(), name)))

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
    rf"^(?:[A-Z][a-z]+\s+){{0,3}}(?:{'|'.join(role.title() for role in JOURNALIST_ROLES)}|Analyst|Chief|Staff)s?$"
)

# The dateline that opens a report: "(Agency) - ", "CITY (Agency) - ", "CITY - ".
DATELINE_START = re.compile(r"^(?:\([^)]{0,40}\)\s*[—–-]\s*|[A-Z][A-Z .,]{2,40}(?:\([^)]*\))?\s*[—–-]\s+)")

# ------------------------------------------------------------------ captions and credits

# Photo captions and credits. A credit convention anywhere marks the whole paragraph.
CAPTION_PATTERNS = [
    re.compile(r"/\s*Handout\b|\bHandout via\b", re.I),  # "Press Office/Handout via AGENCY"
    re.compile(r"\b(?:Photo|Photograph|Picture|Image|Photo credit|Credit|Screenshot|Screengrab|Screen grab|Illustration)s?\s*:", re.I),
    re.compile(r"\bGetty Images\b|\bAP Photo\b"),
    # "AFP/Getty", "AGENCY/Firstname Lastname": agency slash credits close a caption.
    re.compile(rf"\b(?:{_AGENCY})(?:-EFE)?\s*/\s*[A-Z][^/]{{0,60}}$"),
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
# Agency credit lines: "Reporting by ...; Editing by ...".
CREDIT = re.compile(rf"^\(?\s*(?:{_CREDIT_ROLE})\s+by\b", re.I)
# The same anywhere in a line, with the names credited.
CREDITED_NAMES = re.compile(rf"(?P<role>{_CREDIT_ROLE})\s+by\s+(?P<names>[^;()]+)", re.I)
# Contributor notes at the foot of agency copy. The names are captured for the author list.
_CREDIT_NAME = r"[A-Z][\w'\u2019.\-]+(?:\s+[A-Z][\w'\u2019.\-]+){1,3}"
_CREDIT_NAMES = rf"{_CREDIT_NAME}(?:\s*(?:,|\band\b)\s*{_CREDIT_NAME})*"
CONTRIBUTION_PATTERNS = [
    re.compile(rf"^(?P<names>{_CREDIT_NAMES})\s+reported\s+(?:from|in)\b"),
    re.compile(
        rf"\b(?:{_ROLE})s?\s+(?P<names>{_CREDIT_NAMES})"
        rf"(?:\s+(?:in|from)\s+[A-Z][\w .'\u2019\-]*?)?\s+contributed\b"
    ),
    re.compile(rf"^(?P<names>{_CREDIT_NAMES})\s+contributed\s+(?:reporting|to\s+this\s+(?:report|story|article))\b"),
    # "Dana Whitfield contributed from Ellery."
    re.compile(rf"^(?P<names>{_CREDIT_NAMES})\s+contributed\s+(?:from|in)\s+[A-Z][\w .,'\u2019\-]*\.?$"),
]
MAX_CONTRIBUTION_WORDS = 40
# A credit line closing agency copy reprinted elsewhere: "— The Harbour Wire", "- HWN".
CLOSING_CREDIT = re.compile(r"^[\u2014\u2013-]{1,2}\s*(?P<outlet>(?:The\s+)?[A-Z][\w&.'\u2019\-]*(?:\s+[A-Z][\w&.'\u2019\-]*){0,5})\.?$")
# An author bio: "<Name> is a (breaking news) reporter ...".
BIO = re.compile(
    r"^[A-Z][\w'\u2019.\-]*(?:\s+[\w'\u2019.\-]+){0,4}\s+(?:is|was|has been|covers|writes)\b[^.]{0,80}?"
    rf"\b(?:{_ROLE}|bureau chief|news\s+team|newsroom|staff writer)s?\b"
)
# The outlet a bio names: "joined The X's news team", "a reporter for X", "is The X's chief correspondent".
BIO_OUTLET = [
    re.compile(r"\bjoined\s+(?P<outlet>(?:the\s+)?[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,4}?)(?:'s|\u2019s|'|\u2019)?\s+(?:news\s+team|newsroom|staff|team|news\s+desk)\b"),
    re.compile(rf"\b(?:{_ROLE})\s+(?:for|at|with)\s+(?P<outlet>(?:the\s+)?[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){{0,4}})"),
    re.compile(rf"^[^,]{{0,60}}?\b(?:is|was)\s+(?P<outlet>(?:the\s+)?[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){{0,4}})(?:'s|\u2019s)\s+(?:[\w-]+\s+){{0,3}}(?:{_ROLE})\b"),
]
# "Source: The Daily Planet and news agencies": a page's own attribution footer.
SOURCE_FOOTER = re.compile(r"^Sources?\s*:\s*(?P<outlet>[A-Z][^,;:]{1,40}?)(?:\s*(?:,|and)\s*(?:other\s+)?(?:news\s+)?(?:wire\s+)?agencies)?\.?$")
# "© 2021 The Daily Planet": the owner of a copyright line.
COPYRIGHT = re.compile(r"^(?:\u00a9|\(c\)|copyright)\s*(?:\u00a9\s*)?(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*)?(?P<owner>[^.;|]{2,60})", re.I)

# ------------------------------------------------------------------ links, buttons, notes

# Links to other stories: "Read: ...", "Related Topics", "Opinion: ...", "Watch: ...".
RELATED = re.compile(
    r"^(?:read(?:\s+more|\s+also)?|also\s+read|more|more\s+on\s+this|related(?:\s+(?:topics|articles|stories|coverage|content|news|reading))?"
    r"|see\s+also|watch|listen|opinion|analysis|explainer|recommended|most\s+read|trending|latest|you\s+may\s+also\s+like)"
    r"\s*(?::|\u2013|\u2014|\||>|$)"
    # Multi-word labels are never a sentence's start: "Related stories OH NO, ...".
    r"|^(?:related (?:stories|articles|content|coverage|links|news)|more on this (?:story|topic)|you (?:may|might) also like)\b",
    re.I,
)
# Share buttons and follow prompts: "twitter", "Follow him on X", a URL alone.
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
# Editorial and legal notes: "Note: This page was updated ...", copyright lines.
NOTE = [
    re.compile(r"^(?:editor'?s?\u2019?s?\s+)?note\s*:", re.I),
    re.compile(r"^(?:correction|clarification|update)\s*:", re.I),
    re.compile(r"\bposted in accordance with\b|\bfair use\b.*\bcopyright\b", re.I),
    re.compile(r"\bpowered by (?:automated|machine) translation\b|\bautomatically translated\b", re.I),
    re.compile(r"^(?:\u00a9|\(c\)|copyright\b)", re.I),
    re.compile(r"\ball rights reserved\b", re.I),
    re.compile(r"^this (?:article|story|page|report) (?:was|has been) (?:updated|corrected|amended|edited)\b", re.I),
    re.compile(r"\bappear(?:s|ed)? in print on\b|\bin (?:the )?print edition of\b", re.I),
]
# Calls to action of advocacy sites that republish news reports.
ADVOCACY = re.compile(
    r"\bACTION ALERT\b|^ACTION\s*:|\b(?:email|call|write to|contact|tell)\s+(?:your\s+)?(?:representatives?|senators?|congress|mps?|member of parliament|legislators?|congressman|congresswoman)\b"
    r"|\bI urge you\b|\btake action\b|\bsign (?:the|our) petition\b|\bdonate (?:now|today)\b|\bjoin (?:us|the campaign)\b",
    re.I,
)


# ------------------------------------------------------------------ date lines

# The words around a page's own date: "Posted on", "Last updated at", "First published",
# "Story created", "For immediate release" (lower case).
PUBLICATION_LABELS = frozenset(
    "updated update posted published publish first last originally created modified edited released "
    "release filed story article page time date on at for immediate local hrs".split()
)

# ------------------------------------------------------------------ page furniture of web pages

# Picture agencies and desks that credit photos, besides the wire agencies.
PICTURE_AGENCIES = ("Getty Images", "Getty", "PA", "Rex Features", "Rex", "Shutterstock", "Alamy", "SWNS", "Corbis")
_PICTURE_CREDIT = "|".join(
    re.escape(form) for name in WIRE_AGENCIES + PICTURE_AGENCIES for form in dict.fromkeys((name, name.upper()))
)
# A caption closed by its credit in brackets: "Dockers march to the harbour (Getty)".
BRACKETED_PICTURE_CREDIT = re.compile(rf"\((?:{_PICTURE_CREDIT})(?:\s*/\s*[^()]{{1,40}})?\)\s*$")
# A caption opened by its credit: "GETTY Dockers march ...", "AP:Associated Press Dockers ...".
# The desk's role may follow the agency: "AGENCY - Contributor", "AGENCY/Pool".
_CREDIT_ROLE_SUFFIX = r"(?:\s*[-/]\s*(?:Contributor|Staff|Pool|Handout|Stringer|File))?"
LEADING_PICTURE_CREDIT = re.compile(rf"^(?:(?:{_PICTURE_CREDIT})\b{_CREDIT_ROLE_SUFFIX}\s*[:\u2022|/]?\s*)+(?=[A-Z])")
# Where a person stands in a picture: "(left)", "(right, pictured in May)".
PICTURE_POSITION = re.compile(r"\((?:left|right|centre|center|pictured|top|bottom|above|below|inset|far left|far right)\b[^()]*\)", re.I)
# Image and video labels of page templates: "Image copyright X Image caption ...", "Enlarge this image".
IMAGE_LABEL = re.compile(
    r"^(?:image (?:copyright|caption|source)|enlarge this image|toggle caption|hide caption|click to (?:enlarge|expand)"
    r"|expand image|\d{1,3}\s*/\s*\d{1,3}\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b)",  # "2/34 29 November 2031 ..." (a gallery)
    re.I,
)
MEDIA_LABEL = re.compile(
    r"^(?:media playback is (?:unsupported|not supported) on (?:your|this) device|media caption"
    r"|your browser does not support (?:iframes|the video|html5 video|video)|now playing|up next|video (?:player|caption)s?\b)"
    r"|\b(?:in pictures|photo gallery|picture gallery)\s*$",
    re.I,
)
# The controls of a gallery or video player, printed as text: "1 of 26 Full Screen Autoplay Close
# Skip Ad ... Buy Photo Wait 1 second to continue". Two of them make the paragraph the player's.
PLAYER_CONTROLS = re.compile(
    r"^\d{1,3}\s+of\s+\d{1,3}\b|\bfull ?screen\b|\bautoplay\b|\bskip ad\b|\bview (?:photos|gallery)\b|\bbuy photo\b"
    r"|\bwait \d+ seconds? to continue\b|\bclick to play\b|\bunmute\b",
    re.I,
)
# Advertisement markers and continue-reading prompts: a line made of nothing else.
ADVERT_PHRASES = re.compile(
    r"\b(?:advertisement|advert|sponsored content|skip advertisement|ad feedback|supported by"
    r"|(?:story|article) continues (?:below|after (?:this )?advertisement)(?: advertisement)?"
    r"|continue reading(?: the main story| below| the rest of (?:the|this) (?:story|article))?"
    r"|scroll (?:down )?to continue(?: reading| with content)?)\b",
    re.I,
)
# Newsletter and sign-up blocks: the offer, and the form's own words and errors.
SIGNUP_OFFER = re.compile(r"^(?:[\w'\u2019]+\s+){0,3}?(?:newsletters?|sign up|sign-up|subscribe)\b", re.I)
SIGNUP_FORM = re.compile(
    r"\b(?:(?:enter|provide) (?:a |your )?(?:valid )?e-?mail(?: address)?|invalid e-?mail|e-?mail address"
    r"|verify you'?\u2019?re not a robot|privacy (?:policy|notice)|unsubscribe|thank you for (?:signing up|subscribing)"
    r"|you(?:'re|\u2019re| are) (?:now )?(?:all )?(?:signed up|subscribed)|please try again|something went wrong"
    r"|e-?mail (?:address )?(?:is invalid|cannot be used)|register with your social account)\b",
    re.I,
)
_OUTLET_NAME = r"(?P<outlet>(?:the\s+)?[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,4}?)"
# The outlet a sign-up block names: "offers for The Harbour Herald's products", "View all Harbour Herald newsletters".
SIGNUP_OUTLET = [
    re.compile(rf"\b(?:offers|updates|news) (?:from|for) {_OUTLET_NAME}(?:'s|\u2019s)\s+(?:products|services)\b"),
    re.compile(rf"\bView all {_OUTLET_NAME} newsletters\b"),
]
# Most-read and trending sidebars.
SIDEBAR = re.compile(
    r"^(?:most (?:read|popular|viewed|shared|watched)|trending(?: now| stories| today)?|top stories|popular now"
    r"|editor'?s?\u2019?s? picks|more from)\b",
    re.I,
)
# Tip-off and contact appeals to the reader.
APPEAL = re.compile(
    r"\b(?:do you have|have you got|got) a (?:story|news tip|tip|video|picture)s?\b|\bwe pay for (?:your )?(?:stories|videos|pictures)\b"
    r"|\b(?:email|e-mail|contact|call|message|write to) (?:us|the (?:writers?|authors?|reporters?|news ?desk))\b"
    r"|\bif you (?:witnessed|saw|were (?:there|affected|involved)|have (?:any )?(?:information|pictures|video))\b.{0,160}"
    r"\b(?:form below|contact us|email us|get in touch|share (?:it|them|your))\b"
    r"|\bshare your (?:story|experiences?|pictures|photos|videos) with us\b|\bsend us your\b",
    re.I,
)
# The outlet an appeal names: "a story for The Harbour Herald news team".
APPEAL_OUTLET = re.compile(rf"\bfor {_OUTLET_NAME}(?:'s|\u2019s)?\s+(?:news\s*team|newsdesk|news desk)\b")
# Social-media posts embedded in a page.
EMBED = re.compile(
    r"\bA post shared by\b|\bView this post on Instagram\b|\bpic\.twitter\.com/\w+"
    r"|[\u2014\u2013-]\s*[^\u2014\u2013()]{1,60}\(@\w{1,30}\)\s*(?:on\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?)\s+\d{4}\s*$",  # "March 3, 2031" or "3 March 2031"
)
# Social follow prompts: "Like Harbour Wire World on Facebook", "Chat with us in Facebook Messenger".
FOLLOW = re.compile(
    r"^(?:(?:like|follow|chat with|join|find) (?:us|[A-Z][\w'\u2019 ]{0,40}?)|check (?:us|[A-Z][\w'\u2019 ]{0,40}?) out) (?:on|in) "
    r"(?:facebook|twitter|instagram|messenger|linkedin|youtube|whatsapp|telegram|tiktok|x)\b",
    re.I,
)
# A "Read more" link closing a related headline: "Harbour strike ends | Dana Whitfield Read more".
READ_MORE_TAIL = re.compile(r"\bread more\s*$", re.I)

# ------------------------------------------------------------------ picture credits by their form

# A picture credit is a photographer and the organisation they shoot for, joined by a slash, or
# a desk whose name says pictures; no list of agencies is needed to read it.
_CREDIT_PART = r"(?:[Tt]he\s+)?[A-Z][\w.&'\u2019\-]*(?:\s+[A-Z][\w.&'\u2019\-]*){0,3}"
_SLASH_CREDIT = rf"{_CREDIT_PART}(?:\s*/\s*{_CREDIT_PART})+(?:\s+via\s+{_CREDIT_PART})?(?:\s*,\s*(?:File|Pool))?"
# Words that name a picture desk or library: "Harbour Images", "Ellery Photos", "Dockside Pictures".
PICTURE_DESK_WORD = r"(?:Images|Photos|Pictures|Photography|Photographs|Imagery)"
# Closing a caption, in brackets: "(Dana Whitfield/Harbour Images)", "(Harbour Images)",
# "(Dana Whitfield/Harbour Herald via HWN, File)".
BRACKETED_CREDIT = re.compile(
    rf"\(\s*(?:{_SLASH_CREDIT}|{_CREDIT_PART}\s+{PICTURE_DESK_WORD}(?:\s*/\s*{_CREDIT_PART})?)\s*\)\s*$"
)
# Closing a caption's sentence, bare: "Dockers march to the gates. Dana Whitfield/Harbour Images".
TRAILING_SLASH_CREDIT = re.compile(rf"[.!?\"\u201d]\s+{_SLASH_CREDIT}\s*$")
# Opening a caption: "Harbour Images or licensors Dockers march ..." (a picture library's formula).
LICENSOR_CREDIT = re.compile(rf"^{_CREDIT_PART}\s+or\s+licensors\b")
# Closing a caption's sentence with a bare agency name: "... in Ellery on Thursday. AFP".
TRAILING_AGENCY_CREDIT = re.compile(rf"[.!?]\s+(?:{_PICTURE_CREDIT})\s*$")

# ------------------------------------------------------------------ print edition

# "A version of this article appears in print on March 4, 2031, on Page A1 of the New York edition",
# "(Harbour Herald Weekly 03/04/2031 page1)": where the report ran in the paper.
PRINT_EDITION_TAG = re.compile(
    r"^\(\s*(?P<outlet>[A-Z][\w&.'\u2019\-]*(?:\s+[A-Z][\w&.'\u2019\-]*){0,5})\s+"
    r"(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}|\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})"
    r"\s*,?\s*(?i:page|p\.?)\s*[A-Z]?\d{1,3}\s*\)$"
)
PRINT_EDITION_DATE = re.compile(r"\bappear(?:s|ed)? in print on\s+(?P<date>[^,]+,\s*\d{4}|[^,]+)", re.I)

# ------------------------------------------------------------------ notes inside a paragraph

# A note label that opens a note in the middle of a paragraph: "... that year. Editor's note: A
# previous version of this video ...". The paragraph is split there.
INNER_NOTE_LABEL = re.compile(
    r"(?<=[.!?\"\u201d\u2019)])\s+(?=(?:Editor['\u2019]?s['\u2019]?\s+note|Correction|Clarification)\s*:)", re.I
)
# A page's date label run into the headline before it: "Ferry order signed Updated: 2031-03-03 06:50
# (HWN)". The paragraph is split there too.
INNER_DATE_LABEL = re.compile(
    r"(?<=\S)\s+(?=(?:Last\s+)?(?:Updated|Published|Posted)\s*:\s*(?:\d|[A-Z][a-z]{2,8}\.?\s+\d))"
)
# A paragraph held in square brackets: "[Harbour strike ends after a week]", a link the page
# prints between paragraphs.
BRACKETED_LINE = re.compile(r"^\[[^\[\]]{3,300}\]$")

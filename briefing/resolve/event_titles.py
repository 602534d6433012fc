"""Event titles: the main clause of an event's most representative sentence, trimmed to a
headline, with its key participant."""

from __future__ import annotations

import re
from collections import Counter

from briefing.lexicon.events import LEADING_ADVERBIAL, NOT_A_SUBJECT, SUBORDINATORS
from briefing.lexicon.press import DATELINE_START
from briefing.lexicon.titles import LOOSE_DEMONYM_ENDINGS
from briefing.model import DateValue
from briefing.resolve.event_mentions import CandidateMention

# A one-word nationality or group adjective ("Ruritanian", "Sunni") is no headline name.
DEMONYM = re.compile(rf"^[A-Z][a-z’'-]+(?:{'|'.join(LOOSE_DEMONYM_ENDINGS)})$")
# An event title is cut after this many words.
MAX_TITLE_WORDS = 14


def event_title(mentions: list[CandidateMention], date: DateValue | None, names: Counter) -> str:
    """The main clause of the most representative sentence, trimmed, with its key participant.

    The sentence is one that tells the event by a verb of its commonest action class ("parliament
    backed a resolution"), not one that only names it ("operations paused before the vote"),
    when there is one."""
    top = [n for n, _ in sorted(names.items(), key=lambda item: (-item[1], item[0]))]
    classes = Counter(m.cls for m in mentions)
    main_class = min(classes, key=lambda c: (-classes[c], c))

    def score(m: CandidateMention) -> tuple:
        dated = 1 if (date is not None and m.date is not None and m.date.value == date.value) else 0
        tells = 1 if (m.cls == main_class and not m.candidate.nominal) else 0
        covered = sum(1 for n in top[:3] if n in m.candidate.sentence)
        return (-dated, -tells, -covered, len(m.candidate.sentence), m.source, m.candidate.start)

    best = min(mentions, key=score)
    title = _trim(best.candidate.sentence, best.candidate.trigger)
    shown = [n for n in top if not DEMONYM.match(n) and not n.islower()]
    if shown and not any(n.lower() in title.lower() for n in shown[:3]):
        title = f"{title} ({shown[0]})"
    return title




def _trim(sentence: str, trigger: str) -> str:
    text = DATELINE_START.sub("", sentence.strip())
    text = text.strip("“”\"' ")
    match = LEADING_ADVERBIAL.match(text)
    if match and re.search(rf"\b{re.escape(trigger)}\b", text[match.end():]):
        text = text[match.end():]
        text = text[:1].upper() + text[1:]
    words = text.split()
    position = next((i for i, w in enumerate(words) if re.sub(r"\W", "", w) == re.sub(r"\W", "", trigger)), 0)
    # start at the clause of the trigger: "... was called after [a drone strike on Friday killed X]"
    for i in range(position - 1, max(-1, position - 7), -1):
        if words[i].lower().strip(",") in SUBORDINATORS and position - i >= 2 and i > 2:
            if words[i + 1].lower() in NOT_A_SUBJECT:
                break  # "who resigned", "that it will": keep the whole sentence
            rest = words[i + 1 :]
            if len(rest) >= 5:
                words, position = rest, position - i - 1
                words[0] = words[0][:1].upper() + words[0][1:]
                text = " ".join(words)
            break
    if len(words) <= MAX_TITLE_WORDS:
        return text.rstrip(" .,;:")
    if position < MAX_TITLE_WORDS - 3:
        end = max(MAX_TITLE_WORDS - 2, position + 5)
        # stop at a clause boundary after the trigger when there is one
        for i in range(position + 2, min(end, len(words))):
            if words[i].endswith((",", ";", ":")):
                end = i + 1
                break
        return " ".join(words[:end]).rstrip(" .,;:") + " …"
    start = max(0, position - 6)
    return "… " + " ".join(words[start : position + 7]).rstrip(" .,;:") + " …"


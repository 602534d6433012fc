"""Write briefing/lexicon/event_synonyms.py: words that name one kind of happening, from WordNet.

usage: python scripts/event_synonyms.py [WORDNET_DICT_DIR]   (default /usr/share/wordnet,
       Debian's wordnet-base; any WordNet 3.0 "dict" folder works)

Only the most frequent sense of a word counts, so that "fire" the blaze is not "fire" the
dismissal. Two words are one group when
- they are nouns whose most frequent sense is the same act, event, phenomenon or process
  ("earthquake", "quake", "temblor");
- one is such a noun and the other the verb it is derived from, the verb's first or second
  sense ("theft" and "steal", "foiling" and "foil");
- they are verbs whose most frequent sense is the same synset, with a noun of the group
  ("foil" and "thwart", "murder" and "slay").
A group keeps words of one token, and is written only when it holds a noun of a happening and a
verb (nouns alone rarely differ in news: "abdominocentesis", "paracentesis").
WordNet 3.0 is Princeton University's, under its BSD-style licence.
"""

from __future__ import annotations

import sys
import textwrap
from collections import defaultdict
from pathlib import Path

HAPPENING_FILES = {4, 11, 19, 22}  # noun.act, noun.event, noun.phenomenon, noun.process
VERB_SENSES = 2  # a noun's verb counts when it is one of the verb's first two senses
TARGET = Path(__file__).resolve().parent.parent / "briefing" / "lexicon" / "event_synonyms.py"

Synset = tuple[int, list[str], list[tuple[str, str, str, str]]]  # lexicographer file, words, pointers


def read_index(path: Path) -> dict[str, list[str]]:
    """lemma -> synset offsets, the most frequent sense first."""
    senses = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):  # the licence header
            continue
        fields = line.split()
        pointers = int(fields[3])
        senses[fields[0]] = fields[6 + pointers :]
    return senses


def read_data(path: Path) -> dict[str, Synset]:
    """offset -> (lexicographer file, words, pointers as (symbol, offset, pos, source/target))."""
    synsets = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        words = [fields[4 + 2 * k].lower() for k in range(count)]
        at = 4 + 2 * count
        pointers = [tuple(fields[at + 1 + 4 * k : at + 5 + 4 * k]) for k in range(int(fields[at]))]
        synsets[fields[0]] = (int(fields[1]), words, pointers)
    return synsets


def one_token(word: str) -> bool:
    return word.isalpha() and word.islower()


def synonym_groups(folder: Path) -> list[list[str]]:
    noun_index, verb_index = read_index(folder / "index.noun"), read_index(folder / "index.verb")
    nouns, verbs = read_data(folder / "data.noun"), read_data(folder / "data.verb")
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_first_sense: dict[str, list[str]] = defaultdict(list)
    for verb, offsets in verb_index.items():
        if one_token(verb):
            by_first_sense[offsets[0]].append(f"v:{verb}")
    for members in by_first_sense.values():
        for member in members[1:]:
            union(members[0], member)
    by_first_sense = defaultdict(list)
    for noun, offsets in noun_index.items():
        if one_token(noun) and nouns[offsets[0]][0] in HAPPENING_FILES:
            by_first_sense[offsets[0]].append(noun)
    for offset, members in by_first_sense.items():
        for member in members[1:]:
            union(f"n:{members[0]}", f"n:{member}")
        find(f"n:{members[0]}")
        words = nouns[offset][1]
        for symbol, target, pos, source_target in nouns[offset][2]:
            if symbol != "+" or pos != "v":
                continue
            source, word = int(source_target[:2], 16), int(source_target[2:], 16)
            if not source or not word or words[source - 1] not in members:
                continue
            verb = verbs[target][1][word - 1]
            if one_token(verb) and target in verb_index.get(verb, [])[:VERB_SENSES]:
                union(f"n:{members[0]}", f"v:{verb}")
    groups: dict[str, set[str]] = defaultdict(set)
    for member in list(parent):
        groups[find(member)].add(member)
    # one word, one group: a noun and a verb written alike are the same lemma to the pipeline
    lemma_parent: dict[str, str] = {}

    def lemma_find(x: str) -> str:
        lemma_parent.setdefault(x, x)
        while lemma_parent[x] != x:
            lemma_parent[x] = lemma_parent[lemma_parent[x]]
            x = lemma_parent[x]
        return x

    for members in groups.values():
        if not any(m.startswith("n:") for m in members) or not any(m.startswith("v:") for m in members):
            continue
        words = sorted({m[2:] for m in members})
        for word in words:
            a, b = lemma_find(words[0]), lemma_find(word)
            if a != b:
                lemma_parent[max(a, b)] = min(a, b)
    lemma_groups: dict[str, set[str]] = defaultdict(set)
    for word in list(lemma_parent):
        lemma_groups[lemma_find(word)].add(word)
    return sorted(sorted(g) for g in lemma_groups.values() if len(g) > 1)


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    text = textwrap.fill(" | ".join(" ".join(group) for group in synonym_groups(folder)), width=140)
    TARGET.write_text(
        '"""Words that name one kind of happening, in groups separated by "|": WordNet 3.0 nouns of an\n'
        "act, event, phenomenon or process sharing their most frequent sense, the verbs they derive from\n"
        "and the verbs sharing those verbs' most frequent sense (\"earthquake quake temblor\", \"foil\n"
        'thwart"). Generated by scripts/event_synonyms.py from WordNet (Princeton University,\n'
        'BSD-style licence); do not edit."""\n\n'
        'SYNONYM_GROUPS = tuple(\n    group.split()\n    for group in """\n' + text + '\n""".split("|")\n)\n',
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()

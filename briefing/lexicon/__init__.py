"""English news language as data: every word list and pattern the stages share.

One module a topic, each entry declared once with a comment on what it is for:

- `calendar`: month and weekday names, as numbers and as regular-expression alternations;
- `numbers`: number words, multipliers, approximators;
- `titles`: honorifics and titles before a name, name particles, the heads that make a
  name an organisation or a place, institution nouns;
- `speech`: verbs of saying (direct, indirect, reporting only), pronouns, the nouns that speak;
- `press`: journalists' roles, media words, wire agencies, credit lines and page furniture;
- `events`: action classes, event nouns, irrealis heads, weak predicates, time prepositions;
- `kinds`: the nouns of descriptions that say what kind of actor a name is ("the newspaper X");
- `stopwords`: function words left out when texts are compared.

General English only: nothing here names a particular story, outlet or person. No spaCy.
"""

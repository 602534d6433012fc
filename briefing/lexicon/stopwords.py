"""Stop words: function words (and the commonest verbs of saying) left out when texts are compared."""

from __future__ import annotations

STOPWORDS = frozenset(
    """
    a an the and or but if of in on at to for from by with without about against between into onto over under
    after before during since until as than then that this these those there here which who whom whose what
    when where why how is are was were be been being has have had do does did will would could should may
    might must can shall its it he she they them his her their our we you your i me my us also not no nor
    so such too very just only more most other some any each all both few many much one two three said says
    say told tell according new mr mrs ms around
    """.split()
)

# Function words that are never a word of a person's name: a title-case line holding one
# ("What Happens Next", "A Request From the Port") is a heading, not a byline.
NOT_NAME_WORDS = frozenset(
    """
    a an the this that these those what when where why how which from with without into onto about
    after before during over under our your my their its we you is are was were has have had not
    """.split()
)

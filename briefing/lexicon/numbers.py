"""Numbers written in words, and the words that make a count an estimate."""

from __future__ import annotations

# Cardinal number words to their value ("twenty" -> 20; "dozen" -> 12).
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
# Words that multiply the number before them ("three million").
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Words before a number that make it an estimate ("about 50", "at least 50").
APPROXIMATORS = frozenset({"about", "around", "some", "approximately", "nearly", "almost", "roughly", "over", "more", "least", "up", "estimated"})
# How many: "a week ago", "three days ago" (articles "a"/"an" count one), the small counts of time expressions.
SMALL_COUNTS = {"a": 1, "an": 1, **{word: value for word, value in WORD_NUMBERS.items() if value <= 10}}

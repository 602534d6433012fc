"""render.escaping: article text made safe for Markdown, HTML, attributes, titles, file names."""

from __future__ import annotations

import json

import pytest

from briefing.render.escaping import (
    escape_attr,
    escape_html,
    escape_inline,
    escape_markdown,
    plain_title,
    safe_name,
    tag_anchor,
    yaml_title,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("AT&T <b>", "AT&amp;T &lt;b&gt;"),
        ("| a | b |", "&#124; a &#124; b &#124;"),
        ("# heading", "&#35; heading"),
        ("1. item", "&#49;. item"),
        ("- item", "&#45; item"),
        ("> quoted", "&#62; quoted"),
        ("!!! note", "&#33;!! note"),
        ("[x](javascript:alert(1))", r"\[x\](javascript:alert(1))"),
        ("{{ 7*7 }}", r"\{\{ 7\*7 \}\}"),
        ("snake_case `code`", r"snake\_case \`code\`"),
        ("two\n\nlines", "two lines"),
    ],
)
def test_escaping_markdown(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected


def test_escaping_attr_html_and_inline() -> None:
    assert escape_attr('a "b" <c>') == "a &quot;b&quot; &lt;c&gt;"
    assert escape_html('a "b" <c>\n & d') == 'a "b" &lt;c&gt; &amp; d'
    assert escape_inline("# not a heading ") == "# not a heading "  # mid-line: spaces kept, no block syntax


def test_escaping_safe_name() -> None:
    assert safe_name("../x y/z") == "x-y-z"
    assert safe_name("...") == "item"


def test_escaping_titles_use_look_alikes_for_html_characters() -> None:
    assert plain_title('</title> "A" & B\n') == "‹/title› ”A” ＆ B"
    assert json.loads(yaml_title("a\tb: c")) == "a b: c"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("Person", "tag-person"),
        ("The Harbor Ledger", "tag-the-harbor-ledger"),
        ("<script>", None),  # not a plain name: a digest
        ("x" * 41, None),
    ],
)
def test_escaping_tag_anchor(tag: str, expected: str | None) -> None:
    anchor = tag_anchor(tag)
    if expected is None:
        assert anchor.startswith("tag-") and len(anchor) == 14 and anchor == tag_anchor(tag)
    else:
        assert anchor == expected

"""Article text is data: the filters that let it into Markdown, HTML, attributes, titles and file names.

Every piece of article text reaches a page through one of these (the `md`, `md_inline`,
`html`, `attr` and `yaml_title` filters of the template environment), so it cannot
inject Markdown, HTML or Jinja.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from functools import lru_cache

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_WHITESPACE = re.compile(r"\s+")
# Block syntax (heading, list, quote, fence, admonition, definition ...) can only start the text.
_BLOCK_START = re.compile(r"[#+\-=~:?!.>*]|\d+[.)]")
_MARKDOWN_ESCAPES = str.maketrans(
    {
        **{c: "\\" + c for c in "\\`*_{}[]"},  # emphasis, code, attr_list, links, footnotes
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "|": "&#124;",  # table cells
    }
)


def escape_markdown(value: object) -> str:
    """Escape text for inline Markdown: no HTML, links, emphasis, attributes, tables or block syntax.

    Newlines collapse to spaces, so the text is one line and block syntax could only
    start at its first character, which is written as a numeric entity when it could.
    """
    return _escape_markdown(str(value))


@lru_cache(maxsize=1 << 16)  # names and titles are escaped for every link to them
def _escape_markdown(value: str) -> str:
    text = _WHITESPACE.sub(" ", value).strip()
    if _BLOCK_START.match(text):
        return f"&#{ord(text[0])};" + text[1:].translate(_MARKDOWN_ESCAPES)
    return text.translate(_MARKDOWN_ESCAPES)


def escape_inline(value: object) -> str:
    """Escape a piece of a Markdown line (spaces kept): used between inline HTML tags mid-line,
    where no block syntax can start."""
    return _WHITESPACE.sub(" ", str(value)).translate(_MARKDOWN_ESCAPES)


def escape_html(value: object) -> str:
    """Escape text for the content of a raw HTML block (no Markdown is processed there)."""
    return html.escape(_WHITESPACE.sub(" ", str(value)).strip(), quote=False)


def escape_attr(value: object) -> str:
    """Escape text for a double-quoted HTML attribute."""
    return html.escape(_WHITESPACE.sub(" ", str(value)).strip(), quote=True)


# MkDocs themes print page and site titles without escaping (and `striptags` unescapes
# entities), so titles get look-alike characters instead of HTML-special ones.
_TITLE_CHARS = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”"})


def plain_title(value: object) -> str:
    """A one-line title that is safe in MkDocs/Material templates, which do not escape titles."""
    return _WHITESPACE.sub(" ", str(value)).strip().translate(_TITLE_CHARS)


def yaml_title(value: object) -> str:
    """plain_title() as a double-quoted YAML scalar for a page's front matter."""
    return json.dumps(plain_title(value), ensure_ascii=False)


def safe_name(value: str) -> str:
    """A file name / HTML id made of [A-Za-z0-9._-], never empty, never starting with a dot."""
    name = _SAFE_NAME.sub("-", value).strip(".-")
    return name or "item"


_PLAIN_TAG = re.compile(r"[^\W_]+(?:[ '’.-][^\W_]+)*")


def tag_anchor(tag: str) -> str:
    """The id of a tag's section on the tags page (tags.md), where a page's tag chip links to:
    readable for a plain name ("tag-person"), a digest for anything else (an outlet's name is article text)."""
    if len(tag) <= 40 and _PLAIN_TAG.fullmatch(tag) and tag.isascii():
        return "tag-" + safe_name(tag.casefold())
    return "tag-" + hashlib.sha256(tag.encode("utf-8", "surrogatepass")).hexdigest()[:10]


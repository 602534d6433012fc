"""On which page of a PDF printed by Chromium each linked section starts: the numbers of the
table of contents of the whole-briefing handout.

Chromium cannot print `target-counter()`, so the book is printed twice: the first print says
where each section landed and the second carries the numbers. Chromium's PDF writer (Skia)
names every link target of the document in the catalog's `/Dests` dictionary
(`/bf-actors-x [12 0 R /XYZ 0 841.9 0]`) and writes the page tree as plain objects; reading
those two needs no PDF library. A PDF laid out otherwise gives no numbers, never wrong ones.
"""

from __future__ import annotations

import re

# An object's dictionary: up to its stream's data, or to its end.
_OBJECT = re.compile(rb"(?:^|[\r\n])(\d+) 0 obj(.*?)(?:>>\s*stream\b|endobj)", re.S)
_REF = re.compile(rb"(\d+) 0 R")
_DEST = re.compile(rb"/([A-Za-z0-9_.-]+)\s*\[\s*(\d+) 0 R\s*/XYZ")


def destination_pages(pdf: bytes) -> dict[str, int]:
    """Each named destination of the PDF and the number (from 1) of the page it points to."""
    objects = {int(m.group(1)): m.group(2) for m in _OBJECT.finditer(pdf)}
    catalog = next((body for body in objects.values() if b"/Type /Catalog" in body), None)
    if catalog is None:
        return {}
    pages_ref = re.search(rb"/Pages (\d+) 0 R", catalog)
    dests_ref = re.search(rb"/Dests (\d+) 0 R", catalog)
    if pages_ref is None or dests_ref is None:
        return {}
    order = _page_order(objects, int(pages_ref.group(1)))
    number = {ref: i for i, ref in enumerate(order, start=1)}
    dests = objects.get(int(dests_ref.group(1)), b"")
    return {m.group(1).decode("ascii"): number[int(m.group(2))] for m in _DEST.finditer(dests)
            if int(m.group(2)) in number}


def _page_order(objects: dict[int, bytes], root: int) -> list[int]:
    """The page objects under the page tree node `root`, in reading order."""
    order: list[int] = []
    stack = [root]
    while stack:
        ref = stack.pop()
        body = objects.get(ref, b"")
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", body)
        if re.search(rb"/Type\s*/Pages\b", body) and kids:
            stack.extend(reversed([int(k) for k in _REF.findall(kids.group(1))]))
        elif re.search(rb"/Type\s*/Page\b", body):
            order.append(ref)
    return order

"""Where the actors of a network picture go, each box (a node's circle and its label) clear of the others.

The network of the whole briefing is laid out by Graphviz's `neato` (Debian: `apt-get install
graphviz`): stress majorisation, then the boxes moved apart until none overlaps (`overlap=prism`),
from a fixed start (`start=1`), so the same graph gives the same layout. Without Graphviz its
nodes go on a circle in the order given: plainer, never overlapping. One actor and its neighbours
(an actor page; thousands of them in a large briefing, too many for a process each) make a star:
the actor in the middle, the others on a circle around it.
"""

from __future__ import annotations

import logging
import math
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

log = logging.getLogger("briefing")

POINTS_PER_INCH = 72.0
NEATO_TIMEOUT = 60  # seconds
NODE_GAP = 10  # px kept free around every box (Graphviz's `sep`)


@dataclass(frozen=True)
class Box:
    """A node to place: its id and the size (px) of what is drawn for it, circle and label."""

    id: str
    width: float
    height: float


def place(boxes: Sequence[Box], edges: Mapping[tuple[str, str], int]) -> dict[str, tuple[float, float]]:
    """The centre of every box (px, y downwards, the top-left box corner at 0 or more)."""
    if not boxes:
        return {}
    neato = shutil.which("neato")
    placed = _neato(neato, boxes, edges) if neato and len(boxes) > 1 else None
    return _to_corner(boxes, placed if placed is not None else _circle(boxes))


def _neato(neato: str, boxes: Sequence[Box], edges: Mapping[tuple[str, str], int]) -> dict[str, tuple[float, float]] | None:
    names = {b.id: f"n{i}" for i, b in enumerate(boxes)}
    heaviest = max(edges.values(), default=1)
    lines = ["graph G {",
             f'graph [overlap=prism, sep="+{NODE_GAP}", splines=false, start=1, mode=major];',
             "node [shape=box, fixedsize=true, label=\"\"];"]
    lines += [f"{names[b.id]} [width={b.width / POINTS_PER_INCH:.3f}, height={b.height / POINTS_PER_INCH:.3f}];"
              for b in boxes]
    # A pair named together more often is drawn closer.
    lines += [f"{names[a]} -- {names[b]} [len={2.2 - 1.0 * weight / heaviest:.2f}];"
              for (a, b), weight in sorted(edges.items()) if a in names and b in names]
    lines.append("}")
    try:
        result = subprocess.run([neato, "-Tplain"], input="\n".join(lines), capture_output=True, text=True,
                                timeout=NEATO_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("briefing: Graphviz neato failed (%s); the actor network is drawn on a circle", exc)
        return None
    by_name = {name: node for node, name in names.items()}
    placed: dict[str, tuple[float, float]] = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[0] == "node" and parts[1] in by_name:
            # Inches, y upwards; the picture wants pixels, y downwards.
            placed[by_name[parts[1]]] = (float(parts[2]) * POINTS_PER_INCH, -float(parts[3]) * POINTS_PER_INCH)
    if result.returncode != 0 or len(placed) != len(boxes):
        log.warning("briefing: Graphviz neato gave no layout (%s); the actor network is drawn on a circle",
                    result.stderr.strip()[:200] or f"exit {result.returncode}")
        return None
    return placed


def star(centre: Box, around: Sequence[Box]) -> dict[str, tuple[float, float]]:
    """`centre` in the middle and `around` on a circle round it, in the given order (see place)."""
    placed = _circle(around, inner=centre)
    placed[centre.id] = (0.0, 0.0)
    return _to_corner([centre, *around], placed)


def _to_corner(boxes: Sequence[Box], placed: Mapping[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    left = min(placed[b.id][0] - b.width / 2 for b in boxes)
    top = min(placed[b.id][1] - b.height / 2 for b in boxes)
    return {b.id: (round(placed[b.id][0] - left, 1), round(placed[b.id][1] - top, 1)) for b in boxes}


def _circle(boxes: Sequence[Box], inner: Box | None = None) -> dict[str, tuple[float, float]]:
    """The boxes round a circle in the given order, its radius such that no two meet (nor `inner`, in the middle)."""
    if not boxes:
        return {}
    if len(boxes) == 1 and inner is None:
        return {boxes[0].id: (0.0, 0.0)}
    step = 2 * math.pi / len(boxes)
    # Two boxes a chord apart are clear of each other when the chord spans both diagonals.
    diagonal = max(math.hypot(b.width, b.height) for b in boxes) + NODE_GAP
    radius = diagonal / (2 * math.sin(step / 2)) if len(boxes) > 1 else 0.0
    if inner is not None:
        radius = max(radius, (math.hypot(inner.width, inner.height) + diagonal) / 2)
    return {b.id: (radius * math.cos(-math.pi / 2 + step * i), radius * math.sin(-math.pi / 2 + step * i))
            for i, b in enumerate(boxes)}

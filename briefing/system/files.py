"""Atomic, change-only file writes: an interrupted build never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# mkstemp() creates files readable by their owner only; generated pages and data are
# ordinary files that a web server or a colleague must be able to read.
FILE_MODE = 0o644


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to path through a temporary file in the same folder and a rename.

    Readers (mkdocs serve, a second build) see the old file or the new one, never half of one;
    a crash leaves at most a hidden ".<name>.*.tmp" file beside it.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write only when the bytes differ (so `mkdocs serve` does not loop); True if written."""
    path = Path(path)
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_atomic(path, data)
    return True

"""Bytes -> text: byte-order marks, UTF-8, then charset-normalizer; mojibake repaired by ftfy.

Order matters: a byte-order mark is proof, strict UTF-8 is almost proof (legacy
8-bit text is very rarely valid UTF-8), and only then is the encoding detected.
charset-normalizer cannot tell the single-byte code pages apart on a short
article (it may answer cp1250, cp775 or even cp1006 for Windows-1252 text), so when
Windows-1252 is among its candidates that are as little chaotic as the best one,
Windows-1252 is used:
it is what Western editors and Windows "Save as text" write, and it agrees with
Latin-1 on every printable character.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import ftfy
from charset_normalizer import from_bytes

# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Candidates whose "chaos" (mess) is within this of the best one's are equally plausible.
CHAOS_TIE = 0.01
# Magic numbers of formats people save by mistake next to their articles.
BINARY_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx, .odt)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
)
# Control characters that have no place in article text (tab, newline, carriage return and
# form feed stay); NUL is among them. Removed before any offset is computed.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Share of NUL bytes above which a file without a byte-order mark is binary, not text with strays.
MAX_NUL_SHARE = 0.1
# ftfy with every "beautifying" fix off: only encoding repairs (mojibake, C1 controls,
# lossy sequences, surrogates) and removal of terminal escapes and control characters.
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,  # ours below keeps form feeds; ftfy's also drops BOMs and bidi marks
    normalization=None,
    explain=False,
)


class UndecodableError(Exception):
    """The bytes are not text this module can read; the message says why (for a Skipped reason)."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # the codec used, e.g. "utf-8", "utf-16-le", "cp1252"
    notes: tuple[str, ...] = ()  # what was repaired, for a warning


def decode_bytes(raw: bytes) -> DecodedText:
    """Decode a saved article; raise UndecodableError for empty, binary or undecodable bytes."""
    if not raw.strip():
        raise UndecodableError("empty file")
    for bom, codec in BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise UndecodableError(
                    f"starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()} (byte {exc.start})"
                ) from exc
            return _clean(text, codec.rsplit("-", 1)[0] if codec.startswith("utf-16") else codec)
    for signature, kind in BINARY_SIGNATURES:
        if raw.startswith(signature):
            raise UndecodableError(f"binary file ({kind}), not an article text; save the article as .txt, .md or .html")
    nuls = raw.count(0)
    if nuls > max(1, len(raw) * MAX_NUL_SHARE):
        raise UndecodableError("binary file (contains NUL bytes), not an article text")
    try:
        return _clean(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(raw.replace(b"\x00", b"")))
    if not matches:
        raise UndecodableError("could not detect the text encoding (binary or damaged file); save it as UTF-8")
    best = min(match.chaos for match in matches)
    tied = [match.encoding for match in matches if match.chaos <= best + CHAOS_TIE]
    codec = "cp1252" if "cp1252" in tied else matches[0].encoding
    try:
        return _clean(raw.decode(codec), codec)
    except (UnicodeDecodeError, LookupError) as exc:
        raise UndecodableError(f"could not decode the file as {codec}; save it as UTF-8") from exc


def _clean(text: str, encoding: str) -> DecodedText:
    notes = []
    stripped = CONTROL_CHARS.sub("", text)
    if stripped != text:
        notes.append(f"removed {len(text) - len(stripped)} control character(s) such as NUL")
    fixed = ftfy.fix_text(stripped, config=FTFY_CONFIG)
    if fixed != stripped:
        notes.append("repaired mis-decoded characters (mojibake)")
    return DecodedText(fixed, encoding, tuple(notes))

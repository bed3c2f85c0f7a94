"""Bytes → str: BOMs, UTF-8, UTF-16, GB18030/GBK (detected), binary refusal."""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from lint.document.model import DecodeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, LF, VT, FF, CR; many of them mean the file is not text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NEWLINE = re.compile(r"\r\n|\r|\n")


# The largest document read by default (a 50 MB statistical yearbook still fits); `max-file-size`
# in the configuration changes it.
MAX_FILE_BYTES = 64 * 1024 * 1024


class InputRefused(Exception):
    """A path that is not read at all: not a regular file (FIFO, device, socket) or too large."""


def read_regular_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``.

    Opened without blocking and checked with fstat before reading, so a FIFO named doc.txt is
    refused at once instead of waiting for a writer, and a file swapped for one between a stat
    and the open is still checked. OSError (missing, permission) passes through.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputRefused(f"not a regular file ({file_type(info.st_mode)}); skipped")
        if info.st_size > max_bytes:
            raise InputRefused(
                f"file too large ({info.st_size / 1048576:.1f} MB; the limit is "
                f"{max_bytes / 1048576:g} MB, set by `max-file-size` in the configuration)"
            )
        chunks = []
        remaining = max_bytes + 1  # the file may grow while it is read
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        if remaining <= 0:
            raise InputRefused(f"file too large (over the limit of {max_bytes / 1048576:g} MB)")
        return b"".join(chunks)
    finally:
        os.close(fd)


def file_type(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a directory"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def decode(data: bytes) -> tuple[str, str, bool]:
    """Return (text, encoding, had_bom). Raise DecodeError with a clear cause."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding, True
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte offset {exc.start + len(bom)})"
                ) from None
    if b"\x00" in data[:8192]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16[0], utf16[1], False
        raise DecodeError("binary file (contains NUL bytes); not a text document")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as utf8_error:
        text, encoding = _decode_legacy(data, utf8_error)
    if _looks_binary(text):
        raise DecodeError("binary file (mostly control characters); not a text document")
    return text, encoding, False


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a byte-order mark (some Windows tools): accepted when one byte order
    decodes to text that is nearly all Chinese, ASCII or common punctuation (binary never is)."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:4000]
        plausible = sum(
            1
            for ch in sample
            if ch.isprintable()
            and (
                ch < "\u0250" or "\u2000" <= ch <= "\u303f" or "\u4e00" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
            )
            or ch in "\n\r\t"
        )
        if "\x00" not in text and plausible >= 0.95 * len(sample) and not _looks_binary(text):
            return text, encoding
    return None


def _decode_legacy(data: bytes, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """GB18030 covers GBK and GB2312; try it strictly, then ask charset-normalizer."""
    try:
        text = data.decode("gb18030")
        if _han_ratio(text) > 0.2:
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # pragma: no cover - the detector must never crash reading
        best = None
    if best is not None and best.encoding:
        text = str(best)
        if _han_ratio(text) > 0.2 or best.encoding in ("ascii", "utf_8"):
            return text, best.encoding
    line = data.count(b"\n", 0, utf8_error.start) + 1
    raise DecodeError(
        f"cannot decode: invalid UTF-8 byte 0x{data[utf8_error.start]:02x} at line {line} "
        f"(byte offset {utf8_error.start}) and not GB18030/GBK text either; "
        "save the file as UTF-8"
    )


def _han_ratio(text: str) -> float:
    sample = text[:4000]
    letters = [ch for ch in sample if not ch.isspace()]
    if not letters:
        return 1.0
    han = sum(
        1 for ch in letters if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
    )
    return han / len(letters)


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    return controls > 8 and controls / len(sample) > 0.02


def split_lines(text: str) -> tuple[str, list[str]]:
    """Normalise line breaks to "\\n"; return the text and each line's original terminator."""
    if "\r" not in text:
        endings = ["\n"] * text.count("\n") + [""]
        return text, endings
    endings = [m.group(0) for m in _NEWLINE.finditer(text)] + [""]
    return _NEWLINE.sub("\n", text), endings

"""Bytes → str: BOMs, UTF-8, UTF-16, GB18030/GBK (detected), binary refusal."""

from __future__ import annotations

import codecs
import re

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


def decode(data: bytes) -> tuple[str, str, bool]:
    """Return (text, encoding, had_bom). Raise DecodeError with a clear cause."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding, True
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {encoding} byte-order mark but is not valid "
                                  f"{encoding} (byte offset {exc.start + len(bom)})") from None
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (contains NUL bytes); not a text document")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as utf8_error:
        text, encoding = _decode_legacy(data, utf8_error)
    if _looks_binary(text):
        raise DecodeError("binary file (mostly control characters); not a text document")
    return text, encoding, False


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
    han = sum(1 for ch in letters if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
              or "\uff00" <= ch <= "\uffef")
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

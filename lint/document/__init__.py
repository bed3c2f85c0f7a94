"""bytes → Document: decoding, line index, front matter and document kind."""

from lint.document.load import load_bytes, load_path, load_text
from lint.document.model import DecodeError, Document

__all__ = ["Document", "DecodeError", "load_bytes", "load_path", "load_text"]

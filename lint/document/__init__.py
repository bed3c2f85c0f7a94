"""bytes → Document: decoding, line index, front matter and document kind."""

from lint.document.model import Document, DecodeError
from lint.document.load import load_bytes, load_path, load_text

__all__ = ["Document", "DecodeError", "load_bytes", "load_path", "load_text"]

"""gwlint: a linter for Chinese government work documents (公文)."""

__version__ = "0.1.0"

"""The gwlint language server (LSP over stdio): `gwlint server`.

``lint.lsp.positions`` is pure and needs nothing beyond the standard library;
``lint.lsp.server`` needs pygls (the ``lsp`` extra), so it is not imported here.
"""

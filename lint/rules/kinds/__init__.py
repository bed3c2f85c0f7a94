"""Generic rule kinds. A YAML rule names its kind with ``kind: NAME``; the kind lives in
``lint/rules/kinds/NAME.py`` (dashes become underscores) and is imported only when a pack uses it.
Each module defines one plain class subclassing ``RuleSpec`` (lint.spec) with
``kind: Literal["NAME"]`` and exposes it as ``RULE``.
"""

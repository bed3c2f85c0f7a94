"""Built-in rule packs (YAML). Shipped inside the wheel as ``lint.packs``."""

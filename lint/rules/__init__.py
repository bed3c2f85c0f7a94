"""The rule engine: generic rule kinds in Python (kinds/), concrete rules in YAML packs (rules/)."""

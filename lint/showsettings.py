"""`gwlint check --show-settings FILE`: the configuration that applies to one file, and its rules."""

from __future__ import annotations

import json
from pathlib import Path

from lint.errors import UsageError
from lint.runner import EngineCache
from lint.spec import option_values


def show_settings(paths: list[str], cache: EngineCache) -> str:
    if len(paths) != 1 or paths[0] == "-":
        raise UsageError("--show-settings takes exactly one file")
    path = Path(paths[0])
    if not path.exists():
        raise UsageError("no such file or directory", paths[0])
    key, settings = cache.settings(path)
    engine = cache.engine_for(path)
    effective = engine.effective
    rules = engine.rules_for(str(path))
    shown = {
        "preset": effective.preset,
        "select": effective.select,
        "extend-select": effective.extend_select,
        "ignore": [
            *(
                entry
                if isinstance(entry, str)
                else {key: value for key, value in option_values(entry).items() if value is not None}
                for entry in settings.ignore
            ),
            *cache.overrides.ignore,
        ],
        "severity": settings.severity,
        "per-file-ignores": settings.per_file_ignores,
        "kind": effective.kind if effective.kind is not None else settings.kind,
        "packs": [str(p) for p in settings.pack_paths()],
        "exclude": settings.exclude,
        "min-severity": effective.min_severity.label,
        "fail-on": effective.fail_on.label,
        "lang": effective.lang,
    }
    if settings.pairs:  # the plan this file is audited against (`pairs:`), or null
        shown["plan"] = settings.plan_for(engine.relative(str(path)))
    lines = [f"file: {path}", f"config: {key if key is not None else '(none: defaults)'}"]
    lines += [f"{name}: {json.dumps(value, ensure_ascii=False)}" for name, value in shown.items()]
    lines.append(f"rules ({len(rules)}): {' '.join(sorted(rule.code for rule in rules))}")
    return "\n".join(lines) + "\n"

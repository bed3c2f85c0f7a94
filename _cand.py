import glob, re
from pathlib import Path
from lint.document import load_path
from lint.analysis import Analysis
from lint.quantities.intervals import ADDITIVE
from lint.quantities.statements import _is_modifier, _RATIO_NAME, _NOT_VALUE_BEFORE, _unit_in_name, missing_units
def group(text, f):
    a = f.start
    while a > 0 and text[a-1] not in "；;。！？!?\n": a -= 1
    b = f.end
    while b < len(text) and text[b] not in "；;。！？!?\n": b += 1
    return a, b
for p in sorted(glob.glob('/work/shared/corpus/*.txt'))+sorted(glob.glob('seeds/*.txt')):
    doc=load_path(Path(p)); st=Analysis(doc).statements; text=st.text
    have={f.start for f,_ in missing_units(st)}
    for f in st.facts:
        if f.unit is not None or (f.quantity is not None and not f.quantity.bare_scale): continue
        if f.start in have: continue
        if _is_modifier(text, f) or _RATIO_NAME.search(f.name): continue
        if text[f.start-1:f.start] in _NOT_VALUE_BEFORE or text[f.end:f.end+1] in _NOT_VALUE_BEFORE: continue
        if _unit_in_name(st, f.name): continue
        a,b=group(text,f)
        sib=[g for g in st.between(a,b) if g.quantity is not None and g.unit and g.quantity.dimension in ADDITIVE]
        if not sib: continue
        print(Path(p).name[:25], doc.line_col(f.start)[0], repr(text[max(a,f.start-30):f.end+4]), '| sib', sib[0].raw)

"""The one numeral layer: written numbers (Arabic, Chinese, mixed) ↔ values.

``parse_number`` reads a measurement into an exact Decimal with its precision; ``parse_int`` reads a
whole number (a marker's 一百二十, a count's 十二, １２) and ``to_chinese`` writes one back;
``parse_range`` reads 3—5 / 三至五; ``read_digits`` reads a year written digit by digit (二〇二二).
All of them are total: any string in, a value or None out, never an exception.

A number in a report is a *measurement*: "4.8万亩" says the true value lies in [4.75万, 4.85万].
SUM and UNIT checks only cry wolf when that interval is disjoint from the other side, so every
parsed number keeps the exponent of its last significant written digit (C11 round-to-nearest).

Precision rule (``Numeral.exponent``):

* Arabic digits, with or without scale words, use the place of the last *written* digit:
  1200 → 0, 2009.6 → -1, 4.8万 → 3, 34500万 → 4, 3.45亿 → 6, 5千万 → 7.
* Pure Chinese numerals follow rules.md ("一千二百 → as for 1200"): the exponent is the power of
  the lowest section written out, so 一千二百 → 0, 十二万 → 4, 三千万 → 4, 三亿 → 8. An elided
  tail (一千二 = 1200, 三万五 = 35000) counts its last digit's place (2 and 3).

Approximate forms carry an explicit interval instead of a rounding interval:
``余/多`` (3000余 → (3000, 4000)), ``几/数`` (二十几 → [21, 29]) and adjacent pairs
(三四 → [3, 4], 五六十 → [50, 60]).

Everything is ``Decimal``; never ``float``.
"""

from __future__ import annotations

import functools
import re
from decimal import Context, Decimal
from typing import NamedTuple

__all__ = [
    "CN_DIGITS",
    "PLACEHOLDER",
    "SCALE_POWERS",
    "Numeral",
    "last_nonzero_exponent",
    "parse_int",
    "parse_number",
    "parse_range",
    "plain",
    "read_date_part",
    "read_digits",
    "rounding_interval",
    "scale_power",
    "to_ascii_digits",
    "to_chinese",
]

# A number left unfilled in a draft: X亩, XX个, ×× (PH001 reports them; quantity rules skip).
PLACEHOLDER = re.compile(r"(?<![A-Za-z])[XxＸｘ×]{1,4}(?![A-Za-z])")

# 60 significant digits: far more than any written number needs, so arithmetic stays exact.
CTX = Context(prec=60)

SCALE_POWERS = {"十": 1, "百": 2, "千": 3, "万": 4, "亿": 8}
CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 1, "百": 2, "千": 3}
_BIG = {"万": 4, "亿": 8}

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+|[〇零一二两三四五六七八九十百千万亿]")
_CN_POINT = re.compile(
    r"^(?P<i>[〇零一二两三四五六七八九十百千]*)点(?P<f>[〇零一二两三四五六七八九]+)(?P<s>[百千万亿]*)$"
)
_TRAILING_SCALE = re.compile(r"[百千万亿]+$")
_TRAILING_BIG = re.compile(r"[万亿]+$")
_HAS_ARABIC = re.compile(r"[0-9０-９]")
_HAS_CN_DIGIT = re.compile(r"[〇零一二两三四五六七八九]")
_FAST = re.compile(r"([0-9]+)(?:\.([0-9]+))?([百千万亿]*)")
_ONE = Decimal(1)
_SCALE_RUN = {"百": 2, "千": 3, "万": 4, "亿": 8, "千万": 7, "百万": 6, "万亿": 12, "千亿": 11, "百亿": 10}
_HALF = Decimal("0.5")
# No written number is longer; the bound keeps scale runs (亿亿亿…) inside Decimal's exponent range.
_LONGEST = 64
_BAD_COMMA = re.compile(r"(?<![0-9]),|,(?![0-9]{3}(?![0-9]))")
_HALVES = {k: _HALF.scaleb(k) for k in range(-12, 20)}


class Numeral(NamedTuple):
    """A parsed number (a NamedTuple: immutable and cheap to build on hot paths).

    ``value`` has scale words applied (4.8万 → 48000). ``low``/``high`` is the interval the
    writing denotes before any unit or bound word is considered: the rounding interval for a
    plain number, or the explicit interval of an approximate form (``approx`` is "more" for
    余/多, "approx" for pairs and 几). ``scale`` is the scale-word run after the last digit as
    written ("万", "千万", "亿", or ""). ``form`` is "arabic", "chinese" or "mixed".
    """

    value: Decimal
    exponent: int
    low: Decimal
    high: Decimal
    low_open: bool = False
    high_open: bool = False
    approx: str | None = None
    scale: str = ""
    form: str = "arabic"


def to_ascii_digits(text: str) -> str:
    """Full-width digits, point and comma → ASCII (１２００ → 1200)."""
    return text.translate(_FULLWIDTH)


def plain(d: Decimal) -> Decimal:
    """Drop exponent notation: Decimal('4.8E+4') → Decimal('48000'), keeping decimals as written."""
    if "E" in str(d):
        return Decimal(format(d, "f"))
    return d


def rounding_interval(value: Decimal, exponent: int) -> tuple[Decimal, Decimal]:
    """[v − ½·10^k, v + ½·10^k]: the C11 round-to-nearest interval of a written value."""
    half = _HALF.scaleb(exponent)
    return CTX.subtract(value, half), CTX.add(value, half)


def last_nonzero_exponent(value: Decimal) -> int:
    """Place of the last nonzero digit: 3000 → 3, 10 → 1, 12000 → 3, 2.5 → -1, 0 → 0."""
    if value.is_zero():
        return 0
    exp = value.normalize(CTX).as_tuple().exponent
    return exp if isinstance(exp, int) else 0


def scale_power(scale: str) -> int:
    """Power of ten of a scale-word run: 万 → 4, 千万 → 7, 万亿 → 12."""
    return sum(SCALE_POWERS.get(ch, 0) for ch in scale)


def _form(text: str) -> str:
    arabic = bool(_HAS_ARABIC.search(text))
    cn = bool(_HAS_CN_DIGIT.search(text)) or (not arabic and "十" in text)
    if arabic and cn:
        return "mixed"
    return "arabic" if arabic else "chinese"


def _combine(text: str) -> tuple[Decimal, int, int] | None:
    """Value, written exponent and Chinese section exponent of a plain number, or None.

    Works on a token stream where an Arabic digit run (with decimals) plays the role of a
    Chinese digit, so 4.8万, 5千万, 3亿4千5百万, 一千零五 and 三亿零五百三十万 share one path.
    """
    tokens = _TOKEN.findall(text)
    if not tokens or "".join(tokens) != text:
        return None
    reader = _NumeralReader()
    if not all(reader.feed(token) for token in tokens):
        return None
    return reader.finish()


class _NumeralReader:
    """The token machine behind _combine: one step per token kind, each False when the tokens
    so far cannot be a numeral. A section is the part below the next 万/亿."""

    __slots__ = (
        "result",
        "section",
        "number",
        "number_is_cn",
        "decimals",
        "prev_small",
        "last_big",
        "wan_open",
        "after_zero",
        "written_exp",
        "tail_power",
        "seen_value",
    )

    def __init__(self) -> None:
        self.result = Decimal(0)
        self.section = Decimal(0)
        self.number: Decimal | None = None  # the digit (or Arabic run) waiting for its multiplier
        self.number_is_cn = False
        self.decimals = 0
        self.prev_small: int | None = None  # last small multiplier (十百千) in this section
        self.last_big: int | None = None  # power of the last 万/亿 applied
        self.wan_open = False  # a 万 was applied since the last 亿
        self.after_zero = False
        self.written_exp = 0
        self.tail_power = 0  # power applied after the last digit/multiplier (section exponent)
        self.seen_value = False

    def feed(self, token: str) -> bool:
        first = token[0]
        if first.isdigit() or first == ".":
            return self._arabic(token)
        if token in CN_DIGITS:
            return self._chinese_digit(CN_DIGITS[token])
        if token in _SMALL:
            return self._small_multiplier(token, _SMALL[token])
        return self._big_multiplier(_BIG[token])

    def _arabic(self, token: str) -> bool:
        if self.number is not None:
            return False
        self.number = Decimal(token)
        self.number_is_cn = False
        self.decimals = len(token.split(".", 1)[1]) if "." in token else 0
        self.written_exp = -self.decimals
        self.tail_power = 0
        self.seen_value = True
        return True

    def _chinese_digit(self, digit: int) -> bool:
        if self.number is not None:
            return False  # 三零 or 二三: two digits in a row (pairs are handled by the caller)
        self.seen_value = True
        if digit == 0:
            self.after_zero = True
            return True
        self.number = Decimal(digit)
        self.number_is_cn = True
        self.decimals = 0
        self.written_exp = 0
        self.tail_power = 0
        return True

    def _small_multiplier(self, token: str, power: int) -> bool:
        if self.number is None:
            if token != "十" or self.after_zero and self.section == 0 and self.result == 0:
                return False  # 百/千 need a digit; 十 alone means 一十
            self.number = _ONE
            self.decimals = 0
        if self.prev_small is not None and power >= self.prev_small:
            return False  # 一十百, 二百三百
        self.section = CTX.add(self.section, self.number.scaleb(power))
        self.written_exp = power - self.decimals
        self.prev_small = power
        self.number = None
        self.after_zero = False
        self.tail_power = 0
        self.seen_value = True
        return True

    def _big_multiplier(self, power: int) -> bool:
        if self.number is not None:
            self.section = CTX.add(self.section, self.number)
            self.number = None
        if not self.seen_value or (self.section.is_zero() and self.result.is_zero()):
            return False
        if power == 4:
            if self.wan_open:
                return False  # 三万四万
            self.result = CTX.add(self.result, self.section.scaleb(4))
            self.wan_open = True
        else:
            self.result = CTX.add(self.result, self.section).scaleb(8)
            self.wan_open = False
        self.section = Decimal(0)
        self.written_exp += power
        self.tail_power += power
        self.last_big = power
        self.prev_small = None
        self.after_zero = False
        return True

    def finish(self) -> tuple[Decimal, int, int]:
        if self.number is not None:
            self.section = CTX.add(self.section, self._last_digit(self.number))
        return plain(CTX.add(self.result, self.section)), self.written_exp, self.tail_power

    def _last_digit(self, number: Decimal) -> Decimal:
        """A Chinese digit after a multiplier sits one place below it: 一千二 = 1200, 三万五 = 35000."""
        if not self.number_is_cn or self.after_zero:
            return number
        below = self.prev_small if self.prev_small is not None else self.last_big
        if below is None:
            return number
        place = below - 1
        self.written_exp = self.tail_power = place
        return number.scaleb(place)


def _parse_plain(text: str) -> tuple[Decimal, int, str] | None:
    """(value, exponent, scale) of a number without 余/多/几 markers."""
    form = _form(text)
    if "点" in text:
        m = _CN_POINT.match(text)
        if not m:
            return None
        head = m.group("i") or "零"
        got = _combine(head)
        if got is None:
            return None
        frac = "".join(str(CN_DIGITS[c]) for c in m.group("f"))
        value = CTX.add(got[0], Decimal("0." + frac))
        power = scale_power(m.group("s"))
        return plain(value.scaleb(power)), power - len(frac), m.group("s")
    got = _combine(text)
    if got is None:
        return None
    value, written_exp, section_exp = got
    if form == "chinese":
        sm = _TRAILING_BIG.search(text)
        return value, section_exp, sm.group(0) if sm else ""
    sm = _TRAILING_SCALE.search(text)
    return value, written_exp, sm.group(0) if sm else ""


def _numeral(value: Decimal, exponent: int, scale: str, form: str) -> Numeral:
    low, high = rounding_interval(value, exponent)
    return Numeral(value, exponent, low, high, scale=scale, form=form)


def _parse_pair(text: str, form: str) -> Numeral | None:
    """三四 → [3, 4], 五六十 → [50, 60], 十一二 → [11, 12], 三四十万 → [30万, 40万]."""
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        da, db = CN_DIGITS.get(a), CN_DIGITS.get(b)
        if not da or not db or abs(da - db) != 1:
            continue
        first = _parse_plain(text[: i + 1] + text[i + 2 :])
        second = _parse_plain(text[:i] + text[i + 1 :])
        if first is None or second is None:
            return None
        lo, hi = sorted((first, second), key=lambda t: t[0])
        return Numeral(lo[0], lo[1], lo[0], hi[0], approx="approx", scale=first[2], form=form)
    return None


@functools.lru_cache(maxsize=8192)
def parse_number(text: str) -> Numeral | None:
    """Parse one written number; None when it is not a well-formed numeral.

    Cached: the result is immutable and documents repeat their numbers (1个, 100%, 5.3%).

    Accepts 1200, 1,200, １２００, 4.8, .5, 4.8万, 3.45亿, 5千万, 34500万, 1.2万亿, 3亿4千5百万,
    一千二百, 一千两百, 一千零五, 十二, 二十三, 三点五, 十余, 3000余万, 50多万, 二十几, 几十万,
    数十, 20几, 三四, 五六十. Commas must group thousands (the caller's regex guarantees it).
    """
    s = _normalised(text)
    if s is None:
        return None
    fast = _FAST.fullmatch(s)
    if fast:  # the common case (1200, 4.8万, 3.45亿, 5千万) without the token machine
        return _parse_arabic(*fast.groups())
    form = _form(s)
    if "余" in s or "多" in s:
        return _parse_more(s, form)
    if "几" in s or s.startswith("数"):
        return _parse_some(s, form)
    got = _parse_plain(s)
    if got is not None:
        return _numeral(got[0], got[1], got[2], form)
    if form == "chinese":
        return _parse_pair(s, form)
    return None


def _normalised(text: str) -> str | None:
    """ASCII digits, no thousands commas or spaces; None for what cannot be a number."""
    if not text or len(text) > _LONGEST:
        return None
    s = text if text.isascii() else text.translate(_FULLWIDTH)
    if "," in s:
        if _BAD_COMMA.search(s):
            return None  # a comma groups thousands (1,200) or it is punctuation (一百二十，)
        s = s.replace(",", "")
    if " " in s or "\u3000" in s or "\xa0" in s:
        s = s.replace(" ", "").replace("\u3000", "").replace("\xa0", "")
    return s


def _parse_arabic(whole: str, frac: str | None, scale: str) -> Numeral:
    """Digits, an optional fraction and a scale-word run (4.8万): exact Decimal arithmetic."""
    power = (_SCALE_RUN.get(scale) or scale_power(scale)) if scale else 0
    if frac:
        exponent = power - len(frac)
        digits = (whole + frac).lstrip("0") or "0"
    else:
        exponent = power
        digits = whole.lstrip("0") or "0"
    if exponent >= 0:
        value = Decimal(digits + "0" * exponent if digits != "0" else "0")
    else:
        digits = digits.rjust(1 - exponent, "0")
        value = Decimal(digits[:exponent] + "." + digits[exponent:])
    half = _HALVES.get(exponent) or _HALF.scaleb(exponent)
    return Numeral(
        value, exponent, CTX.subtract(value, half), CTX.add(value, half), False, False, None, scale, "arabic"
    )


def _parse_more(s: str, form: str) -> Numeral | None:
    """余/多: (v, v + 10^k), k = place of the last nonzero digit of v."""
    more_at = [i for i, ch in enumerate(s) if ch in "余多"]
    if len(more_at) > 1 or more_at[0] == 0:
        return None
    got = _parse_plain(s[: more_at[0]] + s[more_at[0] + 1 :])
    if got is None:
        return None
    value, exponent, scale = got
    if value.is_zero():
        return None
    step = _ONE.scaleb(last_nonzero_exponent(value))
    return Numeral(value, exponent, value, plain(CTX.add(value, step)), True, True, "more", scale, form)


def _parse_some(s: str, form: str) -> Numeral | None:
    """几 / 数: 1–9 in that place (二十几 → [21, 29], 几十 → [10, 90])."""
    if s.startswith("数"):
        s = "几" + s[1:]
    if s.count("几") != 1 or s == "几":
        return None
    if form != "chinese":
        head, _, tail = s.partition("几")
        got = _parse_plain(head)
        if got is None or tail:
            return None
        value = got[0]
        place = last_nonzero_exponent(value) - 1
        low = plain(CTX.add(value, _ONE.scaleb(place)))
        high = plain(CTX.add(value, Decimal(9).scaleb(place)))
        return Numeral(low, place, low, high, approx="approx", form=form)
    lo = _parse_plain(s.replace("几", "一"))
    hi = _parse_plain(s.replace("几", "九"))
    if lo is None or hi is None:
        return None
    return Numeral(lo[0], lo[1], lo[0], hi[0], approx="approx", scale=lo[2], form=form)


def parse_int(text: str) -> int | None:
    """A whole number as written: 12, １２, 十二, 一百二十, 两千, 一万零五, 3万 → int; None for anything
    else (一二, 三四, 十余, 3.5, 第一, ""). Never raises."""
    num = parse_number(text)
    if num is None or num.approx is not None or num.value != num.value.to_integral_value():
        return None
    if "." in text or "点" in text or "．" in text:
        return None
    return int(num.value)


_DIGIT_CHARS = "零一二三四五六七八九"
_PLACES = ("千", "百", "十", "")
_WAN = 10**4
_YI = 10**8


def to_chinese(number: int) -> str:
    """int → Chinese numerals as written in prose: 10 → 十, 12 → 十二, 105 → 一百零五,
    1010 → 一千零一十, 10005 → 一万零五, 10**12 → 一万亿; negatives take 负. Inverse of parse_int."""
    if number < 0:
        return "负" + to_chinese(-number)
    if number == 0:
        return _DIGIT_CHARS[0]
    written = _grouped(number)
    return written[1:] if written.startswith("一十") else written


def _grouped(number: int) -> str:
    if number >= _YI:
        high, low = divmod(number, _YI)
        return _grouped(high) + "亿" + _tail(low, _YI)
    if number >= _WAN:
        high, low = divmod(number, _WAN)
        return _below_wan(high) + "万" + _tail(low, _WAN)
    return _below_wan(number)


def _tail(low: int, unit: int) -> str:
    """The part below 万/亿; a 零 stands for the empty places in between (一万零五)."""
    if low == 0:
        return ""
    return ("零" if low * 10 < unit else "") + _grouped(low)


def _below_wan(number: int) -> str:
    out: list[str] = []
    gap = False
    for digit, place in zip(f"{number:04d}", _PLACES, strict=True):
        if digit == "0":
            gap = bool(out)
            continue
        if gap:
            out.append("零")
            gap = False
        out.append(_DIGIT_CHARS[int(digit)] + place)
    return "".join(out)


_ZERO_LIKE = "〇零○ＯOo0"
_RANGE = re.compile(r"^(?P<a>[^至到—～~\-－]+?)(?:至|到|——|—|～|~|-|－)(?P<b>[^至到—～~\-－]+)$")


def read_digits(text: str) -> int | None:
    """A number read digit by digit, as years are written: 二〇二二 / 二○二二 / 2022 → 2022."""
    if not text or len(text) > _LONGEST:
        return None
    digits = []
    for ch in text:
        if ch in _ZERO_LIKE:
            digits.append("0")
        elif ch in CN_DIGITS and ch != "两":
            digits.append(str(CN_DIGITS[ch]))
        elif "0" <= ch <= "9" or "０" <= ch <= "９":
            digits.append(ch.translate(_FULLWIDTH))
        else:
            return None
    return int("".join(digits))


def read_date_part(text: str) -> int | None:
    """A year, month or day as written: 2022, 二〇二二, 十二, 三十一, ３ → int; None otherwise."""
    return parse_int(text) if "十" in text else read_digits(text)


def parse_range(text: str) -> tuple[Numeral, Numeral] | None:
    """3—5, 3-5, 3～5, 三至五, 10到20 → the two ends; None unless both ends are numbers and the
    range rises. A scale word written once at the end applies to both ends (3—5万 → 3万, 5万)."""
    match = _RANGE.match(text) if text and len(text) <= _LONGEST else None
    if match is None:
        return None
    high = parse_number(match["b"])
    low = parse_number(match["a"])
    if low is not None and high is not None and high.scale and not low.scale:
        low = parse_number(match["a"] + high.scale)
    if low is None or high is None or low.value >= high.value:
        return None
    return low, high

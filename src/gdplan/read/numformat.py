"""Word's number formats (``w:numFmt``): a counter value → the text Word prints for it.

Only the formats a Chinese plan can use need to be exact (decimal, the Chinese counting
systems, circled and bracketed digits); the rest fall back to decimal, as Word does
outside a format's range.
"""

from __future__ import annotations

from collections.abc import Callable

_LOWER_DIGITS = "〇一二三四五六七八九"
_LEGAL_SIMPLIFIED_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRADITIONAL_DIGITS = "零壹貳參肆伍陸柒捌玖"
_LOWER_UNITS = ("", "十", "百", "千")
_LEGAL_UNITS = ("", "拾", "佰", "仟")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def chinese_counting(n: int) -> str:
    """``chineseCounting``: 一 … 十, 十一, 二十一 … 九十九; 100 and up digit by digit."""
    if not 0 < n < 10000:
        return str(n)
    if n >= 100:
        return ideograph_digital(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _LOWER_DIGITS[ones]
    prefix = "" if tens == 1 else _LOWER_DIGITS[tens]
    return prefix + "十" + (_LOWER_DIGITS[ones] if ones else "")


def chinese_counting_thousand(n: int) -> str:
    """``chineseCountingThousand``: 十一, 一百零一, 一千零一十: numbers as they are read."""
    return _positional(n, "零" + _LOWER_DIGITS[1:], _LOWER_UNITS, bare_ten=True)


def chinese_legal_simplified(n: int) -> str:
    """``chineseLegalSimplified``: 壹, 壹拾壹, 壹佰零壹 (the financial forms)."""
    return _positional(n, _LEGAL_SIMPLIFIED_DIGITS, _LEGAL_UNITS, bare_ten=False)


def ideograph_legal_traditional(n: int) -> str:
    """``ideographLegalTraditional``: 壹, 壹拾壹, 壹佰零壹 in traditional script."""
    return _positional(n, _LEGAL_TRADITIONAL_DIGITS, _LEGAL_UNITS, bare_ten=False)


def _positional(n: int, digits: str, units: tuple[str, ...], *, bare_ten: bool) -> str:
    """Read ``n`` (1-9999) aloud: digit + unit per place, one 零 for each run of zeros."""
    if not 0 < n < 10000:
        return str(n)
    places = [int(d) for d in str(n)]
    out: list[str] = []
    pending_zero = False
    for i, digit in enumerate(places):
        unit = units[len(places) - 1 - i]
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append(digits[0])
            pending_zero = False
        if not (bare_ten and digit == 1 and unit == units[1] and not out):
            out.append(digits[digit])
        out.append(unit)
    return "".join(out)


def ideograph_digital(n: int) -> str:
    """``ideographDigital``: digit by digit, 一〇 for 10."""
    return "".join(_LOWER_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n)


def _from_table(table: str, n: int) -> str:
    return table[n - 1] if 0 < n <= len(table) else str(n)


def _enclosed(first: int, last: int) -> Callable[[int], str]:
    def render(n: int) -> str:
        return chr(first + n - 1) if 0 < n <= last - first + 1 else str(n)

    return render


def _letters(n: int, base: str) -> str:
    # Word repeats the letter: 26 → Z, 27 → AA, 28 → BB.
    if n <= 0:
        return str(n)
    count, index = divmod(n - 1, 26)
    return chr(ord(base) + index) * (count + 1)


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, symbol in _ROMAN:
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)


def _full_width(n: int) -> str:
    return "".join(chr(0xFF10 + int(d)) for d in str(n))


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "ordinal": str,
    "cardinalText": str,
    "ordinalText": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "decimalEnclosedCircle": _enclosed(0x2460, 0x2473),  # ①-⑳
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 0x2473),
    "decimalEnclosedParen": _enclosed(0x2474, 0x2487),  # ⑴-⒇
    "decimalEnclosedFullstop": _enclosed(0x2488, 0x249B),  # ⒈-⒛
    "ideographEnclosedCircle": _enclosed(0x3280, 0x3289),  # ㊀-㊉
    "chineseCounting": chinese_counting,
    "taiwaneseCounting": chinese_counting,
    "chineseCountingThousand": chinese_counting_thousand,
    "taiwaneseCountingThousand": chinese_counting_thousand,
    "japaneseCounting": chinese_counting_thousand,
    "chineseLegalSimplified": chinese_legal_simplified,
    "ideographLegalTraditional": ideograph_legal_traditional,
    "ideographDigital": ideograph_digital,
    "taiwaneseDigital": ideograph_digital,
    "japaneseDigitalTenThousand": ideograph_digital,
    "ideographTraditional": lambda n: _from_table(_HEAVENLY_STEMS, n),
    "ideographZodiac": lambda n: _from_table(_EARTHLY_BRANCHES, n),
    "upperLetter": lambda n: _letters(n, "A"),
    "lowerLetter": lambda n: _letters(n, "a"),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
}


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word's number format ``fmt``; decimal for formats not listed here."""
    return FORMATS.get(fmt, str)(n)

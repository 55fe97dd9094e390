import pytest

from gdplan.parser.numerals import circled_to_int, cn_to_int


@pytest.mark.parametrize(
    ("text", "value"),
    [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("十七", 17), ("二十", 20), ("二十三", 23),
     ("九十九", 99), ("一百", 100), ("一百零五", 105), ("二〇二五", 2025), ("两", 2)],
)  # fmt: skip
def test_chinese_numerals(text: str, value: int) -> None:
    assert cn_to_int(text) == value


def test_not_a_numeral() -> None:
    with pytest.raises(ValueError):
        cn_to_int("甲")
    with pytest.raises(ValueError):
        cn_to_int("")


def test_circled() -> None:
    assert circled_to_int("①") == 1
    assert circled_to_int("⑳") == 20

"""숨긴 확인 셀에서 쓰는 한 줄짜리 검사. 실패하면 무엇이 얼마나 어긋났는지 한국어로 알립니다."""

from __future__ import annotations

import math

import numpy as np


def check_shape(array, expected: tuple, name: str = "배열") -> None:
    """``array``의 모양이 ``expected``와 같은지 확인합니다. ``None``은 어떤 크기든 허용합니다."""
    shape = tuple(np.shape(array))
    ok = len(shape) == len(expected) and all(
        want is None or want == got for want, got in zip(expected, shape)
    )
    if not ok:
        raise AssertionError(f"{name}의 모양이 {shape}입니다. 기대한 모양: {expected}")


def check_between(value, low: float, high: float, name: str = "값") -> None:
    """``low <= value <= high``인지 확인합니다."""
    value = float(value)
    if math.isnan(value) or not low <= value <= high:
        raise AssertionError(f"{name} = {value:.6g}, 기대 범위 [{low}, {high}]")


def check_decreased(before: float, after: float, fraction: float, name: str = "손실") -> None:
    """``after``가 ``before``보다 적어도 ``fraction``(0~1)만큼 줄었는지 확인합니다."""
    if not 0 < fraction < 1:
        raise ValueError("fraction은 0과 1 사이여야 합니다.")
    before, after = float(before), float(after)
    if not (before > 0 and after <= before * (1 - fraction)):
        raise AssertionError(
            f"{name}이 {before:.6g}에서 {after:.6g}로 바뀌었습니다. "
            f"적어도 {fraction:.0%} 줄어야 합니다."
        )

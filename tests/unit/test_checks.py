import numpy as np
import pytest

from dlko import checks


def test_check_shape():
    checks.check_shape(np.zeros((4, 3)), (None, 3))
    with pytest.raises(AssertionError, match="모양이"):
        checks.check_shape(np.zeros((4, 3)), (4, 2), name="가중치")


def test_check_between():
    checks.check_between(0.95, 0.9, 1.0)
    with pytest.raises(AssertionError, match="기대 범위"):
        checks.check_between(0.5, 0.9, 1.0, name="정확도")
    with pytest.raises(AssertionError):
        checks.check_between(float("nan"), 0.0, 1.0)


def test_check_decreased():
    checks.check_decreased(10.0, 4.0, 0.5)
    with pytest.raises(AssertionError, match="줄어야"):
        checks.check_decreased(10.0, 6.0, 0.5)
    with pytest.raises(ValueError):
        checks.check_decreased(10.0, 6.0, 1.5)

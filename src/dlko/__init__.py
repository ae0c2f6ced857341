"""한국어 딥러닝 책의 장들이 함께 쓰는 도우미 패키지.

각 장의 첫 코드 셀은 ``dlko.setup()`` 하나만 부릅니다.
나머지 함수는 그 함수를 처음 가르친 장의 이름을 docstring에 적어 둡니다.
"""

from .environment import in_colab
from .runtime import glue, set_seed, setup

__all__ = ["glue", "in_colab", "set_seed", "setup"]
__version__ = "0.3.0"

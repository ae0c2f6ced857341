"""실행 환경 감지. 다른 모듈을 import하지 않으므로 ``runtime``과 ``plot``이 함께 씁니다."""

from __future__ import annotations

import sys


def in_colab() -> bool:
    """Google Colab 런타임 안에서 실행 중이면 ``True``."""
    return "google.colab" in sys.modules

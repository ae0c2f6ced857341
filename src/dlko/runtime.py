"""실행 준비: 시드 고정, 모든 장이 처음에 부르는 ``setup()``, glue (Colab 감지는 ``environment``)."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import random
import sys

import numpy as np

DEFAULT_SEED = 42
# 이 환경 변수가 있으면 모든 장이 그 값을 시드로 씁니다 (여러 시드로 장을 돌려 보는 make sweep)
SEED_VARIABLE = "DLKO_SEED"
# 이 환경 변수가 가리키는 파일에 glue한 값을 한 줄씩 적습니다 (myst-nb가 없는 Colab에서도 재도록)
GLUE_LOG_VARIABLE = "DLKO_GLUE_LOG"


@contextlib.contextmanager
def _stderr_fd_silenced():
    """C++ 코드가 파일 설명자 2에 바로 쓰는 메시지를 잠시 버립니다."""
    try:
        saved = os.dup(2)
    except OSError:  # 파일 설명자를 쓸 수 없는 환경
        yield
        return
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def quiet_tensorflow() -> None:
    """TensorFlow의 로그를 줄이고 GPU 메모리를 필요한 만큼만 잡게 합니다.

    GPU가 없는 컴퓨터에서 TensorFlow가 import와 장치 초기화 때 C++ 쪽에서 바로 찍는
    'CUDA 드라이버를 찾지 못했다'는 안내가 책의 출력에 섞이지 않도록,
    그 두 단계만 표준 오류를 잠시 닫고 실행합니다. 파이썬 예외는 그대로 올라옵니다.
    """
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("TF_FORCE_GPU_ALLOW_GROWTH", "true")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    if "tensorflow" in sys.modules:
        return
    try:
        with _stderr_fd_silenced():
            import tensorflow as tf

            tf.config.list_physical_devices("GPU")
    except ImportError:  # TensorFlow 없이 NumPy만 쓰는 환경
        return
    tf.get_logger().setLevel(logging.ERROR)


def _check_seed(seed) -> int:
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"시드는 0 이상의 정수여야 합니다. 받은 값: {seed!r}")
    if seed >= 2**32 - 1000:
        # NumPy의 옛 난수 생성기는 2³² 미만만 받고, 장 안의 실험은 seed + k를 씁니다
        raise ValueError(f"시드는 {2**32 - 1000}보다 작아야 합니다. 받은 값: {seed!r}")
    return int(seed)


def seed_from_environment(default: int = DEFAULT_SEED) -> int:
    """환경 변수 ``DLKO_SEED``가 있으면 그 값을, 없으면 ``default``를 돌려줍니다."""
    text = os.environ.get(SEED_VARIABLE, "").strip()
    if not text:
        return _check_seed(default)
    try:
        value = int(text)
    except ValueError:
        raise ValueError(
            f"환경 변수 {SEED_VARIABLE}에는 0 이상의 정수를 주세요. 받은 값: {text!r}"
        ) from None
    return _check_seed(value)


def set_seed(seed: int = DEFAULT_SEED) -> None:
    """파이썬, NumPy, Keras(TensorFlow)의 난수 시드를 한꺼번에 고정합니다."""
    seed = _check_seed(seed)
    random.seed(int(seed))
    np.random.seed(int(seed))
    try:
        import keras
    except ImportError:  # Keras 없이 NumPy만 쓰는 환경
        return
    keras.utils.set_random_seed(int(seed))


def setup(seed: int | None = None, korean_font: bool = True) -> int:
    """장을 시작할 때 한 번 부릅니다: 로그 정리, 그림 기본값, 한글 글꼴, 시드.

    시드는 ``seed``를 주면 그 값, 아니면 환경 변수 ``DLKO_SEED``, 그것도 없으면 42입니다.
    정한 시드를 돌려주므로 장은 ``SEED = dlko.setup()``으로 받아 모든 난수를 이 값에서 만듭니다.
    """
    seed = seed_from_environment() if seed is None else _check_seed(seed)
    quiet_tensorflow()
    from . import plot

    plot.set_figure_defaults()
    if korean_font:
        plot.use_korean_font()
    set_seed(seed)
    return seed


def glue(name: str, value, display: bool = False) -> None:
    """본문에 실행 결과를 붙이도록 값을 기록합니다 (``myst_nb.glue``).

    NumPy 수(``np.float64`` 등)는 파이썬 수로 바꿔 기록합니다. 그래야 본문의
    ``{glue:text}`이름:.3f``` 같은 형식 지정이 먹습니다.
    책을 만들 때만 의미가 있으므로 myst-nb가 없는 Colab에서는 아무것도 보이지 않습니다.
    환경 변수 ``DLKO_GLUE_LOG``가 파일을 가리키면 값을 그 파일에도 적습니다 (``make sweep``).
    """
    if isinstance(value, np.generic) or (isinstance(value, np.ndarray) and value.ndim == 0):
        value = value.item()
    _append_to_glue_log(name, value)
    try:
        from myst_nb import glue as myst_glue
    except ImportError:
        return
    myst_glue(name, value, display=display)


def _append_to_glue_log(name: str, value) -> None:
    """``DLKO_GLUE_LOG``가 있으면 glue한 이름과 값을 JSON 한 줄로 덧붙입니다."""
    path = os.environ.get(GLUE_LOG_VARIABLE)
    if not path:
        return
    if not isinstance(value, (bool, int, float, str)):
        value = repr(value)
    with open(path, "a", encoding="utf-8") as stream:
        stream.write(json.dumps({"name": name, "value": value}, ensure_ascii=False) + "\n")

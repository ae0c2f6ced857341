"""그림: 한글 글꼴, 그림 기본값, 학습 곡선, 이미지 격자."""

from __future__ import annotations

import subprocess
import warnings
from collections.abc import Sequence
from pathlib import Path

import matplotlib as mpl
import numpy as np
from matplotlib import font_manager

from .environment import in_colab

# 먼저 찾은 글꼴을 씁니다. 본 고딕(Noto Sans CJK)은 한글과 수식의 빼기 기호(U+2212)를 모두 가진
# 몇 안 되는 글꼴이라 맨 앞에 둡니다 (Debian 패키지 fonts-noto-cjk). 나눔 글꼴에는 U+2212가 없어
# 로그 눈금의 10⁻²처럼 수식으로 그리는 음수 지수가 빈 네모로 나옵니다
KOREAN_FONT_FAMILIES = (
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "Noto Sans CJK JP",
    "NanumGothic",
    "NanumBarunGothic",
    "UnDotum",
    "Malgun Gothic",
    "AppleGothic",
)
_FONT_FILE_HINTS = ("nanum", "notosanscjk", "notosanskr", "undotum", "malgun", "applegothic")


class KoreanFontWarning(UserWarning):
    """한글 글꼴을 찾지 못했을 때 내는 경고."""


def _known_families() -> set[str]:
    return {entry.name for entry in font_manager.fontManager.ttflist}


def _register_system_korean_fonts() -> None:
    """matplotlib 글꼴 캐시가 만들어진 뒤 설치된 한글 글꼴을 등록합니다.

    Colab에서 apt로 글꼴을 설치한 직후에도 런타임을 다시 시작하지 않아도 됩니다.
    """
    known_files = {Path(entry.fname).name for entry in font_manager.fontManager.ttflist}
    for path in font_manager.findSystemFonts():
        name = Path(path).name
        if name in known_files:
            continue
        if any(hint in name.lower() for hint in _FONT_FILE_HINTS):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue


def find_korean_font() -> str | None:
    """설치된 한글 글꼴 가운데 가장 알맞은 것의 가족 이름을 돌려줍니다. 없으면 ``None``."""
    _register_system_korean_fonts()
    known = _known_families()
    for family in KOREAN_FONT_FAMILIES:
        if family in known:
            return family
    return None


def _install_korean_font_on_colab() -> str:
    """fonts-noto-cjk를 apt로 설치합니다. 실패하면 패키지 목록을 새로 받아 한 번 더 해 봅니다.

    성공하면 빈 문자열을, 실패하면 apt가 마지막에 한 말을 돌려줍니다.
    """

    def apt(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run(["apt-get", "-qq", *arguments], check=False, capture_output=True, text=True)

    try:
        result = apt("install", "-y", "fonts-noto-cjk")
        if result.returncode != 0:  # 오래된 패키지 목록이면 찾지 못하므로 목록을 새로 받습니다
            apt("update")
            result = apt("install", "-y", "fonts-noto-cjk")
    except OSError as error:  # apt-get이 없는 환경
        return str(error)
    if result.returncode == 0:
        return ""
    lines = [line for line in (result.stderr or result.stdout).splitlines() if line.strip()]
    return lines[-1] if lines else f"apt-get 종료 코드 {result.returncode}"


def use_korean_font() -> str | None:
    """한글 글꼴을 matplotlib 기본 글꼴로 정하고 그 이름을 돌려줍니다.

    Colab에서는 글꼴이 없으면 fonts-noto-cjk를 설치합니다.
    """
    family = find_korean_font()
    apt_problem = ""
    if family is None and in_colab():
        apt_problem = _install_korean_font_on_colab()
        family = find_korean_font()
    if family is None:
        reason = f" (apt-get으로 fonts-noto-cjk를 설치하지 못했습니다: {apt_problem})" if apt_problem else ""
        warnings.warn(
            f"한글 글꼴을 찾지 못해 그림의 한글이 네모로 보일 수 있습니다{reason}. "
            "Debian/Ubuntu에서는 'sudo apt-get update && sudo apt-get install fonts-noto-cjk'로 "
            "본 고딕(Noto Sans CJK)을 설치한 뒤 다시 실행하세요.",
            KoreanFontWarning,
            stacklevel=2,
        )
        return None
    # 수식 안의 글자('가중치 $W$'의 '가중치')는 첫 글꼴로만 그려지므로 한글 글꼴을 맨 앞에 둡니다.
    # 한글 글꼴에 없는 기호는 DejaVu Sans가 대신 그립니다
    mpl.rcParams["font.family"] = [family, "DejaVu Sans"]
    return family


def set_figure_defaults() -> None:
    """책 전체에서 같은 크기와 모양의 그림을 씁니다."""
    mpl.rcParams.update(
        {
            "figure.figsize": (6.4, 4.0),
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "legend.frameon": False,
        }
    )


def plot_history(history, metrics: Sequence[str] = ("loss",), axes=None):
    """Keras ``fit()``이 돌려준 기록으로 학습 곡선을 그립니다.

    `history`에는 ``keras.callbacks.History`` 또는 그 ``.history`` 사전을 넘깁니다.
    (선형 회귀 장에서 처음 씁니다.)
    """
    import matplotlib.pyplot as plt

    logs = getattr(history, "history", history)
    if not isinstance(logs, dict) or not logs:
        raise ValueError("history에는 fit()이 돌려준 History나 비어 있지 않은 사전을 넘기세요.")
    missing = [name for name in metrics if name not in logs]
    if missing:
        raise KeyError(f"학습 기록에 {missing} 항목이 없습니다. 있는 항목: {sorted(logs)}")
    if axes is None:
        _, axes = plt.subplots(1, len(metrics), figsize=(5.2 * len(metrics), 3.6), squeeze=False)
        axes = axes[0]
    axes = np.atleast_1d(axes)
    for ax, name in zip(axes, metrics):
        epochs = np.arange(1, len(logs[name]) + 1)
        ax.plot(epochs, logs[name], marker="o", markersize=3, label="훈련")
        if f"val_{name}" in logs:
            ax.plot(epochs, logs[f"val_{name}"], marker="o", markersize=3, label="검증")
        ax.set_xlabel("에포크")
        ax.set_ylabel(name)
        ax.legend()
    return axes


def show_images(images, labels=None, ncols: int = 8, cmap: str = "gray", size: float = 1.2):
    """이미지 여러 장을 격자로 보여 줍니다. ``labels``가 있으면 제목으로 씁니다."""
    import matplotlib.pyplot as plt

    images = np.asarray(images)
    if images.ndim not in (3, 4) or len(images) == 0:
        raise ValueError(
            f"images는 (개수, 높이, 너비) 또는 (개수, 높이, 너비, 채널) 배열이어야 합니다. "
            f"받은 모양: {images.shape}"
        )
    if labels is not None and len(labels) != len(images):
        raise ValueError(f"labels 개수({len(labels)})가 이미지 개수({len(images)})와 다릅니다.")
    if ncols < 1:
        raise ValueError("ncols는 1 이상이어야 합니다.")
    ncols = min(ncols, len(images))
    nrows = int(np.ceil(len(images) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(size * ncols, size * nrows + 0.2), squeeze=False)
    for index, ax in enumerate(axes.flat):
        ax.axis("off")
        if index >= len(images):
            continue
        image = images[index]
        if image.ndim == 3 and image.shape[-1] == 1:
            image = image[..., 0]
        ax.imshow(image, cmap=cmap if image.ndim == 2 else None)
        if labels is not None:
            ax.set_title(str(labels[index]), fontsize=9)
    fig.tight_layout()
    return fig

import subprocess
import warnings

import subprocess
import numpy as np
import pytest
from matplotlib import font_manager

from dlko import plot

KOREAN_FIGURE = r"""
import io, json, logging, warnings
warnings.simplefilter("error")  # 글리프가 없다는 경고를 실패로
messages = []
class Collect(logging.Handler):
    def emit(self, record):
        messages.append(record.getMessage())
logging.getLogger("matplotlib").addHandler(Collect())
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib import font_manager
import dlko
dlko.setup()
fig, (ax, ax_log) = plt.subplots(1, 2)
ax.plot([-3, -1, 2], [1, -2, 3])
ax.set_title("한글 제목: 학습률과 비용 −1")
ax.set_xlabel("가중치 $W$")
ax_log.semilogy([1, 2, 3], [0.01, 0.1, 1.0])  # 눈금 10^-2는 수식으로 그려집니다
ax_log.set_ylabel("비용 (로그 눈금)")
buffer = io.BytesIO()
fig.savefig(buffer, format="png")
family = matplotlib.rcParams["font.family"][0]
path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
print(json.dumps({"family": family, "path": path, "logged": [m for m in messages if "findfont" in m or "glyph" in m.lower()], "bytes": buffer.tell()}))
"""


def test_korean_title_renders_with_a_real_korean_font(run_python, tmp_path):
    # 새 matplotlib 캐시(처음 켠 Colab과 같은 상태)에서 그려 봅니다
    result = run_python(KOREAN_FIGURE, {"MPLCONFIGDIR": str(tmp_path)})
    assert result["family"] in plot.KOREAN_FONT_FAMILIES
    assert "notosanscjk" in result["path"].lower()
    assert result["logged"] == []
    assert result["bytes"] > 1000


def test_fonts_installed_after_cache_are_registered(monkeypatch):
    # Colab에서 apt로 글꼴을 설치한 직후처럼, 캐시에 한글 글꼴이 없는 상태를 흉내 냅니다
    without_korean = [f for f in font_manager.fontManager.ttflist if "cjk" not in f.fname.lower()]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", without_korean)
    assert plot.find_korean_font() == "Noto Sans CJK KR"


def test_missing_korean_font_warns_in_korean(monkeypatch):
    hints = ("cjk", "nanum", "undotum")
    without_korean = [
        f for f in font_manager.fontManager.ttflist if not any(h in f.fname.lower() for h in hints)
    ]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", without_korean)
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [])
    with pytest.warns(plot.KoreanFontWarning, match="fonts-noto-cjk"):
        assert plot.use_korean_font() is None


def test_plot_history_rejects_bad_input():
    with pytest.raises(ValueError, match="비어 있지 않은 사전"):
        plot.plot_history({})
    with pytest.raises(KeyError, match="accuracy"):
        plot.plot_history({"loss": [1.0, 0.5]}, metrics=("accuracy",))


def test_plot_history_draws_train_and_validation():
    import matplotlib.pyplot as plt

    axes = plot.plot_history({"loss": [1.0, 0.5, 0.3], "val_loss": [1.1, 0.7, 0.6]})
    assert len(axes[0].lines) == 2
    plt.close("all")


def test_show_images_checks_shapes():
    import matplotlib.pyplot as plt

    with pytest.raises(ValueError, match="모양"):
        plot.show_images(np.zeros((28, 28)))
    with pytest.raises(ValueError, match="labels 개수"):
        plot.show_images(np.zeros((3, 28, 28)), labels=[1, 2])
    plot.use_korean_font()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # 한글 제목에 글리프가 없으면 실패
        fig = plot.show_images(np.zeros((5, 28, 28, 1)), labels=list("가나다라마"), ncols=3)
    assert len(fig.axes) == 6
    plt.close("all")


def test_colab_font_install_updates_package_lists_and_retries(monkeypatch):
    from dlko import plot

    calls = []

    def fake_run(command, **kwargs):
        calls.append(command[2:])
        # 오래된 목록에서는 설치가 실패하고, update 뒤에는 성공합니다
        failed = command[2] == "install" and ["update"] not in calls
        return subprocess.CompletedProcess(command, 100 if failed else 0, "", "E: Unable to locate package" if failed else "")

    monkeypatch.setattr(plot.subprocess, "run", fake_run)
    assert plot._install_korean_font_on_colab() == ""
    assert calls == [["install", "-y", "fonts-noto-cjk"], ["update"], ["install", "-y", "fonts-noto-cjk"]]


def test_colab_font_warning_says_what_apt_said(monkeypatch):
    from dlko import plot

    monkeypatch.setattr(plot, "find_korean_font", lambda: None)
    monkeypatch.setattr(plot, "in_colab", lambda: True)
    monkeypatch.setattr(plot, "_install_korean_font_on_colab", lambda: "E: Unable to locate package fonts-noto-cjk")
    with pytest.warns(plot.KoreanFontWarning, match="Unable to locate package"):
        assert plot.use_korean_font() is None

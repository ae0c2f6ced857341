import json
import sys

import numpy as np
import pytest

import dlko
from dlko import runtime


def test_in_colab_follows_google_colab_module(monkeypatch):
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    assert not dlko.in_colab()
    monkeypatch.setitem(sys.modules, "google.colab", object())
    assert dlko.in_colab()


def test_set_seed_makes_numpy_and_keras_repeatable():
    import keras

    dlko.set_seed(7)
    first = (np.random.rand(3), keras.random.uniform((3,)).numpy())
    dlko.set_seed(7)
    second = (np.random.rand(3), keras.random.uniform((3,)).numpy())
    np.testing.assert_array_equal(first[0], second[0])
    np.testing.assert_array_equal(first[1], second[1])


@pytest.mark.parametrize("bad", [-1, 1.5, "42", True])
def test_set_seed_rejects_bad_values_in_korean(bad):
    with pytest.raises(ValueError, match="시드는 0 이상의 정수"):
        dlko.set_seed(bad)


def test_setup_sets_environment_and_font():
    import matplotlib

    dlko.setup(seed=3)
    assert runtime.os.environ["TF_FORCE_GPU_ALLOW_GROWTH"] == "true"
    assert matplotlib.rcParams["font.family"][0] == "Noto Sans CJK KR"


def test_glue_is_silent_without_myst_nb(monkeypatch):
    monkeypatch.setitem(sys.modules, "myst_nb", None)  # import가 ImportError를 내게 함
    assert dlko.glue("x", 1.0) is None


def test_glue_turns_numpy_scalars_into_python_numbers(monkeypatch):
    recorded = {}

    def fake_glue(name, value, display=True):
        recorded[name] = value

    import myst_nb

    monkeypatch.setattr(myst_nb, "glue", fake_glue)
    dlko.glue("a", np.float64(0.25))
    dlko.glue("b", np.array(3))
    assert type(recorded["a"]) is float and recorded["a"] == 0.25
    assert type(recorded["b"]) is int


def test_setup_returns_the_seed_from_dlko_seed(monkeypatch):
    monkeypatch.setenv("DLKO_SEED", "7")
    assert dlko.setup(korean_font=False) == 7
    first = np.random.rand(3)
    monkeypatch.delenv("DLKO_SEED")
    assert dlko.setup(korean_font=False) == runtime.DEFAULT_SEED == 42
    assert dlko.setup(seed=7, korean_font=False) == 7  # 직접 준 값이 환경 변수보다 앞섭니다
    np.testing.assert_array_equal(np.random.rand(3), first)


@pytest.mark.parametrize("bad", ["-1", "1.5", "마흔둘", str(2**32)])
def test_bad_dlko_seed_is_refused_in_korean(monkeypatch, bad):
    monkeypatch.setenv("DLKO_SEED", bad)
    with pytest.raises(ValueError, match="DLKO_SEED|시드는"):
        dlko.setup(korean_font=False)


def test_glue_log_records_values_for_the_sweep(monkeypatch, tmp_path):
    log = tmp_path / "glue.jsonl"
    monkeypatch.setenv("DLKO_GLUE_LOG", str(log))
    monkeypatch.setitem(sys.modules, "myst_nb", None)  # Colab처럼 myst-nb가 없어도
    dlko.glue("accuracy", np.float32(0.5))
    dlko.glue("name", "합성곱")
    dlko.glue("table", {"a": 1})
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {"name": "accuracy", "value": 0.5},
        {"name": "name", "value": "합성곱"},
        {"name": "table", "value": "{'a': 1}"},
    ]


def test_helper_modules_import_without_a_circle():
    """plot은 runtime을 import하지 않습니다 (runtime.setup이 plot을 부르므로 거꾸로 가면 고리가 생김)."""
    import ast
    from pathlib import Path

    package = Path(dlko.__file__).parent

    def relative_imports(module: str) -> set[str]:
        tree = ast.parse((package / f"{module}.py").read_text(encoding="utf-8"))
        return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level}

    assert "runtime" not in relative_imports("plot"), "plot.py가 runtime을 import합니다"
    assert relative_imports("environment") == set(), "environment.py는 이 패키지의 다른 모듈을 import하지 않습니다"

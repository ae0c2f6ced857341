"""데이터 불러오기: 캐시에서 찾기, 네트워크가 없을 때와 파일이 손상되었을 때의 한국어 오류."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dlko import data

ROOT = Path(__file__).resolve().parents[2]
OFFLINE = {
    # 어떤 주소로도 나가지 못하게, 닫힌 포트를 프록시로 지정합니다
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "no_proxy": "",
    "NO_PROXY": "",
}
TEMPLATE = """
import json
from dlko import data
try:
    value = {action}
    result = {{"ok": True, "value": value}}
except Exception as error:
    result = {{"ok": False, "type": type(error).__name__, "message": str(error)}}
print(json.dumps(result, ensure_ascii=False))
"""


def _cached_copy(fname: str) -> Path | None:
    """이 컴퓨터에 이미 있는 데이터 파일(Keras 캐시나 shared/data)을 찾습니다."""
    home = Path(os.environ.get("KERAS_HOME", Path.home() / ".keras"))
    for candidate in (
        home / "datasets" / fname,
        ROOT.parent / "shared" / "data" / fname,
        ROOT.parent / "shared" / "data" / "nsmc" / fname,
    ):
        if candidate.is_file():
            return candidate
    return None


def _offline_env(keras_home: Path) -> dict:
    return {**OFFLINE, "KERAS_HOME": str(keras_home)}


def test_missing_file_offline_names_file_address_and_folder(run_python, tmp_path):
    result = run_python(TEMPLATE.format(action="str(data.load_mnist())"), _offline_env(tmp_path))
    assert not result["ok"]
    assert result["type"] == "DatasetUnavailableError"
    message = result["message"]
    assert "mnist.npz" in message and data.MNIST.origin in message
    assert str(tmp_path / "datasets") in message
    assert "내려받지 못했고" in message


def test_corrupt_file_offline_says_corrupt(run_python, tmp_path):
    (tmp_path / "datasets").mkdir()
    (tmp_path / "datasets" / "mnist.npz").write_bytes(b"not a real npz file")
    result = run_python(TEMPLATE.format(action="str(data.load_mnist())"), _offline_env(tmp_path))
    assert not result["ok"]
    assert result["type"] == "DatasetCorruptError"
    assert "sha256" in result["message"] and "손상" in result["message"]


def test_nsmc_missing_offline(run_python, tmp_path):
    action = "str(data.fetch(data.NSMC_TEST))"
    result = run_python(TEMPLATE.format(action=action), _offline_env(tmp_path))
    assert result["type"] == "DatasetUnavailableError"
    assert "ratings_test.txt" in result["message"] and data.NSMC_TEST.origin in result["message"]


def test_mnist_loads_from_cache_without_network(run_python, tmp_path):
    source = _cached_copy("mnist.npz")
    if source is None:
        pytest.skip("mnist.npz가 이 컴퓨터에 없습니다")
    (tmp_path / "datasets").mkdir()
    (tmp_path / "datasets" / "mnist.npz").symlink_to(source)
    action = "[list(array.shape) for pair in data.load_mnist() for array in pair]"
    result = run_python(TEMPLATE.format(action=action), _offline_env(tmp_path))
    assert result == {"ok": True, "value": [[60000, 28, 28], [60000], [10000, 28, 28], [10000]]}


def test_nsmc_loads_from_cache_without_network(run_python, tmp_path):
    sources = [_cached_copy(name) for name in ("ratings_train.txt", "ratings_test.txt")]
    if None in sources:
        pytest.skip("NSMC 파일이 이 컴퓨터에 없습니다")
    (tmp_path / "datasets").mkdir()
    for source in sources:
        (tmp_path / "datasets" / source.name).symlink_to(source)
    action = (
        "[(len(f), int(f['label'].sum()), int((f['document'] == '').sum())) for f in data.load_nsmc()]"
    )
    result = run_python(TEMPLATE.format(action=action), _offline_env(tmp_path))
    # PROVENANCE.md: 훈련 150000개(긍정 74827, 빈 리뷰 5), 테스트 50000개(긍정 25173, 빈 리뷰 3)
    assert result == {"ok": True, "value": [[150000, 74827, 5], [50000, 25173, 3]]}


def test_read_nsmc_keeps_quotes_and_empty_reviews(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text('id\tdocument\tlabel\n1\t"최고"라는 말이 아깝다\t0\n2\t\t1\n3\t재밌어요\t1\n', encoding="utf-8")
    frame = data.read_nsmc(path)
    assert list(frame["document"]) == ['"최고"라는 말이 아깝다', "", "재밌어요"]
    assert list(frame["label"]) == [0, 1, 1]


@pytest.mark.parametrize(
    "content, match",
    [
        (b"\xff\xfe\x00\x00binary garbage\x00\x01", "읽지 못했습니다"),
        ("id,document,label\n1,좋다,1\n".encode(), "열 이름"),
        ("id\tdocument\tlabel\n1\t좋다\t긍정\n".encode(), "0과 1이 아닌"),
        (b"", "읽지 못했습니다"),
    ],
    ids=["binary", "wrong-separator", "bad-label", "empty"],
)
def test_read_nsmc_rejects_corrupt_files_in_korean(tmp_path, content, match):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(data.DatasetCorruptError, match=match):
        data.read_nsmc(path)


def test_read_nsmc_missing_path(tmp_path):
    with pytest.raises(data.DatasetUnavailableError, match="없습니다"):
        data.read_nsmc(tmp_path / "nope.txt")

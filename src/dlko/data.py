"""데이터: Keras 캐시를 거쳐 받는 데이터셋과, 받지 못했을 때의 한국어 안내.

인터넷이 없어도 Keras 캐시 폴더(``$KERAS_HOME/datasets``, 기본 ``~/.keras/datasets``)에
파일이 있으면 그대로 씁니다. 파일이 없거나 손상되었으면 무엇을 어디에 두어야 하는지
한국어로 알려 줍니다.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path


class DatasetUnavailableError(RuntimeError):
    """데이터 파일을 받을 수도, 캐시에서 찾을 수도 없을 때."""


class DatasetCorruptError(RuntimeError):
    """데이터 파일이 있지만 내용이 기대와 다를 때."""


@dataclass(frozen=True)
class RemoteFile:
    """내려받을 파일 하나: 캐시에 둘 이름, 주소, sha256."""

    fname: str
    origin: str
    sha256: str


MNIST = RemoteFile(
    "mnist.npz",
    "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz",
    "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1",
)
NSMC_TRAIN = RemoteFile(
    "ratings_train.txt",
    "https://raw.githubusercontent.com/e9t/nsmc/master/ratings_train.txt",
    "e03b7d14e9e41be8d464a28057cd25d7396c53e67aa7fd5f7e552c59b0ee2940",
)
NSMC_TEST = RemoteFile(
    "ratings_test.txt",
    "https://raw.githubusercontent.com/e9t/nsmc/master/ratings_test.txt",
    "8ac9f64052f11dbf6ae0acb5e038f03d90a76f0eda7820cfb3a92d02edfcebda",
)


def keras_cache_dir() -> Path:
    """Keras가 데이터셋을 찾는 폴더 (``get_file``과 같은 규칙)."""
    base = os.environ.get("KERAS_HOME")
    if base is None:
        home = os.path.expanduser("~")
        base = os.path.join(home if os.access(home, os.W_OK) else "/tmp", ".keras")
    return Path(base) / "datasets"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _cache_state(remote: RemoteFile) -> str:
    path = keras_cache_dir() / remote.fname
    if not path.exists():
        return "missing"
    return "ok" if sha256_of(path) == remote.sha256 else "corrupt"


def _explain(remote: RemoteFile, state_before: str, error: BaseException) -> RuntimeError:
    folder = keras_cache_dir()
    where = (
        f"  파일: {remote.fname}\n"
        f"  주소: {remote.origin}\n"
        f"  둘 곳: {folder}/{remote.fname}\n"
        f"  sha256: {remote.sha256}"
    )
    if state_before == "corrupt":
        return DatasetCorruptError(
            f"캐시에 있던 {remote.fname} 파일의 sha256이 원본과 달라(손상되었거나 다른 파일) "
            f"다시 받으려 했지만 받지 못했습니다.\n{where}\n"
            f"위 주소에서 파일을 받아 같은 이름으로 넣은 뒤 다시 실행하세요.\n"
            f"(원래 오류: {error})"
        )
    return DatasetUnavailableError(
        f"{remote.fname} 파일을 내려받지 못했고 Keras 캐시에도 없습니다. "
        f"인터넷 연결을 확인하거나, 다른 컴퓨터에서 파일을 받아 아래 폴더에 넣으세요.\n"
        f"{where}\n(원래 오류: {error})"
    )


def fetch(remote: RemoteFile) -> Path:
    """``keras.utils.get_file``로 파일을 받아(또는 캐시에서 찾아) 경로를 돌려줍니다."""
    import keras

    state = _cache_state(remote)
    try:
        path = keras.utils.get_file(remote.fname, remote.origin, file_hash=remote.sha256)
    except Exception as error:  # get_file은 내려받기 실패를 Exception으로 알립니다
        raise _explain(remote, state, error) from error
    return Path(path)


def load_mnist():
    """MNIST를 ``keras.datasets.mnist.load_data()``로 불러옵니다.

    ``((x_train, y_train), (x_test, y_test))``를 돌려줍니다. (소프트맥스 회귀 장에서 처음 씁니다.)
    """
    import keras

    state = _cache_state(MNIST)
    try:
        return keras.datasets.mnist.load_data()
    except Exception as error:
        raise _explain(MNIST, state, error) from error


def read_nsmc(path):
    """NSMC 형식(탭으로 나눈 ``id document label``) 파일 하나를 DataFrame으로 읽습니다.

    빈 리뷰는 빈 문자열로 둡니다. 형식이 다르면 ``DatasetCorruptError``를 냅니다.
    """
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise DatasetUnavailableError(f"NSMC 파일이 없습니다: {path}")
    try:
        frame = pd.read_csv(path, sep="\t", quoting=3, dtype={"document": "string"})
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise DatasetCorruptError(
            f"{path.name}을(를) NSMC 형식(탭으로 나눈 id, document, label)으로 읽지 못했습니다. "
            f"파일이 손상되었을 수 있으니 지우고 다시 받으세요. ({type(error).__name__})"
        ) from None
    expected = ["id", "document", "label"]
    if list(frame.columns) != expected:
        raise DatasetCorruptError(
            f"{path.name}의 열 이름이 {list(frame.columns)}입니다. NSMC 파일은 {expected}여야 합니다."
        )
    labels = pd.to_numeric(frame["label"], errors="coerce")
    if labels.isna().any() or not labels.isin([0, 1]).all():
        raise DatasetCorruptError(f"{path.name}의 label 열에 0과 1이 아닌 값이 있습니다.")
    frame["label"] = labels.astype("int64")
    frame["document"] = frame["document"].fillna("").astype(str)
    return frame


def load_nsmc():
    """NSMC 훈련(150,000개)과 테스트(50,000개) 리뷰를 ``(train, test)`` DataFrame으로 돌려줍니다."""
    return read_nsmc(fetch(NSMC_TRAIN)), read_nsmc(fetch(NSMC_TEST))

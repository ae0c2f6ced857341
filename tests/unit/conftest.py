from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run_python():
    """새 파이썬 프로세스에서 코드를 실행하고 마지막 줄에 찍은 JSON을 돌려줍니다.

    KERAS_HOME처럼 import할 때 한 번만 읽는 환경 변수를 시험할 때 씁니다.
    """

    def run(code: str, env_extra: dict | None = None, timeout: int = 300):
        env = dict(os.environ)
        env.update(env_extra or {})
        result = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
            cwd=ROOT,
        )
        lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
        assert lines, f"JSON 출력이 없습니다.\nstdout:\n{result.stdout}\nstderr:\n{result.stderr[-3000:]}"
        return json.loads(lines[-1])

    return run

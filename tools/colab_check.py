"""장 하나를 Colab 런타임처럼 만든 깨끗한 환경에서, 장의 설치 셀부터 그대로 실행합니다.

    make colab-check CHAPTER=14

- Python 3.12 가상 환경(.venv-colab)에 Colab이 기본으로 싣는 패키지만 둡니다(tools/colab-runtime.txt).
  장을 돌릴 때마다 그 장의 설치 셀이 더한 패키지(dlko, kiwipiepy 등)를 지워 처음 상태로 되돌립니다.
- 커널이 시작할 때 ``google.colab``을 import하므로 장의 첫 셀은 Colab에서처럼 ``%pip install``을 합니다.
- 그 설치 줄의 저장소 주소(``_config.yml``)는 git의 ``insteadOf``로 이 저장소의 복사본을 가리키고,
  복사본에는 지금 커밋에 ``v<pyproject.toml의 버전>`` 태그를 붙입니다. 그래서 독자가 받을 것과 같은
  도우미가, 지금 커밋한 내용으로 설치됩니다 (커밋하지 않은 src/ 변경은 들어가지 않습니다).
- 장의 .ipynb만 빈 폴더에 넣고 실행하므로 이 저장소의 다른 파일은 보이지 않습니다.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import chapter_runs  # noqa: E402

ROOT = chapter_runs.ROOT
VENV = Path(os.environ.get("COLAB_VENV", ROOT / ".venv-colab"))
RUNTIME_REQUIREMENTS = ROOT / "tools" / "colab-runtime.txt"
BASE_FREEZE = VENV / "colab-base-freeze.txt"
COLAB_PYTHON = os.environ.get("COLAB_PYTHON", "python3.12")
# --in-place: 가상 환경을 만들지 않고 지금 파이썬(주간 워크플로의 Colab 런타임 이미지)에서 실행
_in_place = False


def _python() -> Path:
    return Path(sys.executable) if _in_place else VENV / "bin" / "python"


def _freeze() -> set[str]:
    out = subprocess.run([_python(), "-m", "pip", "freeze", "--all"], capture_output=True, text=True, check=True)
    return {line.split("==")[0].split(" @ ")[0].lower() for line in out.stdout.splitlines() if line.strip()}


def ensure_environment() -> None:
    """Colab을 흉내 낸 가상 환경을 만들고(없거나 패키지 목록이 바뀌었으면), 처음 상태를 기록합니다."""
    if _in_place:
        if not BASE_FREEZE.exists():
            BASE_FREEZE.write_text("\n".join(sorted(_freeze())) + "\n", encoding="utf-8")
        return
    stamp = VENV / "colab-runtime.txt"
    wanted = RUNTIME_REQUIREMENTS.read_text(encoding="utf-8")
    if stamp.exists() and stamp.read_text(encoding="utf-8") == wanted and BASE_FREEZE.exists():
        return
    interpreter = shutil.which(COLAB_PYTHON)
    if interpreter is None:
        raise SystemExit(
            f"Colab과 같은 {COLAB_PYTHON}을 찾지 못했습니다. "
            "Python 3.12를 설치하거나 COLAB_PYTHON=/경로/python3.12로 알려 주세요."
        )
    print(f"[colab] {interpreter}로 {VENV}를 만듭니다 (몇 분 걸립니다)", flush=True)
    shutil.rmtree(VENV, ignore_errors=True)
    subprocess.run([interpreter, "-m", "venv", str(VENV)], check=True)
    subprocess.run([_python(), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    subprocess.run([_python(), "-m", "pip", "install", "-q", "-r", str(RUNTIME_REQUIREMENTS)], check=True)
    BASE_FREEZE.write_text("\n".join(sorted(_freeze())) + "\n", encoding="utf-8")
    stamp.write_text(wanted, encoding="utf-8")


def reset_environment() -> list[str]:
    """앞 장의 설치 셀이 더한 패키지를 지웁니다. 지운 패키지 이름을 돌려줍니다."""
    base = set(BASE_FREEZE.read_text(encoding="utf-8").split())
    extra = sorted(_freeze() - base)
    if extra:
        subprocess.run([_python(), "-m", "pip", "uninstall", "-q", "-y", *extra], check=True)
    return extra


def _repository_url() -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return config["repository"]["url"].rstrip("/")


def _version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def prepare_repository_copy(folder: Path) -> Path:
    """이 저장소를 맨 저장소로 복사하고 지금 커밋에 릴리스 태그를 붙인 뒤, git 설정 파일을 돌려줍니다."""
    bare = folder / "dlko.git"
    subprocess.run(["git", "clone", "-q", "--bare", "--no-local", str(ROOT), str(bare)], check=True)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True)
    subprocess.run(["git", "-C", str(bare), "tag", "-f", f"v{_version()}", head.stdout.strip()], check=True, capture_output=True)
    gitconfig = folder / "gitconfig"
    gitconfig.write_text(f'[url "file://{bare}"]\n\tinsteadOf = {_repository_url()}\n', encoding="utf-8")
    return gitconfig


def _real_colab_available() -> bool:
    probe = subprocess.run([_python(), "-c", "import google.colab"], capture_output=True)
    return probe.returncode == 0


def prepare_kernel_start(folder: Path) -> tuple[Path, Path]:
    """커널이 시작할 때 ``google.colab``을 import하게 합니다 (없으면 빈 모듈로 흉내 냅니다)."""
    fake = folder / "fake_colab"
    if not (_in_place and _real_colab_available()):
        (fake / "google" / "colab").mkdir(parents=True)
        (fake / "google" / "colab" / "__init__.py").write_text('"""Colab을 흉내 내는 빈 모듈"""\n', encoding="utf-8")
    ipython_dir = folder / "ipython"
    startup = ipython_dir / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-colab.py").write_text("import google.colab  # Colab의 커널처럼\n", encoding="utf-8")
    return fake, ipython_dir


def check_chapter(notebook: Path, timeout: int = 1800, seed: int | None = None) -> dict:
    """장 하나를 Colab처럼 실행하고 chapter_runs의 결과 사전에 설치 기록을 더해 돌려줍니다."""
    ensure_environment()
    reset_environment()
    with tempfile.TemporaryDirectory(prefix="colab-check-") as name:
        folder = Path(name)
        gitconfig = prepare_repository_copy(folder)
        fake, ipython_dir = prepare_kernel_start(folder)
        workdir = folder / "content"  # Colab의 작업 폴더처럼 비어 있는 폴더
        workdir.mkdir()
        copy = workdir / notebook.name
        shutil.copy(notebook, copy)
        env = dict(os.environ)
        env.pop("DLKO_SEED", None)
        env.pop("VIRTUAL_ENV", None)
        if fake.exists():
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(fake), env.get("PYTHONPATH")]))
        env.update(
            IPYTHONDIR=str(ipython_dir),
            GIT_CONFIG_GLOBAL=str(gitconfig),
            GIT_CONFIG_NOSYSTEM="1",
            PATH=f"{_python().parent}{os.pathsep}{env.get('PATH', '')}",
        )
        command = [
            str(_python()), str(ROOT / "tools" / "chapter_runs.py"), str(copy),
            "--workdir", str(workdir), "--timeout", str(timeout), "--glue-log", str(folder / "glue.jsonl"),
        ]
        if seed is not None:
            command += ["--seed", str(seed)]
        completed = subprocess.run(command, capture_output=True, text=True, env=env, cwd=workdir)
    if completed.returncode != 0:
        outcome = {"chapter": notebook.stem, "passed": False, "check": "(실행기 오류)", "error": completed.stderr[-500:]}
    else:
        outcome = json.loads(completed.stdout)
    installed = subprocess.run([_python(), "-m", "pip", "freeze"], capture_output=True, text=True).stdout
    outcome["installed"] = [line for line in installed.splitlines() if line.lower().split("==")[0].split(" @ ")[0] not in
                            set(BASE_FREEZE.read_text(encoding="utf-8").split())]
    return outcome


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="장 하나를 Colab을 흉내 낸 환경에서 설치 셀부터 실행합니다")
    parser.add_argument("chapter", help="장 번호 (예: 14), 여러 개 ('04 14'), 또는 all")
    parser.add_argument("--timeout", type=int, default=1800)
    parser.add_argument(
        "--in-place", action="store_true",
        help="가상 환경을 만들지 않고 이 파이썬에서 실행 (Colab 런타임 이미지 안의 주간 워크플로)",
    )
    args = parser.parse_args()
    if args.in_place:
        global _in_place, BASE_FREEZE
        _in_place = True
        BASE_FREEZE = Path(tempfile.mkdtemp(prefix="colab-base-")) / "freeze.txt"
    notebooks = chapter_runs.chapter_paths(args.chapter)
    failed = []
    for notebook in notebooks:
        outcome = check_chapter(notebook, timeout=args.timeout)
        print(f"[colab] {notebook.stem}: 설치 셀의 출력\n{outcome.get('first_cell_output', '').strip() or '(출력 없음)'}")
        print(f"[colab] {notebook.stem}: 설치 셀이 더한 패키지: {', '.join(outcome['installed']) or '없음'}")
        if outcome["passed"]:
            print(f"[colab] {notebook.stem}: 모든 셀 통과 ({outcome['seconds']}초)")
        else:
            failed.append(notebook.stem)
            print(f"[colab] {notebook.stem}: 실패 — 확인 `{outcome['check']}`: {outcome['error']}")
    if failed:
        raise SystemExit(f"Colab 런타임에서 실패한 장: {', '.join(failed)} (위의 '실패 —' 줄에 실패한 확인이 있습니다)")


if __name__ == "__main__":
    main()

"""한 버전이 어디서나 같은지: 도우미의 버전과 태그, 장의 설치 줄, requirements.txt.

릴리스 워크플로(.github/workflows/release.yml)가 태그를 만들기 전에 이 파일만 실행하므로
jupytext, pyyaml, pytest 말고는 아무것도 불러오지 않습니다.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import jupytext
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted((ROOT / "chapters").glob("*.md"))
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
REPOSITORY = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]["url"]
GUARD = 'if "google.colab" in sys.modules:'
PIP_LINE = re.compile(r'^%pip install -q "([^"]+)"$')


def _install_block(md_path: Path) -> list[str]:
    """장의 첫 코드 셀에서 Colab에서만 도는 줄들 (가드 아래 들여 쓴 줄)."""
    first = next(c for c in jupytext.read(md_path).cells if c.cell_type == "code")
    lines = first.source.splitlines()
    assert GUARD in lines, f"{md_path.name}: 첫 셀에 Colab 가드가 없습니다"
    block = []
    for line in lines[lines.index(GUARD) + 1 :]:
        if not line.strip():
            continue
        if not line.startswith("    "):
            break
        block.append(line.strip())
    return block


def _requirements() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name = re.split(r"[<>=!~\[ ]", line, maxsplit=1)[0].lower()
            pins[name] = line
    return pins


def test_helper_version_is_the_same_in_package_and_pyproject():
    init = (ROOT / "src" / "dlko" / "__init__.py").read_text(encoding="utf-8")
    assert f'__version__ = "{VERSION}"' in init


@pytest.mark.parametrize("md_path", CHAPTERS, ids=[p.name for p in CHAPTERS])
def test_chapter_installs_the_released_helper(md_path):
    block = _install_block(md_path)
    assert block[0] == f'%pip install -q "dlko @ git+{REPOSITORY}@v{VERSION}"', (
        "설치 줄은 _config.yml의 저장소 주소와 pyproject.toml의 버전으로 만든 태그를 써야 합니다"
    )


@pytest.mark.parametrize("md_path", CHAPTERS, ids=[p.name for p in CHAPTERS])
def test_packages_a_chapter_installs_are_pinned_as_in_requirements(md_path):
    # Colab 독자가 받는 버전과 make test가 시험하는 버전이 같도록: 정확한 버전 하나, requirements.txt와 같은 줄
    pins = _requirements()
    for line in _install_block(md_path)[1:]:
        match = PIP_LINE.match(line)
        if not match:
            continue
        spec = match.group(1)
        name = spec.split("==")[0].lower()
        assert "==" in spec and not re.search(r"[<>~,]", spec), f"{md_path.name}: 정확한 버전 하나로: {spec}"
        assert pins.get(name) == spec, f"{md_path.name}: {spec}가 requirements.txt({pins.get(name)})와 다릅니다"


def test_debian_packages_a_chapter_installs_are_the_books():
    # 19장이 Colab에서 apt로 설치하는 손글씨 글꼴은 make가 책을 만들 때 설치하는 글꼴과 같아야 합니다
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    book_packages = set(re.search(r"^APT_BOOK := (.+)$", makefile, re.M).group(1).split())
    chapters_with_apt = 0
    for md_path in CHAPTERS:
        block = "\n".join(_install_block(md_path))
        if "apt-get" in block and "install" in block:
            chapters_with_apt += 1
            installed = set(re.findall(r"\bfonts-[a-z0-9-]+", block))
            assert installed and installed <= book_packages, (md_path.name, installed - book_packages)
    assert chapters_with_apt >= 1, "필적 장의 글꼴 설치를 찾지 못했습니다"


def test_release_workflow_tags_the_pyproject_version():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    on = workflow.get("on", workflow.get(True))
    assert on["push"]["branches"] == ["main"] and "pyproject.toml" in on["push"]["paths"]
    script = "\n".join(step.get("run", "") for step in workflow["jobs"]["tag"]["steps"])
    assert 'tomllib.load(open("pyproject.toml"' in script and 'tag="v${version}"' in script
    assert 'git push origin "${tag}"' in script
    assert "tests/unit/test_versions.py" in script, "태그를 만들기 전에 설치 줄의 버전을 확인해야 합니다"


def test_weekly_colab_workflow_runs_the_real_install_path():
    workflow = (ROOT / ".github" / "workflows" / "colab-weekly.yml").read_text(encoding="utf-8")
    assert "colab_check.py --in-place all" in workflow
    assert "pip install -e" not in workflow, "도우미는 장의 설치 셀이 설치해야 합니다"

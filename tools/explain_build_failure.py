"""`make book`이 장을 실행하다 실패했을 때, 어느 장의 어느 확인인지 한국어 한 줄로 알려 줍니다.

jupyter-book은 실패한 장의 실행 기록을 _build/html/reports/ 아래 .err.log로 남깁니다.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import chapter_runs  # noqa: E402

REPORTS = chapter_runs.ROOT / "_build" / "html" / "reports"


def main() -> None:
    logs = sorted(REPORTS.rglob("*.err.log"), key=lambda path: path.stat().st_mtime) if REPORTS.exists() else []
    if not logs:
        print("책을 만들지 못했습니다. 장의 실행 기록이 없으니 위의 오류 메시지를 보세요.")
        return
    for log in logs[-3:]:
        text = log.read_text(encoding="utf-8", errors="replace")
        check = chapter_runs.failing_line(text)
        errors = [line.strip() for line in chapter_runs.ANSI.sub("", text).splitlines() if "Error" in line.split(":")[0]]
        chapter = log.name.removesuffix(".err.log")
        line = f"실패한 장: {chapter}"
        if check:
            line += f" — 확인 `{check}`"
        if errors:
            line += f" ({errors[-1][:200]})"
        print(line)
    print(f"자세한 기록: {REPORTS}")


if __name__ == "__main__":
    main()

"""`make book`이 장을 실행하다 실패했을 때, 어느 장의 어느 확인인지 한국어 한 줄로 알려 줍니다.

jupyter-book의 출력(_build/book.log)에서 myst-nb가 남긴 "Executing notebook failed" 경고와
그 뒤의 오류 메시지를 찾습니다. 그 뒤에 jupyter-book 자신의 긴 RuntimeError가 이어져도,
새로 온 사람이 마지막에 보는 것은 이 한 줄입니다.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import chapter_runs  # noqa: E402

LOG = chapter_runs.ROOT / "_build" / "book.log"
FAILED = re.compile(r"chapters/(\w+)\.(?:md|ipynb): WARNING: Executing notebook failed: (\w+)")


def explain(text: str) -> list[str]:
    text = chapter_runs.ANSI.sub("", text)
    lines = []
    matches = list(FAILED.finditer(text))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        details = text[match.end() : end]
        check = chapter_runs.failing_line(details)
        # 셀이 낸 오류는 실패한 줄 다음의 첫 오류 줄입니다 (그 뒤는 jupyter-book 자신의 오류)
        after = details[details.find("---->") :] if "---->" in details else details
        errors = re.findall(r"^(\w+(?:Error|Exception)\b.*)$", after, re.M)
        line = f"실패한 장: {match.group(1)}"
        if check:
            line += f" — 확인 `{check}`"
        line += f" ({errors[0][:200] if errors else match.group(2)})"
        lines.append(line)
    return lines


def main() -> None:
    text = LOG.read_text(encoding="utf-8", errors="replace") if LOG.exists() else ""
    lines = explain(text)
    print()
    if not lines:
        print(f"책을 만들지 못했습니다. 장의 실행은 실패하지 않았으니 위의 오류를 보세요 (전체 기록: {LOG}).")
        return
    print("\n".join(lines))


if __name__ == "__main__":
    main()

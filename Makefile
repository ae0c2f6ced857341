# 새 컴퓨터에서: `make book`(사이트 만들기)과 `make test`(모든 시험)
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# 그림의 한글 글꼴과 필적 장의 손글씨 글꼴(책), 사이트를 여는 브라우저(시험)
APT_BOOK := fonts-noto-cjk fonts-nanum-extra fonts-unfonts-core fonts-unfonts-extra fonts-alee fonts-woowa-bm
APT_TEST := chromium
# nbval 셀 하나의 시간 제한(초)
CELL_TIMEOUT ?= 900
NB_CACHE := _build/.jupyter_cache

.PHONY: book test setup system-packages test-system-packages unit notebooks site site-tests sync clean

book: setup
	$(BIN)/jupyter-book build .
	@echo "사이트를 만들었습니다: $(CURDIR)/_build/html/index.html"

test: setup test-system-packages unit notebooks site site-tests
	@echo "모든 시험을 통과했습니다."

setup: system-packages $(STAMP)

$(STAMP): requirements.txt requirements-test.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt -r requirements-test.txt -e .
	touch $@

system-packages:
	tools/apt-install $(APT_BOOK)

test-system-packages:
	tools/apt-install $(APT_TEST)

# 도우미 패키지, 장의 짝과 구조, 워크플로 검사
unit: setup
	$(BIN)/python -m pytest tests/unit

# 모든 장의 모든 셀을 nbval로 실행하고, 통과한 장의 출력을 책 빌드용 캐시에 넣음
notebooks: setup
	PYTHONPATH=tests/plugins $(BIN)/python -m pytest --nbval-lax \
	  --nbval-cell-timeout=$(CELL_TIMEOUT) -p nbval_cache --nb-cache=$(NB_CACHE) chapters

# 경고 하나 없이 사이트 만들기 (장은 위 캐시에서 가져와 다시 실행하지 않음)
site: setup
	$(BIN)/jupyter-book build . -W -n --keep-going

# 만들어진 사이트를 파일로, 그리고 브라우저(chromium)로 검사
site-tests: setup test-system-packages
	$(BIN)/python -m pytest tests/site

# .md를 고친 뒤 짝 노트북을 맞춤
sync: setup
	$(BIN)/jupytext --sync chapters/*.md

clean:
	rm -rf _build

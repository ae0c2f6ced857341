# 새 컴퓨터에서: `make book`(사이트 만들기)과 `make test`(모든 시험)
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# 그림의 한글 글꼴과 필적 장의 손글씨 글꼴(책), 사이트를 여는 브라우저(시험)
APT_BOOK := fonts-noto-cjk fonts-nanum-extra fonts-unfonts-core fonts-unfonts-extra fonts-alee fonts-woowa-bm
APT_TEST := chromium
# make pdf: 인쇄에 쓰는 브라우저와 PDF 검사 도구. 다른 chromium 계열 브라우저를 쓰려면 make pdf CHROMIUM=경로
CHROMIUM ?=
APT_PDF := poppler-utils $(if $(CHROMIUM),,chromium)
PDF := _build/pdf/dlko.pdf
# nbval 셀 하나의 시간 제한(초)
CELL_TIMEOUT ?= 900
NB_CACHE := _build/.jupyter_cache
NB_FAILURES := _build/nbval-failures.txt
# make test가 나란히 실행하는 장의 수. 2 이상이면 장마다 스레드 하나(TensorFlow, OpenMP, BLAS)만 씁니다
NB_JOBS ?= 2
ifeq ($(NB_JOBS),1)
NB_PARALLEL :=
NB_ENV :=
else
NB_PARALLEL := -n $(NB_JOBS) --dist loadfile
NB_ENV := OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
	TF_NUM_INTRAOP_THREADS=1 TF_NUM_INTEROP_THREADS=1
endif
# make sweep: 돌릴 장과 시드 (비우면 모든 장), COLAB=1이면 Colab을 흉내 낸 환경에서도 한 번
CHAPTERS ?=
SEEDS ?= 1 2
COLAB ?=
# make colab-check, make slides: 장 번호
CHAPTER ?=

.PHONY: book test setup system-packages test-system-packages unit notebooks site site-tests sync clean \
	sweep bench colab-check slides pdf pdf-system-packages

book: setup
	@mkdir -p _build
	set -o pipefail; $(BIN)/jupyter-book build . 2>&1 | tee _build/book.log \
	  || { $(BIN)/python tools/explain_build_failure.py; exit 1; }
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
	@mkdir -p _build && rm -f $(NB_FAILURES)
	$(NB_ENV) PYTHONPATH=tests/plugins $(BIN)/python -m pytest $(NB_PARALLEL) --nbval-lax \
	  --nbval-cell-timeout=$(CELL_TIMEOUT) -p nbval_cache --nb-cache=$(NB_CACHE) \
	  --nb-failures=$(NB_FAILURES) chapters \
	  || { echo; cat $(NB_FAILURES) 2>/dev/null; exit 1; }

# 경고 하나 없이 사이트 만들기 (장은 위 캐시에서 가져와 다시 실행하지 않음)
site: setup
	$(BIN)/jupyter-book build . -W -n --keep-going

# 만들어진 사이트를 파일로, 그리고 브라우저(chromium)로 검사
site-tests: setup test-system-packages
	$(BIN)/python -m pytest tests/site

# 책 전체를 A4 PDF 한 권으로: $(PDF) (make test에는 들지 않음; 장은 make book이나 make test가 채운 캐시에서)
pdf: setup pdf-system-packages
	$(BIN)/python tools/make_pdf.py $(if $(CHROMIUM),--chromium "$(CHROMIUM)")
	$(BIN)/python tools/check_pdf.py $(PDF) --html _build/singlehtml/index.html
	@echo "PDF를 만들었습니다: $(CURDIR)/$(PDF)"

pdf-system-packages:
	tools/apt-install $(APT_PDF)

# .md를 고친 뒤 짝 노트북을 맞춤
sync: setup
	$(BIN)/jupytext --sync chapters/*.md

# 여러 시드와 Colab을 흉내 낸 환경에서 장을 돌려 bench/sweep.md를 만듦 (예: make sweep CHAPTERS="12 14" SEEDS="1 2 3" COLAB=1)
sweep: setup
	$(BIN)/python tools/sweep.py --chapters "$(CHAPTERS)" --seeds "$(SEEDS)" --jobs $(NB_JOBS) \
	  --timeout $(CELL_TIMEOUT) --from-cache $(if $(COLAB),--colab)

# 마지막 실행(make test의 캐시)이 glue한 장별 시간과 대표 수치의 표: _build/bench.md, _build/bench.json
bench: setup
	$(BIN)/python tools/bench.py

# 장 하나를 Colab을 흉내 낸 깨끗한 환경(Python 3.12)에서 그 장의 설치 셀부터 실행 (예: make colab-check CHAPTER=14)
colab-check: setup
	@test -n "$(CHAPTER)" || { echo "장 번호를 주세요: make colab-check CHAPTER=14"; exit 2; }
	$(BIN)/python tools/colab_check.py "$(CHAPTER)"

# 만든 사이트의 장 하나로 모임 발표용 reveal.js 슬라이드를 만듦: _build/slides/<장>/index.html (예: make slides CHAPTER=14; 먼저 make book)
slides: setup
	@test -n "$(CHAPTER)" || { echo "장 번호를 주세요: make slides CHAPTER=14"; exit 2; }
	@command -v npm >/dev/null || tools/apt-install npm
	$(BIN)/python tools/slides.py "$(CHAPTER)"

clean:
	rm -rf _build

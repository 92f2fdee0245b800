# esgdiag — one non-recursive GNU makefile.
#   make            build ./esgdiag
#   make run        build, then score an example with the compiled-in questionnaire
#   make check      every test, once normally and once under ASan+UBSan, and a
#                   clang build with its unit tests
#   make install PREFIX=/usr/local
# Missing Debian packages are installed by tools/deps.sh (as root), or the
# build stops with the command to run: `make` asks only for the build's own
# (pkg-config modules, libcsv, msgfmt) and never lints; the test targets add
# theirs (cmocka, Python, the linters, valgrind) on first use.

PREFIX   ?= /usr/local
CC       ?= cc
CFLAGS   ?= -O2 -g
SANITIZE ?=
BUILD    ?= build/$(if $(SANITIZE),san,std)

WARN      = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wpointer-arith -Wformat=2 -Wvla
# Lazy (=): expanded when a recipe runs, after tools/deps.sh has installed pkg-config.
# libcsv (Debian libcsv-dev) ships no pkg-config file: plain -lcsv.
PKG_CFLAGS = $(shell pkg-config --cflags yaml-0.1 nettle jansson)
PKG_LIBS   = $(shell pkg-config --libs yaml-0.1 nettle jansson) -lcsv -lm -pthread
CMOCKA     = $(shell pkg-config --cflags --libs cmocka)
ALL_CFLAGS = $(WARN) $(CFLAGS) -Iinclude -Isrc/lib -D_POSIX_C_SOURCE=200809L \
             -DLOCALEDIR='"$(PREFIX)/share/locale"' $(PKG_CFLAGS)
ifneq ($(SANITIZE),)
ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-sanitize-recover=$(SANITIZE) -fno-omit-frame-pointer
LDSAN       = -fsanitize=$(SANITIZE)
endif

LIB_SRC  = $(wildcard src/lib/*.c)
CLI_SRC  = $(wildcard src/cli/*.c)
TEST_SRC = $(wildcard tests/unit/test_*.c)
LIB_OBJ  = $(LIB_SRC:src/lib/%.c=$(BUILD)/lib/%.o)
# Test programs are not in TESTS' wildcard (tests/unit only).
CLI_OBJ  = $(CLI_SRC:src/cli/%.c=$(BUILD)/cli/%.o) $(BUILD)/gen/default_q.o
TESTS    = $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
DEFAULT_Q = questionnaires/default.yaml
DEPSTAMP  = build/.deps-ok
CHECKSTAMP = build/.deps-check-ok
LINGUAS   = fr
MO        = $(LINGUAS:%=build/locale/%/LC_MESSAGES/esgdiag.mo)

.PHONY: all run check check-one clang unit cli ref html i18n replay fuzz lint check-valgrind hygiene install clean deps update-po bench docs completion
all: esgdiag $(MO)

$(DEPSTAMP): tools/deps.sh
	@sh tools/deps.sh build
	@mkdir -p build && touch $@
$(CHECKSTAMP): tools/deps.sh
	@sh tools/deps.sh check
	@mkdir -p build && touch $@
deps: $(DEPSTAMP)

$(BUILD)/lib/%.o: src/lib/%.c | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<
$(BUILD)/cli/%.o: src/cli/%.c | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Isrc/cli -MMD -MP -c -o $@ $<
$(BUILD)/libesgdiag.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

# The default questionnaire is compiled in: tools/embed.c turns the YAML
# file into a C array, so the binary needs no file at run time.
$(BUILD)/embed: tools/embed.c | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(WARN) -O1 -o $@ $<
$(BUILD)/gen/default_q.c: $(DEFAULT_Q) $(BUILD)/embed
	@mkdir -p $(@D)
	$(BUILD)/embed esg_default_questionnaire $< > $@
$(BUILD)/gen/default_q.o: $(BUILD)/gen/default_q.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/esgdiag: $(CLI_OBJ) $(BUILD)/libesgdiag.a
	$(CC) $(LDSAN) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)
esgdiag: $(BUILD)/esgdiag
	cp $< $@

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(BUILD)/libesgdiag.a | $(CHECKSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libesgdiag.a $(PKG_LIBS) $(CMOCKA) $(LDSAN)

# Messages: English in the source, translations in po/ (gettext).
build/locale/%/LC_MESSAGES/esgdiag.mo: po/%.po | $(DEPSTAMP)
	@mkdir -p $(@D)
	msgfmt -c -o $@ $<
# Refreshes po/esgdiag.pot and merges it into every translation.
update-po:
	xgettext --from-code=UTF-8 -k_ -kN_ -kCOUNTED:1,2 -c --package-name=esgdiag \
	    --package-version=0.1.0 -o po/esgdiag.pot src/lib/*.c src/cli/*.c
	for l in $(LINGUAS); do msgmerge -q -U --backup=none po/$$l.po po/esgdiag.pot; done

run: esgdiag $(MO)
	./esgdiag score questionnaires/examples/commune-saint-aubin.csv

unit: $(TESTS)
	@for t in $(TESTS); do echo "== $$t"; $$t || exit 1; done
cli: $(BUILD)/esgdiag build/bench/measure | $(CHECKSTAMP)
	@ESG_MEASURE=$(CURDIR)/build/bench/measure ESG_SANITIZED=$(SANITIZE) \
	    sh tests/cli/run.sh $(BUILD)/esgdiag
# Differential test against the independent Python reference scorer.
ref: $(BUILD)/esgdiag | $(CHECKSTAMP)
	@sh tests/ref/run.sh $(BUILD)/esgdiag
# The HTML report in headless Chromium (skipped with a message without it).
html: $(BUILD)/esgdiag
	@sh tests/html/run.sh $(BUILD)/esgdiag
# The French catalogue, in a French locale (made with localedef if missing).
i18n: $(BUILD)/esgdiag $(MO) | $(CHECKSTAMP)
	@sh tests/i18n/run.sh $(BUILD)/esgdiag build/locale
# Fuzzing (libFuzzer, clang): make fuzz FUZZ_SECONDS=N runs every target
# for N seconds on a working copy of its corpus; findings land in build/fuzz
# and go, once fixed, to tests/fuzz/regress/, which make check replays.
FUZZERS      = yaml_load csv_answers cond score peers
FUZZ_SECONDS ?= 60
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(LIB_SRC) build/std/gen/default_q.c | $(CHECKSTAMP)
	@mkdir -p $(@D)
	clang -std=c11 -g -O1 -Iinclude -Isrc/lib -D_POSIX_C_SOURCE=200809L $(PKG_CFLAGS) \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	    -o $@ $< $(LIB_SRC) build/std/gen/default_q.c $(PKG_LIBS)
fuzz: $(FUZZERS:%=build/fuzz/fuzz_%)
	@for t in $(FUZZERS); do \
		d=$$(echo $$t | sed 's/yaml_load/yaml/; s/csv_answers/csv/'); \
		mkdir -p build/fuzz/corpus-$$t; \
		echo "== fuzz_$$t for $(FUZZ_SECONDS) s"; \
		build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
		    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
		    -artifact_prefix=build/fuzz/$$t- build/fuzz/corpus-$$t \
		    tests/fuzz/corpus/$$d tests/fuzz/regress/$$d > build/fuzz/$$t.log 2>&1; \
		grep -E 'stat::|Done|ERROR|SUMMARY' build/fuzz/$$t.log | tail -8; \
		if ls build/fuzz/$$t-* >/dev/null 2>&1; then \
			echo "fuzz_$$t: finding(s) in build/fuzz/$$t-*"; exit 1; fi; \
	done
# The same targets under a plain driver, over the seeds and past findings.
$(BUILD)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(BUILD)/libesgdiag.a $(BUILD)/gen/default_q.o | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/fuzz -o $@ $< tests/fuzz/replay.c $(BUILD)/gen/default_q.o $(BUILD)/libesgdiag.a $(PKG_LIBS) $(LDSAN)
replay: $(FUZZERS:%=$(BUILD)/tests/replay_%)
	@for t in $(FUZZERS); do \
		d=$$(echo $$t | sed 's/yaml_load/yaml/; s/csv_answers/csv/'); \
		printf 'fuzz replay %-12s ' $$t; \
		$(BUILD)/tests/replay_$$t $$(for f in tests/fuzz/corpus/$$d \
		    tests/fuzz/regress/$$d; do [ ! -d $$f ] || find $$f -type f; \
		    done) || exit 1; \
	done
# Benchmark: side by side with a bare libcsv parse, pandas and DuckDB.
build/bench/libcsv_parse: tools/bench/libcsv_parse.c | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(WARN) -O2 -o $@ $< -lcsv
build/bench/measure: tools/bench/measure.c
	@mkdir -p $(@D)
	$(CC) $(WARN) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -o $@ $<
# Not part of check (minutes of CPU); pandas is installed for it alone.
bench: build/std/esgdiag build/bench/libcsv_parse build/bench/measure
	@dpkg-query -W python3-pandas >/dev/null 2>&1 || sh tools/deps.sh python3-pandas
	@sh tools/bench/run.sh build/std/esgdiag build/bench/libcsv_parse build/bench/measure
# The end-to-end paths under valgrind memcheck (no error, no leak).
check-valgrind: build/std/esgdiag | $(CHECKSTAMP)
	@sh tests/valgrind.sh $(CURDIR)/build/std/esgdiag
# Static analysis, with the configurations in .clang-tidy and .cppcheck-suppressions.
lint: | $(CHECKSTAMP)
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability,performance \
	    --std=c11 --inline-suppr --suppressions-list=.cppcheck-suppressions \
	    -Iinclude -Isrc/lib -D_POSIX_C_SOURCE=200809L src/lib src/cli
	clang-tidy --quiet src/lib/*.c src/cli/*.c -- -std=c11 -Iinclude -Isrc/lib \
	    -Isrc/cli -D_POSIX_C_SOURCE=200809L -DLOCALEDIR='"/x"' $(PKG_CFLAGS)
	@echo "lint: cppcheck and clang-tidy clean"
# Library hygiene (STYLE.md): only esg_* symbols exported, no exit or stderr,
# no default: in a switch on the question type.
hygiene: $(BUILD)/libesgdiag.a
	@bad=$$(nm -g --defined-only $< | awk 'NF==3 && $$3 !~ /^(__odr_asan[.])?esg_/ {print $$3}'); \
	 [ -z "$$bad" ] || { echo "non-esg_ symbols exported: $$bad"; exit 1; }
	@! grep -nE '\bexit\(|\bstderr\b' src/lib/*.c src/lib/*.h || \
	 { echo "src/lib must not exit or print"; exit 1; }
	@bad=$$(sh tools/measure.sh --type-defaults); [ -z "$$bad" ] || \
	 { echo "a switch on the question type has a default: (use qtype.h): $$bad"; exit 1; }
# The manual and the bash completion against the commands' option tables.
docs: $(BUILD)/esgdiag
	@sh tests/docs/run.sh $(BUILD)/esgdiag
# Rewrites the bash completion from the option tables (committed; make docs checks it).
completion: $(BUILD)/esgdiag
	sh tools/completion.sh $(BUILD)/esgdiag > completion/esgdiag.bash
check-one: unit cli ref i18n replay hygiene docs
# The same sources and unit tests under clang, whose warnings are not gcc's
# (a missing format attribute, for one); about 15 s on two cores.
clang:
	@$(MAKE) --no-print-directory CC=clang BUILD=build/clang build/clang/esgdiag unit

check: esgdiag
	$(MAKE) --no-print-directory check-one
	$(MAKE) --no-print-directory html lint check-valgrind clang
	$(MAKE) --no-print-directory check-one SANITIZE=address,undefined
	@echo "make check: all suites passed, normal and sanitized"

install: esgdiag $(MO)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 755 esgdiag $(DESTDIR)$(PREFIX)/bin/esgdiag
	install -m 644 docs/esgdiag.1 $(DESTDIR)$(PREFIX)/share/man/man1/esgdiag.1
	install -m 644 completion/esgdiag.bash \
	    $(DESTDIR)$(PREFIX)/share/bash-completion/completions/esgdiag
	for l in $(LINGUAS); do \
		install -d $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES && \
		install -m 644 build/locale/$$l/LC_MESSAGES/esgdiag.mo \
		    $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/esgdiag.mo || exit 1; \
	done

clean:
	rm -rf build esgdiag

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

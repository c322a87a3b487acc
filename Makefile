# Two entry points for a fresh Debian 12 machine:
#   make run   install what is missing, build, run chronik on a sample article
#   make test  install what is missing, build, run every test through CTest; then the same tests
#              built with AddressSanitizer + UBSan, and each fuzz target for a short while
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
PACKAGES = cmake g++ make pkg-config libre2-dev libhowardhinnant-date-dev doctest-dev \
           libboost-program-options-dev libsimdjson-dev libsqlite3-dev
# Only for the fuzz targets (libFuzzer is clang's), so make run does not install them.
FUZZ_PACKAGES = clang libclang-rt-14-dev
# Only for the tests, so make run does not install them: the export tests (tests/exports: Python's
# csv module, the sqlite3 shell, headless Chromium) and a Dask cluster on loopback that runs chronik
# as a mapper (tests/dask_scaleout_test.py).
TEST_PACKAGES = python3 sqlite3 chromium python3-distributed
# Only for make bench: Google Benchmark, for the micro-benchmarks in bench/micro_*.cc.
BENCH_PACKAGES = libbenchmark-dev
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SAMPLE ?= samples/softbank-ki.txt
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
# Seconds each fuzz target runs: briefly in make test, longer in make fuzz.
FUZZ_TEST_SECONDS ?= 20
FUZZ_SECONDS ?= 600
# Any sanitizer finding fails the test that hit it (UBSan is also built not to recover).
SANITIZER_ENV = ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1 \
                UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

.PHONY: deps fuzz-deps test-deps bench-deps build run test test-asan test-fuzz fuzz bench format clean

# Installs the packages of $(1) that are missing.
define install_missing
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	  | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call install_missing,$(PACKAGES))

test-deps: deps
	$(call install_missing,$(TEST_PACKAGES))

fuzz-deps: deps
	$(call install_missing,$(FUZZ_PACKAGES))

bench-deps: deps
	$(call install_missing,$(BENCH_PACKAGES))

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/chronik timeline $(SAMPLE)

test: test-deps build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	$(MAKE) --no-print-directory test-asan
	$(MAKE) --no-print-directory test-fuzz

# The whole suite with AddressSanitizer (and LeakSanitizer) + UBSan, except the install test,
# which builds a program outside this tree that would need the sanitizer flags too.
test-asan: test-deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DCHRONIK_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	$(SANITIZER_ENV) ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS) \
	  -E '^install_and_find_package$$'

# Builds the fuzz targets in $(FUZZ_BUILD) with clang and runs each for $(1) seconds on a copy
# of its seed corpus (fuzz/corpus/TARGET) in the build directory.
define run_fuzzers
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DCHRONIK_FUZZ=ON \
	  -DCMAKE_CXX_COMPILER=clang++ -DCHRONIK_FUZZ_SECONDS=$(1)
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzzers
	$(SANITIZER_ENV) ctest --test-dir $(FUZZ_BUILD) --output-on-failure -j $(JOBS) -L fuzz
endef

test-fuzz: fuzz-deps
	$(call run_fuzzers,$(FUZZ_TEST_SECONDS))

fuzz: fuzz-deps
	$(call run_fuzzers,$(FUZZ_SECONDS))

bench: bench-deps build
	$(BUILD)/chronik_micro_bench
	bench/throughput.sh

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)

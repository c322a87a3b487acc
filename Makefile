# Two entry points for a fresh Debian 12 machine:
#   make run   install what is missing, build, run chronik on a sample article
#   make test  install what is missing, build, run every test through CTest
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
PACKAGES = cmake g++ make pkg-config libre2-dev libhowardhinnant-date-dev doctest-dev \
           libboost-program-options-dev libsimdjson-dev
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SAMPLE ?= samples/softbank-ki.txt

.PHONY: deps build run test bench format clean

deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
	  | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y --no-install-recommends $$missing; \
	fi

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/chronik timeline $(SAMPLE)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

bench: build
	bench/throughput.sh

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD)

# Thin wrapper over CMake: `make demo` and `make check` each install what is missing, build,
# then run the demo or the whole test suite. The demo needs only what building and running need
# (`scripts/install-deps`); the tests and benchmarks add their own (`scripts/install-deps test`).
BUILD_DIR ?= build
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

MAKEFLAGS += --no-print-directory

.PHONY: all deps test-deps configure configure-tests build build-tests demo check check-asan bench install deb clean

all: build

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps test

# The tools alone (no Catch2 needed), or the tools and the tests.
configure: deps
	@cmake -S . -B $(BUILD_DIR) -DPPID_WERROR=ON -DPPID_BUILD_TESTS=OFF $(CMAKE_FLAGS) >/dev/null

configure-tests: test-deps
	@cmake -S . -B $(BUILD_DIR) -DPPID_WERROR=ON -DPPID_BUILD_TESTS=ON $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

build-tests: configure-tests
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# The nightly job on the sample office, two nights; the reports stay in $(BUILD_DIR)/demo/.
demo: build
	@PPID_BIN=$(BUILD_DIR)/tools DEMO_DIR=$(abspath $(BUILD_DIR))/demo share/ppid/examples/demo

check: build-tests
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The same suite built with AddressSanitizer and UndefinedBehaviorSanitizer.
check-asan:
	@$(MAKE) --no-print-directory check BUILD_DIR=build-asan CMAKE_FLAGS="-DPPID_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug"

bench: build-tests
	@bench/run $(BUILD_DIR)

install: build
	@cmake --install $(BUILD_DIR)

# The Debian package (CPack): $(BUILD_DIR)/ppid-tools_VERSION_ARCH.deb
deb: build
	@cd $(BUILD_DIR) && cpack -G DEB

clean:
	@rm -rf $(BUILD_DIR) build-asan

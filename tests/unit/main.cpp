// The unit tests' entry point. The binary is also its own extraction worker, so that the
// sandbox tests run real worker processes with a handler whose misbehaviour they control.
#define CATCH_CONFIG_RUNNER
#include <ppid/extract_worker.hpp>

#include <catch2/catch.hpp>

#include <string>

namespace ppid::test {
// Defined in extract_worker_test.cpp.
std::string sandbox_test_job(const std::string& request);
}  // namespace ppid::test

int main(int argc, char* argv[]) {
    if (ppid::is_extraction_worker(argc, argv))
        return ppid::run_extraction_worker(argc, argv, ppid::test::sandbox_test_job);
    return Catch::Session().run(argc, argv);
}

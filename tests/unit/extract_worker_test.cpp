#include <ppid/error.hpp>
#include <ppid/extract_worker.hpp>

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <new>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace ppid;

namespace {

// Where "alloc" keeps its block, so the compiler cannot drop an allocation nobody reads.
void* volatile kept_block = nullptr;

// The test binary, started again as a worker (see main.cpp).
constexpr const char* self = "/proc/self/exe";

SandboxLimits limits(std::chrono::milliseconds time_per_job = std::chrono::seconds(10)) {
    SandboxLimits chosen;
    chosen.time_per_job = time_per_job;
    chosen.memory_bytes = 512ull << 20;
    return chosen;
}

// Returns whether this process has no child processes at all, not even zombies.
bool no_children() {
    errno = 0;
    return ::waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD;
}

// Returns whether `pid` has exited and waits to be reaped.
bool is_zombie(int pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(stat, line);
    const auto close = line.rfind(')');  // the state follows the command name in parentheses
    return close != std::string::npos && line.compare(close, 3, ") Z") == 0;
}

std::string reply_of(ExtractionPool& pool, const std::string& request) {
    const auto result = pool.run(request);
    REQUIRE(result.ok());
    return result.reply;
}

std::optional<JobFailure> failure_of(ExtractionPool& pool, const std::string& request) {
    return pool.run(request).failure;
}

}  // namespace

namespace ppid::test {

// The worker's handler: each request is a verb and an argument that makes the job behave well
// or badly in one particular way.
std::string sandbox_test_job(const std::string& request) {
    const auto space = request.find(' ');
    const std::string verb = request.substr(0, space);
    const std::string arg = space == std::string::npos ? "" : request.substr(space + 1);
    if (verb == "echo") return arg;
    if (verb == "pid") return std::to_string(::getpid());
    if (verb == "sleep") {
        std::this_thread::sleep_for(std::chrono::milliseconds(std::stol(arg)));
        return "slept";
    }
    if (verb == "crash") std::raise(SIGSEGV);
    if (verb == "exit") std::_Exit(0);
    if (verb == "throw") throw std::runtime_error("handler failed");
    if (verb == "newline") return "two\nlines";
    if (verb == "big") return std::string(std::stoul(arg), 'x');
    if (verb == "alloc") {
        kept_block = std::malloc(std::stoul(arg));
        if (!kept_block) throw std::bad_alloc();
        std::free(kept_block);
        return "allocated";
    }
    if (verb == "noisy") {  // what a chatty library might do
        std::printf("printf noise\n");
        std::fflush(stdout);
        std::cout << "cout noise\n" << std::flush;
        if (::write(STDOUT_FILENO, "raw noise\n", 10) < 0) return "write failed";
        return "quiet";
    }
    return "unknown " + verb;
}

}  // namespace ppid::test

TEST_CASE("replies come back for each request, in order", "[sandbox]") {
    ExtractionPool pool(self, 2, limits());
    for (int i = 0; i < 20; ++i) CHECK(reply_of(pool, "echo " + std::to_string(i)) == std::to_string(i));
    CHECK(reply_of(pool, "echo {\"path\":\"a b.pdf\",\"kind\":\"pdf\"}") == "{\"path\":\"a b.pdf\",\"kind\":\"pdf\"}");
    CHECK(reply_of(pool, "echo") == "");
}

TEST_CASE("workers start when first needed and are reused", "[sandbox]") {
    ExtractionPool pool(self, 4, limits());
    CHECK(no_children());
    const auto first = reply_of(pool, "pid");
    for (int i = 0; i < 5; ++i) CHECK(reply_of(pool, "pid") == first);
}

TEST_CASE("jobs from many threads run at once on at most the given number of workers", "[sandbox]") {
    ExtractionPool pool(self, 3, limits());
    std::vector<std::vector<std::string>> replies(6);
    std::vector<std::string> pids(6 * 10);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < replies.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 10; ++i) {
                replies[t].push_back(pool.run("echo " + std::to_string(t) + "-" + std::to_string(i)).reply);
                pids[t * 10 + static_cast<std::size_t>(i)] = pool.run("pid").reply;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (std::size_t t = 0; t < replies.size(); ++t) {
        REQUIRE(replies[t].size() == 10);
        for (int i = 0; i < 10; ++i) CHECK(replies[t][i] == std::to_string(t) + "-" + std::to_string(i));
    }
    const std::set<std::string> distinct(pids.begin(), pids.end());
    CHECK(distinct.count("") == 0);
    CHECK(distinct.size() <= 3);

    // Four jobs of 150 ms on two workers take two rounds.
    ExtractionPool pair(self, 2, limits());
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> sleepers;
    for (int t = 0; t < 4; ++t) sleepers.emplace_back([&] { CHECK(pair.run("sleep 150").reply == "slept"); });
    for (auto& thread : sleepers) thread.join();
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(300));
}

TEST_CASE("a job that hangs is killed at its time limit and the pool goes on", "[sandbox]") {
    // Generous bounds: a loaded CI machine under sanitizers starts workers slowly.
    ExtractionPool pool(self, 1, limits(std::chrono::milliseconds(2000)));
    const auto before = reply_of(pool, "pid");
    const auto start = std::chrono::steady_clock::now();
    const auto result = pool.run("sleep 60000");
    const auto took = std::chrono::steady_clock::now() - start;
    REQUIRE(result.failure == JobFailure::timeout);
    CHECK(result.reply.empty());
    CHECK(problem_code(*result.failure) == "extraction_timeout");
    CHECK(took >= std::chrono::milliseconds(1900));
    CHECK(took < std::chrono::seconds(30));
    CHECK(::kill(std::stoi(before), 0) == -1);  // killed and reaped, not left running
    CHECK(reply_of(pool, "echo after") == "after");
    CHECK(reply_of(pool, "pid") != before);
}

TEST_CASE("a worker that dies or breaks the protocol fails its job and is replaced", "[sandbox]") {
    ExtractionPool pool(self, 2, limits());
    for (const char* request : {"crash", "exit", "throw", "newline"}) {
        INFO(request);
        const auto result = pool.run(request);
        REQUIRE(result.failure == JobFailure::failed);
        CHECK(problem_code(*result.failure) == "extraction_failed");
        CHECK(reply_of(pool, std::string("echo after ") + request) == std::string("after ") + request);
    }
}

TEST_CASE("a worker that died while idle is replaced before the next job", "[sandbox]") {
    ExtractionPool pool(self, 1, limits());
    const auto pid = std::stoi(reply_of(pool, "pid"));
    REQUIRE(::kill(pid, SIGKILL) == 0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!is_zombie(pid) && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    REQUIRE(is_zombie(pid));
    CHECK(reply_of(pool, "echo fresh") == "fresh");
}

TEST_CASE("a worker that is not one fails every job", "[sandbox]") {
    ExtractionPool pool("/bin/true", 1, limits());
    CHECK(failure_of(pool, "echo hello") == JobFailure::failed);
    CHECK(failure_of(pool, "echo again") == JobFailure::failed);
}

TEST_CASE("an allocation beyond the memory limit fails the job", "[sandbox]") {
    ExtractionPool pool(self, 1, limits());
    CHECK(reply_of(pool, "alloc 10000000") == "allocated");
    if (!memory_limit_enforced()) {
        WARN("AddressSanitizer build: the memory limit is not applied");
        return;
    }
    CHECK(failure_of(pool, "alloc 4000000000") == JobFailure::failed);
    CHECK(reply_of(pool, "alloc 10000000") == "allocated");
}

TEST_CASE("long replies arrive whole and library output never mixes into them", "[sandbox]") {
    SandboxLimits small = limits();
    small.max_reply_bytes = 2000000;
    ExtractionPool pool(self, 1, small);
    CHECK(reply_of(pool, "big 1000000") == std::string(1000000, 'x'));
    CHECK(reply_of(pool, "noisy") == "quiet");
    CHECK(reply_of(pool, "echo next") == "next");
    CHECK(failure_of(pool, "big 3000000") == JobFailure::failed);
    CHECK(reply_of(pool, "echo still") == "still");
}

TEST_CASE("a request with a newline or a worker that cannot start is an error", "[sandbox]") {
    ExtractionPool pool(self, 1, limits());
    CHECK_THROWS_AS(pool.run("echo a\nb"), Error);
    ExtractionPool missing("/nonexistent/ppid-worker", 1, limits());
    CHECK_THROWS_WITH(missing.run("echo a"), Catch::Contains("cannot start the extraction worker"));
    CHECK_THROWS_AS(missing.run("echo a"), Error);  // the failed start gave its place back
}

TEST_CASE("no worker process is left behind, not even a zombie", "[sandbox]") {
    {
        // 2 s a job: enough for a worker to start again on a busy machine under a sanitizer.
        ExtractionPool pool(self, 3, limits(std::chrono::milliseconds(2000)));
        std::vector<std::thread> threads;
        for (const char* request : {"sleep 60000", "crash", "echo x", "exit"})
            threads.emplace_back([&pool, request] { pool.run(request); });
        for (auto& thread : threads) thread.join();
        CHECK(reply_of(pool, "echo idle") == "idle");
        CHECK_FALSE(no_children());  // idle workers are alive
    }
    CHECK(no_children());
}

TEST_CASE("the worker refuses a command line that is not a worker's", "[sandbox]") {
    const char* plain[] = {"ppid", "--help"};
    CHECK_FALSE(is_extraction_worker(2, plain));
    const char* no_limit[] = {"ppid", "--extract-worker"};
    CHECK(is_extraction_worker(2, no_limit));
    const auto handle = [](const std::string& line) { return line; };
    CHECK(run_extraction_worker(2, no_limit, handle) == 2);
    const char* bad_limit[] = {"ppid", "--extract-worker", "--memory-limit", "lots"};
    CHECK(run_extraction_worker(4, bad_limit, handle) == 2);
}

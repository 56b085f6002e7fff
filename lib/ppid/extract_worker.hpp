// Running extraction jobs in worker processes, so that a broken or hostile document can hang,
// crash or exhaust memory in a worker without taking the run with it: each job has a time limit,
// each worker a memory limit, and a worker that fails is killed and replaced.
//
// A worker is the calling executable started again as `EXE --extract-worker --memory-limit N`
// (posix_spawn, never fork in a threaded process). The protocol is one line of text in, one
// line out: the pool owns both sides of it, so main() only has to recognise the flag and pass
// its handler to run_extraction_worker.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

struct SandboxLimits {
    std::chrono::milliseconds time_per_job{10000};  // wall-clock time for one job's reply,
                                                    // a fresh worker's start-up included
    std::uint64_t memory_bytes = 1ull << 30;        // address space of each worker; 0: no limit
    std::size_t max_reply_bytes = 16u << 20;        // a longer reply is a failed job
};

// Why a job gave no reply.
enum class JobFailure {
    timeout,  // no reply within time_per_job; the worker was killed
    failed,   // the worker died (a crash, an allocation refused under the memory limit, a signal,
              // an exception from the handler) or broke the protocol
};

// Returns the problem code ppid-index records for `failure`: "extraction_timeout" or
// "extraction_failed".
std::string_view problem_code(JobFailure failure);

struct JobResult {
    std::string reply;                  // the worker's line, without its newline
    std::optional<JobFailure> failure;  // set when there is no reply
    bool ok() const { return !failure; }
};

// A pool of at most `workers` worker processes, started when first needed and kept for the
// next jobs. Thread-safe: run() may be called from any number of threads, and at most
// `workers` jobs run at once; the others wait for a free worker.
class ExtractionPool {
public:
    // `executable` is the program to start as a worker, normally "/proc/self/exe" (the running
    // program, even if its file is replaced during the run). A pool of 0 workers has 1.
    ExtractionPool(std::string executable, std::size_t workers, SandboxLimits limits);
    // Kills and reaps the idle workers; no run() may still be in progress.
    ~ExtractionPool();
    ExtractionPool(const ExtractionPool&) = delete;
    ExtractionPool& operator=(const ExtractionPool&) = delete;

    // Sends `request` to a free worker and returns its reply, or the failure after which the
    // worker was killed and reaped (the next job starts a fresh one, as it does in place of an
    // idle worker that died). Throws Error when
    // `request` contains a newline or a worker cannot be started.
    JobResult run(const std::string& request);

private:
    struct Worker;
    std::unique_ptr<Worker> start_worker() const;
    JobResult exchange(Worker& worker, const std::string& request) const;

    std::string executable_;
    std::size_t max_workers_;
    SandboxLimits limits_;
    std::mutex mutex_;
    std::condition_variable worker_freed_;
    std::vector<std::unique_ptr<Worker>> idle_;
    std::size_t started_ = 0;  // workers alive, idle or busy
};

// Returns whether this process was started as a worker (argv[1] is "--extract-worker"); main()
// asks this before parsing its options.
bool is_extraction_worker(int argc, const char* const* argv);

// The worker's side, called from main() when is_extraction_worker(): applies the memory limit
// from argv, then reads request lines from stdin and writes handle(line) and a newline for each.
// While it runs, anything written to stdout goes to stderr (which the pool points at /dev/null)
// so library chatter cannot corrupt the replies. Returns the exit status: 0 when stdin ends,
// 1 when `handle` throws or returns a line with a newline in it (the pool then counts the job
// as failed, and a fresh worker has no state left over from it), 2 for a bad command line.
int run_extraction_worker(int argc, const char* const* argv,
                          const std::function<std::string(const std::string&)>& handle);

// Returns whether workers enforce SandboxLimits::memory_bytes: false in AddressSanitizer builds,
// whose shadow memory needs far more address space than any useful limit.
bool memory_limit_enforced();

}  // namespace ppid

#include <ppid/extract_worker.hpp>

#include <ppid/error.hpp>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <csignal>
#include <iostream>
#include <system_error>

extern char** environ;

// AddressSanitizer reserves terabytes of address space for its shadow memory, so RLIMIT_AS
// would make every worker fail at start-up.
#if defined(__SANITIZE_ADDRESS__)
#define PPID_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PPID_ADDRESS_SANITIZER 1
#endif
#endif

// glibc 2.34 can close every inherited descriptor in the child, including ones other libraries
// opened without O_CLOEXEC.
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
#define PPID_SPAWN_CLOSEFROM 1
#endif

namespace ppid {
namespace {

constexpr std::string_view worker_flag = "--extract-worker";
constexpr std::string_view memory_flag = "--memory-limit";

std::string system_message(int error) {
    return std::generic_category().message(error);
}

// Closes a descriptor on every path out of a scope.
struct FdGuard {
    int fd = -1;
    ~FdGuard() {
        if (fd >= 0) ::close(fd);
    }
};

bool write_all(int fd, const std::string& data) {
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

using Clock = std::chrono::steady_clock;

// Waits until `fd` is ready for `events` (or has hung up: the read or write that follows
// tells), and returns a failure when `deadline` passes first or poll itself fails.
std::optional<JobFailure> wait_until(int fd, short events, Clock::time_point deadline) {
    for (;;) {
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return JobFailure::timeout;
        pollfd watched{fd, events, 0};
        const int n = ::poll(&watched, 1, static_cast<int>(std::min<decltype(left)>(left, INT_MAX)));
        if (n > 0) return std::nullopt;
        if (n < 0 && errno != EINTR) return JobFailure::failed;
    }
}

// Returns whether an idle worker is still waiting for work: one that died meanwhile (the
// kernel's OOM killer, a stray kill) has hung up, and one with output pending is out of step.
bool still_idle(int fd) {
    pollfd watched{fd, POLLIN, 0};
    return ::poll(&watched, 1, 0) == 0;
}

// Gives the worker's stdin and stdout to one end of a socket pair and stderr to /dev/null, and
// resets what a spawning thread may have changed: ignored signals and the signal mask survive
// exec, and an ignored SIGPIPE would keep an orphaned worker writing into nothing.
class SpawnSetup {
public:
    explicit SpawnSetup(int child_end) {
        ::posix_spawn_file_actions_init(&actions_);
        ::posix_spawnattr_init(&attributes_);
        int rc = ::posix_spawn_file_actions_adddup2(&actions_, child_end, STDIN_FILENO);
        if (rc == 0) rc = ::posix_spawn_file_actions_adddup2(&actions_, child_end, STDOUT_FILENO);
        if (rc == 0) rc = ::posix_spawn_file_actions_addopen(&actions_, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
#ifdef PPID_SPAWN_CLOSEFROM
        if (rc == 0) rc = ::posix_spawn_file_actions_addclosefrom_np(&actions_, STDERR_FILENO + 1);
#endif
        sigset_t all, none;
        sigfillset(&all);
        sigdelset(&all, SIGKILL);
        sigdelset(&all, SIGSTOP);
        sigemptyset(&none);
        if (rc == 0) rc = ::posix_spawnattr_setsigdefault(&attributes_, &all);
        if (rc == 0) rc = ::posix_spawnattr_setsigmask(&attributes_, &none);
        if (rc == 0) rc = ::posix_spawnattr_setflags(&attributes_, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
        error_ = rc;
    }
    ~SpawnSetup() {
        ::posix_spawnattr_destroy(&attributes_);
        ::posix_spawn_file_actions_destroy(&actions_);
    }
    SpawnSetup(const SpawnSetup&) = delete;
    SpawnSetup& operator=(const SpawnSetup&) = delete;

    // Returns 0 and sets `pid`, or the error number.
    int spawn(pid_t& pid, const std::vector<std::string>& args) const {
        if (error_ != 0) return error_;
        std::vector<char*> argv;
        for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
        argv.push_back(nullptr);
        return ::posix_spawn(&pid, argv[0], &actions_, &attributes_, argv.data(), environ);
    }

private:
    posix_spawn_file_actions_t actions_;
    posix_spawnattr_t attributes_;
    int error_ = 0;
};

// Returns false when a limit cannot be set: a worker must not run unlimited.
bool limit_resources(std::uint64_t memory_bytes) {
    const rlimit no_core{0, 0};  // a crash on a hostile file must not litter the disk
    if (::setrlimit(RLIMIT_CORE, &no_core) != 0) return false;
#ifndef PPID_ADDRESS_SANITIZER
    if (memory_bytes > 0) {
        rlimit space{};
        if (::getrlimit(RLIMIT_AS, &space) != 0) return false;
        auto limit = static_cast<rlim_t>(memory_bytes);
        if (space.rlim_max != RLIM_INFINITY) limit = std::min(limit, space.rlim_max);
        space.rlim_cur = space.rlim_max = limit;
        if (::setrlimit(RLIMIT_AS, &space) != 0) return false;
    }
#else
    (void)memory_bytes;
#endif
    return true;
}

}  // namespace

std::string_view problem_code(JobFailure failure) {
    return failure == JobFailure::timeout ? "extraction_timeout" : "extraction_failed";
}

// A worker process and our end of its stdin and stdout. Destroying it kills and reaps the
// process: a worker that failed may be stuck, and an idle one holds nothing worth a goodbye.
struct ExtractionPool::Worker {
    pid_t pid = -1;
    int fd = -1;

    Worker() = default;
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;
    ~Worker() {
        if (fd >= 0) ::close(fd);
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
            }
        }
    }
};

ExtractionPool::ExtractionPool(std::string executable, std::size_t workers, SandboxLimits limits)
    : executable_(std::move(executable)), max_workers_(std::max<std::size_t>(workers, 1)), limits_(limits) {
    idle_.reserve(max_workers_);  // so that giving a worker back never allocates
}

ExtractionPool::~ExtractionPool() = default;

std::unique_ptr<ExtractionPool::Worker> ExtractionPool::start_worker() const {
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0)
        throw Error("cannot start an extraction worker: " + system_message(errno));
    auto worker = std::make_unique<Worker>();
    worker->fd = ends[0];
    const FdGuard child_end{ends[1]};
    const SpawnSetup setup(child_end.fd);
    const int rc = setup.spawn(worker->pid, {executable_, std::string(worker_flag), std::string(memory_flag),
                                             std::to_string(limits_.memory_bytes)});
    if (rc != 0) {
        worker->pid = -1;
        throw Error("cannot start the extraction worker " + executable_ + ": " + system_message(rc));
    }
    return worker;
}

JobResult ExtractionPool::exchange(Worker& worker, const std::string& request) const {
    const JobResult failed{"", JobFailure::failed};
    const auto deadline = Clock::now() + limits_.time_per_job;

    const std::string line = request + '\n';
    std::size_t sent = 0;
    while (sent < line.size()) {
        // MSG_NOSIGNAL: a dead worker gives EPIPE here, never SIGPIPE to the whole run.
        const ssize_t n = ::send(worker.fd, line.data() + sent, line.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n >= 0) {
            sent += static_cast<std::size_t>(n);
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            if (const auto failure = wait_until(worker.fd, POLLOUT, deadline)) return {"", failure};
        } else if (errno != EINTR) {
            return failed;
        }
    }

    std::string reply;
    char buffer[65536];
    for (;;) {
        if (const auto failure = wait_until(worker.fd, POLLIN, deadline)) return {"", failure};
        const ssize_t n = ::recv(worker.fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n == 0) return failed;  // the worker died or closed its stdout
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
            return failed;
        }
        reply.append(buffer, static_cast<std::size_t>(n));
        const auto newline = reply.find('\n', reply.size() - static_cast<std::size_t>(n));
        if (newline != std::string::npos) {
            // Anything after the line would be taken for the next job's reply.
            if (newline + 1 != reply.size()) return failed;
            reply.pop_back();
            return {std::move(reply), std::nullopt};
        }
        if (reply.size() > limits_.max_reply_bytes) return failed;
    }
}

JobResult ExtractionPool::run(const std::string& request) {
    if (request.find('\n') != std::string::npos) throw Error("an extraction request must be one line");

    std::unique_ptr<Worker> worker;
    {
        std::unique_lock lock(mutex_);
        worker_freed_.wait(lock, [this] { return !idle_.empty() || started_ < max_workers_; });
        if (!idle_.empty()) {
            worker = std::move(idle_.back());
            idle_.pop_back();
        } else {
            ++started_;
        }
    }

    // A worker that failed is killed and reaped before its place is given up, so there are
    // never more than max_workers_ processes.
    const auto retire = [this](std::unique_ptr<Worker>& gone) noexcept {
        gone.reset();
        {
            std::lock_guard lock(mutex_);
            --started_;
        }
        worker_freed_.notify_one();
    };

    JobResult result;
    try {
        if (worker && !still_idle(worker->fd)) worker.reset();  // not this job's fault: replace it
        if (!worker) worker = start_worker();
        result = exchange(*worker, request);
    } catch (...) {
        retire(worker);
        throw;
    }
    if (result.ok()) {
        {
            std::lock_guard lock(mutex_);
            idle_.push_back(std::move(worker));
        }
        worker_freed_.notify_one();
    } else {
        retire(worker);
    }
    return result;
}

bool is_extraction_worker(int argc, const char* const* argv) {
    return argc >= 2 && argv[1] == worker_flag;
}

int run_extraction_worker(int argc, const char* const* argv,
                          const std::function<std::string(const std::string&)>& handle) {
    if (argc != 4 || !is_extraction_worker(argc, argv) || argv[2] != memory_flag) return 2;
    const std::string_view limit_text = argv[3];
    std::uint64_t memory_bytes = 0;
    const auto parsed = std::from_chars(limit_text.data(), limit_text.data() + limit_text.size(), memory_bytes);
    if (parsed.ec != std::errc() || parsed.ptr != limit_text.data() + limit_text.size()) return 2;
    if (!limit_resources(memory_bytes)) return 2;

    // Replies get a descriptor of their own; fd 1 now goes where stderr goes.
    const FdGuard replies{::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, STDERR_FILENO + 1)};
    if (replies.fd < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) return 2;

    std::string request;
    while (std::getline(std::cin, request)) {
        if (std::cin.eof()) break;  // a line cut short: the pool is gone
        std::string reply;
        try {
            reply = handle(request);
        } catch (...) {
            return 1;
        }
        if (reply.find('\n') != std::string::npos) return 1;
        reply += '\n';
        if (!write_all(replies.fd, reply)) return 1;
    }
    return 0;
}

bool memory_limit_enforced() {
#ifdef PPID_ADDRESS_SANITIZER
    return false;
#else
    return true;
#endif
}

}  // namespace ppid

// One background thread that runs jobs strictly in the order they were posted: work moved off a
// busy thread (ppid-crawl's network loop) whose results must still come out in order.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace ppid::util {

class SerialWork {
public:
    // Starts the thread; post() waits while `max_waiting` jobs are queued, so a slow consumer
    // holds the producer back instead of letting memory grow.
    explicit SerialWork(std::size_t max_waiting = 256);

    // Drops the jobs not yet started, finishes the one under way and joins.
    ~SerialWork();

    SerialWork(const SerialWork&) = delete;
    SerialWork& operator=(const SerialWork&) = delete;

    // Queues `job` after every job posted before. Rethrows, here, the exception of an earlier
    // job; after one job has thrown, no other runs.
    void post(std::function<void()> job);

    // Returns once every job posted has run; rethrows the exception of one that threw.
    void drain();

private:
    void work();
    void rethrow_failure(std::unique_lock<std::mutex>& lock);

    const std::size_t max_waiting_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::function<void()>> waiting_;
    bool running_ = false;  // a job is under way
    bool stopping_ = false;
    std::exception_ptr failure_;
    std::thread thread_;
};

}  // namespace ppid::util

// Jobs run by a few threads while the caller's loop goes on, their results collected by id: what
// lets a crawler read pages and documents on every core while transfers continue.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace ppid::util {

template <class Result>
class BackgroundWork {
public:
    // Starts `threads` threads (at least one); `on_done` is called from them after each job, to
    // wake the caller's loop.
    BackgroundWork(unsigned threads, std::function<void()> on_done) : on_done_(std::move(on_done)) {
        for (unsigned i = 0; i < std::max(1u, threads); ++i) threads_.emplace_back([this] { work(); });
    }

    // Finishes the jobs under way, drops the waiting ones (calling their `drop`) and joins.
    ~BackgroundWork() {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
            for (auto& waiting : waiting_)
                if (waiting.drop) waiting.drop();
            waiting_.clear();
        }
        wanted_.notify_all();
        for (auto& thread : threads_) thread.join();
    }

    BackgroundWork(const BackgroundWork&) = delete;
    BackgroundWork& operator=(const BackgroundWork&) = delete;

    // Queues `job`; `drop`, when given, undoes what the job would have cleaned up had it run.
    void submit(std::size_t id, std::function<Result()> job, std::function<void()> drop = {}) {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            waiting_.push_back({id, std::move(job), std::move(drop)});
        }
        wanted_.notify_one();
    }

    // Returns the (id, result) of the jobs finished since the last call. A job that throws
    // ends the program: jobs report their failures in their results.
    std::vector<std::pair<std::size_t, Result>> take_done() {
        const std::lock_guard<std::mutex> lock(mutex_);
        std::vector<std::pair<std::size_t, Result>> done;
        done.swap(done_);
        return done;
    }

private:
    struct Job {
        std::size_t id;
        std::function<Result()> run;
        std::function<void()> drop;
    };

    void work() {
        for (;;) {
            Job job;
            {
                std::unique_lock<std::mutex> lock(mutex_);
                wanted_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
                if (stopping_) return;
                job = std::move(waiting_.front());
                waiting_.pop_front();
            }
            Result result = job.run();
            {
                const std::lock_guard<std::mutex> lock(mutex_);
                done_.emplace_back(job.id, std::move(result));
            }
            on_done_();
        }
    }

    std::function<void()> on_done_;
    std::mutex mutex_;
    std::condition_variable wanted_;
    std::deque<Job> waiting_;
    std::vector<std::pair<std::size_t, Result>> done_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace ppid::util

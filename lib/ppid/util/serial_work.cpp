#include <ppid/util/serial_work.hpp>

namespace ppid::util {

SerialWork::SerialWork(std::size_t max_waiting) : max_waiting_(max_waiting > 0 ? max_waiting : 1) {
    thread_ = std::thread([this] { work(); });
}

SerialWork::~SerialWork() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        waiting_.clear();
    }
    changed_.notify_all();
    thread_.join();
}

void SerialWork::rethrow_failure(std::unique_lock<std::mutex>& lock) {
    if (!failure_) return;
    const std::exception_ptr failure = failure_;
    lock.unlock();
    std::rethrow_exception(failure);
}

void SerialWork::post(std::function<void()> job) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return failure_ || waiting_.size() < max_waiting_; });
    rethrow_failure(lock);
    waiting_.push_back(std::move(job));
    lock.unlock();
    changed_.notify_all();
}

void SerialWork::drain() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return failure_ || (waiting_.empty() && !running_); });
    rethrow_failure(lock);
}

void SerialWork::work() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            changed_.wait(lock, [this] { return stopping_ || (!waiting_.empty() && !failure_); });
            if (stopping_) return;
            job = std::move(waiting_.front());
            waiting_.pop_front();
            running_ = true;
        }
        std::exception_ptr failure;
        try {
            job();
        } catch (...) {
            failure = std::current_exception();
        }
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            running_ = false;
            if (failure) failure_ = failure;
        }
        changed_.notify_all();
    }
}

}  // namespace ppid::util

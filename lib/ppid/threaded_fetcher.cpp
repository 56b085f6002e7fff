#include <ppid/threaded_fetcher.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace ppid {

namespace {

class ThreadedFetcher final : public Fetcher {
public:
    explicit ThreadedFetcher(std::unique_ptr<Fetcher> inner) : inner_(std::move(inner)) {
        thread_ = std::thread([this] { transfer_loop(); });
    }

    // Stops the transfers' thread; transfers under way end with `inner`.
    ~ThreadedFetcher() override {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        inner_->wake();
        thread_.join();
    }

    void start(FetchRequest request) override {
        ++in_flight_;
        bool first = false;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            first = requests_.empty();
            requests_.push_back(std::move(request));
        }
        // The transfers' thread may be waiting on the network; once woken it takes every request
        // handed over by then, so one wake-up serves a batch (libcurl's is a write to a socket).
        if (first) inner_->wake();
    }

    std::vector<FetchResponse> wait(std::chrono::milliseconds max_wait) override {
        std::unique_lock<std::mutex> lock(mutex_);
        if (responses_.empty() && !woken_ && !failure_)
            finished_.wait_for(lock, max_wait, [this] { return !responses_.empty() || woken_ || failure_; });
        woken_ = false;
        if (failure_) std::rethrow_exception(failure_);
        std::vector<FetchResponse> done;
        done.swap(responses_);
        in_flight_ -= done.size();
        return done;
    }

    void wake() override {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            woken_ = true;
        }
        finished_.notify_one();
    }

    std::size_t in_flight() const override { return in_flight_; }

private:
    void transfer_loop() {
        std::vector<FetchRequest> starting;
        try {
            for (;;) {
                {
                    const std::lock_guard<std::mutex> lock(mutex_);
                    if (stopping_) return;
                    starting.swap(requests_);
                }
                for (auto& request : starting) inner_->start(std::move(request));
                starting.clear();
                // The wait ends early when a request is handed over (start() wakes it).
                std::vector<FetchResponse> done = inner_->wait(std::chrono::milliseconds(100));
                if (done.empty()) continue;
                {
                    const std::lock_guard<std::mutex> lock(mutex_);
                    for (auto& response : done) responses_.push_back(std::move(response));
                }
                finished_.notify_one();
            }
        } catch (...) {  // libcurl failing: said by the crawl loop's next wait()
            {
                const std::lock_guard<std::mutex> lock(mutex_);
                failure_ = std::current_exception();
            }
            finished_.notify_one();
        }
    }

    std::unique_ptr<Fetcher> inner_;
    std::mutex mutex_;
    std::condition_variable finished_;
    std::vector<FetchRequest> requests_;     // handed over, not yet started on the transfers' thread
    std::vector<FetchResponse> responses_;   // finished, not yet taken by wait()
    bool woken_ = false;
    bool stopping_ = false;
    std::exception_ptr failure_;
    std::atomic<std::size_t> in_flight_{0};  // started and not yet returned by wait()
    std::thread thread_;                     // last: started once the rest is ready
};

}  // namespace

std::unique_ptr<Fetcher> make_threaded_fetcher(std::unique_ptr<Fetcher> inner) {
    return std::make_unique<ThreadedFetcher>(std::move(inner));
}

}  // namespace ppid

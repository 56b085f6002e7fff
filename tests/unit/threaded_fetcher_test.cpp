// The crawl loop hands requests to the transfers' thread and takes responses back: every
// response comes back once, wake() ends a wait early from any thread, in_flight() counts what
// was started and not yet taken, and a failure of the network layer reaches the loop.
#include <ppid/threaded_fetcher.hpp>

#include <ppid/error.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

using namespace ppid;
using std::chrono::milliseconds;

namespace {

// Answers each request at its next wait(), as a network would, and checks it is only ever used
// from one thread. Fails on the request with id `fail_at`.
class OneThreadFetcher final : public Fetcher {
public:
    explicit OneThreadFetcher(std::atomic<bool>& crossed, std::size_t fail_at = 0) : crossed_(crossed), fail_at_(fail_at) {}

    void start(FetchRequest request) override {
        note_thread();
        if (fail_at_ != 0 && request.id == fail_at_) throw Error("libcurl is gone");
        FetchResponse response;
        response.id = request.id;
        response.status = 200;
        pending_.push_back(std::move(response));
    }

    std::vector<FetchResponse> wait(milliseconds max_wait) override {
        note_thread();
        if (pending_.empty()) {
            std::unique_lock<std::mutex> lock(mutex_);
            woken_.wait_for(lock, max_wait, [this] { return wake_; });
            wake_ = false;
        }
        std::vector<FetchResponse> done(std::make_move_iterator(pending_.begin()), std::make_move_iterator(pending_.end()));
        pending_.clear();
        return done;
    }

    void wake() override {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            wake_ = true;
        }
        woken_.notify_all();
    }

    std::size_t in_flight() const override { return pending_.size(); }

private:
    void note_thread() {
        if (owner_ == std::thread::id()) owner_ = std::this_thread::get_id();
        if (owner_ != std::this_thread::get_id()) crossed_ = true;
    }

    std::atomic<bool>& crossed_;
    std::size_t fail_at_;
    std::deque<FetchResponse> pending_;
    std::thread::id owner_;
    std::mutex mutex_;
    std::condition_variable woken_;
    bool wake_ = false;
};

FetchRequest request(std::size_t id) {
    FetchRequest made;
    made.id = id;
    made.url = "http://127.0.0.1/" + std::to_string(id);
    return made;
}

}  // namespace

TEST_CASE("threaded fetcher: every request's response comes back once, from the one transfers' thread") {
    std::atomic<bool> crossed{false};
    const auto fetcher = make_threaded_fetcher(std::make_unique<OneThreadFetcher>(crossed));
    std::set<std::size_t> back;
    for (std::size_t id = 1; id <= 1000; ++id) {
        fetcher->start(request(id));
        if (id % 7 == 0)
            for (auto& response : fetcher->wait(milliseconds(0))) CHECK(back.insert(response.id).second);
    }
    for (int rounds = 0; back.size() < 1000 && rounds < 1000; ++rounds)
        for (auto& response : fetcher->wait(milliseconds(100))) CHECK(back.insert(response.id).second);
    CHECK(back.size() == 1000);
    CHECK(fetcher->in_flight() == 0);
    CHECK_FALSE(crossed);
}

TEST_CASE("threaded fetcher: wake() from another thread ends a wait with nothing to return") {
    std::atomic<bool> crossed{false};
    const auto fetcher = make_threaded_fetcher(std::make_unique<OneThreadFetcher>(crossed));
    std::thread waker([&] {
        std::this_thread::sleep_for(milliseconds(50));
        fetcher->wake();
    });
    const auto started = std::chrono::steady_clock::now();
    CHECK(fetcher->wait(std::chrono::seconds(20)).empty());
    waker.join();
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
}

TEST_CASE("threaded fetcher: requests still under way when it ends are dropped without waiting") {
    std::atomic<bool> crossed{false};
    auto fetcher = make_threaded_fetcher(std::make_unique<OneThreadFetcher>(crossed));
    fetcher->start(request(1));
    CHECK(fetcher->in_flight() == 1);
    fetcher.reset();  // joins the transfers' thread
    CHECK_FALSE(crossed);
}

TEST_CASE("threaded fetcher: a failure of the network layer reaches the crawl loop's wait") {
    std::atomic<bool> crossed{false};
    const auto fetcher = make_threaded_fetcher(std::make_unique<OneThreadFetcher>(crossed, 3));
    for (std::size_t id = 1; id <= 3; ++id) fetcher->start(request(id));
    bool thrown = false;
    for (int rounds = 0; !thrown && rounds < 200; ++rounds) {
        try {
            fetcher->wait(milliseconds(100));
        } catch (const Error& error) {
            thrown = std::string(error.what()) == "libcurl is gone";
        }
    }
    CHECK(thrown);
}

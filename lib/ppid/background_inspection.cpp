#include <ppid/background_inspection.hpp>

#include <cstdio>

namespace ppid {

BackgroundInspection::BackgroundInspection(unsigned threads, ExtractionPool* pool, std::function<void()> on_done)
    : pool_(pool), on_done_(std::move(on_done)) {
    for (unsigned i = 0; i < std::max(1u, threads); ++i) threads_.emplace_back([this] { work(); });
}

BackgroundInspection::~BackgroundInspection() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        for (const auto& job : waiting_) std::remove(job.path.c_str());
        waiting_.clear();
    }
    wanted_.notify_all();
    for (auto& thread : threads_) thread.join();
}

void BackgroundInspection::submit(InspectionJob job) {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        waiting_.push_back(std::move(job));
    }
    wanted_.notify_one();
}

std::vector<InspectionDone> BackgroundInspection::take_done() {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::vector<InspectionDone> done;
    done.swap(done_);
    return done;
}

void BackgroundInspection::work() {
    for (;;) {
        InspectionJob job;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wanted_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
            if (stopping_) return;
            job = std::move(waiting_.front());
            waiting_.pop_front();
        }
        InspectionDone done{job.id, inspect_document(job.path, job.size, job.name, job.declared_type, pool_)};
        std::remove(job.path.c_str());
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            done_.push_back(std::move(done));
        }
        on_done_();
    }
}

}  // namespace ppid

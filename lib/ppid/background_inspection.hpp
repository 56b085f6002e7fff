// Document inspection off the crawler's network loop: downloaded files are hashed, typed and read
// by a few threads (each waiting on an extraction worker process) while transfers go on.
#pragma once

#include <ppid/document_inspection.hpp>
#include <ppid/extract_worker.hpp>

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ppid {

struct InspectionJob {
    std::size_t id = 0;
    std::string path;  // deleted once inspected
    std::uint64_t size = 0;
    std::string name;           // the URL's last segment
    std::string declared_type;  // Content-Type as served
};

struct InspectionDone {
    std::size_t id = 0;
    DocumentInspection inspection;
};

class BackgroundInspection {
public:
    // Starts `threads` threads reading through `pool` (no content read when it is null);
    // `on_done` is called from those threads after each job, to wake the caller's loop.
    BackgroundInspection(unsigned threads, ExtractionPool* pool, std::function<void()> on_done);
    // Finishes the jobs in progress, drops the waiting ones (deleting their files) and joins.
    ~BackgroundInspection();
    BackgroundInspection(const BackgroundInspection&) = delete;
    BackgroundInspection& operator=(const BackgroundInspection&) = delete;

    void submit(InspectionJob job);
    // Returns the jobs finished since the last call.
    std::vector<InspectionDone> take_done();

private:
    void work();

    ExtractionPool* pool_;
    std::function<void()> on_done_;
    std::mutex mutex_;
    std::condition_variable wanted_;
    std::deque<InspectionJob> waiting_;
    std::vector<InspectionDone> done_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace ppid

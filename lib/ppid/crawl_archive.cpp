#include <ppid/crawl_archive.hpp>

#include <unistd.h>

#include <filesystem>
#include <future>

namespace ppid {

bool archive_may_revisit(const WarcWriter* warc, const CacheEntry& entry) {
    return !warc || warc->can_refer_to(entry.warc);
}

std::shared_ptr<WarcSlot> archive_response(WarcWriter& warc, util::SerialWork* thread,
                                           const CrawlItem& item, const FetchResponse& response) {
    if (!response.exchange || !response.exchange->whole || response.transport_failure != FailureClass::none ||
        response.status == 0)
        return nullptr;
    // A file: URL's error or redirect is the crawler's own answer, not a file: nothing to keep.
    const bool file = item.current.scheme == "file";
    if (file && response.status != 304 && (response.status < 200 || response.status >= 300)) return nullptr;
    WarcCapture capture;
    capture.url = item.current.text();
    capture.status = response.status;
    capture.content_type = response.content_type;
    capture.exchange = response.exchange;
    if (item.cached) capture.earlier = item.cached->warc;
    capture.not_modified = response.status == 304 && item.cached != nullptr;
    if (response.status >= 200 && response.status < 300) {
        if (response.body_path.empty()) {
            capture.body = response.body;  // a page's body also goes to be read for links
        } else {
            // The document's file goes to be inspected, then removed: the archive keeps a link of its own.
            capture.body_path = response.body_path + ".warc";
            std::error_code error;
            if (::link(response.body_path.c_str(), capture.body_path.c_str()) != 0 &&
                !std::filesystem::copy_file(response.body_path, capture.body_path, error))
                return nullptr;
        }
    }
    auto slot = std::make_shared<WarcSlot>();
    if (!thread) {
        slot->ref = warc.write(capture);
        return slot;
    }
    // The body is read, hashed and compressed ahead on the writer's preparing threads; the
    // records thread, in order, only decides and appends.
    auto shared_capture = std::make_shared<const WarcCapture>(std::move(capture));
    auto prepared = warc.prepare_ahead(shared_capture);
    thread->post([&warc, slot, capture = std::move(shared_capture), prepared = std::move(prepared)] {
        std::shared_ptr<const PreparedResponse> ready;
        try {
            ready = prepared.get();
        } catch (const std::future_error&) {  // a preparer ended before its job ran: write it all here
        }
        slot->ref = warc.write(*capture, ready.get());
    });
    return slot;
}

void store_with_archive_place(CrawlCache& cache, util::SerialWork* thread, CacheEntry entry,
                              std::shared_ptr<const WarcSlot> slot, std::atomic<bool>& failed) {
    auto job = [&cache, &failed, entry = std::move(entry), slot = std::move(slot)]() mutable {
        if (slot) entry.warc = slot->ref;
        if (!cache.store(entry)) failed = true;
    };
    if (thread) thread->post(std::move(job));
    else job();
}

}  // namespace ppid

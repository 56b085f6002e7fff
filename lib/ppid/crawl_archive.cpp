#include <ppid/crawl_archive.hpp>

#include <unistd.h>

#include <filesystem>

namespace ppid {

bool archive_may_revisit(const WarcWriter* warc, const CacheEntry& entry) {
    return !warc || warc->can_refer_to(entry.warc);
}

std::shared_ptr<WarcSlot> archive_response(WarcWriter& warc, CrawlCache* cache, util::SerialWork* thread,
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
    capture.not_modified = response.status == 304 && item.cached.has_value();
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
    auto job = [&warc, cache, slot, capture = std::move(capture), etag = response.etag,
                last_modified = response.last_modified]() mutable {
        const std::string url = capture.url;
        const bool success = capture.status >= 200 && capture.status < 300;
        WarcRef ref = warc.write(std::move(capture));
        slot->place = ref.place;
        // What the next night's revisit points at, with the validators the cache's entry has now;
        // a failure to remember it only costs that night a whole fetch.
        if (cache && success) cache->store_archived(url, ref, etag, last_modified);
    };
    if (thread) thread->post(std::move(job));
    else job();
    return slot;
}

}  // namespace ppid

// ppid-crawl's side of its web archive (--warc): which answers go into it, handed to the thread
// that writes the records so that the network thread only copies a page or links a file, and
// when a cached answer may stand for a fetch (only one the archive can point back at).
#pragma once

#include <ppid/crawl_cache.hpp>
#include <ppid/crawl_item.hpp>
#include <ppid/http_fetcher.hpp>
#include <ppid/util/serial_work.hpp>
#include <ppid/warc_writer.hpp>

#include <atomic>
#include <memory>

namespace ppid {

// Returns whether the cache's `entry` may be asked "changed since?": always without an archive
// (`warc` null); with one, only when an earlier night archived its bytes in a file still there,
// else a 304 would leave nothing to point at and the URL is fetched whole.
bool archive_may_revisit(const WarcWriter* warc, const CacheEntry& entry);

// Archives `response`, the answer to `item`'s current hop (`item.cached`: the cache's entry asked
// about), on `thread` after the work posted before (now when null), and returns the slot its
// place will be in before the item's record is written there. Returns null when there is
// nothing to archive: no answer, a cut body, headers only. A 2xx body in a file stays for the
// caller: the archive reads a hard link of it.
std::shared_ptr<WarcSlot> archive_response(WarcWriter& warc, util::SerialWork* thread, const CrawlItem& item,
                                           const FetchResponse& response);

// Stores `entry` in `cache` with the place its bytes were archived in (`slot`, null when they
// were not), on `thread` after the archiving (now when null), in one file: a crawl killed in
// between leaves the old entry whole, never new validators with the old bytes' place. Sets
// `failed` when the entry cannot be written.
void store_with_archive_place(CrawlCache& cache, util::SerialWork* thread, CacheEntry entry,
                              std::shared_ptr<const WarcSlot> slot, std::atomic<bool>& failed);

}  // namespace ppid

// A fetcher whose transfers run on a thread of their own: libcurl's work (sending, receiving,
// parsing heads, the kernel's loopback and socket calls) was half the crawl loop's time, and the
// loop, which decides what to fetch next, waited while it ran. Now the loop hands requests over
// and takes finished responses back, and both run at once on two cores.
#pragma once

#include <ppid/http_fetcher.hpp>

#include <memory>

namespace ppid {

// Returns a fetcher that runs `inner` (started and waited on only from its own thread) on a
// thread of its own. Responses come back in the order `inner` finished them.
std::unique_ptr<Fetcher> make_threaded_fetcher(std::unique_ptr<Fetcher> inner);

}  // namespace ppid

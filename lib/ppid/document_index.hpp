// `document` records for the files under the office's document folders: what each file is
// (hash, type by content), what it says about itself (title, dates, period, a text sample) and
// what is wrong with it (empty, misnamed, unreadable, a scan without text).
#pragma once

#include <ppid/content_extract.hpp>
#include <ppid/diagnostics.hpp>
#include <ppid/extract_worker.hpp>
#include <ppid/file_walk.hpp>

#include <date/date.h>
#include <date/tz.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

struct IndexOptions {
    WalkOptions walk;
    bool content = true;                  // false with --no-content: hash and type only
    unsigned jobs = 1;                    // files hashed and read at once
    std::optional<std::string> previous;  // --incremental PREVIOUS.jsonl
    date::sys_days as_of;                 // dates after it are a problem
};

// Reports how far the run is, for a progress line on a terminal.
using IndexProgress = std::function<void(std::size_t done, std::size_t total)>;

// Calls `emit` with one `document` record (JSON text) per file under `roots`, and whether that
// document has problems, in root order and then path order whatever the number of jobs. Content is extracted through `pool` (worker
// processes with time and memory limits) unless options.content is false. A file that cannot be
// read is recorded with its problem; folders that cannot be read, and an unreadable or bad
// --incremental file, go to `diag` and the run goes on. Throws Error for a root that does not
// exist. A previous record that had a problem which may pass by itself (a failed extraction, a
// date after the as-of date) is never reused.
void index_documents(const std::vector<std::string>& roots, const IndexOptions& options, const date::time_zone& zone,
                     ExtractionPool* pool, Diagnostics& diag,
                     const std::function<void(std::string_view, bool)>& emit, const IndexProgress& progress);

}  // namespace ppid

// Finding the files ppid-index records under each document root: .ppidignore and --exclude
// honoured, hidden files skipped, symbolic links followed only on request and then never in a
// loop or out of the root.
#pragma once

#include <ppid/diagnostics.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace ppid {

struct WalkOptions {
    std::vector<std::string> excludes;  // --exclude, gitignore syntax, relative to each root
    bool hidden = false;                // --hidden: also names starting with '.'
    bool follow = false;                // --follow: symbolic links to files and folders
};

struct FoundFile {
    std::string root;          // the root as given, normalised (see normal_root)
    std::string path;          // relative to the root, '/'-separated, the name's bytes as they are
    std::string full_path;     // root + '/' + path, for opening
    std::uint64_t size = 0;
    std::int64_t mtime_seconds = 0;  // seconds since the epoch (UTC)
    std::int64_t mtime_nanoseconds = 0;
};

// Returns `root` as records name it: "cfg/../dokumen/" and "./dokumen" are both "dokumen", so
// the same folder always gives the same keys.
std::string normal_root(const std::string& root);

// Returns the regular files under `root` (normalised), sorted by path (byte order). A root that is a single
// file gives that file. Folders that cannot be read, links that loop or leave the root are
// reported to `diag` (errors for unreadable folders, warnings for skipped links) and the walk
// goes on. Throws Error when the root itself does not exist.
std::vector<FoundFile> walk_root(const std::string& root, const WalkOptions& options, Diagnostics& diag);

}  // namespace ppid

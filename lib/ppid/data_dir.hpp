// Where the shipped data (calendars/, rules/, checklists/, ...) is found.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace ppid {

// The places to look, filled in by the runner from the real environment and by tests by hand.
struct DataDirSearch {
    std::optional<std::string> env_override;  // $PPID_DATA_DIR
    std::filesystem::path executable_dir;     // the running tool's directory, if known
};

// Returns the first of: $PPID_DATA_DIR; <executable_dir>/../share/ppid (a relocated install);
// the configured install prefix's share/ppid; the source tree's share/ppid. A candidate counts
// only if it has a calendars/ folder. Throws Error naming every place tried when none does,
// or when $PPID_DATA_DIR is set but unusable.
std::filesystem::path find_data_dir(const DataDirSearch& search);

// Returns the directory of the running executable, or an empty path when it cannot be known.
std::filesystem::path current_executable_dir();

}  // namespace ppid

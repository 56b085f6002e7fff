// Sorting text records by (key, sequence number) in bounded memory: records are held while they
// fit, then sorted runs spill to unlinked temporary files that are merged a few at a time.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace ppid::util {

// One record to sort: ordered by `key` (bytes, as std::string compares them), then by `line`.
struct SortRecord {
    std::string key;
    std::size_t line = 0;  // breaks ties between equal keys: the input line number, say
    std::string text;      // carried along, never compared
};

// Returns whether `a` comes before `b`: the smaller key, or the same key and the smaller line.
bool sorts_before(const SortRecord& a, const SortRecord& b);

struct ExternalSortOptions {
    std::size_t memory = std::size_t{64} << 20;   // bytes of records held before a run spills (at least 1)
    std::filesystem::path temp_dir = "/tmp";      // where the runs spill
    std::size_t fan_in = 64;                      // runs merged at once (at least 2)
    std::string file_prefix = "external-sort";    // temporary file names: PREFIX.XXXXXX
};

// Sorts the records added to it; each temporary file is unlinked when created, so nothing is
// left behind however the sort ends.
class ExternalSorter {
public:
    explicit ExternalSorter(ExternalSortOptions options);
    ~ExternalSorter();
    ExternalSorter(const ExternalSorter&) = delete;
    ExternalSorter& operator=(const ExternalSorter&) = delete;

    // Adds a record before finish(); throws std::runtime_error (naming the folder) when a
    // temporary file cannot be created or written.
    void add(SortRecord record);

    // Ends the input; throws as add() does.
    void finish();

    // Moves the next record in order into `out` after finish(); returns false after the last.
    // Throws std::runtime_error when a temporary file cannot be read.
    bool next(SortRecord& out);

private:
    class RunFile;
    class RunMerger;
    using Runs = std::vector<std::unique_ptr<RunFile>>;

    void spill();
    std::size_t fan_in() const;
    void merge_oldest();

    ExternalSortOptions options_;
    std::vector<SortRecord> buffer_;
    std::size_t used_ = 0;
    std::size_t position_ = 0;
    Runs runs_;
    std::unique_ptr<RunMerger> merger_;
};

}  // namespace ppid::util

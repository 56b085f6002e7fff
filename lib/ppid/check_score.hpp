// The summary of a completeness check: counts per status and category, and the 0-100 score with its band.
// How much each status earns and where the bands start are data (share/ppid/checklists/bands-*.json); the
// score is the tool's estimate for the office's own use, never the Komisi Informasi's.
#pragma once

#include <ppid/check_status.hpp>
#include <ppid/checklist.hpp>

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ppid {

struct ScoreBand {
    int min_tenths = 0;  // the lowest score in the band, in tenths (89.9 is 899): the 39,9/40 edge is exact
    std::string band;
    std::string band_en;
};

struct ScoreBands {
    std::string name;  // "nasional"
    std::map<ItemStatus, double> credit;  // what an item in each status earns, 0 to 1 (not_applicable: none)
    std::vector<ScoreBand> levels;        // highest first, the last starting at 0
};

// Returns the bands in the file `name_or_file` names (a path, or NAME for `folder`/bands-NAME.json). Throws
// Error naming the file for bad data: unknown keys, a credit outside 0-1 or missing, bands not descending
// or not ending at 0.
ScoreBands load_score_bands(const std::filesystem::path& folder, const std::string& name_or_file);

// The counts and score of one run.
class ScoreSheet {
public:
    explicit ScoreSheet(const ScoreBands& bands) : bands_(bands) {}

    // Counts one item of `category` with `weight` in `status`.
    void add(const std::string& category, int weight, ItemStatus status);

    // Returns the score in tenths (0 to 1000), or nullopt when no item applies.
    std::optional<int> score_tenths() const;

    // Returns the band of `score_tenths`.
    const ScoreBand& band(int score_tenths) const;

    int count(ItemStatus status) const { return totals_[static_cast<std::size_t>(status)]; }
    const std::vector<std::pair<std::string, std::array<int, 6>>>& categories() const { return categories_; }

private:
    const ScoreBands& bands_;
    std::array<int, 6> totals_{};
    std::vector<std::pair<std::string, std::array<int, 6>>> categories_;  // in the order first seen
    double earned_ = 0;
    long possible_ = 0;
};

}  // namespace ppid

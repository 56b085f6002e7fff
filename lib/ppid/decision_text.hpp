// What offices write in the Keputusan and Alasan Keberatan columns, mapped to the record values
// (share/ppid/registers/decisions.json): "Diberikan seluruhnya" is granted, "Tidak dikuasai"
// not_held, "Ditolak karena dikecualikan" rejected.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

class DecisionTexts {
public:
    // Returns the mappings in `decisions_json`. Throws Error for a malformed file.
    static DecisionTexts load(const std::filesystem::path& decisions_json);

    // Returns the decision (granted, partial, rejected, not_held) `text` names in a request
    // register, or nullopt for text it does not recognise.
    std::optional<std::string> request_decision(std::string_view text) const;

    // Same for the atasan PPID's decision in an objection register (granted, partial, rejected).
    std::optional<std::string> objection_decision(std::string_view text) const;

    // Returns the letter a to g of Pasal 35(1) that `text` gives or describes ("c", "huruf c",
    // "Permohonan tidak ditanggapi"), or nullopt.
    std::optional<char> objection_reason(std::string_view text) const;

private:
    struct Mapping {
        std::string decision;
        std::vector<std::string> equals;
        std::vector<std::string> starts;
    };
    struct Reason {
        char letter = 'a';
        std::vector<std::vector<std::string>> contains;
    };
    static std::optional<std::string> match(const std::vector<Mapping>& mappings, std::string_view text);

    std::vector<Mapping> request_;
    std::vector<Mapping> objection_;
    std::vector<Reason> reasons_;
};

}  // namespace ppid

#include <ppid/decision_text.hpp>
#include <ppid/error.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/util/normalize.hpp>

#include <algorithm>

namespace ppid {

namespace {

std::vector<std::string> normalized_list(const nlohmann::json& value) {
    std::vector<std::string> result;
    for (const auto& item : value) result.push_back(util::normalize_words(item.get<std::string>()));
    return result;
}

bool starts_with_words(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix &&
           (text.size() == prefix.size() || text[prefix.size()] == ' ');
}

}  // namespace

DecisionTexts DecisionTexts::load(const std::filesystem::path& decisions_json) {
    const Location where{decisions_json.string(), 0};
    const auto document = read_json_file(decisions_json, "decision texts");
    try {
        DecisionTexts texts;
        const auto read_mappings = [](const nlohmann::json& list) {
            std::vector<Mapping> mappings;
            for (const auto& entry : list)
                mappings.push_back({entry.at("decision").get<std::string>(),
                                    normalized_list(entry.value("equals", nlohmann::json::array())),
                                    normalized_list(entry.value("starts", nlohmann::json::array()))});
            return mappings;
        };
        texts.request_ = read_mappings(document.at("request"));
        texts.objection_ = read_mappings(document.at("objection"));
        for (const auto& entry : document.at("objection_reasons").at("reasons")) {
            Reason reason;
            reason.letter = entry.at("letter").get<std::string>().at(0);
            for (const auto& words : entry.at("contains")) reason.contains.push_back(normalized_list(words));
            texts.reasons_.push_back(std::move(reason));
        }
        return texts;
    } catch (const nlohmann::json::exception& e) {
        throw Error(describe_json_error(e), where);
    } catch (const std::out_of_range&) {
        throw Error("malformed decision texts", where);
    }
}

std::optional<std::string> DecisionTexts::match(const std::vector<Mapping>& mappings, std::string_view text) {
    const std::string normalized = util::normalize_words(text);
    for (const auto& mapping : mappings)
        if (std::find(mapping.equals.begin(), mapping.equals.end(), normalized) != mapping.equals.end())
            return mapping.decision;
    for (const auto& mapping : mappings)
        for (const auto& prefix : mapping.starts)
            if (starts_with_words(normalized, prefix)) return mapping.decision;
    return std::nullopt;
}

std::optional<std::string> DecisionTexts::request_decision(std::string_view text) const {
    return match(request_, text);
}

std::optional<std::string> DecisionTexts::objection_decision(std::string_view text) const {
    return match(objection_, text);
}

std::optional<char> DecisionTexts::objection_reason(std::string_view text) const {
    const std::string normalized = util::normalize_words(text);
    // A letter alone, or named as in the law: "c", "huruf c", "pasal 35 ayat 1 huruf c".
    const auto words = util::split_words(normalized);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const bool letter = words[i].size() == 1 && words[i][0] >= 'a' && words[i][0] <= 'g';
        if (letter && (words.size() == 1 || (i > 0 && words[i - 1] == "huruf"))) return words[i][0];
    }
    for (const auto& reason : reasons_)
        for (const auto& all_words : reason.contains)
            if (util::has_all_words(normalized, all_words)) return reason.letter;
    return std::nullopt;
}

}  // namespace ppid

#include <ppid/ignore_rules.hpp>
#include <ppid/util/glob.hpp>

namespace ppid {

void IgnoreRules::add(std::string_view line, const std::string& base) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty() || line.front() == '#') return;
    Rule rule;
    rule.base = base;
    if (line.front() == '!') {
        rule.negated = true;
        line.remove_prefix(1);
    } else if (line.size() > 1 && line[0] == '\\' && (line[1] == '#' || line[1] == '!')) {
        line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
        rule.directories_only = true;
        line.remove_suffix(1);
    }
    rule.anchored = line.find('/') != std::string_view::npos;
    if (!line.empty() && line.front() == '/') line.remove_prefix(1);
    if (line.empty()) return;
    rule.pattern = std::string(line);
    rules_.push_back(std::move(rule));
}

void IgnoreRules::add_file_text(std::string_view text, const std::string& base) {
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find('\n', start);
        add(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start), base);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
}

bool IgnoreRules::ignored(const std::string& path, bool is_directory) const {
    bool result = false;
    for (const auto& rule : rules_) {
        if (rule.directories_only && !is_directory) continue;
        std::string_view relative = path;
        if (!rule.base.empty()) {
            if (path.size() <= rule.base.size() || path.compare(0, rule.base.size(), rule.base) != 0 ||
                path[rule.base.size()] != '/')
                continue;
            relative.remove_prefix(rule.base.size() + 1);
        }
        const std::string_view name = relative.substr(relative.find_last_of('/') + 1);
        if (util::glob_match(rule.pattern, rule.anchored ? relative : name)) result = !rule.negated;
    }
    return result;
}

}  // namespace ppid

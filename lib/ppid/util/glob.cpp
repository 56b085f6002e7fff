#include <ppid/util/glob.hpp>

namespace ppid::util {

namespace {

// Returns whether the class starting at pattern[p] == '[' matches `c`; sets `end` past its ']'.
bool class_matches(std::string_view pattern, std::size_t p, char c, std::size_t& end) {
    std::size_t i = p + 1;
    const bool negated = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
    if (negated) ++i;
    bool matched = false;
    bool first = true;
    for (; i < pattern.size() && (first || pattern[i] != ']'); ++i, first = false) {
        if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
            matched = matched || (pattern[i] <= c && c <= pattern[i + 2]);
            i += 2;
        } else {
            matched = matched || pattern[i] == c;
        }
    }
    if (i >= pattern.size()) {  // no closing bracket: the '[' is a plain character
        end = p + 1;
        return c == '[';
    }
    end = i + 1;
    return c != '/' && matched != negated;
}

bool match_from(std::string_view pattern, std::size_t p, std::string_view path, std::size_t s) {
    while (p < pattern.size()) {
        const char pc = pattern[p];
        if (pc == '*') {
            const bool double_star = p + 1 < pattern.size() && pattern[p + 1] == '*';
            if (double_star) {
                std::size_t after = p + 2;
                // "**/" also matches no directory at all: "a/**/b" matches "a/b".
                if (after < pattern.size() && pattern[after] == '/' && match_from(pattern, after + 1, path, s))
                    return true;
                for (std::size_t k = s; k <= path.size(); ++k)
                    if (match_from(pattern, after, path, k)) return true;
                return false;
            }
            for (std::size_t k = s; k <= path.size(); ++k) {
                if (match_from(pattern, p + 1, path, k)) return true;
                if (k < path.size() && path[k] == '/') break;
            }
            return false;
        }
        if (s >= path.size()) return false;
        if (pc == '?') {
            if (path[s] == '/') return false;
            ++p;
        } else if (pc == '[') {
            std::size_t end = p;
            if (!class_matches(pattern, p, path[s], end)) return false;
            p = end;
        } else {
            if (pc == '\\' && p + 1 < pattern.size()) ++p;  // an escaped character matches itself
            if (pattern[p] != path[s]) return false;
            ++p;
        }
        ++s;
    }
    return s == path.size();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    return match_from(pattern, 0, path, 0);
}

}  // namespace ppid::util

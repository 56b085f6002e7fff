#include <ppid/util/ascii.hpp>
#include <ppid/util/normalize.hpp>

#include <algorithm>

namespace ppid::util {

namespace {

bool is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace

std::string normalize_words(std::string_view text) {
    std::string result;
    result.reserve(text.size());
    bool pending_space = false;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (!is_word_byte(c)) {
            pending_space = !result.empty();
            continue;
        }
        if (pending_space) result += ' ';
        pending_space = false;
        result += ascii_lower(ch);
    }
    return result;
}

std::vector<std::string_view> split_words(std::string_view normalized) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start < normalized.size()) {
        const auto end = std::min(normalized.find(' ', start), normalized.size());
        words.push_back(normalized.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

bool has_all_words(std::string_view normalized, const std::vector<std::string>& words) {
    const auto present = split_words(normalized);
    return std::all_of(words.begin(), words.end(), [&](const std::string& word) {
        return std::find(present.begin(), present.end(), word) != present.end();
    });
}

}  // namespace ppid::util

#include <ppid/text_tokens.hpp>

#include <ppid/util/ascii.hpp>

#include <utility>

namespace ppid::text_tokens {

namespace {

using util::ascii_lower;
using util::is_ascii_digit;
using util::is_ascii_letter;
using util::is_non_ascii;

// Returns the length of what splits words at `pos` but may sit inside a date: a no-break space; 0 if none.
std::size_t no_break_space_at(std::string_view text, std::size_t pos) {
    return text.substr(pos, 2) == "\xC2\xA0" ? 2 : 0;
}
// Returns the length of an en or em dash at `pos` (read as '-' between years or months), or 0.
std::size_t dash_at(std::string_view text, std::size_t pos) {
    const std::string_view three = text.substr(pos, 3);
    return three == "\xE2\x80\x93" || three == "\xE2\x80\x94" ? 3 : 0;
}
// Returns the length of an apostrophe at `pos` ("Jum'at", "Jum’at"), or 0.
std::size_t apostrophe_at(std::string_view text, std::size_t pos) {
    if (text[pos] == '\'') return 1;
    const std::string_view three = text.substr(pos, 3);
    return three == "\xE2\x80\x99" || three == "\xE2\x80\x98" ? 3 : 0;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const bool joined = !tokens.empty() && tokens.back().end == pos;
        const char c = text[pos];
        if (const std::size_t space = no_break_space_at(text, pos)) {
            pos += space;
        } else if (const std::size_t dash = dash_at(text, pos)) {
            tokens.push_back({Kind::punct, pos, pos + dash, "-", joined});
            pos += dash;
        } else if (is_ascii_digit(c)) {
            Token number{Kind::number, pos, pos, {}, joined};
            for (; pos < text.size() && is_ascii_digit(text[pos]); ++pos) number.text += text[pos];
            number.end = pos;
            tokens.push_back(std::move(number));
        } else if (is_ascii_letter(c) || is_non_ascii(c)) {
            Token word{Kind::word, pos, pos, {}, joined};
            while (pos < text.size() && !no_break_space_at(text, pos) && !dash_at(text, pos)) {
                if (const std::size_t quote = apostrophe_at(text, pos)) {
                    pos += quote;
                } else if (is_ascii_letter(text[pos]) || is_non_ascii(text[pos])) {
                    word.text += ascii_lower(text[pos++]);
                } else {
                    break;
                }
            }
            word.end = pos;
            tokens.push_back(std::move(word));
        } else if (std::string_view("/-.,:").find(c) != std::string_view::npos) {
            tokens.push_back({Kind::punct, pos, pos + 1, std::string(1, c), joined});
            ++pos;
        } else {
            ++pos;
        }
    }
    return tokens;
}

}  // namespace ppid::text_tokens

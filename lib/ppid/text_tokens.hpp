// The tokens find_dates and find_period read written dates and periods from: the numbers, words and date
// punctuation of UTF-8 text that need not be valid, with their byte offsets. Shared by text_dates.cpp and
// text_periods.cpp only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ppid::text_tokens {

enum class Kind { number, word, punct };

struct Token {
    Kind kind;
    std::size_t begin, end;  // bytes of the text
    std::string text;        // the digits, the word in ASCII lower case without apostrophes, or the punctuation
    bool joined;             // nothing at all stands between it and the token before
};

// Returns the numbers, words and date punctuation ('/', '-', '.', ',', ':'; an en or em dash reads as '-') of
// `text` in order; never fails. Spaces, '_' (a file name's space) and every other character only separate tokens;
// bytes of non-ASCII characters belong to words, so "Maretö" is not "Maret", and apostrophes inside a word
// ("Jum'at", "Jum’at") are dropped from its text.
std::vector<Token> tokenize(std::string_view text);

}  // namespace ppid::text_tokens

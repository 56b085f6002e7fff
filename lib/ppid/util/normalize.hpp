// Text folded for matching what people typed: "Nomor Kontak\n(Telp/Email)" and
// "NOMOR  KONTAK (telp / e-mail)" should be found by the same words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ppid::util {

// Returns `text` with ASCII letters lower-cased, every run of characters that are neither
// letters nor digits (punctuation, spaces, line breaks) turned into one space, and no space at
// either end. Bytes of multi-byte UTF-8 characters count as letters and are kept.
std::string normalize_words(std::string_view text);

// Returns the words of an already normalized text.
std::vector<std::string_view> split_words(std::string_view normalized);

// Returns whether every word in `words` is one of the words of `normalized`.
bool has_all_words(std::string_view normalized, const std::vector<std::string>& words);

}  // namespace ppid::util

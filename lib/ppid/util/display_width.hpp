// How much room UTF-8 text takes in a terminal, for tables whose columns must line up: wide East Asian
// characters and emoji take two columns, combining marks (Latin accents, Javanese and Balinese vowel signs)
// and zero-width characters none.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ppid::util {

// Returns the columns code point `c` takes: 0 for combining marks, zero-width and control characters, 2
// for East Asian Wide and Fullwidth characters and emoji, 1 for the rest. The tables follow Unicode 15's
// EastAsianWidth and general categories for the scripts offices write in; rarer scripts count as 1.
int code_point_width(char32_t c);

// Returns the columns `text` takes; each byte of invalid UTF-8 counts as one column (it shows as U+FFFD).
std::size_t display_width(std::string_view text);

// Returns whether `c` may mislead when shown raw: a control character (ESC above all, which could
// move the cursor or retitle a terminal; C1 such as U+009B, which some terminals read as ESC [) or
// a bidirectional embedding, override or isolate (U+202A-U+202E, U+2066-U+2069), which reorders the
// text after it: "Laporan<U+202E>fdp.exe" reads as "Laporanexe.pdf" (CVE-2021-42574).
bool is_unsafe_to_show(char32_t c);

// Returns `text` fit for a terminal: tabs become spaces, CR is dropped, other characters unsafe to
// show and invalid UTF-8 become U+FFFD. Line feeds are kept when `keep_newlines`, else they become
// spaces.
std::string printable_text(std::string_view text, bool keep_newlines = false);

// Returns `text` with characters unsafe to show and invalid UTF-8 made U+FFFD, tab, CR and LF kept:
// for cells (CSV, spreadsheets), where those three are data.
std::string cell_safe_text(std::string_view text);

// Returns `text` broken into lines of at most `width` columns (at least 1): at spaces where it can,
// inside a word longer than a line where it must, never between a character and its combining marks.
// Line feeds in `text` start a new line; runs of spaces at a break are dropped. Empty text gives one
// empty line.
std::vector<std::string> wrap_to_width(std::string_view text, std::size_t width);

// Returns `text` with spaces added after it (or before it, when `right`) up to `width` columns;
// unchanged when it is already as wide.
std::string pad_to_width(std::string_view text, std::size_t width, bool right = false);

}  // namespace ppid::util

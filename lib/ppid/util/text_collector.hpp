// Text gathered piece by piece (a parser's text nodes, a page, a metadata field) into one line for people:
// valid UTF-8, each run of white space one space, none at either end, cut at a number of characters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ppid::util {

class TextCollector {
public:
    // Starts an empty text of at most `max_chars` characters (code points).
    explicit TextCollector(std::size_t max_chars);

    // Appends `text` while characters fit; invalid UTF-8 becomes U+FFFD, and white space and control characters
    // (tabs, line breaks, NULs, C1 controls, no-break and other Unicode spaces) only separate words. Never fails
    // but for std::bad_alloc; a text cut here ends between characters.
    void add(std::string_view text);

    // Ends a word here (a paragraph, a cell, a line break): a space comes before the next character, if any.
    void separate();

    // Returns whether the text is full: it holds `max_chars` characters, or a character did not fit.
    bool full() const;

    // Returns the text collected; called once, at the end.
    std::string take();

private:
    void add_valid(std::string_view text);

    std::string text_;
    std::size_t max_;
    std::size_t chars_ = 0;
    bool space_ = false;    // a space is due before the next character
    bool refused_ = false;  // a character did not fit
};

// Returns `text` as a TextCollector of `max_chars` characters makes it: valid UTF-8, white space collapsed.
std::string collapse_whitespace(std::string_view text, std::size_t max_chars);

}  // namespace ppid::util

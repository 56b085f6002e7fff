#include <ppid/util/text_collector.hpp>

#include <ppid/util/text_encoding.hpp>
#include <ppid/util/unicode_space.hpp>

#include <utility>

namespace ppid::util {

namespace {

// Control characters count as space: a PDF's text or a title may carry NULs and form feeds.
bool is_space(std::string_view c) {
    if (c.size() == 1) return static_cast<unsigned char>(c[0]) <= 0x20 || c[0] == 0x7F;
    const auto byte = [&c](std::size_t i) { return static_cast<unsigned char>(c[i]); };
    if (c.size() == 2 && byte(0) == 0xC2 && byte(1) < 0xA0) return true;  // C1 controls
    return unicode_space_length(c) != 0;  // the no-break space and the other Unicode spaces
}

}  // namespace

TextCollector::TextCollector(std::size_t max_chars) : max_(max_chars) {}

void TextCollector::add(std::string_view text) {
    if (is_valid_utf8(text)) return add_valid(text);
    add_valid(repair_utf8(text));
}

void TextCollector::separate() {
    space_ = !text_.empty();
}

bool TextCollector::full() const {
    return chars_ >= max_ || refused_;
}

std::string TextCollector::take() {
    return std::move(text_);
}

void TextCollector::add_valid(std::string_view text) {
    for (std::size_t i = 0; i < text.size() && !full();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        const std::string_view character = text.substr(i, length);
        i += length;
        if (is_space(character)) {
            separate();
        } else if (chars_ + (space_ ? 2 : 1) > max_) {
            refused_ = true;
        } else {
            if (space_) text_ += ' ';
            chars_ += space_ ? 2 : 1;
            space_ = false;
            text_ += character;
        }
    }
}

std::string collapse_whitespace(std::string_view text, std::size_t max_chars) {
    TextCollector collector(max_chars);
    collector.add(text);
    return collector.take();
}

}  // namespace ppid::util

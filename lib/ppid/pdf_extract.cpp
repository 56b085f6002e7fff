#include <ppid/content_extractors.hpp>

#include <ppid/util/text_collector.hpp>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <memory>

namespace ppid {

namespace {

std::string utf8_of(const poppler::ustring& text) {
    const poppler::byte_array bytes = text.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

}  // namespace

void extractors::extract_pdf(const std::string& path, const ExtractionLimits& limits, ExtractedContent& out) {
    // poppler reports every oddity of a damaged file on stderr, which belongs to the tool.
    static const bool quiet = [] {
        poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
        return true;
    }();
    (void)quiet;
    const std::unique_ptr<poppler::document> document(poppler::document::load_from_file(path));
    // A locked document's strings and streams are encrypted, and poppler-cpp crashes on some calls.
    if (!document || document->is_locked() || document->pages() <= 0) return add_problem(out, "unreadable");
    out.title = util::collapse_whitespace(utf8_of(document->info_key("Title")), limits.field_chars);
    out.author = util::collapse_whitespace(utf8_of(document->info_key("Author")), limits.field_chars);
    // Read as written rather than through info_date_t, which drops the time zone.
    out.created = pdf_date_to_iso(utf8_of(document->info_key("CreationDate")));
    out.modified = pdf_date_to_iso(utf8_of(document->info_key("ModDate")));
    out.pages = document->pages();
    const int checked = std::min(document->pages(), limits.max_pdf_pages_checked);
    bool damaged = false;
    // Every checked page is built, which is cheap, to notice a damaged page tree; only pages up to
    // the first with text are read.
    for (int i = 0; i < checked; ++i) {
        const std::unique_ptr<poppler::page> page(document->create_page(i));
        if (!page)
            damaged = true;
        else if (out.text_sample.empty())
            out.text_sample = util::collapse_whitespace(utf8_of(page->text()), limits.sample_chars);
    }
    if (damaged) add_problem(out, "unreadable");
    out.no_text_layer = !damaged && checked > 0 && out.text_sample.empty();
}

std::string pdf_date_to_iso(std::string_view pdf_date) {
    std::string_view text = pdf_date.substr(std::min(pdf_date.find_first_not_of(" \t\r\n"), pdf_date.size()));
    if (text.rfind("D:", 0) == 0) text.remove_prefix(2);
    std::size_t at = 0;
    // Reads a number of `width` digits within [low, high]; nullopt when absent, -1 when malformed.
    const auto field = [&](std::size_t width, int low, int high) -> std::optional<int> {
        if (at >= text.size() || !std::isdigit(static_cast<unsigned char>(text[at]))) return std::nullopt;
        int value = 0;
        const auto [end, error] =
            std::from_chars(text.data() + at, text.data() + std::min(at + width, text.size()), value);
        if (error != std::errc() || end != text.data() + at + width || value < low || value > high) return -1;
        at += width;
        return value;
    };
    const auto two = [](int value) { return std::string(1, char('0' + value / 10)) + char('0' + value % 10); };
    const std::optional<int> year = field(4, 1, 9999);
    if (!year || *year < 0) return "";
    std::string out = two(*year / 100) + two(*year % 100);
    const std::array<std::pair<int, int>, 5> ranges{{{1, 12}, {1, 31}, {0, 23}, {0, 59}, {0, 60}}};
    std::array<int, 5> parts{-1, -1, 0, 0, 0};  // month, day, hour, minute, second
    std::size_t given = 0;
    for (; given < ranges.size(); ++given) {
        const std::optional<int> value = field(2, ranges[given].first, ranges[given].second);
        if (value && *value < 0) return "";
        if (!value) break;
        parts[given] = *value;
    }
    if (given >= 1) out += "-" + two(parts[0]);
    if (given >= 2) out += "-" + two(parts[1]);
    if (given < 3) return out;  // an offset means nothing without a time of day
    out += "T" + two(parts[2]) + ":" + two(parts[3]) + ":" + two(parts[4]);
    if (at < text.size() && text[at] == 'Z') return out + "Z";
    if (at >= text.size() || (text[at] != '+' && text[at] != '-')) return out;
    const char sign = text[at++];
    const std::optional<int> hours = field(2, 0, 23);
    if (!hours || *hours < 0) return out;
    if (at < text.size() && text[at] == '\'') ++at;
    const std::optional<int> minutes = field(2, 0, 59);
    return out + sign + two(*hours) + ":" + two(minutes && *minutes >= 0 ? *minutes : 0);
}

}  // namespace ppid

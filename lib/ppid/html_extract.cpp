#include <ppid/content_extractors.hpp>

#include <ppid/error.hpp>
#include <ppid/util/ascii.hpp>
#include <ppid/util/one_of.hpp>
#include <ppid/util/text_collector.hpp>
#include <ppid/util/text_encoding.hpp>

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <new>

namespace ppid {

namespace {

// Returns the charset an HTML file declares in its first kilobytes (<meta charset>, the
// Content-Type <meta>, an XML declaration), lower-cased, or "".
std::string declared_charset(std::string_view bytes) {
    const std::string head = util::ascii_lowercase(bytes.substr(0, 4096));
    for (const std::string_view key : {"charset", "encoding"}) {
        std::size_t at = head.find(key);
        if (at == std::string::npos || (key == "encoding" && head.compare(0, 5, "<?xml") != 0)) continue;
        at += key.size();
        while (at < head.size() && std::strchr(" \t\r\n=\"'", head[at]) != nullptr) ++at;
        std::size_t end = at;
        while (end < head.size() &&
               (std::isalnum(static_cast<unsigned char>(head[end])) || std::strchr("-_.:", head[end])))
            ++end;
        if (end > at) return head.substr(at, end - at);
    }
    return "";
}

// Returns the file's text in UTF-8. Labels of Latin-1 and ASCII mean Windows-1252, as browsers
// read them; charsets other than these and UTF-8 are not converted (taken as UTF-8, or else as
// Windows-1252, as an undeclared file is).
std::string html_to_utf8(std::string bytes) {
    static constexpr std::array<std::string_view, 13> windows1252{
        "windows-1252", "cp1252",   "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
        "l1",           "us-ascii", "ascii",    "cp819",      "ibm819",    "iso88591"};
    const bool bom =
        bytes.rfind("\xEF\xBB\xBF", 0) == 0 || bytes.rfind("\xFF\xFE", 0) == 0 || bytes.rfind("\xFE\xFF", 0) == 0;
    const std::string charset = bom ? "" : declared_charset(bytes);
    if (util::is_one_of(charset, windows1252)) return util::windows1252_to_utf8(bytes);
    if (charset == "utf-8" || charset == "utf8") return util::repair_utf8(bytes);
    util::convert_to_utf8(bytes);
    return bytes;
}

struct HtmlReading {
    explicit HtmlReading(const ExtractionLimits& limits) : title(limits.field_chars), body(limits.sample_chars) {}

    util::TextCollector title, body;
    xmlParserCtxtPtr parser = nullptr;
    int in_title = 0, skipping = 0;
    bool title_done = false, in_body = false;

    static HtmlReading& of(void* context) { return *static_cast<HtmlReading*>(context); }
    static std::string_view name_of(const xmlChar* name) { return reinterpret_cast<const char*>(name); }

    // Elements inside a line of text: their edges are no word boundary.
    static bool is_inline(std::string_view name) {
        static constexpr std::array<std::string_view, 23> names{
            "a",   "abbr", "b", "bdi", "bdo",  "cite",  "code", "data",   "dfn", "em",  "font", "i",
            "kbd", "mark", "q", "s",   "samp", "small", "span", "strong", "sub", "sup", "u"};
        return util::is_one_of(name, names);
    }
    static bool is_skipped(std::string_view name) { return name == "script" || name == "style" || name == "template"; }

    void check_done() {
        if (body.full() && (title_done || in_body)) xmlStopParser(parser);
    }

    // libxml2 calls these; lower-cased element names, text in UTF-8. They must not throw.
    static void start(void* context, const xmlChar* name, const xmlChar**) noexcept {
        HtmlReading& self = of(context);
        const std::string_view element = name_of(name);
        if (element == "title" && !self.title_done && !self.in_body) ++self.in_title;
        if (element == "body") self.in_body = true;
        if (is_skipped(element)) ++self.skipping;
        if (!is_inline(element)) self.body.separate();
    }
    static void end(void* context, const xmlChar* name) noexcept {
        HtmlReading& self = of(context);
        const std::string_view element = name_of(name);
        if (element == "title" && self.in_title > 0 && --self.in_title == 0) self.title_done = true;
        if (is_skipped(element) && self.skipping > 0) --self.skipping;
        if (!is_inline(element)) self.body.separate();
        self.check_done();
    }
    static void text(void* context, const xmlChar* characters, int length) noexcept try {
        HtmlReading& self = of(context);
        const std::string_view chunk(reinterpret_cast<const char*>(characters), static_cast<std::size_t>(length));
        if (self.skipping > 0) return;
        if (self.in_title > 0)
            self.title.add(chunk);
        else if (self.in_body)
            self.body.add(chunk);
        self.check_done();
    } catch (...) {
        xmlStopParser(of(context).parser);  // out of memory: keep what was read
    }
};

// Returns the first `limit` bytes of the file at `path`; throws Error when it cannot be read.
std::string read_prefix(const std::string& path, std::uint64_t limit) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes;
    std::array<char, 64 * 1024> buffer;
    while (in && bytes.size() < limit) {
        in.read(buffer.data(),
                static_cast<std::streamsize>(std::min<std::uint64_t>(buffer.size(), limit - bytes.size())));
        bytes.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad() || (!in && !in.eof()))
        throw Error(std::string("cannot read the file: ") + std::strerror(errno), {path});
    return bytes;
}

}  // namespace

void extractors::extract_html(const std::string& path, const ExtractionLimits& limits, ExtractedContent& out) {
    const std::string text = html_to_utf8(read_prefix(path, limits.max_part_bytes));

    static const bool initialized = [] {
        xmlInitParser();
        return true;
    }();
    (void)initialized;
    htmlSAXHandler sax{};
    sax.startElement = &HtmlReading::start;
    sax.endElement = &HtmlReading::end;
    sax.characters = &HtmlReading::text;
    sax.ignorableWhitespace = &HtmlReading::text;
    sax.cdataBlock = [](void*, const xmlChar*, int) {};  // the raw text of <script> and <style>
    HtmlReading reading(limits);
    const std::unique_ptr<htmlParserCtxt, void (*)(htmlParserCtxtPtr)> parser(
        htmlCreatePushParserCtxt(&sax, &reading, nullptr, 0, nullptr, XML_CHAR_ENCODING_UTF8), &htmlFreeParserCtxt);
    if (!parser) throw std::bad_alloc();
    reading.parser = parser.get();
    // Already UTF-8: a <meta charset> must not make libxml2 decode it again.
    htmlCtxtUseOptions(parser.get(), HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                                         HTML_PARSE_IGNORE_ENC);
    constexpr std::size_t chunk = 64 * 1024;
    for (std::size_t at = 0; parser->instate != XML_PARSER_EOF; at += chunk) {
        const bool last = at + chunk >= text.size();
        htmlParseChunk(parser.get(), text.data() + std::min(at, text.size()),
                       static_cast<int>(std::min(chunk, text.size() - std::min(at, text.size()))), last ? 1 : 0);
        if (last) break;
    }
    out.title = reading.title.take();
    out.text_sample = reading.body.take();
}

}  // namespace ppid

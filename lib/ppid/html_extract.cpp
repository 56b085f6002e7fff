#include <ppid/content_extractors.hpp>

#include <ppid/error.hpp>
#include <ppid/html_reading.hpp>
#include <ppid/util/text_collector.hpp>

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <new>

namespace ppid {

namespace {

struct HtmlReading {
    explicit HtmlReading(const ExtractionLimits& limits) : title(limits.field_chars), body(limits.sample_chars) {}

    util::TextCollector title, body;
    xmlParserCtxtPtr parser = nullptr;
    int in_title = 0, skipping = 0;
    bool title_done = false, in_body = false;

    static HtmlReading& of(void* context) { return *static_cast<HtmlReading*>(context); }
    static std::string_view name_of(const xmlChar* name) { return reinterpret_cast<const char*>(name); }

    void check_done() {
        if (body.full() && (title_done || in_body)) xmlStopParser(parser);
    }

    // libxml2 calls these; lower-cased element names, text in UTF-8. They must not throw.
    static void start(void* context, const xmlChar* name, const xmlChar**) noexcept {
        HtmlReading& self = of(context);
        const std::string_view element = name_of(name);
        if (element == "title" && !self.title_done && !self.in_body) ++self.in_title;
        if (element == "body") self.in_body = true;
        if (is_textless_element(element)) ++self.skipping;
        if (!is_inline_element(element)) self.body.separate();
    }
    static void end(void* context, const xmlChar* name) noexcept {
        HtmlReading& self = of(context);
        const std::string_view element = name_of(name);
        if (element == "title" && self.in_title > 0 && --self.in_title == 0) self.title_done = true;
        if (is_textless_element(element) && self.skipping > 0) --self.skipping;
        if (!is_inline_element(element)) self.body.separate();
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
    const std::string text = decode_html(read_prefix(path, limits.max_part_bytes)).text;

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

#include <ppid/content_extractors.hpp>

#include <ppid/error.hpp>
#include <ppid/util/ascii.hpp>
#include <ppid/util/one_of.hpp>
#include <ppid/util/text_collector.hpp>
#include <ppid/util/xml_reader.hpp>
#include <ppid/util/zip_archive.hpp>

#include <array>
#include <charconv>
#include <memory>
#include <stdexcept>

namespace ppid {

namespace {

// Calls `visit` for each node of the package's part `name` until it returns false.
template <typename Visit>
void read_part(util::ZipArchive& zip, const std::string& name, const std::string& format, Visit&& visit) {
    util::ZipEntryReader entry(zip, name);
    util::XmlReader xml(
        name, [&entry](char* buffer, std::size_t size) { return entry.read(buffer, size); }, format);
    while (xml.next() && visit(xml)) {
    }
}

// Reads the metadata of docProps/core.xml, docProps/app.xml or an ODF meta.xml: the elements
// are told apart by their local names, which do not clash across these parts.
void read_metadata(util::ZipArchive& zip, const std::string& name, const std::string& format,
                   const ExtractionLimits& limits, ExtractedContent& out) {
    std::string title, creator, initial_creator, created, modified, pages;
    const std::array<std::pair<std::string_view, std::string*>, 9> fields{{{"title", &title},
                                                                           {"creator", &creator},
                                                                           {"initial-creator", &initial_creator},
                                                                           {"created", &created},
                                                                           {"creation-date", &created},
                                                                           {"modified", &modified},
                                                                           {"date", &modified},
                                                                           {"Pages", &pages},
                                                                           {"page-count", &pages}}};
    const auto field = [&fields](std::string_view local) -> std::string* {
        for (const auto& [field_name, value] : fields)
            if (field_name == local) return value;
        return nullptr;
    };
    const std::size_t max_bytes = 4 * limits.field_chars + 4;  // enough UTF-8 for field_chars characters
    std::string* current = nullptr;
    read_part(zip, name, format, [&](util::XmlReader& xml) {
        if (xml.is_element()) {
            std::string* target = field(xml.name());
            current = target != nullptr && target->empty() && !xml.is_empty_element() ? target : nullptr;
            if (xml.name() == "document-statistic")  // ODF: <meta:document-statistic meta:page-count="3"/>
                xml.for_each_attribute([&](std::string_view local, std::string_view value, bool) {
                    if (local == "page-count") pages = value;
                });
        } else if (xml.is_text() && current != nullptr && current->size() < max_bytes) {
            *current += xml.value().substr(0, max_bytes - current->size());
        } else if (!xml.is_text()) {
            current = nullptr;
        }
        return true;
    });
    const auto set = [&limits](std::string& target, const std::string& value) {
        if (target.empty()) target = util::collapse_whitespace(value, limits.field_chars);
    };
    set(out.title, title);
    set(out.author, initial_creator.empty() ? creator : initial_creator);
    set(out.created, created);
    set(out.modified, modified);
    int count = 0;
    const auto [end, error] = std::from_chars(pages.data(), pages.data() + pages.size(), count);
    if (error == std::errc() && end == pages.data() + pages.size() && count > 0 && !out.pages) out.pages = count;
}

// Which elements of a part hold the document's text.
struct TextMarkup {
    std::string_view container;                  // text counts only inside it: "t" (OOXML), "body" (ODF)
    std::array<std::string_view, 6> boundaries;  // paragraphs, cells, tabs and line breaks
    std::array<std::string_view, 3> skipped;     // never sample text: tracked changes, comments, notes
};

constexpr TextMarkup docx_text{"t", {"p", "tab", "br", "cr", "tc"}, {}};
constexpr TextMarkup xlsx_text{"t", {"si"}, {"rPh"}};  // rPh: a phonetic reading of East Asian text
constexpr TextMarkup odf_text{
    "body", {"p", "h", "s", "tab", "line-break", "table-cell"}, {"tracked-changes", "annotation", "note"}};

void read_text(util::ZipArchive& zip, const std::string& name, const std::string& format, const TextMarkup& markup,
               const ExtractionLimits& limits, ExtractedContent& out) {
    util::TextCollector sink(limits.sample_chars);
    int inside = 0, skipping = 0;
    read_part(zip, name, format, [&](util::XmlReader& xml) {
        const bool start = xml.is_element(), end = xml.is_end(xml.name());
        if (start || end) {
            const int step = start ? (xml.is_empty_element() ? 0 : 1) : -1;
            if (xml.name() == markup.container) inside += step;
            if (!xml.name().empty() && util::is_one_of(xml.name(), markup.skipped)) skipping += step;
            if (!xml.name().empty() && util::is_one_of(xml.name(), markup.boundaries)) sink.separate();
        } else if (xml.is_text() && inside > 0 && skipping == 0) {
            sink.add(xml.value());
        }
        return !sink.full();
    });
    out.text_sample = sink.take();
}

}  // namespace

void extractors::extract_package(const std::string& path, ContentKind kind, const ExtractionLimits& limits,
                                 ExtractedContent& out) {
    const bool ooxml = kind == ContentKind::docx || kind == ContentKind::xlsx;
    const std::string format = kind == ContentKind::docx ? "DOCX" : kind == ContentKind::xlsx ? "XLSX" : "ODF";
    std::unique_ptr<util::ZipArchive> zip;
    try {
        zip =
            std::make_unique<util::ZipArchive>(path, util::ZipLimits{limits.max_part_bytes, 2 * limits.max_part_bytes},
                                               util::ascii_lowercase(format) + " file");
    } catch (const util::ZipOpenError& failure) {
        const auto problem = failure.problem();
        if (problem == util::ZipOpenProblem::no_such_file || problem == util::ZipOpenProblem::unreadable ||
            problem == util::ZipOpenProblem::directory)
            throw Error(failure.what(), {path});
        return add_problem(out, "unreadable");  // not a zip, an OLE file (encrypted OOXML), damaged
    }
    // Each part is read on its own, so that a damaged one leaves the others' values.
    const auto attempt = [&](const std::string& part, bool required, auto&& read) {
        if (!zip->contains(part)) {
            if (required) add_problem(out, "unreadable");
            return;
        }
        try {
            read(part);
        } catch (const std::runtime_error&) {
            add_problem(out, "unreadable");
        }
    };
    const auto metadata = [&](const std::string& part) { read_metadata(*zip, part, format, limits, out); };
    if (ooxml) {
        attempt("docProps/core.xml", false, metadata);
        if (kind == ContentKind::docx) attempt("docProps/app.xml", false, metadata);
    } else {
        attempt("meta.xml", false, metadata);
    }
    const std::string text_part = kind == ContentKind::docx   ? "word/document.xml"
                                  : kind == ContentKind::xlsx ? "xl/sharedStrings.xml"
                                                              : "content.xml";
    const TextMarkup& markup = kind == ContentKind::docx ? docx_text : kind == ContentKind::xlsx ? xlsx_text : odf_text;
    attempt(text_part, kind != ContentKind::xlsx,  // a workbook of numbers has no shared strings
            [&](const std::string& part) { read_text(*zip, part, format, markup, limits, out); });
}

}  // namespace ppid

#include <ppid/content_extract.hpp>

#include <ppid/content_extractors.hpp>
#include <ppid/error.hpp>
#include <ppid/util/ascii.hpp>
#include <ppid/util/media_type.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace ppid {

namespace {

constexpr std::array<std::pair<std::string_view, ContentKind>, 7> kind_names{{{"pdf", ContentKind::pdf},
                                                                              {"docx", ContentKind::docx},
                                                                              {"xlsx", ContentKind::xlsx},
                                                                              {"odt", ContentKind::odt},
                                                                              {"ods", ContentKind::ods},
                                                                              {"html", ContentKind::html},
                                                                              {"other", ContentKind::other}}};

// Throws Error when `path` cannot be read at all, before any parser reports it as a bad document.
void check_readable(const std::string& path) {
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (error && error != std::errc::no_such_file_or_directory)
        throw Error("cannot read the file: " + error.message(), {path});
    if (!std::filesystem::exists(status)) throw Error("no such file", {path});
    if (std::filesystem::is_directory(status)) throw Error("is a directory", {path});
    if (!std::ifstream(path, std::ios::binary))
        throw Error(std::string("cannot read the file: ") + std::strerror(errno), {path});
}

}  // namespace

ContentKind content_kind_for(std::string_view media_type) {
    const std::string trimmed = util::bare_media_type(media_type);
    if (trimmed == "application/pdf" || trimmed == "application/x-pdf") return ContentKind::pdf;
    if (trimmed == "text/html" || trimmed == "application/xhtml+xml") return ContentKind::html;
    static constexpr std::array<std::pair<std::string_view, ContentKind>, 8> packages{{
        {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", ContentKind::docx},
        {"application/vnd.openxmlformats-officedocument.wordprocessingml.template", ContentKind::docx},
        {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ContentKind::xlsx},
        {"application/vnd.openxmlformats-officedocument.spreadsheetml.template", ContentKind::xlsx},
        {"application/vnd.oasis.opendocument.text", ContentKind::odt},
        {"application/vnd.oasis.opendocument.text-template", ContentKind::odt},
        {"application/vnd.oasis.opendocument.spreadsheet", ContentKind::ods},
        {"application/vnd.oasis.opendocument.spreadsheet-template", ContentKind::ods},
    }};
    for (const auto& [name, kind] : packages)
        if (trimmed == name) return kind;
    return ContentKind::other;
}

std::string_view to_string(ContentKind kind) {
    for (const auto& [name, value] : kind_names)
        if (value == kind) return name;
    return "other";
}

std::optional<ContentKind> parse_content_kind(std::string_view name) {
    for (const auto& [kind_name, value] : kind_names)
        if (kind_name == name) return value;
    return std::nullopt;
}

void extractors::add_problem(ExtractedContent& content, const std::string& problem) {
    if (std::find(content.problems.begin(), content.problems.end(), problem) == content.problems.end())
        content.problems.push_back(problem);
}

ExtractedContent extract_content(const std::string& path, ContentKind kind, const ExtractionLimits& limits) {
    check_readable(path);
    ExtractedContent out;
    switch (kind) {
        case ContentKind::pdf:
            extractors::extract_pdf(path, limits, out);
            break;
        case ContentKind::docx:
        case ContentKind::xlsx:
        case ContentKind::odt:
        case ContentKind::ods:
            extractors::extract_package(path, kind, limits, out);
            break;
        case ContentKind::html:
            extractors::extract_html(path, limits, out);
            break;
        case ContentKind::other:
            break;
    }
    return out;
}

}  // namespace ppid

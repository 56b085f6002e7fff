#include <ppid/document_inspection.hpp>

#include <ppid/util/ascii.hpp>
#include <ppid/util/json_text.hpp>
#include <ppid/util/media_type.hpp>
#include <ppid/util/text_encoding.hpp>
#include <ppid/util/url.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace ppid {

namespace {

ExtractedContent content_from_reply(const std::string& reply) {
    const auto json = nlohmann::json::parse(reply);
    ExtractedContent content;
    content.title = json.value("title", "");
    content.author = json.value("author", "");
    content.created = json.value("created", "");
    content.modified = json.value("modified", "");
    if (json.contains("pages") && json["pages"].is_number_integer()) content.pages = json["pages"].get<int>();
    content.text_sample = json.value("text_sample", "");
    content.no_text_layer = json.value("no_text_layer", false);
    content.problems = json.value("problems", std::vector<std::string>{});
    return content;
}

ExtractedContent extract_in_worker(ExtractionPool& pool, const std::string& path, ContentKind kind,
                                   std::vector<std::string>& problems) {
    std::string request;
    util::JsonObjectText json(request);
    json.string("path", util::percent_encode_unprintable(path)).string("kind", to_string(kind)).close();
    JobResult result;
    try {
        result = pool.run(request);
    } catch (const std::exception&) {  // no worker could be started: this file's content is unknown
        problems.emplace_back("extraction_failed");
        return {};
    }
    if (!result.ok()) {
        problems.emplace_back(problem_code(*result.failure));
        return {};
    }
    try {
        return content_from_reply(result.reply);
    } catch (const nlohmann::json::exception&) {
        problems.emplace_back("extraction_failed");
        return {};
    }
}

}  // namespace

bool DocumentInspection::misnamed() const {
    return std::find(problems.begin(), problems.end(), "type_mismatch") != problems.end();
}

std::string lower_extension(std::string_view name) {
    const auto slash = name.find_last_of('/');
    const auto dot = name.find_last_of('.');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
    return util::ascii_lowercase(name.substr(dot + 1));
}

bool declared_type_mismatch(std::string_view declared, std::string_view sniffed) {
    const std::string type = util::bare_media_type(declared);
    if (type.empty() || sniffed.empty() || type == "application/octet-stream" || type == "binary/octet-stream" ||
        type == "application/force-download" || type == "application/download")
        return false;
    const ContentKind said = content_kind_for(type);
    // A server that names a document kind must serve that kind; one that says text/plain for a
    // PDF merely lacks a type table, which readers' browsers survive.
    if (said == ContentKind::other) return false;
    return said != content_kind_for(sniffed);
}

DocumentInspection inspect_document(const std::string& path, std::uint64_t size, std::string_view name,
                                    std::string_view declared_media_type, ExtractionPool* pool) {
    DocumentInspection inspection;
    inspection.facts = read_file_facts(path);
    auto& problems = inspection.problems;
    if (!inspection.facts.read_error.empty()) problems.emplace_back("unreadable");
    if (size == 0) problems.emplace_back("empty");
    const auto& sniffed = inspection.facts.media_type;
    if (size > 0 && (extension_mismatch(lower_extension(name), sniffed) ||
                     declared_type_mismatch(declared_media_type, sniffed)))
        problems.emplace_back("type_mismatch");

    inspection.kind = content_kind_for(sniffed);
    if (pool && inspection.kind != ContentKind::other && inspection.facts.read_error.empty() && size > 0)
        inspection.content = extract_in_worker(*pool, path, inspection.kind, problems);
    if (inspection.content.no_text_layer) problems.emplace_back("no_text_layer");
    for (const auto& problem : inspection.content.problems) problems.push_back(problem);
    return inspection;
}

std::string answer_extraction_request(const std::string& request) {
    const auto json = nlohmann::json::parse(request);
    const ExtractedContent content =
        extract_content(util::percent_decode(json.at("path").get<std::string>()),
                        parse_content_kind(json.at("kind").get<std::string>()).value_or(ContentKind::other));
    std::string reply;
    util::JsonObjectText out(reply);
    out.string("title", util::repair_utf8(content.title))
        .string("author", util::repair_utf8(content.author))
        .string("created", content.created)
        .string("modified", content.modified);
    if (content.pages) out.number("pages", *content.pages);
    out.string("text_sample", util::repair_utf8(content.text_sample)).boolean("no_text_layer", content.no_text_layer);
    util::append_json_string_array(out.raw("problems"), content.problems);
    out.close();
    return reply;
}

}  // namespace ppid

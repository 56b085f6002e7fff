#include <ppid/util/xlsx_package.hpp>

#include <algorithm>

namespace ppid::util::xlsx_detail {

namespace {

bool ends_with(std::string_view text, std::string_view tail) {
    return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

std::string open_message(const ZipOpenError& error) {
    switch (error.problem()) {
        case ZipOpenProblem::no_such_file:
        case ZipOpenProblem::unreadable:
            return error.what();
        case ZipOpenProblem::directory:
            return "is a directory, not an XLSX file";
        case ZipOpenProblem::ole_compound:
            // An encrypted .xlsx is an OLE compound file, like a legacy .xls: worth telling apart.
            return "not an XLSX file (an old .xls workbook or a password-protected one: save it as .xlsx "
                   "without a password)";
        case ZipOpenProblem::empty:
        case ZipOpenProblem::not_zip:
        case ZipOpenProblem::damaged:
            break;
    }
    return "not an XLSX file (" + std::string(error.what()) + ")";
}

// Returns the part name a relationship target points to: "/xl/x.xml" is absolute, "worksheets/
// sheet1.xml" and "../x.xml" are relative to the source part's folder.
std::string resolve_target(const std::string& folder, std::string_view target) {
    const std::string joined =
        !target.empty() && target.front() == '/' ? std::string(target) : folder + "/" + std::string(target);
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= joined.size()) {
        const std::size_t end = std::min(joined.find('/', start), joined.size());
        const std::string segment = joined.substr(start, end - start);
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    std::string name;
    for (const auto& segment : segments) name += (name.empty() ? "" : "/") + segment;
    return name;
}

std::string folder_of(const std::string& part) {
    const auto slash = part.rfind('/');
    return slash == std::string::npos ? "" : part.substr(0, slash);
}

// Returns the relationships of `part` ("" for the package), or none when it has no .rels part.
std::vector<Relationship> read_relationships(ZipArchive& zip, const std::string& part) {
    const std::string folder = folder_of(part);
    const std::string file = part.substr(part.empty() ? 0 : folder.size() + (folder.empty() ? 0 : 1));
    const std::string rels = (folder.empty() ? "" : folder + "/") + "_rels/" + file + ".rels";
    std::vector<Relationship> relationships;
    if (!zip.contains(rels)) return relationships;
    XmlPart rels_part(zip, rels);
    XmlReader& xml = rels_part.xml;
    while (xml.next()) {
        if (!xml.is_start("Relationship")) continue;
        Relationship relationship;
        std::string target;
        bool external = false;
        xml.for_each_attribute([&](std::string_view name, std::string_view value, bool) {
            if (name == "Id") relationship.id = value;
            if (name == "Type") relationship.type = value;
            if (name == "Target") target = value;
            if (name == "TargetMode") external = value == "External";
        });
        if (external) continue;
        relationship.part = resolve_target(folder, target);
        relationships.push_back(std::move(relationship));
    }
    return relationships;
}

const Relationship* find_relationship(const std::vector<Relationship>& relationships, std::string_view type_tail) {
    for (const auto& relationship : relationships)
        if (ends_with(relationship.type, type_tail)) return &relationship;
    return nullptr;
}

}  // namespace

ZipArchive open_package(const std::filesystem::path& path, const XlsxLimits& limits) {
    try {
        return ZipArchive(path, ZipLimits{limits.max_part_bytes, limits.max_total_bytes}, "workbook");
    } catch (const ZipOpenError& error) {
        fail(open_message(error));
    }
}

XmlPart::XmlPart(ZipArchive& zip, const std::string& name)
    : entry(zip, name),
      xml(entry.name(), [this](char* buffer, std::size_t size) { return entry.read(buffer, size); }, "XLSX") {}

Workbook open_workbook(ZipArchive& zip) {
    Workbook book;
    const auto package = read_relationships(zip, "");
    const Relationship* main = find_relationship(package, "/officeDocument");
    book.part = main != nullptr && !main->part.empty() ? main->part : "xl/workbook.xml";
    if (!zip.contains(book.part)) {
        if (zip.contains("content.xml"))
            fail("not an XLSX workbook (an OpenDocument file such as .ods? save it as .xlsx)");
        fail("not an XLSX workbook (no " + book.part + " in the zip archive)");
    }
    XmlPart workbook_xml(zip, book.part);
    XmlReader& xml = workbook_xml.xml;
    bool root = true;
    while (xml.next()) {
        if (!xml.is_element()) continue;
        if (root && xml.name() != "workbook")
            fail("not an XLSX workbook (its main part " + book.part + " is not a workbook)");
        root = false;
        if (xml.depth() != 2 || xml.name() != "sheet") continue;
        std::pair<std::string, std::string> sheet;
        xml.for_each_attribute([&](std::string_view name, std::string_view value, bool qualified) {
            if (name == "name" && !qualified) sheet.first = value;
            if (name == "id" && qualified) sheet.second = value;  // r:id
        });
        book.sheets.push_back(std::move(sheet));
    }
    if (book.sheets.empty()) fail("the workbook lists no sheets");
    book.relationships = read_relationships(zip, book.part);
    return book;
}

std::optional<std::string> workbook_part(const ZipArchive& zip, const Workbook& book, std::string_view type_tail,
                                         const std::string& usual_name) {
    if (const Relationship* relationship = find_relationship(book.relationships, type_tail))
        if (zip.contains(relationship->part)) return relationship->part;
    const std::string usual = resolve_target(folder_of(book.part), usual_name);
    if (zip.contains(usual)) return usual;
    return std::nullopt;
}

WorksheetPart find_worksheet(const ZipArchive& zip, const Workbook& book, const std::optional<std::string>& sheet_name) {
    auto chosen = book.sheets.begin();
    if (sheet_name) {
        std::vector<std::string> names;
        for (const auto& sheet : book.sheets) names.push_back(sheet.first);
        chosen += static_cast<std::ptrdiff_t>(choose_sheet(names, *sheet_name));
    }
    const auto relationship = std::find_if(book.relationships.begin(), book.relationships.end(),
                                           [&](const Relationship& r) { return r.id == chosen->second; });
    if (relationship == book.relationships.end()) fail("sheet \"" + chosen->first + "\" has no part in the workbook");
    if (!ends_with(relationship->type, "/worksheet"))
        fail("sheet \"" + chosen->first + "\" is a chart or dialog sheet, not a worksheet");
    if (!zip.contains(relationship->part))
        fail("sheet \"" + chosen->first + "\": part " + relationship->part + " is missing");
    return WorksheetPart{chosen->first, relationship->part};
}

std::vector<WorksheetPart> all_worksheets(const ZipArchive& zip, const Workbook& book) {
    std::vector<WorksheetPart> parts;
    for (const auto& [name, id] : book.sheets) {
        const auto relationship = std::find_if(book.relationships.begin(), book.relationships.end(),
                                               [&, &id = id](const Relationship& r) { return r.id == id; });
        if (relationship != book.relationships.end() && !ends_with(relationship->type, "/worksheet")) continue;
        parts.push_back(find_worksheet(zip, book, name));
    }
    return parts;
}

}  // namespace ppid::util::xlsx_detail

#include <ppid/offices.hpp>

#include <ppid/error.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/util/ascii.hpp>
#include <ppid/util/csv.hpp>
#include <ppid/util/text_encoding.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace ppid {

namespace {

std::vector<std::string> words_of(const std::string& cell) {
    std::vector<std::string> words;
    std::istringstream in(cell);
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

// Takes `office` when it is whole and new; otherwise says why not.
void keep(Office office, const Location& where, std::set<std::string>& ids, std::vector<Office>& offices,
          Diagnostics& diag) {
    if (office.id.empty()) return diag.error(where, "an office needs an \"id\"");
    if (office.websites.empty() && office.eppid.empty())
        return diag.error(where, "office " + office.id + " has no website");
    if (!ids.insert(office.id).second) return diag.error(where, "office " + office.id + " is listed twice");
    offices.push_back(std::move(office));
}

std::vector<std::string> urls_in(const Record& record, const char* key, const Location& where) {
    const auto found = record.find(key);
    if (found == record.end() || found->is_null()) return {};
    if (found->is_string()) return words_of(found->get<std::string>());
    if (!found->is_array()) throw Error(std::string("\"") + key + "\" must be a URL or a list of URLs", where);
    std::vector<std::string> urls;
    for (const auto& url : *found) {
        if (!url.is_string()) throw Error(std::string("\"") + key + "\" must list URLs as strings", where);
        urls.push_back(url.get<std::string>());
    }
    return urls;
}

std::string text_in(const Record& record, const char* key, const Location& where) {
    const auto found = record.find(key);
    if (found == record.end() || found->is_null()) return {};
    if (!found->is_string()) throw Error(std::string("\"") + key + "\" must be a string", where);
    return found->get<std::string>();
}

std::vector<Office> read_jsonl(const std::string& path, Diagnostics& diag) {
    std::vector<Office> offices;
    std::set<std::string> ids;
    read_records({path}, diag, [&](Record& record, const Location& where) {
        Office office;
        try {
            office.id = text_in(record, "id", where);
            office.name = text_in(record, "name", where);
            office.level = text_in(record, "level", where);
            office.province = text_in(record, "province", where);
            office.time_zone = text_in(record, "time_zone", where);
            office.websites = urls_in(record, "websites", where);
            for (auto& url : urls_in(record, "website", where)) office.websites.push_back(url);
            office.eppid = urls_in(record, "eppid", where);
            office.checklist = text_in(record, "checklist", where);
            office.note = text_in(record, "note", where);
        } catch (const Error& error) {
            diag.error(where, error.what());
            return;
        }
        keep(std::move(office), where, ids, offices, diag);
    });
    return offices;
}

std::vector<Office> read_csv(const std::string& path, std::string text, Diagnostics& diag) {
    util::convert_to_utf8(text);
    util::CsvReader reader(text, util::detect_csv_delimiter(text));
    util::CsvRecord row;
    std::map<std::string, std::size_t> column;
    std::vector<Office> offices;
    std::set<std::string> ids;
    while (reader.next(row)) {
        if (util::is_empty_record(row)) continue;
        if (column.empty()) {
            for (std::size_t i = 0; i < row.fields.size(); ++i) column[util::ascii_lowercase(row.fields[i])] = i;
            if (!column.count("id")) throw Error("the header row has no \"id\" column", Location{path, row.line});
            continue;
        }
        const auto cell = [&](const char* name) {
            const auto found = column.find(name);
            return found == column.end() || found->second >= row.fields.size() ? std::string() : row.fields[found->second];
        };
        Office office{cell("id"), cell("name"), cell("level"), cell("province"), cell("time_zone"),
                      words_of(cell("website") + " " + cell("websites")), words_of(cell("eppid")), cell("checklist"),
                      cell("note")};
        keep(std::move(office), Location{path, row.line}, ids, offices, diag);
    }
    return offices;
}

}  // namespace

std::vector<Office> read_offices(const std::string& path, Diagnostics& diag) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read the offices file " + path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first != std::string::npos && text[first] == '{') return read_jsonl(path, diag);
    return read_csv(path, std::move(text), diag);
}

}  // namespace ppid

#include <ppid/jsonl.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

namespace ppid {

std::string describe_json_error(const nlohmann::json::exception& error) {
    // nlohmann's text starts with "[json.exception.parse_error.101] parse error at line 1, ..."
    std::string what = error.what();
    const auto bracket = what.find("] ");
    if (bracket != std::string::npos) what = what.substr(bracket + 2);
    return "invalid JSON: " + what;
}

namespace {

using LineVisitor = std::function<void(std::string&, const Location&)>;

// The one line loop: line numbers, CRLF, blank lines, read errors.
void for_each_line(std::istream& in, const std::string& name, Diagnostics& diag, const LineVisitor& visit) {
    std::string line;
    Location where{name, 0};
    while (std::getline(in, line)) {
        ++where.line;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        visit(line, where);
    }
    if (in.bad()) diag.error(Location{name, where.line}, std::string("read error: ") + std::strerror(errno));
}

void for_each_line(const std::vector<std::string>& inputs, Diagnostics& diag, const LineVisitor& visit) {
    if (inputs.empty()) {
        for_each_line(std::cin, stdin_name, diag, visit);
        return;
    }
    for (const auto& path : inputs) {
        if (path == "-") {
            for_each_line(std::cin, stdin_name, diag, visit);
            continue;
        }
        std::ifstream file(path, std::ios::binary);
        if (!file) {
            diag.error(Location{path, 0}, std::string("cannot open: ") + std::strerror(errno));
            continue;
        }
        for_each_line(file, path, diag, visit);
    }
}

void parse_and_visit(const std::string& line, const Location& where, Diagnostics& diag,
                     const std::function<void(Record&, const Location&)>& visit) {
    Record record;
    try {
        record = Record::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
        diag.error(where, describe_json_error(e));
        return;
    }
    if (!record.is_object()) {
        diag.error(where, "expected a JSON object, found " + std::string(record.type_name()));
        return;
    }
    visit(record, where);
}

}  // namespace

void read_records(std::istream& in, const std::string& name, Diagnostics& diag,
                  const std::function<void(Record&, const Location&)>& visit) {
    for_each_line(in, name, diag, [&](std::string& line, const Location& where) { parse_and_visit(line, where, diag, visit); });
}

void read_records(const std::vector<std::string>& inputs, Diagnostics& diag,
                  const std::function<void(Record&, const Location&)>& visit) {
    for_each_line(inputs, diag, [&](std::string& line, const Location& where) { parse_and_visit(line, where, diag, visit); });
}

void scan_records(const std::vector<std::string>& inputs, Diagnostics& diag,
                  const std::function<void(std::string_view, const util::ScannedObject&, const Location&)>& visit) {
    util::ScannedObject object;
    for_each_line(inputs, diag, [&](std::string& line, const Location& where) {
        const std::string error = util::scan_object(line, object);
        if (!error.empty()) {
            diag.error(where, error);
            return;
        }
        visit(line, object, where);
    });
}

void JsonlWriter::write_line(std::string_view line) {
    out_.write(line.data(), static_cast<std::streamsize>(line.size()));
    out_.put('\n');
    if (!out_) throw OutputError(std::string("write error: ") + std::strerror(errno));
}

void JsonlWriter::write(const Record& record) {
    buffer_ = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    buffer_ += '\n';
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    if (!out_) throw OutputError(std::string("write error: ") + std::strerror(errno));
}

std::string optional_string(const Record& record, const char* key, const Location& where) {
    const auto it = record.find(key);
    if (it == record.end() || it->is_null()) return {};
    if (!it->is_string())
        throw Error(std::string("field \"") + key + "\" must be a string, found " + it->type_name(),
                    where);
    return it->get<std::string>();
}

}  // namespace ppid

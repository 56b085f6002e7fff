#include <ppid/jsonl.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <optional>

namespace ppid {

std::string describe_json_error(const nlohmann::json::exception& error) {
    return util::describe_json_parse_error(error.what());
}

namespace {

using LineVisitor = std::function<void(std::string&, const Location&)>;

// Reads the next line, without its newline, into `line` and returns its length in bytes; past
// max_record_bytes the rest is read and counted but not kept. Returns nullopt at the end.
std::optional<std::size_t> next_line(std::istream& in, std::string& line) {
    line.clear();
    std::size_t length = 0;
    char chunk[1 << 16];
    for (;;) {
        in.getline(chunk, sizeof chunk);
        const auto got = static_cast<std::size_t>(in.gcount());
        const bool chunk_full = in.fail() && !in.eof() && !in.bad() && got == sizeof chunk - 1;
        const std::size_t text = chunk_full || in.eof() || in.bad() ? got : got - 1;  // without the '\n'
        if (length < max_record_bytes) line.append(chunk, std::min(text, max_record_bytes - length));
        length += text;
        if (chunk_full) {
            in.clear();
            continue;
        }
        if (in.bad() || (in.fail() && got == 0 && length == 0)) return std::nullopt;
        if (in.fail()) in.clear(in.rdstate() & ~std::ios::failbit);  // the last line had no '\n'
        return length;
    }
}

// The one line loop: line numbers, CRLF, blank lines, long lines, read errors.
void for_each_line(std::istream& in, const std::string& name, Diagnostics& diag, const LineVisitor& visit) {
    std::string line;
    Location where{name, 0};
    while (const auto length = next_line(in, line)) {
        ++where.line;
        if (*length > max_record_bytes) {
            diag.error(where, "line of " + std::to_string(*length) + " bytes is longer than a record may be (" +
                                  std::to_string(max_record_bytes >> 20) + " MB); skipped");
            continue;
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        // Notepad starts a file with a byte-order mark; passed through, it would corrupt the output.
        if (line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
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

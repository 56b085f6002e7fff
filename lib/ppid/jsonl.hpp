// JSON Lines in and out: the one reader (file and line numbers, bad lines reported and skipped)
// and the one writer (one object per line, keys in a stable order) that every tool uses.
#pragma once

#include <ppid/diagnostics.hpp>
#include <ppid/error.hpp>
#include <ppid/util/json_scan.hpp>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

// A record keeps its keys in the order they were read or inserted, so output is stable: the
// same input gives the same bytes.
using Record = nlohmann::ordered_json;

// The longest line read as a record; a longer one is reported and skipped without being held in
// memory. Real records stay far below it; a line of many megabytes is a broken or hostile file.
inline constexpr std::size_t max_record_bytes = std::size_t{16} << 20;

// Name used in messages for standard input.
inline constexpr const char* stdin_name = "<stdin>";

// Calls `visit` with each JSON object read from `inputs` (file paths, "-" for standard input;
// no inputs means standard input), in order. Blank lines are skipped; a line that is not a JSON
// object, or a file that cannot be read, is reported to `diag` and the rest is still read.
void read_records(const std::vector<std::string>& inputs, Diagnostics& diag,
                  const std::function<void(Record&, const Location&)>& visit);

// Same, for one already open stream named `name` in messages.
void read_records(std::istream& in, const std::string& name, Diagnostics& diag,
                  const std::function<void(Record&, const Location&)>& visit);

// Calls `visit` with each line that is one JSON object, after `util::scan_object` has checked
// it and listed its top-level members, so a filter can read a few fields and pass the text on
// without rebuilding it. Inputs, blank lines and bad lines are handled as by read_records.
void scan_records(const std::vector<std::string>& inputs, Diagnostics& diag,
                  const std::function<void(std::string_view, const util::ScannedObject&, const Location&)>& visit);

// Writes records as JSON Lines. Throws Error as soon as the stream reports a failed write
// (a full disk, a closed pipe), so a tool never keeps working for nobody.
class JsonlWriter {
public:
    explicit JsonlWriter(std::ostream& out) : out_(out) {}
    void write(const Record& record);
    // Writes `line`, which must already be one JSON object's compact text, and a newline.
    void write_line(std::string_view line);

private:
    std::ostream& out_;
    std::string buffer_;
};

// Returns nlohmann's parse error as "invalid JSON: parse error at line L, column C: ...".
std::string describe_json_error(const nlohmann::json::exception& error);

// Returns the JSON document in the file at `path`, a data or configuration file named `what`
// in messages. Throws Error at the file: "cannot open WHAT: REASON" or the parse error.
// `Json` is nlohmann::ordered_json where the file's key order matters.
template <typename Json = nlohmann::json>
Json read_json_file(const std::filesystem::path& path, const std::string& what) {
    const Location where{path.string(), 0};
    std::ifstream in(path);
    if (!in) throw Error("cannot open " + what + ": " + std::strerror(errno), where);
    try {
        return Json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(describe_json_error(e), where);
    } catch (const std::ios_base::failure&) {  // libstdc++ throws it reading a folder
        throw Error("cannot read " + what + ": " + std::strerror(errno), where);
    }
}

// Returns the string at `key`, or "" when absent or null; throws Error (at `where`) when the
// value has another type. Records are read through these so that type errors read the same.
std::string optional_string(const Record& record, const char* key, const Location& where);

}  // namespace ppid

// A fast, validating look at one JSON object's top-level members, without building its tree:
// for filters that read a few fields and pass the rest of the text through untouched.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ppid::util {

struct ScannedValue {
    enum class Kind { string, number, boolean, null, object, array };
    Kind kind = Kind::null;
    std::string text;  // a string's value, a number as written; empty for the other kinds

    // Returns the JSON type name ("string", "number", ...) for messages.
    const char* type_name() const;
};

class ScannedObject {
public:
    // Returns the member named `key` (the last one, if repeated), or nullptr.
    const ScannedValue* find(std::string_view key) const;

    std::vector<std::pair<std::string, ScannedValue>> members;
};

// Checks that `text` is exactly one valid JSON object and fills `object` with its top-level
// members (nested objects and arrays are validated but only their kind is kept). Returns ""
// on success, else the error: "invalid JSON: parse error at ..." or "expected a JSON object,
// found array".
std::string scan_object(std::string_view text, ScannedObject& object);

namespace detail {

// The two readings scan_object combines, apart for the tests that compare them. The fast one
// reads the usual record (no \u escape, no exponent, nesting below 128) and returns false on
// anything else, valid or not; nlohmann's parser then reads the text again and gives the message.
bool scan_object_fast(std::string_view text, ScannedObject& object);
std::string scan_object_with_nlohmann(std::string_view text, ScannedObject& object);

}  // namespace detail

// Returns nlohmann's parse error text `what` ("[json.exception.parse_error.101] parse error at
// ...") as "invalid JSON: parse error at ...", its "last read" excerpt cut to its last few dozen
// bytes: a bad line of 100 MB must not become a message of 100 MB.
std::string describe_json_parse_error(const std::string& what);

}  // namespace ppid::util

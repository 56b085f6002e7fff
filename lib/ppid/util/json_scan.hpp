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

}  // namespace ppid::util

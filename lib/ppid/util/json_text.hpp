// Writing JSON text directly, for records built in a fixed key order on a hot path; the output
// matches nlohmann's compact dump byte for byte.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ppid::util {

// Appends `text` as a JSON string literal (quotes, escapes; UTF-8 passes through).
void append_json_string(std::string& out, std::string_view text);

// Appends `items` as a JSON array of strings: ["a","b"], or [] when empty.
void append_json_string_array(std::string& out, const std::vector<std::string>& items);

// Builds one JSON object: members are appended in call order.
class JsonObjectText {
public:
    explicit JsonObjectText(std::string& out) : out_(out) { out_ += '{'; }

    JsonObjectText& string(std::string_view key, std::string_view value);
    JsonObjectText& number(std::string_view key, long long value);
    JsonObjectText& boolean(std::string_view key, bool value);
    JsonObjectText& null(std::string_view key);
    // Starts a member whose value the caller appends next to the same string (an object, an array).
    std::string& raw(std::string_view key);
    void close() { out_ += '}'; }

private:
    void key(std::string_view name);

    std::string& out_;
    bool first_ = true;
};

}  // namespace ppid::util

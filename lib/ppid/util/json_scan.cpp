#include <ppid/util/json_scan.hpp>

#include <nlohmann/json.hpp>

namespace ppid::util {

namespace {

using Json = nlohmann::json;

// Receives nlohmann's parse events; keeps only what sits directly inside the outer object.
class TopLevelHandler : public nlohmann::json_sax<Json> {
public:
    explicit TopLevelHandler(ScannedObject& object) : object_(object) {}

    std::string error;

    bool null() override { return scalar(ScannedValue::Kind::null, {}); }
    bool boolean(bool) override { return scalar(ScannedValue::Kind::boolean, {}); }
    bool number_integer(number_integer_t value) override {
        return scalar(ScannedValue::Kind::number, std::to_string(value));
    }
    bool number_unsigned(number_unsigned_t value) override {
        return scalar(ScannedValue::Kind::number, std::to_string(value));
    }
    bool number_float(number_float_t, const string_t& text) override {
        return scalar(ScannedValue::Kind::number, text);
    }
    bool string(string_t& value) override { return scalar(ScannedValue::Kind::string, std::move(value)); }
    bool binary(binary_t&) override { return scalar(ScannedValue::Kind::null, {}); }
    bool key(string_t& name) override {
        if (depth_ == 1) pending_key_ = std::move(name);
        return true;
    }
    bool start_object(std::size_t) override { return open(ScannedValue::Kind::object); }
    bool start_array(std::size_t) override { return open(ScannedValue::Kind::array); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
        error = describe_json_parse_error(e.what());
        return false;
    }

private:
    bool scalar(ScannedValue::Kind kind, std::string text) {
        if (depth_ == 0) return not_an_object(kind);
        if (depth_ == 1) object_.members.emplace_back(std::move(pending_key_), ScannedValue{kind, std::move(text)});
        return true;
    }
    bool open(ScannedValue::Kind kind) {
        if (depth_ == 0 && kind != ScannedValue::Kind::object) return not_an_object(kind);
        if (depth_ == 1) object_.members.emplace_back(std::move(pending_key_), ScannedValue{kind, {}});
        ++depth_;
        return true;
    }
    bool close() {
        --depth_;
        return true;
    }
    bool not_an_object(ScannedValue::Kind kind) {
        error = std::string("expected a JSON object, found ") + ScannedValue{kind, {}}.type_name();
        return false;
    }

    ScannedObject& object_;
    std::string pending_key_;
    int depth_ = 0;
};

}  // namespace

const char* ScannedValue::type_name() const {
    switch (kind) {
        case Kind::string: return "string";
        case Kind::number: return "number";
        case Kind::boolean: return "boolean";
        case Kind::null: return "null";
        case Kind::object: return "object";
        case Kind::array: return "array";
    }
    return "unknown";
}

const ScannedValue* ScannedObject::find(std::string_view key) const {
    for (auto it = members.rbegin(); it != members.rend(); ++it)
        if (it->first == key) return &it->second;
    return nullptr;
}

std::string describe_json_parse_error(const std::string& what) {
    const auto bracket = what.find("] ");
    std::string message = "invalid JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2));
    // nlohmann writes "...; last read: 'TOKEN'" and maybe "; expected ..." after it.
    constexpr std::string_view marker = "; last read: '";
    constexpr std::size_t kept = 40;
    const auto marker_at = message.find(marker);
    if (marker_at == std::string::npos) return message;
    const std::size_t begin = marker_at + marker.size();
    std::size_t end = message.rfind("'; expected ");
    if (end == std::string::npos || end < begin) end = message.size() - 1;
    if (end < begin + kept + 3) return message;
    // The error is at the token's end; the kept part starts on a character boundary.
    std::size_t from = end - kept;
    while (from < end && (static_cast<unsigned char>(message[from]) & 0xC0) == 0x80) ++from;
    return message.substr(0, begin) + "..." + message.substr(from);
}

namespace detail {

std::string scan_object_with_nlohmann(std::string_view text, ScannedObject& object) {
    object.members.clear();
    TopLevelHandler handler(object);
    Json::sax_parse(text, &handler);
    return handler.error;
}

}  // namespace detail

std::string scan_object(std::string_view text, ScannedObject& object) {
    if (detail::scan_object_fast(text, object)) return {};
    return detail::scan_object_with_nlohmann(text, object);
}

}  // namespace ppid::util

#include <ppid/util/json_text.hpp>

namespace ppid::util {

void append_json_string_array(std::string& out, const std::vector<std::string>& items) {
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ',';
        append_json_string(out, items[i]);
    }
    out += ']';
}

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t clean_from = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text.substr(clean_from, i - clean_from));
        clean_from = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
        }
    }
    out.append(text.substr(clean_from));
    out += '"';
}

void JsonObjectText::key(std::string_view name) {
    if (!first_) out_ += ',';
    first_ = false;
    append_json_string(out_, name);
    out_ += ':';
}

JsonObjectText& JsonObjectText::string(std::string_view name, std::string_view value) {
    key(name);
    append_json_string(out_, value);
    return *this;
}

JsonObjectText& JsonObjectText::number(std::string_view name, long long value) {
    key(name);
    out_ += std::to_string(value);
    return *this;
}

JsonObjectText& JsonObjectText::boolean(std::string_view name, bool value) {
    key(name);
    out_ += value ? "true" : "false";
    return *this;
}

JsonObjectText& JsonObjectText::null(std::string_view name) {
    key(name);
    out_ += "null";
    return *this;
}

std::string& JsonObjectText::raw(std::string_view name) {
    key(name);
    return out_;
}

}  // namespace ppid::util

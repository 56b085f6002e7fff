#include <ppid/report_fields.hpp>

namespace ppid {

const Record* field_at(const Record& record, std::string_view path) {
    const Record* at = &record;
    while (true) {
        const std::size_t dot = path.find('.');
        const std::string key(path.substr(0, dot));
        if (!at->is_object()) return nullptr;
        const auto it = at->find(key);
        if (it == at->end()) return nullptr;
        at = &*it;
        if (dot == std::string_view::npos) return at;
        path.remove_prefix(dot + 1);
    }
}

std::string field_text(const Record& record, std::string_view path) {
    const Record* value = field_at(record, path);
    if (!value || value->is_null() || value->is_object() || value->is_array()) return {};
    if (value->is_string()) return value->get<std::string>();
    return value->dump();
}

double field_number(const Record& record, std::string_view path, double fallback) {
    const Record* value = field_at(record, path);
    return value && value->is_number() ? value->get<double>() : fallback;
}

}  // namespace ppid

#include <ppid/diagnostics.hpp>

namespace ppid {

std::string to_string(const Location& where) {
    if (where.file.empty()) return {};
    if (where.line == 0) return where.file;
    return where.file + ":" + std::to_string(where.line);
}

namespace {

std::string with_location(const Location& where, const std::string& message) {
    const std::string prefix = to_string(where);
    return prefix.empty() ? message : prefix + ": " + message;
}

}  // namespace

Diagnostics::Diagnostics(std::function<void(const std::string&)> sink, bool strict)
    : sink_(std::move(sink)), strict_(strict) {}

void Diagnostics::error(const Location& where, const std::string& message) {
    ++errors_;
    if (strict_) throw Error(message, where);
    sink_(with_location(where, message));
}

void Diagnostics::warning(const Location& where, const std::string& message) {
    sink_(with_location(where, "warning: " + message));
}

}  // namespace ppid

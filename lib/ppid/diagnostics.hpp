// Problems found while a tool goes on working: bad records, warnings. The library reports them
// here; the runner decides where they are printed and what they do to the exit status.
#pragma once

#include <ppid/error.hpp>

#include <functional>
#include <string>

namespace ppid {

class Diagnostics {
public:
    // `sink` receives each formatted message ("FILE:LINE: message" or "warning: ...").
    explicit Diagnostics(std::function<void(const std::string&)> sink, bool strict = false);

    // Records a bad input record or unreadable input that was skipped. Under --strict it throws Error instead,
    // which stops the run at the first bad record.
    void error(const Location& where, const std::string& message);

    // Records something a person should look at that does not invalidate the record.
    void warning(const Location& where, const std::string& message);

    // Returns the number of bad records reported so far (each makes the exit status 2).
    std::size_t error_count() const { return errors_; }

    bool strict() const { return strict_; }

private:
    std::function<void(const std::string&)> sink_;
    bool strict_;
    std::size_t errors_ = 0;
};

}  // namespace ppid

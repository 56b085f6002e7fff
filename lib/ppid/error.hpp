// The errors the library throws; the runner turns each into one stderr line and exit status 2.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace ppid {

// Where a problem was found: a file name ("<stdin>" for standard input) and a 1-based line,
// 0 when the problem is about the whole file.
struct Location {
    std::string file;
    std::size_t line = 0;
};

// Returns "FILE:LINE", "FILE", or "" for an empty location.
std::string to_string(const Location& where);

// Any failure that ends the run with exit status 2: bad usage, unreadable or invalid input,
// a date outside the calendar's coverage, an I/O failure.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message, Location where = {})
        : std::runtime_error(message), where_(std::move(where)) {}
    const Location& where() const { return where_; }

private:
    Location where_;
};

// Bad command-line usage (an option value or argument the tool cannot use).
class UsageError : public Error {
public:
    using Error::Error;
};

// Standard output could not be written (a full disk, a closed pipe): the run must stop, never
// be reported as one bad input and skipped.
class OutputError : public Error {
public:
    using Error::Error;
};

}  // namespace ppid

// Opening a file to read it whole, without ever waiting on something that is not a regular file:
// a name that turns into a FIFO or a device between the folder walk and the read.
#pragma once

#include <sys/stat.h>

#include <cstddef>
#include <string>

namespace ppid {

// A regular file open for reading; closes its descriptor when it goes.
class RegularFile {
public:
    // Opens `path` without blocking (O_NONBLOCK: opening a FIFO with no writer, or some devices,
    // would otherwise wait for ever) and keeps it only when the open descriptor is a regular
    // file, checked with fstat on that descriptor, so no rename can slip in between.
    explicit RegularFile(const std::string& path);
    ~RegularFile();
    RegularFile(const RegularFile&) = delete;
    RegularFile& operator=(const RegularFile&) = delete;

    // Returns whether the file is open; error() says why not.
    bool is_open() const { return fd_ >= 0; }

    // Returns why the file could not be opened ("No such file or directory", "a FIFO, not a
    // regular file", ...), or "" when it is open.
    const std::string& error() const { return error_; }

    // Returns the errno of a failed open() or fstat() (EACCES: not readable), 0 when the file
    // opened but is no regular file, or when it is open.
    int open_errno() const { return errno_; }

    // Returns the open descriptor (-1 when not open), for what needs it as such (/proc/self/fd).
    int descriptor() const { return fd_; }

    // Returns what fstat said when the file was opened.
    const struct stat& opened() const { return opened_; }

    // Reads up to `size` bytes into `buffer`; returns how many (0 at the end), or -1 with errno set.
    long read(char* buffer, std::size_t size);

    // Returns what fstat says now, to compare with opened(); false (errno set) when it fails.
    bool stat_now(struct stat& now) const;

private:
    int fd_ = -1;
    int errno_ = 0;
    std::string error_;
    struct stat opened_ {};
};

// Returns what a non-regular file of `mode` is, for messages: "a FIFO", "a folder", "a device", ...
std::string file_kind(mode_t mode);

}  // namespace ppid

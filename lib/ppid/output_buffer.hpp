// Standard output as jq and GNU sed buffer it: in large blocks into a pipe or a file, line by line
// on a terminal or when the reader must see each record at once (--unbuffered).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <streambuf>

namespace ppid {

enum class Buffering {
    block,  // written when the buffer is full, and at the end: the fewest system calls
    line,   // written after every line: a terminal, or --unbuffered
};

// Returns line when `unbuffered` was asked or `fd` is a terminal, block otherwise.
Buffering choose_buffering(int fd, bool unbuffered);

// A stream buffer that writes to a file descriptor it does not own. Output is kept until the
// buffer is full, a line is complete (Buffering::line) or the stream is flushed; a chunk larger
// than the buffer is written straight through. A failed write is retried on EINTR, otherwise
// reported as a failure to the stream (which sets badbit) and remembered in error(); what was
// pending then is dropped, since a reader past a failed write cannot rely on it anyway.
class FdOutputBuffer : public std::streambuf {
public:
    static constexpr std::size_t default_size = std::size_t{64} << 10;

    FdOutputBuffer(int fd, Buffering buffering, std::size_t size = default_size);
    ~FdOutputBuffer() override = default;  // does not write: the owner flushes and checks
    FdOutputBuffer(const FdOutputBuffer&) = delete;
    FdOutputBuffer& operator=(const FdOutputBuffer&) = delete;

    // Returns the errno of the first failed write, 0 when every write succeeded.
    int error() const { return error_; }

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* data, std::streamsize size) override;
    int sync() override;

private:
    std::size_t pending() const { return static_cast<std::size_t>(pptr() - pbase()); }
    void set_pending(std::size_t bytes);
    bool write_pending();
    bool write_all(const char* data, std::size_t size);

    int fd_;
    bool line_;
    std::size_t size_;
    std::unique_ptr<char[]> data_;
    int error_ = 0;
};

// Makes std::cout write through an FdOutputBuffer on descriptor 1 for as long as it lives, with
// std::cin no longer tied to it (reading a line does not write out what is pending), and puts
// both back when it ends (after flushing what is pending).
class StdoutBuffering {
public:
    explicit StdoutBuffering(Buffering buffering);
    ~StdoutBuffering();
    StdoutBuffering(const StdoutBuffering&) = delete;
    StdoutBuffering& operator=(const StdoutBuffering&) = delete;

    // Writes what is pending; returns the errno of the first failed write, 0 when all went out.
    int flush();

private:
    FdOutputBuffer buffer_;
    std::streambuf* previous_;
    std::ostream* previous_tie_;
};

}  // namespace ppid

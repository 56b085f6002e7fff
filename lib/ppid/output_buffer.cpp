#include <ppid/output_buffer.hpp>

#include <cerrno>
#include <cstring>
#include <iostream>

#include <unistd.h>

namespace ppid {

Buffering choose_buffering(int fd, bool unbuffered) {
    return unbuffered || ::isatty(fd) == 1 ? Buffering::line : Buffering::block;
}

FdOutputBuffer::FdOutputBuffer(int fd, Buffering buffering, std::size_t size)
    : fd_(fd), line_(buffering == Buffering::line), size_(size > 0 ? size : 1), data_(new char[size_]) {
    set_pending(0);
}

// The put area holds what is pending. In line mode it ends where the pending bytes end, so that
// every single character (a record's closing '\n' among them) reaches overflow(), which sees it.
void FdOutputBuffer::set_pending(std::size_t bytes) {
    char* begin = data_.get();
    setp(begin, begin + (line_ ? bytes : size_));
    pbump(static_cast<int>(bytes));
}

bool FdOutputBuffer::write_all(const char* data, std::size_t size) {
    if (error_ != 0) return false;
    while (size > 0) {
        const ssize_t written = ::write(fd_, data, size);
        if (written < 0) {
            if (errno == EINTR) continue;
            error_ = errno;
            return false;
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return true;
}

bool FdOutputBuffer::write_pending() {
    const bool ok = write_all(pbase(), pending());
    set_pending(0);
    return ok;
}

FdOutputBuffer::int_type FdOutputBuffer::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof()))
        return write_pending() ? traits_type::not_eof(c) : traits_type::eof();
    const char ch = traits_type::to_char_type(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
}

std::streamsize FdOutputBuffer::xsputn(const char* data, std::streamsize size) {
    if (size <= 0) return 0;
    const auto bytes = static_cast<std::size_t>(size);
    if (pending() + bytes > size_) {
        if (!write_pending()) return 0;
        if (bytes >= size_) return write_all(data, bytes) ? size : 0;
    }
    const std::size_t before = pending();
    std::memcpy(pbase() + before, data, bytes);
    set_pending(before + bytes);
    if (line_ && std::memchr(data, '\n', bytes) && !write_pending()) return 0;
    return size;
}

int FdOutputBuffer::sync() {
    return write_pending() ? 0 : -1;
}

StdoutBuffering::StdoutBuffering(Buffering buffering)
    : buffer_(STDOUT_FILENO, buffering), previous_(std::cout.rdbuf()), previous_tie_(std::cin.tie()) {
    std::cout.flush();  // anything written before goes out first, through the old buffer
    std::cout.rdbuf(&buffer_);
    // std::cin is tied to std::cout: every line read from standard input would first write out
    // what is pending, one write per record in a pipe. Output is written when it is due instead.
    std::cin.tie(nullptr);
}

StdoutBuffering::~StdoutBuffering() {
    std::cout.flush();
    std::cout.rdbuf(previous_);
    std::cin.tie(previous_tie_);
}

int StdoutBuffering::flush() {
    std::cout.flush();
    if (buffer_.error() != 0) return buffer_.error();
    return std::cout ? 0 : EIO;
}

}  // namespace ppid

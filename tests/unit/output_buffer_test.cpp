#include <ppid/jsonl.hpp>
#include <ppid/output_buffer.hpp>

#include <catch2/catch.hpp>

#include <cerrno>
#include <fcntl.h>
#include <ostream>
#include <string>
#include <unistd.h>

using namespace ppid;

namespace {

// A pipe whose reading end never blocks: what has not been written yet reads as nothing.
struct Pipe {
    int fds[2] = {-1, -1};
    Pipe() {
        REQUIRE(::pipe(fds) == 0);
        REQUIRE(::fcntl(fds[0], F_SETFL, O_NONBLOCK) == 0);
        REQUIRE(::fcntl(fds[0], F_SETPIPE_SZ, 1 << 20) > 0);  // room for every test's output
    }
    ~Pipe() {
        ::close(fds[0]);
        ::close(fds[1]);
    }
    int writer() const { return fds[1]; }

    // Returns every byte written so far.
    std::string available() const {
        std::string got;
        char chunk[4096];
        for (;;) {
            const ssize_t n = ::read(fds[0], chunk, sizeof chunk);
            if (n <= 0) break;
            got.append(chunk, static_cast<std::size_t>(n));
        }
        return got;
    }
};

}  // namespace

TEST_CASE("block buffering keeps records until the buffer is full or flushed", "[output_buffer]") {
    Pipe pipe;
    FdOutputBuffer buffer(pipe.writer(), Buffering::block, 64);
    std::ostream out(&buffer);
    JsonlWriter writer(out);
    writer.write_line(R"({"type":"a"})");
    writer.write_line(R"({"type":"b"})");
    CHECK(pipe.available().empty());  // 26 bytes of 64: nothing written yet

    std::string expected = "{\"type\":\"a\"}\n{\"type\":\"b\"}\n";
    for (int i = 0; i < 4; ++i) {
        writer.write_line(R"({"type":"c"})");
        expected += "{\"type\":\"c\"}\n";
    }
    // 78 bytes: one full block of 64 went out, the rest waits.
    CHECK(pipe.available() == expected.substr(0, 64));
    out.flush();
    CHECK(pipe.available() == expected.substr(64));
    CHECK(buffer.error() == 0);
}

TEST_CASE("a chunk larger than the buffer is written straight through, in order", "[output_buffer]") {
    Pipe pipe;
    FdOutputBuffer buffer(pipe.writer(), Buffering::block, 16);
    std::ostream out(&buffer);
    const std::string big(100, 'x');
    out << "ab" << big << 'c';
    CHECK(pipe.available() == "ab" + big);
    out.flush();
    CHECK(pipe.available() == "c");
}

TEST_CASE("line buffering writes every complete line at once", "[output_buffer]") {
    Pipe pipe;
    FdOutputBuffer buffer(pipe.writer(), Buffering::line);
    std::ostream out(&buffer);
    JsonlWriter writer(out);
    writer.write_line(R"({"type":"a"})");
    CHECK(pipe.available() == "{\"type\":\"a\"}\n");  // the newline came through put(), one character
    out << "partial";
    CHECK(pipe.available().empty());
    out << " line\nnext";
    CHECK(pipe.available() == "partial line\nnext");
    Record record{{"type", "b"}};
    writer.write(record);
    CHECK(pipe.available() == "{\"type\":\"b\"}\n");
}

TEST_CASE("a failed write reaches the stream and is remembered", "[output_buffer]") {
    const int full = ::open("/dev/full", O_WRONLY);
    if (full < 0) {
        WARN("no /dev/full here: not tested");
        return;
    }
    SECTION("at the final flush") {
        FdOutputBuffer buffer(full, Buffering::block);
        std::ostream out(&buffer);
        out << "{\"type\":\"a\"}\n";
        CHECK(out.good());  // only buffered so far
        out.flush();
        CHECK(out.bad());
        CHECK(buffer.error() == ENOSPC);
    }
    SECTION("while records are still written") {
        FdOutputBuffer buffer(full, Buffering::block, 32);
        std::ostream out(&buffer);
        JsonlWriter writer(out);
        CHECK_THROWS_AS([&] {
            for (int i = 0; i < 10; ++i) writer.write_line(R"({"type":"record"})");
        }(), OutputError);
        CHECK(buffer.error() == ENOSPC);
    }
    ::close(full);
}

TEST_CASE("a terminal or --unbuffered means line buffering", "[output_buffer]") {
    Pipe pipe;
    CHECK(choose_buffering(pipe.writer(), false) == Buffering::block);
    CHECK(choose_buffering(pipe.writer(), true) == Buffering::line);
}

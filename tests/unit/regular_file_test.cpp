#include <ppid/file_facts.hpp>
#include <ppid/file_walk.hpp>
#include <ppid/regular_file.hpp>

#include <support/temp_dir.hpp>

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <future>
#include <thread>

using namespace ppid;

namespace {

// Runs `work` on a thread and returns whether it finished within five seconds. If it did not
// (an open of the FIFO waiting for a writer), a writer opens the FIFO so that the thread ends.
bool finishes_in_time(const std::string& fifo, const std::function<void()>& work) {
    std::promise<void> done;
    auto finished = done.get_future();
    std::thread worker([&] {
        work();
        done.set_value();
    });
    const bool in_time = finished.wait_for(std::chrono::seconds(5)) == std::future_status::ready;
    if (!in_time) {
        const int writer = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (writer >= 0) ::close(writer);
    }
    worker.join();
    return in_time;
}

}  // namespace

TEST_CASE("a regular file opens and reads whole", "[regular_file]") {
    test::TempDir dir("ppid-regular-");
    const std::string path = (dir / "a.txt").string();
    std::ofstream(path) << "hello";
    RegularFile file(path);
    REQUIRE(file.is_open());
    CHECK(file.error().empty());
    CHECK(file.opened().st_size == 5);
    char buffer[16];
    CHECK(file.read(buffer, sizeof buffer) == 5);
    CHECK(std::string(buffer, 5) == "hello");
    CHECK(file.read(buffer, sizeof buffer) == 0);
}

TEST_CASE("a FIFO without a writer is refused at once, not waited on", "[regular_file]") {
    test::TempDir dir("ppid-regular-");
    const std::string fifo = (dir / "laporan.pdf").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string error;
    bool opened = true;
    CHECK(finishes_in_time(fifo, [&] {
        RegularFile file(fifo);
        opened = file.is_open();
        error = file.error();
    }));
    CHECK_FALSE(opened);
    CHECK(error == "a FIFO, not a regular file");

    FileFacts facts;
    CHECK(finishes_in_time(fifo, [&] { facts = read_file_facts(fifo); }));
    CHECK(facts.read_error == "a FIFO, not a regular file");
    CHECK(facts.sha256.empty());
}

TEST_CASE("a folder or a missing name is no regular file either", "[regular_file]") {
    test::TempDir dir("ppid-regular-");
    RegularFile folder(dir.path().string());
    CHECK_FALSE(folder.is_open());
    CHECK(folder.error() == "a folder, not a regular file");
    RegularFile missing((dir / "nothing").string());
    CHECK_FALSE(missing.is_open());
    CHECK(missing.error() == "No such file or directory");
}

TEST_CASE("a .ppidignore that is a FIFO is said and skipped, not waited on", "[regular_file]") {
    test::TempDir dir("ppid-regular-");
    std::ofstream(dir / "a.pdf") << "x";
    const std::string fifo = (dir / ".ppidignore").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::vector<std::string> messages;
    std::vector<std::string> paths;
    CHECK(finishes_in_time(fifo, [&] {
        Diagnostics diag([&](const std::string& m) { messages.push_back(m); });
        for (const auto& file : walk_root(dir.path().string(), WalkOptions{}, diag)) paths.push_back(file.path);
    }));
    CHECK(paths == std::vector<std::string>{"a.pdf"});
    REQUIRE(messages.size() == 1);
    CHECK_THAT(messages[0], Catch::Contains(".ppidignore") && Catch::Contains("a FIFO, not a regular file"));
}

TEST_CASE("a file that grows while it is hashed is said to have changed", "[regular_file]") {
    test::TempDir dir("ppid-regular-");
    const std::string path = (dir / "upload.pdf").string();
    {
        std::ofstream out(path, std::ios::binary);
        const std::string block(1 << 20, 'x');
        for (int i = 0; i < 32; ++i) out << block;
    }
    const FileFacts still = read_file_facts(path);
    CHECK_FALSE(still.changed);
    CHECK(still.size == 32u << 20);

    // A writer appends until the read is over (an upload still arriving); it has started before.
    std::atomic<bool> stop{false};
    std::atomic<int> appends{0};
    std::thread writer([&] {
        std::ofstream out(path, std::ios::binary | std::ios::app);
        while (!stop) {
            out << "more" << std::flush;
            ++appends;
        }
    });
    while (appends == 0) std::this_thread::yield();
    const FileFacts growing = read_file_facts(path);
    stop = true;
    writer.join();
    CHECK(growing.read_error.empty());
    CHECK(growing.changed);
}

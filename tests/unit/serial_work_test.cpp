#include <ppid/util/serial_work.hpp>

#include <catch2/catch.hpp>

#include <stdexcept>
#include <thread>
#include <vector>

using ppid::util::SerialWork;

TEST_CASE("jobs run in the order they were posted, off the posting thread", "[serial_work]") {
    std::vector<int> order;
    std::thread::id ran_on;
    SerialWork work(4);  // a short queue: posting waits for the thread, the order still holds
    for (int i = 0; i < 1000; ++i)
        work.post([&order, &ran_on, i] {
            order.push_back(i);
            ran_on = std::this_thread::get_id();
        });
    work.drain();
    REQUIRE(order.size() == 1000);
    for (int i = 0; i < 1000; ++i) CHECK(order[static_cast<std::size_t>(i)] == i);
    CHECK(ran_on != std::this_thread::get_id());
}

TEST_CASE("a job that throws stops the others and its exception reaches the poster", "[serial_work]") {
    SerialWork work;
    int ran = 0;
    work.post([&ran] { ++ran; });
    work.post([] { throw std::runtime_error("write error: No space left on device"); });
    work.post([&ran] { ++ran; });
    CHECK_THROWS_WITH(work.drain(), "write error: No space left on device");
    CHECK(ran == 1);
    CHECK_THROWS_AS(work.post([&ran] { ++ran; }), std::runtime_error);
    CHECK(ran == 1);
}

#include <ppid/util/gzip.hpp>

#include <ppid/error.hpp>
#include <ppid/sitemap.hpp>

#include <catch2/catch.hpp>

#include <zlib.h>

#include <stdexcept>
#include <string>

using namespace ppid;

namespace {

// `text` compressed as one gzip member.
std::string gzip_of(const std::string& text) {
    z_stream stream{};
    REQUIRE(deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&stream, text.size()) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

}  // namespace

TEST_CASE("gzip is decompressed, several members in a row too", "[gzip]") {
    const std::string one = gzip_of("<urlset>"), two = gzip_of("</urlset>");
    CHECK(util::is_gzip(one));
    CHECK_FALSE(util::is_gzip("<urlset>"));
    CHECK(util::gunzip(one, 100) == "<urlset>");
    CHECK(util::gunzip(one + two, 100) == "<urlset></urlset>");
}

TEST_CASE("a gzip bomb stops at the limit, corrupt data is an error", "[gzip]") {
    const std::string bomb = gzip_of(std::string(10'000'000, 'a'));
    CHECK(bomb.size() < 20'000);
    CHECK_THROWS_WITH(util::gunzip(bomb, 1'000'000), Catch::Contains("larger than 1000000 bytes"));
    CHECK(util::gunzip(bomb, 10'000'000).size() == 10'000'000);
    CHECK_THROWS_AS(util::gunzip(bomb.substr(0, bomb.size() / 2), 100'000'000), std::runtime_error);
    CHECK_THROWS_AS(util::gunzip("\x1F\x8B garbage", 100), std::runtime_error);
}

TEST_CASE("a gzip sitemap is read as the sitemap it holds, a bomb is not", "[gzip][sitemap]") {
    const std::string body = gzip_of(
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        "<url><loc>https://kab-x.kpu.go.id/uploads/a.pdf</loc></url></urlset>");
    const Sitemap sitemap = read_sitemap(body, 1'000'000);
    REQUIRE(sitemap.pages.size() == 1);
    CHECK(sitemap.pages[0].loc == "https://kab-x.kpu.go.id/uploads/a.pdf");
    CHECK(read_sitemap("https://kab-x.kpu.go.id/b\n", 100).pages.size() == 1);
    CHECK_THROWS_AS(read_sitemap(gzip_of(std::string(2'000'000, ' ')), 1'000'000), Error);
}

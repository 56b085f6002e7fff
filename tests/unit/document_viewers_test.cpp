#include <ppid/document_viewers.hpp>

#include <catch2/catch.hpp>

using namespace ppid;

namespace {

std::optional<std::string> inside(const std::string& text) {
    const auto url = util::parse_url(text);
    REQUIRE(url);
    return viewed_document(*url);
}

}  // namespace

TEST_CASE("Google's viewers give the document of their url parameter, decoded once", "[viewers]") {
    CHECK(inside("https://docs.google.com/viewer?url=https%3A%2F%2Fkab-boyolali.kpu.go.id%2Fuploads%2Fsk%20ppid.pdf&embedded=true") ==
          "https://kab-boyolali.kpu.go.id/uploads/sk ppid.pdf");
    CHECK(inside("https://docs.google.com/gview?embedded=true&url=http://127.0.0.1:8080/a.pdf") == "http://127.0.0.1:8080/a.pdf");
    CHECK(inside("https://drive.google.com/viewerng/viewer?url=https://x.kpu.go.id/b.pdf") == "https://x.kpu.go.id/b.pdf");
    CHECK(inside("https://docs.google.com/a/kpu.go.id/viewer?url=https://x.kpu.go.id/c.pdf") == "https://x.kpu.go.id/c.pdf");
}

TEST_CASE("pdf.js gives its file parameter, relative or absolute", "[viewers]") {
    CHECK(inside("https://kab-x.kpu.go.id/assets/pdfjs/web/viewer.html?file=../../../uploads/d.pdf") == "../../../uploads/d.pdf");
    CHECK(inside("https://kab-x.kpu.go.id/pdfjs/viewer.html?file=%2Fuploads%2Fe.pdf#page=2") == "/uploads/e.pdf");
}

TEST_CASE("other URLs are no viewers", "[viewers]") {
    CHECK_FALSE(inside("https://docs.google.com/document/d/1abc/edit"));
    CHECK_FALSE(inside("https://docs.google.com/viewer"));
    CHECK_FALSE(inside("https://docs.google.com/viewer?url="));
    CHECK_FALSE(inside("https://example.org/viewer.html?doc=x.pdf"));
    CHECK_FALSE(inside("https://example.org/search?url=x.pdf"));
}

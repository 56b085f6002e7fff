#include <ppid/util/display_width.hpp>

#include <catch2/catch.hpp>

using namespace ppid;
using Lines = std::vector<std::string>;

TEST_CASE("display width counts columns, not bytes or code points", "[display-width]") {
    CHECK(util::display_width("") == 0);
    CHECK(util::display_width("Laporan") == 7);
    CHECK(util::display_width("Agustus — 2023") == 14);           // an em dash is one column
    CHECK(util::display_width("e\xCC\x81") == 1);                 // e + combining acute accent
    CHECK(util::display_width("Jos\xC3\xA9") == 4);               // precomposed é
    CHECK(util::display_width("\xE6\x97\xA5\xE6\x9C\xAC") == 4);  // 日本: two wide characters
    CHECK(util::display_width("\xEA\xA6\xA7\xEA\xA6\xB6") == 1);  // Javanese ꦧ with the vowel sign ꦶ on it
    CHECK(util::display_width("\xF0\x9F\x93\x84") == 2);          // 📄
    CHECK(util::display_width("a\xE2\x80\x8B"
                              "b") == 2);  // zero-width space
    CHECK(util::display_width("\xFF"
                              "ab") == 3);  // a bad byte shows as one U+FFFD
}

TEST_CASE("code point widths at the edges of the tables", "[display-width]") {
    CHECK(util::code_point_width(U'A') == 1);
    CHECK(util::code_point_width(0x0300) == 0);
    CHECK(util::code_point_width(0x036F) == 0);
    CHECK(util::code_point_width(0x0370) == 1);
    CHECK(util::code_point_width(0x1100) == 2);
    CHECK(util::code_point_width(0x1160) == 0);
    CHECK(util::code_point_width(0xAC00) == 2);
    CHECK(util::code_point_width(0xFF01) == 2);  // fullwidth !
    CHECK(util::code_point_width(0xFF61) == 1);  // halfwidth katakana
    CHECK(util::code_point_width(0x1B) == 0);
    CHECK(util::code_point_width(0x20000) == 2);
}

TEST_CASE("printable text has no control characters left", "[display-width]") {
    CHECK(util::printable_text("a\x1b[2Jb") == "a\xEF\xBF\xBD[2Jb");
    CHECK(util::printable_text("tab\there\r\nnext") == "tab here next");
    CHECK(util::printable_text("line\nnext", true) == "line\nnext");
    CHECK(util::printable_text("bad \xC3(") == "bad \xEF\xBF\xBD(");
    CHECK(util::printable_text("\xC2\x9B"
                               "31m") ==
          "\xEF\xBF\xBD"
          "31m");  // C1 CSI
}

TEST_CASE("no bidirectional override reorders what a report shows", "[display-width]") {
    // "Laporan <RLO>fdp.exe<PDF>" would read "Laporan exe.pdf" (CVE-2021-42574).
    const std::string disguised = "Laporan \u202E" "fdp.exe\u202C \u2067isolat\u2069";
    const std::string shown = "Laporan \uFFFD" "fdp.exe\uFFFD \uFFFDisolat\uFFFD";
    CHECK(util::printable_text(disguised) == shown);
    CHECK(util::cell_safe_text(disguised) == shown);
    CHECK(util::is_unsafe_to_show(0x202E));
    CHECK(util::is_unsafe_to_show(0x85));       // C1 NEL
    CHECK_FALSE(util::is_unsafe_to_show(0x200F));  // a right-to-left mark reorders nothing after it
    CHECK_FALSE(util::is_unsafe_to_show(0x0627));  // Arabic text itself is fine
}

TEST_CASE("cell text keeps tab and line breaks, which are data in a cell", "[display-width]") {
    CHECK(util::cell_safe_text("a\tb\r\nc") == "a\tb\r\nc");
    CHECK(util::cell_safe_text("a\x1b[2J\xC2\x9B" "b") == "a\uFFFD[2J\uFFFD" "b");
    CHECK(util::cell_safe_text("bad \xC3(") == "bad \uFFFD(");
}

TEST_CASE("wrapping breaks at spaces, and inside a word only when it must", "[display-width]") {
    CHECK(util::wrap_to_width("", 10) == Lines{""});
    CHECK(util::wrap_to_width("Unggah laporan keuangan semester terakhir", 16) ==
          Lines{"Unggah laporan", "keuangan", "semester", "terakhir"});
    CHECK(util::wrap_to_width("https://kab-boyolali.kpu.go.id/x", 10) ==
          Lines{"https://ka", "b-boyolali", ".kpu.go.id", "/x"});
    CHECK(util::wrap_to_width("a  b", 1) == Lines{"a", "b"});
    CHECK(util::wrap_to_width("one\ntwo three", 5) == Lines{"one", "two", "three"});
    CHECK(util::wrap_to_width("abc", 0) == Lines{"a", "b", "c"});
}

TEST_CASE("wrapping counts wide characters twice and keeps combining marks on their letter", "[display-width]") {
    // 日本語の文書 is five wide characters: two per line in four columns.
    CHECK(util::wrap_to_width("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE6\x96\x87", 4) ==
          Lines{"\xE6\x97\xA5\xE6\x9C\xAC", "\xE8\xAA\x9E\xE3\x81\xAE", "\xE6\x96\x87"});
    CHECK(util::wrap_to_width("e\xCC\x81"
                              "e\xCC\x81"
                              "e\xCC\x81",
                              2) == Lines{"e\xCC\x81"
                                          "e\xCC\x81",
                                          "e\xCC\x81"});
    for (const auto& line : util::wrap_to_width("R\xC3\xA9sum\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x93\x84 x", 3))
        CHECK(util::display_width(line) <= 3);
}

TEST_CASE("padding fills to a width in columns", "[display-width]") {
    CHECK(util::pad_to_width("ab", 4) == "ab  ");
    CHECK(util::pad_to_width("ab", 4, true) == "  ab");
    CHECK(util::pad_to_width("\xE6\x97\xA5", 4) == "\xE6\x97\xA5  ");
    CHECK(util::pad_to_width("e\xCC\x81", 2) == "e\xCC\x81 ");
    CHECK(util::pad_to_width("abcdef", 3) == "abcdef");
}

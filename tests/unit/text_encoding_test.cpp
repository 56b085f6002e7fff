#include <ppid/util/text_encoding.hpp>

#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>

using namespace ppid;
using util::SourceEncoding;

namespace {

// Returns the bytes as a string; for UTF-16 with its NULs and for bytes a literal would merge
// with the hex digits after them.
std::string bytes(std::initializer_list<unsigned char> values) { return std::string(values.begin(), values.end()); }

const std::string replacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// Returns the text convert_to_utf8 made of `input`, checking that it is valid UTF-8 and was
// recognised as `expected`.
std::string converted(std::string input, SourceEncoding expected) {
    const SourceEncoding found = util::convert_to_utf8(input);
    CHECK(util::to_string(found) == util::to_string(expected));
    CHECK(util::is_valid_utf8(input));
    return input;
}

}  // namespace

TEST_CASE("encodings have names for messages", "[encoding]") {
    CHECK(util::to_string(SourceEncoding::utf8) == "UTF-8");
    CHECK(util::to_string(SourceEncoding::utf8_bom) == "UTF-8 with BOM");
    CHECK(util::to_string(SourceEncoding::utf16le_bom) == "UTF-16LE with BOM");
    CHECK(util::to_string(SourceEncoding::utf16be_bom) == "UTF-16BE with BOM");
    CHECK(util::to_string(SourceEncoding::windows1252) == "Windows-1252");
}

TEST_CASE("valid UTF-8 is accepted, up to U+10FFFF", "[encoding]") {
    CHECK(util::is_valid_utf8(""));
    CHECK(util::is_valid_utf8("No;Nama;Tanggal permohonan\r\n"));
    CHECK(util::is_valid_utf8("Jum\xE2\x80\x99" "at"));                         // ’ U+2019
    CHECK(util::is_valid_utf8("caf\xC3\xA9 \xC2\x80 \xDF\xBF"));                  // é, U+0080, U+07FF
    CHECK(util::is_valid_utf8("\xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 \xEF\xBF\xBF"));  // U+0800 U+D7FF U+E000 U+FFFF
    CHECK(util::is_valid_utf8("\xF0\x90\x80\x80 \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"));   // U+10000 😀 U+10FFFF
    CHECK(util::is_valid_utf8(std::string("nul\0inside", 10)));
}

TEST_CASE("invalid UTF-8 is rejected", "[encoding]") {
    SECTION("overlong forms") {
        CHECK_FALSE(util::is_valid_utf8("\xC0\xAF"));          // '/' in two bytes
        CHECK_FALSE(util::is_valid_utf8("\xC1\xBF"));
        CHECK_FALSE(util::is_valid_utf8("\xE0\x80\xAF"));      // '/' in three bytes
        CHECK_FALSE(util::is_valid_utf8("\xE0\x9F\xBF"));      // U+07FF in three bytes
        CHECK_FALSE(util::is_valid_utf8("\xF0\x80\x80\xAF"));  // '/' in four bytes
        CHECK_FALSE(util::is_valid_utf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in four bytes
    }
    SECTION("surrogates and beyond U+10FFFF") {
        CHECK_FALSE(util::is_valid_utf8("\xED\xA0\x80"));      // U+D800
        CHECK_FALSE(util::is_valid_utf8("\xED\xBF\xBF"));      // U+DFFF
        CHECK_FALSE(util::is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
        CHECK_FALSE(util::is_valid_utf8("\xF5\x80\x80\x80"));
        CHECK_FALSE(util::is_valid_utf8("\xFF"));
    }
    SECTION("truncated sequences") {
        CHECK_FALSE(util::is_valid_utf8("\xC3"));
        CHECK_FALSE(util::is_valid_utf8("Jum\xE2\x80"));
        CHECK_FALSE(util::is_valid_utf8("\xF0\x9F\x98"));
        CHECK_FALSE(util::is_valid_utf8("\xE2\x80" "at"));      // the sequence is cut by ASCII
        CHECK_FALSE(util::is_valid_utf8("\xC3\x28"));
        CHECK_FALSE(util::is_valid_utf8("a long ASCII run before the end \xE2\x82"));
    }
    SECTION("a lone continuation byte") {
        CHECK_FALSE(util::is_valid_utf8("\x80"));
        CHECK_FALSE(util::is_valid_utf8("Jum\x92" "at"));
        CHECK_FALSE(util::is_valid_utf8("more than eight ASCII bytes, then \xBF and more ASCII after it"));
        CHECK_FALSE(util::is_valid_utf8("\xC3\xA9\xA9"));  // é and one continuation too many
    }
}

TEST_CASE("valid UTF-8 is left as it is", "[encoding]") {
    CHECK(converted("No;Nama\r\n1;Budi\r\n", SourceEncoding::utf8) == "No;Nama\r\n1;Budi\r\n");
    CHECK(converted("Jum\xE2\x80\x99" "at", SourceEncoding::utf8) == "Jum\xE2\x80\x99" "at");
    CHECK(converted("", SourceEncoding::utf8) == "");
}

TEST_CASE("a UTF-8 byte-order mark is dropped", "[encoding]") {
    CHECK(converted("\xEF\xBB\xBFNo;Nama\r\n", SourceEncoding::utf8_bom) == "No;Nama\r\n");
    CHECK(converted("\xEF\xBB\xBF", SourceEncoding::utf8_bom) == "");
    // The BOM declares UTF-8, so a byte that is not becomes U+FFFD rather than Windows-1252.
    CHECK(converted("\xEF\xBB\xBFJum\x92" "at", SourceEncoding::utf8_bom) == "Jum" + replacement + "at");
    CHECK(converted("\xEF\xBB\xBF" "a\xE2\x80", SourceEncoding::utf8_bom) == "a" + replacement);
}

TEST_CASE("anything else is Windows-1252", "[encoding]") {
    CHECK(converted("Jum\x92" "at", SourceEncoding::windows1252) == "Jum\xE2\x80\x99" "at");
    CHECK(converted("Rp 5.000 \x80", SourceEncoding::windows1252) == "Rp 5.000 \xE2\x82\xAC");
    CHECK(converted("\x93kutip\x94 \x91satu\x92 \x96 \x97 \x85", SourceEncoding::windows1252) ==
          "\xE2\x80\x9Ckutip\xE2\x80\x9D \xE2\x80\x98satu\xE2\x80\x99 \xE2\x80\x93 \xE2\x80\x94 \xE2\x80\xA6");
    CHECK(converted("\x83 \x8A \x99 \x9F", SourceEncoding::windows1252) == "\xC6\x92 \xC5\xA0 \xE2\x84\xA2 \xC5\xB8");
    // The upper half past 0x9F is Latin-1.
    CHECK(converted("caf\xE9 \xA0 \xB0" "C \xFF", SourceEncoding::windows1252) == "caf\xC3\xA9 \xC2\xA0 \xC2\xB0" "C \xC3\xBF");
    // The five bytes Windows-1252 leaves undefined.
    CHECK(converted("\x81\x8D\x8F\x90\x9D", SourceEncoding::windows1252) ==
          replacement + replacement + replacement + replacement + replacement);
    // A sequence that would be valid UTF-8 elsewhere in the text does not save it.
    CHECK(converted("\xC3\xA9 and \xE9", SourceEncoding::windows1252) == "\xC3\x83\xC2\xA9 and \xC3\xA9");
    CHECK(util::windows1252_to_utf8("Kepala Dinas \x96 Sekretariat") == "Kepala Dinas \xE2\x80\x93 Sekretariat");
}

TEST_CASE("UTF-16 with a byte-order mark is converted", "[encoding]") {
    SECTION("little-endian, as Excel's Unicode text") {
        // "No\tJum’at\r\n" then 😀 as a surrogate pair
        const std::string text = bytes({0xFF, 0xFE, 'N', 0, 'o', 0, '\t', 0, 'J', 0, 'u', 0, 'm', 0, 0x19, 0x20, 'a', 0,
                                        't', 0, '\r', 0, '\n', 0, 0x3D, 0xD8, 0x00, 0xDE, 0xE9, 0x00});
        CHECK(converted(text, SourceEncoding::utf16le_bom) == "No\tJum\xE2\x80\x99" "at\r\n\xF0\x9F\x98\x80\xC3\xA9");
    }
    SECTION("big-endian") {
        const std::string text = bytes({0xFE, 0xFF, 0, 'J', 0, 'u', 0, 'm', 0x20, 0x19, 0x20, 0xAC});
        CHECK(converted(text, SourceEncoding::utf16be_bom) == "Jum\xE2\x80\x99\xE2\x82\xAC");
    }
    SECTION("unpaired surrogates and an odd last byte become U+FFFD") {
        CHECK(converted(bytes({0xFF, 0xFE, 0x00, 0xD8, 'a', 0}), SourceEncoding::utf16le_bom) == replacement + "a");
        CHECK(converted(bytes({0xFF, 0xFE, 'a', 0, 0x00, 0xDC}), SourceEncoding::utf16le_bom) == "a" + replacement);
        CHECK(converted(bytes({0xFF, 0xFE, 'a', 0, 'b'}), SourceEncoding::utf16le_bom) == "a" + replacement);
        CHECK(converted(bytes({0xFF, 0xFE}), SourceEncoding::utf16le_bom) == "");
    }
}

TEST_CASE("code points are appended as UTF-8", "[encoding]") {
    std::string out;
    for (const char32_t code_point : {U'A', U'\u00E9', U'\u07FF', U'\u0800', U'\u2019', U'\uFFFF', U'\U00010000',
                                      U'\U0010FFFF'}) {
        util::append_utf8(out, code_point);
    }
    CHECK(out == "A\xC3\xA9\xDF\xBF\xE0\xA0\x80\xE2\x80\x99\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF");
    out.clear();
    util::append_utf8(out, 0xD800);
    util::append_utf8(out, 0x110000);
    CHECK(out == replacement + replacement);
}

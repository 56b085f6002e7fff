#include <ppid/util/unicode_space.hpp>

#include <catch2/catch.hpp>

using ppid::util::trim_unicode_spaces;

TEST_CASE("cells are trimmed of every Unicode space, and only at the ends", "[text]") {
    CHECK(trim_unicode_spaces("Diterima\u00a0") == "Diterima");
    CHECK(trim_unicode_spaces("\u3000\u2009 Diterima Sebagian\u202f\u200b\ufeff\r\n") == "Diterima Sebagian");
    CHECK(trim_unicode_spaces("Siti\u00a0Nur’aini") == "Siti\u00a0Nur’aini");
    CHECK(trim_unicode_spaces("\u00a0\u00a0") == "");
    CHECK(trim_unicode_spaces("é") == "é");       // C3 A9: not a space, whatever its second byte
    CHECK(trim_unicode_spaces("\xC2") == "\xC2");  // a broken sequence is left alone
}

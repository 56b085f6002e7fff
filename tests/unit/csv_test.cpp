#include <ppid/util/csv.hpp>
#include <ppid/util/text_encoding.hpp>

#include <catch2/catch.hpp>

#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

using namespace ppid;

namespace {

using Fields = std::vector<std::string>;

// Returns every record of `text`, read into one reused CsvRecord as callers do.
std::vector<util::CsvRecord> read_all(std::string_view text, char delimiter) {
    util::CsvReader reader(text, delimiter);
    util::CsvRecord record;
    std::vector<util::CsvRecord> records;
    while (reader.next(record)) records.push_back(record);
    return records;
}

}  // namespace

TEST_CASE("a semicolon file as Excel writes it on Indonesian Windows", "[csv]") {
    const auto records = read_all("No;Nama Pemohon;Tanggal\r\n1;Budi Santoso;29/08/2023\r\n2;Siti;30/08/2023\r\n", ';');
    REQUIRE(records.size() == 3);
    CHECK(records[0].fields == Fields{"No", "Nama Pemohon", "Tanggal"});
    CHECK(records[1].fields == Fields{"1", "Budi Santoso", "29/08/2023"});
    CHECK(records[2].fields == Fields{"2", "Siti", "30/08/2023"});
    CHECK(records[0].line == 1);
    CHECK(records[2].line == 3);
}

TEST_CASE("a comma file with LF line ends and no final newline", "[csv]") {
    const auto records = read_all("no,nama\n1,Budi\n2,Siti", ',');
    REQUIRE(records.size() == 3);
    CHECK(records[1].fields == Fields{"1", "Budi"});
    CHECK(records[2].fields == Fields{"2", "Siti"});
    CHECK(records[2].line == 3);
}

TEST_CASE("the delimiter is detected", "[csv]") {
    CHECK(util::detect_csv_delimiter("No;Nama;Tanggal\r\n1;Budi;2023-08-29\r\n") == ';');
    CHECK(util::detect_csv_delimiter("No,Nama,Tanggal\n1,Budi,2023-08-29\n") == ',');
    CHECK(util::detect_csv_delimiter("No\tNama\tTanggal\r\n1\tBudi\t2023-08-29\r\n") == '\t');
    CHECK(util::detect_csv_delimiter("\xEF\xBB\xBFNo\tNama\r\n1\tBudi, S.H.\r\n") == '\t');
    SECTION("quoted commas in a semicolon file do not count") {
        CHECK(util::detect_csv_delimiter("\"Nama, lengkap\";\"Alamat, kota, provinsi\";Tanggal\r\n"
                                         "Budi;Jl. Merdeka;2023-01-01\r\n") == ';');
        CHECK(util::detect_csv_delimiter("\"Nama, lengkap\";\"Alamat, kota, provinsi\";Tanggal\r\n") == ';');
    }
    SECTION("quoted semicolons in a comma file do not count") {
        CHECK(util::detect_csv_delimiter("id,\"catatan; lain; lagi\"\n7,\"a;b\"\n8,c\n") == ',');
    }
    SECTION("decimal commas in a semicolon file") {
        CHECK(util::detect_csv_delimiter("Nilai;Bobot\n1,5;2,5\n3,25;4\n") == ';');
    }
    SECTION("the most consistent split wins over the most fields") {
        CHECK(util::detect_csv_delimiter("a;b\nJl. A, No. 1, RT 2;x\nc;d\ne;f,g\n") == ';');
    }
    SECTION("a quote a delimiter never closes ends its sample") {
        CHECK(util::detect_csv_delimiter("a,b\nc,d\n\"e,f\n") == ',');
    }
    SECTION("nothing splits: a comma") {
        CHECK(util::detect_csv_delimiter("") == ',');
        CHECK(util::detect_csv_delimiter("Nama\nBudi\n") == ',');
    }
    SECTION("a tie goes to the semicolon") { CHECK(util::detect_csv_delimiter("a;b,c\n") == ';'); }
}

TEST_CASE("quoted fields keep delimiters, quotes and line breaks", "[csv]") {
    const std::string text =
        "No;Alamat;Nominal;Catatan;Rincian;Lain\r\n"                                        // line 1
        "1;\"Jl. Merdeka; No. 5\";\"Rp 5,000\";\"Ia berkata \"\"ya\"\"\";\"baris satu\r\n"  // 2
        "baris dua\";\"a\n"                                                                 // 3
        "b\"\r\n"                                                                           // 4
        "2;\"\";\"\"\"\";x;\"\"\"kutip\"\"\";z\r\n";                                        // 5
    const auto records = read_all(text, ';');
    REQUIRE(records.size() == 3);
    CHECK(records[1].fields ==
          Fields{"1", "Jl. Merdeka; No. 5", "Rp 5,000", "Ia berkata \"ya\"", "baris satu\r\nbaris dua", "a\nb"});
    CHECK(records[1].line == 2);
    CHECK(records[2].fields == Fields{"2", "", "\"", "x", "\"kutip\"", "z"});
    CHECK(records[2].line == 5);
}

TEST_CASE("empty fields, a trailing empty field and a last line without newline", "[csv]") {
    CHECK(read_all("a;;c\n", ';')[0].fields == Fields{"a", "", "c"});
    CHECK(read_all("a;b;\r\n", ';')[0].fields == Fields{"a", "b", ""});
    CHECK(read_all("a;b;", ';')[0].fields == Fields{"a", "b", ""});
    CHECK(read_all(";", ';')[0].fields == Fields{"", ""});
    CHECK(read_all("\"\"", ';')[0].fields == Fields{""});
    CHECK(read_all("a;\"b\"", ';')[0].fields == Fields{"a", "b"});
    CHECK(read_all("a;\"b\"\r", ';')[0].fields == Fields{"a", "b"});
    CHECK(read_all("a;b\r", ';')[0].fields == Fields{"a", "b"});
    CHECK(read_all("", ';').empty());
}

TEST_CASE("blank lines are skipped; rows of bare delimiters are records", "[csv]") {
    const auto records = read_all(
        "No;Nama;Unit\n"    // 1
        "\n"                // 2
        "1;Budi;Dinas\r\n"  // 3
        "\r\n"              // 4
        ";;\r\n"            // 5
        ";;\r\n"            // 6
        "\r\n"              // 7
        "\n",
        ';');
    REQUIRE(records.size() == 4);
    CHECK(records[0].line == 1);
    CHECK(records[1].line == 3);
    CHECK(records[1].fields == Fields{"1", "Budi", "Dinas"});
    CHECK(records[2].line == 5);
    CHECK(records[2].fields == Fields{"", "", ""});
    CHECK(records[3].line == 6);
    CHECK_FALSE(util::is_empty_record(records[1]));
    CHECK(util::is_empty_record(records[2]));
    CHECK(util::is_empty_record(records[3]));
    CHECK(read_all("\n\r\n\n", ';').empty());
}

TEST_CASE("stray quotes are kept as Excel keeps them", "[csv]") {
    util::CsvReader reader("5\" disk;ok\r\n\"a\"b;\"c\" ;\"d\"\r\n", ';');
    util::CsvRecord record;
    REQUIRE(reader.next(record));
    CHECK(record.fields == Fields{"5\" disk", "ok"});
    CHECK(reader.stray_quotes() == 1);
    REQUIRE(reader.next(record));
    CHECK(record.fields == Fields{"ab", "c ", "d"});
    CHECK(reader.stray_quotes() == 3);
    CHECK_FALSE(reader.next(record));
}

TEST_CASE("a lone CR is data, a BOM is skipped", "[csv]") {
    CHECK(read_all("a\rb;c\n", ';')[0].fields == Fields{"a\rb", "c"});
    CHECK(read_all("\xEF\xBB\xBFNo;Nama\n", ';')[0].fields == Fields{"No", "Nama"});
}

TEST_CASE("a record reuses the vector and strings it is given", "[csv]") {
    util::CsvReader reader("a;b;c\nd\n\"e;f\";g\n", ';');
    util::CsvRecord record;
    REQUIRE(reader.next(record));
    CHECK(record.fields == Fields{"a", "b", "c"});
    REQUIRE(reader.next(record));
    CHECK(record.fields == Fields{"d"});
    CHECK(record.line == 2);
    REQUIRE(reader.next(record));
    CHECK(record.fields == Fields{"e;f", "g"});
    CHECK_FALSE(reader.next(record));
    CHECK_FALSE(reader.next(record));
}

TEST_CASE("an unterminated quoted field is an error at its line", "[csv]") {
    util::CsvReader reader("No;Nama\n1;Budi\n2;\"Siti\n3;Ani\n", ';');
    util::CsvRecord record;
    REQUIRE(reader.next(record));
    REQUIRE(reader.next(record));
    CHECK_THROWS_WITH(reader.next(record), "line 3: unterminated quoted field");
    CHECK_FALSE(reader.next(record));

    util::CsvReader after_newlines("\"a\nb\";\"c\n\nd\n", ';');
    CHECK_THROWS_AS(after_newlines.next(record), std::runtime_error);
    util::CsvReader later_line("\"a\nb\";x\n\"c\n", ';');
    REQUIRE(later_line.next(record));
    CHECK(record.fields == Fields{"a\nb", "x"});
    CHECK_THROWS_WITH(later_line.next(record), "line 3: unterminated quoted field");
}

TEST_CASE("a quote or a line break cannot be the delimiter", "[csv]") {
    CHECK_THROWS_AS(util::CsvReader("a", '"'), std::invalid_argument);
    CHECK_THROWS_AS(util::CsvReader("a", '\n'), std::invalid_argument);
    CHECK_THROWS_AS(util::CsvReader("a", '\r'), std::invalid_argument);
}

TEST_CASE("an Excel export read end to end", "[csv]") {
    SECTION("Windows-1252 with semicolons") {
        std::string text = "Hari;Biaya\r\nJum\x92" "at;\"Rp 5.000 \x80\"\r\n;\r\n";
        CHECK(util::convert_to_utf8(text) == util::SourceEncoding::windows1252);
        const char delimiter = util::detect_csv_delimiter(text);
        CHECK(delimiter == ';');
        const auto records = read_all(text, delimiter);
        REQUIRE(records.size() == 3);
        CHECK(records[1].fields == Fields{"Jum\xE2\x80\x99" "at", "Rp 5.000 \xE2\x82\xAC"});
        CHECK(util::is_empty_record(records[2]));
    }
    SECTION("Unicode text: UTF-16LE, tab-separated") {
        const unsigned char bytes[] = {0xFF, 0xFE, 'N', 0, 'o', 0, '\t', 0, 'H', 0, 'a', 0, 'r', 0, 'i', 0, '\r', 0,
                                       '\n', 0, '1', 0, '\t', 0, 'J', 0, 'u', 0, 'm', 0, 0x19, 0x20, 'a', 0, 't', 0,
                                       '\r', 0, '\n', 0};
        std::string text(std::begin(bytes), std::end(bytes));
        CHECK(util::convert_to_utf8(text) == util::SourceEncoding::utf16le_bom);
        const char delimiter = util::detect_csv_delimiter(text);
        CHECK(delimiter == '\t');
        const auto records = read_all(text, delimiter);
        REQUIRE(records.size() == 2);
        CHECK(records[0].fields == Fields{"No", "Hari"});
        CHECK(records[1].fields == Fields{"1", "Jum\xE2\x80\x99" "at"});
        CHECK(records[1].line == 2);
    }
}

TEST_CASE("a field is held only up to one byte past the limit, and the records after it are read", "[csv]") {
    const std::string huge(100000, 'x');
    const std::string text = "a;\"" + huge + "\"\"q\";" + huge + "\r\nb;c;d\r\n";
    util::CsvReader reader(text, ';', 1000);
    util::CsvRecord record;
    REQUIRE(reader.next(record));
    REQUIRE(record.fields.size() == 3);
    CHECK(record.fields[0] == "a");
    CHECK(record.fields[1].size() == 1001);
    CHECK(record.fields[2].size() == 1001);
    REQUIRE(reader.next(record));
    CHECK(record.fields == Fields{"b", "c", "d"});
    CHECK(record.line == 2);
}

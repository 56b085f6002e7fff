#include "support/pdf_writer.hpp"
#include "support/xlsx_writer.hpp"

#include <ppid/content_extract.hpp>
#include <ppid/util/text_encoding.hpp>

#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace ppid;
using test::PdfWriter;
using test::write_file;
using test::ZipEntry;

namespace {

// Each test's files live in a TempDir named for this file's tests.
struct TempDir : test::TempDir {
    TempDir() : test::TempDir("ppid-extract-") {}
};

// Returns what `run` writes to file descriptor 2: poppler and libxml2 write there unless silenced.
template <typename Run>
std::string captured_stderr(Run&& run) {
    std::fflush(stderr);
    std::FILE* capture = std::tmpfile();
    const int saved = dup(2);
    dup2(fileno(capture), 2);
    run();
    std::fflush(stderr);
    dup2(saved, 2);
    close(saved);
    std::string text;
    std::rewind(capture);
    for (int c; (c = std::fgetc(capture)) != EOF;) text += static_cast<char>(c);
    std::fclose(capture);
    return text;
}

void check_utf8(const ExtractedContent& content) {
    for (const std::string* text :
         {&content.title, &content.author, &content.created, &content.modified, &content.text_sample})
        CHECK(util::is_valid_utf8(*text));
}

const std::vector<std::string> unreadable{"unreadable"};

PdfWriter report_pdf() {
    PdfWriter pdf;
    pdf.info("Title", "Laporan Keuangan TA 2022")
        .info("Author", "Bagian Keuangan")
        .info("CreationDate", "D:20230331101500+07'00'")
        .info("ModDate", "D:20230405083000Z")
        .add_text_page({"LAPORAN KEUANGAN KPU KABUPATEN BOYOLALI", "TAHUN ANGGARAN 2022"})
        .add_text_page({"BAB I PENDAHULUAN"});
    return pdf;
}

constexpr const char* xml_head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";

std::string core_xml(const std::string& properties) {
    return std::string(xml_head) +
           "<cp:coreProperties "
           "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
           "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" +
           properties + "</cp:coreProperties>";
}

const std::string report_core = core_xml(
    "<dc:title>Laporan   Keuangan\n TA 2022</dc:title><dc:creator>Siti Rahayu</dc:creator>"
    "<cp:lastModifiedBy>Budi</cp:lastModifiedBy>"
    "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-03-31T03:15:00Z</dcterms:created>"
    "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2023-04-05T01:30:00Z</dcterms:modified>");

std::string document_xml(const std::string& body) {
    return std::string(xml_head) +
           "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body +
           "<w:sectPr/></w:body></w:document>";
}

// A Word document's parts: a title paragraph whose word Word split across runs, a deleted
// revision, a tab, and a second paragraph.
std::vector<ZipEntry> docx_parts(const std::string& core = report_core) {
    return {{"[Content_Types].xml", std::string(xml_head) + "<Types/>"},
            {"docProps/core.xml", core},
            {"docProps/app.xml", std::string(xml_head) + "<Properties><Template>Normal.dotm</Template>"
                                                         "<Pages>3</Pages><Words>120</Words></Properties>"},
            {"word/document.xml",
             document_xml("<w:p><w:r><w:t>LAPORAN KEU</w:t></w:r><w:r><w:t>ANGAN</w:t></w:r>"
                          "<w:del><w:r><w:delText>DIHAPUS</w:delText></w:r></w:del>"
                          "<w:r><w:t xml:space=\"preserve\"> TA</w:t><w:tab/><w:t>2022</w:t></w:r></w:p>"
                          "<w:p><w:r><w:t>Boyolali, 31 Maret 2023</w:t></w:r></w:p>")}};
}

std::string odf_meta(const std::string& meta) {
    return std::string(xml_head) +
           "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
           "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
           "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\"><office:meta>" +
           meta + "</office:meta></office:document-meta>";
}

std::string odf_content(const std::string& body) {
    return std::string(xml_head) +
           "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
           "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
           "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" office:version=\"1.3\">"
           "<office:automatic-styles><text:list-style/></office:automatic-styles><office:body>" +
           body + "</office:body></office:document-content>";
}

std::vector<ZipEntry> odt_parts() {
    return {
        {"mimetype", "application/vnd.oasis.opendocument.text"},
        {"meta.xml", odf_meta("<meta:initial-creator>Siti Rahayu</meta:initial-creator><dc:creator>Budi</dc:creator>"
                              "<meta:creation-date>2023-03-31T10:15:00.123000000</meta:creation-date>"
                              "<dc:date>2023-04-05T08:30:00</dc:date><dc:title>Daftar Informasi Publik 2023</dc:title>"
                              "<meta:document-statistic meta:page-count=\"2\" meta:word-count=\"40\"/>")},
        {"content.xml",
         odf_content("<office:text><text:tracked-changes><text:changed-region><text:deletion><text:p>DIHAPUS"
                     "</text:p></text:deletion></text:changed-region></text:tracked-changes>"
                     "<text:h text:outline-level=\"1\">DAFTAR INFORMASI <text:span>PUB</text:span>LIK</text:h>"
                     "<text:p>Tahun<text:s/>2023<text:note><text:note-citation>1</text:note-citation>"
                     "<text:note-body><text:p>Catatan kaki</text:p></text:note-body></text:note>"
                     "<text:line-break/>PPID Utama</text:p></office:text>")}};
}

}  // namespace

TEST_CASE("content kinds follow libmagic's media types", "[extract]") {
    CHECK(content_kind_for("application/pdf") == ContentKind::pdf);
    CHECK(content_kind_for("application/vnd.openxmlformats-officedocument.wordprocessingml.document") ==
          ContentKind::docx);
    CHECK(content_kind_for("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") == ContentKind::xlsx);
    CHECK(content_kind_for("application/vnd.oasis.opendocument.text") == ContentKind::odt);
    CHECK(content_kind_for("application/vnd.oasis.opendocument.spreadsheet") == ContentKind::ods);
    CHECK(content_kind_for("text/html") == ContentKind::html);
    CHECK(content_kind_for("Text/HTML; charset=windows-1252") == ContentKind::html);
    CHECK(content_kind_for("application/zip") == ContentKind::other);
    CHECK(content_kind_for("application/msword") == ContentKind::other);
    CHECK(content_kind_for("") == ContentKind::other);
    for (const auto kind : {ContentKind::pdf, ContentKind::docx, ContentKind::xlsx, ContentKind::odt, ContentKind::ods,
                            ContentKind::html, ContentKind::other})
        CHECK(parse_content_kind(to_string(kind)) == kind);
    CHECK_FALSE(parse_content_kind("PDF"));
}

TEST_CASE("PDF dates become ISO 8601 with their offset", "[extract]") {
    CHECK(pdf_date_to_iso("D:20230331101500+07'00'") == "2023-03-31T10:15:00+07:00");
    CHECK(pdf_date_to_iso("D:20230331101500-03'30") == "2023-03-31T10:15:00-03:30");
    CHECK(pdf_date_to_iso("D:20230331101500+0700") == "2023-03-31T10:15:00+07:00");
    CHECK(pdf_date_to_iso("D:20230331101500+07") == "2023-03-31T10:15:00+07:00");
    CHECK(pdf_date_to_iso("D:20230331101500Z00'00'") == "2023-03-31T10:15:00Z");
    CHECK(pdf_date_to_iso("D:20230331101500") == "2023-03-31T10:15:00");
    CHECK(pdf_date_to_iso("D:202303311015") == "2023-03-31T10:15:00");
    CHECK(pdf_date_to_iso("20230331") == "2023-03-31");
    CHECK(pdf_date_to_iso("D:202303") == "2023-03");
    CHECK(pdf_date_to_iso("D:2023") == "2023");
    CHECK(pdf_date_to_iso(" D:20230331101500+07'00' ") == "2023-03-31T10:15:00+07:00");
    CHECK(pdf_date_to_iso("") == "");
    CHECK(pdf_date_to_iso("D:") == "");
    CHECK(pdf_date_to_iso("D:20231331") == "");    // month 13
    CHECK(pdf_date_to_iso("D:2023033125") == "");  // hour 25
    CHECK(pdf_date_to_iso("D:202303311") == "");   // half an hour field
    CHECK(pdf_date_to_iso("D:00000101") == "");    // a producer's "no date"
    CHECK(pdf_date_to_iso("Fri Mar 31 10:15:00 2023") == "");
}

TEST_CASE("a PDF with a text layer gives its Info dictionary, page count and first page", "[extract]") {
    TempDir dir;
    report_pdf().save(dir / "laporan.pdf");
    const ExtractedContent content = extract_content(dir / "laporan.pdf", ContentKind::pdf);
    CHECK(content.title == "Laporan Keuangan TA 2022");
    CHECK(content.author == "Bagian Keuangan");
    CHECK(content.created == "2023-03-31T10:15:00+07:00");
    CHECK(content.modified == "2023-04-05T08:30:00Z");
    CHECK(content.pages == 2);
    CHECK(content.text_sample == "LAPORAN KEUANGAN KPU KABUPATEN BOYOLALI TAHUN ANGGARAN 2022");
    CHECK_FALSE(content.no_text_layer);
    CHECK(content.problems.empty());
}

TEST_CASE("PDF titles in UTF-16 are decoded and their white space collapsed", "[extract]") {
    TempDir dir;
    PdfWriter pdf;
    pdf.info("Title", "  Laporan Kinerja \xE2\x80\x93\n Semester\tI 2023 ")
        .info("Author", "Dinas Kominfo")
        .add_text_page({"LAKIP"});
    pdf.save(dir / "lakip.pdf");
    const ExtractedContent content = extract_content(dir / "lakip.pdf", ContentKind::pdf);
    CHECK(content.title == "Laporan Kinerja \xE2\x80\x93 Semester I 2023");
    CHECK(content.created.empty());
    CHECK(content.pages == 1);
}

TEST_CASE("a PDF of images only has no text layer", "[extract]") {
    TempDir dir;
    PdfWriter().add_image_page().add_image_page().save(dir / "scan.pdf");
    const ExtractedContent content = extract_content(dir / "scan.pdf", ContentKind::pdf);
    CHECK(content.no_text_layer);
    CHECK(content.pages == 2);
    CHECK(content.text_sample.empty());
    CHECK(content.title.empty());
    CHECK(content.problems.empty());
}

TEST_CASE("a scanned cover page leaves the sample to the first page with text", "[extract]") {
    TempDir dir;
    PdfWriter().add_image_page().add_text_page({"DAFTAR ISI"}).save(dir / "cover.pdf");
    const ExtractedContent content = extract_content(dir / "cover.pdf", ContentKind::pdf);
    CHECK(content.text_sample == "DAFTAR ISI");
    CHECK_FALSE(content.no_text_layer);

    SECTION("unless the text lies past the pages checked") {
        ExtractionLimits limits;
        limits.max_pdf_pages_checked = 1;
        const ExtractedContent first = extract_content(dir / "cover.pdf", ContentKind::pdf, limits);
        CHECK(first.text_sample.empty());
        CHECK(first.no_text_layer);
    }
}

TEST_CASE("a truncated PDF is unreadable, quietly", "[extract]") {
    TempDir dir;
    const std::string bytes = report_pdf().bytes();
    for (const std::size_t cut : {bytes.size() / 10, bytes.size() / 2, bytes.size() * 9 / 10}) {
        INFO(cut);
        write_file(dir / "cut.pdf", bytes.substr(0, cut));
        ExtractedContent content;
        CHECK(captured_stderr([&] { content = extract_content(dir / "cut.pdf", ContentKind::pdf); }).empty());
        CHECK(content.problems == unreadable);
        CHECK(content.title.empty());
        CHECK_FALSE(content.pages);
        CHECK_FALSE(content.no_text_layer);
    }
}

TEST_CASE("a PDF with a page missing from the middle keeps what it could read", "[extract]") {
    TempDir dir;
    std::string bytes = report_pdf().bytes();
    bytes.replace(bytes.find("5 0 obj"), 7, "5 0 xxx");  // the first page object is gone
    write_file(dir / "holed.pdf", bytes);
    ExtractedContent content;
    CHECK(captured_stderr([&] { content = extract_content(dir / "holed.pdf", ContentKind::pdf); }).empty());
    CHECK(content.problems == unreadable);
    CHECK(content.title == "Laporan Keuangan TA 2022");
    CHECK_FALSE(content.no_text_layer);  // not a scan: damaged
}

TEST_CASE("a PDF locked with a password, or not a PDF at all, is unreadable", "[extract]") {
    TempDir dir;
    PdfWriter locked = report_pdf();
    locked.lock().save(dir / "locked.pdf");
    write_file(dir / "page.pdf", "<!DOCTYPE html><html><head><title>Bukan PDF</title></head></html>");
    write_file(dir / "empty.pdf", "");
    for (const char* name : {"locked.pdf", "page.pdf", "empty.pdf"}) {
        INFO(name);
        ExtractedContent content;
        CHECK(captured_stderr([&] { content = extract_content(dir / name, ContentKind::pdf); }).empty());
        CHECK(content.problems == unreadable);
        CHECK(content.title.empty());
        CHECK_FALSE(content.pages);
    }
}

TEST_CASE("the text sample is cut on a character boundary", "[extract]") {
    TempDir dir;
    report_pdf().save(dir / "laporan.pdf");
    ExtractionLimits limits;
    limits.sample_chars = 10;
    CHECK(extract_content(dir / "laporan.pdf", ContentKind::pdf, limits).text_sample == "LAPORAN KE");
    limits.sample_chars = 8;  // the space is not kept at the end
    CHECK(extract_content(dir / "laporan.pdf", ContentKind::pdf, limits).text_sample == "LAPORAN");

    write_file(dir / "accents.html", "<html><body>\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 caf\xC3\xA9</body></html>");
    limits.sample_chars = 3;
    CHECK(extract_content(dir / "accents.html", ContentKind::html, limits).text_sample == "\xC3\xA9\xC3\xA9\xC3\xA9");
}

TEST_CASE("a DOCX gives its core properties, page count and body text", "[extract]") {
    TempDir dir;
    test::write_zip(dir / "laporan.docx", docx_parts());
    const ExtractedContent content = extract_content(dir / "laporan.docx", ContentKind::docx);
    CHECK(content.title == "Laporan Keuangan TA 2022");
    CHECK(content.author == "Siti Rahayu");
    CHECK(content.created == "2023-03-31T03:15:00Z");
    CHECK(content.modified == "2023-04-05T01:30:00Z");
    CHECK(content.pages == 3);
    CHECK(content.text_sample == "LAPORAN KEUANGAN TA 2022 Boyolali, 31 Maret 2023");
    CHECK_FALSE(content.no_text_layer);
    CHECK(content.problems.empty());
}

TEST_CASE("a DOCX without core properties has text only", "[extract]") {
    TempDir dir;
    auto parts = docx_parts();
    parts.erase(parts.begin() + 1, parts.begin() + 3);
    test::write_zip(dir / "bare.docx", parts);
    const ExtractedContent content = extract_content(dir / "bare.docx", ContentKind::docx);
    CHECK(content.title.empty());
    CHECK(content.created.empty());
    CHECK_FALSE(content.pages);
    CHECK(content.text_sample.rfind("LAPORAN KEUANGAN", 0) == 0);
    CHECK(content.problems.empty());
}

TEST_CASE("a damaged part of a DOCX leaves the others' values", "[extract]") {
    TempDir dir;
    SECTION("malformed core properties") {
        test::write_zip(dir / "a.docx", docx_parts(core_xml("<dc:title>Laporan</dc:titel>")));
        const ExtractedContent content = extract_content(dir / "a.docx", ContentKind::docx);
        CHECK(content.problems == unreadable);
        CHECK(content.text_sample.rfind("LAPORAN KEUANGAN", 0) == 0);
        CHECK(content.pages == 3);
    }
    SECTION("core properties declaring an external entity") {
        const std::string core = std::string(xml_head) +
                                 "<!DOCTYPE cp [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                 "<cp:coreProperties xmlns:cp=\"c\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                                 "<dc:title>&x;</dc:title></cp:coreProperties>";
        test::write_zip(dir / "b.docx", docx_parts(core));
        const ExtractedContent content = extract_content(dir / "b.docx", ContentKind::docx);
        CHECK(content.problems == unreadable);
        CHECK(content.title.empty());
    }
    SECTION("no document part") {
        auto parts = docx_parts();
        parts.pop_back();
        test::write_zip(dir / "c.docx", parts);
        const ExtractedContent content = extract_content(dir / "c.docx", ContentKind::docx);
        CHECK(content.problems == unreadable);
        CHECK(content.title == "Laporan Keuangan TA 2022");
    }
    SECTION("a document part past the byte limit") {
        auto parts = docx_parts();
        parts.back().head = document_xml("<w:p>");
        parts.back().fill_count = 100000;  // white space before any text
        parts.back().tail = "<w:r><w:t>teks</w:t></w:r></w:p>" + document_xml("");
        test::write_zip(dir / "d.docx", parts);
        ExtractionLimits limits;
        limits.max_part_bytes = 50000;
        const ExtractedContent content = extract_content(dir / "d.docx", ContentKind::docx, limits);
        CHECK(content.problems == unreadable);
        CHECK(content.text_sample.empty());
        CHECK(content.title == "Laporan Keuangan TA 2022");
    }
}

TEST_CASE("a DOCX that is no zip archive is unreadable", "[extract]") {
    TempDir dir;
    write_file(dir / "page.docx", "<html><body>Bukan dokumen Word</body></html>");
    write_file(dir / "old.docx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'));
    write_file(dir / "empty.docx", "");
    for (const char* name : {"page.docx", "old.docx", "empty.docx"}) {
        INFO(name);
        const ExtractedContent content = extract_content(dir / name, ContentKind::docx);
        CHECK(content.problems == unreadable);
        CHECK(content.text_sample.empty());
    }
}

TEST_CASE("an XLSX gives its core properties and first shared strings", "[extract]") {
    TempDir dir;
    test::XlsxWriter writer;
    writer.add_sheet("Daftar")
        .set(1, 0, "Daftar Informasi Publik")
        .set(2, 0, "Tahun 2023")
        .set_number(3, 0, 45016)
        .set_rich(4, 0, {"Dokumen ", "Anggaran"});
    auto parts = writer.parts();
    parts.emplace_back("docProps/core.xml", report_core);
    test::write_zip(dir / "daftar.xlsx", parts);
    const ExtractedContent content = extract_content(dir / "daftar.xlsx", ContentKind::xlsx);
    CHECK(content.title == "Laporan Keuangan TA 2022");
    CHECK(content.author == "Siti Rahayu");
    CHECK(content.created == "2023-03-31T03:15:00Z");
    CHECK_FALSE(content.pages);
    CHECK(content.text_sample == "Daftar Informasi Publik Tahun 2023 Dokumen Anggaran");
    CHECK(content.problems.empty());

    SECTION("a workbook of numbers has no sample and no problem") {
        test::XlsxWriter numbers;
        numbers.add_sheet("Angka").set_number(1, 0, 1);
        test::write_zip(dir / "angka.xlsx", numbers.parts());
        const ExtractedContent only_numbers = extract_content(dir / "angka.xlsx", ContentKind::xlsx);
        CHECK(only_numbers.text_sample.empty());
        CHECK(only_numbers.problems.empty());
    }
}

TEST_CASE("an ODT gives meta.xml and its body text", "[extract]") {
    TempDir dir;
    test::write_zip(dir / "daftar.odt", odt_parts());
    const ExtractedContent content = extract_content(dir / "daftar.odt", ContentKind::odt);
    CHECK(content.title == "Daftar Informasi Publik 2023");
    CHECK(content.author == "Siti Rahayu");  // the initial creator, not the last to edit
    CHECK(content.created == "2023-03-31T10:15:00.123000000");
    CHECK(content.modified == "2023-04-05T08:30:00");
    CHECK(content.pages == 2);
    CHECK(content.text_sample == "DAFTAR INFORMASI PUBLIK Tahun 2023 PPID Utama");
    CHECK(content.problems.empty());
    check_utf8(content);
}

TEST_CASE("an ODS gives its cells' text", "[extract]") {
    TempDir dir;
    test::write_zip(
        dir / "rekap.ods",
        {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
         {"meta.xml", odf_meta("<dc:title>Rekap Permohonan</dc:title><dc:creator>Budi</dc:creator>")},
         {"content.xml", odf_content("<office:spreadsheet><table:table table:name=\"2023\"><table:table-row>"
                                     "<table:table-cell><text:p>Bulan</text:p></table:table-cell>"
                                     "<table:table-cell><text:p>Jumlah</text:p></table:table-cell>"
                                     "</table:table-row></table:table></office:spreadsheet>")}});
    const ExtractedContent content = extract_content(dir / "rekap.ods", ContentKind::ods);
    CHECK(content.title == "Rekap Permohonan");
    CHECK(content.author == "Budi");
    CHECK(content.text_sample == "Bulan Jumlah");
    CHECK(content.problems.empty());
}

TEST_CASE("an HTML page in Windows-1252 gives its title and body text in UTF-8", "[extract]") {
    TempDir dir;
    write_file(dir / "berita.html",
               "<!DOCTYPE html>\n<html><head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; "
               "charset=windows-1252\">\n<title>\n  Laporan Keuangan \x96 TA 2022\n</title>\n"
               "<style>p { color: red; }</style><script>var judul = 'bukan teks';</script></head>\n"
               "<body><div class=nav><a href=/>Beranda</a></div><h1>Laporan</h1><p>Diterbitkan <b>31 Maret</b> "
               "2023&nbsp;oleh Caf\xE9 \x93PPID\x94</p><template><p>tersembunyi</p></template>"
               "<p>Biaya Rp5.000</body></html>");
    ExtractedContent content;
    CHECK(captured_stderr([&] { content = extract_content(dir / "berita.html", ContentKind::html); }).empty());
    CHECK(content.title == "Laporan Keuangan \xE2\x80\x93 TA 2022");
    CHECK(content.text_sample ==
          "Beranda Laporan Diterbitkan 31 Maret 2023 oleh Caf\xC3\xA9 \xE2\x80\x9CPPID\xE2\x80\x9D Biaya Rp5.000");
    CHECK(content.author.empty());
    CHECK_FALSE(content.pages);
    CHECK(content.problems.empty());
}

TEST_CASE("HTML without a declared charset is UTF-8 when it can be, Windows-1252 otherwise", "[extract]") {
    TempDir dir;
    write_file(dir / "utf8.html", "<title>Caf\xC3\xA9</title><p>Ok");
    write_file(dir / "ansi.html", "<title>Caf\xE9</title><p>Ok");
    write_file(dir / "declared.html", "<meta charset=\"utf-8\"><title>Caf\xE9</title><p>Ok");
    write_file(dir / "bom.html", "\xEF\xBB\xBF<title>Caf\xC3\xA9</title><p>Ok");
    CHECK(extract_content(dir / "utf8.html", ContentKind::html).title == "Caf\xC3\xA9");
    CHECK(extract_content(dir / "ansi.html", ContentKind::html).title == "Caf\xC3\xA9");
    CHECK(extract_content(dir / "declared.html", ContentKind::html).title == "Caf\xEF\xBF\xBD");
    const ExtractedContent bom = extract_content(dir / "bom.html", ContentKind::html);
    CHECK(bom.title == "Caf\xC3\xA9");
    CHECK(bom.text_sample == "Ok");
}

TEST_CASE("a long or broken HTML page is read only as far as needed", "[extract]") {
    TempDir dir;
    std::string page = "<html><head><title>Arsip</title></head><body>";
    for (int i = 0; i < 50000; ++i) page += "<p>Paragraf " + std::to_string(i) + "</p>";
    write_file(dir / "long.html", page + "</body></html>");
    ExtractionLimits limits;
    limits.sample_chars = 25;
    const ExtractedContent long_page = extract_content(dir / "long.html", ContentKind::html, limits);
    CHECK(long_page.title == "Arsip");
    CHECK(long_page.text_sample == "Paragraf 0 Paragraf 1 Par");

    const char broken_page[] =
        "<html><title>Rusak</title><body><p>a<<<>></b></i><table><td>b\0c</tdd><!-- unterminated";
    write_file(dir / "broken.html", std::string(broken_page, sizeof broken_page - 1));
    ExtractedContent broken;
    CHECK(captured_stderr([&] { broken = extract_content(dir / "broken.html", ContentKind::html); }).empty());
    CHECK(broken.title == "Rusak");
    check_utf8(broken);
    CHECK(broken.problems.empty());

    write_file(dir / "empty.html", "");
    const ExtractedContent empty = extract_content(dir / "empty.html", ContentKind::html);
    CHECK(empty.title.empty());
    CHECK(empty.text_sample.empty());
}

TEST_CASE("a file that cannot be read at all throws", "[extract]") {
    TempDir dir;
    for (const auto kind : {ContentKind::pdf, ContentKind::docx, ContentKind::html, ContentKind::other})
        CHECK_THROWS_AS(extract_content(dir / "missing.pdf", kind), std::runtime_error);
    CHECK_THROWS_WITH(extract_content(dir / "missing.pdf", ContentKind::pdf), "no such file");
    std::filesystem::create_directory(dir / "folder.pdf");
    CHECK_THROWS_WITH(extract_content(dir / "folder.pdf", ContentKind::pdf), "is a directory");
    write_file(dir / "other.bin", "data");
    const ExtractedContent other = extract_content(dir / "other.bin", ContentKind::other);
    CHECK(other.title.empty());
    CHECK(other.problems.empty());
}

// Writes the hostile files of the bad-input corpus (tests/bad-input/) that are binary or too
// large to check in, deterministically, at the path given:
//   make_bad_input merged-formulas-register OUT.xlsx   a register with merged cells and formulas
//   make_bad_input zip-bomb OUT.xlsx                   a sheet that inflates to 1 GB from ~1 MB
//   make_bad_input looping-pdf OUT.pdf                 a PDF whose page tree contains itself
// The bad-input cases find it through $PPID_TEST_TOOLS (set by tests/CMakeLists.txt).
#include "support/pdf_writer.hpp"
#include "support/xlsx_writer.hpp"

#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using ppid::test::NumberStyle;
using ppid::test::XlsxWriter;

// Typed by hand: a title merged over the table, header cells merged over two rows, a decision
// merged down over two requests, dates that are formulas (cached numbers, cached text, one far
// outside any calendar), an error cell, and a total row. 45414 is 2 May 2024 as an Excel serial.
void write_merged_formulas_register(const std::string& path) {
    XlsxWriter writer;
    auto& sheet = writer.add_sheet("Register 2024");
    sheet.set(1, 0, "REGISTER PERMOHONAN INFORMASI PUBLIK 2024").merge(1, 0, 1, 5);
    const char* headers[] = {"No", "Tanggal", "Nama", "Informasi yang Diminta", "Keputusan", "Alasan Penolakan"};
    for (std::size_t c = 0; c < 6; ++c) sheet.set(3, c, headers[c]).merge(3, c, 4, c);
    sheet.set_number(5, 0, 1).set_formula(5, 1, "DATE(2024,5,2)", "45414", NumberStyle::date);
    sheet.set(5, 2, "Budi").set(5, 3, "DPT Desa Mojo").set(5, 4, "Diberikan seluruhnya").merge(5, 4, 6, 4);
    sheet.set_formula(6, 0, "A5+1", "2").set_formula(6, 1, "B5+1", "45415", NumberStyle::date);
    sheet.set(6, 2, "Ani").set(6, 3, "SK penetapan");
    sheet.set_formula(7, 0, "A6+1", "3").set_error(7, 1, "#DIV/0!");
    sheet.set(7, 2, "Citra").set(7, 3, "Anggaran");
    sheet.set_formula(8, 0, "A7+1", "4").set_text_formula(8, 1, "TEXT(B6,\"dd/mm/yyyy\")", "03/05/2024");
    sheet.set(8, 2, "Dodi").set(8, 3, "Rekap suara").set(8, 4, "Ditolak").set(8, 5, "Dikecualikan");
    sheet.set_formula(9, 0, "A8+1", "5").set_formula(9, 1, "B6+400000", "445415", NumberStyle::date);
    sheet.set(9, 2, "Eka").set(9, 3, "Data X");
    sheet.set(10, 0, "Jumlah").set_formula(10, 1, "COUNTA(B5:B9)", "5").merge(10, 1, 10, 5);
    writer.save(path);
}

// One sheet of 1 GB of spaces between its tags: deflate shrinks it about a thousandfold, and
// the declared size is patched to look harmless, as a bomb's author would.
void write_zip_bomb(const std::string& path) {
    XlsxWriter writer;
    writer.add_sheet("Sheet1").set(1, 0, "No").set(1, 1, "Tanggal");
    auto parts = writer.parts();
    for (auto& part : parts) {
        if (part.name != "xl/worksheets/sheet1.xml") continue;
        const auto data = part.head.find("<sheetData>");
        if (data == std::string::npos) throw std::runtime_error("no <sheetData> in the sheet");
        part.tail = part.head.substr(data);
        part.head.resize(data);
        part.fill = ' ';
        part.fill_count = 1ull << 30;
    }
    ppid::test::write_zip(path, parts);
    ppid::test::patch_declared_size(path, "xl/worksheets/sheet1.xml", 4096);
}

// Four objects with a correct xref table: the catalog, a Pages node whose Kids holds itself
// and a page, and that page whose Parent is the Pages node.
void write_looping_pdf(const std::string& path) {
    const std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [2 0 R 3 0 R 2 0 R] /Count 3 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        "<< /Length 0 >>\nstream\n\nendstream",
    };
    std::string bytes = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(bytes.size());
        bytes += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = bytes.size();
    bytes += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const auto offset : offsets) {
        char entry[32];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        bytes += entry;
    }
    bytes += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
             std::to_string(xref) + "\n%%EOF\n";
    ppid::test::write_file(path, bytes);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: make_bad_input merged-formulas-register|zip-bomb|looping-pdf OUTPUT\n";
        return 2;
    }
    const std::string kind = argv[1];
    try {
        if (kind == "merged-formulas-register") {
            write_merged_formulas_register(argv[2]);
        } else if (kind == "zip-bomb") {
            write_zip_bomb(argv[2]);
        } else if (kind == "looping-pdf") {
            write_looping_pdf(argv[2]);
        } else {
            std::cerr << "make_bad_input: unknown kind " << kind << '\n';
            return 2;
        }
    } catch (const std::exception& e) {
        std::cerr << "make_bad_input: " << e.what() << '\n';
        return 2;
    }
    return 0;
}

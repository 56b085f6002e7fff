// Writes the sample office's documents (share/ppid/examples/kpu-boyolali): the PDFs and Word
// files its website export publishes (site/dokumen/), the ones in its local documents folder
// (dokumen/), and the one the admin uploads before the second night of `make demo`
// (update/site/dokumen/). Each is small and real: text PDFs with a text layer and an Info
// dictionary, a scan, a DOCX Word opens, an empty file. Deterministic (no clock), so a run
// rewrites identical bytes. Run by hand when the sample changes:
//   make_sample_documents share/ppid/examples/kpu-boyolali
#include "support/pdf_writer.hpp"
#include "support/xlsx_writer.hpp"

#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using ppid::test::PdfWriter;

const char* const letterhead = "KOMISI PEMILIHAN UMUM KABUPATEN BOYOLALI";
const char* const address = "Jl. Perintis Kemerdekaan, Boyolali (contoh - data fiktif)";

// A text PDF: a title, the creation time as PDF writes it (D:YYYYMMDDhhmmss+07'00'), and pages.
void text_pdf(const fs::path& path, const std::string& title, const std::string& created,
              const std::vector<std::vector<std::string>>& pages) {
    PdfWriter pdf;
    pdf.info("Title", title).info("Author", "Subbagian Keuangan, Umum dan Logistik").info("CreationDate", "D:" + created + "+07'00'");
    for (const auto& lines : pages) pdf.add_text_page(lines);
    fs::create_directories(path.parent_path());
    pdf.save(path);
}

void scan_pdf(const fs::path& path, const std::string& created) {
    PdfWriter pdf;
    pdf.info("Producer", "Canon iR-ADV C3520 PDF").info("CreationDate", "D:" + created + "+07'00'");
    pdf.add_image_page();
    fs::create_directories(path.parent_path());
    pdf.save(path);
}

std::string xml_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

// A Word document: the parts Word writes, the main part third (libmagic looks for it there).
void docx(const fs::path& path, const std::string& title, const std::string& created,
          const std::vector<std::string>& paragraphs) {
    const std::string head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";
    std::string body;
    for (const auto& paragraph : paragraphs) body += "<w:p><w:r><w:t>" + xml_escape(paragraph) + "</w:t></w:r></w:p>";
    const std::vector<ppid::test::ZipEntry> parts{
        {"[Content_Types].xml",
         head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                "<Override PartName=\"/word/document.xml\" "
                "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                "<Override PartName=\"/docProps/core.xml\" "
                "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>"},
        {"_rels/.rels",
         head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
                "metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
        {"word/document.xml",
         head + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
             body + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"},
        {"docProps/core.xml",
         head + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" +
             xml_escape(title) + "</dc:title><dc:creator>PPID KPU Kabupaten Boyolali</dc:creator>"
             "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + created + "</dcterms:created></cp:coreProperties>"}};
    fs::create_directories(path.parent_path());
    ppid::test::write_zip(path, parts);
}

// What the website export publishes under site/dokumen/.
void write_site(const fs::path& site) {
    const fs::path dir = site / "dokumen";
    text_pdf(dir / "laporan-keuangan-2023.pdf", "Laporan Keuangan KPU Kabupaten Boyolali Tahun Anggaran 2023",
             "20240315090000",
             {{letterhead, "LAPORAN KEUANGAN", "TAHUN ANGGARAN 2023", "", "Laporan Realisasi Anggaran, Neraca,",
               "Laporan Operasional dan Catatan atas Laporan Keuangan.", "", address, "Boyolali, 15 Maret 2024"}});
    text_pdf(dir / "lra-semester-2-2024.pdf", "Laporan Realisasi Anggaran Semester II Tahun 2024", "20250120100000",
             {{letterhead, "LAPORAN REALISASI ANGGARAN", "SEMESTER II TAHUN 2024", "",
               "Realisasi belanja pegawai, barang dan modal s.d. 31 Desember 2024.", "Boyolali, 20 Januari 2025"}});
    text_pdf(dir / "dipa-2025.pdf", "DIPA KPU Kabupaten Boyolali Tahun Anggaran 2025", "20250106080000",
             {{"DAFTAR ISIAN PELAKSANAAN ANGGARAN (DIPA)", "TAHUN ANGGARAN 2025", "Satker: KPU Kabupaten Boyolali",
               "Boyolali, 6 Januari 2025"}});
    text_pdf(dir / "program-kerja-2025.pdf", "Program Kerja KPU Kabupaten Boyolali Tahun 2025", "20250110090000",
             {{letterhead, "PROGRAM KERJA TAHUN 2025", "", "1. Pemutakhiran data pemilih berkelanjutan",
               "2. Pendidikan pemilih", "3. Evaluasi Pemilihan 2024", "Boyolali, 10 Januari 2025"}});
    text_pdf(dir / "lkjip-2023.pdf", "Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2023", "20240228090000",
             {{letterhead, "LAPORAN KINERJA INSTANSI PEMERINTAH", "(LKjIP) TAHUN 2023", "Boyolali, 28 Februari 2024"}});
    text_pdf(dir / "dip-2025.pdf", "Daftar Informasi Publik KPU Kabupaten Boyolali Tahun 2025", "20250108090000",
             {{letterhead, "DAFTAR INFORMASI PUBLIK TAHUN 2025", "",
               "No | Ringkasan Informasi | Penanggung Jawab | Waktu Pembuatan | Bentuk", "Boyolali, 8 Januari 2025"}});
    text_pdf(dir / "sk-ppid-2024.pdf", "Keputusan KPU Kabupaten Boyolali tentang Penetapan PPID Tahun 2024",
             "20240205090000",
             {{letterhead, "KEPUTUSAN KPU KABUPATEN BOYOLALI", "TENTANG PENETAPAN PEJABAT PENGELOLA INFORMASI",
               "DAN DOKUMENTASI (PPID) TAHUN 2024", "Ditetapkan di Boyolali, 5 Februari 2024"}});
    text_pdf(dir / "laporan-layanan-informasi-2023.pdf", "Laporan Layanan Informasi Publik Tahun 2023", "20240325090000",
             {{letterhead, "LAPORAN LAYANAN INFORMASI PUBLIK TAHUN 2023", "Rincian Pelayanan Informasi Publik",
               "Jumlah permohonan: 14, dikabulkan seluruhnya: 11", "Boyolali, 25 Maret 2024"}});
    text_pdf(dir / "kpts-dpt-pilkada-2024.pdf",
             "Keputusan KPU Kabupaten Boyolali tentang Penetapan DPT Pemilihan Tahun 2024", "20240920090000",
             {{letterhead, "KEPUTUSAN TENTANG PENETAPAN DAFTAR PEMILIH TETAP (DPT)",
               "PEMILIHAN BUPATI DAN WAKIL BUPATI BOYOLALI TAHUN 2024", "Ditetapkan di Boyolali, 20 September 2024"}});
    // Printed, signed and scanned, as offices publish the maklumat: no text layer.
    scan_pdf(dir / "maklumat-pelayanan-informasi.pdf", "20230814090000");
    docx(dir / "sop-layanan-informasi.docx", "SOP Pelayanan Informasi Publik", "2023-08-14T02:00:00Z",
         {"STANDAR OPERASIONAL PROSEDUR PELAYANAN INFORMASI PUBLIK", "KPU Kabupaten Boyolali",
          "1. Pemohon mengisi formulir permohonan informasi.", "2. Petugas mencatat permohonan dalam register.",
          "Boyolali, 14 Agustus 2023"});
    text_pdf(dir / "formulir-permohonan-informasi.pdf", "Formulir Permohonan Informasi Publik", "20230814090000",
             {{"FORMULIR PERMOHONAN INFORMASI PUBLIK", "Nama: ....", "Alamat: ....", "Informasi yang dibutuhkan: ...."}});
}

// The office's own documents folder (ppid-index reads it): a few files as they are kept.
void write_folder(const fs::path& dir) {
    text_pdf(dir / "Daftar Aset BMN Semester II 2024.pdf", "Daftar Aset Barang Milik Negara Semester II Tahun 2024",
             "20250115090000",
             {{letterhead, "DAFTAR ASET BARANG MILIK NEGARA (BMN)", "SEMESTER II TAHUN 2024", "Boyolali, 15 Januari 2025"}});
    docx(dir / "Agenda Kegiatan Pimpinan Maret 2025.docx", "Agenda Kegiatan Pimpinan Maret 2025", "2025-03-03T01:00:00Z",
         {"AGENDA KEGIATAN PIMPINAN KPU KABUPATEN BOYOLALI", "Maret 2025",
          "4 Maret 2025: Rapat pleno evaluasi Pemilihan 2024", "Boyolali, 3 Maret 2025"});
    scan_pdf(dir / "scan_notulen_rapat_20250210.pdf", "20250210140000");
    fs::create_directories(dir);
    ppid::test::write_file(dir / "draft laporan akses informasi (kosong).pdf", "");
}

// Uploaded by the admin before the second night: the announcement the site's link promised.
void write_update(const fs::path& update) {
    text_pdf(update / "site" / "dokumen" / "rup-2025.pdf", "Rencana Umum Pengadaan (RUP) KPU Kabupaten Boyolali Tahun 2025",
             "20250310150000",
             {{letterhead, "PENGUMUMAN RENCANA UMUM PENGADAAN (RUP)", "TAHUN ANGGARAN 2025",
               "Pengadaan barang/jasa melalui LPSE dan e-purchasing.", "Boyolali, 10 Maret 2025"}});
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_sample_documents OFFICE_DIR\n";
        return 2;
    }
    try {
        const fs::path office = argv[1];
        write_site(office / "site");
        write_folder(office / "dokumen");
        write_update(office / "update");
    } catch (const std::exception& e) {
        std::cerr << "make_sample_documents: " << e.what() << '\n';
        return 2;
    }
    return 0;
}

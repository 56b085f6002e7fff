// Navigation is no context, a long block gives a window around the link, and links that scripts and
// viewers hide are found: analyse_page on markup shaped as KPU sites and the e-PPID write it.
#include "page_test_support.hpp"

#include <ppid/page_links.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace ppid;
using ppid::test::link_to;

namespace {

const std::string navbar_page = R"html(<html><head><title>Maklumat</title></head><body>
<header><div class="container">
<nav class="navbar navbar-expand-lg"><a class="navbar-brand" href="/"><h1>PPID KPU Kabupaten Cilacap</h1></a>
<ul class="navbar-nav">
 <li class="nav-item dropdown"><a class="nav-link dropdown-toggle" href="#">Profil</a>
  <ul class="dropdown-menu"><li><a class="dropdown-item" href="/profil_ppid">Profil PPID</a></li>
   <li><a class="dropdown-item" href="/struktur_ppid">Struktur PPID</a></li></ul></li>
 <li class="nav-item dropdown"><a class="nav-link dropdown-toggle" href="#">Informasi Publik</a>
  <div class="dropdown-menu"><a class="dropdown-item" href="/informasi/berkala">Informasi Berkala</a>
   <a class="dropdown-item" href="/informasi/serta-merta">Informasi Serta Merta</a></div></li>
</ul>
<form class="d-flex"><input type="search" name="q"><button>Cari</button></form>
</nav></div></header>
<div class="content"><h1>Maklumat Pelayanan Informasi Publik</h1>
<p>Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar. <a href="/uploads/maklumat.pdf">Unduh maklumat</a></p>
</div>
<div class="row"><div class="col-md-8">Sambutan ketua</div><div class="col-md-4 sidebar"><h4>Berita Terkini</h4>
<ul><li><a href="/blog/read/9297_rapat">Rapat kerja PPID</a></li></ul></div></div>
<footer class="footer"><p>Jl. Gatot Subroto 1, Cilacap <a href="/kontak">Kontak</a></p></footer>
</body></html>)html";

}  // namespace

TEST_CASE("menu, dropdown, sidebar and footer text is no link's context", "[link_context]") {
    const PageAnalysis page = analyse_page(navbar_page, "text/html");
    for (const char* menu : {"/profil_ppid", "/struktur_ppid", "/informasi/berkala", "/kontak", "/blog/read/9297_rapat"}) {
        INFO(menu);
        CHECK(link_to(page, menu).context.empty());
        CHECK(link_to(page, menu).context_kind == ContextKind::none);
    }
    CHECK(link_to(page, "/profil_ppid").group == "Profil");
    const PageLink& maklumat = link_to(page, "/uploads/maklumat.pdf");
    CHECK(maklumat.context_kind == ContextKind::paragraph);
    CHECK(maklumat.heading == "Maklumat Pelayanan Informasi Publik");
    for (const PageLink& link : page.links)
        for (const char* word : {"Profil", "Struktur", "Berkala", "Serta Merta", "Cari", "Berita Terkini", "Gatot"})
            CHECK(link.context.find(word) == std::string::npos);
    CHECK(page.main_heading == "Maklumat Pelayanan Informasi Publik");
    CHECK(page.headings == std::vector<std::string>{"Maklumat Pelayanan Informasi Publik"});
    CHECK(page.form_fields == 0);  // the navbar's search box is navigation
}

TEST_CASE("a link deep in a long block gets a window around it, cut on both sides", "[link_context]") {
    std::string filler;
    for (int i = 0; i < 80; ++i) filler += "kalimat pembuka nomor " + std::to_string(i) + ". ";
    std::string after;
    for (int i = 0; i < 80; ++i) after += "kalimat penutup nomor " + std::to_string(i) + ". ";
    const PageAnalysis page = analyse_page(
        "<div class='post'>" + filler + "Keputusan tentang standar biaya salinan tahun 2025 dapat diunduh <a href='/sk.pdf'>di sini</a> (29 Januari 2025). " +
            after + "</div>",
        "text/html");
    const PageLink& link = link_to(page, "/sk.pdf");
    CHECK(link.context.find("standar biaya salinan tahun 2025 dapat diunduh di sini (29 Januari 2025).") != std::string::npos);
    CHECK(link.context.find("pembuka nomor 0.") == std::string::npos);
    CHECK(link.context.find("penutup nomor 0.") != std::string::npos);
    CHECK(link.context.size() <= 420);
    CHECK(link.context.find("pembuka nomor 7") != std::string::npos);  // the words just before the link
}

TEST_CASE("the window before a link keeps the words next to it whole, however many nodes hold them", "[link_context]") {
    // More than 3 KB of text in short nodes before the link: the words read backwards are collapsed
    // whole, so the cut falls on the far side, not on the word just before the link.
    std::string before;
    for (int i = 1; i <= 600; ++i) before += "<span>lampiran-" + std::to_string(i) + "</span>\n";
    const PageAnalysis page = analyse_page("<div class='arsip'>" + before + "<a href='/sk.pdf'>Unduh</a> penutup</div>", "text/html");
    const PageLink& link = link_to(page, "/sk.pdf");
    CHECK(link.context.find("lampiran-599 lampiran-600 Unduh penutup") != std::string::npos);
    CHECK(link.context.find("lampiran-1 ") == std::string::npos);
}

TEST_CASE("links that scripts open are links of the page", "[link_context]") {
    const PageAnalysis page = analyse_page(R"html(<table><tr><td>SK PPID 2024</td><td>
<a href="#" onclick="window.open('/uploads/sk-ppid.pdf')">Lihat</a></td></tr>
<tr data-href="/uploads/dip-2024.xlsx"><td>Daftar Informasi Publik 2024</td></tr></table>
<button onclick="location.href='/formulir-permohonan'">Ajukan permohonan</button>
<div class="card" data-url="/uploads/laporan.pdf"><div class="card-body"><h5>Laporan Layanan 2024</h5></div></div>)html",
                                           "text/html");
    const PageLink& sk = link_to(page, "/uploads/sk-ppid.pdf");
    CHECK(sk.attribute == "onclick");
    CHECK(sk.context == "SK PPID 2024 Lihat");
    CHECK_FALSE(sk.placeholder);
    for (const PageLink& link : page.links) CHECK_FALSE(link.placeholder);  // the "#" opened a document
    CHECK(link_to(page, "/uploads/dip-2024.xlsx").context == "Daftar Informasi Publik 2024");
    CHECK(link_to(page, "/uploads/dip-2024.xlsx").attribute == "data-href");
    CHECK(link_to(page, "/formulir-permohonan").anchor_text == "Ajukan permohonan");
    CHECK(link_to(page, "/uploads/laporan.pdf").context == "Laporan Layanan 2024");
}

TEST_CASE("a request form's fields are counted, outside navigation", "[link_context]") {
    const PageAnalysis page = analyse_page(R"html(<nav><form><input name="q"></form></nav><h1>Formulir Permohonan Informasi</h1>
<form method="post"><input type="hidden" name="_token" value="x"><input name="nama"><input type="email" name="email">
<select name="cara"><option>Email</option></select><textarea name="rincian"></textarea><input type="submit"></form>)html",
                                           "text/html");
    CHECK(page.form_fields == 4);
    CHECK(page.main_heading == "Formulir Permohonan Informasi");
}

TEST_CASE("reading stays linear however deep the nesting", "[link_context]") {
    std::string deep;
    for (int i = 0; i < 3000; ++i) deep += "<div>teks " + std::to_string(i) + " <a href='/d" + std::to_string(i) + ".pdf'>unduh</a>";
    const PageAnalysis page = analyse_page(deep, "text/html");
    CHECK(page.links.size() == 3000);
    CHECK(page.links.back().context.size() <= 420);
}

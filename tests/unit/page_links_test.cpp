#include "page_test_support.hpp"

#include <ppid/page_links.hpp>

#include <ppid/util/text_encoding.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

using namespace ppid;
using ppid::test::link_to;

namespace {

PageAnalysis html(const std::string& body) {
    return analyse_page(body, "text/html");
}

// An Informasi Berkala page as KPU Kab/Kota sites write it: header row, group rows, a download per row.
const std::string berkala = R"(<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>  Informasi
  Berkala &ndash; KPU Kabupaten Sidomulyo </title></head>
<body>
<div class="entry-content">
<h2>Informasi Berkala</h2>
<table class="table">
 <thead><tr><th>No</th><th>Judul Informasi</th><th>Tanggal</th><th>Unduh</th></tr></thead>
 <tbody>
 <tr class="group"><td colspan="4"><b>PROFIL</b></td></tr>
 <tr><td>1</td><td>Profil Singkat KPU Kabupaten Sidomulyo</td><td>12 Januari 2023</td>
     <td><a href="uploads/profil.pdf">Unduh</a></td></tr>
 <tr class="group"><td colspan="4"><strong>KEUANGAN</strong></td></tr>
 <tr><td>2</td><td>Laporan Keuangan Tahun 2022</td><td>29 Agustus 2023</td>
     <td><a href="/dokumen/lk-2022.pdf"> Unduh </a></td></tr>
 <tr><td>3</td><td>LAPORAN REALISASI <span>ANGGARAN</span> SEMESTER I</td><td></td>
     <td><a href="uploads/LRA.xlsx"><img src="xls.png" alt="Download"></a></td></tr>
 <tr><td></td><td><b>PENGADAAN</b></td><td></td><td></td></tr>
 <tr><td>4</td><td>RUP 2023</td><td>2023-01-16</td>
     <td><a href="https://sirup.lkpp.go.id/x">Lihat</a> | <a href="uploads/rup.pdf">Unduh</a></td></tr>
 </tbody>
</table>
</div>
</body></html>)";

}  // namespace

TEST_CASE("context kinds have the names the records use", "[page_links]") {
    CHECK(to_string(ContextKind::none).empty());
    CHECK(to_string(ContextKind::table_row) == "table_row");
    CHECK(to_string(ContextKind::list_item) == "list_item");
    CHECK(to_string(ContextKind::paragraph) == "paragraph");
    CHECK(to_string(ContextKind::block) == "block");
}

TEST_CASE("a document table gives each download its row, group row and heading", "[page_links]") {
    const PageAnalysis page = html(berkala);
    CHECK(page.title == "Informasi Berkala \xE2\x80\x93 KPU Kabupaten Sidomulyo");
    CHECK(page.charset == "utf-8");
    CHECK(page.headings == std::vector<std::string>{"Informasi Berkala"});
    REQUIRE(page.links.size() == 5);

    const PageLink& profil = page.links[0];
    CHECK(profil.href == "uploads/profil.pdf");
    CHECK(profil.element == "a");
    CHECK(profil.anchor_text == "Unduh");
    CHECK(profil.heading == "Informasi Berkala");
    CHECK(profil.group == "PROFIL");
    CHECK(profil.context == "1 Profil Singkat KPU Kabupaten Sidomulyo 12 Januari 2023 Unduh");
    CHECK(profil.context_kind == ContextKind::table_row);
    CHECK_FALSE(profil.placeholder);

    const PageLink& keuangan = link_to(page, "/dokumen/lk-2022.pdf");
    CHECK(keuangan.anchor_text == "Unduh");
    CHECK(keuangan.group == "KEUANGAN");
    CHECK(keuangan.context == "2 Laporan Keuangan Tahun 2022 29 Agustus 2023 Unduh");

    // Inline elements join words; an empty cell adds no double space; an image-only link takes the alt.
    const PageLink& lra = link_to(page, "uploads/LRA.xlsx");
    CHECK(lra.anchor_text == "Download");
    CHECK(lra.group == "KEUANGAN");
    CHECK(lra.context == "3 LAPORAN REALISASI ANGGARAN SEMESTER I");

    // A row whose only non-empty cell is not the first still is a group row; both links share the row.
    const PageLink& sirup = link_to(page, "https://sirup.lkpp.go.id/x");
    const PageLink& rup = link_to(page, "uploads/rup.pdf");
    CHECK(sirup.group == "PENGADAAN");
    CHECK(rup.group == "PENGADAAN");
    CHECK(sirup.context == "4 RUP 2023 2023-01-16 Lihat | Unduh");
    CHECK(rup.context == sirup.context);
    CHECK(sirup.anchor_text == "Lihat");
}

TEST_CASE("column header rows, link rows and single-column tables are no group rows", "[page_links]") {
    const PageAnalysis page = html(R"(
<table>
 <tr><th>No</th><th>Dokumen</th><th>Unduh</th></tr>
 <tr><td>1</td><td>SK PPID</td><td><a href="sk.pdf">Unduh</a></td></tr>
</table>
<table>
 <tr><td><a href="a.pdf">Laporan A</a></td></tr>
 <tr><td><a href="b.pdf">Laporan B</a></td></tr>
 <tr><td colspan="2"><a href="#keuangan" data-toggle="collapse">Keuangan</a></td></tr>
 <tr><td><a href="c.pdf">Laporan C</a></td></tr>
</table>)");
    CHECK(link_to(page, "sk.pdf").group.empty());
    CHECK(link_to(page, "a.pdf").group.empty());
    CHECK(link_to(page, "b.pdf").group.empty());
    // An accordion toggle to an in-page fragment does not stop a row from grouping.
    CHECK(link_to(page, "c.pdf").group == "Keuangan");
}

TEST_CASE("a nested table keeps its own group rows and falls back on the outer table's", "[page_links]") {
    const PageAnalysis page = html(R"(
<table>
 <tr><td colspan="2">INFORMASI SERTA MERTA</td></tr>
 <tr><td>Bencana</td><td>
   <table>
     <tr><td>1</td><td>Peta rawan</td><td><a href="peta.pdf">Unduh</a></td></tr>
     <tr><th colspan="3">LAIN-LAIN</th></tr>
     <tr><td>2</td><td>Posko</td><td><a href="posko.pdf">Unduh</a></td></tr>
   </table></td></tr>
 <tr><td>Tahapan</td><td><a href="tahapan.pdf">Unduh</a></td></tr>
</table>)");
    const PageLink& peta = link_to(page, "peta.pdf");
    CHECK(peta.group == "INFORMASI SERTA MERTA");
    CHECK(peta.context == "1 Peta rawan Unduh");
    CHECK(peta.context_kind == ContextKind::table_row);
    CHECK(link_to(page, "posko.pdf").group == "LAIN-LAIN");
    // The inner table's group row is not the outer table's.
    const PageLink& tahapan = link_to(page, "tahapan.pdf");
    CHECK(tahapan.group == "INFORMASI SERTA MERTA");
    CHECK(tahapan.context == "Tahapan Unduh");
}

TEST_CASE("an \"unduh disini\" link in a news post takes its paragraph", "[page_links]") {
    const PageAnalysis page = html(R"(
<article><h1 class="entry-title">Maklumat Pelayanan KPU Kabupaten Sidomulyo</h1>
<div class="meta">Selasa, 29 Agustus 2023</div>
<p>Sidomulyo &#8211; KPU Kabupaten Sidomulyo menetapkan maklumat pelayanan informasi publik.</p>
<p>Maklumat pelayanan dapat diunduh <a href="/uploads/maklumat.pdf" rel="noopener NoFollow">disini</a>.</p>
<div class="share">Bagikan: <a href="https://facebook.com/share">Facebook</a></div>
</article>)");
    CHECK(page.title == "Maklumat Pelayanan KPU Kabupaten Sidomulyo");
    const PageLink& maklumat = link_to(page, "/uploads/maklumat.pdf");
    CHECK(maklumat.anchor_text == "disini");
    CHECK(maklumat.context == "Maklumat pelayanan dapat diunduh disini.");
    CHECK(maklumat.context_kind == ContextKind::paragraph);
    CHECK(maklumat.heading == "Maklumat Pelayanan KPU Kabupaten Sidomulyo");
    CHECK(maklumat.nofollow);
    const PageLink& share = link_to(page, "https://facebook.com/share");
    CHECK(share.context == "Bagikan: Facebook");
    CHECK(share.context_kind == ContextKind::block);
    CHECK_FALSE(share.nofollow);
}

TEST_CASE("a nested menu gives each entry its parent item's own text as group, and no context", "[page_links]") {
    const PageAnalysis page = html(R"html(
<nav><ul class="menu">
 <li><a href="/">Beranda</a></li>
 <li class="dropdown"><a href="#">PPID <i class="caret"></i></a>
   <ul class="sub-menu">
     <li><a href="/page/read/profil-ppid">Profil PPID</a></li>
     <li><a href="javascript:void(0)">SOP Pelayanan Informasi</a></li>
     <li><span>Informasi Publik</span>
       <ul><li><a href="/page/read/informasi-berkala">Informasi Berkala</a></ul>
   </ul>
 <li><a href="https://jdih.kpu.go.id/">JDIH</a>
</ul></nav>)html");
    const PageLink& beranda = link_to(page, "/");
    CHECK(beranda.group.empty());
    CHECK(beranda.context.empty());  // navigation is no context (link_context.hpp)
    CHECK(beranda.context_kind == ContextKind::none);
    const PageLink& toggle = link_to(page, "#");
    CHECK(toggle.placeholder);
    CHECK(toggle.anchor_text == "PPID");
    const PageLink& profil = link_to(page, "/page/read/profil-ppid");
    CHECK(profil.group == "PPID");
    CHECK(profil.context.empty());
    const PageLink& sop = link_to(page, "javascript:void(0)");
    CHECK(sop.placeholder);
    CHECK(sop.group == "PPID");
    // Unclosed li and ul: the parser closes them where a browser would.
    CHECK(link_to(page, "/page/read/informasi-berkala").group == "Informasi Publik");
    CHECK(link_to(page, "https://jdih.kpu.go.id/").group.empty());
}

TEST_CASE("placeholder links are the ones that go nowhere", "[page_links]") {
    CHECK(is_placeholder_href(""));
    CHECK(is_placeholder_href("   "));
    CHECK(is_placeholder_href("#"));
    CHECK(is_placeholder_href(" # "));
    CHECK(is_placeholder_href("javascript:void(0)"));
    CHECK(is_placeholder_href("javascript:;"));
    CHECK(is_placeholder_href("  JAVASCRIPT :void(0);"));
    CHECK(is_placeholder_href("java\tscript:alert(1)"));
    CHECK(is_placeholder_href("about:blank"));
    CHECK_FALSE(is_placeholder_href("#top"));
    CHECK_FALSE(is_placeholder_href("javascript.pdf"));
    CHECK_FALSE(is_placeholder_href("/uploads/javascript:x.pdf"));
    CHECK_FALSE(is_placeholder_href("dokumen.pdf"));

    const PageAnalysis page = html(R"(<p>Struktur PPID <a href="">Lihat</a> <a href>Lihat</a>
<a href="  JAVASCRIPT: void(0) ">SOP</a> <a href="#">Unduh</a> <a name="anchor">no href</a>
<a href="#bagian-2">Bagian 2</a></p>)");
    REQUIRE(page.links.size() == 5);
    CHECK(page.links[0].placeholder);
    CHECK(page.links[0].href.empty());
    CHECK(page.links[1].placeholder);
    CHECK(page.links[2].placeholder);
    CHECK(page.links[2].href == "JAVASCRIPT: void(0)");
    CHECK(page.links[3].placeholder);
    CHECK(page.links[3].context == "Struktur PPID Lihat Lihat SOP Unduh no href Bagian 2");
    CHECK_FALSE(page.links[4].placeholder);
}

TEST_CASE("embedded PDF viewers, frames and objects are links too", "[page_links]") {
    const PageAnalysis page = html(R"(
<h3>Laporan Kinerja 2022</h3>
<div class="pdf-viewer"><iframe src="https://docs.google.com/viewer?url=https%3A%2F%2Fkpu.go.id%2Flkjip.pdf&amp;embedded=true"
  title="LKjIP 2022" width="100%"></iframe></div>
<p><embed src="/uploads/renstra.pdf" type="application/pdf"></p>
<object data="/uploads/dipa.pdf" type="application/pdf"><a href="/uploads/dipa.pdf">Unduh DIPA</a></object>
<video><source src="/uploads/sosialisasi.mp4" type="video/mp4"></video>
<map name="m"><area shape="rect" href="/peta.pdf" alt="Peta TPS"></map>
<frameset><frame src="/menu.html"></frameset>)");
    const PageLink& viewer = page.links.at(0);
    CHECK(viewer.element == "iframe");
    CHECK(viewer.href == "https://docs.google.com/viewer?url=https%3A%2F%2Fkpu.go.id%2Flkjip.pdf&embedded=true");
    CHECK(viewer.anchor_text == "LKjIP 2022");
    CHECK(viewer.heading == "Laporan Kinerja 2022");
    CHECK(viewer.context_kind == ContextKind::block);
    CHECK(link_to(page, "/uploads/renstra.pdf").element == "embed");
    CHECK(link_to(page, "/uploads/renstra.pdf").context_kind == ContextKind::paragraph);
    // The object and its fallback link both point at the document.
    REQUIRE(page.links.at(2).element == "object");
    CHECK(page.links.at(2).href == "/uploads/dipa.pdf");
    CHECK(page.links.at(3).element == "a");
    CHECK(page.links.at(3).anchor_text == "Unduh DIPA");
    CHECK(link_to(page, "/uploads/sosialisasi.mp4").element == "source");
    CHECK(link_to(page, "/peta.pdf").element == "area");
    CHECK(link_to(page, "/peta.pdf").anchor_text == "Peta TPS");
    CHECK(link_to(page, "/menu.html").element == "frame");
}

TEST_CASE("anchor text falls back on image alts, aria-label and title", "[page_links]") {
    const PageAnalysis page = html(R"(<div>
<a href="a.pdf"><img src="pdf.png" alt="Unduh"> <img src="x.png" alt=" PDF "></a>
<a href="b.pdf" title="Laporan B"><img src="pdf.png"></a>
<a href="c.pdf" aria-label="Laporan C" title="ignored"><i class="fa fa-download"></i></a>
<a href="d.pdf" title="ignored">  Laporan&nbsp;D
  2023 </a>
<a href="e.pdf"><script>document.write("x")</script><style>a{}</style></a>
</div>)");
    CHECK(link_to(page, "a.pdf").anchor_text == "Unduh PDF");
    CHECK(link_to(page, "b.pdf").anchor_text == "Laporan B");
    CHECK(link_to(page, "c.pdf").anchor_text == "Laporan C");
    CHECK(link_to(page, "d.pdf").anchor_text == "Laporan D 2023");
    CHECK(link_to(page, "e.pdf").anchor_text.empty());
}

TEST_CASE("script, style and template hold no text and no links; noscript is content", "[page_links]") {
    const PageAnalysis page = html(R"(<div id="x">Dokumen
<script>var s = '<a href="script.pdf">x</a>';</script>
<style>.a { content: "<a href='style.pdf'>" }</style>
<template><a href="template.pdf">T</a></template>
<noscript><a href="fallback.pdf">Unduh berkas</a></noscript>
</div>)");
    REQUIRE(page.links.size() == 1);
    CHECK(page.links[0].href == "fallback.pdf");
    CHECK(page.links[0].context == "Dokumen Unduh berkas");
}

TEST_CASE("headings come in document order and a link in a heading takes it", "[page_links]") {
    const PageAnalysis page = html(R"(<title></title>
<header><a href="/">Beranda</a></header>
<h1>KPU   Kabupaten <em>Sidomulyo</em></h1>
<div class="widget"><h3>Berita <strong>Terkini</strong></h3>
 <div class="card"><h4><a href="/blog/read/pleno">Rapat Pleno DPSHP</a></h4>
   <span>19 Agt 2023</span> <a href="/blog/read/pleno#more">Selengkapnya</a></div></div>
<h2> </h2><h5><img src="logo.png" alt="logo"></h5>
<p><strong>Informasi Berkala</strong></p><p><a href="x.pdf">Unduh</a></p>
<svg><title>ikon</title></svg>)");
    CHECK(page.title == "KPU Kabupaten Sidomulyo");  // an empty <title>: the first h1
    CHECK(page.headings == std::vector<std::string>{"KPU Kabupaten Sidomulyo", "Berita Terkini", "Rapat Pleno DPSHP"});
    CHECK(link_to(page, "/").heading.empty());
    CHECK(link_to(page, "/blog/read/pleno").heading == "Rapat Pleno DPSHP");
    CHECK(link_to(page, "/blog/read/pleno").context == "Rapat Pleno DPSHP 19 Agt 2023 Selengkapnya");
    CHECK(link_to(page, "/blog/read/pleno#more").heading == "Rapat Pleno DPSHP");
    // Empty headings change nothing; strong is no heading.
    CHECK(link_to(page, "x.pdf").heading == "Rapat Pleno DPSHP");
}

TEST_CASE("an inline SVG's title is not the page's", "[page_links]") {
    const PageAnalysis page = html(R"(<body><svg><title>ikon unduh</title></svg><h1>Regulasi</h1></body>)");
    CHECK(page.title == "Regulasi");
}

TEST_CASE("Windows-1252 pages are decoded from the header, the meta tag or by their bytes", "[page_links]") {
    // "Pengumuman – Hasil Seleksi" with an en dash and "Rekapitulasi “DPT”" with quotes, in Windows-1252.
    const std::string body =
        "<html><head><title>Pengumuman \x96 Hasil Seleksi</title></head><body>"
        "<p>Rekapitulasi \x93"
        "DPT\x94 <a href='dpt.pdf'>Unduh</a></p></body></html>";
    const std::string dash = "\xE2\x80\x93", open = "\xE2\x80\x9C", close = "\xE2\x80\x9D";

    SECTION("charset in the Content-Type header") {
        const PageAnalysis page = analyse_page(body, "text/html; charset=\"Windows-1252\"");
        CHECK(page.charset == "windows-1252");
        CHECK(page.title == "Pengumuman " + dash + " Hasil Seleksi");
        CHECK(page.links.at(0).context == "Rekapitulasi " + open + "DPT" + close + " Unduh");
    }
    SECTION("charset only in a http-equiv meta, after other head elements") {
        const std::string with_meta =
            "<html><head><link rel=stylesheet href=s.css><META HTTP-EQUIV=\"Content-Type\" "
            "CONTENT=\"text/html; charset=iso-8859-1\">" +
            body.substr(12);
        const PageAnalysis page = analyse_page(with_meta, "text/html");
        CHECK(page.charset == "windows-1252");  // as browsers read iso-8859-1
        CHECK(page.title == "Pengumuman " + dash + " Hasil Seleksi");
    }
    SECTION("no declaration, bytes not valid UTF-8") {
        const PageAnalysis page = analyse_page(body, "");
        CHECK(page.charset == "windows-1252");
        CHECK(page.title == "Pengumuman " + dash + " Hasil Seleksi");
    }
    SECTION("the header wins over the meta tag") {
        const std::string utf8 = "<meta charset=windows-1252><title>Caf\xC3\xA9</title>";
        CHECK(analyse_page(utf8, "text/html;charset=utf-8").title == "Caf\xC3\xA9");
        CHECK(analyse_page(utf8, "text/html").title == "Caf\xC3\x83\xC2\xA9");
        CHECK(analyse_page(utf8, "text/html").charset == "windows-1252");
    }
}

TEST_CASE("every text is valid UTF-8 whatever the bytes", "[page_links]") {
    SECTION("UTF-8 declared, bytes broken") {
        const PageAnalysis page = analyse_page("<title>Laporan \xFF\xFE 2023</title><a href='a\x80.pdf'>x\xC3</a>",
                                               "text/html; charset=UTF-8");
        CHECK(page.charset == "utf-8");
        CHECK(util::is_valid_utf8(page.title));
        CHECK(page.title.find("Laporan") == 0);
        REQUIRE(page.links.size() == 1);
        CHECK(util::is_valid_utf8(page.links[0].href));
        CHECK(util::is_valid_utf8(page.links[0].anchor_text));
    }
    SECTION("a byte-order mark wins over the header") {
        const PageAnalysis page =
            analyse_page("\xEF\xBB\xBF<title>Caf\xC3\xA9</title>", "text/html; charset=windows-1252");
        CHECK(page.charset == "utf-8");
        CHECK(page.title == "Caf\xC3\xA9");
    }
    SECTION("UTF-16 with a byte-order mark") {
        static const char bytes[] = "\xFF\xFE<\0t\0i\0t\0l\0e\0>\0O\0K\0";
        const std::string utf16le(bytes, sizeof bytes - 1);
        const PageAnalysis page = analyse_page(utf16le, "text/html");
        CHECK(page.charset == "utf-16le");
        CHECK(page.title == "OK");
    }
    SECTION("another charset iconv knows; an unknown label is passed over") {
        CHECK(analyse_page("<title>\xA4uro</title>", "text/html; charset=ISO-8859-15").title == "\xE2\x82\xACuro");
        CHECK(analyse_page("<title>\xA4uro</title>", "text/html; charset=ISO-8859-15").charset == "iso-8859-15");
        const PageAnalysis unknown = analyse_page("<title>Caf\xC3\xA9</title>", "text/html; charset=x-no-such-thing");
        CHECK(unknown.charset == "utf-8");
        CHECK(unknown.title == "Caf\xC3\xA9");
    }
    SECTION("NUL bytes, nothing at all") {
        static const char bytes[] = "<title>A\0B</title><a href=x>y</a>";
        const PageAnalysis page = analyse_page(std::string(bytes, sizeof bytes - 1), "text/html");
        CHECK(page.title == "A B");
        CHECK(page.links.size() == 1);
        CHECK(analyse_page("", "text/html").links.empty());
        CHECK(analyse_page("not html at all", "").title.empty());
    }
}

TEST_CASE("unclosed and misnested tags are read as a browser would", "[page_links]") {
    const PageAnalysis page = html(R"(<html><body><div class=content>
<h3>Regulasi
<table><tr><td>1<td>PKPU 22/2023<td>1 November 2023<td><a href=pkpu-22.pdf>Unduh</a>
<tr><td>2<td><b>Perki 1/2021<td>12 Februari 2021<td><a href=perki.pdf>Unduh</a>
</table>
<p>Catatan: <i>lihat juga <a href=jdih.html>JDIH</a>
<p>Paragraf kedua <a href=dua.pdf>dua</a>
</div>)");
    CHECK(page.headings.at(0).find("Regulasi") == 0);
    CHECK(link_to(page, "pkpu-22.pdf").context == "1 PKPU 22/2023 1 November 2023 Unduh");
    CHECK(link_to(page, "pkpu-22.pdf").context_kind == ContextKind::table_row);
    CHECK(link_to(page, "perki.pdf").context == "2 Perki 1/2021 12 Februari 2021 Unduh");
    CHECK(link_to(page, "jdih.html").context == "Catatan: lihat juga JDIH");
    CHECK(link_to(page, "dua.pdf").context == "Paragraf kedua dua");
    CHECK(link_to(page, "dua.pdf").context_kind == ContextKind::paragraph);
}

TEST_CASE("base href, meta refresh and robots meta are read", "[page_links]") {
    const PageAnalysis page = html(R"(<head><base href="  http://kab-sidomulyo.kpu.go.id/index.php/ ">
<base href="http://second.example/">
<meta http-equiv="Refresh" content="0; URL='/ppid/index.html'">
<meta name="ROBOTS" content="NoIndex, follow"></head>)");
    CHECK(page.base_href == "http://kab-sidomulyo.kpu.go.id/index.php/");
    CHECK(page.meta_refresh == "/ppid/index.html");
    CHECK(page.robots_noindex);
    CHECK_FALSE(page.robots_nofollow);

    const auto refresh = [](const std::string& content) {
        return html("<meta http-equiv=refresh content=\"" + content + "\">").meta_refresh;
    };
    CHECK(refresh("5;url=http://x.example/a b") == "http://x.example/a b");
    CHECK(refresh("0 ; url = beranda.html") == "beranda.html");
    CHECK(refresh("3, next.html") == "next.html");
    CHECK(refresh("30").empty());
    CHECK(refresh("url=no-delay.html").empty());
    const PageAnalysis none = html(R"(<meta name="robots" content="none"><base target="_blank">)");
    CHECK(none.robots_noindex);
    CHECK(none.robots_nofollow);
    CHECK(none.base_href.empty());
    CHECK(html("<p>nothing</p>").meta_refresh.empty());
}

TEST_CASE("long contexts are cut at a word boundary", "[page_links]") {
    std::string words;
    for (int i = 0; i < 200; ++i) words += "kata" + std::to_string(i % 10) + " ";
    SECTION("a huge row") {
        const PageAnalysis page =
            html("<table><tr><td>1</td><td>" + words + "</td><td><a href=x.pdf>Unduh</a></td></tr></table>");
        const PageLink& link = link_to(page, "x.pdf");
        CHECK(link.context_kind == ContextKind::table_row);
        CHECK(link.context.size() <= 400);
        CHECK(link.context.size() > 390);
        // A window around the link at the row's end, whole words only: a suffix of the row's text
        // that starts a word.
        const std::string row = "1 " + words + "Unduh";
        REQUIRE(link.context.size() < row.size());
        CHECK(row.compare(row.size() - link.context.size(), std::string::npos, link.context) == 0);
        CHECK(row[row.size() - link.context.size() - 1] == ' ');
    }
    SECTION("one word longer than the cut, in multi-byte characters") {
        std::string long_word;
        for (int i = 0; i < 500; ++i) long_word += "\xC3\xA9";
        const PageAnalysis page = html("<p>" + long_word + " <a href=y.pdf>Unduh</a></p>");
        const PageLink& link = link_to(page, "y.pdf");
        // The window keeps the word's end (cut inside it, as it has no boundary) and the link.
        CHECK(link.context == long_word.substr(0, 2 * 393) + " Unduh");
        CHECK(util::is_valid_utf8(link.context));
    }
    SECTION("a layout table: the paragraph inside the overlong row is the context") {
        const PageAnalysis page =
            html("<table><tr><td><ul><li>Menu</li></ul>" + words +
                 "</td><td><p>Berita acara dapat diunduh <a href=ba.pdf>disini</a></p>"
                 "<div>Pengumuman <span><a href=peng.pdf>Unduh</a></span></div></td></tr></table>");
        CHECK(link_to(page, "ba.pdf").context == "Berita acara dapat diunduh disini");
        CHECK(link_to(page, "ba.pdf").context_kind == ContextKind::paragraph);
        CHECK(link_to(page, "peng.pdf").context == "Pengumuman Unduh");
        CHECK(link_to(page, "peng.pdf").context_kind == ContextKind::block);
    }
}

TEST_CASE("at most max_links links are kept", "[page_links]") {
    std::string body;
    for (int i = 0; i < 30; ++i) body += "<a href=\"d" + std::to_string(i) + ".pdf\">Unduh</a>";
    const PageAnalysis page = analyse_page(body, "text/html", 10);
    REQUIRE(page.links.size() == 10);
    CHECK(page.links.back().href == "d9.pdf");
    CHECK(page.links_dropped == 20);
    CHECK(page.links[0].context_kind == ContextKind::none);
    CHECK(page.links[0].context.empty());
}

TEST_CASE("hrefs are decoded and trimmed, line breaks inside them dropped", "[page_links]") {
    const PageAnalysis page = html(
        "<a href=\"\n  /uploads/RENSTRA%202020-2024.pdf?a=1&amp;b=2\n\">R</a>"
        "<a href=\"/uploads/Laporan\n Keuangan.pdf\">L</a>");
    CHECK(page.links.at(0).href == "/uploads/RENSTRA%202020-2024.pdf?a=1&b=2");
    CHECK(page.links.at(1).href == "/uploads/Laporan Keuangan.pdf");
}

TEST_CASE("deep nesting and many links in one row stay fast and safe", "[page_links]") {
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "<div><span>";
    deep += "<a href=deep.pdf>Unduh</a>";
    const PageAnalysis nested = html(deep);
    CHECK(link_to(nested, "deep.pdf").context_kind == ContextKind::block);

    std::string row = "<table><tr><td>Arsip</td><td>";
    for (int i = 0; i < 5000; ++i)
        row += "<a href=\"a" + std::to_string(i) + ".pdf\">Unduh " + std::to_string(i) + "</a> ";
    const PageAnalysis wide = html(row + "</td></tr></table>");
    REQUIRE(wide.links.size() == 5000);
    // The row is too long, and no paragraph or div is inside it: a window of the row around the link.
    CHECK(wide.links[4999].context_kind == ContextKind::table_row);
    CHECK(wide.links[4999].context.find("Unduh 4998 Unduh 4999") != std::string::npos);
    CHECK(wide.links[4999].context.size() <= 400);
}

TEST_CASE("a short row beats the paragraphs and lists inside its cells", "[page_links]") {
    const PageAnalysis page = html(R"(<table>
<tr><td colspan="3"><p><b>A. INFORMASI SETIAP SAAT</b></p></td></tr>
<tr><td><p>1.</p></td><td><p>SK PPID 2021</p></td><td><p><a href="sk.pdf">Unduh</a></p></td></tr>
<tr><td>2.</td><td>Laporan</td><td><ul><li><a href="2021.pdf">2021</a></li><li><a href="2022.pdf">2022</a></li></ul></td></tr>
</table>)");
    const PageLink& sk = link_to(page, "sk.pdf");
    CHECK(sk.context == "1. SK PPID 2021 Unduh");
    CHECK(sk.context_kind == ContextKind::table_row);
    CHECK(sk.group == "A. INFORMASI SETIAP SAAT");
    // A list inside a cell is nearer than the row; the table's group still applies.
    const PageLink& laporan = link_to(page, "2022.pdf");
    CHECK(laporan.context == "2022");
    CHECK(laporan.context_kind == ContextKind::list_item);
    CHECK(laporan.group == "A. INFORMASI SETIAP SAAT");
}

TEST_CASE("arbitrary bytes never break the reading", "[page_links]") {
    std::uint32_t state = 12345;
    const auto next = [&state] {
        state = state * 1103515245u + 12345u;
        return static_cast<char>((state >> 16) & 0xFF);
    };
    const std::string pieces[] = {"<a href=", "<table>", "<tr>", "<td colspan=2>", "<li>", "<ul>", "<p>",
                                  "</a>",     "<h2>",    "<!--", "<script>",       "\"",   "'",    "<meta charset=x>"};
    for (int round = 0; round < 200; ++round) {
        std::string body;
        for (int i = 0; i < 300; ++i) {
            const auto choice = static_cast<unsigned char>(next());
            if (choice < 40)
                body += pieces[choice % (sizeof pieces / sizeof pieces[0])];
            else
                body += next();
        }
        const PageAnalysis page = analyse_page(body, round % 2 == 0 ? "text/html" : "text/html; charset=utf-8");
        REQUIRE(util::is_valid_utf8(page.title));
        for (const PageLink& link : page.links) {
            REQUIRE(util::is_valid_utf8(link.href));
            REQUIRE(util::is_valid_utf8(link.context));
            REQUIRE(util::is_valid_utf8(link.group));
            REQUIRE(util::is_valid_utf8(link.anchor_text));
        }
    }
}

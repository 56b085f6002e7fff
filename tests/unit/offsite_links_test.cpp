#include <ppid/offsite_links.hpp>

#include <catch2/catch.hpp>

using namespace ppid;

TEST_CASE("a link to another site is a file, a shared file, a form, a short link or a page", "[offsite-links]") {
    CHECK(offsite_target("https://jdih.kpu.go.id/data/data_pkpu/2023pkpu022.pdf") == OffsiteTarget::file);
    CHECK(offsite_target("https://x.go.id/files/DIP%202024.XLSX?download=1") == OffsiteTarget::file);
    CHECK(offsite_target("https://drive.google.com/file/d/1LhKpN/view?usp=sharing") == OffsiteTarget::shared_file);
    CHECK(offsite_target("https://drive.google.com/uc?export=download&id=1LhKpN") == OffsiteTarget::shared_file);
    CHECK(offsite_target("https://docs.google.com/spreadsheets/d/1/edit#gid=0") == OffsiteTarget::shared_file);
    CHECK(offsite_target("https://drive.google.com/drive/folders/1AbC") == OffsiteTarget::page);
    CHECK(offsite_target("https://forms.gle/AbC123") == OffsiteTarget::form);
    CHECK(offsite_target("https://docs.google.com/forms/d/e/1FAIpQL/viewform") == OffsiteTarget::form);
    CHECK(offsite_target("https://s.id/DIP-KPU-2024") == OffsiteTarget::short_link);
    CHECK(offsite_target("https://bit.ly/3xYz") == OffsiteTarget::short_link);
    CHECK(offsite_target("https://accounts.google.com/ServiceLogin?continue=https://drive.google.com/x") ==
          OffsiteTarget::sign_in);
    CHECK(offsite_target("https://ppid.example.go.id/user/login?destination=/dokumen") == OffsiteTarget::sign_in);
    CHECK(offsite_target("https://ppid.example.go.id/wp-login.php?redirect_to=x") == OffsiteTarget::sign_in);
    CHECK(offsite_target("https://www.instagram.com/kpu_ri/") == OffsiteTarget::page);
    CHECK(offsite_target("https://x.go.id/v1.2/daftar") == OffsiteTarget::page);
    CHECK(offsite_target("mailto:ppid@kpu.go.id") == OffsiteTarget::page);
    CHECK(offsite_target("not a url") == OffsiteTarget::page);
}

TEST_CASE("a crawl checking documents only asks for files, forms and short links", "[offsite-links]") {
    CHECK(is_checked_as_document(OffsiteTarget::file));
    CHECK(is_checked_as_document(OffsiteTarget::shared_file));
    CHECK(is_checked_as_document(OffsiteTarget::form));
    CHECK(is_checked_as_document(OffsiteTarget::short_link));
    CHECK_FALSE(is_checked_as_document(OffsiteTarget::page));
    CHECK_FALSE(is_checked_as_document(OffsiteTarget::sign_in));
}

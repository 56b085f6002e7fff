#include <ppid/check_action.hpp>
#include <ppid/date_names.hpp>

namespace ppid {

std::string written_date(date::sys_days day, Language language) {
    const date::year_month_day ymd{day};
    const auto month = static_cast<unsigned>(ymd.month()) - 1;
    return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
           std::string(language == Language::id ? date_names::indonesian_months[month]
                                                : date_names::english_months[month]) +
           " " + std::to_string(static_cast<int>(ymd.year()));
}

namespace {

std::string status_action(const ChecklistItem& item, const Judgement& judgement, const std::string& reason,
                          Language language) {
    const bool id = language == Language::id;
    const std::string& what = id ? item.upload : item.upload_en;
    const bool yearly = item.cycle.kind == UpdateCycle::Kind::yearly;
    const std::string year = std::to_string(judgement.year);
    const std::string due = judgement.next_due ? written_date(*judgement.next_due, language) : "";
    switch (judgement.status) {
        case ItemStatus::not_applicable:
            return id ? "Tidak perlu diunggah: " + reason + "." : "Nothing to upload: " + reason + ".";
        case ItemStatus::ok:
            if (!judgement.next_due) return id ? "Tidak ada yang perlu diunggah." : "Nothing to upload.";
            if (yearly)
                return id ? "Tidak ada yang perlu diunggah sekarang; " + what + " tahun " + year + " paling lambat " + due + "."
                          : "Nothing to upload now; " + what + " for " + year + " is due by " + due + ".";
            return id ? "Tidak ada yang perlu diunggah sekarang; perbarui " + what + " paling lambat " + due + "."
                      : "Nothing to upload now; renew " + what + " by " + due + ".";
        case ItemStatus::not_due:
            return id ? "Siapkan " + what + " tahun " + year + "; batas unggahnya " + due + "."
                      : "Prepare " + what + " for " + year + "; it is due by " + due + ".";
        case ItemStatus::missing:
            if (yearly)
                return id ? "Unggah " + what + " tahun " + year + " ke laman PPID (batasnya " + due + ")."
                          : "Upload " + what + " for " + year + " to the PPID pages (it was due by " + due + ").";
            return id ? "Unggah " + what + " ke laman PPID." : "Upload " + what + " to the PPID pages.";
        case ItemStatus::broken:
            return id ? "Perbaiki tautannya atau unggah ulang " + what + ": tidak satu pun dokumen yang ditemukan dapat dibuka."
                      : "Fix the links or upload " + what + " again: none of the documents found can be opened.";
        case ItemStatus::stale:
            if (judgement.undated)
                return id ? "Unggah " + what + " dengan periode atau tanggal pada judulnya: tidak ada dokumen yang menyebutkan periodenya."
                          : "Upload " + what + " with its period or date in the title: no document says what it covers.";
            if (yearly)
                return id ? "Unggah " + what + " tahun " + year + " (batasnya " + due + "); yang ada di laman baru " +
                                judgement.latest->text + "."
                          : "Upload " + what + " for " + year + " (it was due by " + due + "); the newest on the site is " +
                                judgement.latest->text + ".";
            return id ? "Unggah " + what + " untuk periode terbaru; yang ada di laman baru sampai " + judgement.latest->text +
                            " (seharusnya diperbarui paling lambat " + due + ")."
                      : "Upload " + what + " for the latest period; the newest on the site covers " + judgement.latest->text +
                            " (it should have been renewed by " + due + ").";
    }
    return {};
}

}  // namespace

std::string item_action(const ChecklistItem& item, const Judgement& judgement, const std::string& reason,
                        const MentionFacts& mentions, Language language) {
    const bool id = language == Language::id;
    std::string action = status_action(item, judgement, reason, language);
    const bool unpublished = judgement.status == ItemStatus::missing || judgement.status == ItemStatus::broken;
    if (unpublished && !mentions.dead_link.empty() && mentions.dead_link == mentions.page)
        action += id ? " Laman " + mentions.page + " menyebutnya, tetapi tidak dapat dibuka; perbaiki laman itu."
                     : " " + mentions.page + " names it but cannot be opened; fix that page.";
    else if (unpublished && !mentions.dead_link.empty())
        action += id ? " Laman " + mentions.page + " menyebutnya, tetapi tautannya ke dokumen mati: " + mentions.dead_link +
                           "; perbaiki tautan itu."
                     : " " + mentions.page + " mentions it, but its link to the document is dead: " + mentions.dead_link +
                           "; fix that link.";
    else if (unpublished && mentions.unopened)
        action += id ? " Ada tautan ke berkasnya di situs lain, tetapi tidak dibuka (tidak diperiksa, atau tidak terjangkau dari "
                           "sini): " + mentions.page +
                           ". Buka untuk memastikan, atau jalankan ppid-crawl dengan --check-external-documents (ppid-daily "
                           "melakukannya)."
                     : " A link to its file on another site was not opened (not checked, or not reachable from here): " + mentions.page +
                           ". Open it to confirm, or crawl with --check-external-documents (ppid-daily does).";
    else if (unpublished && !mentions.page.empty())
        action += id ? " Saat ini hanya disebut di " + mentions.page + ", belum diterbitkan sebagai dokumen atau laman tersendiri."
                     : " Today it is only mentioned at " + mentions.page + ", not published as a document or a page of its own.";
    const bool dated = judgement.next_due && item.cycle.kind == UpdateCycle::Kind::yearly &&
                       judgement.status != ItemStatus::not_applicable;
    if (dated && item.cycle.assumed)
        action += id ? " Batas tanggal ini asumsi ppid-check, bukan ketentuan peraturan" +
                           (item.cycle.grace_days ? "; tenggangnya " + std::to_string(item.cycle.grace_days) + " hari." : std::string("."))
                     : " This due date is ppid-check's assumption, not a regulation's" +
                           (item.cycle.grace_days ? "; it allows " + std::to_string(item.cycle.grace_days) + " days' grace." : std::string("."));
    return action;
}

}  // namespace ppid

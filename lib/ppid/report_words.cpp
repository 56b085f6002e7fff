#include <ppid/report_words.hpp>
#include <ppid/util/iso_date.hpp>
#include <ppid/util/timestamp.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

namespace ppid {

namespace {

struct Words {
    std::string_view key, id, en;
};

template <std::size_t N>
std::string look_up(const Words (&words)[N], const std::string& key, Language language) {
    for (const Words& word : words)
        if (word.key == key) return say(language, word.id, word.en);
    return key;
}

constexpr Words item_statuses[] = {
    {"missing", "Belum ada", "Missing"},
    {"broken", "Rusak", "Broken"},
    {"stale", "Kedaluwarsa", "Out of date"},
    {"not_due", "Belum jatuh tempo", "Not yet due"},
    {"ok", "Lengkap", "OK"},
    {"not_applicable", "Tidak berlaku", "Not applicable"},
    {"unknown", "Tidak diketahui", "Unknown"},
};

constexpr Words deadline_statuses[] = {
    {"overdue", "Lewat tenggat", "Overdue"},
    {"due_soon", "Segera jatuh tempo", "Due soon"},
    {"open", "Dalam proses", "Open"},
    {"answered_late", "Dijawab terlambat", "Answered late"},
    {"answered_on_time", "Dijawab tepat waktu", "Answered on time"},
};

// Worst first: what a visitor cannot open at all, then what opens wrong, then what is merely untidy.
constexpr Words problems[] = {
    {"http_4xx", "Tautan mati (HTTP 4xx)", "Dead link (HTTP 4xx)"},
    {"http_5xx", "Galat server (HTTP 5xx)", "Server error (HTTP 5xx)"},
    {"dns", "Nama host tidak ditemukan", "Host name not found"},
    {"tls", "Sertifikat TLS bermasalah", "TLS certificate problem"},
    {"connection", "Koneksi gagal", "Connection failed"},
    {"timeout", "Waktu habis", "Timed out"},
    {"redirect_loop", "Pengalihan berputar", "Redirect loop"},
    {"login_required", "Harus masuk (login) untuk membuka", "Opens only after signing in"},
    {"robots", "Diblokir robots.txt", "Blocked by robots.txt"},
    {"too_large", "Terlalu besar", "Too large"},
    {"empty", "File kosong", "Empty file"},
    {"type_mismatch", "Jenis file tidak sesuai namanya", "File type does not match its name"},
    {"unreadable", "Tidak dapat dibaca", "Unreadable"},
    {"changed_while_read", "Berubah saat dibaca", "Changed while it was read"},
    {"extraction_failed", "Isinya tidak terbaca", "Content could not be read"},
    {"extraction_timeout", "Isinya tidak terbaca (waktu habis)", "Content not read (timed out)"},
    {"placeholder_link", "Tautan tanpa tujuan", "Link that leads nowhere"},
    {"no_text_layer", "PDF hasil pindai tanpa teks", "Scanned PDF without text"},
    {"future_date", "Bertanggal di masa depan", "Dated in the future"},
    {"duplicate", "Duplikat", "Duplicate"},
};

constexpr Words categories[] = {
    {"layanan", "Layanan informasi", "Information service"},
    {"berkala", "Informasi berkala", "Periodic information"},
    {"serta_merta", "Informasi serta merta", "Immediate information"},
    {"setiap_saat", "Informasi setiap saat", "Information available at any time"},
    {"dikecualikan", "Informasi dikecualikan", "Exempt information"},
    {"pemilu", "Informasi pemilu", "Election information"},
};

constexpr Words decisions[] = {
    {"granted", "Dikabulkan seluruhnya", "Granted in full"},
    {"partial", "Dikabulkan sebagian", "Granted in part"},
    {"rejected", "Ditolak", "Rejected"},
    {"not_held", "Informasi tidak dikuasai", "Information not held"},
    {"undecided", "Belum diputuskan", "Not decided yet"},
};

constexpr Words objection_reasons[] = {
    {"a", "a. Penolakan atas dasar pengecualian", "a. Refused as exempt information"},
    {"b", "b. Informasi berkala tidak disediakan", "b. Periodic information not provided"},
    {"c", "c. Permintaan informasi tidak ditanggapi", "c. Request not answered"},
    {"d", "d. Ditanggapi tidak sebagaimana yang diminta", "d. Answered other than as requested"},
    {"e", "e. Permintaan informasi tidak dipenuhi", "e. Request not fulfilled"},
    {"f", "f. Pengenaan biaya yang tidak wajar", "f. Unreasonable fees"},
    {"g", "g. Penyampaian melebihi jangka waktu", "g. Answer later than allowed"},
    {"unknown", "(tidak disebutkan)", "(not given)"},
};

constexpr Words changes[] = {
    {"added", "Baru", "New"},
    {"removed", "Hilang", "Removed"},
    {"changed", "Berubah", "Changed"},
};

}  // namespace

std::string item_status_label(const std::string& status, Language language) {
    return look_up(item_statuses, status, language);
}

Tone item_status_tone(const std::string& status) {
    if (status == "missing" || status == "broken") return Tone::bad;
    if (status == "stale") return Tone::warn;
    if (status == "ok") return Tone::good;
    return Tone::plain;
}

std::string deadline_status_label(const std::string& status, Language language) {
    return look_up(deadline_statuses, status, language);
}

Tone deadline_status_tone(const std::string& status) {
    if (status == "overdue" || status == "answered_late") return Tone::bad;
    if (status == "due_soon") return Tone::warn;
    if (status == "answered_on_time") return Tone::good;
    return Tone::plain;
}

std::string problem_label(const std::string& problem, Language language) {
    return look_up(problems, problem, language);
}

int problem_rank(const std::string& problem) {
    const auto found =
        std::find_if(std::begin(problems), std::end(problems), [&](const Words& word) { return word.key == problem; });
    return static_cast<int>(std::distance(std::begin(problems), found));
}

std::string category_label(const std::string& category, Language language) {
    return look_up(categories, category, language);
}

std::string decision_label(const std::string& decision, Language language) {
    return look_up(decisions, decision, language);
}

std::string objection_reason_label(const std::string& reason, Language language) {
    return look_up(objection_reasons, reason, language);
}

std::string change_label(const std::string& change, Language language) {
    return look_up(changes, change, language);
}

std::string written_iso_date(const std::string& text, Language language) {
    const auto day = util::parse_iso_date(std::string_view(text).substr(0, 10));
    return day ? written_date(*day, language) : text;
}

std::string archived_on(const std::string& timestamp, const date::time_zone* zone, Language language) {
    const auto stamp = util::parse_timestamp(timestamp);
    if (!stamp) return {};
    // A night's crawl runs after midnight in the office's zone, which is still the day before in UTC.
    const date::sys_days day = zone && stamp->utc_offset ? util::to_local(*stamp, *zone).day : stamp->day;
    return say(language, "diarsipkan ", "archived on ") + written_date(day, language);
}

ReportCell date_cell(const std::string& text, Language language) {
    ReportCell cell{written_iso_date(text, language)};
    if (util::parse_iso_date(std::string_view(text).substr(0, 10))) cell.date = text.substr(0, 10);
    return cell;
}

std::string written_number(double value, Language language, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    if (text == "-0") text = "0";
    if (language == Language::id) std::replace(text.begin(), text.end(), '.', ',');
    return text;
}

}  // namespace ppid

#include <ppid/file_title.hpp>

#include <ppid/util/ascii.hpp>
#include <ppid/util/one_of.hpp>

#include <algorithm>
#include <iterator>
#include <vector>

namespace ppid {

namespace {

using util::ascii_lowercase;
using util::is_ascii_digit;
using util::is_ascii_letter;
using util::is_non_ascii;
using util::is_one_of;

// Kept in this form whatever case the file name uses.
constexpr std::string_view abbreviations[] = {
    "APBD", "APBN",  "ASN",    "BA",    "BAST", "BMN", "BPK",   "CaLK", "DCS", "DCT",  "DIK", "DIP",  "DIPA",  "DKPP",
    "DPD",  "DPK",   "DPR",    "DPRD",  "DPS",  "DPT", "DPTb",  "HPS",  "IKU", "JDIH", "KIP", "KPPS", "KPU",   "KTP",
    "LAK",  "LAKIP", "LHKASN", "LHKPN", "LHP",  "LK",  "LKjIP", "LPE",  "LPJ", "LPSE", "LRA", "NIK",  "NPWP",  "PAW",
    "PBJ",  "PHPU",  "PKPU",   "PPDP",  "PPID", "PPK", "PPS",   "PPTK", "RAB", "RI",   "RKA", "RUP",  "SAKIP", "SK",
    "SOP",  "SP2D",  "SPJ",    "SPK",   "SPM",  "TA",  "TPS",   "UU",   "WIB", "WITA",
};
constexpr std::string_view roman_numerals[] = {"i",   "ii",   "iii", "iv", "v",  "vi",
                                               "vii", "viii", "ix",  "x",  "xi", "xii"};
// Conjunctions and prepositions, which Indonesian titles keep in lower case after the first word.
constexpr std::string_view small_words[] = {"antara", "atas",  "atau",    "bagi",    "dalam",    "dan",   "dari",
                                            "dengan", "di",    "kepada",  "ke",      "melalui",  "oleh",  "pada",
                                            "per",    "serta", "sebagai", "tentang", "terhadap", "untuk", "yang"};

bool is_small_number(std::string_view word) {
    return !word.empty() && word.size() <= 2 && std::all_of(word.begin(), word.end(), is_ascii_digit);
}

// Returns whether `word` starts with `prefix` followed by a version number: "v2", "v1.2", "rev3", "revisi2".
bool is_numbered(std::string_view word, std::string_view prefix) {
    if (word.size() <= prefix.size() || word.substr(0, prefix.size()) != prefix) return false;
    word.remove_prefix(prefix.size());
    return is_ascii_digit(word.front()) &&
           std::all_of(word.begin(), word.end(), [](char c) { return is_ascii_digit(c) || c == '.'; });
}

// Noise anywhere in a name: "final", "fix", "copy", "v2", "rev2". ("Revisi" alone is a kind of document,
// as in "Revisi DIPA", so it is noise only at the end.)
bool is_noise(std::string_view word) {
    const std::string w = ascii_lowercase(word);
    return w == "final" || w == "fix" || w == "fiks" || w == "fixed" || w == "copy" || is_numbered(w, "v") ||
           is_numbered(w, "ver") || is_numbered(w, "rev") || is_numbered(w, "revisi");
}
bool is_version_word(std::string_view word) {
    const std::string w = ascii_lowercase(word);
    return w == "rev" || w == "revisi" || w == "ver" || w == "versi" || w == "copy";
}

bool is_dotted_initials(std::string_view word) {  // "T", "T.A", "s.d"
    if (word.size() % 2 == 0) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
        if (k % 2 == 0 ? !is_ascii_letter(word[k]) : word[k] != '.') return false;
    return true;
}

// Returns the words of a name: split at spaces and '_', and at '-' and '.' except between digits ("29-08-2023")
// and in dotted initials ("T.A.", "s.d.").
std::vector<std::string> split_name(std::string_view name) {
    std::vector<std::string> words;
    std::string word;
    const auto at = [&](std::size_t k) { return k < name.size() ? name[k] : '\0'; };
    const auto is_break = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '_'; };
    for (std::size_t k = 0; k < name.size(); ++k) {
        const char c = name[k];
        bool keep = !is_break(c) && c != '-' && c != '.';
        if (c == '-' || c == '.') {
            const bool between_digits = !word.empty() && is_ascii_digit(word.back()) && is_ascii_digit(at(k + 1));
            const bool initial_follows =
                is_ascii_letter(at(k + 1)) && (at(k + 2) == '.' || at(k + 2) == '\0' || is_break(at(k + 2)));
            const bool initials_end =
                word.size() >= 3 && (at(k + 1) == '\0' || is_break(at(k + 1)) || at(k + 1) == '-');
            keep = between_digits || (c == '.' && is_dotted_initials(word) && (initial_follows || initials_end));
        }
        if (keep) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

// Returns `name` without groups in brackets that hold only noise: "(final)", "(1)", "[revisi 2]".
std::string without_noise_groups(std::string_view name) {
    std::string result;
    for (std::size_t k = 0; k < name.size(); ++k) {
        const char close = name[k] == '(' ? ')' : name[k] == '[' ? ']' : '\0';
        const std::size_t end = close ? name.find(close, k + 1) : std::string_view::npos;
        if (end != std::string_view::npos) {
            const auto inner = split_name(name.substr(k + 1, end - k - 1));
            if (std::all_of(inner.begin(), inner.end(), [](const std::string& w) {
                    return is_noise(w) || is_version_word(w) || is_small_number(w);
                })) {
                result += ' ';
                k = end;
                continue;
            }
        }
        result += name[k];
    }
    return result;
}

// Returns the words without version noise: "Copy of" in front, noise anywhere, and a trailing "rev", "revisi 2".
std::vector<std::string> without_noise(std::vector<std::string> words) {
    if (words.size() >= 2 && ascii_lowercase(words[0]) == "copy" && ascii_lowercase(words[1]) == "of")
        words.erase(words.begin(), words.begin() + 2);
    for (std::size_t k = 0; k < words.size();) {
        const std::string w = ascii_lowercase(words[k]);
        const bool numbered =
            (w == "copy" || w == "ver" || w == "versi") && k + 1 < words.size() && is_small_number(words[k + 1]);
        if (numbered || is_noise(w))
            words.erase(words.begin() + static_cast<std::ptrdiff_t>(k),
                        words.begin() + static_cast<std::ptrdiff_t>(k + 1 + numbered));
        else
            ++k;
    }
    for (;;) {  // "rev", "revisi 2", "revisi ke-3"
        std::size_t end = words.size();
        if (end > 0 && is_small_number(words[end - 1])) {
            --end;
            if (end > 0 && ascii_lowercase(words[end - 1]) == "ke") --end;
        }
        if (end == 0 || !is_version_word(words[end - 1])) break;
        words.resize(end - 1);
    }
    return words;
}

// Returns `word` as a title shows it; `first` is whether it opens the title.
std::string title_word(const std::string& word, bool first) {
    const auto is_inner = [](char c) { return is_ascii_letter(c) || is_ascii_digit(c) || is_non_ascii(c); };
    const std::size_t begin = static_cast<std::size_t>(std::find_if(word.begin(), word.end(), is_inner) - word.begin());
    const std::size_t end =
        word.size() - static_cast<std::size_t>(std::find_if(word.rbegin(), word.rend(), is_inner) - word.rbegin());
    if (begin >= end) return word;
    std::string core = word.substr(begin, end - begin);
    const std::string folded = ascii_lowercase(core);
    const auto abbreviation = std::find_if(std::begin(abbreviations), std::end(abbreviations),
                                           [&](std::string_view a) { return ascii_lowercase(a) == folded; });
    const bool has_upper = std::any_of(core.begin(), core.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    const bool has_lower = std::any_of(core.begin(), core.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    const bool plain = std::all_of(core.begin(), core.end(), [](char c) { return is_ascii_letter(c) || c == '\''; });
    if (abbreviation != std::end(abbreviations)) {
        core = std::string(*abbreviation);
    } else if (!plain || (has_upper && has_lower)) {
        // Digits, non-ASCII letters and mixed case ("LKjIP", "Sp2D") are kept as written.
    } else if (is_one_of(folded, roman_numerals)) {
        std::transform(core.begin(), core.end(), core.begin(), [](char c) { return static_cast<char>(c & ~0x20); });
    } else {
        core = folded;
        if (first || !is_one_of(folded, small_words)) core[0] = static_cast<char>(core[0] & ~0x20);
    }
    return word.substr(0, begin) + core + word.substr(end);
}

std::string_view without_extension(std::string_view name) {
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || name.size() - dot > 6) return name;
    const std::string_view extension = name.substr(dot + 1);
    const bool alphanumeric =
        std::all_of(extension.begin(), extension.end(), [](char c) { return is_ascii_letter(c) || is_ascii_digit(c); });
    return !extension.empty() && alphanumeric && std::any_of(extension.begin(), extension.end(), is_ascii_letter)
               ? name.substr(0, dot)
               : name;
}

}  // namespace

std::string title_from_file_name(std::string_view file_name) {
    const std::size_t slash = file_name.rfind('/');
    const std::string_view stem =
        without_extension(slash == std::string_view::npos ? file_name : file_name.substr(slash + 1));
    std::string title;
    for (const std::string& word : without_noise(split_name(without_noise_groups(stem))))
        title += (title.empty() ? "" : " ") + title_word(word, title.empty());
    if (!title.empty()) return title;
    return std::string(stem.empty() ? file_name : stem);
}

}  // namespace ppid

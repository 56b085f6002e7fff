#include <ppid/check_match.hpp>
#include <ppid/error.hpp>
#include <ppid/util/normalize.hpp>

#include <algorithm>

namespace ppid {

namespace {

// Latin-1 supplement letters U+00C0..U+00FF (second byte of C3 xx), as ASCII; 0 keeps the character.
constexpr char latin1_fold[64] = {
    'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // C0-CF
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   0,    // D0-DF
    'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // E0-EF
    'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y',  // F0-FF
};

std::string fold_accents(std::string_view text) {
    std::string result;
    result.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            result += ' ';  // a no-break space, as pasted from Word, is a space
            ++i;
            continue;
        }
        if (c == 0xC3 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0xBF && latin1_fold[next - 0x80]) {
                result += latin1_fold[next - 0x80];
                ++i;
                continue;
            }
        }
        result += text[i];
    }
    return result;
}

bool has_non_ascii(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

std::string normalize_for_matching(std::string_view text) {
    return has_non_ascii(text) ? util::normalize_words(fold_accents(text)) : util::normalize_words(text);
}

ChecklistMatcher::ChecklistMatcher(const Checklist& checklist) : checklist_(checklist) {
    for (std::size_t i = 0; i < checklist.items.size(); ++i) {
        const auto& rules = checklist.items[i].match;
        for (const auto& phrase : rules.keywords) add(i, PhraseKind::keyword, phrase);
        for (const auto& phrase : rules.exclude) add(i, PhraseKind::exclude, phrase);
        for (const auto& phrase : rules.sections) add(i, PhraseKind::section, phrase);
    }
    keyword_.resize(checklist.items.size());
    excluded_.resize(checklist.items.size());
}

void ChecklistMatcher::add(std::size_t item, PhraseKind kind, const std::string& raw) {
    const std::string normalized = normalize_for_matching(raw);
    if (normalized.empty())
        throw Error(checklist_.items[item].id + ": the phrase \"" + raw + "\" has no letters or digits");
    const auto words = util::split_words(normalized);
    Phrase phrase{item, kind, {}, normalized};
    for (std::size_t w = 1; w < words.size(); ++w) phrase.words.emplace_back(words[w]);
    by_first_word_[std::string(words.front())].push_back(std::move(phrase));
}

void ChecklistMatcher::scan(std::string_view normalized, bool sections) const {
    std::fill(keyword_.begin(), keyword_.end(), nullptr);
    std::fill(excluded_.begin(), excluded_.end(), 0);
    words_.clear();
    std::size_t start = 0;
    while (start < normalized.size()) {
        const auto end = std::min(normalized.find(' ', start), normalized.size());
        words_.push_back(normalized.substr(start, end - start));
        start = end + 1;
    }
    for (std::size_t w = 0; w < words_.size(); ++w) {
        key_.assign(words_[w]);
        const auto found = by_first_word_.find(key_);
        if (found == by_first_word_.end()) continue;
        for (const Phrase& phrase : found->second) {
            if ((phrase.kind == PhraseKind::section) != sections) continue;
            if (w + phrase.words.size() >= words_.size()) continue;
            bool all = true;
            for (std::size_t k = 0; k < phrase.words.size() && all; ++k) all = words_[w + 1 + k] == phrase.words[k];
            if (!all) continue;
            if (phrase.kind == PhraseKind::exclude) excluded_[phrase.item] = 1;
            else if (!keyword_[phrase.item]) keyword_[phrase.item] = &phrase;
        }
    }
}

std::vector<ItemMatch> ChecklistMatcher::match(const CandidateText& text) const {
    std::vector<ItemMatch> matches;
    const auto note = [&](std::size_t item, const std::string& why) {
        auto it = std::find_if(matches.begin(), matches.end(), [&](const ItemMatch& m) { return m.item == item; });
        if (it == matches.end()) {
            matches.push_back({item, {}});
            it = matches.end() - 1;
        }
        if (std::find(it->why.begin(), it->why.end(), why) == it->why.end()) it->why.push_back(why);
    };
    const auto field = [&](std::string_view raw, const char* name, bool sections) {
        if (raw.empty()) return;
        normalized_ = normalize_for_matching(raw);
        scan(normalized_, sections);
        for (std::size_t i = 0; i < keyword_.size(); ++i)
            if (keyword_[i] && !excluded_[i]) note(i, std::string(name) + ": " + keyword_[i]->text);
    };
    field(text.title, "title", false);
    field(text.heading, "heading", false);
    field(text.file_name, "file_name", false);
    for (const auto anchor : text.anchors) field(anchor, "anchor", false);
    for (const auto context : text.contexts) field(context, "context", false);
    if (matches.empty())
        for (const auto section : text.sections) field(section, "section", true);
    std::sort(matches.begin(), matches.end(), [](const ItemMatch& a, const ItemMatch& b) { return a.item < b.item; });
    return matches;
}

}  // namespace ppid

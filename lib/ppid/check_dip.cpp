#include <ppid/check_dip.hpp>
#include <ppid/text_periods.hpp>
#include <ppid/util/normalize.hpp>
#include <ppid/util/one_of.hpp>

#include <algorithm>

namespace ppid {

namespace {

// Words that say nothing about which information an entry is: connectives, the office's own name, years.
bool is_significant(std::string_view word) {
    static constexpr std::string_view filler[] = {"dan",  "yang",     "di",   "ke",   "dari", "tentang",   "untuk", "pada",
                                         "atas", "serta",    "atau", "dengan", "tahun", "ta",      "nomor", "no",
                                         "kpu",  "kabupaten", "kab",  "kota", "provinsi", "komisi", "pemilihan",
                                         "umum", "the",      "of",   "pdf",  "docx", "xlsx"};
    if (word.size() < 2) return false;
    if (std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    return !util::is_one_of(word, filler);
}

}  // namespace

void DipComparison::load(const std::vector<std::string>& inputs, Diagnostics& diag) {
    read_records(inputs, diag, [&](Record& record, const Location& where) {
        if (record.value("type", "") != "dip_entry") return;
        try {
            const auto summary = optional_string(record, "summary", where);
            if (summary.empty()) throw Error("a dip_entry needs a \"summary\"", where);
            Entry entry;
            for (const char* key : {"number", "summary", "category", "source"})
                if (record.contains(key)) entry.record[key] = record[key];
            CandidateText text;
            text.title = summary;
            for (const auto& match : matcher_.match(text)) entry.items.push_back(match.item);
            const auto normalized = normalize_for_matching(summary);
            for (const auto word : util::split_words(normalized))
                if (is_significant(word)) entry.words.emplace_back(word);
            if (const auto period = find_period(summary))
                entry.period = CoveredPeriod{period->text, period->start, period->end};
            entries_.push_back(std::move(entry));
        } catch (const Error& e) {
            diag.error(e.where(), e.what());
        }
    });
}

void DipComparison::observe(const std::string& normalized_text, const std::vector<ItemMatch>& matches,
                            const std::optional<CoveredPeriod>& period) {
    for (const auto& match : matches) {
        if (item_published_.size() <= match.item) item_published_.resize(match.item + 1);
        item_published_[match.item] = 1;
    }
    for (auto& entry : entries_) {
        if (entry.published) continue;
        if (entry.period) {
            // A 2021 financial report does not publish the entry for Semester I 2023, nor does the 2023 annual
            // report; the Semester I 2023 report, or a quarter of it, does.
            const bool same_period = period && period->start >= entry.period->start && period->end <= entry.period->end;
            const bool of_entry = std::any_of(matches.begin(), matches.end(), [&](const ItemMatch& match) {
                return util::is_one_of(match.item, entry.items);
            });
            entry.published = same_period && (of_entry || (!entry.words.empty() &&
                                                            util::has_all_words(normalized_text, entry.words)));
            continue;
        }
        if (entry.words.empty()) continue;
        entry.published = util::has_all_words(normalized_text, entry.words);
    }
}

bool DipComparison::lists_item(std::size_t item) const {
    return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& entry) {
        return std::find(entry.items.begin(), entry.items.end(), item) != entry.items.end();
    });
}

std::size_t DipComparison::write_unpublished(JsonlWriter& writer, Language language) const {
    std::size_t count = 0;
    for (const auto& entry : entries_) {
        const bool by_item = !entry.period && std::any_of(entry.items.begin(), entry.items.end(), [&](std::size_t item) {
            return item < item_published_.size() && item_published_[item];
        });
        if (entry.published || by_item) continue;
        ++count;
        Record record;
        record["type"] = "dip_gap";
        record["gap"] = "not_published";
        record["dip_entry"] = entry.record;
        Record items = Record::array();
        const auto& checklist_items = matcher_.checklist().items;
        for (const auto item : entry.items) items.push_back(checklist_items[item].id);
        record["items"] = std::move(items);
        const std::string summary = entry.record.value("summary", "");
        record["action"] = language == Language::id
                               ? "Unggah \"" + summary + "\" ke laman PPID, atau hapus dari DIP bila tidak lagi dikuasai."
                               : "Upload \"" + summary + "\" to the PPID pages, or remove it from the DIP if it is no longer held.";
        writer.write(record);
    }
    return count;
}

}  // namespace ppid

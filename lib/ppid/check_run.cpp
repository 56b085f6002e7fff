#include <ppid/check_freshness.hpp>
#include <ppid/check_run.hpp>
#include <ppid/text_periods.hpp>
#include <ppid/util/iso_date.hpp>
#include <ppid/util/one_of.hpp>

#include <algorithm>
#include <map>

namespace ppid {

namespace {

Record period_json(const CoveredPeriod& period) {
    Record json;
    json["text"] = period.text;
    json["start"] = util::format_iso_date(period.start);
    json["end"] = util::format_iso_date(period.end);
    return json;
}

std::optional<CoveredPeriod> period_in(std::string_view text) {
    const auto found = find_period(text);
    if (!found) return std::nullopt;
    return CoveredPeriod{found->text, found->start, found->end};
}

}  // namespace

CompletenessCheck::CompletenessCheck(const Checklist& checklist, const ScoreBands& bands, CheckOptions options)
    : checklist_(checklist), bands_(bands), options_(std::move(options)), matcher_(checklist),
      evidence_(checklist.items.size()) {
    for (const auto& item : checklist.items)
        selected_.push_back(options_.only.empty() || util::is_one_of(item.category, options_.only));
}

std::string CompletenessCheck::add_record(std::string_view line, const util::ScannedObject& fields) {
    auto error = consider(line, fields);
    if (error.empty()) ++records_;
    return error;
}

std::string CompletenessCheck::consider(std::string_view line, const util::ScannedObject& fields) {
    const auto text_field = [&](const char* key, std::string_view& value) -> std::string {
        const auto* member = fields.find(key);
        if (!member || member->kind == util::ScannedValue::Kind::null) return {};
        if (member->kind != util::ScannedValue::Kind::string)
            return std::string("field \"") + key + "\" must be a string, found " + member->type_name();
        value = member->text;
        return {};
    };
    std::string_view type, title, url, path;
    for (const auto& [key, value] : {std::pair<const char*, std::string_view*>{"type", &type}, {"title", &title},
                                     {"url", &url}, {"path", &path}}) {
        auto error = text_field(key, *value);
        if (!error.empty()) return error;
    }
    if (type != "document" && type != "page" && type != "link") return {};

    // Most of a large index matches nothing: judge it on its title and file name before parsing it in full.
    const auto* found_on = fields.find("found_on");
    const bool has_contexts = type == "page" || (found_on && found_on->kind == util::ScannedValue::Kind::array) ||
                              (!url.empty() && page_links_.count(std::string(url)));
    if (!has_contexts && !dip_) {
        const std::string file_name = file_name_of(url.empty() ? path : url);
        CandidateText text;
        text.title = title;
        text.file_name = file_name;
        if (matcher_.match(text).empty()) return {};
    }
    auto error = read_candidate(line, candidate_);
    if (!error.empty()) return error;
    if (candidate_.type == "page")
        for (auto& link : candidate_.links)
            if (!link.url.empty()) page_links_[link.url].push_back(link);
    add(candidate_);
    return {};
}

void CompletenessCheck::add(const Candidate& candidate) {
    std::vector<const LinkContext*> contexts;
    for (const auto& context : candidate.found_on) contexts.push_back(&context);
    if (!candidate.url.empty()) {
        const auto joined = page_links_.find(candidate.url);
        if (joined != page_links_.end())
            for (const auto& link : joined->second) {
                const bool known = std::any_of(contexts.begin(), contexts.end(), [&](const LinkContext* seen) {
                    return seen->page == link.page && seen->context == link.context && seen->anchor_text == link.anchor_text;
                });
                if (!known) contexts.push_back(&link);
            }
    }
    const std::string file_name = file_name_of(candidate.url.empty() ? candidate.path : candidate.url);
    CandidateText text;
    text.title = candidate.title;
    text.file_name = file_name;
    for (const auto* context : contexts) {
        if (!context->anchor_text.empty()) text.anchors.push_back(context->anchor_text);
        if (!context->context.empty()) text.contexts.push_back(context->context);
        if (!context->heading.empty()) text.sections.push_back(context->heading);
        if (!context->group.empty()) text.sections.push_back(context->group);
    }
    const auto matches = matcher_.match(text);
    const bool usable = candidate.failure.empty() &&
                        std::none_of(candidate.problems.begin(), candidate.problems.end(),
                                     [](const std::string& problem) { return is_unusable_problem(problem); });
    if (dip_ && usable) dip_->observe(normalize_for_matching(candidate.title + " " + file_name), matches);
    if (matches.empty()) return;

    std::optional<Evidence> built;
    for (const auto& match : matches) {
        auto& item = evidence_[match.item];
        const auto identity = candidate.identity();
        const auto seen = item.by_identity.find(identity);
        if (seen != item.by_identity.end()) {
            // The same content again (another URL, or the index and the crawl): one document, several places.
            auto& evidence = item.documents[seen->second];
            const auto location = candidate.location();
            if (location != evidence.location &&
                std::find(evidence.also.begin(), evidence.also.end(), location) == evidence.also.end())
                evidence.also.push_back(location);
            for (const auto& why : match.why)
                if (std::find(evidence.why.begin(), evidence.why.end(), why) == evidence.why.end())
                    evidence.why.push_back(why);
            continue;
        }
        if (!built) built = evidence_for(candidate, contexts, file_name);
        item.by_identity.emplace(identity, item.documents.size());
        item.documents.push_back(*built);
        item.documents.back().why = match.why;
    }
}

CompletenessCheck::Evidence CompletenessCheck::evidence_for(const Candidate& candidate,
                                                             const std::vector<const LinkContext*>& contexts,
                                                             const std::string& file_name) const {
    Evidence evidence;
    evidence.identity = candidate.identity();
    evidence.is_url = !candidate.url.empty();
    evidence.location = candidate.location();
    evidence.title = candidate.title;
    if (evidence.title.empty())
        for (const auto* context : contexts)
            if (evidence.title.empty()) evidence.title = context->anchor_text;
    if (evidence.title.empty()) evidence.title = file_name;
    evidence.date = candidate.date;
    evidence.date_source = candidate.date_source;
    if (!evidence.date)
        for (const auto* context : contexts)
            if (!evidence.date && context->date) {
                evidence.date = context->date;
                evidence.date_source = "context";
            }
    if (candidate.period) {
        evidence.period = candidate.period;
        evidence.period_source = "record";
    } else if ((evidence.period = period_in(candidate.title))) {
        evidence.period_source = "title";
    } else if ((evidence.period = period_in(file_name))) {
        evidence.period_source = "file_name";
    } else {
        for (const auto* context : contexts)
            if (!evidence.period && (evidence.period = period_in(context->context))) evidence.period_source = "context";
    }
    evidence.problems = candidate.problems;
    if (!candidate.failure.empty() &&
        std::find(evidence.problems.begin(), evidence.problems.end(), candidate.failure) == evidence.problems.end())
        evidence.problems.push_back(candidate.failure);
    evidence.usable = candidate.failure.empty() && std::none_of(evidence.problems.begin(), evidence.problems.end(),
                                                                [](const std::string& p) { return is_unusable_problem(p); });
    return evidence;
}

Record CompletenessCheck::item_record(std::size_t index, ScoreSheet& sheet, bool& attention) const {
    const auto& item = checklist_.items[index];
    const auto& documents = evidence_[index].documents;
    const Language language = options_.language;

    std::string reason;
    for (const auto& waiver : options_.waivers)
        if (waiver.item == item.id) reason = waiver.reason;
    if (reason.empty() && item.applies == Applies::election_stage && !options_.election_stage)
        reason = language == Language::id ? "di luar tahapan Pemilu/Pemilihan (election_stages di konfigurasi kantor)"
                                          : "outside the election stages (election_stages in the office configuration)";

    Judgement judgement;
    if (!reason.empty()) {
        judgement.status = ItemStatus::not_applicable;
    } else {
        std::vector<DatedDocument> dated;
        for (const auto& document : documents) dated.push_back({document.usable, document.date, document.period});
        judgement = judge_freshness(item.cycle, dated, options_.as_of);
    }
    sheet.add(item.category, item.weight, judgement.status);
    attention = attention || needs_attention(judgement.status);

    Record record = item_head(item, to_string(judgement.status));
    if (!reason.empty()) record["reason"] = reason;
    Record evidence = Record::array();
    for (const auto& document : documents) {
        Record entry;
        entry[document.is_url ? "url" : "path"] = document.location;
        entry["title"] = document.title;
        entry["why"] = document.why;
        if (document.date) {
            entry["date"] = util::format_iso_date(*document.date);
            entry["date_source"] = document.date_source;
        }
        if (document.period) {
            entry["period"] = period_json(*document.period);
            entry["period_source"] = document.period_source;
        }
        entry["problems"] = document.problems;
        entry["usable"] = document.usable;
        if (!document.also.empty()) entry["also"] = document.also;
        evidence.push_back(std::move(entry));
    }
    record["evidence"] = std::move(evidence);
    if (judgement.latest) {
        Record latest;
        latest["text"] = judgement.latest->text;
        latest["end"] = util::format_iso_date(judgement.latest->end);
        record["latest"] = std::move(latest);
    } else {
        record["latest"] = nullptr;
    }
    record["next_due"] = judgement.next_due ? Record(util::format_iso_date(*judgement.next_due)) : Record(nullptr);
    record["action"] = item_action(item, judgement, reason, language);
    return record;
}

Record CompletenessCheck::typed(const char* type) const {
    Record record;
    record["type"] = type;
    if (!options_.office.empty()) record["office"] = options_.office;
    if (!options_.office.empty() && !options_.office_name.empty()) record["office_name"] = options_.office_name;
    return record;
}

// The fields every item record starts with, in their fixed order.
Record CompletenessCheck::item_head(const ChecklistItem& item, std::string_view status) const {
    Record record = typed("item");
    record["id"] = item.id;
    record["category"] = item.category;
    record["title"] = say(options_.language, item.title, item.title_en);
    record["basis"] = item.basis;
    record["confidence"] = item.confidence;
    record["cycle"] = item.cycle.label();
    record["weight"] = item.weight;
    record["status"] = std::string(status);
    return record;
}

Record CompletenessCheck::unreachable_item_record(std::size_t index) const {
    const auto& item = checklist_.items[index];
    const Language language = options_.language;
    Record record = item_head(item, "unknown");
    record["reason"] = "unreachable";
    record["evidence"] = Record::array();
    record["latest"] = nullptr;
    record["next_due"] = nullptr;
    record["action"] = language == Language::id
                           ? "Situs kantor tidak dapat dijangkau: periksa apakah situs masih hidup, lalu ulangi pemeriksaan."
                           : "The office's website could not be reached: check that it is up, then check again.";
    return record;
}

bool CompletenessCheck::write_unreachable(JsonlWriter& writer) const {
    // Nothing was seen, so nothing can be judged: an unreachable site is one problem, not forty missing items.
    std::map<std::string, int> per_category;
    int items = 0;
    for (std::size_t i = 0; i < checklist_.items.size(); ++i)
        if (selected_[i]) {
            writer.write(unreachable_item_record(i));
            ++per_category[checklist_.items[i].category];
            ++items;
        }
    const auto counts_with_unknown = [](int unknown) {
        Record counts;
        for (const ItemStatus status : all_item_statuses) counts[std::string(to_string(status))] = 0;
        counts["unknown"] = unknown;
        return counts;
    };
    Record summary = typed("summary");
    summary["checklist"] = checklist_.name;
    summary["as_of"] = util::format_iso_date(options_.as_of);
    summary["records"] = records_;
    summary["unreachable"] = true;
    summary["items"] = items;
    summary["counts"] = counts_with_unknown(items);
    Record categories = Record::object();
    for (const auto& item : checklist_.items)
        if (per_category.count(item.category) && !categories.contains(item.category))
            categories[item.category] = counts_with_unknown(per_category[item.category]);
    summary["categories"] = std::move(categories);
    summary["score"] = nullptr;
    summary["band"] = nullptr;
    summary["bands"] = bands_.name;
    summary["note"] = options_.language == Language::id
                          ? "Situs kantor tidak dapat dijangkau saat crawl: tidak ada skor."
                          : "The office's website could not be reached by the crawl: no score.";
    writer.write(summary);
    return true;
}

bool CompletenessCheck::write(JsonlWriter& writer) const {
    if (unreachable_) return write_unreachable(writer);
    ScoreSheet sheet(bands_);
    bool attention = false;
    for (std::size_t i = 0; i < checklist_.items.size(); ++i)
        if (selected_[i]) writer.write(item_record(i, sheet, attention));

    std::size_t not_published = 0;
    std::size_t not_in_dip = 0;
    const Language language = options_.language;
    if (dip_) {
        not_published = dip_->write_unpublished(writer, language);
        for (std::size_t i = 0; i < checklist_.items.size(); ++i) {
            const auto& documents = evidence_[i].documents;
            const bool published = std::any_of(documents.begin(), documents.end(), [](const Evidence& e) { return e.usable; });
            if (!selected_[i] || !published || dip_->lists_item(i)) continue;
            ++not_in_dip;
            const auto& item = checklist_.items[i];
            Record record = typed("dip_gap");
            record["gap"] = "not_in_dip";
            record["item"] = item.id;
            record["title"] = say(language, item.title, item.title_en);
            Record locations = Record::array();
            for (const auto& document : documents)
                if (document.usable) locations.push_back(document.location);
            record["documents"] = std::move(locations);
            record["action"] = language == Language::id
                                   ? "Cantumkan " + item.upload + " dalam Daftar Informasi Publik."
                                   : "List " + item.upload_en + " in the Daftar Informasi Publik.";
            writer.write(record);
        }
        attention = attention || not_published > 0 || not_in_dip > 0;
    }

    Record summary = typed("summary");
    summary["checklist"] = checklist_.name;
    summary["as_of"] = util::format_iso_date(options_.as_of);
    summary["records"] = records_;
    Record counts;
    int items = 0;
    for (const ItemStatus status : all_item_statuses) {
        counts[std::string(to_string(status))] = sheet.count(status);
        items += sheet.count(status);
    }
    summary["items"] = items;
    summary["counts"] = std::move(counts);
    Record categories;
    for (const auto& [category, numbers] : sheet.categories()) {
        Record row;
        for (const ItemStatus status : all_item_statuses)
            row[std::string(to_string(status))] = numbers[static_cast<std::size_t>(status)];
        categories[category] = std::move(row);
    }
    summary["categories"] = std::move(categories);
    const auto score = sheet.score_tenths();
    summary["score"] = score ? Record(*score / 10.0) : Record(nullptr);
    if (score && *score % 10 == 0) summary["score"] = *score / 10;
    summary["band"] = score ? Record(say(language, sheet.band(*score).band, sheet.band(*score).band_en)) : Record(nullptr);
    summary["bands"] = bands_.name;
    if (dip_) {
        Record dip;
        dip["entries"] = dip_->entries();
        dip["not_published"] = not_published;
        dip["not_in_dip"] = not_in_dip;
        summary["dip"] = std::move(dip);
    }
    summary["note"] = language == Language::id
                          ? "Skor ini perkiraan ppid-check untuk penggunaan internal kantor, bukan nilai Komisi Informasi."
                          : "This score is ppid-check's estimate for the office's own use, not the Komisi Informasi's.";
    writer.write(summary);
    return attention;
}

}  // namespace ppid

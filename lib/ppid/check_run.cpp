#include <ppid/check_freshness.hpp>
#include <ppid/check_run.hpp>
#include <ppid/text_periods.hpp>
#include <ppid/util/iso_date.hpp>
#include <ppid/util/one_of.hpp>

#include <algorithm>

namespace ppid {

namespace {

std::optional<CoveredPeriod> period_in(std::string_view text) {
    const auto found = find_period(text);
    if (!found) return std::nullopt;
    return CoveredPeriod{found->text, found->start, found->end};
}

// Whether the page's own title, main heading or address named the item, not only the links to it.
bool named_by_itself(const std::vector<std::string>& why) {
    return std::any_of(why.begin(), why.end(), [](const std::string& reason) {
        return reason.rfind("title: ", 0) == 0 || reason.rfind("heading: ", 0) == 0 || reason.rfind("file_name: ", 0) == 0;
    });
}

}  // namespace

CompletenessCheck::CompletenessCheck(const Checklist& checklist, const ScoreBands& bands, CheckOptions options)
    : checklist_(checklist), bands_(bands), options_(std::move(options)), matcher_(checklist) {
    evidence_.reserve(checklist.items.size());
    for (const auto& item : checklist.items) {
        selected_.push_back(options_.only.empty() || util::is_one_of(item.category, options_.only));
        evidence_.emplace_back(item, options_.evidence);
    }
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
    std::optional<std::vector<ItemMatch>> matches;  // the same text add() would match: not matched twice
    if (!has_contexts && !dip_) {
        const std::string file_name = file_name_of(url.empty() ? path : url);
        CandidateText text;
        text.title = title;
        text.file_name = file_name;
        matches = matcher_.match(text);
        if (matches->empty()) return {};
    }
    auto error = read_candidate(line, candidate_);
    if (!error.empty()) return error;
    if (candidate_.type == "page")
        for (auto& link : candidate_.links)
            if (!link.url.empty()) {
                link.page = candidate_.url;
                page_links_[link.url].push_back(link);
            }
    add(candidate_, matches ? &*matches : nullptr);
    return {};
}

void CompletenessCheck::add(const Candidate& candidate, const std::vector<ItemMatch>* matched) {
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
    const bool is_page = candidate.type == "page";
    const std::string file_name = file_name_of(candidate.url.empty() ? candidate.path : candidate.url);
    CandidateText text;
    text.title = candidate.title;
    if (is_page) text.heading = candidate.first_heading;
    text.file_name = file_name;
    for (const auto* context : contexts) {
        if (!context->anchor_text.empty()) text.anchors.push_back(context->anchor_text);
        if (!context->context.empty()) text.contexts.push_back(context->context);
        if (!context->heading.empty()) text.sections.push_back(context->heading);
        if (!context->group.empty()) text.sections.push_back(context->group);
    }
    const auto matches = matched ? *matched : matcher_.match(text);
    const bool usable = candidate.failure.empty() &&
                        std::none_of(candidate.problems.begin(), candidate.problems.end(),
                                     [](const std::string& problem) { return is_unusable_problem(problem); });
    if (dip_ && usable) {
        auto period = candidate.period ? candidate.period : period_in(candidate.title);
        if (!period) period = period_in(file_name);
        dip_->observe(normalize_for_matching(candidate.title + " " + file_name), matches, period);
    }
    std::vector<std::size_t> items;
    for (const auto& match : matches) items.push_back(match.item);
    if (!usable && candidate.type == "document" && !candidate.url.empty()) note_dead(candidate.url, items, contexts);
    if (matches.empty()) return;

    Evidence evidence = evidence_for(candidate, contexts, file_name);
    for (const auto& match : matches) {
        evidence.why = match.why;
        const auto& item = checklist_.items[match.item];
        if (is_page) {
            PageFacts facts;
            facts.url = candidate.url;
            facts.title = candidate.title;
            facts.named_by_itself = named_by_itself(match.why);
            facts.text_chars = candidate.text_chars;
            facts.form_fields = candidate.form_fields;
            const bool takes_forms = std::find(item.evidence.begin(), item.evidence.end(), EvidenceKind::form) !=
                                     item.evidence.end();
            auto verdict = classify_page(facts, takes_forms);
            evidence.kind = verdict.kind;
            evidence.kind_why = std::move(verdict.why);
            // A page that names the item but cannot be opened is a dead link to it, as a dead document is.
            if (!usable) evidence.dead_link = candidate.url;
            evidence_[match.item].add_page(evidence);
            // A dead document seen before this page, linked from it, of this item.
            for (const auto& link : candidate.links) {
                const auto dead = dead_docs_.find(link.url);
                if (dead != dead_docs_.end() && (dead->second.empty() || util::is_one_of(match.item, dead->second)))
                    evidence_[match.item].mark_dead_link(candidate.url, link.url);
            }
        } else {
            if (candidate.type == "link") {
                auto verdict = classify_link({candidate.url, candidate.checked.value_or(false), candidate.final_url,
                                              candidate.failure, candidate.status});
                evidence.kind = verdict.kind;
                evidence.kind_why = std::move(verdict.why);
                evidence.unopened = verdict.unopened;
            } else {
                evidence.kind = EvidenceKind::document;
                evidence.kind_why = evidence.is_url ? "a file published on the site"
                                                    : "a file in the office's document folders";
            }
            evidence_[match.item].add_final(evidence);
        }
    }
}

void CompletenessCheck::note_dead(const std::string& url, const std::vector<std::size_t>& items,
                                  const std::vector<const LinkContext*>& contexts) {
    dead_docs_[url] = items;
    for (const auto* context : contexts) {
        if (context->page.empty()) continue;
        for (std::size_t i = 0; i < evidence_.size(); ++i)
            if ((items.empty() || util::is_one_of(i, items)) && evidence_[i].has_page(context->page))
                evidence_[i].mark_dead_link(context->page, url);
    }
}

Evidence CompletenessCheck::evidence_for(const Candidate& candidate,
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
    evidence.archived = candidate.warc;
    if (!candidate.failure.empty() &&
        std::find(evidence.problems.begin(), evidence.problems.end(), candidate.failure) == evidence.problems.end())
        evidence.problems.push_back(candidate.failure);
    evidence.usable = candidate.failure.empty() && std::none_of(evidence.problems.begin(), evidence.problems.end(),
                                                                [](const std::string& p) { return is_unusable_problem(p); });
    return evidence;
}

Record CompletenessCheck::item_record(std::size_t index, const ItemEvidence::Outcome& outcome, ScoreSheet& sheet,
                                      bool& attention) const {
    const auto& item = checklist_.items[index];
    const Language language = options_.language;

    std::string reason;
    for (const auto& waiver : options_.waivers)
        if (waiver.item == item.id) reason = waiver.reason;
    if (reason.empty() && item.applies == Applies::election_stage && !options_.election_stage)
        reason = language == Language::id ? "di luar tahapan Pemilu/Pemilihan (election_stages di konfigurasi kantor)"
                                          : "outside the election stages (election_stages in the office configuration)";

    Judgement judgement = outcome.judgement;
    if (!reason.empty()) judgement = Judgement{ItemStatus::not_applicable, std::nullopt, std::nullopt, 0, false};
    sheet.add(item.category, item.weight, judgement.status);
    attention = attention || needs_attention(judgement.status);

    Record record = item_head(item, to_string(judgement.status));
    if (!reason.empty()) record["reason"] = reason;
    Record evidence = Record::array();
    for (const auto& shown : outcome.shown) evidence.push_back(shown.to_json());
    record["evidence"] = std::move(evidence);
    record["evidence_total"] = outcome.total;
    if (judgement.latest) {
        Record latest;
        latest["text"] = judgement.latest->text;
        latest["end"] = util::format_iso_date(judgement.latest->end);
        record["latest"] = std::move(latest);
    } else {
        record["latest"] = nullptr;
    }
    record["next_due"] = judgement.next_due ? Record(util::format_iso_date(*judgement.next_due)) : Record(nullptr);
    MentionFacts mentions;
    if (reason.empty()) {
        if (outcome.dead_mention) {
            mentions.page = outcome.dead_mention->location;
            mentions.dead_link = outcome.dead_mention->dead_link;
        } else if (outcome.mention) {
            mentions.page = outcome.mention->location;
            mentions.unopened = outcome.mention->unopened;
        }
    }
    record["action"] = item_action(item, judgement, reason, mentions, language);
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
    record["basis"] = checklist_.basis_of(item);
    record["confidence"] = item.confidence;
    record["cycle"] = item.cycle.label();
    record["weight"] = item.weight;
    record["status"] = std::string(status);
    return record;
}

bool CompletenessCheck::write(JsonlWriter& writer) const {
    if (unreachable_) return write_unreachable(writer);
    ScoreSheet sheet(bands_);
    bool attention = false;
    std::vector<ItemEvidence::Outcome> outcomes;
    for (std::size_t i = 0; i < checklist_.items.size(); ++i) {
        outcomes.push_back(evidence_[i].finish(options_.as_of));
        if (selected_[i]) writer.write(item_record(i, outcomes.back(), sheet, attention));
    }

    std::size_t not_published = 0;
    std::size_t not_in_dip = 0;
    const Language language = options_.language;
    if (dip_) {
        not_published = dip_->write_unpublished(writer, language);
        for (std::size_t i = 0; i < checklist_.items.size(); ++i) {
            const auto status = outcomes[i].judgement.status;
            const bool published = status != ItemStatus::missing && status != ItemStatus::broken;
            if (!selected_[i] || !published || dip_->lists_item(i)) continue;
            ++not_in_dip;
            const auto& item = checklist_.items[i];
            Record record = typed("dip_gap");
            record["gap"] = "not_in_dip";
            record["item"] = item.id;
            record["title"] = say(language, item.title, item.title_en);
            Record locations = Record::array();
            for (const auto& location : outcomes[i].published) locations.push_back(location);
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

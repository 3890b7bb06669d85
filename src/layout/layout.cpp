#include "paiban/layout.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace paiban {

const TextStyle& Layout::style(const std::string& key) const {
  auto found = styles.find(key);
  if (found == styles.end()) {
    throw std::out_of_range("layout " + (path.empty() ? name : path) + " has no style \"" + key +
                            "\"");
  }
  return found->second;
}

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// The tag's subtags, lower-case: "zh-Hant-TW" -> {"zh", "hant", "tw"}.
std::vector<std::string> subtags(const std::string& lang) {
  std::vector<std::string> out;
  std::string tag = lower(lang);
  size_t from = 0;
  while (from <= tag.size()) {
    size_t dash = tag.find_first_of("-_", from);
    if (dash == std::string::npos) dash = tag.size();
    out.push_back(tag.substr(from, dash - from));
    from = dash + 1;
  }
  return out;
}

void overlay(Wording& base, const Wording& over) {
  if (!over.source_label.empty()) base.source_label = over.source_label;
  if (!over.contents_title.empty()) base.contents_title = over.contents_title;
  if (!over.date_format.empty()) base.date_format = over.date_format;
  if (over.figure_label) base.figure_label = over.figure_label;  // "" turns numbering off
}

}  // namespace

Wording default_wording(const std::string& lang) {
  const std::vector<std::string> tags = subtags(lang);
  const std::string& language = tags.front();
  auto has = [&](const char* subtag) {
    return std::find(tags.begin() + 1, tags.end(), subtag) != tags.end();
  };
  if (language == "zh") {
    const bool traditional =
        has("hant") || (!has("hans") && (has("tw") || has("hk") || has("mo")));
    // The label, then an ideographic space before the caption's text (GB/T
    // 7713-style "图 1　…"; the Han-digit gap is the line breaker's).
    if (traditional) return {"來源：", "目錄", "{yyyy}年{m}月{d}日", "圖{n}\u3000"};
    return {"来源：", "目录", "{yyyy}年{m}月{d}日", "图{n}\u3000"};
  }
  if (language == "ja") return {"出典：", "目次", "{yyyy}年{m}月{d}日", "図{n}\u3000"};
  if (language == "ko") return {"출처: ", "차례", "{yyyy}년 {m}월 {d}일", "그림 {n}. "};
  return {"Source: ", "Contents", "{yyyy}-{mm}-{dd}", "Figure {n}. "};
}

Wording Layout::wording_for(const std::string& lang) const {
  Wording out = default_wording(lang);
  overlay(out, any_language);
  // The most specific <words> whose tag is the or a prefix of it.
  const std::vector<std::string> wanted = subtags(lang);
  const Wording* best = nullptr;
  size_t best_length = 0;
  for (const auto& [tag, wording] : words) {
    const std::vector<std::string> have = subtags(tag);
    if (have.size() > wanted.size() || have.size() <= best_length) continue;
    if (std::equal(have.begin(), have.end(), wanted.begin())) {
      best = &wording;
      best_length = have.size();
    }
  }
  if (best) overlay(out, *best);
  return out;
}

EmphasisKind emphasis_kind(const Layout& layout, const std::string& lang) {
  if (layout.emphasis.kind != EmphasisKind::automatic) return layout.emphasis.kind;
  const bool chinese = lang == "zh" || lang.rfind("zh-", 0) == 0;
  return chinese ? EmphasisKind::dots : EmphasisKind::bold;
}

void screen_rgb(const Cmyk& colour, double& r, double& g, double& b) {
  if (colour.has_rgb) {
    r = colour.r / 255.0, g = colour.g / 255.0, b = colour.b / 255.0;
    return;
  }
  auto channel = [&](double ink) {
    return std::clamp((1 - ink) * (1 - colour.k), 0.0, 1.0);
  };
  r = channel(colour.c), g = channel(colour.m), b = channel(colour.y);
}

}  // namespace paiban

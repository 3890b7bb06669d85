// Break opportunities: Unicode's line breaking algorithm (UAX #14) from ICU,
// then clreq's tailoring (rules.hpp) for the chosen level.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <stdexcept>

#include "linebreak/breaks.hpp"
#include "linebreak/rules.hpp"

namespace paiban {
namespace linebreak {

/// The CJK Unified Ideographs block: most characters of a Chinese paragraph,
/// answered without a property lookup.
constexpr bool common_han(char32_t ch) { return ch >= 0x4E00 && ch <= 0x9FFF; }

bool is_ideographic(char32_t ch) {
  if (common_han(ch)) return true;
  if (ch < 0x2E80) return false;  // no Han, kana or bopomofo below the CJK radicals
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(static_cast<UChar32>(ch), &status);
  if (U_FAILURE(status)) return false;
  switch (script) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_BOPOMOFO:
      return true;
    default:
      // The prolonged sound mark and iteration marks are Common but behave as kana.
      return ch == U'ー' || ch == U'々' || ch == U'〇';
  }
}

bool is_latin_like(char32_t ch) {
  if (ch >= U'0' && ch <= U'9') return true;
  if (!u_isalpha(static_cast<UChar32>(ch))) return false;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(static_cast<UChar32>(ch), &status);
  if (U_FAILURE(status)) return false;
  if (script != USCRIPT_LATIN && script != USCRIPT_GREEK && script != USCRIPT_CYRILLIC)
    return false;
  // Full-width Latin letters (Ａ) are set like Han: no gap.
  return !is_east_asian_wide(ch);
}

bool is_east_asian_wide(char32_t ch) {
  if (common_han(ch)) return true;
  if (ch < 0x1100) return false;  // nothing wide before the Hangul Jamo
  int width = u_getIntPropertyValue(static_cast<UChar32>(ch), UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_FULLWIDTH || width == U_EA_WIDE || width == U_EA_HALFWIDTH;
}

bool is_mandatory_break(char32_t ch) {
  if (ch >= 0x20 && ch < 0x7F) return false;
  if (common_han(ch)) return false;
  int lb = u_getIntPropertyValue(static_cast<UChar32>(ch), UCHAR_LINE_BREAK);
  return lb == U_LB_MANDATORY_BREAK || lb == U_LB_CARRIAGE_RETURN || lb == U_LB_LINE_FEED ||
         lb == U_LB_NEXT_LINE;
}

bool is_white_space(char32_t ch) {
  if (ch == U' ') return true;
  if ((ch > 0x20 && ch < 0x7F) || common_han(ch)) return false;
  if (is_mandatory_break(ch)) return true;
  // Breakable spaces (UAX #14 SP, ZW): not the no-break space, not U+3000,
  // which is text (an ideographic space is a character the author typed).
  int lb = u_getIntPropertyValue(static_cast<UChar32>(ch), UCHAR_LINE_BREAK);
  return lb == U_LB_SPACE || lb == U_LB_ZWSPACE || ch == U'\t';
}

bool is_punctuation(char32_t ch) {
  return U_GET_GC_MASK(static_cast<UChar32>(ch)) & U_GC_P_MASK || ch == U'%' || ch == U'‰';
}

namespace {

/// One line BreakIterator per language and thread: creating one loads and
/// compiles rules, far too slow to do per paragraph.
icu::BreakIterator& line_iterator(const std::string& lang) {
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>> iterators;
  auto it = iterators.find(lang);
  if (it != iterators.end()) return *it->second;
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
  if (U_FAILURE(status) || lang.empty()) locale = icu::Locale::getRoot();
  status = U_ZERO_ERROR;
  // ICU's Japanese locale defaults to "normal" line breaking, which lets
  // small kana and ー (class CJ) start a line; JIS X 4051 and jlreq forbid
  // that in ordinary text, as ICU's root rules already do for Chinese.
  if (std::string(locale.getLanguage()) == "ja") locale.setKeywordValue("lb", "strict", status);
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createLineInstance(locale, status));
  if (U_FAILURE(status) || !iterator) {
    status = U_ZERO_ERROR;
    iterator.reset(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !iterator)
      throw std::runtime_error(std::string("ICU line break iterator: ") + u_errorName(status));
  }
  return *iterators.emplace(lang, std::move(iterator)).first->second;
}

/// Previous character that is not a space (the one a line would end with), or 0.
char32_t last_before(const std::u32string& text, size_t i) {
  while (i > 0) {
    --i;
    if (!is_white_space(text[i])) return text[i];
  }
  return 0;
}

/// Whether the break before text[i] follows a space that ends a Latin
/// token whose last character is a solidus ("https://github.com/python/ 获取"):
/// that "/" is the URL's or path's, not the Chinese separator mark that
/// clreq keeps off a line's end ("和/或").
bool ends_latin_token(const std::u32string& text, size_t i) {
  size_t k = i;
  while (k > 0 && is_white_space(text[k - 1])) --k;
  if (k == i || k < 2 || text[k - 1] != U'/') return false;
  const char32_t c = text[k - 2];
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
}

bool quotation(char32_t ch) {
  return u_getIntPropertyValue(static_cast<UChar32>(ch), UCHAR_LINE_BREAK) == U_LB_QUOTATION;
}

}  // namespace

std::vector<Opportunity> unicode_opportunities(const std::u32string& text,
                                               const std::string& lang) {
  std::vector<Opportunity> result(text.size(), Opportunity::none);
  if (text.size() < 2) return result;
  // UTF-16 for ICU, remembering which character each code unit starts.
  icu::UnicodeString utf16;
  std::vector<uint32_t> char_of_unit;
  char_of_unit.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    utf16.append(static_cast<UChar32>(text[i]));
    while (char_of_unit.size() < static_cast<size_t>(utf16.length())) char_of_unit.push_back(i);
  }
  char_of_unit.push_back(text.size());
  icu::BreakIterator& iterator = line_iterator(lang);
  iterator.setText(utf16);
  for (int32_t p = iterator.next(); p != icu::BreakIterator::DONE; p = iterator.next()) {
    if (p >= utf16.length()) break;
    uint32_t i = char_of_unit[p];
    if (i == 0 || i >= text.size()) continue;
    result[i] =
        iterator.getRuleStatus() >= UBRK_LINE_HARD ? Opportunity::mandatory : Opportunity::allowed;
  }
  return result;
}

std::vector<Opportunity> clreq_opportunities(const std::u32string& text, const std::string& lang,
                                             BreakLevel level) {
  std::vector<Opportunity> result = unicode_opportunities(text, lang);
  if (level == BreakLevel::none) return result;
  const size_t n = text.size();
  for (size_t i = 1; i < n; ++i) {
    if (result[i] == Opportunity::mandatory) continue;
    // Unicode 15.0 (ICU 72) never breaks next to a quotation mark (LB19);
    // Unicode 15.1 (LB19a) and clreq do between East Asian characters:
    // 他说“你好” may break before “ and after ”.
    if (result[i] == Opportunity::none) {
      bool wide_before = i >= 1 && is_east_asian_wide(text[i - 1]);
      bool wide_after = is_east_asian_wide(text[i]);
      if (quotation(text[i]) && wide_before && i + 1 < n && is_east_asian_wide(text[i + 1]))
        result[i] = Opportunity::allowed;
      else if (quotation(text[i - 1]) && wide_after && i >= 2 && is_east_asian_wide(text[i - 2]))
        result[i] = Opportunity::allowed;
      // The tailoring below still removes what kinsoku forbids (”，).
    }
    if (result[i] == Opportunity::none) continue;
    // A hyphen joining two Han names ("同江-下列宁斯阔耶") holds them
    // together: broken after it, the line would end like a hyphenated word.
    if (i >= 2 && (text[i - 1] == U'-' || text[i - 1] == U'\u2010') &&
        is_east_asian_wide(text[i - 2]) && is_east_asian_wide(text[i])) {
      result[i] = Opportunity::none;
      continue;
    }
    char32_t before = last_before(text, i);
    // A URL's or a path's own solidus ends a line as its token does.
    if (ends_latin_token(text, i)) before = 0;
    if (line_start_forbidden(text[i], level) || line_end_forbidden(before, level) ||
        never_split(text[i - 1], text[i], level))
      result[i] = Opportunity::none;
  }
  return result;
}

}  // namespace linebreak

namespace {
std::vector<bool> to_bools(const std::vector<linebreak::Opportunity>& opportunities) {
  std::vector<bool> result(opportunities.size());
  for (size_t i = 0; i < opportunities.size(); ++i)
    result[i] = opportunities[i] != linebreak::Opportunity::none;
  return result;
}
}  // namespace

std::vector<bool> unicode_break_opportunities(const std::u32string& text, const std::string& lang) {
  return to_bools(linebreak::unicode_opportunities(text, lang));
}

std::vector<bool> clreq_break_opportunities(const std::u32string& text, const std::string& lang,
                                            BreakLevel level) {
  return to_bools(linebreak::clreq_opportunities(text, lang, level));
}

}  // namespace paiban

// clreq's rules as data: which characters may not start or end a line at
// each level, which pairs never split, which marks are full-width
// punctuation that can be compressed, and how wide the Han-Latin gap is.
// Every table names its source; shared/notes/clreq.md sums them up.
#pragma once
#include <string_view>

#include "paiban/linebreak.hpp"

namespace paiban::linebreak {

/// A set of characters that one rule covers from level `from` on (stricter
/// levels include the laxer ones: basic < gb < strict).
struct CharRule {
  std::u32string_view chars;
  BreakLevel from;
  std::string_view source;
};

// clreq §3.1.7 "Prohibition rules for line start and line end" (行首行尾禁则).
inline constexpr CharRule kLineStartForbidden[] = {
    {U"。．，、：；！？‼⁇", BreakLevel::basic, "clreq 3.1.7 basic: pause and stop marks"},
    {U"”’」』", BreakLevel::basic, "clreq 3.1.7 basic: closing quotation marks"},
    {U"）》〉】〗〕］｝〙〛", BreakLevel::basic,
     "clreq 3.1.7 basic: closing brackets and book title marks"},
    {U"～-‐–—", BreakLevel::basic, "clreq 3.1.7 basic: connector marks"},
    {U"·・‧", BreakLevel::basic, "clreq 3.1.7 basic: interpuncts"},
    {U"/／", BreakLevel::basic, "clreq 3.1.7 basic: solidus (named by clreq's Chinese text)"},
    {U"⸺⸻…⋯", BreakLevel::strict, "clreq 3.1.7 strict: two-em dashes and ellipses"},
};

inline constexpr CharRule kLineEndForbidden[] = {
    {U"“‘「『", BreakLevel::basic, "clreq 3.1.7 basic: opening quotation marks"},
    {U"（《〈【〖〔［｛〘〚", BreakLevel::basic,
     "clreq 3.1.7 basic: opening brackets and book title marks"},
    {U"/／", BreakLevel::gb, "clreq 3.1.7 GB: a solidus ends no line either"},
};

/// Marks that never split from an identical neighbour: "——", "……", "⋯⋯"
/// (clreq 3.1.7 "unbreakable marks"; GB/T 15834 4.8 and 4.11 give them as one
/// two-em mark). Applies from basic on.
inline constexpr CharRule kNeverSplitDoubled[] = {
    {U"—⸺⸻…⋯", BreakLevel::basic, "clreq 3.1.7: two-em dash and ellipsis never split"},
};

/// Full-width punctuation that takes a full em with one half blank, and so
/// can be compressed (clreq 3.1.6 "Punctuation adjustment", 标点挤压;
/// GB/T 15834 5.1.10 for the line end). Which half is blank is read from the
/// glyph's ink, not from this table: the table only says which characters
/// are punctuation at all. Opening marks prefer to lose the half before them,
/// the others the half after them; the ink decides.
inline constexpr std::u32string_view kCompressiblePunctuation =
    U"“‘「『（《〈【〖〔［｛〘〚"  // opening
    U"”’」』）》〉】〗〕］｝〙〛"  // closing
    U"，。、；：？！．";           // pause and stop

/// Han-Latin spacing (clreq 3.2 "Mixed text composition", 中西文混排): a
/// quarter em (BreakOptions::han_latin_gap_em), held while justifying; it
/// shrinks to 1/8 em only when spaces and marks cannot, and grows to 1/2 em
/// only on a line with nothing else to stretch (measure.cpp).
/// A hair under 1/4 em: text extractors (MuPDF's line text, so pdf-audit's
/// header check) read a gap of more than 1/4 em as a word space, and the
/// content stream's 1/1000-of-the-size positions could tip exactly 1/4 over.
inline constexpr double kHanLatinGapEm = 0.245;
inline constexpr double kHanLatinGapMinEm = 0.125;
inline constexpr double kHanLatinGapMaxEm = 0.5;
/// How wide a word space between Latin words may grow before the
/// characters are spaced out, em (a space beside a wide character is the
/// Han-Latin gap, and fixed: items.cpp). Past it a paragraph is broken
/// differently or an English word hyphenated rather than the spaces grown.
inline constexpr double kSpaceMaxEm = 0.5;
inline constexpr double kLatinSpaceMaxEm = 0.5;
/// How much of its width a word space may lose to fit a line.
inline constexpr double kSpaceShrinkRatio = 0.4;

/// Whether `ch` is in one of `rules` that applies at `level`.
template <size_t N>
constexpr bool in_rules(const CharRule (&rules)[N], char32_t ch, BreakLevel level) {
  for (const CharRule& rule : rules)
    if (level >= rule.from && rule.chars.find(ch) != std::u32string_view::npos) return true;
  return false;
}

inline bool line_start_forbidden(char32_t ch, BreakLevel level) {
  return in_rules(kLineStartForbidden, ch, level);
}
inline bool line_end_forbidden(char32_t ch, BreakLevel level) {
  return in_rules(kLineEndForbidden, ch, level);
}
inline bool never_split(char32_t before, char32_t after, BreakLevel level) {
  return before == after && in_rules(kNeverSplitDoubled, before, level);
}
inline bool compressible_punctuation(char32_t ch) {
  return kCompressiblePunctuation.find(ch) != std::u32string_view::npos;
}

/// Character classes the spacing rules need (ICU properties).
bool is_ideographic(char32_t ch);      ///< Han, kana, bopomofo: text justified by its gaps
bool is_latin_like(char32_t ch);       ///< a Latin/Greek/Cyrillic letter or an ASCII digit
bool is_east_asian_wide(char32_t ch);  ///< East_Asian_Width F, W or H
bool is_white_space(char32_t ch);      ///< spaces and line separators dropped at a break
bool is_punctuation(char32_t ch);      ///< general category P*, or % ‰ (as the audit counts)
bool is_mandatory_break(char32_t ch);  ///< UAX #14 BK, CR, LF, NL

}  // namespace paiban::linebreak

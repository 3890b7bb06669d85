// Hand-built shaped paragraphs for the line breaker's tests: one glyph per
// character, Han 1 em with ink in the middle, full-width marks 1 em with
// their ink on one half, Latin 1/2 em.
#pragma once
#include <string>

#include "common/utf8.hpp"
#include "linebreak/rules.hpp"
#include "paiban/shape.hpp"

namespace paiban::testing {

inline std::u32string u32(const std::string& utf8) { return decode_utf8(utf8); }

inline std::string utf8(const std::u32string& text) { return to_utf8(text); }

inline bool opening_mark(char32_t c) {
  return std::u32string_view(U"“‘「『（《〈【〖〔［｛").find(c) != std::u32string_view::npos;
}

/// A paragraph as a CJK font would shape it, `em` pt per em.
inline ShapedParagraph make_paragraph(const std::string& text_utf8, double em = 10.0) {
  ShapedParagraph p;
  p.text = u32(text_utf8);
  p.em = em;
  for (uint32_t i = 0; i < p.text.size(); ++i) {
    char32_t c = p.text[i];
    ShapedGlyph g;
    g.glyph = c;  // stands in for a glyph id
    g.size = em;
    g.cluster = i;
    if (linebreak::compressible_punctuation(c)) {
      g.advance = em;
      if (opening_mark(c))
        g.ink_left = 0.6 * em, g.ink_right = 0.9 * em;
      else
        g.ink_left = 0.1 * em, g.ink_right = 0.4 * em;
    } else if (c == U' ') {
      g.advance = 0.25 * em;
    } else if (linebreak::is_east_asian_wide(c) || c == U'—' || c == U'…') {
      g.advance = em;
      g.ink_left = 0.05 * em, g.ink_right = 0.95 * em;
    } else {
      g.advance = 0.5 * em;
      g.ink_left = 0.05 * em, g.ink_right = 0.45 * em;
    }
    p.glyphs.push_back(g);
  }
  return p;
}

}  // namespace paiban::testing

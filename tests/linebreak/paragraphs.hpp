// Hand-built shaped paragraphs for the line breaker's tests: one glyph per
// character, Han 1 em with ink in the middle, full-width marks 1 em with
// their ink on one half, Latin 1/2 em.
#pragma once
#include <string>

#include "linebreak/rules.hpp"
#include "paiban/shape.hpp"

namespace paiban::testing {

inline std::u32string u32(const std::string& utf8) {
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = utf8[i];
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    out += cp;
    i += len;
  }
  return out;
}

inline std::string utf8(const std::u32string& text) {
  std::string out;
  for (char32_t c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

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

// Character classes of XML 1.0 used by the readers.
#pragma once

namespace paiban {

/// XML white space (S): space, tab, CR, LF. Not U+3000 or NBSP: those are text.
inline bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// A character XML 1.0 allows in a document (production Char).
inline bool is_xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

}  // namespace paiban

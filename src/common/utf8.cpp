#include "common/utf8.hpp"

namespace paiban {

void append_utf8(std::string& out, char32_t ch) {
  if (ch < 0x80) {
    out += static_cast<char>(ch);
  } else if (ch < 0x800) {
    out += static_cast<char>(0xC0 | (ch >> 6));
    out += static_cast<char>(0x80 | (ch & 0x3F));
  } else if (ch < 0x10000) {
    out += static_cast<char>(0xE0 | (ch >> 12));
    out += static_cast<char>(0x80 | ((ch >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (ch & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (ch >> 18));
    out += static_cast<char>(0x80 | ((ch >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((ch >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (ch & 0x3F));
  }
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t ch : text) append_utf8(out, ch);
  return out;
}

Utf8Char next_utf8_char(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return {lead, 1, true};
  // Unicode's table of well-formed sequences (3-7): the lead byte fixes the
  // length and the range of the second byte, which is what rules out
  // overlong forms (E0, F0), surrogates (ED) and code points past U+10FFFF (F4).
  std::size_t length = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;
  char32_t code_point = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, code_point = lead & 0x0F;
    if (lead == 0xE0) second_min = 0xA0;
    if (lead == 0xED) second_max = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, code_point = lead & 0x07;
    if (lead == 0xF0) second_min = 0x90;
    if (lead == 0xF4) second_max = 0x8F;
  } else {
    return {};  // a continuation byte, C0, C1 or F5..FF: never a lead
  }
  for (std::size_t k = 1; k < length; ++k) {
    const bool fits =
        i + k < text.size() && (k == 1 ? byte(i + k) >= second_min && byte(i + k) <= second_max
                                       : is_utf8_continuation(text[i + k]));
    if (!fits) return {0xFFFD, k, false};
    code_point = (code_point << 6) | (byte(i + k) & 0x3F);
  }
  return {code_point, length, true};
}

std::u32string decode_utf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char ch = next_utf8_char(text, i);
    out += ch.code_point;
    i += ch.length;
  }
  return out;
}

std::size_t find_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char ch = next_utf8_char(text, i);
    if (!ch.valid) return i;
    i += ch.length;
  }
  return std::string_view::npos;
}

std::size_t count_utf8_characters(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) i += next_utf8_char(text, i).length;
  return count;
}

std::size_t utf8_character_start(std::string_view text, std::size_t i) {
  if (i >= text.size()) return text.size();
  while (i > 0 && is_utf8_continuation(text[i])) --i;
  return i;
}

}  // namespace paiban

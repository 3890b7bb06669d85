#include "common/json.hpp"

#include "common/utf8.hpp"

namespace paiban {

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    const Utf8Char ch = next_utf8_char(text, i);
    if (!ch.valid) {
      out += "\\ufffd";  // one for each byte that is not part of a character
      ++i;
      continue;
    }
    const size_t n = ch.length;
    if (n > 1) {
      out.append(text, i, n);
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      static const char* kHex = "0123456789abcdef";
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    } else {
      out += static_cast<char>(c);
    }
    i += n;
  }
  return out + "\"";
}

}  // namespace paiban

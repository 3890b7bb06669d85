#include "pdf/tounicode.hpp"

#include <vector>

#include "pdf/pdf_syntax.hpp"

namespace paiban::pdf {

std::string tounicode_cmap(const std::map<uint16_t, std::u32string>& text_of_code) {
  std::vector<std::pair<uint16_t, const std::u32string*>> entries;
  for (const auto& [code, text] : text_of_code)
    if (!text.empty()) entries.emplace_back(code, &text);

  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // The CMap syntax limits each bfchar block to 100 entries.
  for (size_t start = 0; start < entries.size(); start += 100) {
    size_t end = std::min(entries.size(), start + 100);
    out += std::to_string(end - start) + " beginbfchar\n";
    for (size_t i = start; i < end; ++i) {
      const char code[2] = {char(entries[i].first >> 8), char(entries[i].first & 0xFF)};
      out +=
          '<' + hex(std::string_view(code, 2)) + "> <" + hex(utf16be(*entries[i].second)) + ">\n";
    }
    out += "endbfchar\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace paiban::pdf

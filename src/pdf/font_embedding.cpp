#include "pdf/font_embedding.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "pdf/tounicode.hpp"

namespace paiban::pdf {

constexpr int kDefaultWidth = 1000;  // /DW: the full-width advance of CJK glyphs

std::map<uint16_t, std::vector<int>> w_groups(const std::map<uint16_t, int>& width_of) {
  std::map<uint16_t, std::vector<int>> groups;
  int previous = -2;
  uint16_t first = 0;
  for (const auto& [code, width] : width_of) {
    if (width == kDefaultWidth) continue;
    if (code != previous + 1) first = code;
    groups[first].push_back(width);
    previous = code;
  }
  return groups;
}

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

HPDF_Dict font_descriptor(HpdfDoc& doc, const FaceInfo& info, const FontSubset& subset,
                          const std::string& name, bool compress) {
  const double scale = 1000.0 / info.units_per_em;
  auto scaled = [&](int v) { return static_cast<int>(std::lround(v * scale)); };
  HPDF_Dict fd = doc.new_dict(true);
  doc.add_name(fd, "Type", "FontDescriptor");
  doc.add_name(fd, "FontName", name.c_str());
  // Flags: 4 = symbolic (glyphs outside the Latin standard set); 2 = serif;
  // 64 = italic.
  int flags = 4;
  std::string family = lower(info.family + " " + info.postscript_name);
  if (family.find("serif") != std::string::npos && family.find("sans") == std::string::npos)
    flags |= 2;
  if (info.italic_angle != 0) flags |= 64;
  doc.add_number(fd, "Flags", flags);
  HPDF_Array bbox = doc.new_array();
  for (int v : {info.x_min, info.y_min, info.x_max, info.y_max}) doc.push_number(bbox, scaled(v));
  doc.add(fd, "FontBBox", bbox);
  doc.add_real(fd, "ItalicAngle", info.italic_angle);
  doc.add_number(fd, "Ascent", scaled(info.ascender));
  doc.add_number(fd, "Descent", scaled(info.descender));
  doc.add_number(fd, "CapHeight", scaled(info.cap_height));
  // Required but unused by renderers of embedded fonts; a regular weight's typical value.
  doc.add_number(fd, "StemV", info.weight >= 600 ? 140 : 80);

  HPDF_Dict file = doc.new_stream(subset.program, compress);
  if (subset.cff) {
    doc.add_name(file, "Subtype", "CIDFontType0C");
    doc.add(fd, "FontFile3", file);
  } else {
    doc.add_number(file, "Length1", static_cast<int>(subset.program.size()));
    doc.add(fd, "FontFile2", file);
  }
  return fd;
}

}  // namespace

HPDF_Dict embed_font(HpdfDoc& doc, const FaceInfo& info, const FontSubset& subset,
                     const std::map<uint16_t, std::u32string>& text_of_code, bool compress) {
  const std::string name = subset.tag + "+" + info.postscript_name;

  HPDF_Dict cid_font = doc.new_dict(true);
  doc.add_name(cid_font, "Type", "Font");
  doc.add_name(cid_font, "Subtype", subset.cff ? "CIDFontType0" : "CIDFontType2");
  doc.add_name(cid_font, "BaseFont", name.c_str());
  HPDF_Dict system_info = doc.new_dict(false);
  doc.add(system_info, "Registry", doc.new_ascii_string("Adobe"));
  doc.add(system_info, "Ordering", doc.new_ascii_string("Identity"));
  doc.add_number(system_info, "Supplement", 0);
  doc.add(cid_font, "CIDSystemInfo", system_info);
  doc.add(cid_font, "FontDescriptor", font_descriptor(doc, info, subset, name, compress));
  doc.add_number(cid_font, "DW", kDefaultWidth);
  auto groups = w_groups(subset.width_of);
  if (!groups.empty()) {
    HPDF_Array w = doc.new_array();
    for (const auto& [first, widths] : groups) {
      doc.push_number(w, first);
      HPDF_Array run = doc.new_array();
      for (int width : widths) doc.push_number(run, width);
      doc.push(w, run);
    }
    doc.add(cid_font, "W", w);
  }
  if (!subset.cff) doc.add_name(cid_font, "CIDToGIDMap", "Identity");

  HPDF_Dict type0 = doc.new_dict(true);
  doc.add_name(type0, "Type", "Font");
  doc.add_name(type0, "Subtype", "Type0");
  // For a CIDFontType0 the Type0 name is the CIDFont's name and the CMap's.
  const std::string type0_name = subset.cff ? name + "-Identity-H" : name;
  doc.add_name(type0, "BaseFont", type0_name.c_str());
  doc.add_name(type0, "Encoding", "Identity-H");
  HPDF_Array descendants = doc.new_array();
  doc.push(descendants, cid_font);
  doc.add(type0, "DescendantFonts", descendants);
  doc.add(type0, "ToUnicode", doc.new_stream(tounicode_cmap(text_of_code), compress));
  return type0;
}

}  // namespace paiban::pdf

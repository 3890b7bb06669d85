#include "pdf/font_embedding.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

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

std::map<uint16_t, std::vector<int>> w2_groups(const std::map<uint16_t, VerticalMetric>& vertical_of,
                                               const std::map<uint16_t, int>& width_of) {
  std::map<uint16_t, std::vector<int>> groups;
  int previous = -2;
  uint16_t first = 0;
  for (const auto& [code, metric] : vertical_of) {
    auto width = width_of.find(code);
    const int half = width == width_of.end() ? 500 : width->second / 2;
    // /DW2 [880 -1000], and a vertical origin half the width across.
    if (metric.advance == 1000 && metric.origin_y == 880 && std::abs(metric.origin_x - half) <= 1)
      continue;
    if (code != previous + 1) first = code;
    for (int v : {-metric.advance, metric.origin_x, metric.origin_y}) groups[first].push_back(v);
    previous = code;
  }
  return groups;
}

namespace {

/// A /W or /W2 array from its groups.
HPDF_Array groups_array(HpdfDoc& doc, const std::map<uint16_t, std::vector<int>>& groups) {
  HPDF_Array w = doc.new_array();
  for (const auto& [first, numbers] : groups) {
    doc.push_number(w, first);
    HPDF_Array run = doc.new_array();
    for (int n : numbers) doc.push_number(run, n);
    doc.push(w, run);
  }
  return w;
}

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

  HPDF_Dict file = !subset.program_flate.empty() ? doc.new_flate_stream(subset.program_flate)
                                                  : doc.new_stream(subset.program, compress);
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

EmbeddedFont embed_font(HpdfDoc& doc, const FaceInfo& info, const FontSubset& subset,
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
  if (!groups.empty()) doc.add(cid_font, "W", groups_array(doc, groups));
  const bool vertical = !subset.vertical_of.empty();
  if (vertical) {
    auto vertical_groups = w2_groups(subset.vertical_of, subset.width_of);
    if (!vertical_groups.empty()) doc.add(cid_font, "W2", groups_array(doc, vertical_groups));
  }
  if (!subset.cff) doc.add_name(cid_font, "CIDToGIDMap", "Identity");

  HPDF_Dict to_unicode = nullptr;  // made after the first Type0 (object numbers as before)
  auto type0 = [&](const char* cmap) {
    HPDF_Dict font = doc.new_dict(true);
    doc.add_name(font, "Type", "Font");
    doc.add_name(font, "Subtype", "Type0");
    // For a CIDFontType0 the Type0 name is the CIDFont's name and the CMap's.
    const std::string type0_name = subset.cff ? name + "-" + cmap : name;
    doc.add_name(font, "BaseFont", type0_name.c_str());
    doc.add_name(font, "Encoding", cmap);
    HPDF_Array descendants = doc.new_array();
    doc.push(descendants, cid_font);
    doc.add(font, "DescendantFonts", descendants);
    if (!to_unicode) to_unicode = doc.new_stream(tounicode_cmap(text_of_code), compress, FlateEffort::tables);
    doc.add(font, "ToUnicode", to_unicode);
    return font;
  };
  EmbeddedFont out;
  out.horizontal = type0("Identity-H");
  if (vertical) out.vertical = type0("Identity-V");
  return out;
}

}  // namespace paiban::pdf

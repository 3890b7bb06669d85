// A subset face as PDF objects: Type0 / Identity-H over one CIDFont
// (CIDFontType0 + FontFile3/CIDFontType0C for CFF, CIDFontType2 +
// FontFile2 for TrueType), FontDescriptor, /W, ToUnicode.
#pragma once
#include <cstdint>
#include <map>
#include <string>

#include "paiban/fonts.hpp"
#include "pdf/font_subset.hpp"
#include "pdf/hpdf.hpp"

namespace paiban::pdf {

/// The compact /W array content for widths that differ from /DW 1000:
/// runs of consecutive codes as `c [w1 w2 ...]`. Returned as (first code,
/// widths) groups so the writer and tests share it.
std::map<uint16_t, std::vector<int>> w_groups(const std::map<uint16_t, int>& width_of);

/// /W2 entries for vertical metrics that differ from /DW2's default
/// [880 -1000] (origin x half the width): runs of consecutive codes as
/// `c [w1y vx vy ...]`, returned as (first code, numbers) groups.
std::map<uint16_t, std::vector<int>> w2_groups(const std::map<uint16_t, VerticalMetric>& vertical_of,
                                               const std::map<uint16_t, int>& width_of);

/// The (indirect) Type0 font dictionaries of one face: Identity-H, and,
/// when the subset has vertical metrics, Identity-V over the same CIDFont
/// (which then carries /W2) and the same ToUnicode.
struct EmbeddedFont {
  HPDF_Dict horizontal = nullptr;
  HPDF_Dict vertical = nullptr;
};

/// Builds the font objects.
EmbeddedFont embed_font(HpdfDoc& doc, const FaceInfo& info, const FontSubset& subset,
                        const std::map<uint16_t, std::u32string>& text_of_code, bool compress);

}  // namespace paiban::pdf

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

/// Builds the font objects; returns the (indirect) Type0 font dictionary.
HPDF_Dict embed_font(HpdfDoc& doc, const FaceInfo& info, const FontSubset& subset,
                     const std::map<uint16_t, std::u32string>& text_of_code, bool compress);

}  // namespace paiban::pdf

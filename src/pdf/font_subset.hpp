// One face, subset once to the glyphs a document uses (hb-subset), and the
// codes the content streams write for them.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "paiban/fonts.hpp"

namespace paiban::pdf {

/// A glyph's metrics for vertical writing, in 1/1000 em as in /W2: its
/// advance down the line and its vertical origin (vmtx/VORG, through
/// HarfBuzz) from its horizontal one.
struct VerticalMetric {
  int advance = 1000;  ///< down the line (/W2's w1y is its negative)
  int origin_x = 500, origin_y = 880;
  bool operator==(const VerticalMetric&) const = default;
};

struct FontSubset {
  FaceId face = 0;
  bool cff = false;                      ///< program is a bare CFF table (CIDFontType0)
  bool cid_keyed = false;                ///< CFF: has ROS; codes are CIDs
  std::string program;                   ///< the CFF table, or a whole TrueType file
  /// `program` Flate-compressed ahead of embedding (on the thread that
  /// subset it); empty when the writer compresses nothing.
  std::string program_flate;
  std::string tag;                       ///< "ABCDEF", from a hash of the glyph set
  std::map<uint32_t, uint16_t> code_of;  ///< original glyph id -> 2-byte code
  std::map<uint16_t, int> width_of;      ///< code -> advance in 1/1000 em (as in /W)
  /// code -> vertical metrics, for the glyphs set upright in vertical lines
  /// (add_vertical_metrics); empty when the face is only set horizontally.
  std::map<uint16_t, VerticalMetric> vertical_of;
};

/// Subsets `face` to `glyphs` (glyph 0 is always kept). Throws
/// std::runtime_error when HarfBuzz fails or the outlines are neither CFF
/// nor glyf.
FontSubset subset_face(const FontCache& fonts, FaceId face, const std::set<uint32_t>& glyphs);

/// Fills `subset.vertical_of` for `glyphs` (original ids, all in the subset).
void add_vertical_metrics(const FontCache& fonts, FontSubset& subset,
                          const std::set<uint32_t>& glyphs);

/// "ABCDEF": six capitals derived from the face name and glyph set.
std::string subset_tag(const std::string& postscript_name, const std::set<uint32_t>& glyphs);

}  // namespace paiban::pdf

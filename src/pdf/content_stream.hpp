// Page content: positioned glyphs, rules and images as PDF operators. The one
// y-flip of the pipeline happens here (document y runs down from the top of
// the trimmed page; PDF y runs up from the bottom of the media box).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "paiban/document.hpp"
#include "pdf/font_subset.hpp"
#include "pdf/structure_tree.hpp"

namespace paiban::pdf {

/// Where the trimmed page sits in the media box.
struct PageFrame {
  double media_height = 0;
  double trim_x = 0,
         trim_y = 0;  ///< offset of the trim box's top-left corner from the media box's, pt
  double x(double doc_x) const { return trim_x + doc_x; }
  double y(double doc_y) const { return media_height - trim_y - doc_y; }
};

/// How colours are written: RGB on screen; in print CMYK ink, or a spot ink
/// through the page's /ColorSpace resource named here (index = Cmyk::spot).
struct ColourOutput {
  bool print = false;
  std::vector<std::string> spot_resources;  ///< e.g. "CS0"; print only
};

/// What the text writer needs to know about one embedded face.
struct FontUse {
  std::string resource;  ///< the page resource name, e.g. "F1"
  const FontSubset* subset = nullptr;
  const std::map<uint16_t, std::u32string>* text_of_code = nullptr;  ///< ToUnicode
  /// The face's Identity-V font on this page, for upright glyphs of
  /// vertical lines (subset->vertical_of has their advances).
  std::string vertical_resource{};
};

/// `BT ... ET` drawing the glyphs in order. Consecutive glyphs of one face,
/// size, colour and baseline share a TJ array whose adjustments put each
/// glyph exactly at its x (within 0.0005 of the font size / 1000). A glyph
/// whose text differs from its code's ToUnicode entry is wrapped in an
/// /ActualText span, as is each chain of joined_spans(). With `tags`, each
/// run of glyphs of one structure element is marked content (or an Artifact).
std::string text_operators(const std::vector<PageGlyph>& glyphs,
                           const std::map<FaceId, FontUse>& fonts, const PageFrame& frame,
                           const ColourOutput& colours = {.print = true},
                           StructureTree* tags = nullptr);

/// For each glyph that starts a chain of glyphs on one baseline set apart by
/// gaps an extractor would read as spaces (0.1-0.6 em) with no space in
/// their text, one past the chain's last glyph; else 0. Such chains get one
/// /ActualText span. A chain stays inside one structure element.
std::vector<size_t> joined_spans(const std::vector<PageGlyph>& glyphs);

/// For each glyph that starts a vertical line's run of glyphs (upright,
/// sideways, tate-chu-yoko; one element) holding any glyph that is not
/// upright, one past the run's last glyph; else 0. Such runs get one
/// /ActualText span: extractors read turned and tate-chu-yoko glyphs as
/// text of another direction, out of the line.
std::vector<size_t> vertical_spans(const std::vector<PageGlyph>& glyphs);

/// Stroked lines; with `tags`, marked as their elements (or Artifacts).
std::string rule_operators(const std::vector<PageRule>& rules, const PageFrame& frame,
                           const ColourOutput& colours = {.print = true},
                           StructureTree* tags = nullptr);

/// Filled and stroked rectangles, in order.
std::string box_operators(const std::vector<PageBox>& boxes, const PageFrame& frame,
                          const ColourOutput& colours);

/// Filled circles (four Bezier arcs each).
std::string dot_operators(const std::vector<PageDot>& dots, const PageFrame& frame,
                          const ColourOutput& colours);

/// Draws the image XObject named `resource` into its box.
std::string image_operators(const PageImage& image, const std::string& resource,
                            const PageFrame& frame);

/// "c m y k k" (fill) or "... K" (stroke).
std::string cmyk_operator(const Cmyk& color, bool stroke);

/// The colour as `colours` says: "r g b rg" on screen, "c m y k k" in print,
/// "/CS0 cs 1 scn" for a spot ink in print (upper case to stroke).
std::string colour_operator(const Cmyk& color, bool stroke, const ColourOutput& colours);

}  // namespace paiban::pdf

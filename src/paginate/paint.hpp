// Painting: flow items and set lines onto a Page at absolute positions.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "paginate/flow.hpp"
#include "paiban/document.hpp"

namespace paiban {

/// What horizontal and vertical painting share: a placed glyph's drawing
/// (face, glyph, size, colour, text; the caller places it), whether it takes
/// an emphasis dot (Han only, never punctuation, Latin or digits: clreq 3.2),
/// and the structure element it belongs to (its language span's, else its
/// link's, else the line's).
PageGlyph drawn_glyph(const PlacedGlyph& g);
bool takes_emphasis_dot(const std::u32string& text);
struct GlyphElements {
  int element;
  const InlineElements& inline_elements;
  int of_link(int link) const;
  int of(const PlacedGlyph& g) const;
  /// The link annotation over [x0, x1] x [y0, y1] for the line's link
  /// `link` (an index into `links`), in the link's element; none for a
  /// glyph outside every link.
  void add_link(Page& page, const std::vector<std::string>& links, int link, double x0, double x1,
                double y0, double y1) const;
};

/// Draws a line's glyphs with their baseline at `baseline` and the line's
/// start at `x` (pt from the page's top-left); adds URI links over glyphs
/// that carry one. The glyphs belong to structure element `element`, those
/// in a language span or a link to its entry in `inline_elements` when there
/// is one.
void paint_line(Page& page, const std::vector<PlacedGlyph>& glyphs, double x, double baseline,
                const std::vector<std::string>& links = {}, int element = kArtifact,
                const InlineElements& inline_elements = {}, const EmBox& em_box = {});

/// Draws the frames (boxes, framed quotes) of the items placed on a page:
/// one rectangle per run of items in one frame and one column, behind the
/// text; a frame split by a page or column break is drawn in each part.
/// `tops[i]`: item i's top; `lefts[i]`: the left edge of its column (or of
/// the measure), pt from the page's left.
void paint_frames(Page& page, const std::vector<const FlowItem*>& items,
                  const std::vector<double>& tops, const std::vector<double>& lefts);

/// Draws a flow item whose box top is at `top`, measure's left edge at `left`.
/// Each part's glyphs go to the part's element, or to `element` when given
/// (decoration stays an artifact).
void paint_item(Page& page, const FlowItem& item, double left, double top,
                std::optional<int> element = std::nullopt);

/// A vertical (vertical-rl) text area: lines run down from `top`, line
/// boxes stack leftwards from `right`; pt from the page's top-left.
struct VerticalArea {
  double right = 0, top = 0;
};

/// Draws a vertical line's glyphs (paint_vertical.cpp): the line starts at
/// `top` and its em boxes (`em_box`, the style's font's) are centred on
/// x = `centre`; `em` is the style's size (a 縦中横 cell's length). Links and
/// elements as paint_line.
void paint_vertical_line(Page& page, const std::vector<PlacedGlyph>& glyphs, double top,
                         double centre, double em, const EmBox& em_box,
                         const std::vector<std::string>& links = {}, int element = kArtifact,
                         const InlineElements& inline_elements = {});

/// paint_item for a vertical flow: the item's box starts `depth` pt left of
/// the area's right edge; a figure stands upright in it.
void paint_vertical_item(Page& page, const FlowItem& item, const VerticalArea& area, double depth);

/// paint_frames for a vertical flow (`depths` as paint_vertical_item's):
/// the frames turned with the lines.
void paint_vertical_frames(Page& page, const std::vector<const FlowItem*>& items,
                           const std::vector<double>& depths, const VerticalArea& area);

}  // namespace paiban

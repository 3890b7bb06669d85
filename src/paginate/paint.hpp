// Painting: flow items and set lines onto a Page at absolute positions.
#pragma once
#include <string>
#include <vector>

#include "paginate/flow.hpp"
#include "paiban/document.hpp"

namespace paiban {

/// Draws a line's glyphs with their baseline at `baseline` and the line's
/// start at `x` (pt from the page's top-left); adds URI links over glyphs
/// that carry one.
void paint_line(Page& page, const std::vector<PlacedGlyph>& glyphs, double x, double baseline,
                const std::vector<std::string>& links = {});

/// Draws the frames (boxes, framed quotes) of the items placed on a page:
/// one rectangle per run of items in one frame, behind the text; a frame
/// split by a page break is drawn on each page. `tops[i]`: item i's top.
void paint_frames(Page& page, const std::vector<const FlowItem*>& items,
                  const std::vector<double>& tops, double left);

/// Draws a flow item whose box top is at `top`, measure's left edge at `left`.
void paint_item(Page& page, const FlowItem& item, double left, double top);

}  // namespace paiban

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

/// Draws a flow item whose box top is at `top`, measure's left edge at `left`.
void paint_item(Page& page, const FlowItem& item, double left, double top);

}  // namespace paiban

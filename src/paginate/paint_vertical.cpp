// Painting a vertical (vertical-rl) flow: the line breaker's x runs down
// the page, and a line box's depth runs leftwards from the text area's
// right edge. Each glyph is placed by how it stands in the line (upright,
// sideways or 縦中横); boxes, rules and figures are turned with the lines.
#include "paginate/paint.hpp"

namespace paiban {

void paint_vertical_line(Page& page, const std::vector<PlacedGlyph>& glyphs, double top,
                         double centre, double em, const EmBox& em_box,
                         const std::vector<std::string>& links, int element,
                         const InlineElements& inline_elements) {
  const GlyphElements elements{element, inline_elements};
  int open_link = -1;
  double link_y0 = 0, link_y1 = 0, link_size = 0;
  auto close_link = [&] {
    elements.add_link(page, links, open_link, centre - link_size / 2, centre + link_size / 2,
                      link_y0, link_y1);
    open_link = -1;
  };
  for (const PlacedGlyph& g : glyphs) {
    PageGlyph out = drawn_glyph(g);
    out.orientation = g.orientation;
    const double along = top + g.x;  // where the glyph starts down the line
    switch (g.orientation) {
      case GlyphOrientation::upright:  // its vertical origin: the top centre of its em box
        out.x = centre + g.y_offset;
        out.y = along;
        break;
      case GlyphOrientation::sideways:  // the baseline runs down, ascenders to the right
        out.x = centre - em_box.middle() * g.size + g.y_offset;  // its em box's middle on it
        out.y = along;
        break;
      case GlyphOrientation::tate_chu_yoko:
      case GlyphOrientation::horizontal:  // upright on a baseline, centred in a one-em cell
        out.orientation = GlyphOrientation::tate_chu_yoko;
        out.x = centre + g.y_offset;
        out.y = along + 0.5 * em + em_box.middle() * g.size;
        break;
    }
    if (g.emphasis_dot && takes_emphasis_dot(g.text)) {
      // To the right of the character in vertical text (clreq 3.2), as far
      // out from its em box as the dot under a horizontal line.
      page.dots.push_back({centre + 0.66 * g.size, along + g.advance / 2, 0.075 * g.size, g.color});
    }
    out.element = elements.of(g);
    page.glyphs.push_back(std::move(out));
    if (g.link != open_link) {
      close_link();
      if (g.link >= 0) {
        open_link = g.link;
        link_y0 = along;
        link_size = g.size;
      }
    }
    if (open_link >= 0) link_y1 = along + g.advance;
  }
  close_link();
}

void paint_vertical_item(Page& page, const FlowItem& item, const VerticalArea& area, double depth) {
  const double size = item.size > 0 ? item.size : 0;
  const double centre = area.right - depth - (item.baseline - item.em_box.middle() * size);
  for (const FlowPart& part : item.parts) {
    const int own = part.decoration ? kArtifact : part.element;
    static const InlineElements none;
    const InlineElements& inline_elements = part.decoration ? none : part.inline_elements;
    for (int r = 0; r < part.repeat; ++r)
      paint_vertical_line(page, part.glyphs, area.top + part.x + r * part.pitch, centre, size,
                          item.em_box, part.links, own, inline_elements);
  }
  if (item.image) {
    // The flow's box: width along the line (down), height across (left).
    PageImage image = *item.image;
    image.x = area.right - depth - item.image->y - item.image->height;
    image.y = area.top + item.image->x;
    image.width = item.image->height;
    image.height = item.image->width;
    page.images.push_back(std::move(image));
  }
}

void paint_vertical_frames(Page& page, const std::vector<const FlowItem*>& items,
                           const std::vector<double>& depths, const VerticalArea& area) {
  // Drawn as for a horizontal flow, from the area's corner, then turned:
  // along the line (x) becomes down, depth (y) becomes leftwards.
  Page flat;
  paint_frames(flat, items, depths, std::vector<double>(items.size(), 0.0));
  for (const PageBox& box : flat.boxes) {
    PageBox turned = box;
    turned.x = area.right - box.y - box.height;
    turned.y = area.top + box.x;
    turned.width = box.height;
    turned.height = box.width;
    page.boxes.push_back(turned);
  }
  for (const PageRule& rule : flat.rules) {
    PageRule turned = rule;
    turned.x0 = area.right - rule.y0;
    turned.y0 = area.top + rule.x0;
    turned.x1 = area.right - rule.y1;
    turned.y1 = area.top + rule.x1;
    page.rules.push_back(turned);
  }
}

}  // namespace paiban

#include "paginate/paint.hpp"

namespace paiban {

void paint_line(Page& page, const std::vector<PlacedGlyph>& glyphs, double x, double baseline,
                const std::vector<std::string>& links, int element,
                const std::vector<int>& link_elements) {
  auto element_of_link = [&](int link) {
    if (link >= 0 && link < static_cast<int>(link_elements.size())) return link_elements[link];
    return element;
  };
  int open_link = -1;
  double link_x0 = 0, link_x1 = 0, link_size = 0;
  auto close_link = [&] {
    if (open_link >= 0 && open_link < static_cast<int>(links.size())) {
      PageLink link;
      link.x0 = link_x0;
      link.x1 = link_x1;
      link.y0 = baseline - link_size * 0.88;
      link.y1 = baseline + link_size * 0.12;
      link.uri = links[open_link];
      link.element = element_of_link(open_link);
      page.links.push_back(std::move(link));
    }
    open_link = -1;
  };
  for (const PlacedGlyph& g : glyphs) {
    PageGlyph out;
    out.face = g.face;
    out.glyph = g.glyph;
    out.size = g.size;
    out.x = x + g.x;
    out.y = baseline - g.y_offset;
    out.advance = g.advance;
    out.color = g.color;
    out.text = g.text;
    out.no_text = g.no_text;
    out.element = element_of_link(g.link);
    page.glyphs.push_back(std::move(out));
    if (g.link != open_link) {
      close_link();
      if (g.link >= 0) {
        open_link = g.link;
        link_x0 = x + g.x;
        link_size = g.size;
      }
    }
    if (open_link >= 0) link_x1 = x + g.x + g.advance;
  }
  close_link();
}

void paint_item(Page& page, const FlowItem& item, double left, double top,
                std::optional<int> element) {
  static const std::vector<int> none;
  for (const FlowPart& part : item.parts) {
    // Decoration (leader dots) is an artifact wherever it is painted.
    const int own = part.decoration ? kArtifact : element ? *element : part.element;
    const std::vector<int>& link_elements = part.decoration || element ? none : part.link_elements;
    for (int r = 0; r < part.repeat; ++r)
      paint_line(page, part.glyphs, left + part.x + r * part.pitch, top + item.baseline, part.links,
                 own, link_elements);
  }
  if (item.image) {
    PageImage image = *item.image;
    image.x += left;
    image.y += top;
    page.images.push_back(std::move(image));
  }
}

}  // namespace paiban

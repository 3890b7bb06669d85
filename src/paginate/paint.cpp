#include "paginate/paint.hpp"

namespace paiban {

// Emphasis dots (着重号) go under Han characters only, never under
// punctuation, Latin letters or digits (clreq 3.2).
bool takes_emphasis_dot(const std::u32string& text) {
  if (text.size() != 1) return false;
  const char32_t c = text[0];
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x3FFFF) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}

PageGlyph drawn_glyph(const PlacedGlyph& g) {
  PageGlyph out;
  out.face = g.face;
  out.glyph = g.glyph;
  out.size = g.size;
  out.advance = g.advance;
  out.color = g.color;
  out.text = g.text;
  out.no_text = g.no_text;
  return out;
}

int GlyphElements::of_link(int link) const {
  if (link >= 0 && link < static_cast<int>(inline_elements.links.size()))
    return inline_elements.links[link];
  return element;
}

void GlyphElements::add_link(Page& page, const std::vector<std::string>& links, int link,
                             double x0, double x1, double y0, double y1) const {
  if (link < 0 || link >= static_cast<int>(links.size())) return;
  PageLink out;
  out.x0 = x0;
  out.x1 = x1;
  out.y0 = y0;
  out.y1 = y1;
  out.uri = links[link];
  out.element = of_link(link);
  page.links.push_back(std::move(out));
}

int GlyphElements::of(const PlacedGlyph& g) const {
  if (g.span >= 0 && g.span < static_cast<int>(inline_elements.spans.size()))
    return inline_elements.spans[g.span];
  return of_link(g.link);
}

void paint_line(Page& page, const std::vector<PlacedGlyph>& glyphs, double x, double baseline,
                const std::vector<std::string>& links, int element,
                const InlineElements& inline_elements, const EmBox& em_box) {
  const GlyphElements elements{element, inline_elements};
  int open_link = -1;
  double link_x0 = 0, link_x1 = 0, link_size = 0;
  auto close_link = [&] {
    elements.add_link(page, links, open_link, link_x0, link_x1,
                      baseline - link_size * em_box.ascent, baseline + link_size * em_box.descent);
    open_link = -1;
  };
  for (const PlacedGlyph& g : glyphs) {
    PageGlyph out = drawn_glyph(g);
    out.x = x + g.x;
    out.y = baseline - g.y_offset;
    if (g.emphasis_dot && takes_emphasis_dot(g.text)) {
      // Centred under the character, clear of the em box (which ends 0.12 em
      // below the baseline): a dot 0.15 em across, its centre 0.28 em down.
      page.dots.push_back(
          {x + g.x + g.advance / 2, baseline - g.y_offset + 0.28 * g.size, 0.075 * g.size, g.color});
    }
    out.element = elements.of(g);
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

void paint_frames(Page& page, const std::vector<const FlowItem*>& items,
                  const std::vector<double>& tops, const std::vector<double>& lefts) {
  for (size_t i = 0; i < items.size();) {
    const FlowItem& first = *items[i];
    if (!first.frame) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j + 1 < items.size() && items[j + 1]->frame_id == first.frame_id && lefts[j + 1] == lefts[i])
      ++j;
    const double left = lefts[i];
    const Frame& frame = *first.frame;
    const double pad = frame.padding + frame.border_width;
    const double top = first.frame_first ? tops[i] - pad : tops[i];
    const double bottom = tops[j] + items[j]->height;
    const double x0 = left + first.frame_x0, x1 = left + first.frame_x1;
    if (frame.background || frame.border_width > 0)
      page.boxes.push_back({x0 + frame.border_width / 2, top + frame.border_width / 2,
                            x1 - x0 - frame.border_width, bottom - top - frame.border_width,
                            frame.background, frame.fill, frame.border_width, frame.border});
    if (frame.rule_width > 0) {
      const double x = x0 + pad + frame.rule_width / 2;
      page.rules.push_back({x, top + pad / 2, x, bottom - pad / 2, frame.rule_width, frame.rule});
    }
    i = j + 1;
  }
}

void paint_item(Page& page, const FlowItem& item, double left, double top,
                std::optional<int> element) {
  static const InlineElements none;
  for (const FlowPart& part : item.parts) {
    // Decoration (leader dots) is an artifact wherever it is painted.
    const int own = part.decoration ? kArtifact : element ? *element : part.element;
    const InlineElements& inline_elements = part.decoration || element ? none : part.inline_elements;
    for (int r = 0; r < part.repeat; ++r)
      paint_line(page, part.glyphs, left + part.x + r * part.pitch, top + item.baseline + part.y,
                 part.links, own, inline_elements, item.em_box);
  }
  if (item.image) {
    PageImage image = *item.image;
    if (!item.image_from_page_edge) image.x += left;
    image.y += top;
    page.images.push_back(std::move(image));
  }
}

}  // namespace paiban

#include "paginate/furniture.hpp"

#include "paginate/paint.hpp"

namespace paiban {

std::string expand_template(const std::string& text,
                            const std::map<std::string, std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      size_t close = text.find('}', i);
      if (close != std::string::npos) {
        auto it = fields.find(text.substr(i + 1, close - i - 1));
        if (it != fields.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

std::string expand_furniture_template(const std::string& text,
                                      const std::map<std::string, std::string>& fields) {
  // Pieces: literal text and known fields, in order.
  struct Piece {
    std::string text;
    bool field = false;
  };
  std::vector<Piece> pieces;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      const size_t close = text.find('}', i);
      if (close != std::string::npos) {
        auto it = fields.find(text.substr(i + 1, close - i - 1));
        if (it != fields.end()) {
          pieces.push_back({it->second, true});
          i = close + 1;
          continue;
        }
      }
    }
    if (pieces.empty() || pieces.back().field) pieces.push_back({"", false});
    pieces.back().text += text[i++];
  }
  std::string out;
  for (size_t k = 0; k < pieces.size(); ++k) {
    const Piece& piece = pieces[k];
    if (!piece.field) {
      const bool empty_before = k > 0 && pieces[k - 1].text.empty();
      const bool empty_after = k + 1 < pieces.size() && pieces[k + 1].text.empty();
      if (empty_before || empty_after) continue;  // a separator beside nothing
    }
    out += piece.text;
  }
  return out;
}

namespace {

// One stack of furniture lines (left, centre or right), set from `baseline`
// upwards (header: last line on the baseline) or downwards (footer).
void paint_stack(Page& page, Typesetter& setter, const std::vector<FurnitureText>& lines,
                 const std::map<std::string, std::string>& fields, double left, double baseline,
                 bool upwards, Align default_align) {
  std::vector<size_t> order(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) order[i] = upwards ? lines.size() - 1 - i : i;
  double y = baseline;
  bool first = true;
  for (size_t index : order) {
    const FurnitureText& line = lines[index];
    const TextStyle& style = setter.layout().style(line.style);
    if (!first) y += upwards ? -style.leading : style.leading;
    first = false;
    std::string text = expand_furniture_template(line.text, fields);
    if (text.empty()) continue;
    Align align = line.align == Align::start ? default_align : line.align;
    const SetLine* set = setter.first_line(text, style, align);
    if (!set) continue;
    paint_line(page, set->glyphs, left, y);
  }
}

// Pictures with their bottom on `baseline` (a header's last, a footer's first).
void paint_images(Page& page, const std::vector<FurnitureImage>& images, double left,
                  double measure, double baseline) {
  for (const FurnitureImage& picture : images) {
    const double width = picture.height * picture.image.width / picture.image.height;
    const double x = picture.place == Align::start ? left
                     : picture.place == Align::end ? left + measure - width
                                                   : left + (measure - width) / 2;
    page.images.push_back({picture.image, x, baseline - picture.height, width, picture.height,
                           {picture.image.path, 0, 0}, ""});
  }
}

}  // namespace

void paint_furniture(Page& page, size_t index, Typesetter& setter,
                     const std::map<std::string, std::string>& fields, double left) {
  const Layout& layout = setter.layout();
  const PageGeometry& g = layout.page;
  const double measure = setter.measure();
  const bool verso = index % 2 == 1;  // page 2, 4, ...: left-hand
  // Header: its last baseline `offset` above the text area.
  const Furniture& header = verso && layout.header_verso ? *layout.header_verso : layout.header;
  paint_images(page, header.images, left, measure, g.top - header.offset);
  double header_baseline = g.top - header.offset;
  paint_stack(page, setter, header.left, fields, left, header_baseline, true, Align::start);
  paint_stack(page, setter, header.center, fields, left, header_baseline, true, Align::center);
  paint_stack(page, setter, header.right, fields, left, header_baseline, true, Align::end);
  if (header.rule_width > 0) {
    // Halfway between the header's last baseline and the text area: clear of
    // the header's descenders and of the first line's ascenders alike.
    double y = (header_baseline + g.top) / 2;
    page.rules.push_back({left, y, left + measure, y, header.rule_width, header.rule_color});
  }
  // Footer: its first baseline `offset` below the text area.
  const Furniture& footer = verso && layout.footer_verso ? *layout.footer_verso : layout.footer;
  paint_images(page, footer.images, left, measure, g.height - g.bottom + footer.offset);
  double footer_baseline = g.height - g.bottom + footer.offset;
  paint_stack(page, setter, footer.left, fields, left, footer_baseline, false, Align::start);
  paint_stack(page, setter, footer.center, fields, left, footer_baseline, false, Align::center);
  paint_stack(page, setter, footer.right, fields, left, footer_baseline, false, Align::end);
  if (footer.rule_width > 0) {
    double y = g.height - g.bottom + footer.offset * 0.25;
    page.rules.push_back({left, y, left + measure, y, footer.rule_width, footer.rule_color});
  }
}

}  // namespace paiban

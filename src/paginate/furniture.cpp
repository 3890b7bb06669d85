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
    std::string text = expand_template(line.text, fields);
    if (text.empty()) continue;
    Align align = line.align == Align::start ? default_align : line.align;
    const SetLine* set = setter.first_line(text, style, align);
    if (!set) continue;
    paint_line(page, set->glyphs, left, y);
  }
}

}  // namespace

void paint_furniture(Page& page, Typesetter& setter,
                     const std::map<std::string, std::string>& fields, double left) {
  const Layout& layout = setter.layout();
  const PageGeometry& g = layout.page;
  const double measure = setter.measure();
  // Header: its last baseline `offset` above the text area.
  const Furniture& header = layout.header;
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
  const Furniture& footer = layout.footer;
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

#include "paginate/contents.hpp"

#include <algorithm>
#include <cmath>

namespace paiban {

ContentsFlow set_contents(Typesetter& setter, const std::string& title,
                          const std::vector<Anchor>& anchors, int depth) {
  const Layout& layout = setter.layout();
  const double measure = setter.measure();
  ContentsFlow out;

  const TextStyle& title_style = layout.style(layout.contents.title_style);
  for (const SetLine& line :
       setter.set(title, layout.contents.title_style, measure, title_style.align)) {
    FlowItem item;
    item.height = title_style.leading;
    item.baseline = baseline_in_box(title_style.leading, title_style.size);
    item.parts.push_back(FlowPart{line.glyphs, 0, nullptr});
    item.break_after = false;
    out.items.push_back(std::move(item));
  }
  if (!out.items.empty()) out.items.back().height += title_style.space_after;

  for (size_t a = 0; a < anchors.size(); ++a) {
    const Anchor& anchor = anchors[a];
    if (anchor.level > depth) continue;
    const auto& styles = layout.contents.entry_styles;
    const std::string& style_name = styles[std::min<size_t>(anchor.level - 1, styles.size() - 1)];
    const TextStyle& style = layout.style(style_name);
    const double em = style.size;
    const double indent = (anchor.level - 1) * em * 2;
    std::string number = std::to_string(anchor.page + 1);
    // Room kept for the number: the widest of four digits, so titles wrap the same way
    // whatever the numbers turn out to be (the contents converge faster).
    const double number_room = setter.width_of("0000", style_name) + em;
    auto title_lines =
        setter.set(anchor.title, style_name, measure - indent - number_room, Align::start);
    if (title_lines.empty()) continue;
    auto number_lines = setter.set(number, style_name, measure, Align::end);
    auto dot_lines = setter.set(layout.contents.leader, style_name, measure, Align::start);

    size_t first = out.items.size();
    for (size_t k = 0; k < title_lines.size(); ++k) {
      FlowItem item;
      item.height = style.leading;
      item.baseline = baseline_in_box(style.leading, style.size);
      item.parts.push_back(FlowPart{title_lines[k].glyphs, indent, nullptr});
      if (k + 1 == title_lines.size()) {
        item.parts.push_back(FlowPart{number_lines.at(0).glyphs, 0, nullptr});
        // Leader dots on a grid of 1/2 em from the measure's left edge, so the
        // dots of all entries line up; half an em clear of title and number.
        double title_end = indent + title_lines[k].width + em / 2;
        double number_start = measure;
        for (const PlacedGlyph& g : number_lines.at(0).glyphs)
          number_start = std::min(number_start, g.x);
        number_start -= em / 2;
        if (!dot_lines.empty() && !dot_lines[0].glyphs.empty()) {
          PlacedGlyph dot = dot_lines[0].glyphs[0];
          // At most 1,000 dots a line, whatever the type size.
          const double pitch = std::max(em / 2, measure / 1000);
          const double first = std::ceil(title_end / pitch) * pitch;
          const double room = number_start - dot.advance - first;
          if (room >= 0) {
            dot.x = first;
            FlowPart dots{{dot}, 0, nullptr};
            dots.repeat = static_cast<int>(std::floor(room / pitch + 1e-9)) + 1;
            dots.pitch = pitch;
            item.parts.push_back(std::move(dots));
          }
        }
      }
      out.items.push_back(std::move(item));
    }
    out.items[first].space_before = style.space_before;
    for (size_t k = first; k + 1 < out.items.size(); ++k) out.items[k].break_after = false;
    for (size_t k = first; k < out.items.size(); ++k) out.links.push_back({k, static_cast<int>(a)});
  }
  return out;
}

}  // namespace paiban

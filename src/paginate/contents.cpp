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
  for (const SetLine& line : setter.set(title, title_style, measure, title_style.align)) {
    FlowItem item;
    item.height = title_style.leading;
    item.baseline = setter.baseline_in_box(title_style);
    item.em_box = setter.em_box(title_style);
    item.parts.push_back(FlowPart{.glyphs = line.glyphs});
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
    const double number_room = setter.width_of("0000", style) + em;
    const double title_measure = measure - indent - number_room;
    auto title_lines = setter.set(anchor.title, style, title_measure, Align::start, anchor.where,
                                   anchor.source);
    if (title_lines.empty()) continue;
    // A title over several lines is balanced: set as narrow as it goes
    // without taking another line, so it never ends in a line of one or two
    // characters.
    if (title_lines.size() > 1) {
      for (double narrower = title_measure - em / 2; narrower > title_measure / 2;
           narrower -= em / 2) {
        auto tried = setter.set(anchor.title, style, narrower, Align::start);
        if (tried.size() != title_lines.size()) break;
        title_lines = std::move(tried);
      }
    }
    auto number_lines = setter.set(number, style, measure, Align::end);
    auto dot_lines = setter.set(layout.contents.leader, style, measure, Align::start);

    size_t first = out.items.size();
    for (size_t k = 0; k < title_lines.size(); ++k) {
      FlowItem item;
      item.height = style.leading;
      item.baseline = setter.baseline_in_box(style);
      item.em_box = setter.em_box(style);
      item.parts.push_back(FlowPart{.glyphs = title_lines[k].glyphs, .x = indent});
      if (k + 1 == title_lines.size()) {
        item.parts.push_back(FlowPart{.glyphs = number_lines.at(0).glyphs});
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
            FlowPart dots{.glyphs = {dot}};
            dots.repeat = static_cast<int>(std::floor(room / pitch + 1e-9)) + 1;
            dots.pitch = pitch;
            dots.decoration = true;  // a reader skips the dots
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

std::vector<PlacedPage> build_contents_pages(const ContentsFlow& contents, double area_height,
                                            double first_top) {
  auto pages = build_pages(contents.items, area_height, first_top);
  const size_t n = pages.size();
  if (first_top > 0 || n < 2 || 3 * pages[n - 1].items.size() >= pages[n - 2].items.size()) return pages;
  // Shorter pages until one more would be needed: the last is then as full
  // as the others can leave it.
  const double step = 1;  // pt
  for (double height = area_height - step; height > area_height / 2; height -= step) {
    auto shorter = build_pages(contents.items, height);
    if (shorter.size() != n) break;
    pages = std::move(shorter);
  }
  return pages;
}

SettledContents settle_contents(const Issue& issue, Typesetter& setter, MainFlow& main,
                                std::vector<PlacedPage>& main_pages, const PageSharing& sharing,
                                Warnings& warnings) {
  const Layout& layout = setter.layout();
  const PageGeometry& g = layout.page;
  const double area_height = g.height - g.top - g.bottom;
  const bool has_contents = issue.toc.has_value();
  const std::string contents_title = has_contents && issue.toc->title
                                         ? *issue.toc->title
                                         : layout.wording_for(issue.lang).contents_title;
  const int depth = has_contents ? issue.toc->depth : 2;

  // Lay the contents out until its page count, and so every number in it, holds still.
  size_t contents_pages = has_contents ? 1 : 0;
  SettledContents contents;
  const size_t cover = cover_page_count(layout);
  contents.first_page = cover - (sharing.cover_shared ? 1 : 0);
  const double contents_top = sharing.cover_shared ? sharing.cover_used : 0;
  const bool main_shares = has_contents && sharing.main_after_contents;
  double contents_end = -1;  // how far down the contents' last page is filled
  auto first_main_page = [&] {
    if (!has_contents) return cover - (sharing.cover_shared ? 1 : 0);
    return contents.first_page + contents_pages - (main_shares ? 1 : 0);
  };
  bool converged = !has_contents;
  for (int pass = 0; pass < 6; ++pass) {
    if (main_shares && contents_end >= 0)
      main_pages = build_pages(main.items, area_height, contents_end, column_geometry(layout));
    const size_t first_main = first_main_page();
    for (size_t p = 0; p < main_pages.size(); ++p)
      for (const PlacedItem& placed : main_pages[p].items)
        for (int a : main.items[placed.item].anchors) {
          main.anchors[a].page = static_cast<int>(first_main + p);
          // A vertical page is read from its top right: go to its top.
          main.anchors[a].y =
              g.writing_mode == WritingMode::vertical_rl ? 0 : g.top + placed.top;
        }
    if (!has_contents) break;
    contents.flow = set_contents(setter, contents_title, main.anchors, depth);
    contents.pages = build_contents_pages(contents.flow, area_height, contents_top);
    const double end =
        contents.pages.empty() ? 0 : used_height(contents.pages.back(), contents.flow.items);
    if (contents.pages.size() == contents_pages && (!main_shares || end == contents_end)) {
      converged = true;
      break;
    }
    contents_pages = contents.pages.size();
    contents_end = end;
  }
  contents.first_main_page = first_main_page();
  if (!converged)
    warnings.push_back({"contents-not-converged",
                        issue.toc ? issue.toc->where : SourceLocation{issue.manifest_path},
                        "contents page numbers did not settle after 6 passes"});
  return contents;
}

}  // namespace paiban

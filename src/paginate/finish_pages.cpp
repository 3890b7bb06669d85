#include "paginate/finish_pages.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "paginate/furniture.hpp"
#include "paginate/paint.hpp"
#include "paginate/structure.hpp"

namespace paiban {
namespace {

std::string two_digits(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string format_date(const std::string& format, const Date& date) {
  return expand_template(format, {{"yyyy", std::to_string(date.year)},
                                  {"mm", two_digits(date.month)},
                                  {"dd", two_digits(date.day)},
                                  {"m", std::to_string(date.month)},
                                  {"d", std::to_string(date.day)}});
}

std::map<std::string, std::string> issue_fields(const Issue& issue, const Layout& layout) {
  return {{"title", issue.title},
          {"subtitle", issue.subtitle ? plain_text(*issue.subtitle) : ""},
          {"organization", issue.organization ? plain_text(*issue.organization) : ""},
          {"publisher", plain_text(issue.publisher)},
          {"date", format_date(layout.wording_for(issue.lang).date_format, issue.date)},
          {"number", issue.number}};
}

// The front page: the layout's colour, bands and items stacked from the
// top margin. Returns where the items end, pt from the page's top. Its
// text goes into the structure under `cover_element` when `structure` is
// given (a scratch setting only measures).
double set_cover(const Issue& issue, const Layout& layout, Typesetter& setter, Page& page,
                 double left, StructureBuilder* structure = nullptr, int cover_element = 0) {
  auto fields = issue_fields(issue, layout);
  const PageGeometry& g = layout.page;
  // Colour behind everything: the whole page and bands, full bleed (in
  // print the bleed is 3 mm past the trim; on screen it is cut off).
  if (layout.cover_background)
    page.boxes.push_back({-g.bleed, -g.bleed, g.width + 2 * g.bleed, g.height + 2 * g.bleed, true,
                          *layout.cover_background, 0, {}});
  for (const CoverBand& band : layout.cover_bands) {
    const double top = band.top <= 0 ? -g.bleed : band.top;
    const double bottom = band.top + band.height >= g.height ? g.height + g.bleed
                                                             : band.top + band.height;
    page.boxes.push_back({-g.bleed, top, g.width + 2 * g.bleed, bottom - top, true, band.color, 0, {}});
  }
  const double measure = setter.measure();
  auto across = [&](double width, Align align) {  // x of something `width` wide
    return align == Align::start ? left
           : align == Align::end ? left + measure - width
                                 : left + (measure - width) / 2;
  };
  double y = g.top;
  for (const CoverItem& cover : layout.cover) {
    y += cover.space_before;
    if (cover.kind == CoverItem::Kind::image) {
      const double height = cover.width * cover.image.height / cover.image.width;
      // A logo is decoration: an artifact, like the bands behind it.
      page.images.push_back({cover.image, across(cover.width, cover.align), y, cover.width, height,
                             {layout.path, 0, 0}, "", kArtifact});
      y += height;
      continue;
    }
    if (cover.kind == CoverItem::Kind::rule) {
      const double length = cover.width > 0 ? std::min(cover.width, measure) : measure;
      const double x = across(length, cover.align);
      page.rules.push_back({x, y + cover.thickness / 2, x + length, y + cover.thickness / 2,
                            cover.thickness, cover.color});
      y += cover.thickness;
      continue;
    }
    // Like a running head: "第{number}期" is left out when there is no number.
    std::string text = expand_furniture_template(cover.text, fields);
    const TextStyle& style = layout.style(cover.style);
    if (text.empty()) continue;
    const int element = structure ? structure->add("P", cover_element) : kArtifact;
    for (const SetLine& line : setter.set(text, style, measure, style.align)) {
      paint_line(page, line.glyphs, left, y + setter.baseline_in_box(style), {}, element);
      y += style.leading;
    }
  }
  return y;
}

// Left margin of a 0-based page: odd printed pages (right-hand) get the
// inner margin on the left. Pages of a vertical issue progress right to
// left: its odd printed pages are left-hand, bound on their right.
double left_margin(const PageGeometry& g, size_t page_index) {
  const bool recto = page_index % 2 == 0;
  if (g.writing_mode == WritingMode::vertical_rl) return recto ? g.outer : g.inner;
  return recto ? g.inner : g.outer;
}

}  // namespace

double cover_bottom(const Issue& issue, Typesetter& setter) {
  Page scratch;
  return set_cover(issue, setter.layout(), setter, scratch, 0);
}

Document finish_pages(const Issue& issue, Typesetter& setter, const MainFlow& main,
                      const std::vector<PlacedPage>& main_pages, const SettledContents& contents) {
  const Layout& layout = setter.layout();
  const PageGeometry& g = layout.page;
  auto fields = issue_fields(issue, layout);

  Document doc;
  doc.geometry = g;
  doc.spots = layout.spots;
  doc.title = issue.title;
  doc.author = plain_text(issue.publisher);
  doc.subject = issue.organization ? plain_text(*issue.organization) : issue.title;
  doc.lang = issue.lang;
  doc.date = issue.date;
  doc.structure = main.structure;
  StructureBuilder structure(doc.structure);  // cover and contents elements go in their places

  // The page at `index`, made when it is first asked for; the section it
  // opens in is its {section}. Furniture comes last, when {pages} is known.
  std::vector<std::string> section_of_page;
  auto page_at = [&](size_t index, const std::string& section) -> Page& {
    while (doc.pages.size() <= index) {
      doc.pages.emplace_back();
      doc.pages.back().label = std::to_string(doc.pages.size());
      section_of_page.push_back(section);
    }
    return doc.pages[index];
  };

  if (cover_page_count(layout))
    set_cover(issue, layout, setter, page_at(0, ""), left_margin(g, 0), &structure,
              main.cover_element);
  std::map<size_t, int> contents_link_of;
  for (const ContentsLink& link : contents.flow.links) contents_link_of[link.item] = link.anchor;
  std::map<int, int> link_element_of_anchor;  // each entry: TOCI > Link, over its lines
  for (size_t p = 0; p < contents.pages.size(); ++p) {
    const size_t index = contents.first_page + p;
    Page& page = page_at(index, "");
    const double left = left_margin(g, index);
    for (const PlacedItem& placed : contents.pages[p].items) {
      const FlowItem& item = contents.flow.items[placed.item];
      auto it = contents_link_of.find(placed.item);
      int element = main.contents_heading;
      if (it != contents_link_of.end()) {
        auto [entry, fresh] = link_element_of_anchor.emplace(it->second, 0);
        if (fresh) entry->second = structure.add("Link", structure.add("TOCI", main.toc_element));
        element = entry->second;
      }
      paint_item(page, item, left, g.top + placed.top, element);
      if (it != contents_link_of.end()) {
        const Anchor& anchor = main.anchors[it->second];
        PageLink link;
        link.x0 = left;
        link.x1 = left + setter.measure();
        link.y0 = g.top + placed.top;
        link.y1 = link.y0 + item.height;
        link.target_page = anchor.page;
        link.target_y = anchor.y;
        link.element = element;
        page.links.push_back(link);
      }
    }
  }
  for (size_t p = 0; p < main_pages.size(); ++p) {
    const PlacedPage& placed_page = main_pages[p];
    const size_t index = contents.first_main_page + p;
    if (placed_page.empty() && p == 0 && index < doc.pages.size()) continue;  // nothing fitted
    int section = placed_page.empty() ? -1 : main.items[placed_page.items.front().item].section;
    Page& page = page_at(index, section >= 0 ? main.section_titles[section] : "");
    const double left = left_margin(g, index);
    // Painted in the flow's order, which is the reading order, wherever a
    // figure stands (at the page's top, at its foot): the content stream and
    // the tags read as the manifest does.
    std::vector<PlacedItem> in_order = placed_page.items;
    std::stable_sort(in_order.begin(), in_order.end(),
                     [](const PlacedItem& a, const PlacedItem& b) { return a.item < b.item; });
    std::vector<const FlowItem*> on_page;
    std::vector<double> tops, lefts;
    for (const PlacedItem& placed : in_order) on_page.push_back(&main.items[placed.item]);
    if (g.writing_mode == WritingMode::vertical_rl) {  // one column: collect_blocks
      const VerticalArea area{g.width - (g.inner + g.outer - left), g.top};
      for (const PlacedItem& placed : in_order) tops.push_back(placed.top);
      paint_vertical_frames(page, on_page, tops, area);
      for (const PlacedItem& placed : in_order)
        paint_vertical_item(page, main.items[placed.item], area, placed.top);
      continue;
    }
    for (const PlacedItem& placed : in_order) {
      tops.push_back(g.top + placed.top);
      lefts.push_back(left + placed.x);
    }
    paint_frames(page, on_page, tops, lefts);
    for (const PlacedItem& placed : in_order)
      paint_item(page, main.items[placed.item], left + placed.x, g.top + placed.top);
    // Column rules: centred in each gap between two columns that hold text.
    if (layout.columns.rule_width > 0)
      for (const ColumnGap& gap : placed_page.gaps)
        page.rules.push_back({left + gap.x, g.top + gap.top, left + gap.x, g.top + gap.bottom,
                              layout.columns.rule_width, layout.columns.rule_color});
  }
  for (size_t index = 0; index < doc.pages.size(); ++index) {
    if (index == 0 && !layout.furniture_on_first_page) continue;
    auto page_fields = fields;
    page_fields["page"] = doc.pages[index].label;
    page_fields["pages"] = std::to_string(doc.pages.size());
    page_fields["section"] = section_of_page[index];
    // Painted apart and put first, so a page's text reads header first as before.
    Page furniture;
    paint_furniture(furniture, index, setter, page_fields, left_margin(g, index));
    Page& page = doc.pages[index];
    page.glyphs.insert(page.glyphs.begin(), furniture.glyphs.begin(), furniture.glyphs.end());
    page.rules.insert(page.rules.begin(), furniture.rules.begin(), furniture.rules.end());
    page.images.insert(page.images.end(), furniture.images.begin(), furniture.images.end());
  }
  for (const Anchor& anchor : main.anchors)
    if (anchor.level <= 2 && anchor.page >= 0)
      doc.outline.push_back({anchor.title, anchor.level, anchor.page, anchor.y});
  return doc;
}

}  // namespace paiban

#include "paginate/finish_pages.hpp"

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

// The front page: the layout's cover items stacked from the top margin.
Page set_cover(const Issue& issue, const Layout& layout, Typesetter& setter, double left,
               StructureBuilder& structure, int cover_element) {
  Page page;
  auto fields = issue_fields(issue, layout);
  double y = layout.page.top;
  for (const CoverItem& cover : layout.cover) {
    std::string text = expand_template(cover.text, fields);
    const TextStyle& style = layout.style(cover.style);
    y += cover.space_before;
    if (text.empty()) continue;
    const int element = structure.add("P", cover_element);
    for (const SetLine& line : setter.set(text, style, setter.measure(), style.align)) {
      paint_line(page, line.glyphs, left, y + baseline_in_box(style.leading, style.size), {},
                 element);
      y += style.leading;
    }
  }
  return page;
}

// Left margin of a 0-based page: odd printed pages (right-hand) get the inner margin on the left.
double left_margin(const PageGeometry& g, size_t page_index) {
  return page_index % 2 == 0 ? g.inner : g.outer;
}

}  // namespace

Document finish_pages(const Issue& issue, Typesetter& setter, const MainFlow& main,
                      const std::vector<PlacedPage>& main_pages, const SettledContents& contents) {
  const Layout& layout = setter.layout();
  const PageGeometry& g = layout.page;
  auto fields = issue_fields(issue, layout);

  Document doc;
  doc.geometry = g;
  doc.title = issue.title;
  doc.author = plain_text(issue.publisher);
  doc.subject = issue.organization ? plain_text(*issue.organization) : issue.title;
  doc.lang = issue.lang;
  doc.date = issue.date;
  doc.structure = main.structure;
  StructureBuilder structure(doc.structure);  // cover and contents elements go in their places

  auto new_page = [&](const std::string& section) -> Page& {
    doc.pages.emplace_back();
    Page& page = doc.pages.back();
    size_t index = doc.pages.size() - 1;
    page.label = std::to_string(index + 1);
    if (index > 0 || layout.furniture_on_first_page) {
      auto page_fields = fields;
      page_fields["page"] = page.label;
      page_fields["section"] = section;
      paint_furniture(page, setter, page_fields, left_margin(g, index));
    }
    return page;
  };

  if (cover_page_count(layout)) {
    doc.pages.push_back(
        set_cover(issue, layout, setter, left_margin(g, 0), structure, main.cover_element));
    doc.pages.back().label = "1";
    if (layout.furniture_on_first_page) {
      auto page_fields = fields;
      page_fields["page"] = "1";
      page_fields["section"] = "";
      paint_furniture(doc.pages.back(), setter, page_fields, left_margin(g, 0));
    }
  }
  std::map<size_t, int> contents_link_of;
  for (const ContentsLink& link : contents.flow.links) contents_link_of[link.item] = link.anchor;
  std::map<int, int> link_element_of_anchor;  // each entry: TOCI > Link, over its lines
  for (const PlacedPage& placed_page : contents.pages) {
    Page& page = new_page("");
    double left = left_margin(g, doc.pages.size() - 1);
    for (const PlacedItem& placed : placed_page) {
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
  for (const PlacedPage& placed_page : main_pages) {
    int section = placed_page.empty() ? -1 : main.items[placed_page.front().item].section;
    Page& page = new_page(section >= 0 ? main.section_titles[section] : "");
    double left = left_margin(g, doc.pages.size() - 1);
    for (const PlacedItem& placed : placed_page)
      paint_item(page, main.items[placed.item], left, g.top + placed.top);
  }
  for (const Anchor& anchor : main.anchors)
    if (anchor.level <= 2 && anchor.page >= 0)
      doc.outline.push_back({anchor.title, anchor.level, anchor.page, anchor.y});
  return doc;
}

}  // namespace paiban

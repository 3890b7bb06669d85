// Pagination: the issue's parts become flow items, flow items become pages,
// and the contents page is set again until every page number in it is
// stable (the contents' own length can move what follows).
#include "paiban/paginate.hpp"

#include <cstdio>
#include <map>

#include "paginate/contents.hpp"
#include "paginate/furniture.hpp"
#include "paginate/page_builder.hpp"
#include "paginate/paint.hpp"
#include "paginate/typesetter.hpp"

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

InlineText as_inline(const std::string& text, const SourceLocation& where = {}) {
  return {InlineRun{text, false, false, "", false, where}};
}

// The main flow: sections, their articles, then the back matter.
struct MainFlow {
  std::vector<FlowItem> items;
  std::vector<Anchor> anchors;
  std::vector<std::string> section_titles;
};

MainFlow set_main_flow(const Issue& issue, Typesetter& setter) {
  MainFlow flow;
  const std::string source_label = setter.layout().wording_for(issue.lang).source_label;
  auto& items = flow.items;
  auto anchor_here = [&](size_t first_item, const std::string& title, int level) {
    flow.anchors.push_back({title, level, -1, 0});
    if (first_item < items.size())
      items[first_item].anchors.push_back(int(flow.anchors.size() - 1));
  };
  for (const Section& section : issue.sections) {
    int s = static_cast<int>(flow.section_titles.size());
    flow.section_titles.push_back(section.title);
    size_t first = items.size();
    setter.add_paragraph(items, as_inline(section.title, section.where), "section", 0, 0, false, s);
    anchor_here(first, section.title, 1);
    keep_with_next(items);
    for (const Article& article : section.articles) {
      first = items.size();
      setter.add_paragraph(items, article.heading, "heading", 0, 0, false, s);
      anchor_here(first, plain_text(article.heading), 2);
      keep_with_next(items);
      for (const Block& block : article.blocks) {
        first = items.size();
        setter.add_block(items, block, s);
        if (block.kind == BlockKind::subheading) anchor_here(first, plain_text(block.text), 3);
      }
      if (article.source) {
        keep_with_next(items);  // the 来源 line stays with the end of its article
        InlineText source = as_inline(source_label, article.where);
        source.insert(source.end(), article.source->begin(), article.source->end());
        setter.add_paragraph(items, source, "source", 0, 0, false, s);
      }
    }
  }
  if (issue.backmatter) {
    size_t first = items.size();
    int s = static_cast<int>(flow.section_titles.size()) - 1;
    for (const Block& block : *issue.backmatter) setter.add_block(items, block, s);
    if (first < items.size() && setter.layout().backmatter_new_page)
      items[first].page_break_before = true;
  }
  return flow;
}

// The front page: the layout's cover items stacked from the top margin.
Page set_cover(const Issue& issue, const Layout& layout, Typesetter& setter, double left) {
  Page page;
  auto fields = issue_fields(issue, layout);
  double y = layout.page.top;
  for (const CoverItem& cover : layout.cover) {
    std::string text = expand_template(cover.text, fields);
    const TextStyle& style = layout.style(cover.style);
    y += cover.space_before;
    if (text.empty()) continue;
    for (const SetLine& line : setter.set(text, cover.style, setter.measure(), style.align)) {
      paint_line(page, line.glyphs, left, y + baseline_in_box(style.leading, style.size), nullptr);
      y += style.leading;
    }
  }
  return page;
}

// Left margin of a 0-based page: odd printed pages (right-hand) get the inner margin on the left.
double left_margin(const PageGeometry& g, size_t page_index) {
  return page_index % 2 == 0 ? g.inner : g.outer;
}

// Every <family> a layout names must be installed: a missing one would set
// the issue in some fallback face without a word. (A <fallback> is only
// tried, by coverage; a missing one is skipped.)
void require_families(const Layout& layout, const std::string& lang, FontCache& fonts) {
  for (const auto& [name, role] : layout.fonts) {
    for (const std::string& family : role.families) {
      if (fonts.find(family, role.weight, lang)) continue;
      auto package = debian_package_for_family(family);
      throw InputError(role.where.file.empty() ? SourceLocation{layout.path} : role.where,
                       "font family \"" + family + "\" (role \"" + name + "\") is not installed" +
                           (package ? "; it is in the Debian package " + *package +
                                          " (apt-get install " + *package + ")"
                                    : "; 'fc-list : family' lists the installed families"));
    }
  }
}

// libharu keeps a document's pages in one array of at most 32,767 entries;
// 32,764 is the largest multiple of 4 below (--saddle-stitch pads to one).
constexpr size_t max_pages = 32764;

/// Refuses an issue whose pages, `before` of them ahead of the main flow,
/// would be more than a PDF written by libharu holds: at the section whose
/// page is the first one too many.
void check_page_count(const Issue& issue, const MainFlow& main,
                      const std::vector<std::vector<PlacedItem>>& main_pages, size_t before) {
  if (before + main_pages.size() <= max_pages) return;
  const size_t first_over = max_pages >= before ? max_pages - before : 0;
  SourceLocation where{issue.manifest_path};
  for (size_t p = first_over; p < main_pages.size() && where.line == 0; ++p) {
    if (main_pages[p].empty()) continue;
    int section = main.items[main_pages[p].front().item].section;
    if (section >= 0 && static_cast<size_t>(section) < issue.sections.size())
      where = issue.sections[section].where;
  }
  throw InputError(where, "the issue would have " + std::to_string(before + main_pages.size()) +
                              " pages, page " + std::to_string(max_pages + 1) +
                              " in this section; a PDF written by paiban holds at most " +
                              std::to_string(max_pages));
}

}  // namespace

Document paginate(const Issue& issue, const Layout& layout, FontCache& fonts, Warnings& warnings) {
  require_families(layout, issue.lang, fonts);
  Typesetter setter(layout, issue.lang, fonts, warnings);
  const PageGeometry& g = layout.page;
  const double area_height = g.height - g.top - g.bottom;
  auto fields = issue_fields(issue, layout);

  MainFlow main = set_main_flow(issue, setter);
  auto main_pages = build_pages(main.items, area_height);

  const size_t cover_pages = layout.cover.empty() ? 0 : 1;
  check_page_count(issue, main, main_pages, cover_pages);
  const bool has_contents = issue.toc.has_value();
  const std::string contents_title = has_contents && issue.toc->title
                                         ? *issue.toc->title
                                         : layout.wording_for(issue.lang).contents_title;
  const int depth = has_contents ? issue.toc->depth : 2;

  // Lay the contents out until its page count, and so every number in it, holds still.
  size_t contents_pages = has_contents ? 1 : 0;
  ContentsFlow contents;
  std::vector<std::vector<PlacedItem>> contents_built;
  bool converged = !has_contents;
  for (int pass = 0; pass < 6; ++pass) {
    const size_t first_main = cover_pages + contents_pages;
    for (size_t p = 0; p < main_pages.size(); ++p)
      for (const PlacedItem& placed : main_pages[p])
        for (int a : main.items[placed.item].anchors) {
          main.anchors[a].page = static_cast<int>(first_main + p);
          main.anchors[a].y = g.top + placed.top;
        }
    if (!has_contents) break;
    contents = set_contents(setter, contents_title, main.anchors, depth);
    contents_built = build_pages(contents.items, area_height);
    if (contents_built.size() == contents_pages) {
      converged = true;
      break;
    }
    contents_pages = contents_built.size();
  }
  check_page_count(issue, main, main_pages, cover_pages + contents_pages);
  if (!converged)
    warnings.push_back({"contents-not-converged",
                        {issue.manifest_path, 0, 0},
                        "contents page numbers did not settle after 6 passes"});

  Document doc;
  doc.geometry = g;
  doc.title = issue.title;
  doc.author = plain_text(issue.publisher);
  doc.subject = issue.organization ? plain_text(*issue.organization) : issue.title;
  doc.lang = issue.lang;
  doc.date = issue.date;

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

  if (cover_pages) {
    doc.pages.push_back(set_cover(issue, layout, setter, left_margin(g, 0)));
    doc.pages.back().label = "1";
    if (layout.furniture_on_first_page) {
      auto page_fields = fields;
      page_fields["page"] = "1";
      page_fields["section"] = "";
      paint_furniture(doc.pages.back(), setter, page_fields, left_margin(g, 0));
    }
  }
  std::map<size_t, int> contents_link_of;
  for (const ContentsLink& link : contents.links) contents_link_of[link.item] = link.anchor;
  for (const auto& placed_page : contents_built) {
    Page& page = new_page("");
    double left = left_margin(g, doc.pages.size() - 1);
    for (const PlacedItem& placed : placed_page) {
      const FlowItem& item = contents.items[placed.item];
      paint_item(page, item, left, g.top + placed.top);
      auto it = contents_link_of.find(placed.item);
      if (it != contents_link_of.end()) {
        const Anchor& anchor = main.anchors[it->second];
        PageLink link;
        link.x0 = left;
        link.x1 = left + setter.measure();
        link.y0 = g.top + placed.top;
        link.y1 = link.y0 + item.height;
        link.target_page = anchor.page;
        link.target_y = anchor.y;
        page.links.push_back(link);
      }
    }
  }
  for (const auto& placed_page : main_pages) {
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

// Pagination in four steps: the issue's parts become a flow of line boxes
// (collect_blocks), the flow becomes pages (build_pages), the contents are
// set until every page number in them is stable (settle_contents: their own
// length can move what follows), and the pages are painted with their
// furniture (finish_pages).
#include "paiban/paginate.hpp"

#include "paginate/collect_blocks.hpp"
#include "paginate/contents.hpp"
#include "paginate/finish_pages.hpp"
#include "paginate/page_builder.hpp"
#include "paginate/typesetter.hpp"

namespace paiban {
namespace {

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
                      const std::vector<PlacedPage>& main_pages, size_t before) {
  if (before + main_pages.size() <= max_pages) return;
  const size_t first_over = max_pages >= before ? max_pages - before : 0;
  SourceLocation where{issue.manifest_path};
  for (size_t p = first_over; p < main_pages.size() && where.line == 0; ++p) {
    if (main_pages[p].empty()) continue;
    int section = main.items[main_pages[p].items.front().item].section;
    if (section >= 0 && static_cast<size_t>(section) < issue.sections.size())
      where = issue.sections[section].where;
  }
  throw InputError(where, "the issue would have " + std::to_string(before + main_pages.size()) +
                              " pages, page " + std::to_string(max_pages + 1) +
                              " in this section; a PDF written by paiban holds at most " +
                              std::to_string(max_pages));
}

}  // namespace

Document paginate(const Issue& issue, const Layout& layout, FontCache& fonts, Warnings& warnings,
                  unsigned threads) {
  require_families(layout, issue.lang, fonts);
  Typesetter setter(layout, issue.lang, fonts, warnings);
  setter.set_default_location({issue.manifest_path});
  const PageGeometry& g = layout.page;

  // The main flow in the layout's writing mode; a vertical flow's line
  // boxes stack right to left, so its pages are as deep as the text area is
  // wide, and it never shares a page with the (horizontal) cover or contents.
  const bool vertical = g.writing_mode == WritingMode::vertical_rl;
  setter.set_writing_mode(g.writing_mode);
  MainFlow main = collect_blocks(issue, setter, threads);
  setter.set_writing_mode(WritingMode::horizontal_tb);
  PageSharing sharing;
  sharing.cover_shared = cover_page_count(layout) && !layout.cover_page_alone && !vertical;
  sharing.cover_used = sharing.cover_shared ? cover_bottom(issue, setter) - g.top : 0;
  sharing.main_after_contents = issue.toc.has_value() && !layout.contents.new_page && !vertical;
  const double main_top = !issue.toc && sharing.cover_shared ? sharing.cover_used : 0;
  const double main_depth = vertical ? g.width - g.inner - g.outer : g.height - g.top - g.bottom;
  std::vector<PlacedPage> main_pages =
      build_pages(main.items, main_depth, main_top, column_geometry(layout));
  check_page_count(issue, main, main_pages, cover_page_count(layout));
  SettledContents contents = settle_contents(issue, setter, main, main_pages, sharing, warnings);
  check_page_count(issue, main, main_pages, contents.first_main_page);
  return finish_pages(issue, setter, main, main_pages, contents);
}

}  // namespace paiban

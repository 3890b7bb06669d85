// The contents page: one entry per anchor down to the requested depth:
// title, dotted leader, right-aligned page number, and a link to the page.
#pragma once
#include <vector>

#include "paginate/collect_blocks.hpp"
#include "paginate/flow.hpp"
#include "paginate/page_builder.hpp"
#include "paginate/typesetter.hpp"

namespace paiban {

/// A contents entry line: which anchor it points at, for the link.
struct ContentsLink {
  size_t item = 0;  ///< index in the contents flow
  int anchor = -1;  ///< index in the anchor table
};

struct ContentsFlow {
  std::vector<FlowItem> items;
  std::vector<ContentsLink> links;
};

/// Sets the contents from anchors whose page numbers are known (`page` is
/// 0-based; the printed number is page + 1).
ContentsFlow set_contents(Typesetter& setter, const std::string& title,
                          const std::vector<Anchor>& anchors, int depth);

/// The contents in pages of `area_height` pt, balanced: when the last page
/// would hold only a few entries (less than a third of the page before), the
/// pages are filled evenly instead (the same number of pages, each as short
/// as that allows), so no run-over page holds a handful of entries.
std::vector<PlacedPage> build_contents_pages(const ContentsFlow& contents, double area_height,
                                            double first_top = 0);

/// The contents as they stand once their page numbers hold still (empty when
/// the issue has no <toc>).
struct SettledContents {
  ContentsFlow flow;
  std::vector<PlacedPage> pages;
  size_t first_page = 0;       ///< the contents' first page (0 when it shares the front page)
  size_t first_main_page = 0;  ///< the main flow's first page
};

/// Which pages are shared: <cover alone="no"> puts what follows the cover
/// (the contents, else the main flow) on the front page below `cover_used`
/// pt of the text area; <contents new-page="no"> starts the main flow on the
/// contents' last page.
struct PageSharing {
  bool cover_shared = false;
  double cover_used = 0;
  bool main_after_contents = false;
};

/// Pagination, step 3. Fills in where every anchor of `main` is (page and y,
/// the main pages following the front page and the contents) and, when the
/// issue asks for contents, sets them again until their page count, and so
/// every number in them, holds still. Warns "contents-not-converged" when
/// that takes more than 6 passes.
/// `main_pages` are built again (from a new first-page top) when the main
/// flow shares the contents' last page.
SettledContents settle_contents(const Issue& issue, Typesetter& setter, MainFlow& main,
                                std::vector<PlacedPage>& main_pages, const PageSharing& sharing,
                                Warnings& warnings);

}  // namespace paiban

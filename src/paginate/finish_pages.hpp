// Pagination, step 4: the Document, page by page.
#pragma once
#include <vector>

#include "paginate/collect_blocks.hpp"
#include "paginate/contents.hpp"
#include "paginate/page_builder.hpp"
#include "paginate/typesetter.hpp"
#include "paiban/document.hpp"
#include "paiban/issue.hpp"

namespace paiban {

/// Where the front page's items end, pt from the page's top.
double cover_bottom(const Issue& issue, Typesetter& setter);

/// Paints the pages in order (the front page, the contents with their links,
/// the main flow), each with its running header and footer, and the outline
/// of sections and articles.
Document finish_pages(const Issue& issue, Typesetter& setter, const MainFlow& main,
                      const std::vector<PlacedPage>& main_pages, const SettledContents& contents);

}  // namespace paiban

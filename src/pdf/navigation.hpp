// Navigation: link annotations, bookmarks (outline) and page labels.
#pragma once
#include <vector>

#include "paiban/document.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/hpdf.hpp"

namespace paiban::pdf {

/// An /XYZ destination at `doc_y` of `page` keeping the viewer's zoom
/// (null zoom, written by hand: libharu refuses zoom < 0.08).
HPDF_Destination xyz_destination(HpdfDoc& doc, HPDF_Page page, const PageFrame& frame,
                                 double doc_y);

/// Link annotations of one page, border 0, printable (/F 4, as PDF/A wants).
/// Returns the annotation of each link (null for one with nothing to click
/// to). Throws on a target page out of range.
std::vector<HPDF_Annotation> add_links(HpdfDoc& doc, HPDF_Page page,
                                       const std::vector<PageLink>& links,
                                       const std::vector<HPDF_Page>& pages, const PageFrame& frame);

/// Bookmarks with their levels; titles as UTF-16BE (safe beyond the BMP).
void add_outline(HpdfDoc& doc, const std::vector<OutlineEntry>& outline,
                 const std::vector<HPDF_Page>& pages, const PageFrame& frame);

/// /PageLabels when some printed label differs from the physical number.
void add_page_labels(HpdfDoc& doc, const std::vector<Page>& pages);

}  // namespace paiban::pdf

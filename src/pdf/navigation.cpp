#include "pdf/navigation.hpp"

#include <algorithm>
#include <stdexcept>

#include "pdf/pdf_syntax.hpp"

namespace paiban::pdf {

HPDF_Destination xyz_destination(HpdfDoc& doc, HPDF_Page page, const PageFrame& frame,
                                 double doc_y) {
  HPDF_Destination dst = doc.checked(HPDF_Page_CreateDestination(page), "creating a destination");
  // [page /Fit] -> [page /XYZ left top null]
  HPDF_Array_Clear(dst);
  doc.push(dst, page);
  doc.push_name(dst, "XYZ");
  doc.push_real(dst, frame.x(0));
  doc.push_real(dst, frame.y(std::max(0.0, doc_y)));
  doc.push(dst, doc.new_null());
  return dst;
}

std::vector<HPDF_Annotation> add_links(HpdfDoc& doc, HPDF_Page page,
                                       const std::vector<PageLink>& links,
                                       const std::vector<HPDF_Page>& pages,
                                       const PageFrame& frame) {
  std::vector<HPDF_Annotation> annotations;
  for (const PageLink& link : links) {
    annotations.push_back(nullptr);
    HPDF_Rect rect;
    rect.left = static_cast<HPDF_REAL>(frame.x(std::min(link.x0, link.x1)));
    rect.right = static_cast<HPDF_REAL>(frame.x(std::max(link.x0, link.x1)));
    rect.bottom = static_cast<HPDF_REAL>(frame.y(std::max(link.y0, link.y1)));
    rect.top = static_cast<HPDF_REAL>(frame.y(std::min(link.y0, link.y1)));
    HPDF_Annotation annot = nullptr;
    if (link.target_page >= 0) {
      if (static_cast<size_t>(link.target_page) >= pages.size())
        throw std::runtime_error("PDF writer: a link points to page " +
                                 std::to_string(link.target_page + 1) + " of " +
                                 std::to_string(pages.size()));
      HPDF_Page target = pages[link.target_page];
      annot = doc.checked(
          HPDF_Page_CreateLinkAnnot(page, rect, xyz_destination(doc, target, frame, link.target_y)),
          "creating a link");
    } else if (!link.uri.empty()) {
      annot = doc.checked(HPDF_Page_CreateURILinkAnnot(page, rect, link.uri.c_str()),
                          "creating a link to " + link.uri.substr(0, 80));
    } else {
      continue;  // neither target nor URI: nothing to click to
    }
    doc.check(HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0), "setting a link's border");
    doc.add_number(annot, "F", 4);  // Print: PDF/A forbids annotations that vanish in print
    annotations.back() = annot;
  }
  return annotations;
}

void add_outline(HpdfDoc& doc, const std::vector<OutlineEntry>& outline,
                 const std::vector<HPDF_Page>& pages, const PageFrame& frame) {
  std::vector<HPDF_Outline> open;  // open[i]: the last entry of level i + 1
  for (const OutlineEntry& entry : outline) {
    if (entry.page < 0 || static_cast<size_t>(entry.page) >= pages.size())
      throw std::runtime_error("PDF writer: bookmark \"" + entry.title + "\" points to page " +
                               std::to_string(entry.page + 1) + " of " +
                               std::to_string(pages.size()));
    // A level may go at most one deeper than the entry before it.
    size_t level = std::clamp<size_t>(entry.level < 1 ? 1 : entry.level, 1, open.size() + 1);
    HPDF_Outline parent = level == 1 ? nullptr : open[level - 2];
    // libharu's own title encoding turns characters beyond the BMP into
    // spaces, so the title is replaced by a UTF-16BE string.
    HPDF_Outline item =
        doc.checked(HPDF_CreateOutline(doc.get(), parent, "", nullptr), "creating a bookmark");
    doc.add(item, "Title", doc.new_binary(text_string_bytes(entry.title)));
    doc.check(
        HPDF_Outline_SetDestination(item, xyz_destination(doc, pages[entry.page], frame, entry.y)),
        "setting a bookmark's destination");
    doc.check(HPDF_Outline_SetOpened(item, level == 1 ? HPDF_TRUE : HPDF_FALSE),
              "opening a bookmark");
    open.resize(level);
    open[level - 1] = item;
  }
}

namespace {
bool all_digits(const std::string& s) {
  return !s.empty() && s.size() <= 9 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

void add_page_labels(HpdfDoc& doc, const std::vector<Page>& pages) {
  // An empty label means "no printed number": it counts as the physical one.
  auto number = [&](size_t i) -> std::optional<long> {
    const std::string& label = pages[i].label;
    if (label.empty()) return static_cast<long>(i + 1);
    if (all_digits(label)) return std::stol(label);
    return std::nullopt;
  };
  bool needed = false;
  for (size_t i = 0; i < pages.size(); ++i) needed = needed || number(i) != long(i + 1);
  if (!needed) return;

  HPDF_Array nums = doc.new_array();
  for (size_t i = 0; i < pages.size(); ++i) {
    auto n = number(i);
    // A decimal range goes on while the numbers count up by one.
    if (i > 0 && n && number(i - 1) && *number(i - 1) + 1 == *n) continue;
    HPDF_Dict range = doc.new_dict(false);
    if (n) {
      doc.add_name(range, "S", "D");
      doc.add_number(range, "St", static_cast<int>(*n));
    } else {
      doc.add(range, "P", doc.new_binary(text_string_bytes(pages[i].label)));
    }
    doc.push_number(nums, static_cast<int>(i));
    doc.push(nums, range);
  }
  HPDF_Dict labels = doc.new_dict(false);
  doc.add(labels, "Nums", nums);
  doc.add(doc.get()->catalog, "PageLabels", labels);
}

}  // namespace paiban::pdf

// Tagged PDF: marked content on the pages and the structure tree over it
// (ISO 32000-1 14.7-14.8). While the pages are written, each run of content
// is opened as marked content of its structure element (with an MCID) or as
// an Artifact; afterwards the elements, the ParentTree and /MarkInfo are
// written.
#pragma once
#include <string>
#include <vector>

#include "paiban/document.hpp"
#include "pdf/hpdf.hpp"

namespace paiban::pdf {

class StructureTree {
 public:
  explicit StructureTree(const std::vector<StructureElement>& elements);

  /// Content from now on is on the next page (0-based, in order).
  void begin_page();
  /// Operators opening marked content for `element`: "/P <</MCID 3>> BDC",
  /// or "/Artifact BMC" for kArtifact. Close with "EMC".
  std::string open(int element);
  /// Records a link annotation on page `page` that belongs to `element` (an
  /// object reference in the element, /StructParent on the annotation).
  void add_annotation(int element, HPDF_Annotation annotation, size_t page);

  /// Writes the elements that have content, /StructTreeRoot with its
  /// ParentTree, /StructParents on the pages and /MarkInfo. `pages` are the
  /// page objects in order.
  void write(HpdfDoc& doc, const std::vector<HPDF_Page>& pages);

 private:
  struct Content {
    long order = 0;  // when it was met, over the whole document
    int page = 0;
    int mcid = -1;                         // marked content, or
    HPDF_Annotation annotation = nullptr;  // an object reference
  };
  template <class Child>
  static HPDF_Array grouped_kids(HpdfDoc& doc, const std::vector<HPDF_Dict>& dicts, size_t count,
                                 HPDF_Dict parent, Child child);
  bool valid(int element) const {
    return element >= 0 && element < static_cast<int>(elements_.size());
  }

  const std::vector<StructureElement>& elements_;
  std::vector<std::vector<Content>> content_;     // per element, in the order met
  std::vector<std::vector<int>> mcid_owner_;      // per page: element of each MCID
  std::vector<std::pair<int, int>> annotations_;  // (page, element), /StructParent order
  std::vector<HPDF_Annotation> annotation_objects_;
  long order_ = 0;
};

}  // namespace paiban::pdf

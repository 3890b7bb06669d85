#include "pdf/structure_tree.hpp"

#include <algorithm>
#include <limits>

#include "pdf/pdf_syntax.hpp"

namespace paiban::pdf {

StructureTree::StructureTree(const std::vector<StructureElement>& elements)
    : elements_(elements), content_(elements.size()) {}

void StructureTree::begin_page() { mcid_owner_.emplace_back(); }

std::string StructureTree::open(int element) {
  if (!valid(element) || mcid_owner_.empty()) return "/Artifact BMC\n";
  auto& owners = mcid_owner_.back();
  const int mcid = static_cast<int>(owners.size());
  owners.push_back(element);
  content_[element].push_back({order_++, static_cast<int>(mcid_owner_.size() - 1), mcid, nullptr});
  return '/' + elements_[element].role + " <</MCID " + std::to_string(mcid) + ">> BDC\n";
}

void StructureTree::add_annotation(int element, HPDF_Annotation annotation, size_t page) {
  if (!valid(element) || !annotation) return;
  content_[element].push_back({order_++, static_cast<int>(page), -1, annotation});
  annotations_.emplace_back(static_cast<int>(page), element);
  annotation_objects_.push_back(annotation);
}

void StructureTree::write(HpdfDoc& doc, const std::vector<HPDF_Page>& pages) {
  const size_t n = elements_.size();
  constexpr long kNever = std::numeric_limits<long>::max();
  // When each element's subtree is first met; kNever: no content, not written.
  // Parents come before their children (indexes grow down the tree).
  std::vector<long> first(n, kNever);
  for (size_t e = n; e-- > 0;) {
    if (!content_[e].empty()) first[e] = std::min(first[e], content_[e].front().order);
    const int parent = elements_[e].parent;
    if (parent >= 0 && parent < static_cast<int>(e))
      first[parent] = std::min(first[parent], first[e]);
  }
  if (n == 0 || first[0] == kNever) return;  // nothing tagged

  HPDF_Dict root = doc.new_dict(true);
  doc.add_name(root, "Type", "StructTreeRoot");
  std::vector<HPDF_Dict> dicts(n, nullptr);
  for (size_t e = 0; e < n; ++e) {
    if (first[e] == kNever) continue;
    const StructureElement& element = elements_[e];
    HPDF_Dict dict = dicts[e] = doc.new_dict(true);
    doc.add_name(dict, "Type", "StructElem");
    doc.add_name(dict, "S", element.role.c_str());
    const int parent = element.parent;
    doc.add(dict, "P", parent >= 0 && parent < static_cast<int>(e) ? dicts[parent] : root);
    if (!element.alt.empty()) doc.add(dict, "Alt", doc.new_binary(text_string_bytes(element.alt)));
    if (!element.lang.empty()) doc.add(dict, "Lang", doc.new_ascii_string(element.lang));
    // PDF/UA 7.9: a Note has an ID unique in the document.
    if (element.role == "Note")
      doc.add(dict, "ID", doc.new_ascii_string("note-" + std::to_string(e)));
  }

  // Children: elements in index order (the manifest's), except in an
  // element with content of its own, where they stand where they are met
  // (a Link inside its paragraph).
  std::vector<std::vector<int>> children(n);
  for (size_t e = 1; e < n; ++e)
    if (first[e] != kNever && elements_[e].parent >= 0 && elements_[e].parent < static_cast<int>(e))
      children[elements_[e].parent].push_back(static_cast<int>(e));

  for (size_t e = 0; e < n; ++e) {
    if (!dicts[e]) continue;
    struct Kid {
      long order;
      int child;               // an element, or -1
      const Content* content;  // marked content or an annotation
    };
    std::vector<Kid> kids;
    for (int c : children[e]) kids.push_back({first[c], c, nullptr});
    for (const Content& c : content_[e]) kids.push_back({c.order, -1, &c});
    if (!content_[e].empty())
      std::stable_sort(kids.begin(), kids.end(),
                       [](const Kid& a, const Kid& b) { return a.order < b.order; });
    const int home = content_[e].empty() ? -1 : content_[e].front().page;
    if (home >= 0) doc.add(dicts[e], "Pg", pages.at(home));
    HPDF_Array k = doc.new_array();
    for (const Kid& kid : kids) {
      if (kid.child >= 0) {
        doc.push(k, dicts[kid.child]);
      } else if (kid.content->annotation) {
        HPDF_Dict objr = doc.new_dict(false);
        doc.add_name(objr, "Type", "OBJR");
        doc.add(objr, "Obj", kid.content->annotation);
        doc.add(objr, "Pg", pages.at(kid.content->page));
        doc.push(k, objr);
      } else if (kid.content->page == home) {
        doc.push_number(k, kid.content->mcid);
      } else {
        HPDF_Dict mcr = doc.new_dict(false);
        doc.add_name(mcr, "Type", "MCR");
        doc.add(mcr, "Pg", pages.at(kid.content->page));
        doc.add_number(mcr, "MCID", kid.content->mcid);
        doc.push(k, mcr);
      }
    }
    doc.add(dicts[e], "K", k);
  }

  // ParentTree: key i < page count -> the elements of page i's MCIDs; then
  // one key per annotation -> its element.
  HPDF_Array nums = doc.new_array();
  for (size_t p = 0; p < pages.size() && p < mcid_owner_.size(); ++p) {
    doc.add_number(pages[p], "StructParents", static_cast<int>(p));
    HPDF_Array owners = doc.new_array();
    for (int element : mcid_owner_[p]) doc.push(owners, dicts[element]);
    doc.push_number(nums, static_cast<int>(p));
    doc.push(nums, owners);
  }
  int key = static_cast<int>(pages.size());
  for (size_t a = 0; a < annotations_.size(); ++a, ++key) {
    doc.add_number(annotation_objects_[a], "StructParent", key);
    doc.push_number(nums, key);
    doc.push(nums, dicts[annotations_[a].second]);
  }
  HPDF_Dict parent_tree = doc.new_dict(true);
  doc.add(parent_tree, "Nums", nums);
  doc.add(root, "ParentTree", parent_tree);
  doc.add_number(root, "ParentTreeNextKey", key);
  doc.add(root, "K", dicts[0]);

  HPDF_Dict catalog = doc.get()->catalog;
  doc.add(catalog, "StructTreeRoot", root);
  HPDF_Dict mark_info = doc.new_dict(false);
  doc.add(mark_info, "Marked", HPDF_Boolean_New(doc.mmgr(), HPDF_TRUE));
  doc.add(catalog, "MarkInfo", mark_info);
}

}  // namespace paiban::pdf

#include "pdf/structure_tree.hpp"

#include <algorithm>
#include <limits>

#include "pdf/pdf_syntax.hpp"

namespace paiban::pdf {

namespace {

/// The most entries paiban puts in one array: libharu refuses an 8,192nd.
constexpr size_t kMaxKids = 8000;

}  // namespace

/// `count` children (child(i) indexes `dicts`) under `parent`, in groups of
/// at most kMaxKids NonStruct elements, themselves grouped while too many.
/// Returns the array for the parent's /K.
template <class Child>
HPDF_Array StructureTree::grouped_kids(HpdfDoc& doc, const std::vector<HPDF_Dict>& dicts,
                                       size_t count, HPDF_Dict parent, Child child) {
  std::vector<HPDF_Dict> level;
  for (size_t i = 0; i < count; ++i) level.push_back(dicts[child(i)]);
  while (level.size() > kMaxKids) {
    std::vector<HPDF_Dict> groups;
    for (size_t first = 0; first < level.size(); first += kMaxKids) {
      HPDF_Dict group = doc.new_dict(true);
      doc.add_name(group, "Type", "StructElem");
      doc.add_name(group, "S", "NonStruct");
      HPDF_Array k = doc.new_array();
      for (size_t i = first; i < std::min(level.size(), first + kMaxKids); ++i) {
        doc.add(level[i], "P", group);
        doc.push(k, level[i]);
      }
      doc.add(group, "K", k);
      groups.push_back(group);
    }
    level = std::move(groups);
  }
  HPDF_Array k = doc.new_array();
  for (HPDF_Dict kid : level) {
    doc.add(kid, "P", parent);
    doc.push(k, kid);
  }
  return k;
}

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
    if (content_[e].empty() && kids.size() > kMaxKids) {
      // More children than a PDF array holds in libharu (8,191: a document
      // of 50,000 sections): they go in NonStruct groups, which readers
      // pass through (ISO 32000-1 14.8.4.2: grouping only).
      doc.add(dicts[e], "K", grouped_kids(doc, dicts, kids.size(), dicts[e],
                                          [&](size_t i) { return kids[i].child; }));
      continue;
    }
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
  std::vector<std::pair<int, void*>> entries;
  for (size_t p = 0; p < pages.size() && p < mcid_owner_.size(); ++p) {
    doc.add_number(pages[p], "StructParents", static_cast<int>(p));
    HPDF_Array owners = doc.new_array();
    for (int element : mcid_owner_[p]) doc.push(owners, dicts[element]);
    entries.emplace_back(static_cast<int>(p), owners);
  }
  int key = static_cast<int>(pages.size());
  for (size_t a = 0; a < annotations_.size(); ++a, ++key) {
    doc.add_number(annotation_objects_[a], "StructParent", key);
    entries.emplace_back(key, dicts[annotations_[a].second]);
  }
  HPDF_Dict parent_tree = doc.new_dict(true);
  if (entries.size() * 2 <= kMaxKids) {
    HPDF_Array nums = doc.new_array();
    for (const auto& [number, value] : entries) {
      doc.push_number(nums, number);
      doc.push(nums, value);
    }
    doc.add(parent_tree, "Nums", nums);
  } else {
    // A number tree of leaves (ISO 32000-1 7.9.7), each within an array's
    // reach, when one /Nums array would not be.
    const size_t per_leaf = kMaxKids / 2;
    HPDF_Array leaves = doc.new_array();
    for (size_t first = 0; first < entries.size(); first += per_leaf) {
      const size_t end = std::min(entries.size(), first + per_leaf);
      HPDF_Dict leaf = doc.new_dict(true);
      HPDF_Array nums = doc.new_array();
      for (size_t i = first; i < end; ++i) {
        doc.push_number(nums, entries[i].first);
        doc.push(nums, entries[i].second);
      }
      doc.add(leaf, "Nums", nums);
      HPDF_Array limits = doc.new_array();
      doc.push_number(limits, entries[first].first);
      doc.push_number(limits, entries[end - 1].first);
      doc.add(leaf, "Limits", limits);
      doc.push(leaves, leaf);
    }
    doc.add(parent_tree, "Kids", leaves);
  }
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

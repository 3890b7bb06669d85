// Pagination, step 1: the issue's parts become the main flow of line boxes.
#pragma once
#include <string>
#include <vector>

#include "paginate/flow.hpp"
#include "paginate/typesetter.hpp"
#include "paiban/issue.hpp"

namespace paiban {

/// The main flow: sections, their articles, then the back matter.
struct MainFlow {
  std::vector<FlowItem> items;
  std::vector<Anchor> anchors;  ///< sections, articles, subheadings; pages filled later
  std::vector<std::string> section_titles;
  /// The logical structure so far, in reading order: places for the front
  /// page and the contents (painted last, read first), then the main flow.
  std::vector<StructureElement> structure;
  int cover_element = kArtifact, contents_heading = kArtifact, toc_element = kArtifact;
};

/// Sets every block of the issue into flow items, with anchors on the first
/// item of each section, article and subheading. With `threads` > 1, the
/// articles' body paragraphs are set ahead on threads - 1 more threads
/// (the same lines, warnings and failures as set in turn).
MainFlow collect_blocks(const Issue& issue, Typesetter& setter, unsigned threads = 1);

}  // namespace paiban

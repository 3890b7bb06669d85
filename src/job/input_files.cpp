// The files a render reads besides fonts, listed once for the render's
// result (watch) and for batch's up-to-date check, so the two cannot
// disagree about what an issue depends on.
#include <set>

#include "paiban/render.hpp"

namespace paiban {
namespace {

void add_once(std::vector<std::string>& files, std::set<std::string>& seen,
              const std::string& path) {
  if (!path.empty() && seen.insert(path).second) files.push_back(path);
}

void add_figures(const std::vector<Block>& blocks, std::vector<std::string>& files,
                 std::set<std::string>& seen) {
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::figure) add_once(files, seen, block.figure_path);
    add_figures(block.paragraphs, files, seen);  // a box's blocks
  }
}

}  // namespace

std::vector<std::string> layout_image_files(const Layout& layout) {
  std::vector<std::string> files;
  std::set<std::string> seen;
  for (const CoverItem& item : layout.cover)
    if (item.kind == CoverItem::Kind::image) add_once(files, seen, item.image.path);
  for (const Furniture* furniture :
       {&layout.header, &layout.footer, layout.header_verso ? &*layout.header_verso : nullptr,
        layout.footer_verso ? &*layout.footer_verso : nullptr})
    if (furniture)
      for (const FurnitureImage& image : furniture->images) add_once(files, seen, image.image.path);
  return files;
}

std::vector<std::string> figure_files(const Issue& issue) {
  std::vector<std::string> files;
  std::set<std::string> seen;
  for (const Section& section : issue.sections)
    for (const Article& article : section.articles) add_figures(article.blocks, files, seen);
  if (issue.backmatter) add_figures(*issue.backmatter, files, seen);
  return files;
}

}  // namespace paiban

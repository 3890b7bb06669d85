// load_job: a render's inputs read once. The manifest and the layout are read
// into memory, hashed and parsed from those same bytes; the pictures they name
// are listed once here, for the render (watch) and for batch's up-to-date
// check alike, so the two cannot disagree about what an issue depends on.
#include <set>

#include "input/xml_input.hpp"
#include "job/sha256.hpp"
#include "paiban/layout.hpp"
#include "paiban/manifest.hpp"
#include "paiban/render.hpp"

namespace paiban {
namespace {

// The files of one kind, each once, in the order first named.
class FileList {
 public:
  void add(const std::string& path) {
    if (!path.empty() && seen_.insert(path).second) files_.push_back(path);
  }
  const std::vector<std::string>& files() const { return files_; }

 private:
  std::vector<std::string> files_;
  std::set<std::string> seen_;
};

void add_figures(const std::vector<Block>& blocks, FileList& files) {
  for (const Block& block : blocks) {
    if (block.kind == BlockKind::figure) files.add(block.figure_path);
    add_figures(block.paragraphs, files);  // a box's blocks
  }
}

// The pictures a layout draws (cover, running heads).
std::vector<std::string> layout_image_files(const Layout& layout) {
  FileList files;
  for (const CoverItem& item : layout.cover)
    if (item.kind == CoverItem::Kind::image) files.add(item.image.path);
  for (const Furniture* furniture :
       {&layout.header, &layout.footer, layout.header_verso ? &*layout.header_verso : nullptr,
        layout.footer_verso ? &*layout.footer_verso : nullptr})
    if (furniture)
      for (const FurnitureImage& image : furniture->images) files.add(image.image.path);
  return files.files();
}

// The issue's figures (those in boxes included), in the manifest's order.
std::vector<std::string> figure_files(const Issue& issue) {
  FileList files;
  for (const Section& section : issue.sections)
    for (const Article& article : section.articles) add_figures(article.blocks, files);
  if (issue.backmatter) add_figures(*issue.backmatter, files);
  return files.files();
}

}  // namespace

const char* to_string(InputKind kind) {
  switch (kind) {
    case InputKind::manifest:
      return "manifest";
    case InputKind::layout:
      return "layout";
    case InputKind::layout_image:
      return "layout image";
    case InputKind::figure:
      return "figure";
  }
  return "?";
}

std::string FileDigests::of(const std::string& path) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = digests_.find(path); it != digests_.end()) return it->second;
  }
  std::string digest = sha256_file(path);  // outside the lock: pictures may be large
  std::lock_guard lock(mutex_);
  digests_.emplace(path, digest);
  return digest;
}

Job load_job(const std::string& manifest_path, const RenderOptions& options, FileDigests* digests) {
  Job job;
  // Each reader's own checks: a FIFO or a device is refused unopened, a huge
  // file without being read whole.
  std::string manifest = read_input_file(manifest_path, "manifest");
  job.issue = parse_manifest(manifest, manifest_path, {.allow_outside = options.allow_outside});
  job.inputs.push_back(
      {InputKind::manifest, manifest_path, digests ? sha256_hex(manifest) : std::string()});
  manifest = {};

  std::string layout_file = find_layout(job.issue.layout, manifest_path, job.issue.layout_where,
                                        options.allow_outside, options.layout_path);
  std::string layout = read_input_file(layout_file, "layout");
  job.layout = parse_layout(layout, layout_file);
  job.inputs.push_back(
      {InputKind::layout, layout_file, digests ? sha256_hex(layout) : std::string()});

  // A layout's pictures recur in every issue set with it: remembered. A
  // figure is usually its issue's own: hashed each time.
  for (const std::string& image : layout_image_files(job.layout))
    job.inputs.push_back({InputKind::layout_image, image, digests ? digests->of(image) : ""});
  for (const std::string& figure : figure_files(job.issue))
    job.inputs.push_back({InputKind::figure, figure, digests ? sha256_file(figure) : ""});
  return job;
}

}  // namespace paiban

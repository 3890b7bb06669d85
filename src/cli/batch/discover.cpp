// Discovery: command-line PATHs -> the sorted list of issues and their
// output paths (the rule is documented in batch.hpp and the README).
#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

#include "paiban/batch.hpp"

namespace paiban {
namespace {

namespace fs = std::filesystem;

const char* kManifestName = "issue.xml";

// The last component of a directory path, also for "issues/" and ".".
std::string directory_name(const fs::path& dir) {
  fs::path normal = fs::absolute(dir).lexically_normal();
  if (normal.filename().empty()) normal = normal.parent_path();  // trailing separator
  std::string name = normal.filename().string();
  return name.empty() ? "issue" : name;  // the file system root
}

std::string output_for_file(const fs::path& manifest) {
  if (manifest.filename() == kManifestName) return directory_name(manifest.parent_path()) + ".pdf";
  return manifest.stem().string() + ".pdf";
}

std::string output_for_found(const fs::path& root, const fs::path& manifest) {
  fs::path relative = manifest.parent_path().lexically_relative(root);
  if (relative.empty() || relative == ".") return directory_name(root) + ".pdf";
  return relative.generic_string() + ".pdf";
}

bool is_hidden(const fs::path& path) {
  std::string name = path.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

// Every issue.xml under `root`. Hidden directories (.git, the batch records)
// are not searched; symbolic links to directories are not followed, so a
// link loop cannot make the search endless.
void find_manifests(const fs::path& root, std::vector<BatchItem>& found) {
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
  if (error) throw InputError({root.string(), 0, 0}, "cannot read directory: " + error.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (error) throw InputError({root.string(), 0, 0}, "cannot read directory: " + error.message());
    const fs::directory_entry& entry = *it;
    if (entry.is_directory(error) && !entry.is_symlink(error)) {
      if (is_hidden(entry.path())) it.disable_recursion_pending();
      continue;
    }
    if (entry.path().filename() == kManifestName && entry.is_regular_file(error))
      found.push_back({entry.path().string(), output_for_found(root, entry.path())});
  }
}

std::string identity(const std::string& manifest) {
  std::error_code error;
  fs::path canonical = fs::weakly_canonical(manifest, error);
  return error ? fs::absolute(manifest).lexically_normal().string() : canonical.string();
}

}  // namespace

std::vector<BatchItem> discover_issues(const std::vector<std::string>& paths) {
  std::vector<BatchItem> found;
  for (const std::string& path : paths) {
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (!fs::exists(status)) throw InputError({path, 0, 0}, "no such file or directory");
    if (fs::is_directory(status))
      find_manifests(path, found);
    else
      found.push_back({path, output_for_file(path)});
  }

  // The same manifest reached twice (a directory and a file in it) counts once.
  std::vector<BatchItem> items;
  std::map<std::string, bool> seen;
  for (BatchItem& item : found)
    if (seen.emplace(identity(item.manifest), true).second) items.push_back(std::move(item));

  // Byte order, not the locale's: every machine of a sharded run sees the same list.
  std::sort(items.begin(), items.end(), [](const BatchItem& a, const BatchItem& b) {
    return a.output != b.output ? a.output < b.output : a.manifest < b.manifest;
  });
  for (size_t i = 1; i < items.size(); ++i)
    if (items[i].output == items[i - 1].output)
      throw InputError({items[i].manifest, 0, 0}, "would write " + items[i].output + ", as " +
                                                      items[i - 1].manifest +
                                                      " does; give the two roots in separate runs");
  // One output inside another's name: x/issue.xml writes x.pdf, and
  // x.pdf/y/issue.xml would need x.pdf to be a directory.
  std::map<std::string, const BatchItem*> by_output;
  for (const BatchItem& item : items) by_output[item.output] = &item;
  for (const BatchItem& item : items) {
    for (fs::path dir = fs::path(item.output).parent_path(); !dir.empty();
         dir = dir.parent_path()) {
      auto clash = by_output.find(dir.string());
      if (clash != by_output.end())
        throw InputError({item.manifest, 0, 0},
                         "would write " + item.output + ", inside " + dir.string() + ", which " +
                             clash->second->manifest +
                             " writes as a PDF; give the two roots in separate runs");
      if (dir == dir.parent_path()) break;
    }
  }
  return items;
}

}  // namespace paiban

#include "paiban/data_dirs.hpp"

#include <filesystem>
#include <system_error>

namespace paiban {

std::vector<std::string> data_directories() {
  namespace fs = std::filesystem;
  std::vector<std::string> candidates;
  std::error_code error;
  fs::path exe = fs::read_symlink("/proc/self/exe", error);
  if (!error) candidates.push_back((exe.parent_path().parent_path() / "share" / "paiban").string());
  candidates.push_back(PAIBAN_DATA_DIR);
  candidates.push_back(PAIBAN_SOURCE_DIR);
  std::vector<std::string> dirs;
  for (const auto& dir : candidates) {
    fs::path p = fs::weakly_canonical(dir, error);
    if (error || !fs::is_directory(p, error)) continue;
    bool seen = false;
    for (const auto& d : dirs) seen = seen || d == p.string();
    if (!seen) dirs.push_back(p.string());
  }
  return dirs;
}

}  // namespace paiban

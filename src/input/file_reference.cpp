#include "input/file_reference.hpp"

#include <algorithm>

namespace paiban {

std::string reference_escape(const std::string& reference) {
  std::filesystem::path relative(reference);
  if (relative.is_absolute() || relative.has_root_name())
    return "must be relative to the manifest's directory";
  relative = relative.lexically_normal();
  if (!relative.empty() && *relative.begin() == "..") return "leaves the manifest's directory";
  return {};
}

bool stays_inside(const std::filesystem::path& file, const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path real_file = fs::canonical(file, error);
  if (error) return true;  // not there: the caller reports that
  fs::path real_dir = fs::canonical(dir.empty() ? fs::path(".") : dir, error);
  if (error) return true;
  auto mismatch =
      std::mismatch(real_dir.begin(), real_dir.end(), real_file.begin(), real_file.end());
  return mismatch.first == real_dir.end();
}

}  // namespace paiban

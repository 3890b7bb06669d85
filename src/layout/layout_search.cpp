// Finding a layout by the name a manifest gives (find_layout, load_layout).
#include <cstdlib>
#include <filesystem>

#include "input/file_reference.hpp"
#include "input/xml_input.hpp"
#include "paiban/data_dirs.hpp"
#include "paiban/layout.hpp"

namespace paiban {
namespace {

/// A bare name ("itrade") is looked up in the layout directories; anything
/// with a slash or ending in .xml is a file path.
bool is_bare_name(const std::string& name) {
  return name.find('/') == std::string::npos && !name.ends_with(".xml");
}

}  // namespace

std::vector<std::string> layout_search_path(const std::vector<std::string>& search_first) {
  std::vector<std::string> dirs = search_first;
  for (const std::string& data : data_directories()) dirs.push_back(data + "/layouts");
  return dirs;
}

std::string find_layout(const std::string& name, const std::string& manifest_path,
                        const SourceLocation& where, bool allow_outside,
                        const std::vector<std::string>& search_first) {
  namespace fs = std::filesystem;
  std::error_code error;
  std::string wanted = name.empty() ? "default" : name;
  if (!is_bare_name(wanted)) {
    if (std::string why = reference_escape(wanted); !why.empty() && !allow_outside)
      throw InputError(where, "layout " + why + ": " + wanted);
    fs::path dir = fs::path(manifest_path).parent_path();
    fs::path file = dir / wanted;
    if (std::string kind = special_file_kind(file.string()); !kind.empty())
      throw InputError(where, "layout " + file.string() + " is " + kind + ", not a regular file");
    if (!fs::is_regular_file(file, error))
      throw InputError(where, "layout file not found: " + file.string());
    if (!allow_outside && !stays_inside(file, dir))
      throw InputError(where,
                       "layout leaves the manifest's directory through a symbolic link: " + wanted);
    return file.string();
  }
  std::string tried;
  for (const std::string& dir : layout_search_path(search_first)) {
    fs::path file = fs::path(dir) / (wanted + ".xml");
    if (fs::is_regular_file(file, error)) return file.string();
    if (std::string kind = special_file_kind(file.string()); !kind.empty())
      throw InputError(where, "layout " + file.string() + " is " + kind + ", not a regular file");
    tried += (tried.empty() ? "" : ", ") + dir;
  }
  throw InputError(where, "layout \"" + wanted + "\" not found (looked for " + wanted + ".xml in " +
                              tried + ")");
}

Layout load_layout(const std::string& name, const std::string& manifest_path,
                   const SourceLocation& where, bool allow_outside,
                   const std::vector<std::string>& search_first) {
  return parse_layout_file(find_layout(name, manifest_path, where, allow_outside, search_first));
}

}  // namespace paiban

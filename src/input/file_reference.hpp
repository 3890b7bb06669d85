// A file named in an input (a figure's src, a layout path): may it be
// followed? Shared by the manifest and layout readers.
#pragma once
#include <filesystem>
#include <string>

namespace paiban {

/// Why a file reference written in a manifest may not be followed without
/// --allow-outside: "must be relative to the manifest's directory" (absolute)
/// or "leaves the manifest's directory" (".." past its top); empty when it
/// stays inside, as far as its text shows.
std::string reference_escape(const std::string& reference);

/// True when `file`, every symbolic link resolved, lies in `dir`'s tree (also
/// when either cannot be resolved: the caller reports a missing file).
bool stays_inside(const std::filesystem::path& file, const std::filesystem::path& dir);

}  // namespace paiban

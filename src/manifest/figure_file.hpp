// figure/@src: where the image is, and whether it is one we can place.
#pragma once
#include <filesystem>
#include <string>

#include "manifest/xml_input.hpp"

namespace paiban {

/// Resolves `src` against the manifest's directory and checks the file:
/// relative, not leaving that directory's tree (through ".." or a symbolic
/// link) unless `allow_outside`, present, and a PNG or JPEG by its first
/// bytes. Returns the path to open; throws at `src`.
std::string resolve_figure(const XmlInput& input, pugi::xml_attribute src,
                           const std::string& manifest_path, bool allow_outside = false);

/// Why a file reference written in a manifest may not be followed without
/// --allow-outside: "must be relative to the manifest's directory" (absolute)
/// or "leaves the manifest's directory" (".." past its top); empty when it
/// stays inside, as far as its text shows.
std::string reference_escape(const std::string& reference);

/// True when `file`, every symbolic link resolved, lies in `dir`'s tree (also
/// when either cannot be resolved: the caller reports a missing file).
bool stays_inside(const std::filesystem::path& file, const std::filesystem::path& dir);

}  // namespace paiban

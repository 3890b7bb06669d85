// figure/@src: where the image is, and whether it is one we can place.
#pragma once
#include <filesystem>
#include <string>

#include "input/xml_input.hpp"

namespace paiban {

/// Resolves `src` against the manifest's directory and checks the file:
/// relative, not leaving that directory's tree (through ".." or a symbolic
/// link) unless `allow_outside`, present, and a PNG or JPEG by its first
/// bytes. Returns the path to open; throws at `src`.
std::string resolve_figure(const XmlInput& input, pugi::xml_attribute src,
                           const std::string& manifest_path, bool allow_outside = false);

}  // namespace paiban

// Pixel size of a PNG or JPEG, read from its header (figures are scaled to
// the text width keeping their aspect ratio).
#pragma once
#include <optional>
#include <string>
#include <utility>

namespace paiban {

/// (width, height) in pixels, or nothing when the file is not a readable PNG or JPEG.
std::optional<std::pair<int, int>> image_size(const std::string& path);

}  // namespace paiban

// Pixel size of a PNG or JPEG, read from its header (figures are scaled to
// the text width keeping their aspect ratio).
#pragma once
#include <optional>
#include <string>
#include <utility>

namespace paiban {

/// (width, height) in pixels, or nothing when the file is not a readable PNG or JPEG.
std::optional<std::pair<int, int>> image_size(const std::string& path);

/// Decodes the whole PNG or JPEG (libpng, libjpeg) and returns what is wrong
/// with it ("IDAT: invalid distance too far back"), or nothing when it is
/// whole. The PDF writer's libharu aborts the process on a damaged PNG, fails
/// on one that makes libpng warn or is interlaced, and embeds a damaged JPEG
/// as it is, so figures are checked here first.
std::optional<std::string> image_damage(const std::string& path);

}  // namespace paiban

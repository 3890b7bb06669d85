#include "manifest/figure_file.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "input/file_reference.hpp"

namespace paiban {
namespace {

bool has_image_signature(const std::filesystem::path& file) {
  std::array<unsigned char, 8> head{};
  std::ifstream in(file, std::ios::binary);
  in.read(reinterpret_cast<char*>(head.data()), head.size());
  auto got = in.gcount();
  static constexpr std::array<unsigned char, 8> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (got == 8 && head == png) return true;
  return got >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;  // JPEG SOI
}

}  // namespace

std::string resolve_figure(const XmlInput& input, pugi::xml_attribute src,
                           const std::string& manifest_path, bool allow_outside) {
  namespace fs = std::filesystem;
  std::string value = token_value(src);
  if (value.empty()) input.fail(src, "figure src is empty");
  if (std::string why = reference_escape(value); !why.empty() && !allow_outside)
    input.fail(src, "figure src " + why + ": " + value);
  fs::path dir = fs::path(manifest_path).parent_path();
  fs::path file = dir / fs::path(value).lexically_normal();
  std::error_code error;
  // Where it leads first: a link out of the tree is refused as such, before
  // anything is said about what it points to (/dev/zero, a FIFO).
  if (!allow_outside && !stays_inside(file, dir))
    input.fail(src, "figure src leaves the manifest's directory through a symbolic link: " + value);
  const fs::file_status status = fs::status(file, error);
  if (!fs::exists(status)) {
    const bool dangling = fs::is_symlink(fs::symlink_status(file, error));
    input.fail(src, std::string(dangling ? "figure is a symbolic link that leads nowhere: "
                                         : "figure file not found: ") +
                        file.string());
  }
  if (fs::is_directory(status)) input.fail(src, "figure is a directory, not a file: " + file.string());
  // Never opened unless regular: a FIFO or a device would block or never end.
  if (!fs::is_regular_file(status))
    input.fail(src, "figure is not a regular file (a device or pipe): " + file.string());
  if (!std::ifstream(file, std::ios::binary))
    input.fail(src, "cannot read the figure file " + file.string() + ": " + std::strerror(errno));
  if (!has_image_signature(file))
    input.fail(src, "figure is not a PNG or JPEG file: " + file.string());
  return file.string();
}

}  // namespace paiban

#include "manifest/figure_file.hpp"

#include <array>
#include <filesystem>
#include <fstream>

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
                           const std::string& manifest_path) {
  namespace fs = std::filesystem;
  std::string value = token_value(src);
  if (value.empty()) input.fail(src, "figure src is empty");
  fs::path relative(value);
  if (relative.is_absolute() || relative.has_root_name()) {
    input.fail(src, "figure src must be relative to the manifest's directory: " + value);
  }
  relative = relative.lexically_normal();
  if (!relative.empty() && *relative.begin() == "..") {
    input.fail(src, "figure src leaves the manifest's directory: " + value);
  }
  fs::path file = fs::path(manifest_path).parent_path() / relative;
  std::error_code error;
  if (!fs::is_regular_file(file, error)) input.fail(src, "figure file not found: " + file.string());
  if (!has_image_signature(file))
    input.fail(src, "figure is not a PNG or JPEG file: " + file.string());
  return file.string();
}

}  // namespace paiban

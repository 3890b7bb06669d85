#include "paginate/image_size.hpp"

#include <fstream>
#include <vector>

namespace paiban {

std::optional<std::pair<int, int>> image_size(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<unsigned char> head(64 * 1024);
  in.read(reinterpret_cast<char*>(head.data()), head.size());
  head.resize(in.gcount());
  auto be16 = [&](size_t i) { return (head[i] << 8) | head[i + 1]; };
  auto be32 = [&](size_t i) {
    return int((unsigned(head[i]) << 24) | (head[i + 1] << 16) | (head[i + 2] << 8) | head[i + 3]);
  };
  // PNG: signature, then the IHDR chunk holds width and height.
  if (head.size() >= 24 && head[0] == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
    int w = be32(16), h = be32(20);
    if (w > 0 && h > 0) return std::make_pair(w, h);
    return std::nullopt;
  }
  // JPEG: walk the markers to the first start-of-frame (SOF0..SOF15 but DHT, JPG, DAC).
  if (head.size() >= 4 && head[0] == 0xFF && head[1] == 0xD8) {
    size_t i = 2;
    while (i + 9 < head.size()) {
      if (head[i] != 0xFF) return std::nullopt;
      int marker = head[i + 1];
      if (marker == 0xFF) {
        ++i;
        continue;
      }
      int length = be16(i + 2);
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
        int h = be16(i + 5), w = be16(i + 7);
        if (w > 0 && h > 0) return std::make_pair(w, h);
        return std::nullopt;
      }
      i += 2 + length;
    }
  }
  return std::nullopt;
}

}  // namespace paiban

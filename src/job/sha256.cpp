#include "job/sha256.hpp"

#include <fstream>
#include <stdexcept>
#include <vector>

namespace paiban {

std::string Sha256::hex_digest() {
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context_, sizeof digest, digest);
  static const char digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * sizeof digest);
  for (uint8_t byte : digest) {
    hex += digits[byte >> 4];
    hex += digits[byte & 15];
  }
  return hex;
}

std::string sha256_hex(std::string_view bytes) {
  Sha256 hash;
  hash.update(bytes);
  return hash.hex_digest();
}

std::string sha256_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read");
  Sha256 hash;
  std::vector<char> chunk(1 << 16);
  while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0)
    hash.update(std::string_view(chunk.data(), static_cast<size_t>(in.gcount())));
  if (in.bad()) throw std::runtime_error(path + ": cannot read");
  return hash.hex_digest();
}

}  // namespace paiban

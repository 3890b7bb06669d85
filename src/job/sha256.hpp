// SHA-256 (FIPS 180-4): content hashes of a render's inputs (Job) and of a
// batch's outputs.
// Small and self-contained so paiban needs no crypto library.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace paiban {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  /// 64 lowercase hex digits; the object is spent afterwards.
  std::string hex_digest();

 private:
  void compress(const uint8_t* block);
  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t length_ = 0;  // bytes
};

/// The hex digest of `bytes`.
std::string sha256_hex(std::string_view bytes);

/// The hex digest of a file's contents, read in chunks. Throws
/// std::runtime_error naming the file when it cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace paiban

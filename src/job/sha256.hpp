// SHA-256 (FIPS 180-4): content hashes of a render's inputs (Job) and of a
// batch's outputs, through Nettle (SHA extensions where the CPU has them: a
// batch hashes every PDF it writes). Nettle rather than OpenSSL's libcrypto:
// as fast here, and a twentieth of the relocations every process pays at
// start-up.
#pragma once
#include <nettle/sha2.h>

#include <string>
#include <string_view>

namespace paiban {

class Sha256 {
 public:
  Sha256() { sha256_init(&context_); }

  void update(std::string_view bytes) {
    sha256_update(&context_, bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()));
  }
  /// 64 lowercase hex digits; the object is spent afterwards.
  std::string hex_digest();

 private:
  sha256_ctx context_;
};

/// The hex digest of `bytes`.
std::string sha256_hex(std::string_view bytes);

/// The hex digest of a file's contents, read in chunks. Throws
/// std::runtime_error naming the file when it cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace paiban

// SHA-256 (FIPS 180-4): content hashes of a render's inputs (Job) and of a
// batch's outputs, through OpenSSL's libcrypto (SHA extensions where the CPU
// has them: a batch hashes every PDF it writes).
#pragma once
#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace paiban {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  /// 64 lowercase hex digits; the object is spent afterwards.
  std::string hex_digest();

 private:
  evp_md_ctx_st* context_;
};

/// The hex digest of `bytes`.
std::string sha256_hex(std::string_view bytes);

/// The hex digest of a file's contents, read in chunks. Throws
/// std::runtime_error naming the file when it cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace paiban

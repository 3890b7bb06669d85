#include "job/sha256.hpp"

#include <openssl/evp.h>

#include <fstream>
#include <stdexcept>
#include <vector>

namespace paiban {
namespace {

// Fetched once: an implicit fetch on every init costs more than hashing a
// small manifest.
const EVP_MD* sha256_method() {
  static EVP_MD* method = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (!method) throw std::runtime_error("libcrypto has no SHA-256");
  return method;
}

}  // namespace

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
  if (!context_ || EVP_DigestInit_ex(context_, sha256_method(), nullptr) != 1) {
    EVP_MD_CTX_free(context_);
    throw std::runtime_error("libcrypto cannot start a SHA-256");
  }
}

Sha256::~Sha256() { EVP_MD_CTX_free(context_); }

void Sha256::update(std::string_view bytes) {
  if (EVP_DigestUpdate(context_, bytes.data(), bytes.size()) != 1)
    throw std::runtime_error("libcrypto cannot hash");
}

std::string Sha256::hex_digest() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(context_, digest, &size) != 1 || size != 32)
    throw std::runtime_error("libcrypto cannot finish a SHA-256");
  static const char digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(64);
  for (unsigned i = 0; i < size; ++i) {
    hex += digits[digest[i] >> 4];
    hex += digits[digest[i] & 15];
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

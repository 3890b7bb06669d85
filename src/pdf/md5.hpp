// MD5 for deterministic identifiers (/ID, subset tags, XMP ids): not for
// security. libharu ships an implementation; this wraps it.
#pragma once
#include <hpdf.h>
#include <hpdf_encrypt.h>

#include <string>
#include <string_view>

namespace paiban::pdf {

class Md5 {
 public:
  Md5() { HPDF_MD5Init(&ctx_); }
  void update(std::string_view bytes) {
    HPDF_MD5Update(&ctx_, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                   static_cast<HPDF_UINT32>(bytes.size()));
  }
  /// 16 raw bytes; call once.
  std::string digest() {
    HPDF_BYTE out[16];
    HPDF_MD5Final(out, &ctx_);
    return std::string(reinterpret_cast<const char*>(out), 16);
  }

 private:
  HPDF_MD5_CTX ctx_;
};

}  // namespace paiban::pdf

// SHA-256 against the FIPS 180-4 examples.
#include "job/sha256.hpp"

#include <gtest/gtest.h>

#include "e2e/run_command.hpp"

namespace paiban {
namespace {

TEST(Sha256, KnownDigests) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, PiecesGiveTheSameDigestAsTheWhole) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += static_cast<char>(i * 7);
  for (size_t cut : {1u, 55u, 56u, 63u, 64u, 65u, 200u}) {
    Sha256 hash;
    hash.update(std::string_view(text).substr(0, cut));
    hash.update(std::string_view(text).substr(cut));
    EXPECT_EQ(hash.hex_digest(), sha256_hex(text)) << cut;
  }
}

TEST(Sha256, File) {
  auto path = test::temp_dir("batch-sha") / "f";
  std::ofstream(path, std::ios::binary) << "abc";
  EXPECT_EQ(sha256_file(path.string()), sha256_hex("abc"));
  EXPECT_THROW(sha256_file("/nonexistent/file"), std::runtime_error);
}

}  // namespace
}  // namespace paiban

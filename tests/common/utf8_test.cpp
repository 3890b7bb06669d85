// The one UTF-8 encoder and decoder.
#include "common/utf8.hpp"

#include <gtest/gtest.h>

namespace paiban {
namespace {

TEST(Utf8, EncodesOneToFourBytes) {
  EXPECT_EQ(to_utf8(U"a"), "a");
  EXPECT_EQ(to_utf8(U"é"), "\xC3\xA9");
  EXPECT_EQ(to_utf8(U"排"), "\xE6\x8E\x92");
  EXPECT_EQ(to_utf8(U"𠀀"), "\xF0\xA0\x80\x80");
}

TEST(Utf8, DecodesWhatItEncodes) {
  const std::u32string text = U"Aé排版𠀀\U0010FFFF";
  EXPECT_EQ(decode_utf8(to_utf8(text)), text);
}

TEST(Utf8, BrokenSequencesBecomeOneReplacementEach) {
  EXPECT_EQ(decode_utf8("\x80"
                        "a"),
            U"\uFFFDa");  // a lone continuation byte
  EXPECT_EQ(decode_utf8("\xE6\x8E"
                        "a"),
            U"\uFFFDa");                                  // cut short by a new character
  EXPECT_EQ(decode_utf8("a\xE6\x8E"), U"a\uFFFD\uFFFD");  // cut short at the end
  EXPECT_EQ(decode_utf8("\xFF"), U"\uFFFD");              // never a lead byte
}

}  // namespace
}  // namespace paiban

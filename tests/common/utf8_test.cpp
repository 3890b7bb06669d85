// The one UTF-8 encoder, decoder and validator.
#include "common/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

namespace paiban {
namespace {

using namespace std::string_literals;

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
            U"\uFFFDa");                            // cut short by a new character
  EXPECT_EQ(decode_utf8("a\xE6\x8E"), U"a\uFFFD");  // cut short at the end
  EXPECT_EQ(decode_utf8("\xFF"), U"\uFFFD");        // never a lead byte
}

TEST(Utf8, ReadsOneCharacterWithItsLength) {
  const std::string text = "a\xC3\xA9\xE6\x8E\x92\xF0\xA0\x80\x80";
  Utf8Char ch = next_utf8_char(text, 0);
  EXPECT_TRUE(ch.valid);
  EXPECT_EQ(ch.code_point, U'a');
  EXPECT_EQ(ch.length, 1u);
  ch = next_utf8_char(text, 1);
  EXPECT_EQ(ch.code_point, U'é');
  EXPECT_EQ(ch.length, 2u);
  ch = next_utf8_char(text, 3);
  EXPECT_EQ(ch.code_point, U'排');
  EXPECT_EQ(ch.length, 3u);
  ch = next_utf8_char(text, 6);
  EXPECT_EQ(ch.code_point, U'𠀀');
  EXPECT_EQ(ch.length, 4u);
  EXPECT_TRUE(ch.valid);
}

// Each broken sequence: how many bytes the decoder steps over (the longest
// start of a well-formed sequence, at least one byte).
struct Broken {
  const char* what;
  std::string bytes;
  size_t length;
};

TEST(Utf8, RefusesWhatIsNotWellFormed) {
  const Broken cases[] = {
      {"a lone continuation byte", "\x80", 1},
      {"C0 never leads (overlong ASCII)", "\xC0\xAF", 1},
      {"C1 never leads (overlong ASCII)", "\xC1\xBF", 1},
      {"F5 and above never lead", "\xF5\x80\x80\x80", 1},
      {"FF never leads", "\xFF", 1},
      {"overlong three bytes (U+002F)", "\xE0\x80\xAF", 1},
      {"overlong three bytes (U+07FF)", "\xE0\x9F\xBF", 1},
      {"overlong four bytes (U+FFFF)", "\xF0\x8F\xBF\xBF", 1},
      {"a high surrogate (U+D800)", "\xED\xA0\x80", 1},
      {"a low surrogate (U+DFFF)", "\xED\xBF\xBF", 1},
      {"past U+10FFFF", "\xF4\x90\x80\x80", 1},
      {"two bytes cut at the end", "\xC3", 1},
      {"three bytes cut at the end", "\xE6\x8E", 2},
      {"four bytes cut at the end", "\xF0\xA0\x80", 3},
      {"three bytes cut by ASCII",
       "\xE6\x8E"
       "a",
       2},
      {"four bytes cut by a new lead", "\xF0\xA0\xE6\x8E\x92", 2},
  };
  for (const Broken& broken : cases) {
    const Utf8Char ch = next_utf8_char(broken.bytes, 0);
    EXPECT_FALSE(ch.valid) << broken.what;
    EXPECT_EQ(ch.code_point, U'\uFFFD') << broken.what;
    EXPECT_EQ(ch.length, broken.length) << broken.what;
    EXPECT_EQ(find_invalid_utf8(broken.bytes), 0u) << broken.what;
  }
}

TEST(Utf8, AcceptsTheEdgesOfEachRange) {
  const std::u32string edges =
      U"\u0000\u007F\u0080\u07FF\u0800\uD7FF\uE000\uFFFD\uFFFF"
      U"\U00010000\U0010FFFF"s;
  const std::string text = to_utf8(edges);
  EXPECT_EQ(find_invalid_utf8(text), std::string_view::npos);
  EXPECT_EQ(decode_utf8(text), edges);
  EXPECT_EQ(count_utf8_characters(text), edges.size());
}

TEST(Utf8, FindsTheFirstBadSequenceByOffset) {
  EXPECT_EQ(find_invalid_utf8(""), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("排版 ok"), std::string_view::npos);
  // The offset is the broken sequence's first byte, not the byte that broke it.
  EXPECT_EQ(find_invalid_utf8("排版\xE6\x8E"
                              "a"),
            6u);
  EXPECT_EQ(find_invalid_utf8("ab\xED\xA0\x80"), 2u);  // a surrogate
  EXPECT_EQ(find_invalid_utf8("ab\xC0\x80"), 2u);      // overlong NUL
  EXPECT_EQ(find_invalid_utf8("é\x80\x80"), 2u);       // one continuation too many
}

TEST(Utf8, CountsCharactersNotBytes) {
  EXPECT_EQ(count_utf8_characters(""), 0u);
  EXPECT_EQ(count_utf8_characters("a排𠀀"), 3u);
  // A broken sequence counts once, as it decodes to one U+FFFD.
  EXPECT_EQ(count_utf8_characters("a\xE6\x8E"
                                  "b"),
            3u);
  EXPECT_EQ(count_utf8_characters("\x80\x80"), 2u);
}

TEST(Utf8, FindsWhereTheCharacterHoldingAByteStarts) {
  const std::string text = "a排b";  // 'a', E6 8E 92, 'b'
  EXPECT_EQ(utf8_character_start(text, 0), 0u);
  EXPECT_EQ(utf8_character_start(text, 1), 1u);
  EXPECT_EQ(utf8_character_start(text, 2), 1u);
  EXPECT_EQ(utf8_character_start(text, 3), 1u);
  EXPECT_EQ(utf8_character_start(text, 4), 4u);
  EXPECT_EQ(utf8_character_start(text, 5), 5u);   // the end
  EXPECT_EQ(utf8_character_start(text, 99), 5u);  // past it: the end
  EXPECT_FALSE(is_utf8_continuation('a'));
  EXPECT_FALSE(is_utf8_continuation('\xE6'));
  EXPECT_TRUE(is_utf8_continuation('\x8E'));
}

}  // namespace
}  // namespace paiban

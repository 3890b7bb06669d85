// The one JSON string writer (batch report, preflight summary).
#include "common/json.hpp"

#include <gtest/gtest.h>

namespace paiban {
namespace {

TEST(JsonString, QuotesAndEscapes) {
  EXPECT_EQ(json_string("plain"), "\"plain\"");
  EXPECT_EQ(json_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(json_string("line\nTab\t"), "\"line\\nTab\\t\"");
  EXPECT_EQ(json_string(std::string("\x01\x7f", 2)), "\"\\u0001\\u007f\"");
}

TEST(JsonString, KeepsUtf8AndReplacesBrokenBytes) {
  EXPECT_EQ(json_string("排版 é"), "\"排版 é\"");
  EXPECT_EQ(json_string("a\xFF" "b"), "\"a\\ufffdb\"");
  EXPECT_EQ(json_string("\xE6\x8E"), "\"\\ufffd\\ufffd\"");  // cut short at the end
  // Shaped like UTF-8 but not UTF-8 (JSON text must be): an overlong NUL, a surrogate.
  EXPECT_EQ(json_string("\xC0\x80"), "\"\\ufffd\\ufffd\"");
  EXPECT_EQ(json_string("\xED\xA0\x80"), "\"\\ufffd\\ufffd\\ufffd\"");
}

}  // namespace
}  // namespace paiban

// Legacy Chinese encodings are transcoded; anything else but UTF-8 is refused.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <vector>

#include "manifest_test_support.hpp"

namespace paiban {
namespace {

using testing::parse_error;

/// `utf8` re-encoded with ICU's converter `encoding`.
std::string encode(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::vector<char> out(utf8.size() * 4 + 16);
  int32_t length = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  return std::string(out.data(), static_cast<std::size_t>(length));
}

// Traditional and simplified characters that both Big5 and GB18030 hold.
std::string manifest(const std::string& encoding) {
  return "<?xml version=\"1.0\" encoding=\"" + encoding +
         "\"?>\n"
         "<issue version=\"1\" date=\"2017-06-15\" lang=\"zh-Hant\">\n"
         "<title>涉外政策速遞</title>\n"
         "<publisher>天地縱橫</publisher>\n"
         "<section title=\"行業動態\"><article><heading>原產地證服務</heading>\n"
         "<p>據報導，海關\n  總署 6 月發布。</p></article></section>\n"
         "</issue>\n";
}

void expect_same_text(const Issue& issue) {
  EXPECT_EQ(issue.title, "涉外政策速遞");
  EXPECT_EQ(plain_text(issue.publisher), "天地縱橫");
  EXPECT_EQ(issue.sections.at(0).title, "行業動態");
  const Article& article = issue.sections[0].articles.at(0);
  EXPECT_EQ(plain_text(article.heading), "原產地證服務");
  EXPECT_EQ(plain_text(article.blocks.at(0).text), "據報導，海關總署 6 月發布。");
  EXPECT_EQ(article.blocks[0].where.line, 6);
  EXPECT_EQ(article.blocks[0].where.column, 1);
  EXPECT_EQ(article.blocks[0].text.at(0).where.column, 4);
  // The run keeps its text as decoded: a character in it is found at its
  // line and column, whatever the file's encoding on disk.
  const InlineRun& run = article.blocks[0].text.at(0);
  const SourceLocation at = locate_character(run.where, run.source, U'總', 0);
  EXPECT_EQ(at.line, 7);
  EXPECT_EQ(at.column, 3);
}

TEST(ManifestEncoding, Utf8WithAndWithoutDeclarationOrBom) {
  expect_same_text(parse_manifest(manifest("UTF-8"), "u.xml"));
  expect_same_text(parse_manifest(manifest("utf-8"), "u.xml"));
  expect_same_text(parse_manifest("\xEF\xBB\xBF" + manifest("UTF-8"), "u.xml"));
}

TEST(ManifestEncoding, Gb18030GbkAndBig5AreTranscoded) {
  expect_same_text(parse_manifest(encode(manifest("GB18030"), "GB18030"), "g.xml"));
  expect_same_text(parse_manifest(encode(manifest("gbk"), "GB18030"), "g.xml"));
  expect_same_text(parse_manifest(encode(manifest("Big5"), "Big5"), "b.xml"));
}

TEST(ManifestEncoding, Gb2312AndFourByteGb18030) {
  std::string text =
      "<?xml version='1.0' encoding='GB2312'?><issue version='1' date='2017-06-15'>"
      "<title>简体</title><publisher>出版</publisher><section title='节'><article>"
      "<heading>标题</heading></article></section></issue>";
  Issue issue = parse_manifest(encode(text, "GB18030"), "g.xml");
  EXPECT_EQ(issue.title, "简体");
  // A character beyond the BMP takes four bytes in GB18030.
  std::string rare = manifest("GB18030");
  rare.replace(rare.find("天地"), 3, "\U00020000");
  Issue wide = parse_manifest(encode(rare, "GB18030"), "g.xml");
  EXPECT_EQ(plain_text(wide.publisher), "\U00020000地縱橫");
}

TEST(ManifestEncoding, PositionsAreCharactersInTheDecodedText) {
  std::string text = manifest("Big5");
  text.replace(text.find("<p>"), 3, "<p bad=\"x\">");
  EXPECT_EQ(parse_error(encode(text, "Big5"), "b.xml"),
            "b.xml:6:4: unknown attribute 'bad' on <p>");
  // The blanked declaration keeps columns on line 1 where they were.
  std::string one_line =
      "<?xml version=\"1.0\" encoding=\"GBK\"?><issue version=\"1\" date=\"2017-06-15\" x=\"1\"/>";
  EXPECT_EQ(parse_error(encode(one_line, "GB18030"), "g.xml"),
            "g.xml:1:74: unknown attribute 'x' on <issue>");
}

TEST(ManifestEncoding, BadBytesInADeclaredEncoding) {
  std::string text = encode(manifest("Big5"), "Big5");
  text.insert(text.find("<title>") + 7, "\x81\x20");  // 0x81 0x20 is no Big5 character
  EXPECT_EQ(parse_error(text, "b.xml"), "b.xml:3:8: byte sequence 81 is not valid Big5");
}

TEST(ManifestEncoding, OtherEncodingsAreRefused) {
  EXPECT_EQ(parse_error(manifest("ISO-8859-1"), "l.xml"),
            "l.xml:1:21: encoding \"ISO-8859-1\" is not supported (use UTF-8, or GB18030, GBK, "
            "GB2312, Big5 or Big5-HKSCS)");
  EXPECT_EQ(parse_error(manifest("Shift_JIS"), "s.xml").substr(0, 38),
            "s.xml:1:21: encoding \"Shift_JIS\" is no");
  EXPECT_EQ(parse_error("\xFF\xFE<\0i\0", "w.xml"),
            "w.xml:1:1: UTF-16 and UTF-32 are not supported; save the file as UTF-8");
  // GB18030 bytes without a declaration are not UTF-8.
  EXPECT_EQ(parse_error(encode(manifest("UTF-8"), "GB18030"), "g.xml"),
            "g.xml:3:8: invalid UTF-8 (byte 0xC9); save the file as UTF-8 or declare its encoding");
}

}  // namespace
}  // namespace paiban

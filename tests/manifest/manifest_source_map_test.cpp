// SourceMap: byte offsets to line:column, in characters, in any query order.
#include <gtest/gtest.h>

#include "input/source_map.hpp"
#include "manifest_test_support.hpp"

namespace paiban {
namespace {

TEST(ManifestSourceMap, LinesAndCharacterColumns) {
  std::string text = "ab\n中文x\r\ny\rz";
  SourceMap map(text, "f");
  auto at = [&](std::size_t offset) {
    SourceLocation where = map.locate(offset);
    return std::to_string(where.line) + ":" + std::to_string(where.column);
  };
  EXPECT_EQ(at(0), "1:1");
  EXPECT_EQ(at(9), "2:3");   // x after two three-byte characters
  EXPECT_EQ(at(3), "2:1");   // earlier than the last query
  EXPECT_EQ(at(12), "3:1");  // after CR LF
  EXPECT_EQ(at(14), "4:1");  // after a lone CR
  EXPECT_EQ(at(6), "2:2");
  EXPECT_EQ(at(99), "4:2");  // clamped to the end
}

TEST(ManifestSourceMap, HundredsOfArticlesOnOneLine) {
  std::string articles;
  for (int i = 0; i < 3000; ++i) {
    articles += "<article id=\"a" + std::to_string(i) +
                "\"><heading>标题</heading><p>正文 <em>x</em></p></article>";
  }
  Issue issue = parse_manifest(testing::manifest_with_article(articles), "big.xml");
  const auto& parsed = issue.sections.at(0).articles;
  ASSERT_EQ(parsed.size(), 3000u);
  EXPECT_EQ(parsed[0].where.column, 1);
  EXPECT_EQ(parsed[1].where.column, 1 + 68);  // the first article is 68 characters long
  EXPECT_EQ(parsed.back().blocks.at(0).text.at(1).where.line, 5);
}

}  // namespace
}  // namespace paiban

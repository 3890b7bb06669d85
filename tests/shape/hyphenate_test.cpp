// English hyphenation from Debian's hyphen-en-us patterns: plain words only,
// at least four letters on each side of a point.
#include "shape/hyphenate.hpp"

#include <gtest/gtest.h>

namespace paiban {
namespace {

/// The text with '-' at each hyphenation point.
std::string marked(const std::u32string& text) {
  const std::vector<uint32_t> points = hyphenation_points(text);
  std::string out;
  size_t next = 0;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (next < points.size() && points[next] == i) out += '-', ++next;
    out += static_cast<char>(text[i] < 0x80 ? text[i] : '?');
  }
  return out;
}

TEST(Hyphenation, PlainEnglishWordsFromTheFaq) {
  if (!hyphenation_available()) GTEST_SKIP() << "hyphen-en-us is not installed";
  // Python FAQ (issues/tech-python-faq): "Python Software Foundation",
  // "virtual environment", "release candidate".
  // The patterns' points, four letters kept at each end (not "vir-tual").
  EXPECT_EQ(marked(U"Python Software Foundation"), "Python Soft-ware Foun-da-tion");
  EXPECT_EQ(marked(U"a virtual environment"), "a virtual envi-ron-ment");
  EXPECT_EQ(marked(U"release candidate"), "release candi-date");
  // Never one to three letters alone.
  for (uint32_t point : hyphenation_points(U"international organizations"))
    EXPECT_TRUE(point >= 4 && (point <= 9 || point >= 18) && point <= 23) << point;
}

TEST(Hyphenation, NotInsideIdentifiersUrlsOrAcronyms) {
  if (!hyphenation_available()) GTEST_SKIP() << "hyphen-en-us is not installed";
  for (const char32_t* text :
       {U"AutoModel.from_pretrained", U"getElementByIdentifier", U"INTERNATIONAL",
        U"https://example.org/documentation", U"sys.hexversion", U"environment2",
        U"documentation.html", U"--environment"})
    EXPECT_TRUE(hyphenation_points(text).empty()) << marked(text);
  // A sentence's last word before its period is a plain word.
  EXPECT_FALSE(hyphenation_points(U"the environment.").empty());
}

}  // namespace
}  // namespace paiban

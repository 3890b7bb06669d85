// Paragraphs set ahead on other threads (src/paginate/set_ahead): each
// result taken once, warnings in the order the flow asks, failures where
// they would have happened; and pagination gives the same document, warnings
// and bytes whatever the thread count.
#include "paginate/set_ahead.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "paginate/typesetter.hpp"
#include "paiban/fonts.hpp"
#include "paiban/layout.hpp"
#include "paiban/manifest.hpp"
#include "paiban/paginate.hpp"
#include "paiban/pdf.hpp"

namespace paiban {
namespace {

/// Paragraphs whose "setting" names the text in its one link and warns once
/// with it; a text "fail" throws.
struct FakeParagraphs {
  std::vector<InlineText> texts;
  TextStyle style;
  std::atomic<int> set_count{0};

  explicit FakeParagraphs(std::vector<std::string> words) {
    for (const std::string& w : words) texts.push_back({InlineRun{.text = w}});
  }
  SetRequest request(size_t i) const {
    return {.text = &texts[i], .style = &style, .measure = 100};
  }
  std::vector<SetRequest> requests() const {
    std::vector<SetRequest> out;
    for (size_t i = 0; i < texts.size(); ++i) out.push_back(request(i));
    return out;
  }
  SetAhead::SetOne set_one() {
    return [this](const SetRequest& r, Warnings& warnings) {
      ++set_count;
      const std::string& word = r.text->front().text;
      if (word == "fail") throw std::runtime_error("cannot set " + word);
      warnings.push_back({"test", {}, word});
      SetText out;
      out.links.push_back(word);
      return out;
    };
  }
};

TEST(SetAhead, EachRequestIsTakenOnceWithItsOwnResult) {
  FakeParagraphs p({"a", "b", "c", "d", "e", "f", "g", "h"});
  for (unsigned threads : {0u, 1u, 3u}) {
    p.set_count = 0;
    SetAhead ahead(p.requests(), p.set_one(), threads);
    Warnings warnings;
    // Taken in another order than set; each gives its own text back.
    for (size_t i : {3u, 0u, 7u, 1u, 2u, 6u, 5u, 4u}) {
      auto got = ahead.take(p.request(i), warnings);
      ASSERT_TRUE(got) << i;
      ASSERT_EQ(got->links.size(), 1u);
      EXPECT_EQ(got->links[0], p.texts[i].front().text);
      EXPECT_FALSE(ahead.take(p.request(i), warnings)) << "taken twice: " << i;
    }
    // The warnings read in the order taken, however the threads ran.
    std::string order;
    for (const Warning& w : warnings) order += w.message;
    EXPECT_EQ(order, "dahbcgfe") << threads << " threads";
    EXPECT_EQ(p.set_count, 8) << "each set once";
  }
}

TEST(SetAhead, ARequestWithOtherParametersIsNotTaken) {
  FakeParagraphs p({"a", "b"});
  SetAhead ahead(p.requests(), p.set_one(), 1);
  Warnings warnings;
  SetRequest other = p.request(0);
  other.measure = 99;  // the same text in another measure: set anew by the caller
  EXPECT_FALSE(ahead.take(other, warnings));
  other = p.request(0);
  other.first_indent = 21;
  EXPECT_FALSE(ahead.take(other, warnings));
  InlineText copy = p.texts[1];  // equal text elsewhere is another paragraph
  other = p.request(1);
  other.text = &copy;
  EXPECT_FALSE(ahead.take(other, warnings));
  EXPECT_TRUE(warnings.empty());
  EXPECT_TRUE(ahead.take(p.request(0), warnings));
}

TEST(SetAhead, AFailureIsRethrownWhereTheParagraphIsTaken) {
  FakeParagraphs p({"a", "fail", "c"});
  for (unsigned threads : {0u, 2u}) {
    SetAhead ahead(p.requests(), p.set_one(), threads);
    Warnings warnings;
    EXPECT_TRUE(ahead.take(p.request(0), warnings));
    EXPECT_THROW(ahead.take(p.request(1), warnings), std::runtime_error);
    EXPECT_TRUE(ahead.take(p.request(2), warnings));
  }
}

TEST(SetAhead, StoppingWithParagraphsNotTakenJoinsTheThreads) {
  std::vector<std::string> many(500, "x");
  FakeParagraphs p(many);
  {
    SetAhead ahead(p.requests(), p.set_one(), 2);
    Warnings warnings;
    EXPECT_TRUE(ahead.take(p.request(0), warnings));
  }  // the destructor stops and joins: nothing is left running
  const int after = p.set_count;
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(p.set_count, after);
  EXPECT_GE(after, 1);
}

Layout layout_named(const std::string& name) {
  return parse_layout_file(std::string(PAIBAN_SOURCE_DIR) + "/layouts/" + name + ".xml");
}

/// A manifest of many paragraphs and subheadings in two sections, some with
/// a character no font has (each a warning), so that set-ahead paragraphs warn.
std::string many_paragraphs() {
  std::string xml =
      "<issue version=\"1\" date=\"2026-12-07\" lang=\"zh-Hans\"><title>测试</title>"
      "<publisher>测试</publisher>";
  for (int s = 0; s < 2; ++s) {
    xml += "<section title=\"第" + std::to_string(s + 1) + "部分\">";
    for (int a = 0; a < 3; ++a) {
      xml += "<article><heading>标题" + std::to_string(a) + "</heading>";
      for (int k = 0; k < 12; ++k) {
        if (k % 4 == 3) xml += "<subheading>小标题" + std::to_string(k) + "</subheading>";
        xml += "<p>";
        for (int r = 0; r < 3 + k % 4; ++r)
          xml += "海关总署发布公告，自本年度起对进出口货物实行新的申报规范，企业应及时调整。";
        if (k % 5 == 2) xml += "未分配字符\u0378在此。";  // U+0378: unassigned
        xml += "</p>";
      }
      xml += "</article>";
    }
    xml += "</section>";
  }
  return xml + "</issue>";
}

TEST(SetAhead, PaginationIsTheSameWhateverTheThreadCount) {
  const Issue issue = parse_manifest(many_paragraphs(), "many.xml");
  for (const std::string& name : {"default", "itrade-two-column", "vertical-hant"}) {
    const Layout layout = layout_named(name);
    Warnings alone_warnings;
    const Document alone = paginate(issue, layout, FontCache::shared(), alone_warnings, 1);
    PdfOptions one_thread;
    one_thread.threads = 1;
    const std::string alone_pdf = write_pdf(alone, FontCache::shared(), one_thread);
    ASSERT_GE(alone_warnings.size(), 6u) << name;  // the unassigned characters
    for (unsigned threads : {2u, 4u}) {
      Warnings warnings;
      const Document doc = paginate(issue, layout, FontCache::shared(), warnings, threads);
      EXPECT_EQ(doc.pages.size(), alone.pages.size()) << name;
      EXPECT_EQ(write_pdf(doc, FontCache::shared(), one_thread), alone_pdf)
          << name << ", " << threads << " threads";
      ASSERT_EQ(warnings.size(), alone_warnings.size()) << name;
      for (size_t i = 0; i < warnings.size(); ++i)
        EXPECT_EQ(to_string(warnings[i]), to_string(alone_warnings[i])) << name << " " << i;
    }
  }
}

TEST(SetAhead, TheSeedIssueIsTheSameWhateverTheThreadCount) {
  const std::string path = std::string(PAIBAN_SOURCE_DIR) + "/issues/2017-06-15/issue.xml";
  const Issue issue = parse_manifest_file(path);
  const Layout layout = layout_named("itrade");
  PdfOptions one_thread;
  one_thread.threads = 1;
  Warnings w1, w2;
  const std::string alone = write_pdf(paginate(issue, layout, FontCache::shared(), w1, 1),
                                      FontCache::shared(), one_thread);
  const std::string ahead = write_pdf(paginate(issue, layout, FontCache::shared(), w2, 2),
                                      FontCache::shared(), one_thread);
  EXPECT_EQ(ahead, alone);
  EXPECT_EQ(w1.size(), w2.size());
}

}  // namespace
}  // namespace paiban

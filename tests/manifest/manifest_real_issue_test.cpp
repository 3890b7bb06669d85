// The real issue of 2017-06-15 (shared/seed) read through the parser.
#include <gtest/gtest.h>

#include <set>

#include "manifest_test_support.hpp"

namespace paiban {
namespace {

using testing::source_path;

class ManifestRealIssue : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    issue_ = new Issue(parse_manifest_file(source_path("issues/2017-06-15/issue.xml")));
  }
  static void TearDownTestSuite() { delete issue_; }
  static Issue* issue_;
};
Issue* ManifestRealIssue::issue_ = nullptr;

TEST_F(ManifestRealIssue, FrontMatter) {
  const Issue& issue = *issue_;
  EXPECT_EQ(issue.version, 1);
  EXPECT_EQ(issue.layout, "itrade");
  EXPECT_EQ(issue.lang, "zh-Hans");
  EXPECT_EQ(issue.date.year, 2017);
  EXPECT_EQ(issue.date.month, 6);
  EXPECT_EQ(issue.date.day, 15);
  EXPECT_EQ(issue.title, "涉外政策速递");
  ASSERT_TRUE(issue.organization);
  EXPECT_EQ(plain_text(*issue.organization), "iTrade 国际贸易俱乐部");
  EXPECT_EQ(plain_text(issue.publisher), "深圳市天地纵横企业管理顾问有限公司");
  ASSERT_TRUE(issue.toc);
  EXPECT_EQ(issue.toc->depth, 2);
  EXPECT_FALSE(issue.toc->title);
  EXPECT_EQ(issue.layout_where.line, 5);
}

TEST_F(ManifestRealIssue, NineArticlesWithHeadingsAndSources) {
  ASSERT_EQ(issue_->sections.size(), 1u);
  const Section& section = issue_->sections[0];
  EXPECT_EQ(section.title, "行业动态");
  ASSERT_EQ(section.articles.size(), 9u);
  const std::pair<const char*, const char*> expected[] = {
      {"原产地证服务从“零”开始", "地方质检新闻"},
      {"黑河检验检疫局“文明+监管+服务”多点支撑质量提升工作深入推进", "黑河市政府"},
      {"全国海关首个通关预约微信平台在福州海关上线", "台海网("},
      {"济南海关预录入系统全面开放便利企业通关", "中国商务新闻网"},
      {"昆明海关11条措施助力商洽会展品快速通关", "海关总署网"},
      {"哈尔滨海关大合作助力大通关推动“中蒙俄经济走廊”建设", "东北网"},
      {"跨境电子商务海关监管制度研讨会召开", "海关总署网站"},
      {"将“放管服”改革落到实处把优惠海关政策送到基层", "中国额济纳"},
      {"洛阳跨境电商通关平台顺利通过海关验收 16 日正式运行", "洛阳网"},
  };
  std::set<std::string> ids;
  for (std::size_t i = 0; i < 9; ++i) {
    const Article& article = section.articles[i];
    EXPECT_EQ(plain_text(article.heading), expected[i].first);
    ASSERT_TRUE(article.source) << i;
    EXPECT_EQ(plain_text(*article.source), expected[i].second);
    EXPECT_FALSE(article.id.empty());
    ids.insert(article.id);
    EXPECT_FALSE(article.blocks.empty());
  }
  EXPECT_EQ(ids.size(), 9u);
}

TEST_F(ManifestRealIssue, SubheadingsAndRejoinedParagraphs) {
  const auto& articles = issue_->sections[0].articles;
  auto subheadings = [](const Article& article) {
    std::vector<std::string> out;
    for (const Block& block : article.blocks) {
      if (block.kind == BlockKind::subheading) out.push_back(plain_text(block.text));
    }
    return out;
  };
  EXPECT_EQ(subheadings(articles[0]),
            (std::vector<std::string>{"窗口“零”等待", "签证“零”排放", "管理“零”距离"}));
  EXPECT_EQ(subheadings(articles[5]),
            (std::vector<std::string>{"开展中俄海关监管结果互认合作", "助力国际大通道建设",
                                      "推进贸易安全与便利"}));
  // The paragraph the page furniture interrupted is one paragraph again.
  EXPECT_NE(plain_text(articles[1].blocks[1].text).find("以文明创建牵动完善口岸执法联动机制"),
            std::string::npos);
  EXPECT_EQ(articles[1].blocks.size(), 4u);
  // Spaces between digits and Han stay as the seed has them.
  EXPECT_TRUE(plain_text(articles[2].blocks[0].text).starts_with("据福州日报 6 月 13 日报道，"));
  for (const Article& article : articles) {
    for (const Block& block : article.blocks) {
      std::string text = plain_text(block.text);
      EXPECT_EQ(text.find("最可依赖"), std::string::npos);
      EXPECT_EQ(text.find("\n"), std::string::npos);
    }
  }
}

TEST_F(ManifestRealIssue, BackMatter) {
  ASSERT_TRUE(issue_->backmatter);
  const std::vector<Block>& blocks = *issue_->backmatter;
  ASSERT_EQ(blocks.size(), 5u);
  EXPECT_EQ(blocks[0].kind, BlockKind::paragraph);
  EXPECT_FALSE(blocks[0].indent);
  EXPECT_EQ(plain_text(blocks[0].text), "天地纵横--国际贸易全流程综合服务顾问");
  EXPECT_EQ(plain_text(blocks[1].text), "iTrade俱乐部--多维服务型国际贸易服务平台");
  EXPECT_EQ(blocks[2].kind, BlockKind::heading);
  EXPECT_EQ(plain_text(blocks[2].text), "海关|税务|外汇|商检|工商|外经等专项服务");
  ASSERT_EQ(blocks[3].kind, BlockKind::list);
  EXPECT_EQ(blocks[3].columns, 2);
  ASSERT_EQ(blocks[3].items.size(), 10u);
  EXPECT_EQ(plain_text(blocks[3].items[0]), "涉外政府服务&政策研究");
  EXPECT_EQ(plain_text(blocks[3].items[1]), "常年涉外综合服务顾问");
  EXPECT_EQ(plain_text(blocks[3].items[9]), "供应链&贸易金融筹划");
  ASSERT_EQ(blocks[4].kind, BlockKind::fields);
  const auto& fields = blocks[4].fields;
  ASSERT_EQ(fields.size(), 5u);
  EXPECT_EQ(fields[0].label, "内容编辑");
  EXPECT_EQ(plain_text(fields[0].value), "天地纵横顾问组");
  EXPECT_EQ(fields[1].label, "网站支持");
  ASSERT_EQ(fields[1].value.size(), 1u);
  EXPECT_EQ(fields[1].value[0].href, "http://www.mbase.org.cn");
  EXPECT_EQ(fields[2].label, "电话号码");
  EXPECT_EQ(plain_text(fields[2].value), "0755-83274529");
  EXPECT_EQ(fields[3].label, "传真号码");
  EXPECT_EQ(fields[4].label, "服务邮箱");
  EXPECT_EQ(fields[4].value[0].href, "mailto:service@mbase.org.cn");
  EXPECT_EQ(fields[4].value[0].text, "service@mbase.org.cn");
}

}  // namespace
}  // namespace paiban

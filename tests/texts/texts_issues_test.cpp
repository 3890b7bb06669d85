// Real texts of other genres (issues/*/SOURCE.md says where each comes from):
// each is rendered by the paiban binary with the default layout, its text must
// come back from the PDF (characters beyond the BMP included), no glyph may be
// missing, and the independent audit must pass with --strict-quality.
// docs/texts.md lists the figures each text meets.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "e2e/run_command.hpp"
#include "support/pdf_checks.hpp"
#include "support/rendered_once.hpp"

namespace paiban::test {
namespace {

struct RealText {
  const char* name;                  ///< directory under issues/
  const char* lang;                  ///< the manifest's issue/@lang
  std::vector<const char*> samples;  ///< sentences that must come back (white space ignored)
};

// Samples are taken from the manifests verbatim; each stays inside one page.
const std::vector<RealText>& real_texts() {
  static const std::vector<RealText> texts = {
      {"lit-luxun-kongyiji",
       "zh-Hans",
       {"孔乙己是站着喝酒而穿长衫的唯一的人。", "“窃书不能算偷……窃书！……读书人的事，能算偷么？”",
        "“不多不多！多乎哉？不多也。”", "我到现在终于没有见——大约孔乙己的确死了。",
        "来源：鲁迅《呐喊》（1923）"}},
      {"zh-hant-ey-press",
       "zh-Hant",
       {"臺鐵新竹六家支線", "不要有「人去政息」的想法", "即將於明（15）日開議。",
        "並規劃將導入AI公共程式（public code）", "目前已累計超過5萬5,000多項資料集。"}},
      {"tech-python-faq",
       "zh-Hans",
       {"Python 软件基金会（Python Software Foundation，简称 PSF）",
        "PSF 的主页是 https://www.python.org/psf/。", "在 1989 年的圣诞假期中",
        "因特网协议（HTTP，FTP，SMTP，XML-RPC，POP，IMAP，CGI 编程等）",
        "如果应用程序A需要特定模块的1.0版本但应用程序B需要2.0版本"}},
      {"classic-shanhaijing",
       "zh-Hans",
       {"南山经之首曰䧿山。", "其名曰𪁺𩿧，食之无卧。", "麗𪊨之水出焉，而西流注于海",
        "凡䧿山之首，自招摇之山以至箕尾之山，凡十山，二千九百五十里"}},
      {"ja-kumo-no-ito",
       "ja",
       {"ある日の事でございます。", "犍陀多と云う男が一人",
        "「いや、いや、これも小さいながら、命のあるものに違いない。",
        "慣れ切っているのでございます。"}},
  };
  return texts;
}

// Test names show the issue, not the struct's bytes.
void PrintTo(const RealText& t, std::ostream* os) { *os << t.name; }

std::string manifest_of(const RealText& t) {
  return source_path(std::string("issues/") + t.name + "/issue.xml");
}

/// One render per text per test run, shared by all the tests below.
const Rendered& render(const RealText& t) { return render_once(manifest_of(t), t.name, "texts"); }

class TextsIssues : public ::testing::TestWithParam<RealText> {};

TEST_P(TextsIssues, ManifestIsValidAndUsesTheDefaultLayout) {
  const RealText& t = GetParam();
  auto check = run_command(paiban("check " + shell_quote(manifest_of(t))));
  EXPECT_EQ(check.exit_code, 0) << check.output;
  std::string xml = read_file(manifest_of(t));
  EXPECT_EQ(xml.find(" layout=\""), std::string::npos) << "the real texts use the default layout";
  EXPECT_NE(xml.find(std::string("lang=\"") + t.lang + "\""), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(source_path(std::string("issues/") + t.name + "/SOURCE.md")))
      << "every real text says where it comes from";
}

TEST_P(TextsIssues, RendersWithoutWarnings) {
  const Rendered& r = render(GetParam());
  EXPECT_EQ(r.result.exit_code, 0) << r.result.output;
  EXPECT_EQ(r.result.output.find("warning"), std::string::npos) << r.result.output;
  EXPECT_EQ(r.result.output.find("missing-glyph"), std::string::npos) << r.result.output;
  ASSERT_TRUE(std::filesystem::exists(r.pdf));
}

TEST_P(TextsIssues, TextComesBackForCopyAndSearch) {
  const Rendered& r = render(GetParam());
  ASSERT_EQ(r.result.exit_code, 0) << r.result.output;
  auto text = run_command("pdftotext -enc UTF-8 " + shell_quote(r.pdf) + " -");
  ASSERT_EQ(text.exit_code, 0) << text.output;
  const std::string flat = without_white_space(text.output);
  for (const char* sample : GetParam().samples)
    EXPECT_NE(flat.find(without_white_space(sample)), std::string::npos)
        << "not in the extracted text: " << sample;
}

TEST_P(TextsIssues, FontsAreEmbeddedSubsets) {
  const Rendered& r = render(GetParam());
  ASSERT_EQ(r.result.exit_code, 0) << r.result.output;
  expect_embedded_subset_fonts(r.pdf);
}

TEST_P(TextsIssues, PassesTheAuditWithStrictQuality) {
  if (audit_tool().empty()) GTEST_SKIP() << "no ../shared/tools/pdf-audit beside the checkout";
  const Rendered& r = render(GetParam());
  ASSERT_EQ(r.result.exit_code, 0) << r.result.output;
  auto result = run_audit(r.pdf, manifest_of(GetParam()), "--strict-quality");
  EXPECT_EQ(result.exit_code, 0) << result.output;
}

INSTANTIATE_TEST_SUITE_P(Texts, TextsIssues, ::testing::ValuesIn(real_texts()),
                         [](const ::testing::TestParamInfo<RealText>& info) {
                           return test_name(info.param.name);
                         });

const RealText& text_named(const std::string& name) {
  for (const auto& t : real_texts())
    if (name == t.name) return t;
  throw std::runtime_error("no real text " + name);
}

// Characters beyond the BMP (CJK Extension B) are drawn by the Hanazono Mincho
// fallback (Debian fonts-hanazono, installed by .ci/install-deps) and extract
// as the same code points.
TEST(TextsExtensionB, DrawnByTheHanazonoFallback) {
  const Rendered& r = render(text_named("classic-shanhaijing"));
  ASSERT_EQ(r.result.exit_code, 0) << r.result.output;
  auto fonts = run_command("pdffonts " + shell_quote(r.pdf));
  EXPECT_NE(fonts.output.find("HanaMinB"), std::string::npos)
      << "U+2A07A and U+29FE7 want HanaMinB (apt-get install fonts-hanazono)\n"
      << fonts.output;
}

TEST(TextsExtensionB, TheDefaultLayoutNamesAFaceForEachCharacter) {
  auto shown = run_command(paiban("fonts --layout default 𠀀𠀁𪁺𩿧𪊨"));
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  for (const char* cp : {"U+20000", "U+20001", "U+2A07A", "U+29FE7", "U+2A2A8"}) {
    std::smatch m;
    std::string out = shown.output;
    const std::string pattern = std::string("U\\+") + (cp + 2) + " \\S+\\s+(\\S+)";
    ASSERT_TRUE(std::regex_search(out, m, std::regex(pattern))) << cp << "\n" << out;
    EXPECT_NE(m[1].str().find("HanaMin"), std::string::npos) << cp << " drawn by " << m[1] << "\n"
                                                             << out;
  }
}

TEST(TextsExtensionB, CodePointsComeBackExactly) {
  const Rendered& r = render(text_named("classic-shanhaijing"));
  ASSERT_EQ(r.result.exit_code, 0) << r.result.output;
  std::string text = run_command("pdftotext -enc UTF-8 " + shell_quote(r.pdf) + " -").output;
  // U+2A07A U+29FE7 and U+2A2A8 as UTF-8: four bytes each, no compatibility folding.
  EXPECT_NE(text.find("\xF0\xAA\x81\xBA\xF0\xA9\xBF\xA7"), std::string::npos);
  EXPECT_NE(text.find("\xF0\xAA\x8A\xA8"), std::string::npos);
}

/// Writes an issue holding one article with one paragraph `p` (XML) to
/// DIR/issue.xml; the paragraph is on line 8. Returns the path.
std::string write_one_paragraph_issue(const std::filesystem::path& dir, const std::string& title,
                                      const std::string& p) {
  const std::string manifest = (dir / "issue.xml").string();
  std::ofstream out(manifest);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<issue version=\"1\" date=\"2026-11-25\">\n"
         "  <title>"
      << title
      << "</title>\n"
         "  <publisher>测试</publisher>\n"
         "  <section title=\"一\">\n"
         "    <article>\n"
         "      <heading>"
      << title
      << "</heading>\n"
         "      <p>"
      << p
      << "</p>\n"
         "    </article>\n"
         "  </section>\n"
         "</issue>\n";
  return manifest;
}

// Compatibility ideographs (U+F900, U+2F938) and U+20000 come back as themselves,
// not as the unified ideographs they fold to (麗 U+9E97, 異 U+7570): a search for the
// exact code point finds them. U+2F938 has no face in the layout's lists; fontconfig
// finds HanaMinA for it.
TEST(TextsExtensionB, CompatibilityIdeographsComeBackUnfolded) {
  auto dir = temp_dir("texts-compat");
  const std::string manifest = write_one_paragraph_issue(
      dir, "兼容表意文字", "兼容表意文字&#x2F938;与&#xF900;，扩展B&#x20000;。");
  const std::string pdf = (dir / "out.pdf").string();
  auto result = run_command(paiban("render " + shell_quote(manifest) + " -o " + shell_quote(pdf)));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(result.output.find("warning"), std::string::npos) << result.output;
  std::string text = run_command("pdftotext -enc UTF-8 " + shell_quote(pdf) + " -").output;
  // 兼容表意文字 U+2F938 与 U+F900 ，扩展B U+20000 。
  EXPECT_NE(
      without_white_space(text).find("文字\xF0\xAF\xA4\xB8与\xEF\xA4\x80，扩展B\xF0\xA0\x80\x80。"),
      std::string::npos)
      << text;
  std::filesystem::remove_all(dir);
}

// A character that no installed font has is not a silent blank: a warning
// names it and the manifest line where it stands.
TEST(TextsMissingGlyph, WarningNamesTheCharacterAndItsLine) {
  // U+2EBF0 is in CJK Extension I (Unicode 15.1), which no Debian 12 font covers.
  auto covered = run_command("fc-list ':charset=2ebf0' family");
  if (!covered.output.empty())
    GTEST_SKIP() << "an installed font covers U+2EBF0: " << covered.output;
  auto dir = temp_dir("texts-missing");
  const std::string manifest =
      write_one_paragraph_issue(dir, "缺字", "扩展I区的字&#x2EBF0;没有字体。");
  const std::string pdf = (dir / "out.pdf").string();
  auto result = run_command(paiban("render " + shell_quote(manifest) + " -o " + shell_quote(pdf)));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find(manifest + ":8:"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("U+2EBF0"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("missing-glyph"), std::string::npos) << result.output;
  auto strict = run_command(
      paiban("render " + shell_quote(manifest) + " -o " + shell_quote(pdf) + " --werror"));
  EXPECT_EQ(strict.exit_code, 2) << strict.output;
  std::filesystem::remove_all(dir);
}

// The nine Extension B characters of Unicode 13 and 14 (U+2A6D7..2A6DF),
// which HanaMinB lacks, are drawn by BabelStone Han: no warning, no .notdef.
TEST(TextsExtensionB, TheNewestCharactersAreDrawn) {
  auto dir = temp_dir("texts-extb");
  const std::string manifest = write_one_paragraph_issue(
      dir, "扩展B区", "扩展B区首字为“\U00020000”，末字为“\U0002A6DF”，其前为\U0002A6D7。");
  const std::string pdf = (dir / "out.pdf").string();
  auto result = run_command(paiban("render " + shell_quote(manifest) + " -o " + shell_quote(pdf)));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_EQ(result.output.find("missing-glyph"), std::string::npos) << result.output;
  auto fonts = run_command("pdffonts " + shell_quote(pdf));
  EXPECT_NE(fonts.output.find("BabelStone"), std::string::npos) << fonts.output;
  auto text = run_command("pdftotext " + shell_quote(pdf) + " -");
  EXPECT_NE(text.output.find("\U0002A6DF"), std::string::npos) << text.output;
  std::filesystem::remove_all(dir);
}

// zh-Hant takes the font's Traditional forms: the comma and full stop HarfBuzz
// picks (locl for ZHT) are other glyphs than in Simplified Chinese.
TEST(TextsTraditional, CommaAndFullStopAreTheTraditionalGlyphs) {
  const Rendered& hant = render(text_named("zh-hant-ey-press"));
  const Rendered& hans = render(text_named("lit-luxun-kongyiji"));
  ASSERT_EQ(hant.result.exit_code, 0) << hant.result.output;
  ASSERT_EQ(hans.result.exit_code, 0) << hans.result.output;
  // Glyph ids of U+FF0C and U+3002 in the body font, as drawn.
  const std::string script =
      "import fitz,sys\n"
      "ids=set()\n"
      "for p in fitz.open(sys.argv[1]):\n"
      "  for s in p.get_texttrace():\n"
      "    if 'Serif' not in s['font']: continue\n"
      "    for c in s['chars']:\n"
      "      if c[0] in (0xFF0C,0x3002): ids.add((c[0],c[1]))\n"
      "print(' '.join('%X:%d'%i for i in sorted(ids)))\n";
  auto ids = [&](const std::string& pdf) {
    auto r = run_command("/usr/bin/python3 -c " + shell_quote(script) + " " + shell_quote(pdf));
    return r.exit_code == 0 ? r.output : std::string("error: ") + r.output;
  };
  const std::string a = ids(hant.pdf), b = ids(hans.pdf);
  if (a.find("No module named") != std::string::npos) GTEST_SKIP() << "python3-fitz missing";
  ASSERT_EQ(a.find("error"), std::string::npos) << a;
  ASSERT_NE(a.find("FF0C:"), std::string::npos) << a;
  ASSERT_NE(a.find("3002:"), std::string::npos) << a;
  // No glyph id for ，or 。 is shared between the two texts.
  std::smatch m;
  std::string rest = a;
  while (std::regex_search(rest, m, std::regex("[0-9A-F]+:\\d+"))) {
    EXPECT_EQ(b.find(m[0].str()), std::string::npos)
        << m[0] << " in both\nzh-Hant " << a << "zh-Hans " << b;
    rest = m.suffix();
  }
}

}  // namespace
}  // namespace paiban::test

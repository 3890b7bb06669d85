// Hostile input, round two (issue 13): each case a hostile user found is
// either rendered cleanly or refused with FILE:LINE:COLUMN, exit 2, no PDF
// written. Through the paiban binary, inputs generated at run time.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <regex>

#include "hardening_support.hpp"

namespace paiban::hardening {
namespace {

namespace fs = std::filesystem;

std::string repeat(const std::string& text, size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (size_t i = 0; i < times; ++i) out += text;
  return out;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("not in the text: " + from);
  return text.replace(at, from.size(), to);
}

/// A directory per test with issue.xml in it, removed afterwards.
class RoundTwo : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::temp_dir(std::string("round-two-") +
                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string manifest_path() const { return (dir_ / "issue.xml").string(); }
  std::string out() const { return (dir_ / "out.pdf").string(); }
  void write_manifest(const std::string& bytes) const { write_file(dir_ / "issue.xml", bytes); }
  /// The default layout with `from` replaced by `to`, as layout.xml beside the manifest.
  void write_layout(const std::string& from, const std::string& to) const {
    write_file(dir_ / "layout.xml",
               replace(test::read_file(test::source_path("layouts/default.xml")), from, to));
  }

  BoundedRun run(std::vector<std::string> args, double seconds = 60) const {
    return paiban_bounded(std::move(args), seconds * kTimeScale);
  }
  BoundedRun render(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"render", manifest_path(), "-o", out()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run(args);
  }
  /// Refused: exit 2, `message` at `position` ("LINE:COLUMN") of the
  /// manifest (or of `file`), no PDF, no crash.
  void expect_refused(const BoundedRun& run, const std::string& position,
                      const std::string& message, std::string file = "") const {
    if (file.empty()) file = manifest_path();
    EXPECT_EQ(run.exit_code, 2) << describe(run);
    EXPECT_EQ(run.signal, 0) << describe(run);
    std::string wanted = file + (position.empty() ? "" : ":" + position) + ": error: " + message;
    EXPECT_NE(run.output.find(wanted), std::string::npos) << "wanted: " << wanted << "\n"
                                                          << describe(run);
    EXPECT_EQ(run.output.find("internal error"), std::string::npos) << describe(run);
    EXPECT_FALSE(fs::exists(out())) << "a refused render wrote " << out();
  }
  void expect_rendered(const BoundedRun& run) const {
    EXPECT_EQ(run.exit_code, 0) << describe(run);
    EXPECT_EQ(test::read_file(out()).substr(0, 5), "%PDF-") << describe(run);
  }

  fs::path dir_;
};

// --- libharu's limits, checked where the input is read ------------------------

TEST_F(RoundTwo, AHeadingLongerThanAPdfStringIsRefusedAtTheHeading) {
  write_manifest(replace(one_article("<p>正文。</p>"), "<heading>文章</heading>",
                         "<heading>" + repeat("长", 33000) + "</heading>"));
  expect_refused(render(), "4:29",
                 "<heading> is 33000 UTF-16 units long, more than the 32766 a PDF string holds "
                 "(it is also a bookmark)");
  // Exactly at the limit: rendered.
  write_manifest(replace(one_article("<p>正文。</p>"), "<heading>文章</heading>",
                         "<heading>" + repeat("长", 32766) + "</heading>"));
  expect_rendered(render());
}

TEST_F(RoundTwo, ATitleLongerThanAPdfStringIsRefusedAtTheTitle) {
  write_manifest(replace(one_article("<p>正文。</p>"), "<title>标题</title>",
                         "<title>" + repeat("题", 33000) + "</title>"));
  expect_refused(render(), "3:1",
                 "<title> is 33000 UTF-16 units long, more than the 32766 a PDF string holds (it "
                 "is also the document title)");
  // A section title counts too; characters beyond the BMP count twice.
  write_manifest(replace(one_article("<p>正文。</p>"), "title=\"栏\"",
                         "title=\"" + repeat("𠀀", 16384) + "\""));
  expect_refused(render(), "4:10",
                 "section title is 32768 UTF-16 units long, more than the 32766 a PDF string "
                 "holds (it is also a bookmark)");
}

TEST_F(RoundTwo, AnHrefOver64KBIsRefusedWithoutRepeatingIt) {
  const std::string url = "http://example.com/" + repeat("a", 70000);
  write_manifest(one_article("<p><a href=\"" + url + "\">链接</a></p>"));
  BoundedRun refused = render();
  expect_refused(refused, "4:56", "href is 70019 bytes long; a PDF link holds at most 65535");
  EXPECT_EQ(refused.output.find(repeat("a", 200)), std::string::npos) << describe(refused);
  EXPECT_LT(refused.output.size(), 2000u) << describe(refused);
}

// 32,765 pages: one line of two characters a page.
TEST_F(RoundTwo, MorePagesThanAPdfHoldsAreRefusedAtTheSection) {
  write_layout(
      "<page size=\"A4\" top=\"25mm\" bottom=\"25mm\" inner=\"25mm\" outer=\"20mm\" "
      "bleed=\"3mm\"/>",
      "<page width=\"100pt\" height=\"72pt\" top=\"5pt\" bottom=\"5pt\" inner=\"5pt\" "
      "outer=\"5pt\" bleed=\"0\"/>");
  std::string layout = test::read_file(dir_ / "layout.xml");
  layout = replace(layout, "<style name=\"body\" font=\"body\" size=\"10.5pt\" leading=\"18pt\"",
                   "<style name=\"body\" font=\"body\" size=\"40pt\" leading=\"60pt\"");
  write_file(dir_ / "layout.xml", layout);
  std::string body = "<p indent=\"no\">" + repeat("页", 2 * 32770) + "</p>";
  write_manifest(
      manifest("<section title=\"一\"><article><heading>文</heading><p>短。</p></article>"
               "</section>\n<section title=\"二\"><article><heading>文</heading>" +
                   body + "</article></section>",
               " layout=\"layout.xml\""));
  BoundedRun refused = run({"render", manifest_path(), "-o", out()}, 300);
  expect_refused(refused, "5:1", "the issue would have ");
  EXPECT_NE(refused.output.find("a PDF written by paiban holds at most 32764"), std::string::npos)
      << describe(refused);
}

TEST_F(RoundTwo, AbsurdLayoutSizesAreRefusedWhereTheyAreWritten) {
  write_manifest(replace(one_article("<p>正文。</p>"), "<issue version=\"1\"",
                         "<issue version=\"1\" layout=\"layout.xml\""));
  const std::string page =
      "<page size=\"A4\" top=\"25mm\" bottom=\"25mm\" inner=\"25mm\" outer=\"20mm\" "
      "bleed=\"3mm\"/>";
  const std::string layout = dir_.string() + "/layout.xml";
  struct Case {
    std::string from, to, message;
  };
  const std::vector<Case> cases = {
      {page, "<page width=\"40000pt\" height=\"800pt\"/>",
       "width must be from 72pt to 14000pt, not \"40000pt\""},
      {page, "<page size=\"A4\" top=\"99999in\"/>",
       "top must be from 0pt to 14400pt, not \"99999in\""},
      {page, "<page size=\"A4\" bleed=\"10cm\"/>", "bleed must be from 0pt to 72pt, not \"10cm\""},
      {"<style name=\"toc-2\" font=\"body\" size=\"10.5pt\"",
       "<style name=\"toc-2\" font=\"body\" size=\"0.0001pt\"",
       "size must be from 1pt to 600pt, not \"0.0001pt\""},
      {"<style name=\"body\" font=\"body\" size=\"10.5pt\"",
       "<style name=\"body\" font=\"body\" size=\"" + repeat("9", 400) + "pt\"",
       "size must be a length such as 10.5pt, 20mm, 1cm or 1in, not \"999999999"},
  };
  for (const Case& c : cases) {
    write_layout(c.from, c.to);
    BoundedRun refused = render();
    EXPECT_EQ(refused.exit_code, 2) << describe(refused);
    EXPECT_TRUE(std::regex_search(
        refused.output,
        std::regex(std::regex_replace(layout, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                   ":\\d+:\\d+: error: ")))
        << describe(refused);
    EXPECT_NE(refused.output.find(c.message), std::string::npos) << c.message << "\n"
                                                                 << describe(refused);
    EXPECT_FALSE(fs::exists(out()));
  }
}

// --- numbers ----------------------------------------------------------------

TEST_F(RoundTwo, A400DigitNumberIsRefusedAtItsAttributeByRenderAndCheck) {
  write_manifest(one_article("<figure src=\"x.png\" width=\"" + repeat("1", 400) + "\"/>"));
  write_file(dir_ / "x.png",
             test::read_file(test::source_path("tests/manifest/data/schema/valid/img.png")));
  const std::string message =
      "figure width must be a fraction of the text width, more than 0 and at most 1, not "
      "\"111111111111111111111111111111111111111111111111111111111111…\" (400 bytes)";
  expect_refused(render(), "4:70", message);
  expect_refused(run({"check", manifest_path()}), "4:70", message);
  // 400 digits after the point: a fraction like any other.
  write_manifest(one_article("<figure src=\"x.png\" width=\"0." + repeat("5", 400) + "\"/>"));
  expect_rendered(render());
}

// --- text -------------------------------------------------------------------

TEST_F(RoundTwo, ACharacterReferenceWithLeadingZerosIsAccepted) {
  write_manifest(one_article("<p>&#x0000000041;&#00000000066;</p>"));
  expect_rendered(render());
  auto text = test::run_command("pdftotext " + test::shell_quote(out()) + " -");
  EXPECT_NE(text.output.find("AB"), std::string::npos) << text.output;
  write_manifest(one_article("<p>&#x00000000;</p>"));
  fs::remove(out());
  expect_refused(render(), "4:53", "unknown entity or bad character reference '&#x00000000;'");
}

// --- non-regular files --------------------------------------------------------

TEST_F(RoundTwo, AManifestThatIsAFifoIsRefusedByNameWithoutHanging) {
  ASSERT_EQ(::mkfifo(manifest_path().c_str(), 0644), 0);
  const std::string message =
      "is a FIFO (named pipe), not a regular file: the manifest must be a file (it is not opened)";
  for (const std::string command : {"render", "check"}) {
    BoundedRun refused = run({command, manifest_path(), "-o", out()}, 10);
    if (command == "check") refused = run({command, manifest_path()}, 10);
    EXPECT_FALSE(refused.timed_out) << command;
    expect_refused(refused, "", message);
  }
  BoundedRun batch = run({"batch", manifest_path(), "-o", (dir_ / "pdfs").string()}, 10);
  EXPECT_FALSE(batch.timed_out);
  EXPECT_EQ(batch.exit_code, 2) << describe(batch);
  EXPECT_NE(batch.output.find(manifest_path() + ": " + message), std::string::npos)
      << describe(batch);
}

TEST_F(RoundTwo, ALayoutThatIsAFifoIsRefusedByName) {
  ASSERT_EQ(::mkfifo((dir_ / "layout.xml").c_str(), 0644), 0);
  write_manifest(replace(one_article("<p>正文。</p>"), "<issue version=\"1\"",
                         "<issue version=\"1\" layout=\"layout.xml\""));
  BoundedRun refused = run({"render", manifest_path(), "-o", out()}, 10);
  EXPECT_FALSE(refused.timed_out);
  expect_refused(
      refused, "2:20",
      "layout " + (dir_ / "layout.xml").string() + " is a FIFO (named pipe), not a regular file");
}

}  // namespace
}  // namespace paiban::hardening

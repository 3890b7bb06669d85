// Every manifest in issues/ under every shipped one-column layout, not only
// the one it names: a layout is a design any issue may pick, so each must set
// every issue cleanly (issue 12: "render the seed and every manifest with
// them"). On screen the shared pdf-audit with --strict-quality passes; with
// --print the audit's print checks pass and qpdf and Ghostscript (stopping on
// any warning) are silent. A manifest under the layout it names is audited by
// render_issue_test and texts_issues_test already, so it is left out here.
// Two columns are measured apart (columns_audit_test.cpp: the audit reads a
// page as one column); the vertical layouts by tests/texts/vertical_texts_test.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "e2e/run_command.hpp"
#include "support/pdf_checks.hpp"

namespace paiban::test {
namespace {

namespace fs = std::filesystem;

/// The shipped horizontal one-column layouts: the two designed ones and the plain one.
const std::vector<std::string> kLayouts = {"itrade", "literary-hant", "default"};

struct Case {
  std::string layout;    ///< a layout name
  std::string manifest;  ///< an issues/ manifest, relative to the source tree
  std::string name;      ///< layout and issue, as a test name
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

/// The layout a manifest names ("default" when it names none).
std::string own_layout(const std::string& manifest) {
  std::smatch m;
  const std::string xml = read_file(source_path(manifest));
  const std::regex issue("<issue\\b[^>]*\\slayout=\"([^\"]*)\"");
  return std::regex_search(xml, m, issue) ? m[1].str() : "default";
}

std::vector<Case> cases() {
  std::vector<std::string> manifests;
  for (const auto& entry : fs::directory_iterator(source_path("issues")))
    if (fs::exists(entry.path() / "issue.xml"))
      manifests.push_back("issues/" + entry.path().filename().string() + "/issue.xml");
  std::sort(manifests.begin(), manifests.end());
  std::vector<Case> out;
  for (const std::string& layout : kLayouts)
    for (const std::string& manifest : manifests) {
      if (own_layout(manifest) == layout) continue;
      const std::string issue = fs::path(manifest).parent_path().filename().string();
      out.push_back({layout, manifest, test_name(layout + "__" + issue)});
    }
  return out;
}

class LayoutsAudit : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    if (audit_tool().empty()) GTEST_SKIP() << "no ../shared/tools/pdf-audit beside the checkout";
    if (run_command("/usr/bin/python3 -c 'import fitz'").exit_code != 0)
      GTEST_SKIP() << "python3-fitz is not installed";
    dir_ = temp_dir("layouts-audit-" + GetParam().name);
    manifest_ = relayout_copy(source_path(GetParam().manifest), GetParam().layout, dir_ / "issue");
  }

  fs::path dir_;
  std::string manifest_;
};

TEST_P(LayoutsAudit, OnScreenPassesTheAuditWithStrictQuality) {
  const std::string pdf = (dir_ / "screen.pdf").string();
  auto render = run_command(paiban("render " + shell_quote(manifest_) + " -o " + shell_quote(pdf)));
  ASSERT_EQ(render.exit_code, 0) << render.output;
  auto audit = run_audit(pdf, manifest_, "--strict-quality");
  EXPECT_EQ(audit.exit_code, 0) << audit.output;
}

TEST_P(LayoutsAudit, ForPrintPassesTheAuditAndStrictReaders) {
  const std::string pdf = (dir_ / "print.pdf").string();
  auto render =
      run_command(paiban("render " + shell_quote(manifest_) + " --print -o " + shell_quote(pdf)));
  ASSERT_EQ(render.exit_code, 0) << render.output;
  auto audit = run_audit(pdf, manifest_, "--print");
  EXPECT_EQ(audit.exit_code, 0) << audit.output;
  expect_strict_readers_silent(pdf);
}

INSTANTIATE_TEST_SUITE_P(EveryIssue, LayoutsAudit, ::testing::ValuesIn(cases()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace paiban::test

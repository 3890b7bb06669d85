// Discovery: which manifests a batch finds and where their PDFs go.
#include <gtest/gtest.h>

#include "cli/batch/batch_fixture.hpp"
#include "paiban/batch.hpp"

namespace paiban::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> outputs(const std::vector<BatchItem>& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item.output);
  return out;
}

TEST(BatchDiscover, FindsIssueXmlRecursivelySortedWithRelativeOutputs) {
  fs::path root = temp_dir("batch-discover") / "issues";
  write_text(root / "2017-06-22" / "issue.xml", "");
  write_text(root / "2017-06-15" / "issue.xml", "");
  write_text(root / "2018" / "01-04" / "issue.xml", "");
  write_text(root / "2017-06-15" / "notes.xml", "");  // not named issue.xml
  write_text(root / ".git" / "x" / "issue.xml", "");  // hidden: not searched
  write_text(root / "2017-06-15" / "figure.png", "");
  auto items = discover_issues({root.string()});
  EXPECT_EQ(outputs(items),
            (std::vector<std::string>{"2017-06-15.pdf", "2017-06-22.pdf", "2018/01-04.pdf"}));
  EXPECT_EQ(items[0].manifest, (root / "2017-06-15" / "issue.xml").string());
}

TEST(BatchDiscover, RootThatIsAnIssueDirectoryIsNamedAfterItself) {
  fs::path root = temp_dir("batch-discover-root") / "2017-06-15";
  write_text(root / "issue.xml", "");
  EXPECT_EQ(outputs(discover_issues({root.string()})), std::vector<std::string>{"2017-06-15.pdf"});
  EXPECT_EQ(outputs(discover_issues({root.string() + "/"})),
            std::vector<std::string>{"2017-06-15.pdf"});
}

TEST(BatchDiscover, FilesGivenDirectly) {
  fs::path dir = temp_dir("batch-discover-files");
  write_text(dir / "2017-06-15" / "issue.xml", "");
  write_text(dir / "special.xml", "");
  auto items = discover_issues(
      {(dir / "special.xml").string(), (dir / "2017-06-15" / "issue.xml").string()});
  EXPECT_EQ(outputs(items), (std::vector<std::string>{"2017-06-15.pdf", "special.pdf"}));
}

TEST(BatchDiscover, SameManifestTwiceCountsOnce) {
  fs::path root = temp_dir("batch-discover-dup") / "issues";
  write_text(root / "2017-06-15" / "issue.xml", "");
  auto items = discover_issues({root.string(), (root / "2017-06-15" / "issue.xml").string(),
                                (root / "." / "2017-06-15" / "issue.xml").string()});
  EXPECT_EQ(items.size(), 1u);
}

TEST(BatchDiscover, TwoManifestsForOnePdfIsAnError) {
  fs::path dir = temp_dir("batch-discover-clash");
  write_text(dir / "a" / "2017-06-15" / "issue.xml", "");
  write_text(dir / "b" / "2017-06-15" / "issue.xml", "");
  try {
    discover_issues({(dir / "a").string(), (dir / "b").string()});
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("2017-06-15.pdf"), std::string::npos) << e.what();
  }
}

TEST(BatchDiscover, MissingPathIsAnInputError) {
  EXPECT_THROW(discover_issues({"/nonexistent/archive"}), InputError);
}

TEST(BatchDiscover, EmptyDirectoryFindsNothing) {
  EXPECT_TRUE(discover_issues({temp_dir("batch-discover-empty").string()}).empty());
}

}  // namespace
}  // namespace paiban::test

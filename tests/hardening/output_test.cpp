// Output: never a partial PDF. A render that fails at any stage leaves an
// existing output file as it was and no temporary file beside it; a full
// disk is a clear error. Through the paiban binary.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "hardening_support.hpp"

namespace paiban::hardening {
namespace {

namespace fs = std::filesystem;

const std::string kOld = "%PDF-1.4 the previous, good PDF\n";

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

class HardeningOutput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::temp_dir(std::string("output-") +
                          ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_ / "in");
    fs::create_directories(dir_ / "out");
    write_file(dir_ / "out" / "issue.pdf", kOld);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string manifest_path() const { return (dir_ / "in" / "issue.xml").string(); }
  std::string out() const { return (dir_ / "out" / "issue.pdf").string(); }
  void expect_old_file_kept(const BoundedRun& run, const std::string& what) {
    EXPECT_NE(run.exit_code, 0) << what << ": " << describe(run);
    EXPECT_EQ(run.signal, 0) << what << ": " << describe(run);
    EXPECT_EQ(test::read_file(out()), kOld) << what;
    EXPECT_EQ(entries(dir_ / "out"), std::vector<std::string>{"issue.pdf"})
        << what << ": a temporary file was left";
  }
  fs::path dir_;
};

// Failures in each stage: reading, parsing, the layout, fonts, figures,
// warnings as errors, and writing (the output path is a directory).
TEST_F(HardeningOutput, AFailedRenderLeavesTheOldFileUntouched) {
  const std::string article =
      "<section title=\"栏\"><article><heading>文章</heading><p>正文。</p></article></section>";
  struct Case {
    std::string what, manifest;
    std::vector<std::string> extra;
  };
  std::string wide = "<p>" + std::string(3000, 'w') + "</p>";
  std::vector<Case> cases = {
      {"malformed XML", "<issue version=\"1\"><title>t</title>", {}},
      {"unknown element", manifest("<colour/>" + article), {}},
      {"missing layout", manifest(article, " layout=\"nowhere\""), {}},
      {"uninstalled family", manifest(article, " layout=\"house.xml\""), {}},
      {"damaged figure",
       manifest("<section title=\"栏\"><article><heading>文章</heading><figure src=\"cut.png\"/>"
                "</article></section>"),
       {}},
      {"warnings are errors",
       manifest("<section title=\"栏\"><article><heading>文章</heading>" + wide +
                "</article></section>"),
       {"--werror"}},
  };
  std::string layout = test::read_file(test::source_path("layouts/default.xml"));
  layout.replace(layout.find("Noto Serif CJK SC"), 17, "No Such Family 9");
  write_file(dir_ / "in" / "house.xml", layout);
  std::string png = test::read_file(test::source_path("tests/hardening/data/photo.png"));
  write_file(dir_ / "in" / "cut.png", png.substr(0, png.size() / 2));
  for (const Case& c : cases) {
    write_file(manifest_path(), c.manifest);
    std::vector<std::string> args = {"render", manifest_path(), "-o", out()};
    args.insert(args.end(), c.extra.begin(), c.extra.end());
    auto run = paiban_bounded(args, 60 * kTimeScale);
    EXPECT_EQ(run.exit_code, 2) << c.what << ": " << describe(run);
    expect_old_file_kept(run, c.what);
  }
}

TEST_F(HardeningOutput, AnOutputThatCannotBeReplacedIsNamedAndNothingIsLeft) {
  fs::create_directories(dir_ / "out" / "dir.pdf");
  auto run = paiban_bounded({"render", test::source_path("issues/2017-06-15/issue.xml"), "-o",
                             (dir_ / "out" / "dir.pdf").string()},
                            60 * kTimeScale);
  EXPECT_EQ(run.exit_code, 3) << describe(run);
  EXPECT_NE(run.output.find((dir_ / "out" / "dir.pdf").string() + ": cannot replace it"),
            std::string::npos)
      << describe(run);
  EXPECT_EQ(entries(dir_ / "out"), (std::vector<std::string>{"dir.pdf", "issue.pdf"}));
}

TEST_F(HardeningOutput, ASuccessfulRenderReplacesTheFileWhole) {
  ::chmod(out().c_str(), 0640);
  struct stat before {};
  ::stat(out().c_str(), &before);
  auto run = paiban_bounded(
      {"render", test::source_path("issues/2017-06-15/issue.xml"), "-o", out()}, 60 * kTimeScale);
  ASSERT_EQ(run.exit_code, 0) << describe(run);
  std::string pdf = test::read_file(out());
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
  struct stat after {};
  ::stat(out().c_str(), &after);
  EXPECT_NE(after.st_ino, before.st_ino) << "renamed into place, not rewritten";
  EXPECT_EQ(after.st_mode & 0777, 0640u) << "the old file's mode is kept";
  EXPECT_EQ(entries(dir_ / "out"), std::vector<std::string>{"issue.pdf"});
}

// A 64 KB tmpfs holds the old file but not the new 250 KB PDF. Needs root
// (mount); skipped where mounting is not allowed.
TEST_F(HardeningOutput, AFullDiskIsAClearErrorAndKeepsTheOldFile) {
  fs::path small = dir_ / "small";
  fs::create_directories(small);
  if (::mount("tmpfs", small.c_str(), "tmpfs", 0, "size=64k") != 0)
    GTEST_SKIP() << "cannot mount a tmpfs here (needs root): " << std::strerror(errno);
  struct Unmount {
    fs::path dir;
    ~Unmount() { ::umount2(dir.c_str(), MNT_DETACH); }
  } unmount{small};
  std::string target = (small / "issue.pdf").string();
  write_file(target, kOld);

  auto run = paiban_bounded(
      {"render", test::source_path("issues/2017-06-15/issue.xml"), "-o", target}, 60 * kTimeScale);
  EXPECT_EQ(run.exit_code, 3) << describe(run);
  EXPECT_NE(run.output.find("paiban: error: " + target + ": writing failed: disk full"),
            std::string::npos)
      << describe(run);
  EXPECT_EQ(test::read_file(target), kOld);
  EXPECT_EQ(entries(small), std::vector<std::string>{"issue.pdf"}) << "a temporary was left";

  // A batch into the full disk: the issue fails with the same message, the
  // old PDF stays.
  fs::create_directories(dir_ / "archive" / "issue");
  fs::copy_file(test::source_path("issues/2017-06-15/issue.xml"),
                dir_ / "archive" / "issue" / "issue.xml");
  auto batch = paiban_bounded(
      {"batch", (dir_ / "archive").string(), "-o", small.string(), "-j", "1"}, 60 * kTimeScale);
  EXPECT_NE(batch.exit_code, 0) << describe(batch);
  EXPECT_EQ(batch.signal, 0) << describe(batch);
  EXPECT_NE(batch.output.find("disk full"), std::string::npos) << describe(batch);
  EXPECT_EQ(batch.output.find("internal error"), std::string::npos) << describe(batch);
  EXPECT_EQ(test::read_file(target), kOld);
}

// The same without root: a file size limit (ulimit -f, SIGXFSZ ignored as
// a shell's trap leaves it) makes the writes fail with EFBIG part-way.
TEST_F(HardeningOutput, AFileSizeLimitIsAClearErrorAndKeepsTheOldFile) {
  fs::create_directories(dir_ / "limited");
  std::string target = (dir_ / "limited" / "issue.pdf").string();
  write_file(target, kOld);
  // 64 blocks of 512 bytes (dash) or 1024 (bash): far below the ~250 KB PDF.
  const std::string command = "ulimit -f 64; trap '' XFSZ; exec " + std::string(PAIBAN_BINARY) +
                              " render " + test::source_path("issues/2017-06-15/issue.xml") +
                              " -o " + target;
  auto run = run_bounded({"/bin/sh", "-c", command}, 60 * kTimeScale);
  EXPECT_EQ(run.signal, 0) << describe(run);
  EXPECT_EQ(run.exit_code, 3) << describe(run);
  EXPECT_NE(run.output.find("paiban: error: " + target +
                            ": writing failed: the file size limit is reached"),
            std::string::npos)
      << describe(run);
  EXPECT_EQ(test::read_file(target), kOld);
  EXPECT_EQ(entries(dir_ / "limited"), std::vector<std::string>{"issue.pdf"}) << "a temporary was left";
}

}  // namespace
}  // namespace paiban::hardening

// load_job: a render's inputs read once, each listed once with the digest of
// its content, and the render set from what was loaded.
#include <gtest/gtest.h>

#include "cli/batch/batch_fixture.hpp"
#include "job/sha256.hpp"
#include "paiban/render.hpp"

namespace paiban::test {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> kinds(const Job& job) {
  std::vector<std::string> out;
  for (const InputFile& input : job.inputs) out.push_back(to_string(input.kind));
  return out;
}

TEST(LoadJob, ListsEveryInputOnceInOrderWithItsDigest) {
  const std::string manifest = source_path("issues/itrade-2024-05/issue.xml");
  FileDigests digests;
  Job job = load_job(manifest, {}, &digests);
  EXPECT_EQ(job.issue.manifest_path, manifest);
  EXPECT_EQ(job.layout.name, "itrade");
  ASSERT_GE(job.inputs.size(), 5u);
  EXPECT_EQ(kinds(job), (std::vector<std::string>{"manifest", "layout", "layout image", "figure",
                                                  "figure", "figure"}));
  EXPECT_EQ(job.inputs[0].path, manifest);
  EXPECT_EQ(job.inputs[1].path, job.layout.path);
  EXPECT_EQ(fs::path(job.inputs[2].path).filename(), "itrade-globe.png");
  EXPECT_EQ(fs::path(job.inputs[3].path).filename(), "port.jpg");
  for (const InputFile& input : job.inputs)
    EXPECT_EQ(input.digest, sha256_hex(read_file(input.path))) << input.path;
}

TEST(LoadJob, AFigureUsedTwiceIsOneInput) {
  fs::path dir = temp_dir("load-job-twice");
  write_text(dir / "logo.png", tiny_png(false));
  write_text(dir / "issue.xml", small_manifest("2017-06-22", "文字。",
                                               "<figure src=\"logo.png\" width=\"0.2\"/>"
                                               "<figure src=\"logo.png\" width=\"0.3\"/>"));
  FileDigests digests;
  Job job = load_job((dir / "issue.xml").string(), {}, &digests);
  EXPECT_EQ(kinds(job), (std::vector<std::string>{"manifest", "layout", "figure"}));
  EXPECT_EQ(job.inputs[2].digest, sha256_hex(tiny_png(false)));
}

TEST(LoadJob, WithoutDigestsListsTheSameInputsUnhashed) {
  // A render alone hashes nothing: only a batch's up-to-date check reads digests.
  const std::string manifest = source_path("issues/itrade-2024-05/issue.xml");
  FileDigests digests;
  const Job hashed = load_job(manifest, {}, &digests);
  const Job plain = load_job(manifest, {});
  ASSERT_EQ(plain.inputs.size(), hashed.inputs.size());
  for (size_t i = 0; i < plain.inputs.size(); ++i) {
    EXPECT_EQ(plain.inputs[i].path, hashed.inputs[i].path);
    EXPECT_EQ(plain.inputs[i].kind, hashed.inputs[i].kind);
    EXPECT_EQ(plain.inputs[i].digest, "") << plain.inputs[i].path;
  }
}

TEST(LoadJob, BadInputThrowsAtItsLocation) {
  fs::path dir = temp_dir("load-job-bad");
  write_text(dir / "issue.xml", broken_manifest());
  try {
    load_job((dir / "issue.xml").string(), {});
    FAIL() << "a broken manifest loaded";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 5);
  }
}

TEST(LoadJob, RendersWhatWasLoadedNotWhatIsOnDiskNow) {
  fs::path dir = temp_dir("load-job-render");
  const fs::path manifest = dir / "issue.xml";
  write_text(manifest, small_manifest("2017-06-15", "第一期的文字。"));
  Job job = load_job(manifest.string(), {});
  fs::remove(manifest);  // the render reads nothing of it again
  RenderResult result = render_job(job, FontCache::shared(), {});
  EXPECT_EQ(result.pdf.substr(0, 5), "%PDF-");
  EXPECT_GT(result.pages, 0);
  EXPECT_EQ(result.inputs, (std::vector<std::string>{manifest.string(), job.layout.path}));
}

TEST(FileDigests, HashesEachFileOncePerRun) {
  fs::path dir = temp_dir("file-digests");
  write_text(dir / "a.png", tiny_png(false));
  FileDigests digests;
  const std::string first = digests.of((dir / "a.png").string());
  EXPECT_EQ(first, sha256_hex(tiny_png(false)));
  write_text(dir / "a.png", tiny_png(true));
  EXPECT_EQ(digests.of((dir / "a.png").string()), first) << "remembered, not read again";
  EXPECT_EQ(FileDigests().of((dir / "a.png").string()), sha256_hex(tiny_png(true)));
  EXPECT_THROW(digests.of((dir / "missing.png").string()), std::runtime_error);
}

}  // namespace
}  // namespace paiban::test

// Freshness fingerprints a loaded job: the digests load_job took of what it
// read, never a second reading or parsing of the files.
#include <gtest/gtest.h>

#include "cli/batch/batch_fixture.hpp"
#include "cli/batch/freshness.hpp"
#include "job/sha256.hpp"

namespace paiban::test {
namespace {

namespace fs = std::filesystem;

const batch::InputStamp* find_kind(const batch::Stamp& stamp, const std::string& kind) {
  for (const batch::InputStamp& input : stamp.inputs)
    if (input.kind == kind) return &input;
  return nullptr;
}

TEST(BatchFreshness, StampsTheJobAsLoaded) {
  fs::path dir = temp_dir("batch-freshness");
  const fs::path manifest = dir / "issue.xml";
  const std::string loaded = small_manifest("2017-06-15", "第一期的文字。");
  write_text(manifest, loaded);
  FileDigests digests;
  Job job = load_job(manifest.string(), {}, &digests);
  write_text(manifest, small_manifest("2017-06-15", "改过的文字。"));  // changed after loading

  batch::Freshness freshness({}, FontCache::shared());
  batch::Stamp stamp = freshness.stamp(job);
  std::vector<std::string> kinds;
  for (const batch::InputStamp& input : stamp.inputs) kinds.push_back(input.kind);
  ASSERT_GE(kinds.size(), 5u);
  EXPECT_EQ(std::vector<std::string>(kinds.begin(), kinds.begin() + 4),
            (std::vector<std::string>{"program", "options", "manifest", "layout"}));
  EXPECT_EQ(kinds.back().rfind("font", 0), 0u) << kinds.back();
  ASSERT_NE(find_kind(stamp, "manifest"), nullptr);
  EXPECT_EQ(find_kind(stamp, "manifest")->digest, sha256_hex(loaded));

  // The same inputs give the same key; another digest in the job, another key,
  // and changed_kinds names it.
  EXPECT_EQ(freshness.stamp(job).key, stamp.key);
  Job edited = job;
  edited.inputs[1].digest = sha256_hex("another layout");
  batch::Stamp other = freshness.stamp(edited);
  EXPECT_NE(other.key, stamp.key);
  EXPECT_EQ(batch::changed_kinds(stamp.inputs, other.inputs), std::vector<std::string>{"layout"});
}

}  // namespace
}  // namespace paiban::test

// Records beside the PDFs, and telling which inputs changed.
#include <gtest/gtest.h>

#include "cli/batch/record.hpp"
#include "e2e/run_command.hpp"
#include "job/sha256.hpp"

namespace paiban::batch {
namespace {

TEST(BatchRecord, RoundTrips) {
  auto dir = test::temp_dir("batch-record");
  Record record;
  record.key = "k1";
  record.pdf_digest = sha256_hex("%PDF");
  record.pdf_bytes = 4;
  record.pages = 9;
  record.warnings.push_back(
      {"missing-glyph", {"a/issue.xml", 3, 7}, "no face has U+1F600\tin\nit"});
  record.inputs.push_back({"manifest", "a/issue.xml", "d1"});
  record.inputs.push_back({"options", "", "d2"});
  std::string path = record_path(dir.string(), "2018/01-04.pdf");
  EXPECT_EQ(path, (dir / ".paiban-batch" / "2018" / "01-04.pdf.record").string());
  write_record(path, record);
  auto back = read_record(path);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->key, "k1");
  EXPECT_EQ(back->pdf_bytes, 4u);
  EXPECT_EQ(back->pages, 9);
  ASSERT_EQ(back->warnings.size(), 1u);
  EXPECT_EQ(back->warnings[0].where.line, 3);
  EXPECT_EQ(back->warnings[0].message, "no face has U+1F600 in it");
  ASSERT_EQ(back->inputs.size(), 2u);
  EXPECT_EQ(back->inputs[1].kind, "options");
  EXPECT_EQ(back->inputs[1].path, "");

  std::ofstream(dir / "out.pdf", std::ios::binary) << "%PDF";
  EXPECT_TRUE(pdf_matches(*back, (dir / "out.pdf").string()));
  std::ofstream(dir / "out.pdf", std::ios::binary) << "%PDX";
  EXPECT_FALSE(pdf_matches(*back, (dir / "out.pdf").string()));
  EXPECT_FALSE(pdf_matches(*back, (dir / "absent.pdf").string()));
}

TEST(BatchRecord, UnreadableRecordMeansSetAgain) {
  auto dir = test::temp_dir("batch-record-bad");
  EXPECT_FALSE(read_record((dir / "absent").string()));
  std::ofstream(dir / "other", std::ios::binary) << "paiban-batch-record 2\nkey\tx\n";
  EXPECT_FALSE(read_record((dir / "other").string()));
  std::ofstream(dir / "junk", std::ios::binary) << "paiban-batch-record 1\npages\tmany\n";
  EXPECT_FALSE(read_record((dir / "junk").string()));
}

TEST(BatchRecord, ChangedKinds) {
  std::vector<InputStamp> before = {{"program", "p", "1"},
                                    {"manifest", "a.xml", "m1"},
                                    {"figure", "x.png", "f1"},
                                    {"font", "/f.ttc#2", "100:5"}};
  auto now = before;
  EXPECT_TRUE(changed_kinds(before, now).empty());
  now[1].path = "./a.xml";  // moved, same content: not a change
  EXPECT_TRUE(changed_kinds(before, now).empty());
  now[1].digest = "m2";
  now[3].digest = "100:6";
  EXPECT_EQ(changed_kinds(before, now), (std::vector<std::string>{"manifest", "font"}));
  now.erase(now.begin() + 2);  // the figure was removed
  EXPECT_EQ(changed_kinds(before, now), (std::vector<std::string>{"manifest", "font", "figure"}));
}

}  // namespace
}  // namespace paiban::batch

// issues/schema/issue.rng and paiban's manifest reader agree on what a valid
// manifest is. Needs jing (CI: apt-get install jing); skipped without it.
//
// tests/manifest/data/schema/
//   valid/          both accept
//   invalid/        both refuse
//   beyond-schema/  the schema accepts, the reader refuses: what RELAX NG
//                   cannot say (unique ids, figure files, DOCTYPE, encodings)
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "manifest/jing_runner.hpp"
#include "manifest_test_support.hpp"

namespace paiban {
namespace {

namespace fs = std::filesystem;
using testing::source_path;

std::vector<std::string> xml_files(const fs::path& dir, bool recursive) {
  std::vector<std::string> out;
  auto add = [&](const fs::directory_entry& entry) {
    if (entry.is_regular_file() && entry.path().extension() == ".xml")
      out.push_back(entry.path().string());
  };
  if (recursive) {
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (entry.path().parent_path().filename() != "schema") add(entry);
    }
  } else {
    for (const auto& entry : fs::directory_iterator(dir)) add(entry);
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// "" when paiban reads the manifest, else its error.
std::string reader_error(const std::string& file) {
  try {
    parse_manifest_file(file);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

TEST(ManifestSchemaAgreement, SchemaAndReaderAgree) {
  if (!testing::jing_available()) GTEST_SKIP() << "jing is not installed (apt-get install jing)";
  const fs::path data = source_path("tests/manifest/data/schema");
  const std::vector<std::string> issues = xml_files(source_path("issues"), true);
  const std::vector<std::string> valid = xml_files(data / "valid", false);
  const std::vector<std::string> invalid = xml_files(data / "invalid", false);
  const std::vector<std::string> beyond = xml_files(data / "beyond-schema", false);
  ASSERT_FALSE(issues.empty());
  ASSERT_GE(valid.size(), 5u);
  ASSERT_GE(invalid.size(), 40u);
  ASSERT_GE(beyond.size(), 5u);

  std::vector<std::string> all = issues;
  for (const auto* group : {&valid, &invalid, &beyond})
    all.insert(all.end(), group->begin(), group->end());
  const std::set<std::string> refused =
      testing::jing_invalid(source_path("issues/schema/issue.rng"), all);

  for (const auto* group : {&issues, &valid}) {
    for (const std::string& file : *group) {
      EXPECT_FALSE(refused.count(file)) << "schema refuses " << file;
      EXPECT_EQ(reader_error(file), "") << file;
    }
  }
  for (const std::string& file : invalid) {
    EXPECT_TRUE(refused.count(file)) << "schema accepts " << file;
    EXPECT_NE(reader_error(file), "") << "reader accepts " << file;
  }
  for (const std::string& file : beyond) {
    EXPECT_FALSE(refused.count(file)) << "schema refuses " << file;
    EXPECT_NE(reader_error(file), "") << "reader accepts " << file;
  }
}

}  // namespace
}  // namespace paiban

// Damaged manifests fail with InputError, never with a crash or another
// exception: truncated files and flipped bytes of the real issue.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "manifest_test_support.hpp"

namespace paiban {
namespace {

std::string real_issue() {
  std::ifstream in(testing::source_path("issues/2017-06-15/issue.xml"), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

/// Parses; an InputError is fine, anything else fails the test.
void parse_damaged(const std::string& bytes, const std::string& what) {
  try {
    parse_manifest(bytes, "damaged.xml");
  } catch (const InputError& error) {
    EXPECT_GT(error.where().line, 0) << what << ": " << error.what();
  } catch (const std::exception& error) {
    ADD_FAILURE() << what << ": " << error.what();
  }
}

TEST(ManifestRobustness, TruncatedAnywhere) {
  const std::string issue = real_issue();
  for (std::size_t length = 0; length < issue.size(); length += 53) {
    parse_damaged(issue.substr(0, length), "truncated at " + std::to_string(length));
  }
}

TEST(ManifestRobustness, FlippedBytes) {
  const std::string issue = real_issue();
  std::mt19937 random(20170615);  // fixed: the same damage on every run
  std::uniform_int_distribution<std::size_t> position(0, issue.size() - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 400; ++round) {
    std::string damaged = issue;
    for (int flips = 0; flips < 1 + round % 4; ++flips) {
      damaged[position(random)] = static_cast<char>(byte(random));
    }
    parse_damaged(damaged, "round " + std::to_string(round));
  }
}

TEST(ManifestRobustness, DeepNestingIsRefusedNotOverflowed) {
  std::string open, close;
  for (int i = 0; i < 100000; ++i) open += "<em>", close += "</em>";
  std::string text = testing::manifest_with_article("<article><heading>" + open + "深" + close +
                                                    "</heading></article>");
  // <issue><section><article><heading> then 196 <em>: the 197th is at depth 201.
  EXPECT_EQ(testing::parse_error(text), "t.xml:5:803: elements are nested more than 200 deep");
}

}  // namespace
}  // namespace paiban

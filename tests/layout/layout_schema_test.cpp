// layouts/schema/layout.rng and paiban's layout reader agree on the shipped
// layouts and on broken variants of default.xml. Needs jing; skipped without.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "manifest/jing_runner.hpp"
#include "paiban/layout.hpp"

namespace paiban {
namespace {

namespace fs = std::filesystem;

bool reader_accepts(const std::string& file) {
  try {
    parse_layout_file(file);
    return true;
  } catch (const InputError&) {
    return false;
  }
}

TEST(LayoutSchemaAgreement, ShippedAndBrokenLayouts) {
  if (!testing::jing_available()) GTEST_SKIP() << "jing is not installed (apt-get install jing)";
  const std::string source = PAIBAN_SOURCE_DIR;
  std::vector<std::string> shipped;
  for (const auto& entry : fs::directory_iterator(source + "/layouts")) {
    if (entry.path().extension() == ".xml") shipped.push_back(entry.path().string());
  }
  ASSERT_GE(shipped.size(), 2u);

  std::ifstream in(source + "/layouts/default.xml");
  std::ostringstream text;
  text << in.rdbuf();
  const std::pair<const char*, const char*> breakages[] = {
      {"size=\"10.5pt\"", "size=\"10.5px\""},
      {"color=\"grey(1)\"", "color=\"grey(1.5)\""},
      {"color=\"grey(1)\"", "color=\"cmyk(0,0,1)\""},
      {"<page", "<margins/><page"},
      {"version=\"1\"", "version=\"2\""},
      {"align=\"justify\"", "align=\"left\""},
      {"indent=\"2em\"", "indent=\"2pt\""},
      {"level=\"basic\"", "level=\"loose\""},
      {"{title}</left>", "{titel}</left>"},
      {"weight=\"700\"", "weight=\"bold\""},
      {"<family>Noto Serif CJK SC</family>", ""},
      {"<contents ", "<columns count=\"4\"/><contents "},
      {"<contents ", "<columns count=\"2\" headings=\"across\"/><contents "},
      {"<contents ", "<columns gap=\"6mm\"/><contents "},
  };
  fs::path dir = fs::temp_directory_path() / ("paiban-layout-schema-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::vector<std::string> broken;
  for (const auto& [from, to] : breakages) {
    std::string variant = text.str();
    variant.replace(variant.find(from), std::string(from).size(), to);
    broken.push_back((dir / ("broken-" + std::to_string(broken.size()) + ".xml")).string());
    std::ofstream(broken.back()) << variant;
  }

  // A layout in columns, as both read it.
  {
    std::string variant = text.str();
    variant.replace(variant.find("<contents "), 10,
                    "<columns count=\"2\" gap=\"6mm\" rule=\"0.5pt\" rule-color=\"grey(0.7)\" "
                    "headings=\"column\"/><contents ");
    shipped.push_back((dir / "columns.xml").string());
    std::ofstream(shipped.back()) << variant;
  }

  std::vector<std::string> all = shipped;
  all.insert(all.end(), broken.begin(), broken.end());
  auto refused = testing::jing_invalid(source + "/layouts/schema/layout.rng", all);
  for (const std::string& file : shipped) {
    EXPECT_FALSE(refused.count(file)) << "schema refuses " << file;
    EXPECT_TRUE(reader_accepts(file)) << file;
  }
  for (std::size_t i = 0; i < broken.size(); ++i) {
    EXPECT_TRUE(refused.count(broken[i])) << "schema accepts " << breakages[i].second;
    EXPECT_FALSE(reader_accepts(broken[i])) << "reader accepts " << breakages[i].second;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace paiban

// Goldens: `paiban trace` of every issue in issues/ against
// tests/golden/<issue>.trace, so that a change to breaking or pagination
// shows as a diff. Regenerate: PAIBAN_UPDATE_GOLDENS=1 ctest -R Golden
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "e2e/run_command.hpp"

namespace paiban::test {
namespace {

namespace fs = std::filesystem;

// The issue directories that hold an issue.xml, sorted.
std::vector<std::string> issue_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(source_path("issues")))
    if (fs::exists(entry.path() / "issue.xml")) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

fs::path golden_path(const std::string& issue) {
  return source_path("tests/golden/" + issue + ".trace");
}

bool updating_goldens() {
  const char* update = std::getenv("PAIBAN_UPDATE_GOLDENS");
  return update && *update && std::string(update) != "0";
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The first few lines where `actual` differs from `expected`, numbered.
std::string first_differences(const std::string& expected, const std::string& actual) {
  std::vector<std::string> want = lines_of(expected), got = lines_of(actual);
  std::ostringstream out;
  out << "golden " << want.size() << " lines, trace " << got.size() << " lines\n";
  int shown = 0;
  for (size_t i = 0; i < std::max(want.size(), got.size()) && shown < 8; ++i) {
    const std::string* w = i < want.size() ? &want[i] : nullptr;
    const std::string* g = i < got.size() ? &got[i] : nullptr;
    if (w && g && *w == *g) continue;
    out << "line " << i + 1 << ":\n  golden: " << (w ? *w : "(none)")
        << "\n  trace:  " << (g ? *g : "(none)") << "\n";
    ++shown;
  }
  return out.str();
}

// What `paiban trace` writes for an issue, run as a user would, with the
// environment's layout and font paths cleared.
std::string trace_of(const std::string& issue, const fs::path& dir) {
  fs::path out = dir / (issue + ".trace");
  auto result =
      run_command("env -u PAIBAN_LAYOUT_PATH -u PAIBAN_FONT_PATH " +
                  paiban("trace " + shell_quote(source_path("issues/" + issue + "/issue.xml")) +
                         " -o " + shell_quote(out.string())));
  EXPECT_EQ(result.exit_code, 0) << result.output;
  return read_file(out);
}

class TraceGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(TraceGolden, MatchesTheGolden) {
  const std::string issue = GetParam();
  std::string trace = trace_of(issue, temp_dir("trace-golden-" + issue));
  ASSERT_FALSE(trace.empty()) << issue << ": the trace has no lines";
  if (updating_goldens()) {
    fs::create_directories(golden_path(issue).parent_path());
    std::ofstream(golden_path(issue), std::ios::binary) << trace;
    std::cout << "updated " << golden_path(issue).string() << "\n";
    return;
  }
  ASSERT_TRUE(fs::exists(golden_path(issue)))
      << "no golden for " << issue << ": PAIBAN_UPDATE_GOLDENS=1 ctest -R Golden";
  std::string golden = read_file(golden_path(issue));
  EXPECT_TRUE(golden == trace)
      << issue << ": the trace differs from " << golden_path(issue).string() << "\n"
      << first_differences(golden, trace)
      << "(if the change is meant: PAIBAN_UPDATE_GOLDENS=1 ctest -R Golden)";
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Issues, TraceGolden, ::testing::ValuesIn(issue_names()), test_name);

// Every golden belongs to an issue that is still there.
TEST(TraceGoldenFiles, EachHasItsIssue) {
  for (const auto& entry : fs::directory_iterator(source_path("tests/golden")))
    if (entry.path().extension() == ".trace")
      EXPECT_TRUE(fs::exists(source_path("issues/" + entry.path().stem().string() + "/issue.xml")))
          << entry.path().string() << " has no issue: delete it";
}

// The same issue traced twice gives the same bytes.
TEST(TraceGoldenFiles, TraceIsDeterministic) {
  const std::string issue = issue_names().front();
  EXPECT_EQ(trace_of(issue, temp_dir("trace-once")), trace_of(issue, temp_dir("trace-twice")));
}

// Bad input is reported at its location with exit 2, and nothing written.
TEST(TraceCommand, BadManifestGivesLocationExit2) {
  auto dir = temp_dir("trace-bad");
  std::ofstream(dir / "issue.xml") << "<?xml version=\"1.0\"?>\n<issue>\n  <oops\n";
  auto result = run_command(paiban("trace " + shell_quote((dir / "issue.xml").string()) + " -o " +
                                   shell_quote((dir / "out.trace").string())));
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("issue.xml:"), std::string::npos) << result.output;
  EXPECT_FALSE(fs::exists(dir / "out.trace"));
}

TEST(TraceCommand, NoManifestIsAUsageError) {
  auto result = run_command(paiban("trace"));
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_NE(result.output.find("usage: paiban trace"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace paiban::test

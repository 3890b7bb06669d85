// The shared pdf-audit on two-column renders, each column measured alone:
// every manifest in issues/ under the shipped two-column layout
// (layouts/itrade-two-column.xml), and the two-column sample
// (tests/e2e/data/itrade-two-column), cut by bench/split-columns.py into one
// column a page, must meet the audit's own goals (--strict-quality) for
// every line, paragraph and text figure, but for the few named below with
// the reason each fails. pdf-audit reads a page as one column, so the
// unsplit render cannot be measured so (docs/layout.md, "columns").
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>

#include "e2e/run_command.hpp"
#include "support/pdf_checks.hpp"

namespace paiban::test {
namespace {

namespace fs = std::filesystem;

// The scripts' own interpreter (their #! line): the Debian python3 that
// python3-fitz installs into.
const std::string python = "/usr/bin/python3";

/// Why the audit cannot run here, or "" when it can.
std::string audit_missing() {
  if (run_command(python + " -c 'import fitz'").exit_code != 0)
    return python + " with fitz (python3-fitz) is not installed";
  if (!fs::exists(source_path("../shared/tools/pdf-audit")))
    return "../shared/tools/pdf-audit is not beside the source tree";
  return "";
}

struct AuditMetric {
  std::string status;  ///< OK, FAIL, figure, n/a: the audit's verdict on its goal
  std::string shown;   ///< the value as the audit prints it, with its goal
};

/// The metrics of `pdf-audit --json` by name, read with python's json.
std::map<std::string, AuditMetric> read_audit_json(const fs::path& json) {
  const auto dump =
      run_command(python +
                  " -c 'import json, sys\n"
                  "for k, v in json.load(open(sys.argv[1]))[\"metrics\"].items():\n"
                  "    print(k, v[\"status\"], v.get(\"shown\") or v[\"value\"], \"| goal\", "
                  "v.get(\"goal\") or v[\"threshold\"], sep=\"\\t\")' " +
                  shell_quote(json.string()));
  std::map<std::string, AuditMetric> out;
  std::istringstream lines(dump.output);
  for (std::string line; std::getline(lines, line);) {
    const size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    out[line.substr(0, a)] = {line.substr(a + 1, b - a - 1), line.substr(b + 1)};
  }
  return out;
}

int page_count(const std::string& pdf) {
  std::smatch m;
  const std::string info = run_command("pdfinfo " + shell_quote(pdf)).output;
  return std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(m[1]) : -1;
}

struct Case {
  std::string name;      ///< the test's name: the manifest's directory, '-' as '_'
  std::string manifest;  ///< relative to the source tree
  bool relayout;         ///< an issues/ manifest: rendered under itrade-two-column
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

/// Every manifest in issues/, then the sample (already in two columns).
std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto& entry : fs::directory_iterator(source_path("issues")))
    if (fs::exists(entry.path() / "issue.xml")) {
      std::string name = entry.path().filename().string();
      std::replace(name.begin(), name.end(), '-', '_');
      out.push_back(
          {"issue_" + name, "issues/" + entry.path().filename().string() + "/issue.xml", true});
    }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  out.push_back({"sample", "tests/e2e/data/itrade-two-column/issue.xml", false});
  return out;
}

/// The goals a case does not meet on its split render, each with why: what
/// the split measures wrongly, or what two columns cannot give that text.
const std::map<std::string, std::map<std::string, std::string>>& known_failures() {
  static const std::map<std::string, std::map<std::string, std::string>> known = {
      // Python FAQ: lines no break can tighten in a 227 pt column (21.7 em).
      // The first line of "Python 软件基金会（Python Software Foundation，…"
      // (2 em indent) ends before "Foundation，", which no allowed break
      // splits so that it fits: 1.9 em of slack, the word space at 1/2 em,
      // the rest over 4 gaps between ideographs, 0.33 em. And the lines
      // around https://docs.python.org/3/ and …/3/download.html (150 and
      // 211 pt) hold 3 and 11 such gaps: 0.32 and 0.24 em.
      {"issue_tech_python_faq",
       {{"loosest_line_em",
         "the first line before \"Foundation，\" and the lines around two long URLs "
         "in a 227 pt column (0.33 em at worst)"}}},
  };
  return known;
}

/// How far a known miss may go (its value as the audit shows it first): a
/// miss must not grow back (the Python FAQ's loosest line was 0.42 em before
/// the line breaker's URL and Han-Latin gap fixes).
const std::map<std::string, std::map<std::string, double>>& known_ceilings() {
  static const std::map<std::string, std::map<std::string, double>> ceilings = {
      {"issue_tech_python_faq", {{"loosest_line_em", 0.33}}},
  };
  return ceilings;
}

class ColumnsAudit : public ::testing::TestWithParam<Case> {};

TEST_P(ColumnsAudit, EachColumnMeetsTheAuditsLineGoals) {
  if (std::string why = audit_missing(); !why.empty()) GTEST_SKIP() << why;
  if (run_command("command -v pdfinfo >/dev/null").exit_code != 0) GTEST_SKIP() << "pdfinfo";
  const Case c = GetParam();
  const fs::path dir = temp_dir("columns-audit-" + c.name);
  std::string manifest = source_path(c.manifest);
  if (c.relayout) manifest = relayout_copy(manifest, "itrade-two-column", dir / "issue");
  const std::string pdf = (dir / "out.pdf").string(), split = (dir / "split.pdf").string();
  const fs::path json = dir / "audit.json";

  auto render = run_command(paiban("render " + shell_quote(manifest) + " -o " + shell_quote(pdf)));
  ASSERT_EQ(render.exit_code, 0) << render.output;
  auto cut = run_command(source_path("bench/split-columns.py") + " " + shell_quote(pdf) + " " +
                         shell_quote(split));
  ASSERT_EQ(cut.exit_code, 0) << cut.output;
  // The script found the column rules: pages in columns became a page a column.
  EXPECT_GT(page_count(split), page_count(pdf) + 2);

  // Exit 1 is the audit's FAIL, expected here (see below); 2 is a usage or
  // input error.
  auto audit = run_command(source_path("../shared/tools/pdf-audit") + " " + shell_quote(split) +
                           " --manifest " + shell_quote(manifest) + " --strict-quality --json " +
                           shell_quote(json.string()));
  ASSERT_LE(audit.exit_code, 1) << audit.output;
  const auto metrics = read_audit_json(json);
  ASSERT_FALSE(metrics.empty()) << audit.output;

  // The figures that judge lines, paragraphs and the text; each must be
  // measured (not n/a: a piece with too few lines would make it vacuous) and
  // meet the goal the audit states for it. Left out, as they fail on any split
  // file: page_numbers_ok, toc_page_correct and toc_links (the pieces of a
  // page share its number, so the numbers and the contents' targets no longer
  // match the split file's pages), and header_consistency (the empty pages
  // that keep each piece on its original's side have no running head).
  const std::vector<std::string> goals = {"notdef_glyphs",
                                          "text_fidelity",
                                          "text_extractable",
                                          "kinsoku_violations",
                                          "widows",
                                          "orphans",
                                          "stranded_headings",
                                          "inserted_spaces",
                                          "loosest_line_em",
                                          "punct_pair_spread_em",
                                          "punct_pair_below_1em",
                                          "lone_char_last_lines",
                                          "line_end_punct_full",
                                          "ragged_lines"};
  const auto known = known_failures().find(c.name);
  for (const std::string& name : goals) {
    SCOPED_TRACE(name);
    auto it = metrics.find(name);
    ASSERT_NE(it, metrics.end()) << audit.output;
    if (known != known_failures().end() && known->second.count(name)) {
      // Known to fail, for the reason given: say so when it no longer does.
      if (it->second.status == "OK")
        ADD_FAILURE() << name << " now passes: take it off known_failures() ("
                      << known->second.at(name) << ")";
      const auto ceiling = known_ceilings().find(c.name);
      if (ceiling != known_ceilings().end() && ceiling->second.count(name))
        EXPECT_LE(std::stod(it->second.shown), ceiling->second.at(name))
            << name << " grew: " << it->second.shown;
      continue;
    }
    EXPECT_EQ(it->second.status, "OK") << name << ": " << it->second.shown;
  }
}

INSTANTIATE_TEST_SUITE_P(Issues, ColumnsAudit, ::testing::ValuesIn(cases()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace paiban::test

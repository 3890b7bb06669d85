// The shared pdf-audit on two-column renders, each column measured alone:
// the seed issue and the two-column sample (tests/e2e/data/itrade-two-column)
// under layouts/itrade.xml plus a column rule, their sections in two columns,
// cut by bench/split-columns.py into one column a page, must meet the audit's
// own goals (--strict-quality) for every line, paragraph and text figure.
// pdf-audit reads a page as one column, so the unsplit render cannot be
// measured so (docs/layout.md, "columns").
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>

#include "e2e/run_command.hpp"

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
  const char* name;
  const char* manifest;  ///< relative to the source tree
  bool seed;             ///< the seed: its sections are set in two columns here
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class ColumnsAudit : public ::testing::TestWithParam<Case> {};

TEST_P(ColumnsAudit, EachColumnMeetsTheAuditsLineGoals) {
  if (std::string why = audit_missing(); !why.empty()) GTEST_SKIP() << why;
  if (run_command("command -v pdfinfo >/dev/null").exit_code != 0) GTEST_SKIP() << "pdfinfo";
  const Case c = GetParam();
  const fs::path dir = temp_dir(std::string("columns-audit-") + c.name);
  const fs::path data = source_path("tests/e2e/data/itrade-two-column");
  std::string manifest = source_path(c.manifest);
  if (c.seed) {
    // The seed beside the sample's layout (itrade.xml plus a column rule) and
    // its pictures, every section in two columns.
    fs::copy(data / "itrade-two-column.xml", dir / "itrade-two-column.xml");
    fs::copy(data / "images", dir / "images");
    std::string xml = read_file(manifest);
    ASSERT_NE(xml.find("layout=\"itrade\""), std::string::npos);
    xml = std::regex_replace(xml, std::regex("layout=\"itrade\""),
                             "layout=\"itrade-two-column.xml\"");
    xml = std::regex_replace(xml, std::regex("<section "), "<section columns=\"2\" ");
    manifest = (dir / "issue.xml").string();
    std::ofstream(manifest) << xml;
  }
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
  std::vector<std::string> goals = {"notdef_glyphs",
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
                                    "line_end_punct_full"};
  // ragged_lines: the audit takes a page's right edge from its most common
  // line end; the sample's piece holding the second column of page 4 has two
  // lines of the column and three of its box (framed, 9.5 pt narrower), so
  // the box's edge wins and the column's full line reads as 9.5 pt too long.
  // The seed, without boxes, is held to it.
  if (c.seed) goals.push_back("ragged_lines");
  for (const std::string& name : goals) {
    SCOPED_TRACE(name);
    auto it = metrics.find(name);
    ASSERT_NE(it, metrics.end()) << audit.output;
    EXPECT_EQ(it->second.status, "OK") << name << ": " << it->second.shown;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Issues, ColumnsAudit,
    ::testing::Values(Case{"seed", "issues/2017-06-15/issue.xml", true},
                      Case{"sample", "tests/e2e/data/itrade-two-column/issue.xml", false}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace paiban::test

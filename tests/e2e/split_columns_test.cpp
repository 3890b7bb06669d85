// bench/split-columns.py, the tool the columns audit measures with
// (columns_audit_test.cpp): a page set in columns cut into pieces that a
// one-column reader reads right. A figure at the page's foot is read where
// the content stream has it (amid the first column's text), not after every
// column; a framed box in a column is a piece of its own (its measure is its
// own, inset by the frame's padding), between the column's text above and
// below it.
#include <gtest/gtest.h>

#include <algorithm>

#include "e2e/run_command.hpp"

namespace paiban::test {
namespace {

namespace fs = std::filesystem;

bool have_tools() {
  return run_command("/usr/bin/python3 -c 'import fitz'").exit_code == 0 &&
         run_command("command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null")
                 .exit_code == 0;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int k = 0; k < n; ++k) out += s;
  return out;
}

/// An issue in itrade-two-column whose one section holds `body`, in a
/// directory with the sample's pictures.
std::string write_issue(const fs::path& dir, const std::string& body) {
  fs::copy(source_path("tests/e2e/data/itrade-two-column/images"), dir / "images",
           fs::copy_options::recursive);
  const std::string manifest = (dir / "issue.xml").string();
  std::ofstream(manifest)
      << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<issue version=\"1\" layout=\"itrade-two-column\" lang=\"zh-Hans\" date=\"2024-05-16\" "
         "number=\"1\">\n"
         "  <title>分栏切分</title>\n  <organization>俱乐部</organization>\n"
         "  <publisher>出版者</publisher>\n"
         "  <section columns=\"2\" title=\"口岸观察\">\n    <article id=\"a\">\n"
         "      <heading>切分</heading>\n"
      << body << "    </article>\n  </section>\n</issue>\n";
  return manifest;
}

/// Renders and splits the issue: the text of each split page (content
/// stream order, white space removed).
std::vector<std::string> split_pages(const fs::path& dir, const std::string& manifest) {
  const std::string pdf = (dir / "out.pdf").string(), split = (dir / "split.pdf").string();
  auto render = run_command(paiban("render " + shell_quote(manifest) + " -o " + shell_quote(pdf)));
  EXPECT_EQ(render.exit_code, 0) << render.output;
  auto cut = run_command(source_path("bench/split-columns.py") + " " + shell_quote(pdf) + " " +
                         shell_quote(split));
  EXPECT_EQ(cut.exit_code, 0) << cut.output;
  const std::string info = run_command("pdfinfo " + shell_quote(split)).output;
  const size_t at = info.find("Pages:");
  const int pages = at == std::string::npos ? 0 : std::stoi(info.substr(at + 6));
  std::vector<std::string> out;
  for (int p = 1; p <= pages; ++p) {
    std::string text = run_command("pdftotext -raw -f " + std::to_string(p) + " -l " +
                                   std::to_string(p) + " " + shell_quote(split) + " -")
                           .output;
    text.erase(std::remove_if(text.begin(), text.end(),
                              [](char c) { return c == ' ' || c == '\n' || c == '\f'; }),
               text.end());
    out.push_back(text);
  }
  return out;
}

/// Where `marker` is in the split file read page by page, or npos.
size_t read_at(const std::vector<std::string>& pages, const std::string& marker) {
  size_t offset = 0;
  for (const std::string& page : pages) {
    if (size_t at = page.find(marker); at != std::string::npos) return offset + at;
    offset += page.size();
  }
  return std::string::npos;
}

// A photo floated to the page's foot (place="bottom") between two paragraphs
// of the first column: its caption is painted, and read, between them; the
// split reads it there too, not after the second column.
TEST(SplitColumns, APageFootFigureIsReadWhereTheContentStreamHasIt) {
  if (!have_tools()) GTEST_SKIP() << "python3-fitz, poppler-utils";
  const fs::path dir = temp_dir("split-foot-figure");
  const std::string manifest = write_issue(
      dir, "      <p>" + repeat("码头的桥吊依次亮起灯光，集装箱在堆场里排成整齐的行列。", 9) +
               "甲段到此结束。</p>\n"
               "      <figure src=\"images/port.jpg\" width=\"1\" place=\"bottom\" alt=\"码头\">\n"
               "        <caption>页脚图注：码头夜景。</caption>\n      </figure>\n"
               "      <p>乙段从这里开始，" +
               repeat("海关完成风险甄别后，低风险货物抵港即可放行，企业的等待时间明显缩短。", 12) +
               "</p>\n      <p>丙段" +
               repeat("企业在货物运抵前即可提交报关数据，口岸的通关效率因此提高。", 10) + "</p>\n");
  const auto pages = split_pages(dir, manifest);
  const size_t before = read_at(pages, "甲段到此结束"), caption = read_at(pages, "页脚图注"),
               after = read_at(pages, "乙段从这里开始"), last = read_at(pages, "丙段");
  ASSERT_NE(before, std::string::npos);
  ASSERT_NE(caption, std::string::npos);
  ASSERT_NE(after, std::string::npos);
  ASSERT_NE(last, std::string::npos);
  EXPECT_LT(before, caption);
  EXPECT_LT(caption, after) << "the caption is read after the paragraph that follows it";
  EXPECT_LT(after, last);
}

// A box in the second column below two of the column's lines: its lines
// (inset 9 pt by the frame's padding) make a piece of their own, so that
// the column's lines are never measured against the box's edge.
TEST(SplitColumns, AFramedBoxIsAPieceOfItsOwn) {
  if (!have_tools()) GTEST_SKIP() << "python3-fitz, poppler-utils";
  const fs::path dir = temp_dir("split-box");
  const std::string manifest = write_issue(
      dir,
      "      <p>" + repeat("码头的桥吊依次亮起灯光，集装箱在堆场里排成整齐的行列。", 30) +
          "甲段到此结束。</p>\n      <box title=\"小贴士\">\n        <p indent=\"no\">框内文字：" +
          repeat("报关差错率是否低于百分之三，是否建立了单证归档制度。", 3) +
          "</p>\n      </box>\n      "
          "<p>乙段从这里开始，海关完成风险甄别后，低风险货物抵港即可放行。"
          "</p>\n");
  const auto pages = split_pages(dir, manifest);
  auto page_of = [&](const std::string& marker) {
    for (size_t p = 0; p < pages.size(); ++p)
      if (pages[p].find(marker) != std::string::npos) return static_cast<int>(p);
    return -1;
  };
  const int box = page_of("框内文字"), after = page_of("乙段从这里开始"),
            before = page_of("甲段到此结束");
  ASSERT_GE(box, 0);
  ASSERT_GE(after, 0);
  ASSERT_GE(before, 0);
  // Neither the column's lines above the box nor those below share its piece.
  EXPECT_EQ(pages[box].find("堆场"), std::string::npos) << pages[box];
  EXPECT_NE(box, after);
  EXPECT_LT(before, box);
  EXPECT_LT(box, after);
}

struct PlacedLine {
  int page = 0;                            ///< from 1
  double bottom = 0, left = 0, right = 0;  ///< pt, from the page's top-left corner
  std::string text;
};

/// Every text line of a PDF, as MuPDF reads them.
std::vector<PlacedLine> lines_of(const std::string& pdf) {
  const auto dump = run_command(
      "/usr/bin/python3 -c 'import fitz, sys\n"
      "for n, page in enumerate(fitz.open(sys.argv[1])):\n"
      "    for block in page.get_text(\"dict\")[\"blocks\"]:\n"
      "        for line in block.get(\"lines\", []):\n"
      "            text = \"\".join(s[\"text\"] for s in line[\"spans\"]).strip()\n"
      "            if text: print(n + 1, line[\"bbox\"][3], line[\"bbox\"][0], line[\"bbox\"][2], "
      "text)' " +
      shell_quote(pdf));
  std::vector<PlacedLine> out;
  std::istringstream in(dump.output);
  for (std::string row; std::getline(in, row);) {
    std::istringstream fields(row);
    PlacedLine line;
    if (!(fields >> line.page >> line.bottom >> line.left >> line.right)) continue;
    std::getline(fields >> std::ws, line.text);
    out.push_back(line);
  }
  return out;
}

// An article's last paragraph of three lines, kept whole, carried over to a
// page where it stands alone in the first column: no second column, so no
// rule. The split still cuts it as a first column (moved onto the last
// column's place, where every column is measured), not as one-column text
// ending a column's width short of the page's edge.
TEST(SplitColumns, APageWithOnlyAFirstColumnIsCutAsOne) {
  if (!have_tools()) GTEST_SKIP() << "python3-fitz, poppler-utils";
  const fs::path dir = temp_dir("split-first-column");
  const std::string manifest = write_issue(
      dir, "      <p>" + repeat("码头的桥吊依次亮起灯光，集装箱在堆场里排成整齐的行列。", 52) +
               "</p>\n      <p>末段从这里开始，海关完成风险甄别后，低风险货物抵港即可放行，"
               "企业的等待时间明显缩短，通关效率因此提高。</p>\n");
  split_pages(dir, manifest);
  // The render: the last paragraph on a page of its own, in its first column.
  const auto rendered = lines_of((dir / "out.pdf").string());
  const auto last = std::find_if(rendered.begin(), rendered.end(), [](const PlacedLine& l) {
    return l.text.rfind("末段从这里开始", 0) == 0;
  });
  ASSERT_NE(last, rendered.end());
  // Between the running head and the page number (itrade's text area: 30 mm
  // from the top, 22 mm from the foot of A4).
  const double page_width_half = 595.28 / 2, area_top = 85, area_bottom = 780;
  double widest = 0;
  int lines_on_page = 0;
  for (const PlacedLine& l : rendered)
    if (l.page == last->page && l.bottom > area_top && l.bottom < area_bottom) {
      widest = std::max(widest, l.right);
      ++lines_on_page;
    }
  ASSERT_LT(widest, page_width_half) << "the carried-over lines are not in a first column alone";
  ASSERT_GE(lines_on_page, 3);
  // The split: the same lines moved onto the second column's place.
  const auto split = lines_of((dir / "split.pdf").string());
  const auto moved = std::find_if(split.begin(), split.end(), [](const PlacedLine& l) {
    return l.text.rfind("末段从这里开始", 0) == 0;
  });
  ASSERT_NE(moved, split.end());
  EXPECT_GT(moved->left, page_width_half) << "the first column's lines were left where they stand";
  EXPECT_NEAR(moved->right - last->right, moved->left - last->left, 0.01);
}

}  // namespace
}  // namespace paiban::test

// A PDF does not depend on the order its faces were first loaded in (the
// FaceIds a FontCache hands out): set-ahead threads load fallback faces in
// any order, and a batch's earlier issues load faces before this one.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "paiban/fonts.hpp"
#include "paiban/layout.hpp"
#include "paiban/manifest.hpp"
#include "paiban/paginate.hpp"
#include "paiban/pdf.hpp"

namespace paiban {
namespace {

std::string render(const std::string& issue_dir, FontCache& fonts, unsigned threads) {
  const std::string path = std::string(PAIBAN_SOURCE_DIR) + "/issues/" + issue_dir + "/issue.xml";
  const Issue issue = parse_manifest_file(path);
  const Layout layout = load_layout(issue.layout, path, issue.layout_where);
  Warnings warnings;
  PdfOptions one_thread;
  one_thread.threads = 1;
  return write_pdf(paginate(issue, layout, fonts, warnings, threads), fonts, one_thread);
}

TEST(FaceOrder, FacesLoadedInAnotherOrderGiveTheSameBytes) {
  // classic-shanhaijing draws rare characters from fallback faces.
  FontCache fresh;
  const std::string alone = render("classic-shanhaijing", fresh, 1);
  FontCache warmed;  // the same faces, and others, loaded in another order first
  for (const char* family : {"Droid Sans Fallback", "HanaMinB", "HanaMinA", "DejaVu Serif",
                             "Noto Sans CJK SC", "Noto Serif CJK TC", "Noto Serif CJK SC"})
    for (int weight : {700, 400}) warmed.find(family, weight, "zh-Hant");
  EXPECT_EQ(render("classic-shanhaijing", warmed, 1), alone);
}

TEST(FaceOrder, ParagraphsSetAheadInFreshCachesGiveTheSameBytes) {
  // Each render in a fresh cache: which thread loads a fallback face first
  // varies from run to run.
  std::set<std::string> outputs;
  for (int run = 0; run < 6; ++run) {
    FontCache fresh;
    outputs.insert(render("classic-shanhaijing", fresh, 2));
  }
  FontCache fresh;
  outputs.insert(render("classic-shanhaijing", fresh, 1));
  EXPECT_EQ(outputs.size(), 1u);
}

}  // namespace
}  // namespace paiban

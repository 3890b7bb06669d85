// Layout files: strict errors with FILE:LINE:COLUMN, like manifests.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "paiban/layout.hpp"

namespace paiban {
namespace {

namespace fs = std::filesystem;

class LayoutErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("paiban-layout-" + std::to_string(getpid()));
    fs::create_directories(dir_);
    std::ifstream in(std::string(PAIBAN_SOURCE_DIR) + "/layouts/default.xml");
    std::ostringstream text;
    text << in.rdbuf();
    default_ = text.str();
  }
  void TearDown() override { fs::remove_all(dir_); }

  /// default.xml with `from` replaced by `to`; the error parsing it, "" if none.
  std::string error(const std::string& from, const std::string& to) {
    std::string text = default_;
    std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    std::string path = (dir_ / "l.xml").string();
    std::ofstream(path) << text;
    try {
      parse_layout_file(path);
    } catch (const InputError& e) {
      return std::string(e.what()).substr(path.size() + 1);  // "LINE:COL: message"
    }
    return "";
  }

  /// Line:column of the first occurrence of `needle` in default.xml.
  std::string position_of(const std::string& needle) {
    std::size_t at = default_.find(needle);
    std::size_t line_start = default_.rfind('\n', at) + 1;
    int line = 1 + static_cast<int>(std::count(default_.begin(), default_.begin() + at, '\n'));
    return std::to_string(line) + ":" + std::to_string(at - line_start + 1);
  }

  fs::path dir_;
  std::string default_;
};

// <line-break level> is read once, into the engine's own value.
TEST_F(LayoutErrors, LineBreakLevelIsReadIntoItsValue) {
  const std::pair<const char*, BreakLevel> levels[] = {{"none", BreakLevel::none},
                                                       {"basic", BreakLevel::basic},
                                                       {"GB", BreakLevel::gb},
                                                       {"strict", BreakLevel::strict}};
  for (const auto& [name, level] : levels) {
    std::string text = default_;
    const std::string from = "<line-break level=\"basic\"/>";
    ASSERT_NE(text.find(from), std::string::npos);
    text.replace(text.find(from), from.size(), "<line-break level=\"" + std::string(name) + "\"/>");
    std::string path = (dir_ / "level.xml").string();
    std::ofstream(path) << text;
    EXPECT_EQ(parse_layout_file(path).line_break_level, level) << name;
  }
  EXPECT_NE(error("<line-break level=\"basic\"/>", "<line-break level=\"loose\"/>").find("loose"),
            std::string::npos);
}

// One header for right-hand pages ("all" or "recto") and one for left-hand ones.
TEST_F(LayoutErrors, OneHeaderForEachSideOfTheSpread) {
  const std::string recto = "<header pages=\"recto\"><left style=\"header\">R</left></header>\n  ";
  const std::string verso = "<header pages=\"verso\"><left style=\"header\">V</left></header>\n  ";
  EXPECT_EQ(error("<header ", verso + "<header "), "");
  const std::string two_versos = error("<header ", verso + verso + "<header ");
  EXPECT_NE(two_versos.find("only one <header pages=\"verso\">"), std::string::npos) << two_versos;
  const std::string both = error("<header ", recto + "<header ");
  EXPECT_NE(both.find("only one <header> for right-hand pages"), std::string::npos) << both;
}

TEST_F(LayoutErrors, DefaultParsesUnchanged) { EXPECT_EQ(error("<layout", "<layout"), ""); }

TEST_F(LayoutErrors, ValuesAreChecked) {
  std::string at = position_of("size=\"10.5pt\"");
  EXPECT_EQ(error("size=\"10.5pt\"", "size=\"10.5px\""),
            at + ": size must be a length such as 10.5pt, 20mm, 1cm or 1in, not \"10.5px\"");
  at = position_of("color=\"grey(1)\"");
  EXPECT_EQ(error("color=\"grey(1)\"", "color=\"rgb(0,0,0)\""),
            at + ": color must be cmyk(C,M,Y,K), grey(K) (each 0 to 1) or a <color> name defined "
                 "above, not \"rgb(0,0,0)\"");
  EXPECT_EQ(error("color=\"grey(1)\"", "color=\"cmyk(0, 0.5, 1, 1.2)\"").substr(0, at.size() + 8),
            at + ": color ");
  EXPECT_EQ(error("color=\"grey(1)\"", "color=\"cmyk(0, 0.5, 1, 1)\""), "");
  at = position_of("align=\"justify\"");
  EXPECT_EQ(error("align=\"justify\"", "align=\"left\""),
            at + ": align must be one of start, end, center, justify, not \"left\"");
  at = position_of("indent=\"2em\"");
  EXPECT_EQ(error("indent=\"2em\"", "indent=\"21pt\""),
            at + ": indent must be in em, e.g. \"2em\" or \"0\"");
  at = position_of("level=\"basic\"");
  EXPECT_EQ(error("level=\"basic\"", "level=\"loose\""),
            at + ": level must be one of none, basic, GB, strict, not \"loose\"");
}

// <columns>: the count, the gap and the rule, each checked where it is written.
TEST_F(LayoutErrors, Columns) {
  const std::string anchor = "<contents leader=\".\" new-page=\"yes\"/>";
  auto with = [&](const std::string& columns) { return error(anchor, anchor + columns); };
  const std::string at = position_of(anchor);
  const int column = std::stoi(at.substr(at.find(':') + 1)) + static_cast<int>(anchor.size());
  const std::string line = at.substr(0, at.find(':')) + ":";
  auto col = [&](int offset) { return line + std::to_string(column + offset); };
  EXPECT_EQ(with("<columns count=\"2\" gap=\"6mm\" rule=\"0.5pt\" rule-color=\"grey(0.7)\"/>"), "");
  EXPECT_EQ(with("<columns count=\"4\"/>"),
            col(9) + ": columns count must be 1, 2 or 3, not \"4\"");
  EXPECT_EQ(with("<columns count=\"0\"/>"),
            col(9) + ": columns count must be 1, 2 or 3, not \"0\"");
  EXPECT_EQ(with("<columns/>"), col(0) + ": <columns> needs a count attribute");
  EXPECT_EQ(with("<columns count=\"2\" gap=\"-3pt\"/>"),
            col(19) + ": gap must be a length such as 10.5pt, 20mm, 1cm or 1in, not \"-3pt\"");
  EXPECT_EQ(with("<columns count=\"2\" gap=\"5pt\"/>"),
            col(19) + ": the column gap (5pt) must be at least 1 em of body text (10.5pt)");
  EXPECT_EQ(with("<columns count=\"2\" gap=\"12pt\" rule=\"12pt\"/>"),
            col(30) + ": the column rule (12pt) must be thinner than the gap (12pt)");
  EXPECT_EQ(with("<columns count=\"3\" gap=\"150pt\"/>"),
            col(0) + ": 3 columns 150pt apart leave each 55.9pt, less than 8 em of body text (84pt)");
  EXPECT_EQ(with("<columns count=\"2\" headings=\"across\"/>"),
            col(19) + ": headings must be one of span, column, not \"across\"");
  EXPECT_EQ(with("<columns count=\"2\"><x/></columns>"), col(0) + ": <columns> must be empty");
  EXPECT_EQ(with("<columns count=\"2\"/><columns count=\"3\"/>"),
            col(20) + ": only one <columns> is allowed in <layout>");
}

TEST_F(LayoutErrors, ColumnsAreReadIntoTheirValues) {
  const std::string anchor = "<contents leader=\".\" new-page=\"yes\"/>";
  std::string text = default_;
  text.replace(text.find(anchor), anchor.size(),
               anchor + "<color name=\"slate\" value=\"grey(0.7)\"/>"
                        "<columns count=\"3\" gap=\"6mm\" rule-color=\"slate\" headings=\"column\"/>");
  const std::string path = (dir_ / "columns.xml").string();
  std::ofstream(path) << text;
  const Layout layout = parse_layout_file(path);
  EXPECT_EQ(layout.columns.count, 3);
  EXPECT_NEAR(layout.columns.gap, 6 * 72 / 25.4, 1e-9);
  EXPECT_EQ(layout.columns.rule_width, 0.5);  // a colour alone asks for 0.5pt
  EXPECT_EQ(layout.columns.rule_color, layout.colors.at("slate"));
  EXPECT_FALSE(layout.columns.headings_span);
  // Without <columns>: one column; a gap of 2 em of body text for sections that ask for more.
  const Layout plain = parse_layout_file(std::string(PAIBAN_SOURCE_DIR) + "/layouts/default.xml");
  EXPECT_EQ(plain.columns.count, 1);
  EXPECT_EQ(plain.columns.gap, 2 * plain.engine.body.size);
  EXPECT_EQ(plain.columns.rule_width, 0);
  EXPECT_TRUE(plain.columns.headings_span);
}

// Named colours: CMYK ink, an sRGB look for screen, a spot ink.
TEST_F(LayoutErrors, NamedColours) {
  const std::string colours =
      "<layout version=\"1\">\n"
      "  <color name=\"brand\" value=\"cmyk(1,0.6,0,0.2)\" srgb=\"#00508C\"/>\n"
      "  <color name=\"red-spot\" value=\"cmyk(0,0.9,0.85,0)\" spot=\"PANTONE 185 C\"/>\n";
  EXPECT_EQ(error("<layout version=\"1\">\n", colours), "");
  std::string text = default_;
  const std::string open = "<layout version=\"1\">\n";
  text.replace(text.find(open), open.size(), colours);
  text.replace(text.find("color=\"grey(1)\""), 15, "color=\"red-spot\"");
  const std::string path = (dir_ / "named.xml").string();
  std::ofstream(path) << text;
  Layout layout = parse_layout_file(path);
  const Cmyk& brand = layout.colors.at("brand");
  EXPECT_DOUBLE_EQ(brand.c, 1);
  EXPECT_DOUBLE_EQ(brand.m, 0.6);
  EXPECT_TRUE(brand.has_rgb);
  EXPECT_EQ(int(brand.r), 0x00);
  EXPECT_EQ(int(brand.g), 0x50);
  EXPECT_EQ(int(brand.b), 0x8C);
  EXPECT_EQ(brand.spot, -1);
  ASSERT_EQ(layout.spots.size(), 1u);
  EXPECT_EQ(layout.spots[0].name, "PANTONE 185 C");
  EXPECT_DOUBLE_EQ(layout.spots[0].m, 0.9);
  bool some_style_is_spot = false;
  for (const auto& [name, style] : layout.styles) some_style_is_spot |= style.color.spot == 0;
  EXPECT_TRUE(some_style_is_spot);
  double r = 0, g = 0, b = 0;
  screen_rgb(Cmyk{0, 0, 0, 1}, r, g, b);  // black ink: black on screen
  EXPECT_EQ(r + g + b, 0);
  screen_rgb(Cmyk{0, 1, 0, 0}, r, g, b);  // magenta ink, computed
  EXPECT_EQ(r, 1);
  EXPECT_EQ(g, 0);
  EXPECT_EQ(b, 1);

  std::string at = position_of("color=\"grey(1)\"");
  EXPECT_EQ(error("color=\"grey(1)\"", "color=\"nosuch\""),
            at + ": color must be cmyk(C,M,Y,K), grey(K) (each 0 to 1) or a <color> name defined "
                 "above, not \"nosuch\"");
  EXPECT_EQ(error("<layout version=\"1\">\n",
                  "<layout version=\"1\">\n<color name=\"x\" value=\"cmyk(0,0,0,1)\" "
                  "srgb=\"red\"/>\n"),
            "12:39: srgb must be #RRGGBB, not \"red\"");
  EXPECT_EQ(error("<layout version=\"1\">\n",
                  "<layout version=\"1\">\n<color name=\"1x\" value=\"grey(1)\"/>\n"),
            "12:8: a colour name is a letter, then letters, digits, - or _");
  EXPECT_EQ(error("<layout version=\"1\">\n",
                  "<layout version=\"1\">\n<color name=\"a\" value=\"grey(1)\" spot=\"S\"/>"
                  "<color name=\"b\" value=\"grey(0.5)\" spot=\"S\"/>\n"),
            "12:77: spot ink \"S\" is given two different CMYK values");
}

TEST_F(LayoutErrors, ReferencesAndRequiredStyles) {
  std::string at = position_of("font=\"body\"");
  EXPECT_EQ(error("font=\"body\"", "font=\"serif\""),
            at + ": no <font role=\"serif\"> in this layout");
  at = position_of("style=\"footer\"");
  EXPECT_EQ(error("style=\"footer\"", "style=\"foot\""),
            at + ": no <style name=\"foot\"> in this layout");
  at = position_of("based-on=\"header\"");
  EXPECT_EQ(error("based-on=\"header\"", "based-on=\"heder\""),
            at + ": based-on names no style defined above: \"heder\"");
  at = position_of("<layout");
  EXPECT_EQ(error("name=\"toc-3\"", "name=\"toc-4\""),
            at + ": the layout does not define the style \"toc-3\", which every layout needs");
  at = position_of("name=\"list\"");
  EXPECT_EQ(error("name=\"list\"", "name=\"body\""), at + ": style \"body\" is defined twice");
}

TEST_F(LayoutErrors, TemplatesAndStructure) {
  std::string at = position_of("<left");
  EXPECT_EQ(error("{title}</left>", "{titel}</left>"),
            at + ": unknown field {titel} (known: {title} {date} {section} {page} {pages} "
                 "{number} {organization} {publisher})");
  // Inserted before <line-break>: the attribute is 6 characters on ("<date ").
  const std::string before = position_of("<line-break");
  const std::string line = before.substr(0, before.find(':'));
  const int column = std::stoi(before.substr(before.find(':') + 1));
  EXPECT_EQ(error("<line-break", "<date format=\"{yyyy-{mm}\"/><line-break"),
            line + ":" + std::to_string(column + 6) +
                ": unknown field {yyyy-{mm} (known: {yyyy} {mm} {dd} {m} {d})");
  EXPECT_EQ(error("<line-break", "<words lang=\"ja\" date-format=\"{yy}\"/><line-break"),
            line + ":" + std::to_string(column + 17) +
                ": unknown field {yy} (known: {yyyy} {mm} {dd} {m} {d})");
  EXPECT_EQ(error("<line-break", "<words lang=\"ja\"/><words lang=\"ja\"/><line-break"),
            line + ":" + std::to_string(column + 25) + ": <words> for \"ja\" is given twice");
  EXPECT_EQ(error("<line-break", "<words lang=\"ja\" source-label=\"出典：\"/><line-break"), "");
  EXPECT_EQ(error("<page", "<margins/><page"),
            position_of("<page") + ": unknown element <margins> in <layout>");
  EXPECT_EQ(error("<footer", "<header/><footer"),
            position_of("<footer") +
                ": only one <header> for right-hand pages (pages=\"all\" or \"recto\") is "
                "allowed in <layout>");
  EXPECT_EQ(error("<page size", "<page gutter=\"1cm\" size"),
            position_of("size=\"A4\"") + ": unknown attribute 'gutter' on <page>");
  EXPECT_EQ(error("<layout version=\"1\">", "<layout version=\"2\">"),
            position_of("version=\"1\">") + ": unsupported layout version (this program reads 1)");
  EXPECT_EQ(
      error("<layout version=\"1\">", "<layout version=\"1\" xmlns:x=\"urn:x\" x:note=\"n\">"), "");
}

TEST(LayoutSearch, PathOrderAndLookup) {
  fs::path dir = fs::temp_directory_path() / ("paiban-search-" + std::to_string(getpid()));
  fs::create_directories(dir / "mine");
  fs::copy_file(std::string(PAIBAN_SOURCE_DIR) + "/layouts/default.xml", dir / "mine/house.xml");
  // The command line passes PAIBAN_LAYOUT_PATH's directories.
  const std::vector<std::string> first = {(dir / "nothing").string(), (dir / "mine").string()};
  std::vector<std::string> path = layout_search_path(first);
  // The directories given, then the data directories that exist
  // (beside the executable, the install directory, the source tree).
  ASSERT_GE(path.size(), 3u);
  EXPECT_EQ(path[0], (dir / "nothing").string());
  EXPECT_EQ(path[1], (dir / "mine").string());
  EXPECT_EQ(path.back(), std::string(PAIBAN_SOURCE_DIR) + "/layouts");

  SourceLocation where{"m.xml", 1, 20};
  EXPECT_EQ(load_layout("house", "issues/x/m.xml", where, false, first).name, "house");
  EXPECT_THROW(load_layout("house", "issues/x/m.xml", where), InputError) << "only where asked";
  EXPECT_EQ(load_layout("", "m.xml", where).name, "default");
  EXPECT_EQ(load_layout("itrade", "m.xml", where).name, "itrade");
  // A path is relative to the manifest.
  EXPECT_EQ(load_layout("mine/house.xml", (dir / "m.xml").string(), where).name, "house");
  try {
    load_layout("nosuch", "m.xml", where);
    FAIL();
  } catch (const InputError& error) {
    EXPECT_TRUE(std::string(error.what()).starts_with("m.xml:1:20: layout \"nosuch\" not found"));
  }
  try {
    load_layout("../x.xml", (dir / "m.xml").string(), where);
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(std::string(error.what()),
              "m.xml:1:20: layout leaves the manifest's directory: ../x.xml");
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace paiban

namespace paiban {
namespace {

// <line-break han-latin-gap>: clreq's 1/8 em to 1/2 em.
TEST_F(LayoutErrors, HanLatinGapIsAnEmFromAnEighthToAHalf) {
  const std::string line = "<line-break level=\"basic\"";
  const std::string at = position_of(line);
  const std::string column_of_attribute =
      at.substr(0, at.find(':') + 1) + std::to_string(std::stoi(at.substr(at.find(':') + 1)) + 26);
  EXPECT_EQ(error(line, line + " han-latin-gap=\"0.2em\""), "");
  EXPECT_EQ(error(line, line + " han-latin-gap=\"0.5em\""), "");
  EXPECT_EQ(error(line, line + " han-latin-gap=\"0.6em\""),
            column_of_attribute + ": han-latin-gap must be from 0.125em to 0.5em, not \"0.6em\"");
  EXPECT_EQ(error(line, line + " han-latin-gap=\"3pt\""),
            column_of_attribute + ": han-latin-gap must be from 0.125em to 0.5em, not \"3pt\"");
}

}  // namespace
}  // namespace paiban

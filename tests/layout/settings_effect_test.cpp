// Every layout setting has an effect (issue 11: "no documented setting
// without effect"; issue 12: "a setting with no effect is a defect").
//
// The settings are read from the layout schema (layouts/schema/layout.rng),
// so a new attribute there fails this test until it has a probe below. A
// probe changes one setting of layouts/itrade.xml and renders the sample
// issue (issues/itrade-2024-05) with it; the PDF must differ from the same
// render without the change. The PDF's /ID and XMP ids hash what the pages
// show, not the input's bytes, so a changed file means a changed page.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <pugixml.hpp>

#include "paiban/render.hpp"

namespace paiban {
namespace {

namespace fs = std::filesystem;

const std::string kSource = PAIBAN_SOURCE_DIR;

/// A setting's name in the schema: the elements around the attribute
/// (below <layout>), and the define's name where no element of its own
/// holds it: "page@top", "cover/band@height", "frame@padding".
std::set<std::string> schema_settings() {
  pugi::xml_document schema;
  const std::string path = kSource + "/layouts/schema/layout.rng";
  EXPECT_TRUE(schema.load_file(path.c_str())) << path;
  std::set<std::string> settings;
  std::function<void(pugi::xml_node, std::string)> walk = [&](pugi::xml_node node,
                                                              std::string where) {
    for (pugi::xml_node child : node.children()) {
      const std::string kind = child.name();
      if (kind == "element" && child.attribute("name")) {
        const std::string name = child.attribute("name").value();
        walk(child, name == "layout" ? "" : where.empty() ? name : where + "/" + name);
      } else if (kind == "attribute") {
        if (child.attribute("name"))  // not the foreign <anyName> ones
          settings.insert(where + "@" + child.attribute("name").value());
      } else {
        walk(child, where);
      }
    }
  };
  pugi::xml_node grammar = schema.child("grammar");
  walk(grammar.child("start"), "");
  for (pugi::xml_node define : grammar.children("define")) {
    const std::string name = define.attribute("name").value();
    // A define that is one element is named by it; one of bare attributes by itself.
    pugi::xml_node only = define.first_child();
    const bool one_element = std::string(only.name()) == "element" && !only.next_sibling();
    walk(define, one_element ? "" : name);
  }
  return settings;
}

/// What identifies rather than sets: renaming it consistently changes nothing.
const std::map<std::string, std::string> kNotSettings = {
    {"@version", "the format's version (only 1 exists)"},
    {"color@name", "a colour's name, used by the styles that name it"},
    {"style@name", "a style's name"},
    {"font@role", "a font role's name"},
    // An issue's language is its own lang (the manifest spec: default zh-Hans),
    // so the layout's is what `paiban fonts LAYOUT` checks coverage for.
    {"@lang", "the language `paiban fonts` checks (tests/cli), not a render setting"},
    // Thresholds for a warning: they change what the render says, never a page.
    {"figures@min-dpi", "a warning's threshold (tests/paginate/figures_test.cpp)"},
    {"figures@min-dpi-print", "a warning's threshold (tests/paginate/figures_test.cpp)"},
};

struct Edit {
  pugi::xml_document& layout;
  pugi::xml_document& issue;
  RenderOptions& options;

  pugi::xml_node node(const char* xpath) {
    pugi::xml_node found = layout.select_node(xpath).node();
    if (!found) throw std::runtime_error(std::string("no layout node ") + xpath);
    return found;
  }
  /// Sets (or adds) an attribute of the first node the XPath selects.
  void set(const char* xpath, const char* attribute, const char* value) {
    pugi::xml_node n = node(xpath);
    pugi::xml_attribute a = n.attribute(attribute);
    if (!a) a = n.append_attribute(attribute);
    a.set_value(value);
  }
  void remove(const char* xpath, const char* attribute) { node(xpath).remove_attribute(attribute); }
  /// Adds an element from XML text as the last child of the first node the XPath selects.
  void add(const char* xpath, const char* xml) {
    pugi::xml_document fragment;
    if (!fragment.load_string(xml)) throw std::runtime_error(std::string("bad fragment ") + xml);
    for (pugi::xml_node child : fragment.children()) node(xpath).append_copy(child);
  }
  void issue_set(const char* xpath, const char* attribute, const char* value) {
    pugi::xml_node n = issue.select_node(xpath).node();
    if (!n) throw std::runtime_error(std::string("no issue node ") + xpath);
    pugi::xml_attribute a = n.attribute(attribute);
    if (!a) a = n.append_attribute(attribute);
    a.set_value(value);
  }
};

struct Probe {
  std::string setting;                  ///< as schema_settings() names it
  std::function<void(Edit&)> prepare;   ///< applied to both renders (may be empty)
  std::function<void(Edit&)> change;    ///< applied to the probe's render only
  bool print = false;                   ///< render with --print (PDF/X-4)
};

const char* kBox = "/layout/box-frame";
const char* kQuote = "/layout/quote-frame";
const char* kHeader = "/layout/header";

void two_columns(Edit& e) {
  if (!e.layout.select_node("/layout/columns")) e.add("/layout", "<columns count='2'/>");
  e.set("/layout/columns", "count", "2");
}

void header_image(Edit& e) {
  e.add(kHeader, "<image src='images/itrade-globe.png' height='7mm' place='left'/>");
}

void words_for_the_issue(Edit& e) {
  e.add("/layout", "<words lang='zh-Hans' source-label='出处：' contents-title='本期目录' "
                   "date-format='{yyyy}年{m}月{d}日'/>");
}

std::vector<Probe> probes() {
  return {
      {"page@size", {}, [](Edit& e) { e.set("/layout/page", "size", "A5"); }},
      {"page@width", {}, [](Edit& e) { e.remove("/layout/page", "size"); e.set("/layout/page", "width", "200mm"); }},
      {"page@height", {}, [](Edit& e) { e.remove("/layout/page", "size"); e.set("/layout/page", "height", "280mm"); }},
      {"page@top", {}, [](Edit& e) { e.set("/layout/page", "top", "40mm"); }},
      {"page@bottom", {}, [](Edit& e) { e.set("/layout/page", "bottom", "40mm"); }},
      {"page@inner", {}, [](Edit& e) { e.set("/layout/page", "inner", "30mm"); }},
      {"page@outer", {}, [](Edit& e) { e.set("/layout/page", "outer", "30mm"); }},
      {"page@writing-mode", {}, [](Edit& e) { e.set("/layout/page", "writing-mode", "vertical-rl"); }},
      {"page@bleed", {}, [](Edit& e) { e.set("/layout/page", "bleed", "5mm"); }, true},
      {"color@value", {}, [](Edit& e) { e.set("/layout/color[@name='navy']", "value", "cmyk(1,0.5,0,0.2)"); }, true},
      {"color@srgb", {}, [](Edit& e) { e.set("/layout/color[@name='navy']", "srgb", "#102050"); }},
      {"color@spot", {}, [](Edit& e) { e.set("/layout/color[@name='signal']", "spot", "PANTONE 172 C"); }, true},
      {"font@weight", {}, [](Edit& e) { e.set("/layout/font[@role='body']", "weight", "700"); }},
      {"style@based-on", {}, [](Edit& e) { e.set("/layout/style[@name='quote']", "based-on", "list"); }},
      {"style@font", {}, [](Edit& e) { e.set("/layout/style[@name='body']", "font", "sans"); }},
      {"style@size", {}, [](Edit& e) { e.set("/layout/style[@name='body']", "size", "11pt"); }},
      {"style@leading", {}, [](Edit& e) { e.set("/layout/style[@name='body']", "leading", "20pt"); }},
      {"style@color", {}, [](Edit& e) { e.set("/layout/style[@name='body']", "color", "navy"); }},
      {"style@align", {}, [](Edit& e) { e.set("/layout/style[@name='body']", "align", "start"); }},
      {"style@indent", {}, [](Edit& e) { e.set("/layout/style[@name='body']", "indent", "0"); }},
      {"style@space-before", {}, [](Edit& e) { e.set("/layout/style[@name='heading']", "space-before", "30pt"); }},
      {"style@space-after", {}, [](Edit& e) { e.set("/layout/style[@name='section']", "space-after", "20pt"); }},
      {"style@bold", {}, [](Edit& e) { e.set("/layout/style[@name='body']", "bold", "yes"); }},
      // Room below the cover, and a contents that need not start a page.
      {"cover@alone",
       [](Edit& e) {
         e.set("/layout/contents", "new-page", "no");
         e.set("/layout/cover/item[last()]", "space-before", "0");
       },
       [](Edit& e) { e.set("/layout/cover", "alone", "no"); }},
      {"cover@furniture", {}, [](Edit& e) { e.set("/layout/cover", "furniture", "yes"); }},
      {"cover@background", {}, [](Edit& e) { e.set("/layout/cover", "background", "mist"); }},
      {"cover/band@top", {}, [](Edit& e) { e.set("/layout/cover/band", "top", "10mm"); }},
      {"cover/band@height", {}, [](Edit& e) { e.set("/layout/cover/band", "height", "80mm"); }},
      {"cover/band@color", {}, [](Edit& e) { e.set("/layout/cover/band", "color", "signal"); }},
      {"cover/image@src", {}, [](Edit& e) { e.set("/layout/cover/image", "src", "images/emblem.png"); }},
      {"cover/image@width", {}, [](Edit& e) { e.set("/layout/cover/image", "width", "30mm"); }},
      {"cover/image@align", {}, [](Edit& e) { e.set("/layout/cover/image", "align", "center"); }},
      {"cover/image@space-before", {}, [](Edit& e) { e.set("/layout/cover/image", "space-before", "20pt"); }},
      {"cover/rule@width", {}, [](Edit& e) { e.set("/layout/cover/rule", "width", "3pt"); }},
      {"cover/rule@length", {}, [](Edit& e) { e.set("/layout/cover/rule", "length", "60mm"); }},
      {"cover/rule@color", {}, [](Edit& e) { e.set("/layout/cover/rule", "color", "navy"); }},
      {"cover/rule@align", {}, [](Edit& e) { e.set("/layout/cover/rule", "align", "center"); }},
      {"cover/rule@space-before", {}, [](Edit& e) { e.set("/layout/cover/rule", "space-before", "30pt"); }},
      {"cover/item@style", {}, [](Edit& e) { e.set("/layout/cover/item", "style", "cover-date"); }},
      {"cover/item@space-before", {}, [](Edit& e) { e.set("/layout/cover/item", "space-before", "30pt"); }},
      {"frame@background", {}, [](Edit& e) { e.set(kBox, "background", "white"); }},
      {"frame@border", {}, [](Edit& e) { e.set(kBox, "border", "signal"); }},
      {"frame@border-width", {}, [](Edit& e) { e.set(kBox, "border-width", "2pt"); }},
      {"frame@rule", {}, [](Edit& e) { e.set(kQuote, "rule", "navy"); }},
      {"frame@rule-width", {}, [](Edit& e) { e.set(kQuote, "rule-width", "1pt"); }},
      {"frame@padding", {}, [](Edit& e) { e.set(kBox, "padding", "4pt"); }},
      {"furniture@offset", {}, [](Edit& e) { e.set(kHeader, "offset", "30pt"); }},
      {"furniture@rule", {}, [](Edit& e) { e.set(kHeader, "rule", "2pt"); }},
      {"furniture@rule-color", {}, [](Edit& e) { e.set(kHeader, "rule-color", "navy"); }},
      {"furniture@pages", {}, [](Edit& e) { e.set(kHeader, "pages", "recto"); }},
      {"furniture/image@src", header_image, [](Edit& e) { e.set("/layout/header/image", "src", "images/emblem.png"); }},
      {"furniture/image@height", header_image, [](Edit& e) { e.set("/layout/header/image", "height", "5mm"); }},
      {"furniture/image@place", header_image, [](Edit& e) { e.set("/layout/header/image", "place", "right"); }},
      {"furniture-line@style", {}, [](Edit& e) { e.set("/layout/header/right", "style", "footer"); }},
      {"furniture-line@align", {}, [](Edit& e) { e.set("/layout/header/right", "align", "center"); }},
      {"contents@title", {}, [](Edit& e) { e.set("/layout/contents", "title", "本期要目"); }},
      {"contents@title-style", {}, [](Edit& e) { e.set("/layout/contents", "title-style", "toc-1"); }},
      {"contents@entry-styles", {}, [](Edit& e) { e.set("/layout/contents", "entry-styles", "toc-2 toc-2 toc-3"); }},
      {"contents@leader", {}, [](Edit& e) { e.set("/layout/contents", "leader", "·"); }},
      {"contents@new-page", {}, [](Edit& e) { e.set("/layout/contents", "new-page", "no"); }},
      {"columns@count", two_columns, [](Edit& e) { e.set("/layout/columns", "count", "3"); }},
      {"columns@gap", two_columns, [](Edit& e) { e.set("/layout/columns", "gap", "40pt"); }},
      {"columns@rule", two_columns, [](Edit& e) { e.set("/layout/columns", "rule", "0.5pt"); }},
      {"columns@rule-color",
       [](Edit& e) { two_columns(e); e.set("/layout/columns", "rule", "0.5pt"); },
       [](Edit& e) { e.set("/layout/columns", "rule-color", "signal"); }},
      {"columns@headings",
       [](Edit& e) { two_columns(e); e.set("/layout/columns", "headings", "span"); },
       [](Edit& e) { e.set("/layout/columns", "headings", "column"); }},
      {"source@label", {}, [](Edit& e) { e.set("/layout/source", "label", "出处："); }},
      {"words@lang", words_for_the_issue, [](Edit& e) { e.set("/layout/words", "lang", "ja"); }},
      {"words@source-label", words_for_the_issue, [](Edit& e) { e.set("/layout/words", "source-label", "稿源："); }},
      {"words@contents-title", words_for_the_issue, [](Edit& e) { e.set("/layout/words", "contents-title", "目次"); }},
      {"words@date-format", words_for_the_issue, [](Edit& e) { e.set("/layout/words", "date-format", "{yyyy}.{mm}.{dd}"); }},
      {"date@format", {}, [](Edit& e) { e.set("/layout/date", "format", "{yyyy}/{m}/{d}"); }},
      {"emphasis@style", {}, [](Edit& e) { e.add("/layout", "<emphasis style='bold'/>"); }},
      {"emphasis@font",
       [](Edit& e) { e.add("/layout", "<emphasis style='font' font='sans'/>"); },
       [](Edit& e) { e.set("/layout/emphasis", "font", "heading"); }},
      // A narrow measure and text where the levels differ: clreq breaks
      // between Han and a quotation mark that Unicode 15.0 keeps together,
      // and holds a hyphen between Han names that Unicode would break after.
      {"line-break@level",
       [](Edit& e) {
         e.set("/layout/page", "inner", "75mm");
         e.set("/layout/page", "outer", "75mm");
         pugi::xml_node article = e.issue.select_node("//article").node();
         pugi::xml_node p = article.insert_child_before("p", article.child("source"));
         std::string text;
         for (int i = 0; i < 12; ++i) text += "他说“你好”她答“再见”同江-下列宁斯阔耶的“口岸”";
         p.text().set(text.c_str());
       },
       [](Edit& e) { e.set("/layout/line-break", "level", "none"); }},
      {"line-break@han-latin-gap", {}, [](Edit& e) { e.set("/layout/line-break", "han-latin-gap", "0.125em"); }},
      {"backmatter@new-page", {}, [](Edit& e) { e.set("/layout/backmatter", "new-page", "no"); }},
      // Every figure of the sample gives its own width but the emblem, here.
      {"figures@width",
       [](Edit& e) {
         e.issue.select_node("//figure[@src='images/emblem.png']").node().remove_attribute("width");
       },
       [](Edit& e) { e.set("/layout/figures", "width", "0.5"); }},
      {"figures@separation", {}, [](Edit& e) { e.set("/layout/figures", "separation", "20pt"); }},
      {"figures@label", {}, [](Edit& e) { e.set("/layout/figures", "label", "Fig. {n}: "); }},
      {"figures@label-style", {}, [](Edit& e) { e.set("/layout/figures", "label-style", "credit"); }},
      {"figures@credit-style", {}, [](Edit& e) { e.set("/layout/figures", "credit-style", "caption"); }},
      {"figures@credit-position", {}, [](Edit& e) { e.set("/layout/figures", "credit-position", "beside"); }},
      {"words@figure-label", words_for_the_issue,
       [](Edit& e) { e.set("/layout/words", "figure-label", "插图{n}　"); }},
  };
}

/// The sample issue and itrade.xml, with their pictures, in a directory of
/// their own; renders them after the edits a probe asks for.
class Workbench {
 public:
  Workbench() {
    dir_ = fs::temp_directory_path() / ("paiban-settings-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "images");
    for (const std::string from : {"/issues/itrade-2024-05/images", "/layouts/images"})
      for (const fs::directory_entry& file : fs::directory_iterator(kSource + from))
        fs::copy_file(file.path(), dir_ / "images" / file.path().filename(),
                      fs::copy_options::overwrite_existing);
  }
  ~Workbench() { fs::remove_all(dir_); }

  /// The PDF's bytes, or "error: ..." when the render refuses the edit.
  std::string render(const std::function<void(Edit&)>& prepare,
                     const std::function<void(Edit&)>& change, bool print) {
    pugi::xml_document layout, issue;
    load(layout, kSource + "/layouts/itrade.xml");
    load(issue, kSource + "/issues/itrade-2024-05/issue.xml");
    issue.child("issue").attribute("layout").set_value("probe.xml");
    RenderOptions options;
    options.pdf.print = print;
    options.pdf.source_date_epoch = 0;
    Edit edit{layout, issue, options};
    if (prepare) prepare(edit);
    if (change) change(edit);
    layout.save_file((dir_ / "probe.xml").c_str());
    issue.save_file((dir_ / "issue.xml").c_str());
    try {
      return render_issue((dir_ / "issue.xml").string(), FontCache::shared(), options).pdf;
    } catch (const std::exception& e) {
      return std::string("error: ") + e.what();
    }
  }

 private:
  static void load(pugi::xml_document& doc, const std::string& path) {
    if (!doc.load_file(path.c_str(), pugi::parse_default | pugi::parse_comments))
      throw std::runtime_error("cannot read " + path);
  }
  fs::path dir_;
};

TEST(LayoutSettings, EverySchemaAttributeHasAProbeOrIsANameNotASetting) {
  std::set<std::string> probed;
  for (const Probe& probe : probes()) {
    EXPECT_TRUE(probed.insert(probe.setting).second) << probe.setting << " probed twice";
  }
  const std::set<std::string> settings = schema_settings();
  EXPECT_GT(settings.size(), 60u);  // the walk found the schema's attributes
  for (const std::string& setting : settings)
    EXPECT_TRUE(probed.count(setting) || kNotSettings.count(setting))
        << setting << " is in the layout schema but has no probe in this test";
  for (const std::string& setting : probed)
    EXPECT_TRUE(settings.count(setting)) << setting << " is probed but not in the schema";
}

TEST(LayoutSettings, EverySettingChangesTheRenderedPdf) {
  Workbench bench;
  std::map<bool, std::string> plain;  // the unprepared render, screen and print
  for (const Probe& probe : probes()) {
    SCOPED_TRACE(probe.setting);
    std::string before;
    if (probe.prepare) {
      before = bench.render(probe.prepare, {}, probe.print);
    } else {
      if (!plain.count(probe.print)) plain[probe.print] = bench.render({}, {}, probe.print);
      before = plain[probe.print];
    }
    const std::string after = bench.render(probe.prepare, probe.change, probe.print);
    EXPECT_FALSE(before.starts_with("error: ")) << before;
    EXPECT_FALSE(after.starts_with("error: ")) << after;
    if (before.starts_with("error: ") || after.starts_with("error: ")) continue;
    EXPECT_TRUE(before != after) << probe.setting << ": changing it leaves the PDF as it was";
  }
}

}  // namespace
}  // namespace paiban

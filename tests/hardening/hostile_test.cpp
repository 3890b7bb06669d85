// A collection of broken and hostile manifests through `paiban render` and
// `paiban batch`: each must be refused with FILE:LINE:COLUMN and a clear
// message, exit 2, no PDF, no crash, within a time limit.
#include <gtest/gtest.h>

#include <random>

#include "hardening_support.hpp"

namespace paiban::hardening {
namespace {

namespace fs = std::filesystem;

struct Hostile {
  std::string name;      ///< the directory it goes in: NAME/issue.xml
  std::string bytes;     ///< the manifest
  std::string position;  ///< "LINE:COLUMN" the message must carry
  std::string message;   ///< what the message must say
};

const std::string kDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// A manifest whose root has `attributes`, with an article holding `blocks`
/// on line 4 (the article's blocks start at column 51).
std::string issue(const std::string& blocks,
                  const std::string& attributes = "version=\"1\" date=\"2020-01-02\"",
                  const std::string& decl = kDecl) {
  return decl + "<issue " + attributes + ">\n<title>标题</title><publisher>出版者</publisher>\n" +
         "<section title=\"栏\"><article><heading>文章</heading>" + blocks +
         "</article></section>\n</issue>\n";
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  return text.replace(text.find(from), from.size(), to);
}

std::string billion_laughs() {
  std::string doc = kDecl + "<!DOCTYPE issue [\n<!ENTITY lol0 \"lol\">\n";
  for (int i = 1; i < 10; ++i) {
    std::string value;
    for (int k = 0; k < 10; ++k) value += "&lol" + std::to_string(i - 1) + ";";
    doc += "<!ENTITY lol" + std::to_string(i) + " \"" + value + "\">\n";
  }
  return doc + "]>\n<issue version=\"1\" date=\"2020-01-02\"><title>&lol9;</title></issue>\n";
}

std::string noise(size_t size) {
  std::mt19937 random(5);  // the same bytes on every run
  std::string bytes(size, '\0');
  for (char& c : bytes) c = static_cast<char>(random() & 0xFF);
  bytes[0] = static_cast<char>(0x82);  // not a UTF-8 start byte
  return bytes;
}

std::string utf16le_with_bom(const std::string& ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) out += std::string(1, c) + '\0';
  return out;
}

std::vector<Hostile> hostile_manifests() {
  const std::string p = "<p>正文。</p>";
  std::string deep = "<p>";
  for (int i = 0; i < 100000; ++i) deep += "<em>";
  deep += "深";
  for (int i = 0; i < 100000; ++i) deep += "</em>";
  deep += "</p>";
  return {
      // Malformed XML.
      {"malformed-unclosed",
       kDecl + "<issue version=\"1\" date=\"2020-01-02\">\n<title>t</title>\n", "3:17",
       "malformed XML: the file ends inside an element (not closed)"},
      {"malformed-mismatch", issue("<p>正文</pp>"), "4:57",
       "malformed XML: Start-end tags mismatch"},
      {"malformed-attribute", kDecl + "<issue version=1 date=\"2020-01-02\"></issue>\n", "2:16",
       "malformed XML: Error parsing element attribute"},
      {"malformed-comment", issue("<!-- 注释"), "5:9", "malformed XML: Error parsing comment"},
      {"malformed-cdata", issue("<p><![CDATA[ x </p>"), "4:62",
       "malformed XML: Error parsing CDATA section"},
      {"malformed-two-roots", issue(p) + "<issue/>\n", "6:1", "only one root element is allowed"},
      {"malformed-text-after-root", issue(p) + "尾巴\n", "6:1", "text outside the root element"},
      {"root-not-issue", kDecl + "<newsletter version=\"1\"/>\n", "2:1",
       "the root element must be <issue>, not <newsletter>"},
      // Unknown elements and attributes.
      {"unknown-element", replace(issue(p), "<section", "<colour/><section"), "4:1",
       "unknown element <colour> in <issue>"},
      {"unknown-attribute", issue("<p style=\"red\">x</p>"), "4:53",
       "unknown attribute 'style' on <p>"},
      {"unknown-inline", issue("<p>x<blink>y</blink></p>"), "4:54",
       "unknown element <blink> in <p>"},
      // Versions.
      {"version-2", issue(p, "version=\"2\" date=\"2020-01-02\""), "2:8",
       "unsupported manifest version \"2\" (this program reads version 1)"},
      {"version-missing", issue(p, "date=\"2020-01-02\""), "2:1", "<issue> needs version=\"1\""},
      {"version-text", issue(p, "version=\"one\" date=\"2020-01-02\""), "2:8",
       "unsupported manifest version \"one\""},
      // Dates.
      {"date-feb-30", issue(p, "version=\"1\" date=\"2017-02-30\""), "2:20",
       "date \"2017-02-30\" is not a calendar date written YYYY-MM-DD"},
      {"date-short", issue(p, "version=\"1\" date=\"17-6-15\""), "2:20",
       "date \"17-6-15\" is not a calendar date"},
      {"date-time", issue(p, "version=\"1\" date=\"2017-06-15T10:00:00\""), "2:20",
       "is not a calendar date"},
      {"date-month-13", issue(p, "version=\"1\" date=\"2017-13-01\""), "2:20",
       "is not a calendar date"},
      {"date-missing", issue(p, "version=\"1\""), "2:1", "<issue> needs a date attribute"},
      // Figures and layouts: missing, escaping, not images.
      {"figure-missing", issue("<figure src=\"none.png\"/>"), "4:58", "figure file not found"},
      {"figure-escape", issue("<figure src=\"../../../../../../etc/passwd\"/>"), "4:58",
       "figure src leaves the manifest's directory: ../../../../../../etc/passwd"},
      {"figure-absolute", issue("<figure src=\"/etc/passwd\"/>"), "4:58",
       "figure src must be relative to the manifest's directory: /etc/passwd"},
      {"figure-not-image", issue("<figure src=\"issue.xml\"/>"), "4:58",
       "figure is not a PNG or JPEG file"},
      {"figure-directory", issue("<figure src=\".\"/>"), "4:58", "figure is a directory, not a file"},
      {"layout-escape", issue(p, "version=\"1\" date=\"2020-01-02\" layout=\"../../../etc/x.xml\""),
       "2:38", "layout leaves the manifest's directory: ../../../etc/x.xml"},
      {"layout-missing", issue(p, "version=\"1\" date=\"2020-01-02\" layout=\"nonesuch\""), "2:38",
       "layout \"nonesuch\" not found"},
      // Entities.
      {"billion-laughs", billion_laughs(), "2:1",
       "a DOCTYPE is not allowed (no DTDs or entity declarations)"},
      {"external-entity",
       kDecl + "<!DOCTYPE issue [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
               "<issue version=\"1\" date=\"2020-01-02\"><title>&x;</title></issue>\n",
       "2:1", "a DOCTYPE is not allowed"},
      {"undeclared-entity", issue("<p>&lol;</p>"), "4:53",
       "unknown entity or bad character reference '&lol;'"},
      // Misnesting and structure.
      {"misnested-inline", issue("<p><strong>粗<em>斜</strong></em></p>"), "4:69",
       "malformed XML: Start-end tags mismatch"},
      {"misnested-blocks", replace(issue("<p>x"), "</article>", "</article></p>"), "4:56",
       "malformed XML: Start-end tags mismatch"},
      {"heading-not-first",
       replace(issue(p), "<heading>文章</heading><p>正文。</p>",
               "<p>正文。</p><heading>文章</heading>"),
       "4:29", "<article> must start with <heading>"},
      {"duplicate-id",
       replace(issue(p), "<article>",
               "<article id=\"a\"><heading>一</heading></article><article id=\"a\">"),
       "4:75", "duplicate article id \"a\""},
      {"deep-nesting", issue(deep), "4:837", "elements are nested more than 200 deep"},
      // Empty and binary files.
      {"empty", "", "1:1", "the file is empty"},
      {"blank", "\n  \n\t\n", "1:1", "no root element: expected an XML document"},
      {"bom-only", "\xEF\xBB\xBF", "1:1", "no root element"},
      {"binary-noise", noise(4096), "1:1", "invalid UTF-8 (byte 0x82)"},
      {"binary-png", test::read_file(test::source_path("tests/hardening/data/photo.png")), "1:1",
       "invalid UTF-8 (byte 0x89)"},
      {"nul-in-text", issue(std::string("<p>a\0b</p>", 10)), "4:54",
       "character U+0000 is not allowed in XML"},
      {"control-char",
       issue("<p>a\x01"
             "b</p>"),
       "4:54", "character U+0001 is not allowed in XML"},
      // Encodings.
      {"invalid-utf8", issue("<p>a\xFF\xFE b\xC3(</p>"), "4:54", "invalid UTF-8 (byte 0xFF)"},
      {"utf16-bom", utf16le_with_bom(replace(issue("<p>x</p>"), "UTF-8", "UTF-16")), "1:1",
       "UTF-16 and UTF-32 are not supported; save the file as UTF-8"},
      {"utf16-declared", replace(issue(p), "UTF-8", "UTF-16"), "1:21",
       "encoding \"UTF-16\" is not supported"},
      {"latin1-declared", replace(issue("<p>caf\xE9</p>"), "UTF-8", "ISO-8859-1"), "1:21",
       "encoding \"ISO-8859-1\" is not supported"},
      {"shift-jis-declared", replace(issue("<p>\x93\xfa\x96\x7b</p>"), "UTF-8", "Shift_JIS"),
       "1:21", "encoding \"Shift_JIS\" is not supported"},
      {"gb18030-bad-bytes",
       "<?xml version=\"1.0\" encoding=\"GB18030\"?>\n<issue version=\"1\" date=\"2020-01-02\">\n"
       "<title>\xD6\xD0\x81\x20\xFF</title></issue>\n",
       "3:9", "is not valid GB18030"},
  };
}

/// Every case in its own directory under `root`: root/NAME/issue.xml.
void write_collection(const fs::path& root) {
  for (const Hostile& h : hostile_manifests()) {
    fs::create_directories(root / h.name);
    write_file(root / h.name / "issue.xml", h.bytes);
  }
}

// Bound: each render is refused within 10 s (sanitizer build: 60 s); all of
// them take about 2 s together in Release.
TEST(HardeningHostile, RenderRefusesEachWithItsLocation) {
  auto root = test::temp_dir("hostile-render");
  write_collection(root / "in");
  fs::create_directories(root / "out");
  for (const Hostile& h : hostile_manifests()) {
    std::string manifest = (root / "in" / h.name / "issue.xml").string();
    std::string pdf = (root / "out" / (h.name + ".pdf")).string();
    auto run = paiban_bounded({"render", manifest, "-o", pdf}, 10 * kTimeScale);
    EXPECT_EQ(run.exit_code, 2) << h.name << ": " << describe(run);
    EXPECT_EQ(run.signal, 0) << h.name << ": " << describe(run);
    EXPECT_FALSE(run.timed_out) << h.name;
    EXPECT_EQ(run.output.rfind(manifest + ":" + h.position + ": error: ", 0), 0u)
        << h.name << ": wanted " << manifest << ":" << h.position << ": error: ...\n"
        << describe(run);
    EXPECT_NE(run.output.find(h.message), std::string::npos)
        << h.name << ": wanted \"" << h.message << "\"\n"
        << describe(run);
    EXPECT_EQ(run.output.find("internal error"), std::string::npos) << h.name;
    EXPECT_FALSE(fs::exists(pdf)) << h.name << " wrote a PDF";
  }
  EXPECT_TRUE(fs::is_empty(root / "out"));
  fs::remove_all(root);
}

// One batch over the whole collection: every issue fails with the same
// location and message as render, no PDF is written. Bound: 60 s.
TEST(HardeningHostile, BatchRefusesEachWithItsLocation) {
  auto root = test::temp_dir("hostile-batch");
  write_collection(root / "in");
  auto run = paiban_bounded(
      {"batch", (root / "in").string(), "-o", (root / "out").string(), "-j", "2"}, 60 * kTimeScale);
  EXPECT_EQ(run.exit_code, 2) << describe(run);
  EXPECT_EQ(run.signal, 0) << describe(run);
  auto cases = hostile_manifests();
  EXPECT_NE(run.output.find(std::to_string(cases.size()) + " issues"), std::string::npos)
      << describe(run);
  for (const Hostile& h : cases) {
    std::string manifest = (root / "in" / h.name / "issue.xml").string();
    size_t at = run.output.find(manifest + ":" + h.position + ": ");
    EXPECT_NE(at, std::string::npos) << h.name << "\n" << describe(run);
    if (at == std::string::npos) continue;
    std::string line = run.output.substr(at, run.output.find('\n', at) - at);
    EXPECT_NE(line.find(h.message), std::string::npos) << h.name << ": " << line;
  }
  size_t pdfs = 0;
  if (fs::exists(root / "out"))
    for (const auto& entry : fs::recursive_directory_iterator(root / "out"))
      pdfs += entry.path().extension() == ".pdf";
  EXPECT_EQ(pdfs, 0u);
  fs::remove_all(root);
}

}  // namespace
}  // namespace paiban::hardening

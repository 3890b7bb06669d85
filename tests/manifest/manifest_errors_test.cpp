// Every kind of invalid manifest gives FILE:LINE:COLUMN and a clear message.
#include <gtest/gtest.h>

#include "manifest_test_support.hpp"

namespace paiban {
namespace {

using testing::manifest_with_article;
using testing::parse_error;

// The article goes on line 5 of manifest_with_article's document.
std::string article_error(const std::string& article) {
  return parse_error(manifest_with_article(article));
}

const std::string head = "<issue version=\"1\" date=\"2017-06-15\">\n";
const std::string section =
    "<section title=\"S\"><article><heading>H</heading></article></section>\n";

TEST(ManifestErrors, ValidBaseParses) {
  EXPECT_EQ(article_error("<article><heading>H</heading></article>"), "");
}

TEST(ManifestErrors, NotXml) {
  EXPECT_EQ(parse_error(""), "t.xml:1:1: the file is empty");
  EXPECT_EQ(parse_error("\n <!-- c -->\n"), "t.xml:1:1: no root element: expected an XML document");
  EXPECT_EQ(parse_error(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)),
            "t.xml:1:1: invalid UTF-8 (byte 0x89); save the file as UTF-8 or declare its encoding");
  EXPECT_EQ(parse_error(std::string("<issue>\n\0</issue>", 17)),
            "t.xml:2:1: character U+0000 is not allowed in XML");
  EXPECT_EQ(parse_error(head + "<title>T</titel>\n"),
            "t.xml:2:11: malformed XML: Start-end tags mismatch");
  EXPECT_EQ(parse_error("<issue version=\"1\"\n  date=2017-06-15>"),
            "t.xml:2:8: malformed XML: Error parsing element attribute");
  EXPECT_EQ(parse_error(head + "</issue>\n<issue/>\n"),
            "t.xml:3:1: only one root element is allowed");
  EXPECT_EQ(
      parse_error(head + "<title>T</title><publisher>P</publisher>" + section + "</issue>\ntail\n"),
      "t.xml:4:1: text outside the root element");
  EXPECT_EQ(parse_error(head + "<title>T</title>"),
            "t.xml:2:16: malformed XML: the file ends inside an element (not closed)");
}

TEST(ManifestErrors, NoDtdsOrEntities) {
  EXPECT_EQ(parse_error("<?xml version=\"1.0\"?>\n<!DOCTYPE issue [<!ENTITY x \"y\">]>\n<issue/>"),
            "t.xml:2:1: a DOCTYPE is not allowed (no DTDs or entity declarations)");
  EXPECT_EQ(article_error("<article><heading>A &nbsp; B</heading></article>"),
            "t.xml:5:21: unknown entity or bad character reference '&nbsp;'");
  EXPECT_EQ(article_error("<article><heading>A & B</heading></article>"),
            "t.xml:5:21: '&' must be written &amp;");
  EXPECT_EQ(article_error("<article><heading>&#1;</heading></article>"),
            "t.xml:5:19: unknown entity or bad character reference '&#1;'");
  EXPECT_EQ(article_error("<article id=\"a&b\"><heading>H</heading></article>"),
            "t.xml:5:15: '&' must be written &amp;");
  EXPECT_EQ(article_error("<article><heading>&amp;&lt;&#x4E2D;&#20013;</heading></article>"), "");
}

TEST(ManifestErrors, RootAndVersion) {
  EXPECT_EQ(parse_error("<newsletter/>"),
            "t.xml:1:1: the root element must be <issue>, not <newsletter>");
  EXPECT_EQ(parse_error("<issue xmlns=\"urn:x\" version=\"1\"/>"),
            "t.xml:1:1: <issue> must be in no namespace, not xmlns=\"urn:x\"");
  EXPECT_EQ(parse_error("<issue date=\"2017-06-15\"/>"), "t.xml:1:1: <issue> needs version=\"1\"");
  EXPECT_EQ(parse_error("<issue version=\"2\" date=\"2017-06-15\"/>"),
            "t.xml:1:8: unsupported manifest version \"2\" (this program reads version 1)");
}

TEST(ManifestErrors, IssueAttributes) {
  EXPECT_EQ(parse_error("<issue version=\"1\"/>"),
            "t.xml:1:1: <issue> needs a date attribute (YYYY-MM-DD)");
  EXPECT_EQ(parse_error("<issue version=\"1\" date=\"2017-02-30\"/>"),
            "t.xml:1:20: date \"2017-02-30\" is not a calendar date written YYYY-MM-DD");
  EXPECT_EQ(parse_error("<issue version=\"1\" date=\"2017-6-15\"/>"),
            "t.xml:1:20: date \"2017-6-15\" is not a calendar date written YYYY-MM-DD");
  EXPECT_EQ(parse_error("<issue version=\"1\" date=\"2016-02-29\" lang=\"zh_CN\"/>"),
            "t.xml:1:38: lang \"zh_CN\" is not a language tag (e.g. zh-Hans, zh-Hant, ja)");
  EXPECT_EQ(parse_error("<issue version=\"1\" date=\"2017-06-15\" style=\"x\"/>"),
            "t.xml:1:38: unknown attribute 'style' on <issue>");
}

TEST(ManifestErrors, IssueChildrenOrder) {
  EXPECT_EQ(
      parse_error(head + "<publisher>P</publisher>\n<title>T</title>\n" + section + "</issue>"),
      "t.xml:1:1: <issue> has no <title> (it comes before <publisher>)");
  EXPECT_EQ(
      parse_error(head +
                  "<title>T</title>\n<publisher>P</publisher>\n<subtitle>S</subtitle>\n</issue>"),
      "t.xml:4:1: <subtitle> must come before <publisher> in <issue>");
  EXPECT_EQ(parse_error(head + "<title>T</title>\n" + section + "</issue>"),
            "t.xml:1:1: <issue> has no <publisher> (it comes before <section>)");
  EXPECT_EQ(parse_error(head + "<title>T</title>\n<publisher>P</publisher>\n</issue>"),
            "t.xml:1:1: <issue> has no <section>");
  EXPECT_EQ(parse_error(head + "<title>T</title>\n<title>U</title>\n</issue>"),
            "t.xml:3:1: only one <title> is allowed in <issue>");
  EXPECT_EQ(parse_error(head + "<title>T</title>\n<publisher>P</publisher>\n" + section +
                        "<backmatter/>\n" + section + "</issue>"),
            "t.xml:6:1: <section> must come before <backmatter> in <issue>");
}

TEST(ManifestErrors, UnknownAndMisnestedElements) {
  EXPECT_EQ(parse_error(head + "<titel>T</titel>\n</issue>"),
            "t.xml:2:1: unknown element <titel> in <issue>");
  EXPECT_EQ(parse_error(head + "<title>T</title>\n<publisher>P</publisher>\n<p>x</p>\n</issue>"),
            "t.xml:4:1: <p> is not allowed in <issue>");
  EXPECT_EQ(parse_error(head + "<title>T</title>\n<publisher>P</publisher>\n<section title=\"S\">\n"
                               "  <p>x</p>\n</section>\n</issue>"),
            "t.xml:5:3: <p> is not allowed in <section>");
  EXPECT_EQ(article_error("<article><heading>H</heading><item>x</item></article>"),
            "t.xml:5:30: <item> is not allowed in <article>");
  EXPECT_EQ(article_error("<article><heading>H <p>x</p></heading></article>"),
            "t.xml:5:21: <p> is not allowed in <heading>");
  EXPECT_EQ(parse_error(head + "<title>T <em>x</em></title>\n</issue>"),
            "t.xml:2:10: <title> takes text only, not <em>");
  EXPECT_EQ(parse_error(head + "<title>T</title>\n<publisher>P</publisher>\n<section title=\"S\">"
                               "stray<article/></section></issue>"),
            "t.xml:4:20: text is not allowed directly in <section>");
  EXPECT_EQ(article_error("<article><heading>H</heading><p class=\"c\">x</p></article>"),
            "t.xml:5:33: unknown attribute 'class' on <p>");
  EXPECT_EQ(article_error("<article><heading>H<br>x</br></heading></article>"),
            "t.xml:5:24: text is not allowed directly in <br>");
  EXPECT_EQ(
      article_error("<article><heading><a href=\"x\"><a href=\"y\">z</a></a></heading></article>"),
      "t.xml:5:31: <a> cannot be inside another <a>");
  EXPECT_EQ(article_error("<article><heading><a>z</a></heading></article>"),
            "t.xml:5:19: <a> needs an href attribute");
}

TEST(ManifestErrors, ForeignNamespacesAreIgnored) {
  EXPECT_EQ(
      parse_error("<issue version=\"1\" date=\"2017-06-15\" xmlns:ext=\"urn:ext\" ext:id=\"9\" "
                  "xml:lang=\"zh\">\n<ext:meta><anything/></ext:meta>\n<title>T</title>\n"
                  "<publisher>P</publisher>\n<other xmlns=\"urn:o\"><p/></other>\n" +
                  section + "</issue>"),
      "");
  EXPECT_EQ(parse_error(head + "<x:title>T</x:title>\n</issue>"),
            "t.xml:2:1: namespace prefix 'x' is not declared");
}

TEST(ManifestErrors, Toc) {
  std::string front = head + "<title>T</title>\n<publisher>P</publisher>\n";
  EXPECT_EQ(parse_error(front + "<toc depth=\"4\"/>\n" + section + "</issue>"),
            "t.xml:4:6: toc depth must be 1, 2 or 3, not \"4\"");
  EXPECT_EQ(parse_error(front + "<toc>目录</toc>\n" + section + "</issue>"),
            "t.xml:4:6: text is not allowed directly in <toc>");
  EXPECT_EQ(parse_error(front + "<toc depth=\"3\" title=\"Contents\"/>\n" + section + "</issue>"),
            "");
}

TEST(ManifestErrors, Articles) {
  EXPECT_EQ(
      parse_error(head +
                  "<title>T</title>\n<publisher>P</publisher>\n<section title=\"S\"/>\n</issue>"),
      "t.xml:4:1: <section> has no <article>");
  EXPECT_EQ(parse_error(head + "<title>T</title>\n<publisher>P</publisher>\n<section/>\n</issue>"),
            "t.xml:4:1: <section> needs a title attribute");
  EXPECT_EQ(article_error("<article id=\"a\"><heading>H</heading></article>\n"
                          "<article id=\"a\"><heading>H</heading></article>"),
            "t.xml:6:10: duplicate article id \"a\" (first used at line 5)");
  EXPECT_EQ(article_error("<article><p>x</p></article>"),
            "t.xml:5:10: <article> must start with <heading>");
  EXPECT_EQ(article_error("<article/>"), "t.xml:5:1: <article> must start with <heading>");
  EXPECT_EQ(article_error("<article><heading>H</heading><heading>I</heading></article>"),
            "t.xml:5:30: <article> has one <heading>, first");
  EXPECT_EQ(article_error("<article><heading>H</heading><source>S</source><p>x</p></article>"),
            "t.xml:5:30: <source> must be the last element of <article> (<p> follows it)");
}

// section/@columns (a project extension): 1-3, at the attribute otherwise.
TEST(ManifestErrors, SectionColumns) {
  const std::string front = head + "<title>T</title>\n<publisher>P</publisher>\n";
  const std::string article = "<article><heading>H</heading></article></section>\n</issue>";
  EXPECT_EQ(parse_error(front + "<section title=\"S\" columns=\"4\">" + article),
            "t.xml:4:20: section columns must be 1, 2 or 3, not \"4\"");
  EXPECT_EQ(parse_error(front + "<section title=\"S\" columns=\"0\">" + article),
            "t.xml:4:20: section columns must be 1, 2 or 3, not \"0\"");
  EXPECT_EQ(parse_error(front + "<section title=\"S\" columns=\"two\">" + article),
            "t.xml:4:20: section columns must be 1, 2 or 3, not \"two\"");
  Issue issue = parse_manifest(front + "<section title=\"S\" columns=\" 3 \">" + article +
                                   "", "t.xml");
  EXPECT_EQ(issue.sections.at(0).columns, 3);
  issue = parse_manifest(front + "<section title=\"S\">" + article, "t.xml");
  EXPECT_EQ(issue.sections.at(0).columns, 0);  // the layout's
}

TEST(ManifestErrors, Blocks) {
  EXPECT_EQ(article_error("<article><heading>H</heading><list columns=\"2\"/></article>"),
            "t.xml:5:30: <list> has no <item>");
  EXPECT_EQ(
      article_error("<article><heading>H</heading><list columns=\"0\"><item/></list></article>"),
      "t.xml:5:36: list columns must be a whole number from 1 to 9999, not \"0\"");
  EXPECT_EQ(
      article_error("<article><heading>H</heading><list marker=\"dash\"><item/></list></article>"),
      "t.xml:5:36: marker must be one of none, bullet, number, not \"dash\"");
  EXPECT_EQ(article_error("<article><heading>H</heading><p indent=\"maybe\">x</p></article>"),
            "t.xml:5:33: indent must be one of yes, no, not \"maybe\"");
  EXPECT_EQ(article_error("<article><heading>H</heading><quote/></article>"),
            "t.xml:5:30: <quote> has no <p>");
  EXPECT_EQ(parse_error(head + "<title>T</title>\n<publisher>P</publisher>\n" + section +
                        "<backmatter><fields><field>x</field></fields></backmatter></issue>"),
            "t.xml:5:21: <field> needs a label attribute");
  EXPECT_EQ(parse_error(head + "<title>T</title>\n<publisher>P</publisher>\n" + section +
                        "<backmatter><fields/></backmatter></issue>"),
            "t.xml:5:13: <fields> has no <field>");
}

TEST(ManifestErrors, ColumnsCountCharactersNotBytes) {
  EXPECT_EQ(article_error("<article><heading>中文标题</heading><p bad=\"1\">x</p></article>"),
            "t.xml:5:36: unknown attribute 'bad' on <p>");
  EXPECT_EQ(
      parse_error(head + "<title>中文\xff</title></issue>"),
      "t.xml:2:10: invalid UTF-8 (byte 0xFF); save the file as UTF-8 or declare its encoding");
}

}  // namespace
}  // namespace paiban

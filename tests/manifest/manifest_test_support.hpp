// Helpers shared by the manifest tests.
#pragma once
#include <string>

#include "paiban/diagnostics.hpp"
#include "paiban/manifest.hpp"

namespace paiban::testing {

/// A small valid manifest with `body` where its section's article goes.
inline std::string manifest_with_article(const std::string& article) {
  return "<issue version=\"1\" date=\"2017-06-15\">\n"
         "<title>T</title>\n"
         "<publisher>P</publisher>\n"
         "<section title=\"S\">\n" +
         article +
         "\n</section>\n"
         "</issue>\n";
}

/// The message of the InputError parsing `bytes` throws, "" when it parses.
inline std::string parse_error(const std::string& bytes, const std::string& path = "t.xml") {
  try {
    parse_manifest(bytes, path);
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

/// `inline_xml` as the one paragraph of an article (it starts at line 5,
/// column 33 of the manifest).
inline std::string manifest_with_paragraph(const std::string& inline_xml) {
  return manifest_with_article("<article><heading>H</heading><p>" + inline_xml + "</p></article>");
}

/// The runs of `inline_xml` read as a paragraph's content.
inline InlineText paragraph_runs(const std::string& inline_xml) {
  Issue issue = parse_manifest(manifest_with_paragraph(inline_xml), "t.xml");
  return issue.sections.at(0).articles.at(0).blocks.at(0).text;
}

/// The error reading `inline_xml` as a paragraph's content gives, "" when none.
inline std::string paragraph_error(const std::string& inline_xml) {
  return parse_error(manifest_with_paragraph(inline_xml));
}

/// PAIBAN_SOURCE_DIR + "/" + relative
inline std::string source_path(const std::string& relative) {
  return std::string(PAIBAN_SOURCE_DIR) + "/" + relative;
}

}  // namespace paiban::testing

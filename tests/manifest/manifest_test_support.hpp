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

/// PAIBAN_SOURCE_DIR + "/" + relative
inline std::string source_path(const std::string& relative) {
  return std::string(PAIBAN_SOURCE_DIR) + "/" + relative;
}

}  // namespace paiban::testing

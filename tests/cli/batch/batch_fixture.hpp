// Small archives for the batch tests: manifests written into a temp dir.
#pragma once
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "e2e/run_command.hpp"

namespace paiban::test {

/// A valid manifest for the default layout; `text` is its one paragraph.
inline std::string small_manifest(const std::string& date, const std::string& text,
                                  const std::string& extra_blocks = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<issue version=\"1\" date=\"" +
         date +
         "\">\n"
         "  <title>测试通讯</title>\n"
         "  <publisher>测试出版社</publisher>\n"
         "  <section title=\"新闻\">\n"
         "    <article><heading>标题</heading><p>" +
         text + "</p>" + extra_blocks +
         "</article>\n"
         "  </section>\n"
         "</issue>\n";
}

/// A manifest with an unknown element on line 5.
inline std::string broken_manifest() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<issue version=\"1\" date=\"2017-07-01\">\n"
         "  <title>T</title>\n"
         "  <publisher>P</publisher>\n"
         "  <colour/>\n"
         "</issue>\n";
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

/// A 1x1 grey PNG; `white` picks the other of two different files.
inline std::string tiny_png(bool white) {
  static const char kBlack[] =
      "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00"
      "\x00\x01\x08\x00\x00\x00\x00\x3a\x7e\x9b\x55\x00\x00\x00\x0a\x49\x44\x41\x54\x78\x9c\x63"
      "\x60\x00\x00\x00\x02\x00\x01\x48\xaf\xa4\x71\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60"
      "\x82";
  static const char kWhite[] =
      "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00"
      "\x00\x01\x08\x00\x00\x00\x00\x3a\x7e\x9b\x55\x00\x00\x00\x0a\x49\x44\x41\x54\x78\x9c\x63"
      "\xf8\x0f\x00\x01\x01\x01\x00\xb1\x38\xf6\x14\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60"
      "\x82";
  return white ? std::string(kWhite, sizeof kWhite - 1) : std::string(kBlack, sizeof kBlack - 1);
}

/// The status the --report file gives an issue whose output ends with `pdf_name`.
inline std::string report_status(const std::string& report, const std::string& pdf_name) {
  std::smatch m;
  std::regex entry("\"output\": \"[^\"]*/" +
                   std::regex_replace(pdf_name, std::regex("[.]"), "\\.") +
                   "\",\\s*\"status\": \"(\\w+)\"");
  return std::regex_search(report, m, entry) ? m[1].str() : "(absent)";
}

}  // namespace paiban::test

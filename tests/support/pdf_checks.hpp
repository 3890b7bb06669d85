// Checks that end-to-end tests make of a rendered PDF with outside tools
// (poppler, qpdf, Ghostscript, the independent audit), written once.
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "e2e/run_command.hpp"

namespace paiban::test {

/// True when `tool` is on the PATH.
inline bool have(const std::string& tool) {
  return run_command("command -v " + tool + " >/dev/null").exit_code == 0;
}

/// `text` without spaces, tabs, line and page breaks: what to compare when
/// pdftotext's line ends and a manifest's do not matter.
inline std::string without_white_space(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\f' && c != '\r') out += c;
  return out;
}

/// One message for a list of failures, a line each.
inline std::string joined_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

/// qpdf --check and Ghostscript, stopping on any error or warning, find
/// nothing to say about `pdf`.
inline void expect_strict_readers_silent(const std::string& pdf) {
  auto qpdf = run_command("qpdf --check " + shell_quote(pdf));
  EXPECT_EQ(qpdf.exit_code, 0) << qpdf.output;
  auto gs =
      run_command("gs -q -dNOPAUSE -dBATCH -dPDFSTOPONERROR -dPDFSTOPONWARNING -sDEVICE=nullpage " +
                  shell_quote(pdf));
  EXPECT_EQ(gs.exit_code, 0) << gs.output;
  EXPECT_EQ(gs.output, "");
}

/// Every CID font pdffonts lists in `pdf` is an embedded subset (a tag such
/// as ABCDEF+) with a ToUnicode map, and there are at least two.
inline void expect_embedded_subset_fonts(const std::string& pdf) {
  auto fonts = run_command("pdffonts " + shell_quote(pdf));
  ASSERT_EQ(fonts.exit_code, 0) << fonts.output;
  std::istringstream lines(fonts.output);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    if (line.find("CID") == std::string::npos) continue;
    ++count;
    EXPECT_TRUE(std::regex_search(line, std::regex("^[A-Z]{6}\\+"))) << line;
    EXPECT_NE(line.find(" yes yes yes "), std::string::npos) << line;  // emb sub uni
  }
  EXPECT_GE(count, 2);
}

/// ../shared/tools/pdf-audit beside the checkout, "" when it is not there.
inline std::string audit_tool() {
  const std::string audit = source_path("../shared/tools/pdf-audit");
  return std::filesystem::exists(audit) ? audit : std::string();
}

/// The audit of `pdf` against its manifest, with `flags` ("--strict-quality").
inline CommandResult run_audit(const std::string& pdf, const std::string& manifest,
                               const std::string& flags = "") {
  return run_command(shell_quote(audit_tool()) + " " + shell_quote(pdf) + " --manifest " +
                     shell_quote(manifest) + (flags.empty() ? "" : " " + flags));
}

/// A copy of the issue directory holding `manifest` (its pictures) under
/// `dir`, with the manifest's <issue layout> set to `layout` (a name, found
/// as a render finds it): the path of the copied manifest.
inline std::string relayout_copy(const std::string& manifest, const std::string& layout,
                                 const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  fs::copy(fs::path(manifest).parent_path(), dir, fs::copy_options::recursive);
  std::string xml = read_file(manifest);
  std::smatch m;
  if (!std::regex_search(xml, m, std::regex("<issue\\b[^>]*>")))
    throw std::runtime_error(manifest + ": no <issue> element");
  std::string head = std::regex_replace(m.str(), std::regex("\\slayout=\"[^\"]*\""), "");
  head.insert(6, " layout=\"" + layout + "\"");
  xml = m.prefix().str() + head + m.suffix().str();
  const std::string copy = (dir / fs::path(manifest).filename()).string();
  std::ofstream(copy) << xml;
  return copy;
}

/// A test name from a parameter such as "itrade-2024-05" (gtest allows no '-').
inline std::string test_name(std::string name) {
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
}

}  // namespace paiban::test

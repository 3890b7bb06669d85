// Helpers for the PDF writer's tests: a small hand-made Document, temp
// files, and running the command-line checkers (pdftotext, qpdf, gs).
#pragma once
#include <hb.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "paiban/document.hpp"
#include "paiban/fonts.hpp"
#include "paiban/pdf.hpp"

namespace paiban::pdf_test {

inline FaceId noto_serif() {
  auto face = FontCache::shared().find("Noto Serif CJK SC", 400, "zh-Hans");
  if (!face) throw std::runtime_error("Noto Serif CJK SC is not installed (fonts-noto-cjk)");
  return *face;
}

/// Lays out `text` on one baseline from x, with the face's natural advances.
inline double set_line(Page& page, FaceId face, const std::u32string& text, double x, double y,
                       double size, Cmyk color = {}) {
  FontCache& fonts = FontCache::shared();
  auto* font = static_cast<hb_font_t*>(fonts.hb_font(face));
  const double scale = size / fonts.info(face).units_per_em;
  for (char32_t ch : text) {
    PageGlyph g;
    g.face = face;
    g.glyph = fonts.glyph_for(face, ch);
    g.size = size;
    g.x = x;
    g.y = y;
    g.advance = hb_font_get_glyph_h_advance(font, g.glyph) * scale;
    g.color = color;
    g.text = std::u32string(1, ch);
    page.glyphs.push_back(g);
    x += g.advance;
  }
  return x;
}

/// Two A5 pages of Chinese text, a rule, a link to page 2, a URI link, and
/// an outline with two levels.
inline Document sample_document() {
  Document d;
  d.geometry.width = 419.528;  // A5
  d.geometry.height = 595.276;
  d.title = "社区通讯 第1期";
  d.author = "排版编辑部";
  d.subject = "测试";
  d.date = {2024, 5, 1};
  const FaceId face = noto_serif();
  Page one, two;
  set_line(one, face, U"排版测试：社区通讯。", 56, 100, 14);
  set_line(one, face, U"第二行，Hello PDF 2024。", 56, 130, 10.5, Cmyk{0, 0, 0, 0.8});
  one.rules.push_back({56, 140, 360, 140, 0.5, Cmyk{}});
  one.links.push_back({56, 118, 200, 134, 1, 60, ""});
  one.links.push_back({56, 88, 200, 104, -1, 0, "https://example.org/"});
  one.label = "1";
  set_line(two, face, U"第二页的标题", 56, 72, 16);
  two.label = "2";
  d.pages = {one, two};
  d.outline = {{"社区通讯", 1, 0, 80}, {"第二页的标题 𠀀", 2, 1, 60}};
  return d;
}

/// A file under the test temp directory, removed by the destructor.
struct TempFile {
  std::string path;
  explicit TempFile(const std::string& name) {
    const char* tmp = std::getenv("TMPDIR");
    path = std::string(tmp ? tmp : "/tmp") + "/paiban-pdf-test-" + std::to_string(::getpid()) +
           "-" + name;
  }
  ~TempFile() { std::remove(path.c_str()); }
  void write(const std::string& bytes) const { std::ofstream(path, std::ios::binary) << bytes; }
};

/// Runs a shell command; returns its stdout and sets `status` to its exit status.
inline std::string run(const std::string& command, int* status = nullptr) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  int rc = ::pclose(pipe);
  if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

inline bool have_tool(const std::string& name) {
  int status = 0;
  run("command -v " + name + " >/dev/null 2>&1", &status);
  return status == 0;
}

}  // namespace paiban::pdf_test

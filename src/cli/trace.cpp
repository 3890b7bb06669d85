#include "cli/trace.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/environment.hpp"
#include "cli/output_file.hpp"
#include "common/utf8.hpp"
#include "paiban/layout.hpp"
#include "paiban/manifest.hpp"
#include "paiban/paginate.hpp"
#include "paiban/render.hpp"

namespace paiban::cli {
namespace {

// Positions compared in hundredths of a point, as printed: two glyphs the
// trace shows on one baseline are on one line.
long hundredths(double pt) { return std::lround(pt * 100); }

std::string fixed2(double pt) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", pt);
  return buffer;
}

const double kGapEm = 3;  // a wider gap on one baseline starts a new line

/// One traced line: "PAGE LINE x=X y=Y FACE SIZE[, ...] | TEXT".
void trace_line(const std::vector<const PageGlyph*>& glyphs, int page_number, int line_number,
                const FontCache& fonts, std::string& out) {
  std::vector<std::pair<FaceId, long>> faces;  // (face, size) in order of appearance
  std::string text;
  for (const PageGlyph* glyph : glyphs) {
    std::pair<FaceId, long> face{glyph->face, hundredths(glyph->size)};
    if (std::find(faces.begin(), faces.end(), face) == faces.end()) faces.push_back(face);
    text += to_utf8(glyph->text);
  }
  out += std::to_string(page_number) + " " + std::to_string(line_number) +
         " x=" + fixed2(glyphs.front()->x) + " y=" + fixed2(glyphs.front()->y) + " ";
  for (size_t f = 0; f < faces.size(); ++f) {
    const FaceInfo& info = fonts.info(faces[f].first);
    if (f) out += ", ";
    out += (info.postscript_name.empty() ? info.family : info.postscript_name) + " " +
           fixed2(faces[f].second / 100.0);
  }
  out += " | " + text + "\n";
}

/// Whether two glyphs painted one after the other are on one vertical line:
/// near one centre line (upright, sideways and 縦中横 origins stand within
/// an em of it), going down.
bool same_vertical_line(const PageGlyph& a, const PageGlyph& b) {
  const double em = std::max(a.size, b.size);
  return std::abs(a.x - b.x) < 0.75 * em && b.y >= a.y - 0.01 && b.y - a.y < kGapEm * em;
}

void trace_page(const Page& page, int page_number, const FontCache& fonts, std::string& out) {
  std::vector<const PageGlyph*> glyphs, vertical;
  for (const PageGlyph& glyph : page.glyphs)
    (glyph.orientation == GlyphOrientation::horizontal ? glyphs : vertical).push_back(&glyph);
  std::stable_sort(glyphs.begin(), glyphs.end(), [](const PageGlyph* a, const PageGlyph* b) {
    if (hundredths(a->y) != hundredths(b->y)) return hundredths(a->y) < hundredths(b->y);
    return hundredths(a->x) < hundredths(b->x);
  });
  int line_number = 0;
  size_t i = 0;
  while (i < glyphs.size()) {
    size_t end = i + 1;
    while (end < glyphs.size() && hundredths(glyphs[end]->y) == hundredths(glyphs[i]->y)) {
      const PageGlyph& previous = *glyphs[end - 1];
      double gap = glyphs[end]->x - (previous.x + previous.advance);
      if (gap > kGapEm * std::max(previous.size, glyphs[end]->size)) break;
      ++end;
    }
    trace_line({glyphs.begin() + i, glyphs.begin() + end}, page_number, ++line_number, fonts,
               out);
    i = end;
  }
  // Vertical lines (writing-mode vertical-rl), after the horizontal ones,
  // as painted: each top to bottom, the lines right to left.
  for (size_t k = 0; k < vertical.size();) {
    size_t end = k + 1;
    while (end < vertical.size() && same_vertical_line(*vertical[end - 1], *vertical[end])) ++end;
    trace_line({vertical.begin() + k, vertical.begin() + end}, page_number, ++line_number, fonts,
               out);
    k = end;
  }
}

int trace_usage(const std::string& message) {
  std::cerr << "paiban: " << message << "\nusage: paiban trace MANIFEST [-o FILE]\n";
  return kUsage;
}

}  // namespace

std::string trace_document(const Document& document, const FontCache& fonts) {
  std::string out;
  for (size_t p = 0; p < document.pages.size(); ++p)
    trace_page(document.pages[p], static_cast<int>(p + 1), fonts, out);
  return out;
}

int trace_command(const std::vector<std::string>& args) {
  std::string manifest, output = "-";
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-o" || a == "--output") {
      if (i + 1 >= args.size()) return trace_usage(a + " needs a file name");
      output = args[++i];
    } else if (!a.empty() && a[0] == '-') {
      return trace_usage("unknown option " + a);
    } else if (manifest.empty()) {
      manifest = a;
    } else {
      return trace_usage("trace needs exactly one MANIFEST");
    }
  }
  if (manifest.empty()) return trace_usage("trace needs exactly one MANIFEST");
  RenderOptions options;
  if (int code = apply_environment(options)) return code;
  return guarded([&] {
    refuse_output_over_input(output, {manifest});
    Job job = load_job(manifest, options);
    Warnings warnings;
    FontCache& fonts = command_fonts();
    Document document = paginate(job.issue, job.layout, fonts, warnings);
    write_output(output, trace_document(document, fonts));
    return int(kDone);
  });
}

}  // namespace paiban::cli

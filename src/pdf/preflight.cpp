// preflight_summary: what a print shop asks before taking a file, computed
// from the Document and options (no PDF is written).
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>

#include "common/json.hpp"
#include "paiban/pdf.hpp"
#include "pdf/pdf_syntax.hpp"
#include "pdf/pdfx.hpp"

namespace paiban {
namespace {

// The colour space a figure is drawn in, from its facts and the standard:
// PDF/X-4 draws RGB through ICC (the file's profile or sRGB), PDF/X-1a
// converts RGB to the output intent's CMYK and flattens transparency.
std::string image_colour_space(const ImageFacts& facts, const PdfOptions& options) {
  if (!options.print) return describe_colour(facts);
  if (options.standard == PdfStandard::x1a) {
    if (facts.colour == ImageColour::rgb) return "DeviceCMYK (converted from RGB)";
    return facts.colour == ImageColour::gray ? "DeviceGray" : "DeviceCMYK";
  }
  if (facts.colour == ImageColour::rgb && facts.icc.empty())
    return std::string("ICCBased RGB (sRGB)") + (facts.alpha ? "+alpha" : "");
  return describe_colour(facts);
}

std::string mm(double pt) { return pdf::num(pt * 25.4 / 72.0); }

}  // namespace

std::string preflight_summary(const Document& document, const FontCache& fonts,
                              const PdfOptions& options, bool json) {
  const PageGeometry& g = document.geometry;
  const bool print = options.print;
  const std::string standard = print ? pdf::pdfx_version(options.standard) : "none (screen)";

  // Fonts: every face drawn, with its glyph count.
  std::map<FaceId, std::set<uint32_t>, FaceFileOrder> glyphs{FaceFileOrder{&fonts}};
  std::set<std::string> spaces;
  bool rich_black_text = false;
  size_t links = 0;
  for (const Page& page : document.pages) {
    for (const PageGlyph& glyph : page.glyphs) {
      glyphs[glyph.face].insert(glyph.glyph);
      rich_black_text =
          rich_black_text ||
          (glyph.color.k >= 1 && (glyph.color.c > 0 || glyph.color.m > 0 || glyph.color.y > 0));
    }
    // Drawing colours: RGB on screen; print ink, or spot inks, in print.
    auto note_colour = [&](const Cmyk& colour) {
      if (!print)
        spaces.insert("DeviceRGB");
      else if (colour.spot >= 0 && static_cast<size_t>(colour.spot) < document.spots.size())
        spaces.insert("Separation " + document.spots[colour.spot].name);
      else
        spaces.insert("DeviceCMYK");
    };
    for (const PageGlyph& glyph : page.glyphs) note_colour(glyph.color);
    for (const PageRule& rule : page.rules) note_colour(rule.color);
    for (const PageDot& dot : page.dots) note_colour(dot.color);
    for (const PageBox& box : page.boxes) {
      if (box.filled) note_colour(box.fill);
      if (box.stroke_width > 0) note_colour(box.stroke);
    }
    for (const PageImage& image : page.images)
      spaces.insert(image_colour_space(image.facts, options));
    links += page.links.size();
  }

  std::string intent = "none";
  std::string intent_error;
  if (print) {
    try {
      intent = pdf::find_cmyk_profile(options.icc_profile);
    } catch (const std::exception& e) {
      intent_error = e.what();
    }
  }
  const double margin = print ? pdf::print_margin(g) : 0;

  if (json) {
    std::string out = "{\n";
    out += "  \"standard\": " + json_string(standard) + ",\n";
    out += "  \"pages\": " + std::to_string(document.pages.size()) + ",\n";
    out += "  \"trim_pt\": [" + pdf::num(g.width) + ", " + pdf::num(g.height) + "],\n";
    out += "  \"bleed_pt\": " + pdf::num(print ? g.bleed : 0) + ",\n";
    out += "  \"media_pt\": [" + pdf::num(g.width + 2 * margin) + ", " +
           pdf::num(g.height + 2 * margin) + "],\n";
    out += "  \"fonts\": [";
    bool first = true;
    for (const auto& [face, set] : glyphs) {
      const FaceInfo& info = fonts.info(face);
      out += first ? "\n" : ",\n";
      first = false;
      out += "    {\"name\": " + json_string(info.postscript_name) +
             ", \"file\": " + json_string(info.path) +
             ", \"glyphs\": " + std::to_string(set.size()) +
             ", \"embedded\": true, \"subset\": true, \"type\": " +
             json_string(info.is_cff ? "CIDFontType0C" : "CIDFontType2") + "}";
    }
    out += glyphs.empty() ? "],\n" : "\n  ],\n";
    out += "  \"colour_spaces\": [";
    first = true;
    for (const std::string& s : spaces) {
      out += (first ? "" : ", ") + json_string(s);
      first = false;
    }
    out += "],\n";
    out += "  \"rich_black_text\": " + std::string(rich_black_text ? "true" : "false") + ",\n";
    out += "  \"output_intent\": " +
           (intent_error.empty() ? json_string(intent) : std::string("null")) + ",\n";
    if (!intent_error.empty())
      out += "  \"output_intent_error\": " + json_string(intent_error) + ",\n";
    out += "  \"links\": " + std::to_string(print ? 0 : links) + ",\n";
    out += "  \"bookmarks\": " + std::to_string(document.outline.size()) + "\n}\n";
    return out;
  }

  std::string out;
  out += "standard:       " + standard + "\n";
  out += "pages:          " + std::to_string(document.pages.size()) + "\n";
  out += "trim size:      " + pdf::num(g.width) + " x " + pdf::num(g.height) + " pt (" +
         mm(g.width) + " x " + mm(g.height) + " mm)\n";
  out += "bleed:          " +
         (print ? pdf::num(g.bleed) + " pt (" + mm(g.bleed) + " mm)" : std::string("none")) + "\n";
  out += "media size:     " + pdf::num(g.width + 2 * margin) + " x " +
         pdf::num(g.height + 2 * margin) + " pt" + (print ? " (with crop marks)" : "") + "\n";
  out += "fonts:          " + std::to_string(glyphs.size()) + ", all embedded as subsets\n";
  for (const auto& [face, set] : glyphs) {
    const FaceInfo& info = fonts.info(face);
    out += "  " + info.postscript_name + " (" + (info.is_cff ? "CFF" : "TrueType") + ", " +
           std::to_string(set.size()) + " glyphs) " + info.path + "\n";
  }
  out += "colour spaces:  ";
  bool first = true;
  for (const std::string& s : spaces) {
    out += (first ? "" : ", ") + s;
    first = false;
  }
  out += "\n";
  if (rich_black_text) out += "warning:        text in rich black (CMY + 100 K)\n";
  if (print)
    out += "output intent:  " + (intent_error.empty() ? intent : "none: " + intent_error) + "\n";
  out += "links:          " +
         (print ? std::string("none (not allowed on a PDF/X page)") : std::to_string(links)) + "\n";
  out += "bookmarks:      " + std::to_string(document.outline.size()) + "\n";
  return out;
}

}  // namespace paiban

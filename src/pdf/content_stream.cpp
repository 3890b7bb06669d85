#include "pdf/content_stream.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

#include "pdf/pdf_syntax.hpp"

namespace paiban::pdf {
namespace {

// Text extractors read a gap of about 0.1-0.15 em between two glyphs as a
// space (pdftotext, MuPDF). Han-Latin spacing (1/4 em) and loose justified
// lines make such gaps without a space in the text. From about 0.6 em on a
// gap separates things (a tab, columns, a contents entry's number) and a
// space in the extracted text is welcome.
constexpr double kSpaceLikeGap = 0.1;   // em
constexpr double kSeparatingGap = 0.6;  // em

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

void append_code(std::string& out, uint16_t code) {
  static const char digits[] = "0123456789ABCDEF";
  out += digits[(code >> 12) & 15];
  out += digits[(code >> 8) & 15];
  out += digits[(code >> 4) & 15];
  out += digits[code & 15];
}

// One TJ array under construction: hex runs of codes and adjustments.
class TjArray {
 public:
  void code(uint16_t c) {
    if (!in_hex_) body_ += '<', in_hex_ = true;
    append_code(body_, c);
  }
  void adjust(double thousandths) {
    close_hex();
    if (!body_.empty() && body_.back() != '>') body_ += ' ';
    append_num(body_, thousandths);
  }
  void flush(std::string& out) {
    close_hex();
    if (!body_.empty()) out += '[' + body_ + "] TJ\n";
    body_.clear();
  }

 private:
  void close_hex() {
    if (in_hex_) body_ += '>', in_hex_ = false;
  }
  std::string body_;
  bool in_hex_ = false;
};

}  // namespace

std::string cmyk_operator(const Cmyk& color, bool stroke) {
  std::string out;
  for (double v : {color.c, color.m, color.y, color.k}) {
    append_num(out, std::clamp(v, 0.0, 1.0));
    out += ' ';
  }
  out += stroke ? "K\n" : "k\n";
  return out;
}

std::string colour_operator(const Cmyk& color, bool stroke, const ColourOutput& colours) {
  if (!colours.print) {
    double r = 0, g = 0, b = 0;
    screen_rgb(color, r, g, b);
    std::string out;
    for (double v : {r, g, b}) {
      append_num(out, v);
      out += ' ';
    }
    return out + (stroke ? "RG\n" : "rg\n");
  }
  if (color.spot >= 0 && static_cast<size_t>(color.spot) < colours.spot_resources.size())
    return '/' + colours.spot_resources[color.spot] + (stroke ? " CS 1 SCN\n" : " cs 1 scn\n");
  return cmyk_operator(color, stroke);
}

std::vector<size_t> joined_spans(const std::vector<PageGlyph>& glyphs) {
  std::vector<size_t> end(glyphs.size(), 0);
  auto is_space = [](char32_t c) {
    return c == U' ' || c == U'\u3000' || c == U'\t' || c == U'\n';
  };
  auto joinable = [&](const PageGlyph& a, const PageGlyph& b) {
    if (a.size <= 0 || b.size <= 0 || a.text.empty() || b.text.empty()) return false;
    if (a.orientation != GlyphOrientation::horizontal ||
        b.orientation != GlyphOrientation::horizontal)
      return false;
    if (is_space(a.text.back()) || is_space(b.text.front())) return false;
    if (std::abs(a.y - b.y) > 0.01) return false;
    const double em = std::min(a.size, b.size);
    const double gap = b.x - (a.x + a.advance);
    return gap >= kSpaceLikeGap * em && gap < kSeparatingGap * em;
  };
  for (size_t i = 0; i < glyphs.size();) {
    size_t j = i + 1;
    while (j < glyphs.size() && joinable(glyphs[j - 1], glyphs[j])) ++j;
    if (j > i + 1) end[i] = j;
    i = j;
  }
  return end;
}

namespace {

/// Opens a span whose ActualText is the text of glyphs [begin, end).
std::string actual_text_open(const std::vector<PageGlyph>& glyphs, size_t begin, size_t end) {
  std::u32string text;
  for (size_t k = begin; k < end; ++k) text += glyphs[k].text;
  return "/Span <</ActualText <FEFF" + hex(utf16be(text)) + ">>> BDC\n";
}

}  // namespace

std::vector<size_t> vertical_spans(const std::vector<PageGlyph>& glyphs) {
  std::vector<size_t> end(glyphs.size(), 0);
  auto in_vertical_line = [](const PageGlyph& g) {
    return g.orientation != GlyphOrientation::horizontal && g.size > 0;
  };
  auto same_line = [&](const PageGlyph& a, const PageGlyph& b) {
    if (!in_vertical_line(a) || !in_vertical_line(b) || a.element != b.element) return false;
    const double em = std::max(a.size, b.size);
    return std::abs(a.x - b.x) < 0.75 * em && b.y >= a.y - 0.01 && b.y - a.y < 3 * em;
  };
  for (size_t i = 0; i < glyphs.size();) {
    size_t j = i + 1;
    while (j < glyphs.size() && same_line(glyphs[j - 1], glyphs[j])) ++j;
    bool mixed = false;
    for (size_t k = i; k < j; ++k)
      mixed = mixed || (in_vertical_line(glyphs[k]) &&
                        glyphs[k].orientation != GlyphOrientation::upright);
    if (mixed) end[i] = j;
    i = j;
  }
  return end;
}

std::string text_operators(const std::vector<PageGlyph>& glyphs,
                           const std::map<FaceId, FontUse>& fonts, const PageFrame& frame,
                           const ColourOutput& colours, StructureTree* tags) {
  if (glyphs.empty()) return {};
  std::string out = "BT\n";
  TjArray tj;
  const PageGlyph* run = nullptr;  // first glyph of the current run
  const std::string* resource = nullptr;
  double size = 0;
  std::optional<Cmyk> color;
  // Where the viewer's text position is along the run's direction, pt:
  // page x for a horizontal run, down the page (-PDF y) for a vertical one.
  double pen = 0;

  std::vector<size_t> span_end = joined_spans(glyphs);
  const std::vector<size_t> vertical_end = vertical_spans(glyphs);
  for (size_t i = 0; i < glyphs.size(); ++i)
    if (vertical_end[i]) span_end[i] = vertical_end[i];
  size_t open_span_end = 0;   // one past the last glyph of the open ActualText span
  std::optional<int> marked;  // the element whose marked content is open
  bool span_holds_marked = false;  // the open span holds marked content of several elements

  for (size_t i = 0; i < glyphs.size(); ++i) {
    const PageGlyph& g = glyphs[i];
    auto it = fonts.find(g.face);
    if (it == fonts.end()) throw std::logic_error("PDF writer: a glyph's face was not embedded");
    const FontUse& use = it->second;
    const uint16_t code = use.subset->code_of.at(g.glyph);
    if (g.size <= 0) continue;  // nothing to draw; a zero size would break Tf

    const bool starts_span = open_span_end == 0 && span_end[i] > i + 1;
    if (starts_span && tags &&
        std::any_of(glyphs.begin() + i + 1, glyphs.begin() + span_end[i],
                    [&](const PageGlyph& other) { return other.element != g.element; })) {
      // A joined span across structure elements (a word in another
      // language, a link, right after a Han character with the Han-Latin gap
      // between): marked content must nest, so the span holds each
      // element's marked content (ISO 32000-1 14.9.2.2 shows a Span around
      // structured content).
      tj.flush(out);
      if (marked) out += "EMC\n";
      marked.reset();
      out += actual_text_open(glyphs, i, span_end[i]);
      open_span_end = span_end[i];
      span_holds_marked = true;
    }
    // Upright glyphs of a vertical line go through the Identity-V font, whose
    // TJ numbers move the pen down; sideways ones through Identity-H with
    // the text turned 90 degrees clockwise; the rest on a horizontal baseline.
    const bool upright = g.orientation == GlyphOrientation::upright;
    const bool down = upright || g.orientation == GlyphOrientation::sideways;
    if (upright && use.vertical_resource.empty())
      throw std::logic_error("PDF writer: an upright glyph's face has no vertical font");
    const std::string& font = upright ? use.vertical_resource : use.resource;
    const double forward = down ? -frame.y(g.y) : frame.x(g.x);

    if (tags && marked != g.element) {
      tj.flush(out);
      if (marked) out += "EMC\n";
      out += tags->open(g.element);
      marked = g.element;
    }

    const bool same_run = run && run->face == g.face && run->size == g.size &&
                          run->color == g.color && run->orientation == g.orientation &&
                          (down ? run->x == g.x : run->y == g.y);
    if (!same_run) {
      tj.flush(out);
      if (!resource || *resource != font || size != g.size) {
        out += '/' + font + ' ';
        append_num(out, g.size);
        out += " Tf\n";
        resource = &font;
        size = g.size;
      }
      if (color != g.color) {
        out += colour_operator(g.color, false, colours);
        color = g.color;
      }
      pen = round3(forward);
      if (down) {
        out += g.orientation == GlyphOrientation::sideways ? "0 -1 1 0 " : "1 0 0 1 ";
        append_num(out, frame.x(g.x));
        out += ' ';
        append_num(out, -pen);
      } else {
        out += "1 0 0 1 ";
        append_num(out, pen);
        out += ' ';
        append_num(out, frame.y(g.y));
      }
      out += " Tm\n";
      run = &g;
    }

    // TJ numbers move the pen back by n/1000 of the font size (in vertical
    // mode: down, forward); track what the viewer will compute, so rounding
    // never accumulates along a line.
    const double sense = upright ? -1.0 : 1.0;
    const double adjustment = round3(sense * (pen - forward) * 1000.0 / g.size);

    if (starts_span && !span_holds_marked) {
      // A gap readers would take for a space, where the text has none: one
      // span carrying the glyphs' text keeps copy and search exact.
      tj.flush(out);
      out += actual_text_open(glyphs, i, span_end[i]);
      open_span_end = span_end[i];
    }
    auto mapped = use.text_of_code->find(code);
    const bool actual_text =
        open_span_end == 0 &&
        (g.no_text ||
         (mapped == use.text_of_code->end() ? !g.text.empty() : mapped->second != g.text));
    if (actual_text) {
      tj.flush(out);
      out += "/Span <</ActualText <FEFF" + hex(utf16be(g.text)) + ">>> BDC\n";
    }
    if (adjustment != 0) {
      tj.adjust(adjustment);
      pen -= sense * adjustment * g.size / 1000.0;
    }
    tj.code(code);
    if (actual_text || open_span_end == i + 1) {
      tj.flush(out);
      if (span_holds_marked && marked) out += "EMC\n";  // the last element's, inside the span
      if (span_holds_marked) marked.reset();
      span_holds_marked = false;
      out += "EMC\n";
      open_span_end = 0;
    }
    if (upright) {
      auto vertical = use.subset->vertical_of.find(code);
      const int advance =
          vertical == use.subset->vertical_of.end() ? 1000 : vertical->second.advance;
      pen += advance * g.size / 1000.0;
    } else {
      pen += use.subset->width_of.at(code) * g.size / 1000.0;
    }
  }
  tj.flush(out);
  if (marked) out += "EMC\n";
  out += "ET\n";
  return out;
}

std::string rule_operators(const std::vector<PageRule>& rules, const PageFrame& frame,
                           const ColourOutput& colours, StructureTree* tags) {
  std::string out;
  std::optional<double> width;
  std::optional<Cmyk> color;
  std::optional<int> marked;
  for (const PageRule& r : rules) {
    if (r.width <= 0) continue;
    if (tags && marked != r.element) {
      if (marked) out += "EMC\n";
      out += tags->open(r.element);
      marked = r.element;
    }
    if (width != r.width) {
      append_num(out, r.width);
      out += " w\n";
      width = r.width;
    }
    if (color != r.color) {
      out += colour_operator(r.color, true, colours);
      color = r.color;
    }
    append_num(out, frame.x(r.x0));
    out += ' ';
    append_num(out, frame.y(r.y0));
    out += " m ";
    append_num(out, frame.x(r.x1));
    out += ' ';
    append_num(out, frame.y(r.y1));
    out += " l S\n";
  }
  if (marked) out += "EMC\n";
  return out;
}

std::string box_operators(const std::vector<PageBox>& boxes, const PageFrame& frame,
                          const ColourOutput& colours) {
  std::string out;
  for (const PageBox& box : boxes) {
    if (box.width <= 0 || box.height <= 0) continue;
    const bool stroke = box.stroke_width > 0;
    if (!box.filled && !stroke) continue;
    out += "q ";
    if (box.filled) out += colour_operator(box.fill, false, colours);
    if (stroke) {
      out += colour_operator(box.stroke, true, colours);
      append_num(out, box.stroke_width);
      out += " w ";
    }
    append_num(out, frame.x(box.x));
    out += ' ';
    append_num(out, frame.y(box.y + box.height));
    out += ' ';
    append_num(out, box.width);
    out += ' ';
    append_num(out, box.height);
    out += box.filled && stroke ? " re B Q\n" : box.filled ? " re f Q\n" : " re S Q\n";
  }
  return out;
}

std::string dot_operators(const std::vector<PageDot>& dots, const PageFrame& frame,
                          const ColourOutput& colours) {
  std::string out;
  std::optional<Cmyk> color;
  constexpr double kArc = 0.5523;  // Bezier handle length for a quarter circle
  for (const PageDot& dot : dots) {
    if (dot.radius <= 0) continue;
    if (color != dot.color) {
      out += colour_operator(dot.color, false, colours);
      color = dot.color;
    }
    const double x = frame.x(dot.x), y = frame.y(dot.y), r = dot.radius, h = r * kArc;
    auto point = [&](double px, double py) {
      append_num(out, round3(px));
      out += ' ';
      append_num(out, round3(py));
      out += ' ';
    };
    point(x + r, y);
    out += "m ";
    point(x + r, y + h), point(x + h, y + r), point(x, y + r);
    out += "c ";
    point(x - h, y + r), point(x - r, y + h), point(x - r, y);
    out += "c ";
    point(x - r, y - h), point(x - h, y - r), point(x, y - r);
    out += "c ";
    point(x + h, y - r), point(x + r, y - h), point(x + r, y);
    out += "c f\n";
  }
  return out;
}

std::string image_operators(const PageImage& image, const std::string& resource,
                            const PageFrame& frame) {
  std::string out = "q ";
  append_num(out, image.width);
  out += " 0 0 ";
  append_num(out, image.height);
  out += ' ';
  append_num(out, frame.x(image.x));
  out += ' ';
  append_num(out, frame.y(image.y + image.height));
  out += " cm /" + resource + " Do Q\n";
  return out;
}

}  // namespace paiban::pdf

// write_pdf: Document -> PDF bytes. Order matters: codes are known only
// after subsetting, so fonts are subset first, then pages are written.
#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "paiban/pdf.hpp"
#include "pdf/content_stream.hpp"
#include "pdf/font_embedding.hpp"
#include "pdf/font_subset.hpp"
#include "pdf/hpdf.hpp"
#include "pdf/image_xobject.hpp"
#include "pdf/md5.hpp"
#include "pdf/navigation.hpp"
#include "pdf/pdf_syntax.hpp"
#include "pdf/pdfx.hpp"

#ifndef PAIBAN_VERSION
#define PAIBAN_VERSION "dev"
#endif

namespace paiban {
namespace {

using pdf::HpdfDoc;

// Everything known about one face before any PDF object exists.
struct FaceUsage {
  std::set<uint32_t> glyphs;
  std::map<uint32_t, std::u32string> text_of_glyph;  // first non-empty text seen wins
  pdf::FontSubset subset;
  std::map<uint16_t, std::u32string> text_of_code;
  HPDF_Dict type0 = nullptr;
};

long long document_epoch(const Document& document, const PdfOptions& options) {
  if (options.source_date_epoch) return *options.source_date_epoch;
  const Date& d = document.date;
  if (d.year > 0 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31)
    return pdf::epoch_of_date(d.year, d.month, d.day);
  return 0;  // never the clock: a fixed date keeps the output reproducible
}

// A "uuid:" from 16 hash bytes (RFC 4122 layout, version 3 = name-based MD5).
std::string uuid_from(std::string digest) {
  digest[6] = static_cast<char>((digest[6] & 0x0F) | 0x30);
  digest[8] = static_cast<char>((digest[8] & 0x3F) | 0x80);
  std::string h = pdf::hex(digest);
  for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "uuid:" + h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" +
         h.substr(16, 4) + "-" + h.substr(20);
}

// A PDF name's bytes with #XX for what may not stand in it:
// "PANTONE 185 C" -> PANTONE#20185#20C.
std::string escaped_name(const std::string& name) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : name) {
    if (c > 0x20 && c < 0x7F && std::string_view("()<>[]{}/%#").find(c) == std::string::npos) {
      out += static_cast<char>(c);
    } else {
      out += '#';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

bool is_ascii(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

class Writer {
 public:
  Writer(const Document& document, const FontCache& fonts, const PdfOptions& options)
      : document_(document), fonts_(fonts), options_(options) {}

  std::string run() {
    validate();
    collect_glyphs();
    subset_fonts();
    setup();
    embed_fonts();
    write_pages();
    if (!options_.print)
      for (size_t i = 0; i < pages_.size(); ++i)
        pdf::add_links(doc_, pages_[i], document_.pages[i].links, pages_, frame_);
    pdf::add_outline(doc_, document_.outline, pages_, frame_);
    if (!document_.outline.empty())  // open with the bookmarks shown
      doc_.check(HPDF_SetPageMode(doc_.get(), HPDF_PAGE_MODE_USE_OUTLINE), "setting /PageMode");
    if (!document_.lang.empty() && is_ascii(document_.lang))  // for screen readers and search
      doc_.add(doc_.get()->catalog, "Lang", doc_.new_ascii_string(document_.lang));
    pdf::add_page_labels(doc_, document_.pages);
    if (options_.print) pdf::add_output_intent(doc_, output_profile_);
    write_metadata();
    // No public setter; set last, since some libharu calls raise it on their own.
    doc_.get()->pdf_version = !options_.print                         ? HPDF_VER_15
                              : options_.standard == PdfStandard::x1a ? HPDF_VER_14
                                                                      : HPDF_VER_16;
    std::string bytes = doc_.save();
    for (const auto& [from, to] : name_fixes_)
      if (size_t at = bytes.find(from); at != std::string::npos) bytes.replace(at, from.size(), to);
    return bytes;
  }

 private:
  void validate() const {
    const PageGeometry& g = document_.geometry;
    if (!(g.width > 0 && g.height > 0 && g.bleed >= 0))
      throw std::runtime_error("PDF writer: the page size must be positive");
    if (document_.pages.empty()) throw std::runtime_error("PDF writer: the document has no pages");
  }

  void collect_glyphs() {
    for (const Page& page : document_.pages)
      for (const PageGlyph& g : page.glyphs) {
        FaceUsage& use = faces_[g.face];
        use.glyphs.insert(g.glyph);
        if (!g.text.empty()) use.text_of_glyph.emplace(g.glyph, g.text);
      }
  }

  void subset_fonts() {
    for (auto& [face, use] : faces_) {
      use.subset = pdf::subset_face(fonts_, face, use.glyphs);
      for (const auto& [glyph, text] : use.text_of_glyph)
        use.text_of_code.emplace(use.subset.code_of.at(glyph), text);
      hash_.update(use.subset.tag);
      hash_.update(use.subset.program);
    }
  }

  void setup() {
    HPDF_Doc pdf = doc_.get();
    doc_.check(HPDF_SetCompressionMode(pdf, options_.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE),
               "setting compression");
    frame_ = pdf::page_frame(document_.geometry, options_.print);
    const auto target = !options_.print                         ? pdf::ImageColourTarget::screen
                        : options_.standard == PdfStandard::x1a ? pdf::ImageColourTarget::x1a
                                                                : pdf::ImageColourTarget::x4;
    // The output intent is needed before the images: X-1a converts RGB to it.
    if (options_.print) output_profile_ = pdf::find_cmyk_profile(options_.icc_profile);
    images_.emplace(doc_, target, output_profile_);
    colours_.print = options_.print;
    if (options_.print) make_spot_spaces();
  }

  // Each spot ink as [/Separation /NAME /DeviceCMYK {tint -> CMYK}], a page
  // resource CS0, CS1, ... (on screen spot colours are drawn in their RGB).
  void make_spot_spaces() {
    for (size_t i = 0; i < document_.spots.size(); ++i) {
      const SpotInk& ink = document_.spots[i];
      HPDF_Dict tint = doc_.new_dict(true);
      doc_.add_number(tint, "FunctionType", 2);
      HPDF_Array domain = doc_.new_array();
      doc_.push_number(domain, 0);
      doc_.push_number(domain, 1);
      doc_.add(tint, "Domain", domain);
      HPDF_Array none = doc_.new_array(), full = doc_.new_array();
      for (double v : {ink.c, ink.m, ink.y, ink.k}) {
        doc_.push_number(none, 0);
        doc_.push_real(full, v);
      }
      doc_.add(tint, "C0", none);
      doc_.add(tint, "C1", full);
      doc_.add_number(tint, "N", 1);
      HPDF_Array space = doc_.new_array();
      doc_.push_name(space, "Separation");
      // Debian's libharu 2.3 leaves a space in a name unescaped (and escapes
      // '#'): a placeholder of the escaped name's length stands in the array,
      // and the saved bytes get the escaped name (offsets are unchanged).
      const std::string escaped = escaped_name(ink.name);
      std::string placeholder = escaped;
      if (escaped != ink.name) {
        placeholder = "~~" + std::string(1, static_cast<char>('a' + i % 26)) + std::to_string(i);
        if (placeholder.size() > escaped.size()) placeholder = escaped_name(ink.name);  // rare: keep
        placeholder.resize(escaped.size(), '~');
        if (placeholder != escaped) name_fixes_.push_back({"/Separation /" + placeholder + " ",
                                                           "/Separation /" + escaped + " "});
      }
      doc_.push_name(space, placeholder.c_str());
      doc_.push_name(space, "DeviceCMYK");
      doc_.push(space, tint);
      // Indirect: every page's resources refer to the one array.
      doc_.check(HPDF_Xref_Add(doc_.xref(), space), "adding a colour space");
      spot_spaces_.push_back(space);
      colours_.spot_resources.push_back("CS" + std::to_string(i));
    }
  }

  void add_spot_resources(HPDF_Page page) {
    if (spot_spaces_.empty()) return;
    HPDF_Dict resources =
        static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
    doc_.checked(resources, "finding a page's resources");
    HPDF_Dict spaces = doc_.new_dict(false);
    for (size_t i = 0; i < spot_spaces_.size(); ++i)
      doc_.add(spaces, colours_.spot_resources[i].c_str(), spot_spaces_[i]);
    doc_.add(resources, "ColorSpace", spaces);
  }

  void embed_fonts() {
    for (auto& [face, use] : faces_)
      use.type0 =
          pdf::embed_font(doc_, fonts_.info(face), use.subset, use.text_of_code, options_.compress);
  }

  // The figure's XObject, embedded and decoded once per file. Damage found
  // while decoding is the input's fault: an InputError at its <figure>.
  HPDF_Dict image(const PageImage& placed) {
    try {
      return images_->xobject(placed.facts, hash_);
    } catch (const ImageError& error) {
      throw InputError(placed.where,
                       "image " + placed.facts.path + " cannot be used: " + error.what());
    }
  }

  void write_pages() {
    const PageGeometry& g = document_.geometry;
    const double media_w = g.width + 2 * frame_.trim_x;
    for (const Page& page : document_.pages) {
      HPDF_Page p = doc_.checked(HPDF_AddPage(doc_.get()), "adding a page");
      doc_.add(p, "MediaBox", doc_.box(0, 0, media_w, frame_.media_height));
      if (options_.print) pdf::add_print_boxes(doc_, p, g, frame_);

      add_spot_resources(p);
      std::string ops = pdf::box_operators(page.boxes, frame_, colours_);
      for (const PageImage& im : page.images) {
        HPDF_Dict img = image(im);
        const char* name = doc_.checked(HPDF_Page_GetXObjectName(p, img), "naming an image");
        ops += pdf::image_operators(im, name, frame_);
      }
      ops += pdf::rule_operators(page.rules, frame_, colours_);
      ops += pdf::dot_operators(page.dots, frame_, colours_);
      std::map<FaceId, pdf::FontUse> uses;
      for (const PageGlyph& glyph : page.glyphs) {
        if (uses.count(glyph.face)) continue;
        FaceUsage& face = faces_.at(glyph.face);
        const char* name = doc_.checked(HPDF_Page_GetLocalFontName(p, face.type0), "naming a font");
        uses[glyph.face] = {name, &face.subset, &face.text_of_code};
      }
      ops += pdf::text_operators(page.glyphs, uses, frame_, colours_);
      if (options_.print) ops += pdf::crop_mark_operators(g, frame_);
      // libharu writes nothing for an empty page as a 0-byte Flate stream,
      // which Ghostscript and MuPDF reject: give it a harmless operator pair.
      if (ops.empty()) ops = "q Q\n";
      hash_.update(ops);
      doc_.write_content(p, ops);
      pages_.push_back(p);
    }
  }

  void set_info_text(const char* key, const std::string& value) {
    if (value.empty()) return;
    HPDF_Dict info = doc_.get()->info;
    if (is_ascii(value))
      doc_.add(info, key, doc_.new_ascii_string(value));
    else
      doc_.add(info, key, doc_.new_binary(pdf::text_string_bytes(value)));
  }

  void write_metadata() {
    HPDF_Doc pdf = doc_.get();
    const std::string producer = std::string("paiban ") + PAIBAN_VERSION;
    // The first SetInfoAttr creates the Info dictionary.
    doc_.check(HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, producer.c_str()), "setting /Producer");
    doc_.check(HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "paiban"), "setting /Creator");
    set_info_text("Title", document_.title);
    set_info_text("Author", document_.author);
    set_info_text("Subject", document_.subject);
    const long long epoch = document_epoch(document_, options_);
    const std::string date = pdf::pdf_date(epoch);
    doc_.add(pdf->info, "CreationDate", doc_.new_ascii_string(date));
    doc_.add(pdf->info, "ModDate", doc_.new_ascii_string(date));

    // The file identifier: a hash of what the file shows, so the same input
    // gives the same /ID, and a changed one a new /ID.
    for (const std::string* s : {&document_.title, &document_.author, &document_.subject, &date})
      hash_.update(*s);
    for (const OutlineEntry& e : document_.outline)
      hash_.update(e.title + '\n' + std::to_string(e.page) + ' ' + pdf::num(e.y));
    for (const Page& page : document_.pages)
      for (const PageLink& l : page.links)
        hash_.update(l.uri + ' ' + std::to_string(l.target_page) + ' ' + pdf::num(l.target_y));
    hash_.update(options_.print ? pdf::pdfx_version(options_.standard) : "screen");
    const std::string id = hash_.digest();
    HPDF_Array ids = doc_.new_array();
    doc_.push(ids, doc_.new_binary(id));
    doc_.push(ids, doc_.new_binary(id));
    doc_.add(pdf->trailer, "ID", ids);

    if (!options_.print) return;
    const std::string version = pdf::pdfx_version(options_.standard);
    doc_.add(pdf->info, "GTS_PDFXVersion", doc_.new_ascii_string(version));
    doc_.add_name(pdf->info, "Trapped", "False");
    pdf::XmpFields xmp;
    xmp.title = document_.title.empty() ? "Untitled" : document_.title;
    if (document_.title.empty()) set_info_text("Title", xmp.title);  // X-4 wants a title
    xmp.author = document_.author;
    xmp.subject = document_.subject;
    xmp.producer = producer;
    xmp.creator_tool = "paiban";
    xmp.create_date = xmp.modify_date = pdf::xmp_date(epoch);
    pdf::Md5 doc_id, instance_id;
    doc_id.update("document:" + id);
    instance_id.update("instance:" + id);
    xmp.document_id = uuid_from(doc_id.digest());
    xmp.instance_id = uuid_from(instance_id.digest());
    xmp.pdfx_version = version;
    xmp.standard = options_.standard;
    pdf::add_xmp(doc_, pdf::xmp_packet(xmp));
  }

  const Document& document_;
  const FontCache& fonts_;
  const PdfOptions& options_;
  HpdfDoc doc_;
  pdf::Md5 hash_;
  pdf::PageFrame frame_;
  std::map<FaceId, FaceUsage> faces_;  // ordered: object numbers do not depend on hashing
  std::string output_profile_;  // print: the CMYK output intent's file
  pdf::ColourOutput colours_;
  std::vector<HPDF_Array> spot_spaces_;  // by Cmyk::spot
  std::vector<std::pair<std::string, std::string>> name_fixes_;  // placeholder -> escaped, same length
  std::optional<pdf::ImageEmbedder> images_;
  std::vector<HPDF_Page> pages_;
};

}  // namespace

std::string write_pdf(const Document& document, const FontCache& fonts, const PdfOptions& options) {
  return Writer(document, fonts, options).run();
}

}  // namespace paiban

#include "pdf/pdfx.hpp"

#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <stdexcept>

#include "pdf/flate.hpp"
#include "pdf/pdf_syntax.hpp"

namespace paiban::pdf {

namespace {
constexpr double kMarkGap = 3;      // pt between the bleed box and a crop mark
constexpr double kMarkLength = 12;  // pt
constexpr double kMarkWidth = 0.25;
constexpr double kPaper = 3;  // pt of media beyond the marks

bool is_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}
}  // namespace

double print_margin(const PageGeometry& geometry) {
  return geometry.bleed + kMarkGap + kMarkLength + kPaper;
}

PageFrame page_frame(const PageGeometry& geometry, bool print) {
  PageFrame frame;
  const double margin = print ? print_margin(geometry) : 0;
  frame.media_height = geometry.height + 2 * margin;
  frame.trim_x = frame.trim_y = margin;
  return frame;
}

void add_print_boxes(HpdfDoc& doc, HPDF_Page page, const PageGeometry& geometry,
                     const PageFrame& frame) {
  const double x0 = frame.trim_x, y0 = frame.y(geometry.height);
  const double x1 = x0 + geometry.width, y1 = frame.y(0);
  const double b = geometry.bleed;
  doc.add(page, "TrimBox", doc.box(x0, y0, x1, y1));
  doc.add(page, "BleedBox", doc.box(x0 - b, y0 - b, x1 + b, y1 + b));
}

std::string crop_mark_operators(const PageGeometry& geometry, const PageFrame& frame) {
  const double left = frame.x(0), right = frame.x(geometry.width);
  const double top = frame.y(0), bottom = frame.y(geometry.height);
  const double near = geometry.bleed + kMarkGap, far = near + kMarkLength;
  std::string out = "q\n";
  append_num(out, kMarkWidth);
  out += " w\n0 0 0 1 K\n";
  auto line = [&](double ax, double ay, double bx, double by) {
    append_num(out, ax);
    out += ' ';
    append_num(out, ay);
    out += " m ";
    append_num(out, bx);
    out += ' ';
    append_num(out, by);
    out += " l S\n";
  };
  for (double y : {top, bottom}) {  // horizontal marks on the trim lines
    line(left - far, y, left - near, y);
    line(right + near, y, right + far, y);
  }
  for (double x : {left, right}) {  // vertical marks
    line(x, top + near, x, top + far);
    line(x, bottom - far, x, bottom - near);
  }
  out += "Q\n";
  return out;
}

// The first of `known` that is installed; else `missing` and the paths searched.
template <size_t N>
std::string first_installed(const char* const (&known)[N], const std::string& missing) {
  std::string searched;
  for (const char* path : known) {
    if (is_file(path)) return path;
    searched += std::string("\n  ") + path;
  }
  throw std::runtime_error(missing + searched);
}

std::string find_cmyk_profile(const std::string& requested) {
  if (!requested.empty()) {
    if (!is_file(requested))
      throw std::runtime_error(requested + ": CMYK output profile not found");
    return requested;
  }
  static const char* const known[] = {
      // Debian package texlive-base: FOGRA39L, "free of known copyright restrictions".
      "/usr/share/texlive/texmf-dist/tex/generic/colorprofiles/FOGRA39L_coated.icc",
      "/usr/local/share/texmf/tex/generic/colorprofiles/FOGRA39L_coated.icc",
      // Debian package libgs-common (Ghostscript).
      "/usr/share/color/icc/ghostscript/default_cmyk.icc",
  };
  return first_installed(known,
                         "print mode needs a CMYK output profile and none was found; install "
                         "texlive-base (FOGRA39L_coated.icc) or libgs-common, or name one with "
                         "--icc. Searched:");
}

std::string find_rgb_profile() {
  static const char* const known[] = {
      "/usr/share/color/icc/ghostscript/srgb.icc",                         // libgs-common
      "/usr/share/texlive/texmf-dist/tex/generic/colorprofiles/sRGB.icc",  // texlive-base
  };
  return first_installed(known,
                         "PDF/A on screen needs an sRGB output profile and none was found; "
                         "install libgs-common or texlive-base. Searched:");
}

namespace {

// An output profile's stream data, Flate-compressed once per process: a
// print batch embeds the same profile in every issue, and libharu's own
// loader would store it uncompressed (121 KB for the default CMYK profile,
// 95 KB compressed).
const std::string& compressed_profile(const std::string& bytes) {
  static std::mutex mutex;
  static std::map<std::string, std::string> by_content;  // a profile or two a process
  std::lock_guard lock(mutex);
  auto it = by_content.find(bytes);
  if (it == by_content.end()) it = by_content.emplace(bytes, flate(bytes)).first;
  return it->second;
}

}  // namespace

HPDF_Dict embed_icc_profile(HpdfDoc& doc, const std::string& profile_path, int components) {
  std::ifstream in(profile_path, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  // Check the header before embedding: a profile of the wrong space makes a wrong intent.
  if (bytes.size() < 128)  // shorter than an ICC header: missing, unreadable or not a profile
    throw std::runtime_error(profile_path + ": cannot read the ICC profile");
  const std::string_view space(bytes.data() + 16, 4);
  if (components == 4 && space != "CMYK")
    throw std::runtime_error(profile_path + ": not a CMYK ICC profile");
  if (components == 3 && space != "RGB ")
    throw std::runtime_error(profile_path + ": not an RGB ICC profile");
  HPDF_Dict stream = doc.new_flate_stream(compressed_profile(bytes));
  doc.add_number(stream, "N", components);
  doc.add_name(stream, "Alternate", components == 4 ? "DeviceCMYK" : "DeviceRGB");
  return stream;
}

void add_output_intents(HpdfDoc& doc, HPDF_Dict profile, const std::string& profile_path, bool pdfx,
                        bool pdfa) {
  const bool fogra39 = profile_path.find("FOGRA39") != std::string::npos;
  const bool srgb = profile_path.find("srgb") != std::string::npos ||
                    profile_path.find("sRGB") != std::string::npos;
  HPDF_Array intents = doc.new_array();
  for (const char* subtype : {"GTS_PDFX", "GTS_PDFA1"}) {
    if (std::string_view(subtype) == "GTS_PDFX" ? !pdfx : !pdfa) continue;
    HPDF_Dict intent = doc.new_dict(true);
    doc.add_name(intent, "Type", "OutputIntent");
    doc.add_name(intent, "S", subtype);
    // A registered condition is named by its identifier; anything else is
    // "Custom" and described in /Info.
    doc.add(intent, "OutputConditionIdentifier",
            doc.new_ascii_string(fogra39 ? "FOGRA39"
                                 : srgb  ? "sRGB IEC61966-2.1"
                                         : "Custom"));
    doc.add(intent, "OutputCondition",
            doc.new_ascii_string(fogra39 ? "Coated FOGRA39 (ISO 12647-2:2004)"
                                 : srgb  ? "sRGB IEC61966-2.1 (screen)"
                                         : "CMYK output profile"));
    doc.add(intent, "RegistryName", doc.new_ascii_string("http://www.color.org"));
    std::string name = profile_path.substr(profile_path.find_last_of('/') + 1);
    doc.add(intent, "Info", doc.new_ascii_string(name));
    doc.add(intent, "DestOutputProfile", profile);
    doc.push(intents, intent);
  }
  doc.add(doc.get()->catalog, "OutputIntents", intents);
}

std::string pdfx_version(PdfStandard standard) {
  return standard == PdfStandard::x1a ? "PDF/X-1a:2003" : "PDF/X-4";
}

namespace {

std::string extension_schema(const std::string& name, const std::string& uri,
                             const std::string& prefix, const std::string& property,
                             const std::string& type, const std::string& description) {
  return "<rdf:li rdf:parseType=\"Resource\">\n"
         "<pdfaSchema:schema>" +
         name +
         "</pdfaSchema:schema>\n"
         "<pdfaSchema:namespaceURI>" +
         uri +
         "</pdfaSchema:namespaceURI>\n"
         "<pdfaSchema:prefix>" +
         prefix +
         "</pdfaSchema:prefix>\n"
         "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
         "<pdfaProperty:name>" +
         property +
         "</pdfaProperty:name>\n"
         "<pdfaProperty:valueType>" +
         type +
         "</pdfaProperty:valueType>\n"
         "<pdfaProperty:category>internal</pdfaProperty:category>\n"
         "<pdfaProperty:description>" +
         description +
         "</pdfaProperty:description>\n"
         "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
         "</rdf:li>\n";
}

std::string extension_schemas(const XmpFields& f) {
  std::string x;
  x += "<rdf:Description rdf:about=\"\"\n";
  x += "  xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n";
  x += "  xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n";
  x += "  xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n";
  x += "<pdfaExtension:schemas><rdf:Bag>\n";
  if (f.pdfua)
    x += extension_schema("PDF/UA Universal Accessibility Schema",
                          "http://www.aiim.org/pdfua/ns/id/", "pdfuaid", "part", "Integer",
                          "Indicates, which part of ISO 14289 standard is followed");
  if (!f.pdfx_version.empty()) {
    if (f.standard == PdfStandard::x1a)
      x += extension_schema("PDF/X ID Schema", "http://ns.adobe.com/pdfx/1.3/", "pdfx",
                            "GTS_PDFXVersion", "Text", "ID of PDF/X standard");
    else
      x += extension_schema("PDF/X ID Schema", "http://www.npes.org/pdfx/ns/id/", "pdfxid",
                            "GTS_PDFXVersion", "Text", "ID of PDF/X standard");
  }
  x += "</rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n";
  return x;
}

}  // namespace

std::string xmp_packet(const XmpFields& f) {
  std::string x;
  x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
  x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
  x += "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
  x += "<rdf:Description rdf:about=\"\"\n";
  x += "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
  x += "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n";
  x += "  xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n";
  x += "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n";
  x += "  xmlns:pdfx=\"http://ns.adobe.com/pdfx/1.3/\"\n";
  x += "  xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"\n";
  x += "  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n";
  x += "  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n";
  x += "<dc:format>application/pdf</dc:format>\n";
  x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(f.title) +
       "</rdf:li></rdf:Alt></dc:title>\n";
  if (!f.author.empty())
    x += "<dc:creator><rdf:Seq><rdf:li>" + xml_escape(f.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!f.subject.empty())
    x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(f.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  x += "<xmp:CreateDate>" + f.create_date + "</xmp:CreateDate>\n";
  x += "<xmp:ModifyDate>" + f.modify_date + "</xmp:ModifyDate>\n";
  x += "<xmp:MetadataDate>" + f.modify_date + "</xmp:MetadataDate>\n";
  x += "<xmp:CreatorTool>" + xml_escape(f.creator_tool) + "</xmp:CreatorTool>\n";
  x += "<xmpMM:DocumentID>" + f.document_id + "</xmpMM:DocumentID>\n";
  x += "<xmpMM:InstanceID>" + f.instance_id + "</xmpMM:InstanceID>\n";
  x += "<xmpMM:VersionID>1</xmpMM:VersionID>\n";
  x += "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n";
  x += "<pdf:Producer>" + xml_escape(f.producer) + "</pdf:Producer>\n";
  x += "<pdf:Trapped>False</pdf:Trapped>\n";
  if (!f.pdfx_version.empty()) {
    // X-4 names its version in the pdfxid schema; X-1a:2003 in the older pdfx one.
    if (f.standard == PdfStandard::x1a)
      x += "<pdfx:GTS_PDFXVersion>" + f.pdfx_version + "</pdfx:GTS_PDFXVersion>\n";
    else
      x += "<pdfxid:GTS_PDFXVersion>" + f.pdfx_version + "</pdfxid:GTS_PDFXVersion>\n";
  }
  if (f.pdfa) {
    x += "<pdfaid:part>2</pdfaid:part>\n";
    x += "<pdfaid:conformance>U</pdfaid:conformance>\n";
  }
  if (f.pdfua) x += "<pdfuaid:part>1</pdfuaid:part>\n";
  x += "</rdf:Description>\n";
  // PDF/A admits only the XMP 2005 schemas unless the others are described
  // (ISO 19005-2 6.6.2.3): the PDF/UA and PDF/X identification schemas.
  if (f.pdfa && (f.pdfua || !f.pdfx_version.empty())) x += extension_schemas(f);
  x += "</rdf:RDF>\n</x:xmpmeta>\n";
  // Padding lets an editor update the packet in place, as XMP recommends.
  for (int i = 0; i < 20; ++i) x += std::string(99, ' ') + "\n";
  x += "<?xpacket end=\"w\"?>";
  return x;
}

void add_xmp(HpdfDoc& doc, const std::string& packet) {
  // Uncompressed, so tools that scan for the packet find it.
  HPDF_Dict stream = doc.new_stream(packet, false);
  doc.add_name(stream, "Type", "Metadata");
  doc.add_name(stream, "Subtype", "XML");
  doc.add(doc.get()->catalog, "Metadata", stream);
}

}  // namespace paiban::pdf

// Figures as image XObjects, built from the figure's facts and one decode:
// a JPEG is embedded as it is (DCTDecode) unless its colours must change, a
// PNG as its 8-bit samples (Flate) with the alpha channel as an /SMask.
#pragma once
#include <map>
#include <memory>
#include <string>

#include "paiban/image.hpp"
#include "paiban/pdf.hpp"
#include "pdf/hpdf.hpp"
#include "pdf/md5.hpp"

namespace paiban::pdf {

/// How colours must come out: as the file has them (screen), ICC-based RGB
/// (PDF/X-4: the file's profile, else sRGB), or print colours only
/// (PDF/X-1a: RGB converted to CMYK through the output intent with lcms2,
/// transparency flattened onto white paper).
enum class ImageColourTarget { screen, x4, x1a };

struct EncodedImage;  // a figure's samples as written (image_xobject.cpp)
struct SamplePlan;    // what they become for the colour target (image_xobject.cpp)

class ImageEmbedder {
 public:
  /// `output_profile`: the CMYK output intent's file (x1a only).
  ImageEmbedder(HpdfDoc& doc, ImageColourTarget target, std::string output_profile);

  /// The XObject for a figure file, made on first use (one per file: a
  /// figure used on several pages is embedded once; its encoded samples are
  /// shared with later documents of the process). Feeds the file's bytes
  /// into `hash`. Throws ImageError when the file is damaged.
  HPDF_Dict xobject(const ImageFacts& facts, Md5& hash);

  /// Reads the figure file and encodes its samples now, so that xobject()
  /// later only embeds them: the writer does this while its faces are
  /// subset on other threads. Throws ImageError when the file is damaged.
  void encode_ahead(const ImageFacts& facts);

 private:
  /// A figure file as read and encoded, once per document.
  struct Prepared {
    std::string bytes;
    std::shared_ptr<const EncodedImage> encoded;
  };
  const Prepared& prepare(const ImageFacts& facts);
  HPDF_Dict icc_stream(const std::string& profile, int components);
  HPDF_Dict build(const ImageFacts& facts, Md5& hash);
  /// Decodes, converts (X-1a) and compresses the file's samples.
  std::shared_ptr<const EncodedImage> encode(const ImageFacts& facts, const SamplePlan& plan,
                                             const std::string& bytes) const;

  HpdfDoc& doc_;
  ImageColourTarget target_;
  std::string output_profile_;
  std::map<std::string, HPDF_Dict> by_path_;
  std::map<std::string, Prepared> prepared_;  // by path
  std::map<std::string, HPDF_Dict> icc_by_content_;
};

/// An sRGB ICC profile (IEC 61966-2-1, made by lcms2), the same bytes on
/// every run: PDF/X-4 draws RGB figures without a profile of their own in it.
const std::string& srgb_profile();

}  // namespace paiban::pdf

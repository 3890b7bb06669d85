// Figures as image XObjects, built from the figure's facts and one decode:
// a JPEG is embedded as it is (DCTDecode) unless its colours must change, a
// PNG as its 8-bit samples (Flate) with the alpha channel as an /SMask. A
// picture placed at more pixels per inch than print shows is written with
// fewer (downsampled, as print-shop PDF producers do).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <tuple>

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

/// Above this many pixels per inch at its placed size (on either axis) a
/// picture is downsampled to kDownsampleToPpi: Acrobat Distiller's "Press
/// Quality" rule. 300 ppi is all an offset press at 150-175 lpi can use; the
/// margin up to 450 keeps pictures a little over 300 as they are (resampling
/// them would cost sharpness for little size).
constexpr double kDownsampleAbovePpi = 450;
constexpr double kDownsampleToPpi = 300;

struct PixelSize {
  int width = 0, height = 0;
  bool operator==(const PixelSize&) const = default;
};

/// The pixels a picture is written with when placed width_pt x height_pt:
/// its own when neither axis is above kDownsampleAbovePpi, else
/// kDownsampleToPpi on each axis (rounded up, so never under 300), never more
/// than it has.
PixelSize written_pixels(const ImageFacts& facts, double width_pt, double height_pt);

struct EncodedImage;  // a figure's samples as written (image_xobject.cpp)
struct SamplePlan;    // what they become for the colour target (image_xobject.cpp)

/// What a transparent picture stands on, for PDF/X-1a, which has no
/// transparency: the ink of the filled box wholly under it (0..255 each), or
/// paper (all 0). Elsewhere the picture keeps its alpha as an /SMask.
struct Backdrop {
  uint8_t c = 0, m = 0, y = 0, k = 0;
  bool paper() const { return c == 0 && m == 0 && y == 0 && k == 0; }
  auto operator<=>(const Backdrop&) const = default;
};

class ImageEmbedder {
 public:
  /// `output_profile`: the CMYK output intent's file (x1a only).
  ImageEmbedder(HpdfDoc& doc, ImageColourTarget target, std::string output_profile);

  /// The XObject for a figure file placed width_pt x height_pt, made on
  /// first use: one per file and written_pixels(), so a figure used several
  /// times at one size is embedded once, at two sizes that downsample
  /// differently twice. Its encoded samples are shared with later documents
  /// of the process. Feeds the file's bytes (and the size it is downsampled
  /// to) into `hash`. Throws ImageError when the file is damaged.
  /// `backdrop` matters only to a picture with alpha in X-1a.
  HPDF_Dict xobject(const ImageFacts& facts, double width_pt, double height_pt, Backdrop backdrop,
                    Md5& hash);

  /// Reads the figure file and encodes its samples for that placed size
  /// now, so that xobject() later only embeds them: the writer does this
  /// while its faces are subset on other threads. Throws ImageError when the
  /// file is damaged.
  void encode_ahead(const ImageFacts& facts, double width_pt, double height_pt, Backdrop backdrop);

 private:
  /// A figure file as read (once per document) and encoded for a pixel size.
  struct Prepared {
    std::shared_ptr<const std::string> bytes;
    std::shared_ptr<const EncodedImage> encoded;
  };
  /// One XObject per file, pixel size and backdrop.
  using Key = std::tuple<std::string, int, int, Backdrop>;
  Key key_of(const ImageFacts& facts, PixelSize pixels, Backdrop backdrop) const;
  const Prepared& prepare(const ImageFacts& facts, PixelSize pixels, Backdrop backdrop);
  HPDF_Dict icc_stream(const std::string& profile, int components);
  HPDF_Dict build(const ImageFacts& facts, PixelSize pixels, Backdrop backdrop, Md5& hash);
  /// Decodes, downsamples, converts (X-1a) and compresses the file's samples.
  std::shared_ptr<const EncodedImage> encode(const ImageFacts& facts, const SamplePlan& plan,
                                             const std::string& bytes) const;

  HpdfDoc& doc_;
  ImageColourTarget target_;
  std::string output_profile_;
  std::map<Key, HPDF_Dict> by_key_;
  std::map<Key, Prepared> prepared_;  // by the pixels asked
  std::map<std::string, std::shared_ptr<const std::string>> bytes_by_path_;
  std::map<std::string, HPDF_Dict> icc_by_content_;
};

/// An sRGB ICC profile (IEC 61966-2-1, made by lcms2), the same bytes on
/// every run: PDF/X-4 draws RGB figures without a profile of their own in it.
const std::string& srgb_profile();

}  // namespace paiban::pdf

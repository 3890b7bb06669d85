// Figures: what a PNG or JPEG file is, read once from its header into plain
// facts (at the manifest's <figure>), and its pixels decoded once, row by
// row (by the PDF writer). Nothing else opens a figure file.
#pragma once
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace paiban {

enum class ImageKind { png, jpeg };
/// The colour model of the samples as decoded (a palette PNG is rgb).
enum class ImageColour { gray, rgb, cmyk };

/// What the layout, preflight and the PDF writer need to know about a figure
/// file, without opening it again.
struct ImageFacts {
  std::string path;  ///< the file these facts are of
  ImageKind kind = ImageKind::png;
  int width = 0, height = 0;  ///< pixels
  ImageColour colour = ImageColour::rgb;
  int components = 3;           ///< colour components as decoded: 1, 3 or 4 (no alpha)
  int bits = 8;                 ///< bits per component in the file (decoded to 8)
  bool alpha = false;           ///< an alpha channel or tRNS transparency
  bool palette = false;         ///< PNG colour type 3
  bool interlaced = false;      ///< Adam7 PNG or progressive JPEG
  bool adobe_inverted = false;  ///< CMYK JPEG with an Adobe marker: samples stored inverted
  bool srgb = false;            ///< PNG sRGB chunk: the samples are sRGB
  std::string icc;              ///< the embedded ICC profile when usable (parses, matches), else empty
};

/// A figure that cannot be used; what() says why, without the file name.
class ImageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The largest figure taken, in pixels (a full A4 page at 300 dpi has 9 million).
constexpr unsigned long long kMaxImagePixels = 100'000'000;

/// Reads a PNG or JPEG's header (libpng, libjpeg: any marker order, any
/// header length) into facts. Throws ImageError: not a PNG or JPEG, a
/// damaged header, more than kMaxImagePixels, a JPEG that is not 8-bit.
ImageFacts read_image_facts(const std::string& path);

/// One decoded row: `colour` holds width x components samples (8 bits,
/// CMYK as ink amounts: an Adobe-inverted JPEG is inverted back), `alpha`
/// width samples or null when the image has none.
using ImageRowSink = std::function<void(const uint8_t* colour, const uint8_t* alpha)>;

/// The file's bytes (the PDF writer embeds a JPEG as it is and decodes the
/// same bytes). Throws ImageError when it cannot be read.
std::string read_image_file(const ImageFacts& facts);

/// Decodes the whole image once from the file's `bytes`, top to bottom,
/// handing each row to `sink`. Any damage (a libpng or libjpeg error or
/// warning but stray bytes between JPEG markers), or bytes that no longer
/// match the facts, throws ImageError, possibly after some rows.
void decode_image(const ImageFacts& facts, std::string_view bytes, const ImageRowSink& sink);

/// Throws ImageError where decode_image would, without producing the
/// samples: for a JPEG embedded as it is. A JPEG's every block is still
/// read, at 1/8 scale (a tenth of a full decode's work).
void check_image_whole(const ImageFacts& facts, std::string_view bytes);

/// "DeviceRGB", "DeviceCMYK", "DeviceGray" (with "+alpha"), or "ICCBased
/// RGB" etc. when the file carries a profile: for preflight reports.
std::string describe_colour(const ImageFacts& facts);

}  // namespace paiban

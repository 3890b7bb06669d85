// Figure facts from the file's header: libpng reads up to the first IDAT,
// libjpeg the markers up to the first scan, wherever they lie in the file.
#include <lcms2.h>

#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "image/codec_errors.hpp"
#include "paiban/image.hpp"

namespace paiban {
namespace {

using File = std::unique_ptr<FILE, int (*)(FILE*)>;

void check_pixels(unsigned long long width, unsigned long long height) {
  if (width * height <= kMaxImagePixels) return;
  throw ImageError("it is " + std::to_string(width) + " x " + std::to_string(height) +
                   " pixels; figures may have at most 100 million (a full A4 page at 300 dpi "
                   "has 9 million)");
}

// A profile is kept only when lcms2 parses it and it describes the samples'
// colour model: a wrong one would make a viewer show wrong colours, or fail.
std::string usable_profile(std::string icc, ImageColour colour) {
  if (icc.empty()) return {};
  cmsHPROFILE profile = cmsOpenProfileFromMem(icc.data(), static_cast<cmsUInt32Number>(icc.size()));
  if (!profile) return {};
  const cmsColorSpaceSignature space = cmsGetColorSpace(profile);
  const cmsProfileClassSignature device = cmsGetDeviceClass(profile);
  // It must also convert colours (to Lab): a profile that parses but lacks
  // the tables would fail a PDF/X-1a conversion or a viewer.
  cmsHPROFILE lab = cmsCreateLab4Profile(nullptr);
  const cmsUInt32Number format = space == cmsSigGrayData  ? TYPE_GRAY_8
                                 : space == cmsSigRgbData ? TYPE_RGB_8
                                                          : TYPE_CMYK_8;
  cmsHTRANSFORM transform = lab ? cmsCreateTransform(profile, format, lab, TYPE_Lab_DBL,
                                                     INTENT_RELATIVE_COLORIMETRIC, 0)
                                : nullptr;
  const bool converts = transform != nullptr;
  if (transform) cmsDeleteTransform(transform);
  if (lab) cmsCloseProfile(lab);
  cmsCloseProfile(profile);
  if (!converts) return {};
  const bool matches = (colour == ImageColour::gray && space == cmsSigGrayData) ||
                       (colour == ImageColour::rgb && space == cmsSigRgbData) ||
                       (colour == ImageColour::cmyk && space == cmsSigCmykData);
  const bool usable_class = device == cmsSigInputClass || device == cmsSigDisplayClass ||
                            device == cmsSigOutputClass || device == cmsSigColorSpaceClass;
  return matches && usable_class ? icc : std::string();
}

ImageFacts png_facts(FILE* file, const std::string& path) {
  CodecErrors errors;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &errors, png_error_handler,
                                           png_warning_handler);
  if (!png) throw ImageError("cannot start libpng");
  png_infop info = png_create_info_struct(png);
  ImageFacts facts;
  if (!info || setjmp(errors.jump)) {
    png_destroy_read_struct(&png, &info, nullptr);
    throw ImageError(errors.message.empty() ? "cannot start libpng" : errors.message);
  }
  png_init_io(png, file);
  png_read_info(png, info);
  facts.path = path;
  facts.kind = ImageKind::png;
  facts.width = static_cast<int>(png_get_image_width(png, info));
  facts.height = static_cast<int>(png_get_image_height(png, info));
  const int type = png_get_color_type(png, info);
  facts.bits = png_get_bit_depth(png, info);
  facts.palette = type == PNG_COLOR_TYPE_PALETTE;
  facts.colour = (type & PNG_COLOR_MASK_COLOR) ? ImageColour::rgb : ImageColour::gray;
  facts.components = facts.colour == ImageColour::rgb ? 3 : 1;
  facts.alpha = (type & PNG_COLOR_MASK_ALPHA) || png_get_valid(png, info, PNG_INFO_tRNS);
  facts.interlaced = png_get_interlace_type(png, info) != PNG_INTERLACE_NONE;
  facts.srgb = png_get_valid(png, info, PNG_INFO_sRGB);
  png_charp name = nullptr;
  int compression = 0;
  png_bytep profile = nullptr;
  png_uint_32 length = 0;
  if (png_get_iCCP(png, info, &name, &compression, &profile, &length) && profile)
    facts.icc.assign(reinterpret_cast<const char*>(profile), length);
  png_destroy_read_struct(&png, &info, nullptr);
  facts.icc = usable_profile(std::move(facts.icc), facts.colour);
  return facts;
}

ImageFacts jpeg_facts(FILE* file, const std::string& path) {
  jpeg_decompress_struct jpeg{};
  JpegErrors errors;
  jpeg.err = jpeg_std_error(&errors.manager);
  errors.manager.error_exit = jpeg_error_handler;
  errors.manager.emit_message = jpeg_message_handler;
  ImageFacts facts;
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&jpeg);
    throw ImageError(errors.message);
  }
  jpeg_create_decompress(&jpeg);
  jpeg_stdio_src(&jpeg, file);
  jpeg_save_markers(&jpeg, JPEG_APP0 + 2, 0xFFFF);  // ICC_PROFILE chunks
  jpeg_read_header(&jpeg, TRUE);
  facts.path = path;
  facts.kind = ImageKind::jpeg;
  facts.width = static_cast<int>(jpeg.image_width);
  facts.height = static_cast<int>(jpeg.image_height);
  facts.bits = jpeg.data_precision;
  facts.interlaced = jpeg.progressive_mode;
  facts.components = jpeg.num_components;
  switch (jpeg.jpeg_color_space) {
    case JCS_GRAYSCALE:
      facts.colour = ImageColour::gray;
      break;
    case JCS_CMYK:
    case JCS_YCCK:
      facts.colour = ImageColour::cmyk;
      // Adobe applications write CMYK JPEGs inverted (0 = full ink) and mark them.
      facts.adobe_inverted = jpeg.saw_Adobe_marker;
      break;
    default:
      facts.colour = ImageColour::rgb;
  }
  JOCTET* profile = nullptr;
  unsigned int length = 0;
  if (jpeg_read_icc_profile(&jpeg, &profile, &length) && profile) {
    facts.icc.assign(reinterpret_cast<const char*>(profile), length);
    std::free(profile);
  }
  const int components = jpeg.num_components;
  jpeg_destroy_decompress(&jpeg);
  if (facts.bits != 8)
    throw ImageError("it is a " + std::to_string(facts.bits) +
                     "-bit JPEG; figures must be 8-bit JPEGs (save it as 8-bit)");
  const int expected = facts.colour == ImageColour::gray ? 1 : facts.colour == ImageColour::rgb ? 3 : 4;
  if (components != expected)
    throw ImageError("its JPEG colour space does not match its " + std::to_string(components) +
                     " components");
  facts.icc = usable_profile(std::move(facts.icc), facts.colour);
  return facts;
}

}  // namespace

ImageFacts read_image_facts(const std::string& path) {
  File file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw ImageError("cannot open it");
  unsigned char head[8] = {};
  size_t got = std::fread(head, 1, sizeof head, file.get());
  std::rewind(file.get());
  ImageFacts facts;
  if (got == 8 && png_sig_cmp(head, 0, 8) == 0)
    facts = png_facts(file.get(), path);
  else if (got >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
    facts = jpeg_facts(file.get(), path);
  else
    throw ImageError("not a PNG or JPEG file");
  if (facts.width <= 0 || facts.height <= 0) throw ImageError("it has no pixels");
  check_pixels(static_cast<unsigned>(facts.width), static_cast<unsigned>(facts.height));
  return facts;
}

std::string describe_colour(const ImageFacts& facts) {
  const char* model = facts.colour == ImageColour::gray  ? "Gray"
                      : facts.colour == ImageColour::rgb ? "RGB"
                                                         : "CMYK";
  std::string out = facts.icc.empty() ? std::string("Device") + model
                                      : std::string("ICCBased ") + model;
  if (facts.alpha) out += "+alpha";
  return out;
}

}  // namespace paiban

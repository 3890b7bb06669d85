#include "pdf/image_xobject.hpp"

#include <lcms2.h>

#include <algorithm>
#include <cmath>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "image/downsample.hpp"
#include "pdf/flate.hpp"

namespace paiban::pdf {

// A figure's samples as written: Flate-compressed colour samples and
// /SMask samples (empty without one), `pixels` wide and high; or the JPEG
// file as it is (`samples` empty).
struct EncodedImage {
  std::string samples;
  std::string alpha;
  PixelSize pixels;
  bool jpeg_as_is = false;
};

// What a figure's samples become for a colour target: read by both the
// XObject's dictionary and the encoding of its samples.
struct SamplePlan {
  bool x1a = false;
  bool convert = false;                   // RGB to the output intent's CMYK (PDF/X-1a)
  ImageColour colour = ImageColour::rgb;  // after conversion
  int components = 0;
  bool smask = false;    // alpha as an /SMask
  bool flatten = false;  // alpha flattened onto the backdrop: X-1a has no transparency
  Backdrop backdrop;     // paper, or an ink: then flattened in CMYK, after conversion
  PixelSize pixels;      // asked for: the file's own, or fewer (downsampled)
  bool downsample = false;
  bool pass_through_jpeg = false;  // the JPEG as it is, only checked whole (check_image_whole)
  // A downsampled JPEG is kept as it is when its Flate samples would not be
  // smaller: a JPEG is 5-10x smaller than lossless samples, so only a large
  // reduction pays, and re-encoding it as JPEG would lose quality twice.
  bool jpeg_unless_smaller = false;
};

// "c m y k" of an ink, 0..255 each: in cache keys and the file identifier.
std::string ink_text(Backdrop ink) {
  return std::to_string(ink.c) + ' ' + std::to_string(ink.m) + ' ' + std::to_string(ink.y) + ' ' +
         std::to_string(ink.k);
}

SamplePlan plan_samples(const ImageFacts& facts, ImageColourTarget target, PixelSize pixels,
                        Backdrop backdrop) {
  SamplePlan plan;
  plan.x1a = target == ImageColourTarget::x1a;
  plan.convert = plan.x1a && facts.colour == ImageColour::rgb;
  plan.smask = facts.alpha && !plan.x1a;
  plan.flatten = facts.alpha && plan.x1a;
  if (plan.flatten) plan.backdrop = backdrop;
  // Onto an ink, a grey picture becomes K and is flattened with the ink.
  const bool cmyk = plan.convert || (plan.flatten && !plan.backdrop.paper());
  plan.colour = cmyk ? ImageColour::cmyk : facts.colour;
  plan.components = cmyk ? 4 : facts.components;
  plan.pixels = pixels;
  plan.downsample = pixels != PixelSize{facts.width, facts.height};
  const bool jpeg_kept = facts.kind == ImageKind::jpeg && !plan.convert;
  plan.pass_through_jpeg = jpeg_kept && !plan.downsample;
  plan.jpeg_unless_smaller = jpeg_kept && plan.downsample;
  return plan;
}

PixelSize written_pixels(const ImageFacts& facts, double width_pt, double height_pt) {
  const PixelSize own{facts.width, facts.height};
  if (!(width_pt > 0) || !(height_pt > 0)) return own;
  const double width_in = width_pt / 72, height_in = height_pt / 72;
  if (facts.width / width_in <= kDownsampleAbovePpi &&
      facts.height / height_in <= kDownsampleAbovePpi)
    return own;
  // More than 65535 rows at 300 ppi would be a picture over 5.5 m high:
  // written as it is rather than past what the downsampler takes.
  if (height_in * kDownsampleToPpi > ImageDownsampler::kMaxOutputHeight) return own;
  // Rounded up (less a hair for the arithmetic's noise): never under 300 ppi.
  auto at_target = [](double inches, int own_pixels) {
    const double pixels = std::ceil(inches * kDownsampleToPpi - 1e-6);
    return static_cast<int>(std::clamp(pixels, 1.0, static_cast<double>(own_pixels)));
  };
  return {at_target(width_in, facts.width), at_target(height_in, facts.height)};
}

namespace {

using Profile = std::unique_ptr<void, cmsBool (*)(cmsHPROFILE)>;
using Transform = std::unique_ptr<void, void (*)(cmsHTRANSFORM)>;

Profile open_profile(const std::string& bytes) {
  return Profile(cmsOpenProfileFromMem(bytes.data(), static_cast<cmsUInt32Number>(bytes.size())),
                 &cmsCloseProfile);
}

std::string make_srgb_profile() {
  Profile profile(cmsCreate_sRGBProfile(), &cmsCloseProfile);
  if (!profile) throw std::runtime_error("PDF writer: lcms2 cannot make an sRGB profile");
  // Version 2 profiles are read by every PDF consumer.
  cmsSetProfileVersion(profile.get(), 2.1);
  cmsUInt32Number size = 0;
  if (!cmsSaveProfileToMem(profile.get(), nullptr, &size))
    throw std::runtime_error("PDF writer: lcms2 cannot save the sRGB profile");
  std::string bytes(size, '\0');
  if (!cmsSaveProfileToMem(profile.get(), bytes.data(), &size))
    throw std::runtime_error("PDF writer: lcms2 cannot save the sRGB profile");
  bytes.resize(size);
  // The header's creation date (bytes 24..35) is the clock's: fix it to
  // 2000-01-01 00:00:00 so the profile, and the PDF, are the same every run.
  const unsigned char date[12] = {0x07, 0xD0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0};
  if (bytes.size() > 36) std::copy(date, date + 12, bytes.begin() + 24);
  return bytes;
}

const char* device_space(ImageColour colour) {
  return colour == ImageColour::gray  ? "DeviceGray"
         : colour == ImageColour::rgb ? "DeviceRGB"
                                      : "DeviceCMYK";
}

// Encoded figures shared by the documents of one process: a batch sets the
// same layout pictures (a masthead, a seal) in every issue, and decoding and
// compressing them was a fifth of a batch's work. Keyed by the colour target
// and the file's bytes, so a changed file is a new entry; the least recently
// used entries go beyond kBudget bytes, so memory stays flat in a batch.
class EncodedImageCache {
 public:
  static constexpr size_t kBudget = 16 << 20;

  std::shared_ptr<const EncodedImage> find(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    entries_.splice(entries_.begin(), entries_, it->second);  // most recent first
    return it->second->second;
  }

  void add(const std::string& key, std::shared_ptr<const EncodedImage> image) {
    const size_t cost = key.size() + image->samples.size() + image->alpha.size();
    if (cost > kBudget / 4) return;  // one huge figure must not evict the rest
    std::lock_guard lock(mutex_);
    if (index_.count(key)) return;
    entries_.emplace_front(key, std::move(image));
    index_.emplace(key, entries_.begin());
    used_ += cost;
    while (used_ > kBudget) {
      const auto& [old_key, old] = entries_.back();
      used_ -= old_key.size() + old->samples.size() + old->alpha.size();
      index_.erase(old_key);
      entries_.pop_back();
    }
  }

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const EncodedImage>>;
  std::mutex mutex_;
  std::list<Entry> entries_;
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  size_t used_ = 0;
};

EncodedImageCache& encoded_images() {
  static EncodedImageCache cache;
  return cache;
}

}  // namespace

const std::string& srgb_profile() {
  static const std::string profile = make_srgb_profile();
  return profile;
}

ImageEmbedder::ImageEmbedder(HpdfDoc& doc, ImageColourTarget target, std::string output_profile)
    : doc_(doc), target_(target), output_profile_(std::move(output_profile)) {}

ImageEmbedder::Key ImageEmbedder::key_of(const ImageFacts& facts, PixelSize pixels,
                                         Backdrop backdrop) const {
  // The backdrop tells pictures apart only where they are flattened.
  if (!(facts.alpha && target_ == ImageColourTarget::x1a)) backdrop = {};
  return {facts.path, pixels.width, pixels.height, backdrop};
}

HPDF_Dict ImageEmbedder::xobject(const ImageFacts& facts, double width_pt, double height_pt,
                                 Backdrop backdrop, Md5& hash) {
  const PixelSize asked = written_pixels(facts, width_pt, height_pt);
  const Key key = key_of(facts, asked, backdrop);
  if (auto it = by_key_.find(key); it != by_key_.end()) return it->second;
  return by_key_[key] = build(facts, asked, std::get<3>(key), hash);
}

HPDF_Dict ImageEmbedder::icc_stream(const std::string& profile, int components) {
  if (auto it = icc_by_content_.find(profile); it != icc_by_content_.end()) return it->second;
  HPDF_Dict stream = doc_.new_stream(profile, true);
  doc_.add_number(stream, "N", components);
  icc_by_content_[profile] = stream;
  return stream;
}

void ImageEmbedder::encode_ahead(const ImageFacts& facts, double width_pt, double height_pt,
                                 Backdrop backdrop) {
  const PixelSize pixels = written_pixels(facts, width_pt, height_pt);
  prepare(facts, pixels, std::get<3>(key_of(facts, pixels, backdrop)));
}

const ImageEmbedder::Prepared& ImageEmbedder::prepare(const ImageFacts& facts, PixelSize pixels,
                                                      Backdrop backdrop) {
  const Key at = key_of(facts, pixels, backdrop);
  if (auto it = prepared_.find(at); it != prepared_.end()) return it->second;
  Prepared prepared;
  std::shared_ptr<const std::string>& bytes = bytes_by_path_[facts.path];
  if (!bytes) bytes = std::make_shared<const std::string>(read_image_file(facts));
  prepared.bytes = bytes;
  const SamplePlan plan = plan_samples(facts, target_, pixels, backdrop);
  std::string key = std::to_string(static_cast<int>(target_)) + ' ' +
                    (plan.convert ? output_profile_ : std::string()) + ' ' +
                    std::to_string(pixels.width) + 'x' + std::to_string(pixels.height) + ' ' +
                    ink_text(plan.backdrop) + '\n' + *bytes;
  prepared.encoded = encoded_images().find(key);
  if (!prepared.encoded) {
    prepared.encoded = encode(facts, plan, *bytes);
    encoded_images().add(std::move(key), prepared.encoded);
  }
  return prepared_.emplace(at, std::move(prepared)).first->second;
}

HPDF_Dict ImageEmbedder::build(const ImageFacts& facts, PixelSize pixels, Backdrop backdrop,
                                Md5& hash) {
  const Prepared& prepared = prepare(facts, pixels, backdrop);
  const std::string& bytes = *prepared.bytes;
  const EncodedImage* encoded = prepared.encoded.get();
  const SamplePlan plan = plan_samples(facts, target_, pixels, backdrop);

  // A downsampled JPEG kept as it is: the same XObject as at its own size.
  const PixelSize written = encoded->pixels;
  if (written != pixels) {
    if (auto it = by_key_.find(key_of(facts, written, backdrop)); it != by_key_.end())
      return it->second;
  }

  // The file identifier covers the file and what its samples are made into.
  hash.update(bytes);
  if (plan.convert) hash.update("to CMYK through " + output_profile_);
  if (!plan.backdrop.paper()) hash.update("flattened onto " + ink_text(plan.backdrop));
  if (written != PixelSize{facts.width, facts.height})
    hash.update("downsampled to " + std::to_string(written.width) + "x" +
                std::to_string(written.height));

  HPDF_Dict image;
  if (encoded->jpeg_as_is) {
    image = doc_.new_stream(bytes, false);
    image->filter = HPDF_STREAM_FILTER_DCT_DECODE;  // named by libharu, data as it is
  } else {
    image = doc_.new_flate_stream(encoded->samples);
  }
  doc_.add_name(image, "Type", "XObject");
  doc_.add_name(image, "Subtype", "Image");
  doc_.add_number(image, "Width", written.width);
  doc_.add_number(image, "Height", written.height);
  doc_.add_number(image, "BitsPerComponent", 8);

  // The colour space: the file's own profile when it has one (not in X-1a,
  // which allows device colours only); sRGB for RGB in PDF/X-4.
  std::string profile = plan.x1a ? std::string() : facts.icc;
  if (profile.empty() && target_ == ImageColourTarget::x4 && plan.colour == ImageColour::rgb)
    profile = srgb_profile();
  if (!profile.empty()) {
    HPDF_Array space = doc_.new_array();
    doc_.push_name(space, "ICCBased");
    doc_.push(space, icc_stream(profile, plan.components));
    doc_.add(image, "ColorSpace", space);
  } else {
    doc_.add_name(image, "ColorSpace", device_space(plan.colour));
  }
  if (encoded->jpeg_as_is && facts.adobe_inverted) {
    HPDF_Array decode = doc_.new_array();
    for (int c = 0; c < facts.components; ++c) {
      doc_.push_number(decode, 1);
      doc_.push_number(decode, 0);
    }
    doc_.add(image, "Decode", decode);
  }
  if (plan.smask) {
    HPDF_Dict mask = doc_.new_flate_stream(encoded->alpha);
    doc_.add_name(mask, "Type", "XObject");
    doc_.add_name(mask, "Subtype", "Image");
    doc_.add_number(mask, "Width", written.width);
    doc_.add_number(mask, "Height", written.height);
    doc_.add_number(mask, "BitsPerComponent", 8);
    doc_.add_name(mask, "ColorSpace", "DeviceGray");
    doc_.add(image, "SMask", mask);
  }
  by_key_[key_of(facts, written, backdrop)] = image;
  return image;
}

std::shared_ptr<const EncodedImage> ImageEmbedder::encode(const ImageFacts& facts,
                                                          const SamplePlan& plan,
                                                          const std::string& bytes) const {
  // RGB to the output intent's CMYK (X-1a): from the file's profile, else sRGB.
  Transform transform(nullptr, &cmsDeleteTransform);
  if (plan.convert) {
    Profile output(cmsOpenProfileFromFile(output_profile_.c_str(), "r"), &cmsCloseProfile);
    if (!output)
      throw std::runtime_error("PDF writer: lcms2 cannot read the output profile " +
                               output_profile_);
    // From the file's profile; from sRGB when there is none or it cannot convert.
    for (const std::string* source_bytes : {&facts.icc, &srgb_profile()}) {
      if (source_bytes->empty()) continue;
      Profile source = open_profile(*source_bytes);
      if (source)
        transform.reset(cmsCreateTransform(source.get(), TYPE_RGB_8, output.get(), TYPE_CMYK_8,
                                           INTENT_RELATIVE_COLORIMETRIC,
                                           cmsFLAGS_BLACKPOINTCOMPENSATION));
      if (transform) break;
    }
    if (!transform) throw std::runtime_error("PDF writer: lcms2 cannot convert RGB to CMYK");
  }

  // Rows as written (after downsampling): flattened, converted, gathered.
  const size_t width = static_cast<size_t>(plan.pixels.width);
  const bool onto_ink = plan.flatten && !plan.backdrop.paper();
  std::vector<uint8_t> flat(plan.flatten && !onto_ink ? width * facts.components : 0);
  std::vector<uint8_t> cmyk(plan.components == 4 && facts.components != 4 ? width * 4 : 0);
  const uint8_t ink[4] = {plan.backdrop.c, plan.backdrop.m, plan.backdrop.y, plan.backdrop.k};
  std::string samples, alpha_samples;
  auto take = [&](const uint8_t* colour, const uint8_t* alpha) {
    const uint8_t* row = colour;
    if (plan.flatten && alpha && !onto_ink) {  // over white paper: c' = c a + 255 (1 - a)
      for (size_t x = 0; x < width; ++x)
        for (int c = 0; c < facts.components; ++c) {
          const unsigned a = alpha[x];
          flat[x * facts.components + c] = static_cast<uint8_t>(
              (colour[x * facts.components + c] * a + 255u * (255u - a) + 127u) / 255u);
        }
      row = flat.data();
    }
    if (plan.convert) {
      cmsDoTransform(transform.get(), row, cmyk.data(), static_cast<cmsUInt32Number>(width));
      row = cmyk.data();
    } else if (onto_ink && facts.components == 1) {  // grey as K
      for (size_t x = 0; x < width; ++x) {
        cmyk[x * 4] = cmyk[x * 4 + 1] = cmyk[x * 4 + 2] = 0;
        cmyk[x * 4 + 3] = static_cast<uint8_t>(255 - row[x]);
      }
      row = cmyk.data();
    }
    if (onto_ink && alpha) {  // over the box's ink, ink by ink: v' = v a + ink (1 - a)
      for (size_t x = 0; x < width; ++x)
        for (int c = 0; c < 4; ++c) {
          const unsigned a = alpha[x];
          cmyk[x * 4 + c] =
              static_cast<uint8_t>((row[x * 4 + c] * a + ink[c] * (255u - a) + 127u) / 255u);
        }
      row = cmyk.data();
    }
    samples.append(reinterpret_cast<const char*>(row), width * plan.components);
    if (plan.smask && alpha) alpha_samples.append(reinterpret_cast<const char*>(alpha), width);
  };
  // Downsampled before flattening and conversion: fewer pixels to convert,
  // and averaging with alpha then flattening equals flattening then averaging.
  std::optional<ImageDownsampler> downsampler;
  if (plan.downsample)
    downsampler.emplace(facts.width, facts.height, facts.components, facts.alpha, plan.pixels.width,
                        plan.pixels.height, take);
  auto encoded = std::make_shared<EncodedImage>();
  encoded->pixels = plan.pixels;
  if (plan.pass_through_jpeg) {  // written as it is: only proved whole
    check_image_whole(facts, bytes);
    encoded->jpeg_as_is = true;
    return encoded;
  }
  decode_image(facts, bytes, [&](const uint8_t* colour, const uint8_t* alpha) {
    if (downsampler)
      downsampler->row(colour, alpha);
    else
      take(colour, alpha);
  });

  encoded->samples = flate(samples);
  if (plan.jpeg_unless_smaller && encoded->samples.size() >= bytes.size()) {
    encoded->samples.clear();
    encoded->pixels = {facts.width, facts.height};
    encoded->jpeg_as_is = true;
    return encoded;
  }
  if (plan.smask) encoded->alpha = flate(alpha_samples);
  return encoded;
}

}  // namespace paiban::pdf

// Making a decoded figure smaller by area averaging (a box filter), row by
// row as it is decoded: the PDF writer writes a picture placed at far more
// pixels per inch than print can show with fewer pixels.
#pragma once
#include <cstdint>
#include <vector>

#include "paiban/image.hpp"

namespace paiban {

/// Takes an image's rows (width x height, `components` colour samples a
/// pixel, alpha or not) top to bottom and hands `sink` the rows of the same
/// image out_width x out_height (neither larger than the input's), each
/// output pixel the mean of the input area it covers: input pixels cut by its
/// edges count by the part inside. With alpha, colour is averaged weighted by
/// alpha (premultiplied), so the colour of transparent pixels does not bleed
/// into the visible ones at an edge; a wholly transparent output pixel takes
/// the colour of the nearest visible one before it in its row (else after
/// it; a row with none repeats the row above, black at the top), so a viewer
/// that smooths the colours apart from the mask sees no foreign colour at
/// edges either. Integer arithmetic, exact: the same rows give the same bytes
/// everywhere. Samples are averaged as they are coded (gamma-encoded, ink
/// amounts), as print-shop PDF producers do.
class ImageDownsampler {
 public:
  /// Vertical weights are at most the output height and multiply in 16 bits.
  static constexpr int kMaxOutputHeight = 65535;

  ImageDownsampler(int width, int height, int components, bool alpha, int out_width, int out_height,
                   ImageRowSink sink);

  /// One input row: width x components colour samples, width alpha samples
  /// (null when there is no alpha). Output rows go to the sink as they complete.
  void row(const uint8_t* colour, const uint8_t* alpha);

 private:
  // The input pixels an output column covers: `first` (weight_first) up to
  // `last` (weight_last), those between weighing a whole input pixel.
  struct Columns {
    size_t first = 0, last = 0;
    uint64_t weight_first = 0, weight_last = 0;
  };
  // Where an input row falls: its output row and the weights it gives that
  // one and the next (0 when it lies wholly inside).
  struct RowShare {
    size_t out_row = 0;
    uint64_t weight = 0, weight_next = 0;
  };
  template <size_t C, bool Alpha>
  void take_row(const uint8_t* colour, const uint8_t* alpha);
  template <bool First>
  void add_down(std::vector<uint64_t>& sums, uint64_t weight) const;
  template <size_t C, bool Alpha>
  void average_across();
  template <size_t C>
  void fill_transparent();

  size_t width_, out_width_, out_height_, components_;
  bool alpha_;
  size_t channels_;  // summed per pixel: the colour samples (times alpha), then alpha
  uint64_t total_;   // the weight of one output pixel: width x height
  ImageRowSink sink_;
  std::vector<Columns> columns_;
  std::vector<RowShare> rows_;
  size_t next_row_ = 0;            // input rows taken
  bool started_ = false;           // whether an input row has been added to the current output row
  std::vector<uint16_t> samples_;  // the input row as summed: colour (x alpha), alpha
  // Input rows summed down, full width, for the output row being made and
  // the next (which an input row may share). The first row added to one is
  // assigned: nothing to clear in between.
  std::vector<uint64_t> sums_, next_sums_;
  std::vector<uint8_t> out_colour_, out_alpha_;
  std::vector<uint8_t> visible_;  // per output pixel of the row: anything shows
};

}  // namespace paiban

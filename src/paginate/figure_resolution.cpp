// Whether each placed figure has pixels enough for the output: a picture
// stretched over more paper than its pixels cover prints soft.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "paiban/paginate.hpp"

namespace paiban {

namespace {

std::string mm(double pt) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", pt * 25.4 / 72);
  return buf;
}

}  // namespace

double effective_dpi(const PageImage& image) {
  if (image.width <= 0 || image.height <= 0) return 0;
  // The lesser of the two directions: a picture is as sharp as its softer side.
  return std::min(image.facts.width * 72.0 / image.width, image.facts.height * 72.0 / image.height);
}

void check_figure_resolution(const Document& document, const FigureStyle& figures, bool print,
                             Warnings& warnings) {
  const double least = print ? figures.min_dpi_print : figures.min_dpi_screen;
  for (const Page& page : document.pages) {
    for (const PageImage& image : page.images) {
      if (!image.figure) continue;
      const double dpi = effective_dpi(image);
      if (dpi + 1e-9 >= least) continue;
      const std::string name = std::filesystem::path(image.facts.path).filename().string();
      warnings.push_back(
          {"figure-low-resolution", image.where,
           "figure " + name + " is placed at " + std::to_string(static_cast<int>(std::floor(dpi))) +
               " pixels per inch (" + std::to_string(image.facts.width) + " x " +
               std::to_string(image.facts.height) + " pixels over " + mm(image.width) + " x " +
               mm(image.height) + " mm), under the " + std::to_string(static_cast<int>(least)) +
               " the layout asks for " + (print ? "in print" : "on screen") +
               ": give a larger picture or a smaller width"});
    }
  }
}

}  // namespace paiban

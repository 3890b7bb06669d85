// The job: one manifest in, one PDF's bytes out. Reads like the pipeline:
//   parse -> load layout -> paginate (shape, break, build pages) -> write PDF.
#include "paiban/render.hpp"

#include "paiban/layout.hpp"
#include "paiban/manifest.hpp"
#include "paiban/paginate.hpp"

namespace paiban {

namespace {

// Every file the render reads besides fonts: what a watcher or a batch's
// freshness check must look at.
std::vector<std::string> input_files(const Issue& issue, const Layout& layout) {
  std::vector<std::string> files = {issue.manifest_path, layout.path};
  for (std::string& image : layout_image_files(layout)) files.push_back(std::move(image));
  for (std::string& figure : figure_files(issue)) files.push_back(std::move(figure));
  return files;
}

}  // namespace

RenderResult render_issue(const std::string& manifest_path, FontCache& fonts,
                          const RenderOptions& options) {
  RenderResult result;
  Issue issue = parse_manifest_file(manifest_path, {.allow_outside = options.allow_outside});
  Layout layout = load_layout(issue.layout, manifest_path, issue.layout_where,
                              options.allow_outside, options.layout_path);
  result.inputs = input_files(issue, layout);
  Document document = paginate(issue, layout, fonts, result.warnings);
  check_figure_resolution(document, layout.figures, options.pdf.print, result.warnings);
  if (options.pdf.pdfua)  // --pdfua: a figure a screen reader cannot describe is an error
    for (const Warning& w : result.warnings)
      if (w.code == "figure-without-description")
        throw InputError(w.where, w.message + " (--pdfua)");
  if (options.warnings_as_errors && !result.warnings.empty()) {
    const Warning& first = result.warnings.front();
    throw InputError(first.where, first.message + " (warnings are errors)");
  }
  if (options.saddle_stitch) pad_for_saddle_stitch(document);
  result.pages = static_cast<int>(document.pages.size());
  if (options.preflight != Preflight::none)
    result.preflight =
        preflight_summary(document, fonts, options.pdf, options.preflight == Preflight::json);
  result.pdf = write_pdf(document, fonts, options.pdf);
  return result;
}

RenderResult check_issue(const std::string& manifest_path, FontCache& fonts,
                         const RenderOptions& options) {
  RenderResult result = render_issue(manifest_path, fonts, options);
  result.pdf.clear();
  result.pdf.shrink_to_fit();
  return result;
}

const char* version_string() { return "paiban " PAIBAN_VERSION; }

}  // namespace paiban

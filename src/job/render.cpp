// The job: one manifest in, one PDF's bytes out. Reads like the pipeline:
//   load_job (parse, load layout) -> paginate (shape, break, build pages) -> write PDF.
#include "paiban/render.hpp"

#include "paiban/paginate.hpp"

namespace paiban {

RenderResult render_job(const Job& job, FontCache& fonts, const RenderOptions& options) {
  RenderResult result;
  for (const InputFile& input : job.inputs) result.inputs.push_back(input.path);
  // The threads the writer may use set paragraphs ahead first (one in a
  // batch of several jobs, which keeps the cores busy with issues).
  Document document = paginate(job.issue, job.layout, fonts, result.warnings, options.pdf.threads);
  check_figure_resolution(document, job.layout.figures, options.pdf.print, result.warnings);
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

RenderResult render_issue(const std::string& manifest_path, FontCache& fonts,
                          const RenderOptions& options) {
  return render_job(load_job(manifest_path, options), fonts, options);
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

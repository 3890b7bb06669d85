// The job: one manifest in, one PDF's bytes out. Reads like the pipeline:
//   parse -> load layout -> paginate (shape, break, build pages) -> write PDF.
#include "paiban/render.hpp"

#include "paiban/layout.hpp"
#include "paiban/manifest.hpp"
#include "paiban/paginate.hpp"

namespace paiban {

RenderResult render_issue(const std::string& manifest_path, FontCache& fonts,
                          const RenderOptions& options) {
  RenderResult result;
  Issue issue = parse_manifest_file(manifest_path);
  Layout layout = load_layout(issue.layout, manifest_path, issue.layout_where);
  Document document = paginate(issue, layout, fonts, result.warnings);
  if (options.warnings_as_errors && !result.warnings.empty()) {
    const Warning& first = result.warnings.front();
    throw InputError(first.where, first.message + " (warnings are errors)");
  }
  result.pages = static_cast<int>(document.pages.size());
  result.pdf = write_pdf(document, fonts, options.pdf);
  return result;
}

void check_issue(const std::string& manifest_path) {
  Issue issue = parse_manifest_file(manifest_path);
  load_layout(issue.layout, manifest_path, issue.layout_where);
}

const char* version_string() { return "paiban " PAIBAN_VERSION; }

}  // namespace paiban

// Running headers and footers: templates filled per page.
#pragma once
#include <map>
#include <string>

#include "paginate/typesetter.hpp"
#include "paiban/document.hpp"

namespace paiban {

/// Replaces {name} fields in a template; unknown fields are left as written.
std::string expand_template(const std::string& text,
                            const std::map<std::string, std::string>& fields);

/// Like expand_template, for running heads: the text between two fields is
/// a separator, left out when a field beside it is empty ("{title} · {section}"
/// on a page without a section is "{title}", not "{title} · ").
std::string expand_furniture_template(const std::string& text,
                                      const std::map<std::string, std::string>& fields);

/// Draws the layout's header and footer on the 0-based page `index` with
/// `fields` ({page}, {pages}, {section}, {title}, ...): the verso ones on
/// left-hand pages when the layout has them. `left` is the page's left margin.
void paint_furniture(Page& page, size_t index, Typesetter& setter,
                     const std::map<std::string, std::string>& fields, double left);

}  // namespace paiban

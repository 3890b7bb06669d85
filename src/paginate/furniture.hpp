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

/// Draws the layout's header and footer on `page` with `fields` ({page},
/// {section}, {title}, ...). `left` is the page's left margin.
void paint_furniture(Page& page, Typesetter& setter,
                     const std::map<std::string, std::string>& fields, double left);

}  // namespace paiban

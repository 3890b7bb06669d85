#include "paginate/collect_blocks.hpp"

#include <algorithm>

#include "paginate/page_builder.hpp"
#include "paginate/set_ahead.hpp"
#include "paginate/structure.hpp"

namespace paiban {
namespace {

InlineText as_inline(const std::string& text, const SourceLocation& where) {
  return {InlineRun{.text = text, .where = where}};
}

/// The columns a section's articles are set in: its own count, else the
/// layout's. Columns are for horizontal text: a vertical flow is one column
/// along the vertical measure.
int section_columns(const Section& section, const Typesetter& setter) {
  if (setter.writing_mode() == WritingMode::vertical_rl) return 1;
  return section.columns > 0 ? section.columns : setter.layout().columns.count;
}

/// The articles' headings, subheadings and body paragraphs as the loop below
/// will ask the typesetter for them (the measures and styles it gives
/// them), in flow order: most of pagination's work, set ahead on other
/// threads. One asked for otherwise is simply set when it comes.
std::vector<SetRequest> article_texts(const Issue& issue, Typesetter& setter,
                                      const ColumnGeometry& geometry) {
  std::vector<SetRequest> requests;
  const EngineStyles& styles = setter.styles();
  auto request = [&](const InlineText& text, const TextStyle& style, double measure,
                     double first_indent = 0) {
    requests.push_back({.text = &text,
                        .style = &style,
                        .measure = measure,
                        .first_indent = first_indent,
                        .align = style.align,
                        .mode = setter.writing_mode()});
  };
  const bool headings_span = setter.layout().columns.headings_span;
  for (const Section& section : issue.sections) {
    const int columns = section_columns(section, setter);
    const double measure = geometry.width(columns);
    for (const Article& article : section.articles) {
      request(article.heading, styles.heading,
              headings_span || columns == 1 ? geometry.measure : measure);
      for (const Block& block : article.blocks) {
        if (block.kind == BlockKind::paragraph)
          request(block.text, styles.body, measure,
                  block.indent ? styles.body.first_indent_em * styles.body.size : 0);
        else if (block.kind == BlockKind::subheading)
          request(block.text, styles.subheading, measure);
      }
    }
  }
  return requests;
}

}  // namespace

MainFlow collect_blocks(const Issue& issue, Typesetter& setter, unsigned threads) {
  MainFlow flow;
  StructureBuilder structure(flow.structure);
  flow.cover_element = structure.add("Sect", 0);
  const int contents = structure.add("Sect", 0);
  flow.contents_heading = structure.add("H1", contents);
  flow.toc_element = structure.add("TOC", contents);
  setter.set_structure(&structure);
  const std::string source_label = setter.layout().wording_for(issue.lang).source_label;
  auto& items = flow.items;
  const bool vertical = setter.writing_mode() == WritingMode::vertical_rl;
  ColumnGeometry geometry = column_geometry(setter.layout());
  if (vertical) geometry.measure = setter.measure();
  if (threads > 1) setter.set_ahead(article_texts(issue, setter, geometry), threads - 1);
  const bool headings_span = setter.layout().columns.headings_span;
  auto anchor_here = [&](size_t first_item, const std::string& title, int level,
                         const SourceLocation& where, const SourceText& source = {}) {
    flow.anchors.push_back({title, level, -1, 0, where, source});
    if (first_item < items.size())
      items[first_item].anchors.push_back(int(flow.anchors.size() - 1));
  };
  for (const Section& section : issue.sections) {
    // The section's text in columns; its title, and article headings when
    // the layout says so, span them.
    const int columns = section_columns(section, setter);
    auto in_columns = [&](size_t from) {
      for (size_t k = from; k < items.size(); ++k) items[k].columns = columns;
    };
    setter.set_block_measure(geometry.measure);
    int s = static_cast<int>(flow.section_titles.size());
    flow.section_titles.push_back(section.title);
    const int sect = structure.add("Sect", 0);
    structure.set_parent(sect);
    size_t first = items.size();
    setter.add_paragraph(items, as_inline(section.title, section.where),
                         {.style = setter.styles().section, .section = s});
    // A section title stands at least as far from the text above it as an
    // article heading does, baseline to baseline: it opens a bigger unit.
    if (first < items.size()) {
      const TextStyle& section_style = setter.styles().section;
      const TextStyle& heading_style = setter.styles().heading;
      const double heading_gap = heading_style.space_before + setter.baseline_in_box(heading_style);
      const double section_gap = setter.baseline_in_box(section_style);
      items[first].space_before = std::max(items[first].space_before, heading_gap - section_gap);
    }
    anchor_here(first, section.title, 1, section.where);
    keep_with_next(items);
    for (const Article& article : section.articles) {
      structure.set_parent(structure.add("Art", sect));
      first = items.size();
      const bool heading_spans = headings_span || columns == 1;
      setter.set_block_measure(heading_spans ? geometry.measure : geometry.width(columns));
      setter.add_paragraph(items, article.heading,
                           {.style = setter.styles().heading, .section = s});
      if (!heading_spans) in_columns(first);
      anchor_here(first, plain_text(article.heading), 2,
                  article.heading.empty() ? article.where : article.heading.front().where,
                  article.heading.empty() ? SourceText{} : article.heading.front().source);
      keep_with_next(items);
      // The article's blocks in the section's columns, at the column's
      // width. (A block that spans, e.g. a figure across the columns, would
      // be set at geometry.measure and keep columns = 1: it ends the column
      // set above it and a new one starts below it.)
      setter.set_block_measure(geometry.width(columns));
      for (const Block& block : article.blocks) {
        first = items.size();
        setter.add_block(items, block, s);
        if (block.kind != BlockKind::figure || !figure_spans(block)) in_columns(first);
        if (block.kind == BlockKind::subheading)
          anchor_here(first, plain_text(block.text), 3,
                      block.text.empty() ? block.where : block.text.front().where,
                      block.text.empty() ? SourceText{} : block.text.front().source);
      }
      if (article.source) {
        keep_with_next(items);  // the 来源 line stays with the end of its article
        InlineText source = as_inline(source_label, article.where);
        source.insert(source.end(), article.source->begin(), article.source->end());
        first = items.size();
        setter.add_paragraph(items, source, {.style = setter.styles().source, .section = s});
        in_columns(first);
      }
    }
  }
  // The back matter spans the measure.
  setter.set_block_measure(geometry.measure);
  if (issue.backmatter) {
    structure.set_parent(structure.add("Sect", 0));
    size_t first = items.size();
    int s = static_cast<int>(flow.section_titles.size()) - 1;
    for (const Block& block : *issue.backmatter) setter.add_block(items, block, s);
    if (first < items.size() && setter.layout().backmatter_new_page)
      items[first].page_break_before = true;
  }
  setter.set_structure(nullptr);
  setter.stop_setting_ahead();
  return flow;
}

}  // namespace paiban

// The --report file: JSON, written by hand (no JSON library for one writer).
// Keys in a fixed order and numbers from std::to_chars, so the same batch
// gives the same report apart from its timings.
#include <filesystem>

#include "cli/batch/format.hpp"
#include "common/json.hpp"
#include "paiban/batch.hpp"

namespace paiban {
namespace {

std::string location(const SourceLocation& where) { return json_string(to_string(where)); }

void write_issue(std::string& out, const IssueOutcome& issue, const std::string& output_dir) {
  std::string pdf = (std::filesystem::path(output_dir) / issue.item.output).string();
  out += "    {\"manifest\": " + json_string(issue.item.manifest) +
         ", \"output\": " + json_string(pdf) +
         ",\n     \"status\": " + json_string(to_string(issue.status)) +
         ", \"reason\": " + json_string(issue.reason) +
         ", \"pages\": " + std::to_string(issue.pages) +
         ", \"bytes\": " + std::to_string(issue.bytes) +
         ", \"seconds\": " + batch::fixed(issue.seconds, 3) + ",\n     \"warnings\": [";
  for (size_t i = 0; i < issue.warnings.size(); ++i) {
    const Warning& w = issue.warnings[i];
    out += std::string(i ? ",\n       " : "\n       ") + "{\"code\": " + json_string(w.code) +
           ", \"location\": " + location(w.where) + ", \"message\": " + json_string(w.message) +
           "}";
  }
  out += "],\n     \"errors\": [";
  for (size_t i = 0; i < issue.errors.size(); ++i) {
    const IssueError& e = issue.errors[i];
    out += std::string(i ? ",\n       " : "\n       ") + "{\"location\": " + location(e.where) +
           ", \"message\": " + json_string(e.message) +
           ", \"internal\": " + (e.internal ? "true" : "false") + "}";
  }
  out += "]}";
}

}  // namespace

std::string batch_report_json(const BatchSummary& summary, const BatchOptions& options,
                              Shard shard) {
  std::string out = "{\n";
  out += "  \"program\": " + json_string(version_string()) + ",\n";
  out += "  \"output_dir\": " + json_string(options.output_dir) + ",\n";
  out += "  \"shard\": " +
         json_string(std::to_string(shard.index) + "/" + std::to_string(shard.count)) + ",\n";
  out += "  \"force\": " + std::string(options.force ? "true" : "false") + ",\n";
  out += "  \"jobs\": " + std::to_string(summary.jobs) + ",\n";
  out += "  \"seconds\": " + batch::fixed(summary.seconds, 3) + ",\n";
  out += "  \"counts\": {\"total\": " + std::to_string(summary.issues.size()) +
         ", \"rendered\": " + std::to_string(summary.count(IssueStatus::rendered)) +
         ", \"skipped\": " + std::to_string(summary.count(IssueStatus::skipped)) +
         ", \"failed\": " + std::to_string(summary.count(IssueStatus::failed)) +
         ", \"warnings\": " + std::to_string(summary.warning_count()) + "},\n";
  out += "  \"issues\": [";
  for (size_t i = 0; i < summary.issues.size(); ++i) {
    out += i ? ",\n" : "\n";
    write_issue(out, summary.issues[i], options.output_dir);
  }
  out += summary.issues.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace paiban

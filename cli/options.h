// The command line of chronik: which command, on what input, in which format.
#ifndef CHRONIK_CLI_OPTIONS_H_
#define CHRONIK_CLI_OPTIONS_H_

#include <optional>
#include <string>
#include <vector>

#include "chronik/document.h"
#include "chronik/format.h"
#include "chronik/timeline_export.h"

namespace chronik::cli {

enum class Command { extract, timeline, eval, grammar_check, help, version };
enum class InputFormat { text, jsonl, extracted };

struct Options {
  Command command = Command::help;
  std::vector<std::string> files;  // "-" is standard input
  std::optional<DocumentDate> dct;
  DocType doc_type = DocType::news;
  InputFormat input_format = InputFormat::text;
  std::optional<Format> format;                   // default: table on a terminal, jsonl otherwise
  std::optional<TimelineFormat> timeline_format;  // timeline --format; default table
  Detail detail = Detail::basic;                  // extract --explain: Detail::explained
  std::string output;                             // --output FILE; empty: standard output
  bool excel = false;                             // timeline csv for Excel: BOM and ';'
  std::string grammar_dir;                        // empty: the built-in grammar
  // timeline: what cannot be placed on the calendar, listed after the ordered entries
  bool include_durations = false;
  bool include_sets = false;
  bool include_undated = false;
  int threads = 1;        // extract: documents processed at once (the CLI default: cores)
  bool progress = false;  // a progress line on standard error (else only on a terminal)
  // eval
  std::string gold;    // the gold standard, JSON Lines with "timex"
  std::string system;  // a system's output in the same format; empty: tag the gold texts
  bool errors = false;
  bool by_subset = false;
  std::string help;  // the text to print for Command::help
};

// Exit codes of the chronik command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailedDocuments = 1;
inline constexpr int kExitUsage = 2;

// Parses argv. On a usage error returns false with a one-line *error.
bool parse_options(int argc, const char* const* argv, Options* options, std::string* error);

}  // namespace chronik::cli

#endif  // CHRONIK_CLI_OPTIONS_H_

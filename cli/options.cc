#include "options.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <sstream>

#include "pipeline.h"

namespace chronik::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: chronik extract  [options] [FILE...]   temporal expressions, one per row\n"
    "       chronik timeline [options] [FILE...]   dated events in chronological order\n"
    "       chronik eval --gold GOLD.jsonl [--system SYSTEM.jsonl] [--errors] [--by-subset]\n"
    "                                              TempEval-3-style scores against a gold "
    "standard\n"
    "       chronik grammar check [DIR]            run a grammar's examples (default: built-in)\n"
    "       chronik --version\n"
    "Files are read as one document each, or as JSON Lines; none or - reads standard input.\n";

po::options_description input_options() {
  po::options_description d("options");
  d.add_options()(
      "dct", po::value<std::string>(),
      "document date YYYY, YYYY-MM or YYYY-MM-DD for every document (else a 'date ...' header "
      "line, or the JSON field)")("doc-type", po::value<std::string>()->default_value("news"),
                                  "news or narrative")(
      "input-format", po::value<std::string>()->default_value("text"),
      "text (a file is a document), jsonl (a line is a document: id, dct, text) or, for "
      "timeline, extracted (what extract --format documents writes)")(
      "format", po::value<std::string>(),
      "jsonl, csv, timeml, table or documents (one line per document, expressions nested) "
      "(default: table on a terminal, else jsonl); timeline: table (default), jsonl, csv, sqlite, "
      "html, markdown or timelinejs")("output,o", po::value<std::string>(),
                                      "write to FILE instead of standard output")(
      "explain",
      "extract: add how each value was resolved: rule, anchor, direction and the word that "
      "decided it")("excel", "timeline csv for Excel: UTF-8 byte-order mark and ';' separators")(
      "grammar", po::value<std::string>(), "load the grammar from DIR instead of the built-in one")(
      "threads", po::value<int>(),
      "extract: documents processed at once (default: the number of cores); the output is the "
      "same")("progress", "a progress line on standard error (default: when it is a terminal)")(
      "help,h", "show this help");
  return d;
}

bool read_output_values(const po::variables_map& vm, Options* o, std::string* error) {
  if (vm.count("output")) o->output = vm["output"].as<std::string>();
  o->excel = vm.count("excel") > 0;
  if (o->excel && o->timeline_format != TimelineFormat::csv) {
    *error = "--excel goes with 'timeline --format csv'";
    return false;
  }
  if (o->timeline_format == TimelineFormat::sqlite && o->output.empty()) {
    *error = "--format sqlite needs --output FILE (the database to create or update)";
    return false;
  }
  return true;
}

bool read_values(const po::variables_map& vm, Options* o, std::string* error) {
  if (vm.count("dct")) {
    o->dct = DocumentDate::parse(vm["dct"].as<std::string>());
    if (!o->dct) {
      *error =
          "--dct must be YYYY, YYYY-MM or YYYY-MM-DD, got '" + vm["dct"].as<std::string>() + "'";
      return false;
    }
  }
  auto doc_type = parse_doc_type(vm["doc-type"].as<std::string>());
  if (!doc_type) {
    *error = "--doc-type must be news or narrative";
    return false;
  }
  o->doc_type = *doc_type;
  const std::string& input = vm["input-format"].as<std::string>();
  if (input == "extracted" && o->command == Command::timeline) {
    o->input_format = InputFormat::extracted;
  } else if (input == "text" || input == "jsonl") {
    o->input_format = input == "jsonl" ? InputFormat::jsonl : InputFormat::text;
  } else {
    *error = o->command == Command::timeline ? "--input-format must be text, jsonl or extracted"
                                             : "--input-format must be text or jsonl";
    return false;
  }
  if (vm.count("format") && o->command == Command::timeline) {
    o->timeline_format = parse_timeline_format(vm["format"].as<std::string>());
    if (!o->timeline_format) {
      *error = "--format must be table, jsonl, csv, sqlite, html, markdown or timelinejs";
      return false;
    }
  } else if (vm.count("format")) {
    o->format = parse_format(vm["format"].as<std::string>());
    if (!o->format) {
      *error = "--format must be jsonl, csv, timeml, table or documents";
      return false;
    }
  }
  if (vm.count("explain")) {
    bool rows = !o->format || *o->format == Format::jsonl || *o->format == Format::csv ||
                *o->format == Format::table;
    if (o->command != Command::extract || !rows) {
      *error = "--explain goes with extract, in jsonl, csv or table";
      return false;
    }
    o->detail = Detail::explained;
  }
  if (!read_output_values(vm, o, error)) return false;
  if (vm.count("grammar")) o->grammar_dir = vm["grammar"].as<std::string>();
  o->threads = vm.count("threads") ? vm["threads"].as<int>() : default_threads();
  if (o->threads < 1) {
    *error = "--threads must be at least 1";
    return false;
  }
  o->progress = vm.count("progress") > 0;
  if (vm.count("files")) o->files = vm["files"].as<std::vector<std::string>>();
  if (std::count(o->files.begin(), o->files.end(), "-") > 1) {
    *error = "standard input ('-') can be read only once";
    return false;
  }
  return true;
}

po::options_description eval_options() {
  po::options_description d("eval options");
  d.add_options()("gold", po::value<std::string>(),
                  "gold standard: JSON Lines {id, dct, text, timex: [...]}")(
      "system", po::value<std::string>(),
      "a system's output in the same format (default: chronik tags the gold texts)")(
      "errors", "list every miss, spurious expression and wrong value with its context")(
      "by-subset", "scores for each value of the documents' \"subset\" field");
  return d;
}

bool read_eval_values(const po::variables_map& vm, Options* o, std::string* error) {
  if (!vm.count("gold")) {
    *error = "eval needs --gold FILE";
    return false;
  }
  if (vm.count("files")) {
    *error = "eval reads no other files than --gold and --system";
    return false;
  }
  // The gold standard and the system output are always JSON Lines; the report is text.
  for (const char* option : {"input-format", "format"}) {
    if (vm.count(option) && !vm[option].defaulted()) {
      *error = std::string("eval takes no --") + option + " (it reads JSON Lines, writes a report)";
      return false;
    }
  }
  o->gold = vm["gold"].as<std::string>();
  if (vm.count("system")) o->system = vm["system"].as<std::string>();
  o->errors = vm.count("errors") > 0;
  o->by_subset = vm.count("by-subset") > 0;
  return true;
}

po::options_description timeline_options() {
  po::options_description d("timeline options");
  d.add_options()("include", po::value<std::string>(),
                  "also list what cannot be placed on the calendar, after the ordered entries "
                  "(timelinejs leaves them out): durations, sets, undated, or several joined by "
                  "commas");
  return d;
}

bool read_timeline_values(const po::variables_map& vm, Options* o, std::string* error) {
  if (!vm.count("include")) return true;
  std::stringstream list(vm["include"].as<std::string>());
  std::string item;
  while (std::getline(list, item, ',')) {
    if (item == "durations") {
      o->include_durations = true;
    } else if (item == "sets") {
      o->include_sets = true;
    } else if (item == "undated") {
      o->include_undated = true;
    } else {
      *error = "--include takes durations, sets and undated, joined by commas; got '" + item + "'";
      return false;
    }
  }
  return true;
}

std::string help_text(const po::options_description& d) {
  std::ostringstream s;
  s << kUsage << "\n" << d;
  return s.str();
}

bool parse_command(int argc, const char* const* argv, Options* o, std::string* error) {
  po::options_description visible = input_options();
  if (o->command == Command::eval) visible.add(eval_options());
  if (o->command == Command::timeline) visible.add(timeline_options());
  po::options_description all;
  all.add(visible).add_options()("files", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("files", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    *error = e.what();
    return false;
  }
  if (vm.count("help")) {
    o->command = Command::help;
    o->help = help_text(visible);
    return true;
  }
  if (!read_values(vm, o, error)) return false;
  if (o->command == Command::timeline && !read_timeline_values(vm, o, error)) return false;
  return o->command != Command::eval || read_eval_values(vm, o, error);
}

}  // namespace

bool parse_options(int argc, const char* const* argv, Options* o, std::string* error) {
  if (argc < 2) {
    *error = "expected a command: extract, timeline, eval or grammar check";
    return false;
  }
  std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    o->help = help_text(input_options());
    return true;
  }
  if (command == "--version") {
    o->command = Command::version;
    return true;
  }
  if (command == "grammar") {
    if (argc == 4 && (std::string(argv[3]) == "--help" || std::string(argv[3]) == "-h")) {
      o->help = help_text(input_options());
      return true;
    }
    // No options: a DIR that starts with "-" is one given by mistake ("--format jsonl").
    if (argc < 3 || std::string(argv[2]) != "check" || argc > 4 ||
        (argc == 4 && argv[3][0] == '-')) {
      *error = "expected 'chronik grammar check [DIR]'";
      return false;
    }
    o->command = Command::grammar_check;
    if (argc == 4) o->grammar_dir = argv[3];
    return true;
  }
  if (command == "extract") {
    o->command = Command::extract;
  } else if (command == "timeline") {
    o->command = Command::timeline;
  } else if (command == "eval") {
    o->command = Command::eval;
  } else {
    *error = "unknown command '" + command + "'";
    return false;
  }
  return parse_command(argc - 1, argv + 1, o, error);
}

}  // namespace chronik::cli

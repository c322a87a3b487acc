#include "run.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <utility>

#include "chronik/check.h"
#include "chronik/engine.h"
#include "chronik/eval.h"
#include "chronik/events.h"
#include "chronik/format.h"
#include "chronik/jsonl.h"
#include "chronik/timeline.h"
#include "chronik/timeline_export.h"
#include "extracted.h"
#include "input.h"
#include "pipeline.h"

namespace chronik::cli {
namespace {

bool load_engine(const std::string& dir, std::unique_ptr<Engine>* engine) {
  std::vector<GrammarFile> files;
  std::string error;
  if (!dir.empty() && !read_grammar_directory(dir, &files, &error)) {
    report("grammar", error);
    return false;
  }
  *engine = std::make_unique<Engine>(dir.empty() ? builtin_grammar() : files);
  if (!(*engine)->ok()) {
    report("grammar", (*engine)->error());
    return false;
  }
  return true;
}

Format output_format(const Options& options) {
  if (options.format) return *options.format;
  if (options.command == Command::timeline) return Format::table;
  return isatty(STDOUT_FILENO) && options.output.empty() ? Format::table : Format::jsonl;
}

// An error record where the failed document's rows would have been: in jsonl
// {"doc": ID, "error": REASON}, in a table a line "== ID: error: REASON". CSV and TimeML readers
// expect only rows and documents, so those formats have the error on standard error alone.
void write_failure(Format format, const std::string& id, const std::string& reason,
                   std::string* out) {
  if (format == Format::jsonl) {
    out->append("{\"doc\":");
    append_json_string(id, out);
    out->append(",\"error\":");
    append_json_string(reason, out);
    out->append("}\n");
  } else if (format == Format::table) {
    out->append("== " + id + ": error: " + reason + "\n");
  }
}

// Writes the rows of one document in `format`.
void write_rows(Format format, Detail detail, const Document& doc, const std::vector<Timex>& found,
                std::string* out) {
  switch (format) {
    case Format::jsonl:
      write_jsonl(doc, found, out, detail);
      break;
    case Format::csv:
      write_csv(doc, found, out, detail);
      break;
    case Format::timeml:
      write_timeml(doc, found, out);
      break;
    case Format::table:
      write_table(doc, found, out, detail);
      break;
    case Format::documents:
      write_documents(doc, found, out);
      break;
  }
}

// extract on options.threads threads: the same output, in the same order, as on one.
int extract_parallel(const Options& options, const Engine& engine, Format format, Output& out) {
  auto scan = [&](PipelineItem& item) { item.scan = engine.scan(item.doc); };
  auto finish = [&](PipelineItem& item) {
    thread_local std::vector<Timex> found;
    found.clear();
    engine.finish(item.doc, item.scan, &found);
    write_rows(format, options.detail, item.doc, found, &item.output);
  };
  Reader* reading = nullptr;
  auto deliver = [&](PipelineItem& item) {
    if (item.error.empty()) {
      out.buffer()->append(item.output);
    } else {
      reading->tally().fail(item.where, item.error);
      write_failure(format, item.doc.id, item.error, out.buffer());
    }
    out.maybe_flush();
  };
  Pipeline pipeline(options.threads, scan, finish, deliver);
  auto handle = [&](Document& doc) { pipeline.add(std::move(doc), reading->where()); };
  auto fail = [&](const std::string& id, const std::string& reason) {
    pipeline.add_ordered([&out, format, id, reason] {
      write_failure(format, id, reason, out.buffer());
      out.maybe_flush();
    });
  };
  Reader reader(options, handle, fail);
  reading = &reader;
  reader.read_all();
  pipeline.finish();
  bool written = out.finish();
  reader.tally().summarize();
  return reader.tally().failed() > 0 || !written ? kExitFailedDocuments : kExitOk;
}

int extract(const Options& options, const Engine& engine) {
  Output out(options.output);
  if (!out.opened()) return kExitFailedDocuments;
  Format format = output_format(options);
  if (format == Format::csv) write_csv_header(out.buffer(), options.detail);
  // One text document gains nothing from threads: its two steps would run one after the other.
  bool many_documents = options.input_format != InputFormat::text || options.files.size() > 1;
  if (options.threads > 1 && many_documents) {
    return extract_parallel(options, engine, format, out);
  }
  std::vector<Timex> found;
  auto handle = [&](const Document& doc) {
    std::size_t mark = out.buffer()->size();
    try {
      found.clear();
      engine.extract(doc, &found);
      write_rows(format, options.detail, doc, found, out.buffer());
    } catch (...) {
      out.buffer()->resize(mark);  // no half-written document
      throw;
    }
    out.maybe_flush();
  };
  auto fail = [&](const std::string& id, const std::string& reason) {
    write_failure(format, id, reason, out.buffer());
    out.maybe_flush();
  };
  Reader reader(options, handle, fail);
  reader.read_all();
  bool written = out.finish();
  reader.tally().summarize();
  return reader.tally().failed() > 0 || !written ? kExitFailedDocuments : kExitOk;
}

int timeline(const Options& options, const Engine& engine) {
  TimelineFormat format = options.timeline_format.value_or(TimelineFormat::table);
  bool database = format == TimelineFormat::sqlite;
  std::optional<Output> out;
  if (!database && !out.emplace(options.output).opened()) return kExitFailedDocuments;
  SentenceSplitter splitter(engine.abbreviations());
  EventFinder events(engine);
  TimelineOptions timeline_options{.durations = options.include_durations,
                                   .sets = options.include_sets,
                                   .undated = options.include_undated,
                                   .events = &events};
  std::vector<TimelineEntry> entries;
  std::vector<TimelineDocument> documents;
  std::size_t index = 0;
  const Reader* reading = nullptr;
  Reader reader(options, [&](const Document& doc) {
    std::size_t mark = entries.size();
    try {
      bool extracted = options.input_format == InputFormat::extracted;
      add_timeline_entries(index++, doc, extracted ? reading->extracted() : engine.extract(doc),
                           splitter, timeline_options, &entries);
    } catch (...) {
      entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(mark), entries.end());
      throw;
    }
    documents.push_back({doc.id, doc.date, doc.type});
  });
  reading = &reader;
  reader.read_all();
  sort_timeline(&entries);
  merge_timeline(&entries);
  bool written = true;
  std::string error;
  if (database && !write_timeline_sqlite(options.output, documents, entries, &error)) {
    std::fprintf(stderr, "chronik: %s\n", error.c_str());
    written = false;
  } else if (!database) {
    write_timeline_as(entries, format, options.excel ? kExcelCsv : CsvStyle{}, out->buffer());
    written = out->finish();
  }
  reader.tally().summarize();
  return reader.tally().failed() > 0 || !written ? kExitFailedDocuments : kExitOk;
}

// Reads a file of annotated documents; reports and counts the lines that are not.
std::vector<AnnotatedDocument> read_annotated(const std::string& path, Tally* tally) {
  std::vector<AnnotatedDocument> docs;
  std::string name = path;
  repair_utf8(&name);
  std::ifstream file;
  std::string error;
  std::istream* in = open_input(path, &file, &error);
  if (!in) {
    tally->add();
    tally->fail(name, "cannot read: " + error);
    return docs;
  }
  JsonlReader reader;
  std::string line;
  for (int number = 1; std::getline(*in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    tally->add();
    std::string where = name + ":" + std::to_string(number);
    AnnotatedDocument doc;
    if (std::string problem = reader.read_annotated(line, where, &doc); !problem.empty()) {
      tally->fail(where, problem);
      continue;
    }
    if (reader.repaired()) tally->repaired(where, doc.doc.id);
    docs.push_back(std::move(doc));
  }
  if (in->bad()) {
    tally->add();
    tally->fail(name, "cannot read");
  }
  return docs;
}

int eval(const Options& options, const Engine& engine) {
  Tally tally;
  std::vector<AnnotatedDocument> gold = read_annotated(options.gold, &tally);
  std::map<std::string, std::vector<Annotation>> system;
  if (!options.system.empty()) {
    for (AnnotatedDocument& doc : read_annotated(options.system, &tally)) {
      system[doc.doc.id] = std::move(doc.timex);
    }
  }
  Scorer scorer;
  for (AnnotatedDocument& doc : gold) {
    doc.doc.type = options.doc_type;
    if (options.dct) doc.doc.date = options.dct;
    std::vector<Annotation> found;
    if (options.system.empty()) {
      try {
        for (const Timex& t : engine.extract(doc.doc)) found.push_back(annotation_of(t));
      } catch (const std::exception& e) {
        tally.fail(doc.doc.id, std::string("internal error: ") + e.what());
        continue;
      }
    } else if (auto it = system.find(doc.doc.id); it != system.end()) {
      found = it->second;
    }
    scorer.add(doc, found);
  }
  Output out(options.output);
  if (!out.opened()) return kExitFailedDocuments;
  write_report(scorer, {options.by_subset, options.errors}, out.buffer());
  bool written = out.finish();
  tally.summarize();
  return tally.failed() > 0 || !written ? kExitFailedDocuments : kExitOk;
}

// Problems in the order of the grammar's files, then by line.
void sort_problems(const std::vector<GrammarFile>& files, std::vector<GrammarProblem>* problems) {
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < files.size(); ++i) position.emplace(files[i].path, i);
  auto key = [&](const GrammarProblem& p) {
    auto it = position.find(p.file);
    return std::pair(it == position.end() ? files.size() : it->second, p.line);
  };
  std::stable_sort(
      problems->begin(), problems->end(),
      [&](const GrammarProblem& a, const GrammarProblem& b) { return key(a) < key(b); });
}

// Lints the grammar, compiles it and runs its examples; prints every problem as
// "file:line: rule ID: message" and a summary line.
int grammar_check(const Options& options) {
  std::vector<GrammarFile> directory;
  if (!options.grammar_dir.empty()) {
    std::string error;
    if (!read_grammar_directory(options.grammar_dir, &directory, &error)) {
      report("grammar", error);
      return kExitFailedDocuments;
    }
  }
  const std::vector<GrammarFile>& files =
      options.grammar_dir.empty() ? builtin_grammar() : directory;
  std::vector<GrammarProblem> problems = lint_grammar(files);
  Engine engine(files);
  if (engine.ok()) {
    for (GrammarProblem& p : check_grammar(engine)) problems.push_back(std::move(p));
  }
  sort_problems(files, &problems);
  std::size_t count = problems.size();
  if (!engine.ok()) {
    std::printf("%s\n", engine.error().c_str());
    ++count;
  }
  for (const GrammarProblem& p : problems) std::printf("%s\n", p.str().c_str());
  if (engine.ok()) {
    std::size_t examples = 0;
    for (const Rule& rule : engine.rules()) examples += rule.examples.size();
    std::printf("%zu rules, %zu examples, %zu problems\n", engine.rules().size(), examples, count);
  } else {
    std::printf("the grammar does not compile, %zu problems\n", count);
  }
  return count == 0 ? kExitOk : kExitFailedDocuments;
}

}  // namespace

int run(const Options& options) {
  switch (options.command) {
    case Command::help:
      std::fputs(options.help.c_str(), stdout);
      return kExitOk;
    case Command::version:
      std::puts("chronik 0.1.0");
      return kExitOk;
    case Command::grammar_check:
      return grammar_check(options);
    default:
      break;
  }
  std::unique_ptr<Engine> engine;
  if (!load_engine(options.grammar_dir, &engine)) return kExitUsage;
  std::ios::sync_with_stdio(false);
  switch (options.command) {
    case Command::timeline:
      return timeline(options, *engine);
    case Command::eval:
      return eval(options, *engine);
    default:
      return extract(options, *engine);
  }
}

}  // namespace chronik::cli

// Micro-benchmarks of the engine's parts, with Google Benchmark (Debian's libbenchmark-dev; built
// only when it is installed). The text is the sample articles of samples/ repeated to 256 KB, so
// the figures are for automata already built (warm): the cold start over a real corpus is what
// bench/throughput.sh measures.
//
//   build/chronik_micro_bench                          all of them
//   build/chronik_micro_bench --benchmark_filter=Scan  one
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "chronik/engine.h"
#include "chronik/grammar.h"
#include "grammar_parser.h"
#include "matcher.h"
#include "normalizer.h"
#include "scan_prefix.h"

namespace chronik {
namespace {

constexpr std::size_t kTextBytes = 256 << 10;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The sample articles, one after another, repeated to kTextBytes.
const std::string& sample_text() {
  static const std::string text = [] {
    std::string one;
    for (const char* name :
         {"softbank-ki.txt", "ki-allianz.txt", "stargate-meldung.txt", "wahlkampf.txt"}) {
      one += read_file(std::string(CHRONIK_SOURCE_DIR) + "/samples/" + name) + "\n";
    }
    std::string text;
    while (text.size() < kTextBytes) text += one;
    return text;
  }();
  return text;
}

struct CompiledGrammar {
  ParsedGrammar grammar;
  Matcher matcher;
  CompiledGrammar() {
    std::string error;
    if (!parse_grammar(builtin_grammar(), &grammar, &error) || !matcher.compile(grammar, &error)) {
      throw std::runtime_error(error);
    }
  }
};

const CompiledGrammar& compiled() {
  static const CompiledGrammar grammar;
  return grammar;
}

// Parsing and compiling the built-in grammar: most of chronik's start-up.
void BM_CompileGrammar(benchmark::State& state) {
  for (auto _ : state) {
    Engine engine(builtin_grammar());
    benchmark::DoNotOptimize(engine.ok());
  }
}
BENCHMARK(BM_CompileGrammar)->Unit(benchmark::kMillisecond);

// The scanner and the set of rules: every place where a rule may match, with those rules.
void BM_Scan(benchmark::State& state) {
  const Matcher& matcher = compiled().matcher;
  NormalizedText text = normalize(sample_text());
  Stops stops;
  for (auto _ : state) {
    stops = Stops();
    matcher.scan(text.text(), 0, &stops);
    benchmark::DoNotOptimize(stops.starts.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.text().size()));
  state.counters["starts"] = static_cast<double>(stops.size());
}
BENCHMARK(BM_Scan)->Unit(benchmark::kMillisecond);

// The rules at the places the scanner found: their captures and productions.
void BM_RulesAtStarts(benchmark::State& state) {
  const Matcher& matcher = compiled().matcher;
  NormalizedText text = normalize(sample_text());
  Stops stops;
  matcher.scan(text.text(), 0, &stops);
  std::vector<Match> matches;
  for (auto _ : state) {
    matches.clear();
    matcher.find(text.text(), 0, stops, &matches);
    benchmark::DoNotOptimize(matches.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.text().size()));
  state.counters["matches"] = static_cast<double>(matches.size());
}
BENCHMARK(BM_RulesAtStarts)->Unit(benchmark::kMillisecond);

// Normalizing the text (quotes, dashes, spaces) before the rules see it.
void BM_Normalize(benchmark::State& state) {
  const std::string& text = sample_text();
  for (auto _ : state) benchmark::DoNotOptimize(normalize(text).text().size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

// One news article through the public API: all of the above, then anchoring and offsets.
void BM_ExtractDocument(benchmark::State& state) {
  static const Engine engine(builtin_grammar());
  Document doc;
  doc.id = "softbank-ki";
  doc.text = read_file(std::string(CHRONIK_SOURCE_DIR) + "/samples/softbank-ki.txt");
  doc.date = DocumentDate::parse("2025-02-03");
  std::vector<Timex> found;
  for (auto _ : state) {
    found.clear();
    engine.extract(doc, &found);
    benchmark::DoNotOptimize(found.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.text.size()));
  state.counters["expressions"] = static_cast<double>(found.size());
}
BENCHMARK(BM_ExtractDocument)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace chronik

BENCHMARK_MAIN();

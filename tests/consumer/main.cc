// Uses the installed chronik library: extracts from a short text with the built-in grammar and
// checks the value found. Exits 0 on success.
#include <chronik/engine.h>

#include <cstdio>
#include <vector>

int main() {
  chronik::Engine engine(chronik::builtin_grammar());
  if (!engine.ok()) {
    std::fprintf(stderr, "consumer: grammar does not compile: %s\n", engine.error().c_str());
    return 1;
  }
  chronik::Document doc;
  doc.id = "consumer";
  doc.text = "Der Vertrag wurde am 21. Januar unterzeichnet.";
  doc.date = chronik::DocumentDate::parse("2025-02");
  std::vector<chronik::Timex> found = engine.extract(doc);
  if (found.size() != 1) {
    std::fprintf(stderr, "consumer: expected 1 expression, found %zu\n", found.size());
    return 1;
  }
  const chronik::Timex& t = found.front();
  if (t.text != "21. Januar" || t.value.str() != "2025-01-21" || t.begin != 21 || t.end != 31) {
    std::fprintf(stderr, "consumer: unexpected \"%s\" %s at %zu-%zu\n", t.text.c_str(),
                 t.value.str().c_str(), t.begin, t.end);
    return 1;
  }
  std::printf("consumer: \"%s\" -> %s\n", t.text.c_str(), t.value.str().c_str());
  return 0;
}

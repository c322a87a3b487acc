// Writes the hand-built timeline of timeline_fixture.h in one export format, for the tests that
// read exports back with other tools (Python's csv module, the sqlite3 shell, Chromium).
//
//   export_fixture FORMAT FILE [--excel]
#include <cstdio>
#include <string>

#include "chronik/timeline_export.h"
#include "timeline_fixture.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: export_fixture FORMAT FILE [--excel]\n");
    return 2;
  }
  auto format = chronik::parse_timeline_format(argv[1]);
  if (!format) {
    std::fprintf(stderr, "export_fixture: unknown format %s\n", argv[1]);
    return 2;
  }
  std::string path = argv[2];
  std::vector<chronik::TimelineEntry> entries = chronik::fixture::sample_timeline();
  if (*format == chronik::TimelineFormat::sqlite) {
    std::string error;
    if (!chronik::write_timeline_sqlite(path, chronik::fixture::sample_documents(), entries,
                                        &error)) {
      std::fprintf(stderr, "export_fixture: %s\n", error.c_str());
      return 1;
    }
    return 0;
  }
  chronik::CsvStyle style;
  if (argc > 3 && std::string(argv[3]) == "--excel") style = chronik::kExcelCsv;
  std::string out;
  chronik::write_timeline_as(entries, *format, style, &out);
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (!file || std::fwrite(out.data(), 1, out.size(), file) != out.size() ||
      std::fclose(file) != 0) {
    std::fprintf(stderr, "export_fixture: cannot write %s\n", path.c_str());
    return 1;
  }
  return 0;
}

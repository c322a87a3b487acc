// Rows of named columns written as JSON Lines or CSV: the one place both formats are spelled,
// for the expression and the timeline writers alike.
#ifndef CHRONIK_ENGINE_ROWS_H_
#define CHRONIK_ENGINE_ROWS_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chronik/format.h"

namespace chronik {

struct ColumnSpec {
  std::string_view name;
  bool unquoted = false;         // JSON already (a number, true, an array): written as is in JSON
  bool null_when_empty = false;  // an empty value is JSON null
};

using Row = std::vector<std::string>;

// Rows as JSON objects, keys in column order; the keys are quoted once, not once a row.
class JsonlRowWriter {
 public:
  explicit JsonlRowWriter(std::span<const ColumnSpec> columns);
  // Appends one line: the object of `row`, which has a value for each column.
  void write(const Row& row, std::string* out) const;

 private:
  std::span<const ColumnSpec> columns_;
  std::vector<std::string> keys_;  // '{' or ',', the quoted key and ':'
};

// One JSON object per row, keys in column order.
void write_jsonl_rows(std::span<const ColumnSpec> columns, const std::vector<Row>& rows,
                      std::string* out);

// RFC 4180 rows with CRLF line ends, after a header row when `header` is set (and before it the
// style's byte-order mark, if any).
void write_csv_rows(std::span<const ColumnSpec> columns, const std::vector<Row>& rows, bool header,
                    std::string* out, const CsvStyle& style = {});

// `s` with each run of spaces, tabs and line breaks made one space, to fit in one row.
std::string one_line(std::string_view s);

}  // namespace chronik

#endif  // CHRONIK_ENGINE_ROWS_H_

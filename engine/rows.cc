#include "rows.h"

#include "chronik/format.h"

namespace chronik {

void write_jsonl_row(std::span<const ColumnSpec> columns, const Row& row, std::string* out) {
  out->push_back('{');
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (c > 0) out->push_back(',');
    append_json_string(columns[c].name, out);
    out->push_back(':');
    if (columns[c].null_when_empty && row[c].empty()) {
      out->append("null");
    } else if (columns[c].unquoted) {
      out->append(row[c]);
    } else {
      append_json_string(row[c], out);
    }
  }
  out->append("}\n");
}

void write_jsonl_rows(std::span<const ColumnSpec> columns, const std::vector<Row>& rows,
                      std::string* out) {
  for (const Row& row : rows) write_jsonl_row(columns, row, out);
}

void write_csv_rows(std::span<const ColumnSpec> columns, const std::vector<Row>& rows, bool header,
                    std::string* out, const CsvStyle& style) {
  if (header) {
    if (style.byte_order_mark) out->append("\xEF\xBB\xBF");
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c > 0) out->push_back(style.separator);
      append_csv_field(columns[c].name, out, style.separator);
    }
    out->append("\r\n");
  }
  for (const Row& row : rows) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c > 0) out->push_back(style.separator);
      bool formula =
          !row[c].empty() && std::string_view("=+-@").find(row[c][0]) != std::string_view::npos;
      append_csv_field(style.guard_formulas && formula ? "'" + row[c] : row[c], out,
                       style.separator);
    }
    out->append("\r\n");
  }
}

std::string one_line(std::string_view s) {
  std::string out;
  bool in_space = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space) {
      out.push_back(c);
    } else if (!in_space) {
      out.push_back(' ');
    }
    in_space = space;
  }
  return out;
}

}  // namespace chronik

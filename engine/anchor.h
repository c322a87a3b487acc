// Phase two: resolving a Reading against its anchor (the document date, for now) into the final
// value, and recording how.
#ifndef CHRONIK_ENGINE_ANCHOR_H_
#define CHRONIK_ENGINE_ANCHOR_H_

#include <optional>

#include "chronik/timex.h"
#include "chronik/value.h"
#include "productions.h"

namespace chronik {

struct Resolved {
  Value value;
  Anchoring anchoring;
};

// Resolves `reading` against `anchor`, a point of granularity year, month or day. Never invents
// precision: a value finer than the anchor is read at the anchor's granularity ("heute" in a
// document dated 2025-02 is 2025-02). Without an anchor, relative values stay underspecified
// (XXXX-01-21) and the anchoring says so.
Resolved resolve(const Reading& reading, const std::optional<Point>& anchor);

// The occurrence of an underspecified point nearest to `anchor` (direction 0), the latest before
// it (-1) or the first after it (+1).
Point fill(const Point& value, const Point& anchor, int direction);

// `anchor` moved by `amount` units, read at `granularity` or the anchor's own, whichever is
// coarser, with the finer fields of `value` laid over it.
Point shift(const Point& anchor, int amount, Unit unit, Granularity granularity,
            const Point& value);

}  // namespace chronik

#endif  // CHRONIK_ENGINE_ANCHOR_H_

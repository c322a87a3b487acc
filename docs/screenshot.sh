#!/bin/sh
# Redraws docs/timeline.png, the README's picture of the HTML timeline of the two sample
# articles, with headless Chromium. Needs a build (make run) and Debian's chromium.
set -e
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
"$BUILD/chronik" timeline --format html --output "$BUILD/timeline.html" \
  samples/softbank-ki.txt samples/wahlkampf.txt
# --no-sandbox: Chromium's sandbox cannot start as root (containers).
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,1250 \
  --screenshot=docs/timeline.png "file://$PWD/$BUILD/timeline.html" 2>/dev/null

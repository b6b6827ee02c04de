#!/bin/sh
# Picks up new and changed user-visible strings of the editor (app/gui) into the German and
# French translations. Strings no longer in the code are dropped (-no-obsolete); new ones
# arrive marked unfinished, for a translator to fill in (Qt Linguist or a text editor).
# The headless command line (app/cli) stays English: its output is a fixed interface.
set -eu
cd "$(dirname "$0")/.."
if [ -z "${LUPDATE:-}" ]; then
    bins=$(qtpaths6 --query QT_HOST_BINS 2>/dev/null || echo /usr/lib/qt6/bin)
    LUPDATE="$bins/lupdate"
fi
for lang in de fr; do
    "$LUPDATE" -no-obsolete -locations none -source-language en -target-language "$lang" \
        app/gui -ts "translations/meadows_$lang.ts"
done
# English needs only its plural forms ("%n loop(s)" read as "1 loop" and "3 loops").
"$LUPDATE" -pluralonly -no-obsolete -locations none -source-language en -target-language en \
    app/gui -ts translations/meadows_en.ts

#!/bin/sh
# Makes the subset fonts of this folder from Debian's fonts-dejavu-core with
# pyftsubset (Debian fonttools). Run once by hand when the ranges change; the
# output is committed, and neither the build nor the tests run this script.
set -eu
src=${DEJAVU_DIR:-/usr/share/fonts/truetype/dejavu}
# Basic Latin, Latin-1, Latin Extended-A, Romanian comma-below letters,
# spacing accents, general punctuation (dashes, quotes, bullets, ellipsis),
# currency signs (euro), numero and trade mark, arrows, minus and the
# comparison signs, squares and circles used as bullets, ballot boxes,
# check and cross marks, and the replacement character.
unicodes="U+0020-007E,U+00A0-00FF,U+0100-017F,U+0218-021B,U+02C6-02C7,U+02D8-02DD,\
U+2000-206F,U+20A0-20C0,U+2116,U+2122,U+2190-2199,U+21D0-21D5,\
U+2212,U+2248,U+2260,U+2264-2265,U+221E,\
U+25A0-25A1,U+25AA-25AB,U+25B2,U+25B6,U+25BC,U+25C0,U+25CB,U+25CF,U+25E6,\
U+2610-2612,U+2713-2718,U+FFFD"
for face in DejaVuSans DejaVuSans-Bold; do
  pyftsubset "$src/$face.ttf" --unicodes="$unicodes" \
    --layout-features='' --drop-tables+=MATH,GDEF,GSUB,GPOS,FFTM --name-IDs='*' --name-languages='*' \
    --output-file="$face-Latin.ttf"
done

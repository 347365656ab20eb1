#!/usr/bin/env bash
# Rebuilds src/main/resources/fonts/WenQuanYiMicroHei-GB2312.ttf, the chart's bundled Chinese font: WenQuanYi Micro
# Hei (Apache License 2.0, Debian package fonts-wqy-microhei; it has Latin digits, which Droid Sans Fallback lacks)
# cut down to ASCII, the GB2312 character set (6,763 hanzi and its punctuation) and a few marks the bulletin uses:
# about 1.3 MB instead of 5 MB. Needs Debian's fonts-wqy-microhei and python3-fonttools.
set -euo pipefail
cd "$(dirname "$0")/../../.."
chars=$(mktemp)
trap 'rm -f "$chars"' EXIT
/usr/bin/python3 - "$chars" <<'PY'
import sys
chars = {chr(c) for c in range(0x20, 0x7f)}
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
chars |= set("％（）：；，。、！？“”‘’《》【】—…·●〇")
open(sys.argv[1], "w", encoding="utf-8").write("".join(sorted(chars)))
PY
/usr/bin/python3 -m fontTools.subset /usr/share/fonts/truetype/wqy/wqy-microhei.ttc --font-number=0 \
  --text-file="$chars" --no-hinting --output-file=src/main/resources/fonts/WenQuanYiMicroHei-GB2312.ttf

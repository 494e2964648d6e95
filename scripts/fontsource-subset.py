"""Copy the latin and latin-ext @font-face rules (woff2 only) of a fontsource package.

Usage: fontsource-subset.py PACKAGE_DIR OUT_DIR WEIGHT [WEIGHT ...]   (e.g. 400 700 400-italic)
"""

import re
import shutil
import sys
from pathlib import Path

pakket, uit = Path(sys.argv[1]), Path(sys.argv[2])
regels = []
for gewicht in sys.argv[3:]:
    css = (pakket / f"{gewicht}.css").read_text()
    for blok in re.findall(r"/\* [^*]+ \*/\s*@font-face \{[^}]*\}", css):
        if not re.search(r"-latin(-ext)?-\d+-(normal|italic) \*/", blok):
            continue
        blok = re.sub(r", url\([^)]*\.woff\) format\('woff'\)", "", blok)
        for bestand in re.findall(r"files/[\w.-]+\.woff2", blok):
            shutil.copy(pakket / bestand, uit / bestand)
        regels.append(blok)
(uit / f"{pakket.name}.css").write_text("\n\n".join(regels) + "\n")

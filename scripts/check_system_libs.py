"""Check the system libraries and the font WeasyPrint needs for certificate and report PDFs.

Missing Pango stops `make run` and `make test` (exit 1): WeasyPrint cannot even be imported without
it, so every PDF job would fail. Missing HarfBuzz subsetting only makes PDFs larger (fonts are
embedded whole), and a missing DejaVu Sans (the font the PDFs' style sheets name) makes them look
different from machine to machine, so those are warnings. Either way the exact install command is
printed.
"""

import ctypes
import sys
from pathlib import Path

# (shared object, Debian package, required)
LIBRARIES = [
    ("libpango-1.0.so.0", "libpango-1.0-0", True),
    ("libpangoft2-1.0.so.0", "libpangoft2-1.0-0", True),
    ("libharfbuzz-subset.so.0", "libharfbuzz-subset0", False),
]
# (font file, Debian package): the font of static/css/label_certificate.css and the other PDFs.
FONTS = [(Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), "fonts-dejavu-core")]


def loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def main() -> int:
    missing = [(package, required) for soname, package, required in LIBRARIES if not loadable(soname)]
    missing += [(package, False) for path, package in FONTS if not path.exists()]
    if not missing:
        return 0
    packages = " ".join(package for package, _required in missing)
    fatal = any(required for _package, required in missing)
    label = "ERROR" if fatal else "WARNING"
    print(f"{label}: missing system libraries for PDF rendering (WeasyPrint): {packages}", file=sys.stderr)
    if fatal:
        print("Pango is required: certificates and reports cannot be rendered without it.", file=sys.stderr)
    else:
        print("PDFs still render, but larger (no HarfBuzz subsetting) or in another font.", file=sys.stderr)
    print(f"Install with (as root):  apt-get install -y {packages}", file=sys.stderr)
    return 1 if fatal else 0


if __name__ == "__main__":
    sys.exit(main())

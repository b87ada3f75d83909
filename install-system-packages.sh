#!/usr/bin/env bash
# The Debian packages teiedition needs beyond Python, installed only when missing (run as root):
#   chromium          the browser tests (tests/browser, axe-core) and looking at the HTML edition
#   poppler-utils     pdftoppm/pdfinfo: looking at and checking the print edition
#   fonts-noto-core   Noto Serif/Sans (Latin, Cyrillic), embedded in the print edition
#   fonts-noto-cjk    Noto Serif CJK: Korean and Chinese in the print edition
#   default-jre-headless  java, for jing (the validate benchmark's reference) and the Nu HTML checker
#   strace            the test that validate reads nothing outside its input
#   epubcheck         checks the e-book edition (tests/test_render_epub.py)
#   npm               installs axe-core and vnu.jar for tests/browser/test_accessibility.py (.ci/run)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
command -v strace >/dev/null || need+=(strace)
command -v java >/dev/null || need+=(default-jre-headless)
command -v npm >/dev/null || need+=(npm)
[ -f /usr/share/java/epubcheck.jar ] || need+=(epubcheck)
fc-list 2>/dev/null | grep -q "NotoSerif-Regular" || need+=(fonts-noto-core)
fc-list 2>/dev/null | grep -q "NotoSerifCJK\|NotoSansCJK" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "system packages: all present"

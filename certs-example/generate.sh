#!/usr/bin/env bash
# Regenerates the example PKI in this directory with `pouch pki example --out certs-example --force`.
# Needs only a JDK (17 or later). Example material only; see README.md in this directory.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"${here}/../pouch" pki example --out "${here}" --force

#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine: npm packages (from the lock file) and Debian's
# Chromium for the browser tests (no browser download: playwright-core drives /usr/bin/chromium).
set -euo pipefail
npm ci --no-audit --no-fund
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
chromium --version

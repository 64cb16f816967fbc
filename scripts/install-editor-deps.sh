#!/usr/bin/env bash
# Installs the system packages the real-editor tests need (npm run test:editor):
#   chromium     the browser that playwright-core drives headless
#   libkrb5-dev  headers for a native module that code-server builds on install
#   fonts-dejavu-core  a font for the screenshots
# Safe to run again: installs only what is missing. Needs root (or sudo) and Debian.
# code-server itself is installed by scripts/editor-test.mjs into its cache folder,
# and playwright-core comes with `npm ci` (devDependency).
set -euo pipefail

packages=(chromium libkrb5-dev fonts-dejavu-core)
missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "editor test dependencies present: ${packages[*]}"
else
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  echo "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The Debian wrapper prints a harmless shell warning on some machines; keep only the version.
chromium --version 2>/dev/null | grep -i chromium || { echo "chromium did not install" >&2; exit 1; }

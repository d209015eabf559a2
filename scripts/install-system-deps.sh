#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only those missing: Chromium (the browser the
# end-to-end tests drive), gnome-keyring + dbus-x11 (a real Secret Service for the keychain tests), a
# font so screenshots have readable text, and nats-server (the relay's tests start real ones, with
# JetStream). Needs root (CI runs as root on this machine kind).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v gnome-keyring-daemon >/dev/null || need+=(gnome-keyring)
command -v dbus-run-session >/dev/null || need+=(dbus-x11)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
command -v nats-server >/dev/null || [ -x /usr/sbin/nats-server ] || need+=(nats-server)
if ((${#need[@]})); then
  echo "Installing ${need[*]} with apt-get"
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

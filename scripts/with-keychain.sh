#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keytar talks to a
# real Secret Service. HOME points at a scratch folder: the developer's own keyring is never touched.
set -euo pipefail
command -v dbus-run-session >/dev/null || { echo "with-keychain: dbus-run-session is missing (apt-get install -y dbus-x11)" >&2; exit 1; }
command -v gnome-keyring-daemon >/dev/null || { echo "with-keychain: gnome-keyring-daemon is missing (apt-get install -y gnome-keyring)" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch" XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export FLEET_REAL_KEYCHAIN=1
exec dbus-run-session -- bash -c 'echo -n ci-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' with-keychain "$@"

#!/usr/bin/env bash
# Installs csec-trainer and its content so that the binary works from anywhere:
#   PREFIX/bin/csec-trainer
#   PREFIX/share/csec-trainer/{Scoring,Scenarios}   (found by the binary through ../share)
#
# Usage: scripts/install.sh [--prefix DIR] [--binary FILE]
#   --prefix DIR   where to install (default: ~/.local; /usr/local needs sudo)
#   --binary FILE  install this already-built binary instead of running `swift build -c release`
set -euo pipefail
cd "$(dirname "$0")/.."

prefix="$HOME/.local"
binary=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) prefix="$2"; shift 2 ;;
        --binary) binary="$2"; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown argument '$1' (see --help)" >&2; exit 64 ;;
    esac
done

if [[ -z "$binary" ]]; then
    swift build -c release --product csec-trainer
    binary="$(swift build -c release --show-bin-path)/csec-trainer"
fi

share="$prefix/share/csec-trainer"
mkdir -p "$prefix/bin" "$share"
install -m 0755 "$binary" "$prefix/bin/csec-trainer"
rm -rf "$share/Scoring" "$share/Scenarios"
cp -R Scoring Scenarios "$share/"
echo "Installed $prefix/bin/csec-trainer and its content in $share."
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "Add $prefix/bin to your PATH to run csec-trainer from anywhere." ;;
esac

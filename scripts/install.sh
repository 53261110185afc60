#!/usr/bin/env bash
# Installs csec-trainer and its content so that the binary works from anywhere:
#   PREFIX/bin/csec-trainer
#   PREFIX/share/csec-trainer/{Scoring,Scenarios,Web}   (found by the binary through ../share)
#
# Usage: scripts/install.sh [--prefix DIR] [--binary FILE]
#   --prefix DIR   where to install (default: ~/.local)
#   --binary FILE  install this already-built binary instead of building one
#
# Without --binary it runs `swift build -c release --static-swift-stdlib`, so the binary needs no
# Swift toolchain where it runs (GNU readline still comes from the system: libreadline8).
# For a system-wide install, build as yourself, then install as root:
#   swift build -c release --static-swift-stdlib
#   sudo scripts/install.sh --prefix /usr/local --binary .build/release/csec-trainer
set -euo pipefail

script_dir="$(cd "$(dirname "$0")" && pwd)"
repository="$(dirname "$script_dir")"
absolute() { case "$1" in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
usage() { sed -n '2,14p' "$script_dir/install.sh" | sed 's/^# \{0,1\}//'; }

prefix="$HOME/.local"
binary=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix|--binary)
            [[ $# -ge 2 ]] || { echo "install.sh: $1 needs a value (see --help)" >&2; exit 64; }
            if [[ "$1" == --prefix ]]; then prefix="$(absolute "$2")"; else binary="$(absolute "$2")"; fi
            shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown argument '$1' (see --help)" >&2; exit 64 ;;
    esac
done

cd "$repository"
if [[ -z "$binary" ]]; then
    swift build -c release --static-swift-stdlib --product csec-trainer
    binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/csec-trainer"
fi
[[ -x "$binary" ]] || { echo "install.sh: no executable at $binary" >&2; exit 66; }

share="$prefix/share/csec-trainer"
mkdir -p "$prefix/bin" "$share"
install -m 0755 "$binary" "$prefix/bin/csec-trainer"
rm -rf "$share/Scoring" "$share/Scenarios" "$share/Web"
cp -R Scoring Scenarios Web "$share/"
echo "Installed $prefix/bin/csec-trainer and its content in $share."
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "Add $prefix/bin to your PATH to run csec-trainer from anywhere." ;;
esac

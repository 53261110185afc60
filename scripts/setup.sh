#!/usr/bin/env bash
# Installs what csec-trainer needs on Debian 12 (or Ubuntu), once; does nothing when it is there.
#
# Usage: scripts/setup.sh [--tests]
#   (no flag)  the libraries the build links: GNU readline, libyaml, cairo and its font, libqrencode
#   --tests    also what the test suite runs: tmux (the readline test), qpdf and poppler-utils
#              (the PDF certificate tests), chromium (the browser tests), librsvg2-bin and
#              zbar-tools (the QR code test), Python's PyYAML and jsonschema (schema tests), and
#              axe-core from PyPI's axe-selenium-python (the accessibility audits), PyPI's
#              oidc-provider-mock (a real OpenID provider for the sign-in tests), and PostgreSQL,
#              whose private test cluster it starts (scripts/test-database.sh; the storage contract
#              tests find its address, printed here; `scripts/test-database.sh stop` stops it),
#              and nginx (the reverse-proxy recipe's test runs it in a temporary directory; the
#              package's own service is not needed), xmllint (libxml2-utils), and the interoperability
#              peers: Ralph (PyPI's ralph-malph, a learning record store) and the parsers and
#              validators the exports are checked with (xmlschema, moodle-xml-parser, pygiftparser,
#              citolab-qti-convert), each in a directory of its own under $XDG_CACHE_HOME/csec-trainer
#
# Runs apt-get through sudo when not root. Prints what it installs.
set -euo pipefail

packages=(libreadline-dev libyaml-dev libcairo2-dev fonts-dejavu-core libqrencode-dev)
if [[ "${1:-}" == "--tests" ]]; then
    packages+=(tmux qpdf poppler-utils chromium librsvg2-bin zbar-tools python3-pip postgresql nginx libxml2-utils)
elif [[ $# -gt 0 ]]; then
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    exit 64
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then as_root=(sudo); fi

missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ "${1:-}" == "--tests" ]] && ! python3 -c "import yaml, jsonschema" 2>/dev/null \
    && ! /usr/bin/python3 -c "import yaml, jsonschema" 2>/dev/null; then
    # pip where it may install; Debian 12's own python3 refuses (PEP 668): then Debian's packages,
    # which the tests find at /usr/bin/python3.
    if ! python3 -m pip install --quiet PyYAML jsonschema 2>/dev/null; then
        echo "setup: installing python3-yaml python3-jsonschema"
        "${as_root[@]}" apt-get install -y -qq python3-yaml python3-jsonschema >/dev/null
    fi
fi

# axe-core for the browser tests' accessibility audits, as PyPI's axe-selenium-python ships it
# (only its axe.min.js is used, so without its dependencies). Where the system's Python refuses
# to install (PEP 668), into a directory of its own, where the tests look
# ($XDG_CACHE_HOME/csec-trainer/python, see Tests/BrowserTesting/AxeCore.swift).
axe_directory="${XDG_CACHE_HOME:-$HOME/.cache}/csec-trainer/python"
if [[ "${1:-}" == "--tests" ]] \
    && ! PYTHONPATH="$axe_directory" python3 -c "import axe_selenium_python" 2>/dev/null; then
    echo "setup: installing axe-selenium-python into $axe_directory"
    python3 -m pip install --quiet --no-deps --target "$axe_directory" axe-selenium-python
fi

# oidc-provider-mock, the OpenID provider the sign-in tests run (Tests/TestSupport/OpenIDProviderMock.swift),
# with its dependencies, into the same directory (the system's Python is left as it is); the version the
# tests were written against.
if [[ "${1:-}" == "--tests" ]] \
    && ! PYTHONPATH="$axe_directory" python3 -c "import oidc_provider_mock" 2>/dev/null; then
    echo "setup: installing oidc-provider-mock into $axe_directory"
    python3 -m pip install --quiet --target "$axe_directory" oidc-provider-mock==0.3.4
fi

# Ralph, the learning record store the xAPI tests send statements to, in a directory of its own (it pins
# fastapi, httpx and bcrypt); `requests` is a dependency Ralph 5.1.0 imports but does not declare.
ralph_directory="${XDG_CACHE_HOME:-$HOME/.cache}/csec-trainer/ralph"
if [[ "${1:-}" == "--tests" ]] \
    && ! PYTHONPATH="$ralph_directory" RALPH_RUNSERVER_BACKEND=fs python3 -c "import ralph.api, requests" 2>/dev/null; then
    echo "setup: installing ralph-malph into $ralph_directory"
    python3 -m pip install --quiet --target "$ralph_directory" "ralph-malph[lrs,cli]==5.1.0" "requests==2.32.3"
fi

# The parsers and schema validators the question-bank and package exports are checked with.
validators_directory="${XDG_CACHE_HOME:-$HOME/.cache}/csec-trainer/validators"
if [[ "${1:-}" == "--tests" ]] \
    && ! PYTHONPATH="$validators_directory" python3 -c "import xmlschema, moodle_xml_parser, pygiftparser, qti_convert" 2>/dev/null; then
    echo "setup: installing xmlschema, moodle-xml-parser, pygiftparser, citolab-qti-convert into $validators_directory"
    python3 -m pip install --quiet --target "$validators_directory" xmlschema==4.3.2 moodle-xml-parser==0.3.1 \
        pygiftparser==1.1 citolab-qti-convert==0.2.0
fi

if [[ "${1:-}" == "--tests" ]]; then
    echo "setup: test database $("$(dirname "$0")/test-database.sh" start)"
fi

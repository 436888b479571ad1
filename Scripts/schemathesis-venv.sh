# Sourced by schemathesis.sh and schemathesis-mock.sh: the pinned schemathesis in a venv of its own (.venv-st),
# installed from PyPI on first use.
venv=".venv-st"
if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "schemathesis==4.32.5"
fi

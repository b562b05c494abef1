"""`liaison triage`: JSON lines in, JSON lines out, so anyone can evaluate the rules on their own data."""

from __future__ import annotations

import json
import subprocess
import sys


def test_triage_command_reads_and_writes_json_lines():
    lines = [
        {"text": "I am going to take all the pills tonight", "lang": "en"},
        {"text": "bonjour, je cherche un avocat"},
        "not json at all",
        {"text": "🆘"},
    ]
    stdin = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "triage"], input=stdin, capture_output=True, text=True, timeout=120, check=True
    )
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 4, "one output line per input line, even for a bad one"
    assert out[0]["level"] == "critical" and "self_harm" in out[0]["categories"] and out[0]["rules"]
    assert out[1]["level"] in ("normal", "low") and out[1]["categories"] == []
    assert "error" in out[2]
    assert out[3]["level"] in ("high", "critical") and "signal.urgent" in out[3]["rules"]
    assert all({"level", "categories", "rules"} <= set(o) for o in (out[0], out[1], out[3]))

"""Replay each annotation round's first reading: how each relation reads on unseen text.

Every development file was scored once, as unseen text, by the reader of its day. This script
reads each file again with the reader of the commit just before the file arrived (a temporary
`git worktree`), so every claim counted was made by a reader that had not been changed to fit
it, and tallies the outcome by relation. The first round is skipped: its reader came before the
gold set's scorer. Run from a clone with its history (several minutes on two cores):

    python tests/evidence/gold/replay_rounds.py            # the table, as Markdown
    python tests/evidence/gold/replay_rounds.py --claims replayed.jsonl && gzip -9n replayed.jsonl

With `--claims`, every article is also written as one JSON line: its actors, and every claim the
old reader made with whether it was right. That is what `fit_confidence.py` fits the claims'
confidence on.
"""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
GOLD = Path(__file__).resolve().parent

# Run inside the old reader's environment: load one gold file, read it, print one JSON line an
# article (claims found by relation, claims right by relation, totals).
_CHILD = """
import collections, inspect, json, sys
from casus.evidence import gold as G
# every claim the reader made, before any confidence cut (readers from 2026-12-06 on have one)
every = {"min_confidence": 0.0} if "min_confidence" in inspect.signature(G.read_article).parameters else {}
for a in G.load_gold(sys.argv[1]):
    reading = G.read_article(a, **every)
    r = G.score_article(a, reading)
    found = collections.Counter(c.relation for c in reading.claims)
    wrong = collections.Counter(m["got"][1] for m in r["false"])
    # each claim's outcome: scoring is greedy in the claims' order, so the first j+1 claims
    # score claim j as the whole reading does
    claims, before, attributed = [], 0, 0
    for j, c in enumerate(reading.claims):
        s = G.score_article(a, reading.model_copy(update={"claims": reading.claims[: j + 1]}))
        right = s["right"] > before
        claims.append({"claim": c.model_dump(mode="json"), "right": right,
                       "attribution_right": (s["attribution"] > attributed) if right else None})
        before, attributed = s["right"], s["attribution"]
    # the rules fallback's claims too, so that the confidence knows how far to trust them
    rules = G.read_article(a, "rules", **every)
    before = attributed = 0
    for j, c in enumerate(rules.claims):
        s = G.score_article(a, rules.model_copy(update={"claims": rules.claims[: j + 1]}))
        right = s["right"] > before
        claims.append({"claim": {**c.model_dump(mode="json"), "coder": "rules"}, "right": right,
                       "attribution_right": (s["attribution"] > attributed) if right else None})
        before, attributed = s["right"], s["attribution"]
    actors = [x.model_dump(mode="json") for x in getattr(reading, "actors", [])]
    print(json.dumps({"found": dict(found), "wrong": dict(wrong), "gold": r["gold"],
                      "right": r["right"], "attribution": r["attribution"], "url": a.url,
                      "date": str(a.date), "words": reading.words, "actors": actors,
                      "claims": claims}))
"""


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def rounds() -> dict[str, list[str]]:
    """Each commit that added development files, with the files it added (oldest first)."""
    out: dict[str, list[str]] = {}
    for path in sorted(GOLD.glob("dev-*.yaml")):
        rel = path.relative_to(ROOT).as_posix()
        added = _git("log", "--diff-filter=A", "--format=%H", "--", rel).split()
        if added:
            out.setdefault(added[-1], []).append(rel)
    return dict(sorted(out.items(), key=lambda kv: _git("show", "-s", "--format=%ct", kv[0])))


def replay(commit: str, files: list[str], work: Path) -> list[dict[str, object]]:
    """Read `files` (as they were added) with the reader of `commit`'s parent."""
    tree = work / commit[:10]
    _git("worktree", "add", "-q", "--detach", str(tree), f"{commit}^")
    try:
        if not (tree / "src/casus/evidence/gold.py").exists():
            print(
                f"{' '.join(files)}: not replayed, the reader at {commit[:7]}^ has no scorer", file=sys.stderr
            )
            return []
        rows: list[dict[str, object]] = []
        for rel in files:
            copy = work / Path(rel).name
            copy.write_text(_git("show", f"{commit}:{rel}"))
            env = {**os.environ, "PYTHONPATH": str(tree / "src")}
            done = subprocess.run([sys.executable, "-c", _CHILD, str(copy)], env=env,
                                  capture_output=True, text=True)  # fmt: skip
            if done.returncode != 0:  # a round left out is said, not silently dropped from the table
                last = (done.stderr.strip().splitlines() or ["no message"])[-1]
                print(f"{rel}: not replayed at {commit[:7]}^: {last}", file=sys.stderr)
                continue
            for line in done.stdout.splitlines():
                if line.startswith("{"):
                    rows.append({**json.loads(line), "round": commit, "file": Path(rel).stem})
        return rows
    finally:
        _git("worktree", "remove", "--force", str(tree))


def table(rows: list[dict[str, object]]) -> str:
    """Precision by relation over the replayed readings, as a Markdown table."""
    found: collections.Counter[str] = collections.Counter()
    wrong: collections.Counter[str] = collections.Counter()
    for r in rows:
        found.update(r["found"])  # type: ignore[arg-type]
        wrong.update(r["wrong"])  # type: ignore[arg-type]
    lines = ["| relation | claims found | right | precision |", "| --- | --- | --- | --- |"]
    for rel, n in found.most_common():
        lines.append(f"| {rel} | {n} | {n - wrong[rel]} | {(n - wrong[rel]) / n:.2f} |")
    n, w = sum(found.values()), sum(wrong.values())
    gold = sum(int(r["gold"]) for r in rows)  # type: ignore[call-overload]
    lines.append(f"| all | {n} | {n - w} | {(n - w) / n:.2f} (recall {(n - w) / gold:.2f}) |")
    return "\n".join(lines)


def main() -> None:
    """Replay every round and print the table (and, with `--claims PATH`, write every claim)."""
    claims_out = Path(sys.argv[sys.argv.index("--claims") + 1]) if "--claims" in sys.argv else None
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for commit, files in rounds().items():
            got = replay(commit, files, Path(tmp))
            print(f"{commit[:7]} {' '.join(Path(f).stem for f in files)}: {len(got)} articles",
                  file=sys.stderr)  # fmt: skip
            rows += got
    print(table(rows))
    if claims_out is not None:
        with claims_out.open("w") as out:  # an article a line, its claims with their outcomes
            for r in rows:
                keep = {k: r[k] for k in ("round", "file", "url", "date", "words", "actors", "claims")}
                for c in keep["claims"]:  # type: ignore[attr-defined]
                    for derived in ("cameo", "plover"):  # the relation's codes, filled in on reading
                        c["claim"].pop(derived, None)
                out.write(json.dumps(keep, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

"""Fit the claims' confidence on the replayed rounds, and score it forward in time.

`replayed.jsonl.gz` holds every claim the reader made on each annotation round's articles before it
was changed to fit them (`replay_rounds.py --claims`), with whether it was right. Each batch (the
files one commit added, read together, so one time block) is scored by models fitted only on the
batches before it, one per claim coder, beside two baselines fitted the same way: the share of the
coder's earlier claims that were right, and that share by relation. Then the models are fitted on
every batch and written where the reader loads them:

    python tests/evidence/gold/fit_confidence.py            # the forward scores, and the model
    python tests/evidence/gold/fit_confidence.py --check    # the scores only; the model untouched
"""

from __future__ import annotations

import itertools
import json
import math
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

from casus.evidence.confidence import FEATURES, MODEL_FILE, design, fit, read_rows, to_json

GOLD = Path(__file__).resolve().parent
REPLAYED = GOLD / "replayed.jsonl.gz"
WARM_UP = 20  # rounds fitted on before the first round is scored


def by_round(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The rows grouped by round, oldest first (the file's order)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(str(r["round"]), []).append(r)
    return list(out.values())


def forward(rounds: list[list[dict[str, Any]]]) -> dict[str, np.ndarray]:
    """Each scored batch's predictions from the models and the baselines fitted on the batches
    before it, every claim by its own coder's."""
    got: dict[str, list[float]] = {"model": [], "share right": [], "share right by relation": [], "y": [],
                                   "rules": []}  # fmt: skip
    for k in range(WARM_UP, len(rounds)):
        past = [r for block in rounds[:k] for r in block]
        models = fit(past)
        for coder, model in models.items():
            now = [r for r in rounds[k] if r["claim"].get("coder") == coder]
            if not now:
                continue
            mine = [r for r in past if r["claim"].get("coder") == coder]
            x, y = design(now)
            _, past_y = design(mine)
            share = float(past_y.mean())
            by_rel: dict[str, list[int]] = {}
            for r, yy in zip(mine, past_y, strict=True):
                by_rel.setdefault(r["claim"]["relation"], []).append(int(yy))
            w = np.array([model.coefficients[f] for f in FEATURES])
            for r, xi in zip(now, x, strict=True):
                rel = by_rel.get(r["claim"]["relation"], [])
                # a relation seldom seen leans on the coder's overall share (two pseudo-claims of it)
                got["share right by relation"].append((sum(rel) + 2 * share) / (len(rel) + 2))
                got["share right"].append(share)
                got["model"].append(1 / (1 + math.exp(-(model.intercept + float(xi @ w)))))
                got["rules"].append(float(coder == "rules"))
            got["y"] += [int(v) for v in y]
    return {k: np.array(v) for k, v in got.items()}


def report(pred: dict[str, np.ndarray], batches: int) -> str:
    """The forward scores as Markdown, for each coder: proper scores, calibration, and what
    leaving out low-confidence claims does."""
    lines = [f"Scored forward: the claims of batches {WARM_UP + 1}-{batches} (a batch is the files one "
             "commit added), each batch by a fit on the batches before it."]  # fmt: skip
    for coder, pick in (("parse", pred["rules"] == 0), ("rules", pred["rules"] == 1)):
        y = pred["y"][pick]
        if not len(y):
            continue
        lines += ["", f"**{coder} coder**: {len(y)} claims, {int(y.sum())} right.", "",
                  "| predictor | log loss | Brier | AUC |", "| --- | --- | --- | --- |"]  # fmt: skip
        for name in ("model", "share right by relation", "share right"):
            p = pred[name][pick]
            auc = roc_auc_score(y, p) if name != "share right" else 0.5
            lines.append(
                f"| {name} | {log_loss(y, p, labels=[0, 1]):.3f} | {brier_score_loss(y, p):.3f} | {auc:.3f} |"
            )
        p = pred["model"][pick]
        lines += ["", "| confidence | claims | right | mean confidence |", "| --- | --- | --- | --- |"]
        edges = [0.0, 0.3, 0.5, 0.7, 0.85, 1.01]
        for lo, hi in itertools.pairwise(edges):
            sel = (p >= lo) & (p < hi)
            if sel.any():
                lines.append(
                    f"| {lo:.2f}-{min(hi, 1):.2f} | {int(sel.sum())} | {y[sel].mean():.2f} | {p[sel].mean():.2f} |"
                )
        lines += ["", "| claims kept | precision | right claims kept |", "| --- | --- | --- |"]
        for t in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7):
            sel = p >= t
            if sel.any():
                lines.append(f"| confidence ≥ {t:.1f}: {int(sel.sum())} | {y[sel].mean():.3f} | "
                             f"{int(y[sel].sum())} of {int(y.sum())} |")  # fmt: skip
    return "\n".join(lines)


def main() -> None:
    """Score forward, then (unless --check) fit on every round and write the shipped model."""
    rows = read_rows(REPLAYED)
    rounds = by_round(rows)
    print(report(forward(rounds), len(rounds)))
    if "--check" not in sys.argv:
        MODEL_FILE.write_text(json.dumps(to_json(fit(rows)), indent=1, ensure_ascii=False) + "\n")
        print(f"\nwrote {MODEL_FILE}", file=sys.stderr)


if __name__ == "__main__":
    main()

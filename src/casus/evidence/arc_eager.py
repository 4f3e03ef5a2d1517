"""The dependency parser's greedy arc-eager loop, compiled: the pinned pipeline's own weights and
transition rules, decided without spaCy's per-step overheads.

spaCy 3.8's parser computes each token's share of the hidden layer in one matrix product (kept
as spaCy computes it), then walks the sentences one transition at a time: it sums eight
precomputed feature vectors per state, takes the maxout, scores the 106 moves, and applies the
best valid one, with calls through the interpreter's machinery at every step. `parse_batch` runs
the same walk in numba with the same arithmetic in the same order (float32 sums of the features,
then the bias; each move's score summed over the hidden units in their order, as the BLAS kernel
spaCy's parser calls does, then its bias), the same validity rules for shift, reduce, left and
right arcs and sentence breaks (non-monotonic: a reduce may put a headless word back on the
buffer), and the same feature choice: the first two words of the buffer, the top three of the
stack, the most recently attached left child of the buffer's first word and of the stack's top,
and the stack top's most recently attached right child (each head's arcs kept newest first, so that
finding them costs no more than spaCy's lists do). `tests/evidence/test_arc_eager.py`
checks that every development sentence, whole articles and word salad get the same heads, labels
and sentence starts either way (`benchmarks/bench_read.py` times both).

The documents are parsed in the groups spaCy's parser forms (a batch sorted by length, in quarters):
the products' last bits depend on which rows are multiplied together, and where two moves score
within a few units in the last place, those bits decide.

`Parser` is the pipeline component: it takes the place of the pipeline's parser, whose model it
uses for the products, and writes heads and labels as spaCy's parser does (then undoes its
projective decorations, "pobj||prep", with spaCy's own function). Where the pipeline's parser is
not one this loop knows (another transition system, feature count, or classes never seen in
training), it is left in place.
"""

from __future__ import annotations

from itertools import islice
from typing import Any

import numba as nb
import numpy as np

from casus.shipped import attach_shipped_cache

__all__ = ["NAME", "Parser", "install", "parse_batch", "warm"]

NAME = "casus_parser"

SHIFT, REDUCE, LEFT, RIGHT, BREAK = 0, 1, 2, 3, 4
_MOVES = {"S": SHIFT, "D": REDUCE, "L": LEFT, "R": RIGHT, "B": BREAK}
N_FEATURES = 8


@nb.njit(cache=True, inline="always")
def _buffer(i: int, b_i: int, length: int, rebuf: np.ndarray, base: int, n_reb: int) -> int:
    if i < n_reb:
        return int(rebuf[base + n_reb - 1 - i])
    b = b_i + (i - n_reb)
    return b if b < length else -1


@nb.njit(cache=True, inline="always")
def _newest_child(
    h: int, last: np.ndarray, e_child: np.ndarray, e_time: np.ndarray, e_prev: np.ndarray,
    heads: np.ndarray, added: np.ndarray, base: int,
) -> int:  # fmt: skip
    """The child of `h` (on the side `last` keeps) whose arc was added last, or -1: the newest of
    its arcs still standing. Arcs a child has since lost are dropped from the list's end as they
    are met, so each is passed over once (spaCy keeps each head's arcs in a list the same way)."""
    if h < 0:
        return -1
    e = last[base + h]
    while e >= 0:
        c = e_child[e]
        if heads[base + c] == h and added[base + c] == e_time[e]:
            return c  # type: ignore[no-any-return]
        e = e_prev[e]
        last[base + h] = e
    return -1


@nb.njit(cache=True, inline="always")
def _attach(
    h: int, c: int, clock: int, n_e: int, last: np.ndarray, e_child: np.ndarray, e_time: np.ndarray,
    e_prev: np.ndarray, base: int,
) -> int:  # fmt: skip
    """Record that `c` was attached to `h` at time `clock` in `h`'s list of arcs on that side."""
    e_child[n_e] = c
    e_time[n_e] = clock
    e_prev[n_e] = last[base + h]
    last[base + h] = n_e
    return n_e + 1


@nb.njit(cache=True)
def parse_batch(
    cached: np.ndarray,
    lower_bias: np.ndarray,
    upper_wt: np.ndarray,
    upper_b: np.ndarray,
    moves: np.ndarray,
    starts: np.ndarray,
    lengths: np.ndarray,
    sent_start: np.ndarray,
    heads: np.ndarray,
    labels: np.ndarray,
) -> None:
    """Parse the documents of one batch; writes each word's head (its index in its document, -1
    for none) and move label into `heads` and `labels`.

    `cached` is the lower layer's output, (words + 1, features × hidden × pieces), padding first;
    `moves` is (n_moves, 2): move type and label number; `starts` and `lengths` place each
    document in the batch's words; `sent_start` is the words' SENT_START before the parse."""
    n_docs = starts.shape[0]
    n_words = heads.shape[0]
    n_hidden = upper_wt.shape[0]
    n_class = upper_wt.shape[1]
    width = lower_bias.shape[0]
    n_pieces = width // n_hidden
    stack = np.empty(n_words, np.int64)
    rebuf = np.empty(n_words, np.int64)
    added = np.full(n_words, -1, np.int64)
    # each head's arcs, newest first, as linked lists over one pool: left and right children apart
    last_left = np.full(n_words, -1, np.int64)
    last_right = np.full(n_words, -1, np.int64)
    room = 2 * n_words + 16
    e_child = np.empty(room, np.int64)
    e_time = np.empty(room, np.int64)
    e_prev = np.empty(room, np.int64)
    n_e = 0
    unshiftable = np.zeros(n_words, np.bool_)
    broken = np.zeros(n_words, np.bool_)
    depth = np.zeros(n_docs, np.int64)
    n_reb = np.zeros(n_docs, np.int64)
    b_at = np.zeros(n_docs, np.int64)
    heads[:] = -1
    labels[:] = 0
    unmaxed = np.empty(width, np.float32)
    hidden = np.empty(n_hidden, np.float32)
    scores = np.empty(n_class, np.float32)
    ids = np.empty(N_FEATURES, np.int64)
    valid = np.zeros(5, np.bool_)
    per_move = np.zeros(5, np.int64)  # how many classes each move type has
    for c in range(n_class):
        per_move[moves[c, 0]] += 1
    clock = 0
    live = np.empty(n_docs, np.int64)
    n_live = 0
    for d in range(n_docs):
        if lengths[d] > 0:  # an empty document is final from the start
            live[n_live] = d
            n_live += 1
    while n_live > 0:
        k = 0
        for q in range(n_live):
            d = live[q]
            base, length = starts[d], lengths[d]
            top, nr, b_i = depth[d], n_reb[d], b_at[d]
            s0 = int(stack[base + top - 1]) if top >= 1 else -1
            s1 = int(stack[base + top - 2]) if top >= 2 else -1
            s2 = int(stack[base + top - 3]) if top >= 3 else -1
            b0 = _buffer(0, b_i, length, rebuf, base, nr)
            b1 = _buffer(1, b_i, length, rebuf, base, nr)
            # which moves are valid
            buffer_length = (length - b_i) + nr
            b0_start = b0 >= 0 and (sent_start[base + b0] == 1 or broken[base + b0])
            if top == 0:
                valid[SHIFT] = True
            elif buffer_length < 2 or b0_start or unshiftable[base + b0]:
                valid[SHIFT] = False
            else:
                valid[SHIFT] = True
            if top == 0:
                valid[REDUCE] = False
            elif buffer_length == 0:
                valid[REDUCE] = True
            else:
                valid[REDUCE] = not (top == 1 and b0 >= 0 and sent_start[base + b0] == -1)
            arc_ok = top > 0 and buffer_length > 0 and not b0_start
            valid[LEFT] = arc_ok
            valid[RIGHT] = arc_ok
            if buffer_length < 2 or b1 != b0 + 1:
                valid[BREAK] = False
            else:
                valid[BREAK] = (
                    not (sent_start[base + b1] == 1 or broken[base + b1]) and sent_start[base + b1] != -1
                )
            n_valid = 0
            for m in range(5):
                if valid[m]:
                    n_valid += per_move[m]
            guess = -1
            if n_valid == 1:  # one move possible (a shift onto an empty stack, the last reduces): not scored
                for c in range(n_class):
                    if valid[moves[c, 0]]:
                        guess = c
            else:
                ids[0], ids[1], ids[2], ids[3], ids[4] = b0, b1, s0, s1, s2
                ids[5] = _newest_child(b0, last_left, e_child, e_time, e_prev, heads, added, base)
                ids[6] = _newest_child(s0, last_left, e_child, e_time, e_prev, heads, added, base)
                ids[7] = _newest_child(s0, last_right, e_child, e_time, e_prev, heads, added, base)
                # the hidden layer: the precomputed vectors summed feature by feature, then the bias
                unmaxed[:] = 0.0
                for f in range(N_FEATURES):
                    row = 0 if ids[f] < 0 else base + ids[f] + 1
                    for j in range(width):
                        unmaxed[j] += cached[row, f * width + j]
                for j in range(width):
                    unmaxed[j] += lower_bias[j]
                for h in range(n_hidden):
                    best = unmaxed[h * n_pieces]
                    for p in range(1, n_pieces):
                        if unmaxed[h * n_pieces + p] > best:
                            best = unmaxed[h * n_pieces + p]
                    hidden[h] = best
                # each score summed over the hidden units in their order, all classes at once
                scores[:] = 0.0
                for h in range(n_hidden):
                    v = hidden[h]
                    for c in range(n_class):
                        scores[c] += v * upper_wt[h, c]
                for c in range(n_class):
                    scores[c] += upper_b[c]
                for c in range(n_class):
                    if valid[moves[c, 0]] and (guess == -1 or scores[c] > scores[guess]):
                        guess = c
            if guess == -1:  # as spaCy: force the state final
                depth[d] = 0
                b_at[d] = length
            else:
                move, label = moves[guess, 0], moves[guess, 1]
                if move in (LEFT, RIGHT) and n_e == e_child.shape[0]:  # more arcs than room: grow
                    e_child = np.concatenate((e_child, np.empty(n_e, np.int64)))
                    e_time = np.concatenate((e_time, np.empty(n_e, np.int64)))
                    e_prev = np.concatenate((e_prev, np.empty(n_e, np.int64)))
                if move in (SHIFT, RIGHT):
                    if move == RIGHT:
                        heads[base + b0] = s0
                        labels[base + b0] = label
                        added[base + b0] = clock
                        side = last_left if s0 > b0 else last_right  # (as spaCy: by which word comes first)
                        n_e = _attach(s0, b0, clock, n_e, side, e_child, e_time, e_prev, base)
                        clock += 1
                    if nr > 0:
                        nr -= 1
                        n_reb[d] = nr
                    else:
                        b_at[d] = b_i + 1
                    stack[base + top] = b0
                    depth[d] = top + 1
                elif move == REDUCE:
                    depth[d] = top - 1
                    if not (heads[base + s0] >= 0 or top == 1):
                        unshiftable[base + s0] = True
                        rebuf[base + nr] = s0
                        n_reb[d] = nr + 1
                elif move == LEFT:
                    heads[base + s0] = b0
                    labels[base + s0] = label
                    added[base + s0] = clock
                    side = last_left if b0 > s0 else last_right
                    n_e = _attach(b0, s0, clock, n_e, side, e_child, e_time, e_prev, base)
                    clock += 1
                    unshiftable[base + b0] = False
                    depth[d] = top - 1
                else:
                    broken[base + b1] = True
            if not (depth[d] <= 0 and (length - b_at[d]) + n_reb[d] == 0):
                live[k] = d
                k += 1
        n_live = k


attach_shipped_cache(parse_batch)


def warm() -> None:
    """Compile `parse_batch` for the types `Parser` passes (one word, one move): what the wheel
    ships (`casus.shipped`). A test holds these types equal to a real parse's."""
    f32, i64 = np.float32, np.int64
    parse_batch(np.zeros((2, 2), f32), np.zeros(2, f32), np.zeros((1, 1), f32), np.zeros(1, f32),
                np.zeros((1, 2), i64), np.zeros(1, i64), np.ones(1, i64), np.ones(1, i64),
                np.empty(1, i64), np.empty(1, i64))  # fmt: skip


class Parser:
    """The pipeline's dependency parser, its transitions walked by `parse_batch`."""

    def __init__(self, nlp: Any, parser_name: str = "parser") -> None:
        from spacy.pipeline._parser_internals.nonproj import deprojectivize

        self.parser = nlp.get_pipe(parser_name)
        self.vocab = nlp.vocab
        self.deprojectivize = deprojectivize
        model = self.parser.model
        self.tok2vec, self.lower, self.upper = model.layers
        names = [self.parser.moves.get_class_name(i) for i in range(self.parser.moves.n_moves)]
        rows = []
        self.label_hashes = [0]
        for name in names:
            move, _, label = name.partition("-")
            if label:
                self.label_hashes.append(self.vocab.strings.add(label))
            rows.append((_MOVES[move], len(self.label_hashes) - 1 if label else 0))
        self.moves = np.array(rows, dtype=np.int64)
        self.root = self.vocab.strings.add("ROOT")
        self.hashes = np.array(self.label_hashes, dtype=np.uint64)
        self.decorated = np.array([False] + ["||" in name for name in names if name.partition("-")[2]])
        self.upper_wt = np.ascontiguousarray(self.upper.get_param("W").T, dtype=np.float32)
        self.upper_b = np.ascontiguousarray(self.upper.get_param("b"), dtype=np.float32)
        self.lower_b = np.ascontiguousarray(self.lower.get_param("b").reshape(-1), dtype=np.float32)

    @staticmethod
    def supports(nlp: Any, parser_name: str = "parser") -> bool:
        """Whether the pipeline's parser is one `parse_batch` walks exactly as spaCy does."""
        if parser_name not in nlp.pipe_names:
            return False
        parser = nlp.get_pipe(parser_name)
        model = parser.model
        try:
            names = [parser.moves.get_class_name(i) for i in range(parser.moves.n_moves)]
            lower = model.get_ref("lower")
            return (
                type(parser.moves).__name__ == "ArcEager"
                and parser.cfg.get("beam_width", 1) == 1
                and bool(model.attrs.get("has_upper"))
                and not model.attrs.get("unseen_classes")
                and lower.get_dim("nF") == N_FEATURES
                and all(n.partition("-")[0] in _MOVES for n in names)
                and not any(n.endswith("-subtok") for n in names)
                and model.get_ref("upper").get_dim("nO") == len(names)
            )
        except (KeyError, ValueError, AttributeError):
            return False

    def __call__(self, doc: Any) -> Any:
        self._parse([doc])
        return doc

    def pipe(self, docs: Any, batch_size: int = 256) -> Any:
        """Parse a stream of documents, `batch_size` at a time, each batch in groups of similar
        length as spaCy's parser does (the products' last bits depend on what is multiplied
        together, and a near-tie between two moves can turn on them)."""
        stream = iter(docs)
        group = max(batch_size // 4, 2)
        while batch := list(islice(stream, batch_size)):
            by_length = sorted(batch, key=len)
            for i in range(0, len(by_length), group):
                self._parse(by_length[i : i + group])
            yield from batch

    def _parse(self, docs: list[Any]) -> None:
        from spacy.attrs import DEP, HEAD, SENT_START

        full = [doc for doc in docs if len(doc)]
        if not full:
            return
        lengths = np.array([len(doc) for doc in full], dtype=np.int64)
        starts = np.zeros(len(full), dtype=np.int64)
        np.cumsum(lengths[:-1], out=starts[1:])
        tokvecs = self.tok2vec.predict(full)
        cached = self.lower.predict(tokvecs)
        cached = np.ascontiguousarray(cached.reshape(cached.shape[0], -1), dtype=np.float32)
        sent_start = np.concatenate([doc.to_array(SENT_START) for doc in full]).astype(np.int64)
        heads = np.empty(int(lengths.sum()), dtype=np.int64)
        labels = np.empty(int(lengths.sum()), dtype=np.int64)
        parse_batch(cached, self.lower_b, self.upper_wt, self.upper_b, self.moves, starts, lengths,
                    sent_start, heads, labels)  # fmt: skip
        own = np.arange(len(heads)) - np.repeat(starts, lengths)  # each word's index in its document
        attached = heads >= 0
        rel = np.where(attached, heads - own, 0).astype(
            np.uint64
        )  # (a head before: wrapped, as spaCy's arrays)
        dep = np.where(attached, self.hashes[labels], np.uint64(self.root))
        cols = np.stack([rel, dep], axis=1)
        lifted = attached & self.decorated[labels]  # "pobj||prep": a projective stand-in to undo
        for doc, start, length in zip(full, starts.tolist(), lengths.tolist(), strict=True):
            doc.from_array([HEAD, DEP], cols[start : start + length])
            if lifted[start : start + length].any():
                self.deprojectivize(doc)


def install(nlp: Any) -> Any:
    """Put `Parser` in place of the pipeline's parser, where it walks it exactly; returns nlp."""
    from spacy.language import Language

    if not Parser.supports(nlp):
        return nlp
    if not Language.has_factory(NAME):
        Language.factory(NAME, func=lambda nlp, name: Parser(nlp))
    nlp.add_pipe(NAME, after="parser")
    nlp.disable_pipe("parser")
    return nlp

"""The best candidate for a quote that is not in its snapshot verbatim, within a work budget.

Approximate matching never passes a quote: it only finds the passage to show in the error,
with the word-level differences. rapidfuzz's ``partial_ratio_alignment`` costs about the
quote's length times the length searched, so a long near-miss quote against a large snapshot
would run for minutes (issue 14: 100,000 characters against 10 MB took more than 60 s). The
search is therefore bounded:

* a quote longer than :data:`MAX_FUZZY_QUOTE` characters (normalised) gets no candidate;
* the characters compared (quote length times text searched, summed over the windows) stay
  within :data:`FUZZY_BUDGET`: first near the evidence's ``position``, then around the places
  where runs of the quote's words occur verbatim (seeds), then the whole snapshot if it fits;
* all the quotes of one snapshot together stay within :data:`SNAPSHOT_FUZZY_BUDGET`, so a map
  of many misquotes against one large snapshot is bounded too.

When the budget stops the search before any candidate is found, :class:`Candidate` says so
(``skipped``), and the quote is reported as not found with that reason: a finding, never a hang.
"""

from __future__ import annotations

from argmap._recache import recompile
from argmap._record import record
from argmap._verify.budgets import FUZZY_BUDGET, SNAPSHOT_FUZZY_BUDGET
from argmap._verify.normalise import Normalised
from argmap._verify.worddiff import Difference, align_words, tokens

__all__ = [
    "FUZZY_BUDGET",
    "MAX_FUZZY_QUOTE",
    "SNAPSHOT_FUZZY_BUDGET",
    "Candidate",
    "best_candidate",
]

#: Longest normalised quote (characters) for which a best candidate is searched.
MAX_FUZZY_QUOTE = 5_000

_SEED_WORDS = 4
_MAX_SEEDS = 12
_MAX_SEED_HITS = 8
_WORD_RUN = recompile(rf"\S+(?: \S+){{{_SEED_WORDS - 1}}}")


@record
class Candidate:
    """The passage most like the quote: normalised span, similarity (0-1), differences."""

    similarity: float = 0.0
    start: int = 0
    end: int = 0
    differences: tuple[Difference, ...] = ()
    skipped: str | None = None  # why no candidate was searched for (the budget)
    spent: int = 0  # characters compared

    @property
    def found(self) -> bool:
        return self.skipped is None and self.end > self.start


def best_candidate(quote: Normalised, snapshot: Normalised,
                   near: int | None = None, budget: int = FUZZY_BUDGET) -> Candidate:
    """The passage of ``snapshot`` most like ``quote``, searched within ``budget`` character
    comparisons (:data:`FUZZY_BUDGET`, or what is left of the snapshot's).

    ``near`` is a normalised offset to look around first (from the evidence's ``position``).
    """
    q, text = quote.text, snapshot.text
    if not q or not text:
        return Candidate()
    if len(q) > MAX_FUZZY_QUOTE:
        return Candidate(skipped=f"the quote has {len(q):,} characters once normalised, more "
                         f"than the {MAX_FUZZY_QUOTE:,} the search for a similar passage "
                         "takes")
    spent = 0
    best: tuple[float, int, int] | None = None
    windows = []
    if near is not None:
        windows.append((max(0, near - 2 * len(q)), min(len(text), near + 3 * len(q))))
    windows += _seed_windows(q, text)
    for lo, hi in windows:
        cost = len(q) * (hi - lo)
        if spent + cost > budget:
            break
        spent += cost
        found = _align(q, text, lo, hi)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    whole = len(q) * len(text)
    if (best is None or best[0] < 0.95) and spent + whole <= budget:
        spent += whole
        found = _align(q, text, 0, len(text))
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    if best is None:
        return Candidate(skipped=f"comparing the quote ({len(q):,} characters) with the whole "
                         f"snapshot ({len(text):,}) is over the budget of "
                         f"{budget:,} character comparisons, and no run of its words "
                         "occurs in it", spent=spent)
    candidate = _refine(quote, snapshot, best[1], best[2])
    return Candidate(candidate.similarity, candidate.start, candidate.end,
                     candidate.differences, spent=spent + len(q) * (candidate.end -
                                                                     candidate.start))


def _seed_windows(q: str, text: str) -> list[tuple[int, int]]:
    """Windows around verbatim occurrences of runs of the quote's words, merged."""
    runs = [(m.start(), m.group()) for m in _WORD_RUN.finditer(q) if len(m.group()) >= 12]
    if len(runs) > _MAX_SEEDS:
        step = len(runs) / _MAX_SEEDS
        runs = [runs[int(i * step)] for i in range(_MAX_SEEDS)]
    starts: set[int] = set()
    for offset, run in runs:
        at = text.find(run)
        hits = 0
        while at >= 0 and hits < _MAX_SEED_HITS:
            starts.add(at - offset)
            hits += 1
            at = text.find(run, at + 1)
    windows: list[tuple[int, int]] = []
    for start in sorted(starts):
        lo, hi = max(0, start - len(q) // 4 - 16), min(len(text), start + len(q) * 5 // 4 + 16)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return windows


def _align(q: str, text: str, lo: int, hi: int) -> tuple[float, int, int] | None:
    """rapidfuzz's best window of the quote's length in ``text[lo:hi]``."""
    from rapidfuzz import fuzz

    window = text[lo:hi]
    if not window:
        return None
    if len(q) >= len(window):
        return fuzz.ratio(q, window) / 100, lo, hi
    alignment = fuzz.partial_ratio_alignment(q, window)
    if alignment is None:  # pragma: no cover - only with a score cutoff
        return None
    return alignment.score / 100, alignment.dest_start + lo, alignment.dest_end + lo


def _refine(quote: Normalised, snapshot: Normalised, start: int, end: int) -> Candidate:
    """Widen the aligned window, then keep the words that answer the quote's words."""
    from rapidfuzz import fuzz

    text = snapshot.text
    pad = len(quote.text) // 20 + 24
    lo, hi = max(0, start - pad), min(len(text), end + pad)
    quote_tokens = tokens(quote.text, hard=quote.hard, soft=quote.soft)
    window = tokens(text, lo, hi, snapshot.hard, snapshot.soft)
    if lo > 0 and window and window[0].start == lo and text[lo - 1].isalnum():
        window = window[1:]  # a word cut by the window's edge
    if hi < len(text) and window and window[-1].end == hi and text[hi].isalnum():
        window = window[:-1]
    if not window:
        return Candidate(fuzz.ratio(quote.text, text[start:end]) / 100, start, end)
    first, last, differences = align_words(quote_tokens, window)
    if last <= first:
        return Candidate(0.0, start, end, tuple(differences))
    ns, ne = window[first].start, window[last - 1].end
    similarity = fuzz.ratio(quote.text, text[ns:ne]) / 100
    return Candidate(similarity, ns, ne, tuple(differences))

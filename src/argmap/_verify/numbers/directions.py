"""The direction of a change: "rose by 5%" goes up, "fell 57%" and "a 10% drop" go down.

A direction word counts only right before the figure (alone or with "by" / "of": "rose 5%",
"fell by 57%", "a decline of 10%") or right after it ("a 5% increase", "three times lower").
A figure after "to" or "from" is a level ("rose to 300", "fell from 10% to 5%") and takes no
direction. A sign written on the number ("-5%", "+26%") is its direction already.
"""

from __future__ import annotations

from argmap._recache import recompile
from argmap._verify.numbers.mention import FIGURE_KINDS, Mention, new_mention
from argmap._verify.numbers.reading import key
from argmap._verify.numbers.vocabulary import DIRECTION_AFTER, DIRECTION_BEFORE

_BY_OF = frozenset({"by", "of"})
_WORD_AFTER = recompile(r"[ \t]{0,8}-?[ \t]{0,8}([A-Za-z]{1,20})\b")


def direction(text: str, m: Mention) -> int:
    """+1, -1 or 0 for a figure of ``text``: its sign, else the word just before or after."""
    if m.direction or m.kind not in FIGURE_KINDS:  # ``is_figure``, without the property call
        return m.direction
    lo = m.start - 40  # a conditional, where max() was a call for every figure
    words = text[lo if lo > 0 else 0:m.start].rsplit(None, 2)  # the last two words
    if words:
        # each word as the vocabulary spells it: key's test inline (most words are ASCII)
        word = words[-1]
        spelt = word.lower() if word.isascii() else key(word)
        if spelt in _BY_OF:  # "fell by 57%", "a decline of 10%": the word before that
            if len(words) > 1:
                word = words[-2]
                spelt = word.lower() if word.isascii() else key(word)
            else:
                word = ""  # no word: "".isalpha() is false
        if word.isalpha():
            found = DIRECTION_BEFORE.get(spelt, 0)
            if found:
                return found
    after = _WORD_AFTER.match(text, m.end)
    if after is not None:  # ASCII letters: key() is lower()
        return DIRECTION_AFTER.get(after.group(1).lower(), 0)
    return 0


def with_directions(text: str, found: list[Mention]) -> list[Mention]:
    """Each figure with the direction the words around it give."""
    return [with_direction(text, m) for m in found]


def with_direction(text: str, m: Mention) -> Mention:
    """One figure with the direction the words around it give (:func:`with_directions`)."""
    if m.direction or m.kind not in FIGURE_KINDS:
        return m  # :func:`direction` gives it its own: no call (years, dates, signs)
    way = direction(text, m)
    return _turned(m, way) if way != m.direction else m


def _turned(m: Mention, way: int) -> Mention:
    """``evolve(m, direction=way)``, built directly."""
    return new_mention(m.kind, m.value, m.start, m.end, m.text, m.upper, m.unit, m.scale,
                       m.qualifier, m.period, m.step, m.near, m.vague, m.inferred, m.partial,
                       way)

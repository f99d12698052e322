"""The short cuts of normalisation give what the full substitutions give."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._verify import normalise as module
from argmap._verify.normalise import F_LIGATURES, TH_LIGATURE, normalise, normalise_text

_TEXT = st.text(alphabet=st.characters(max_codepoint=0x7f), max_size=40) | st.text(
    alphabet="ab fT-\n\t\u00a0\u2014\ufb01 .", max_size=40)
_REPAIRS = st.sampled_from([frozenset(), frozenset({F_LIGATURES, TH_LIGATURE})])


@settings(max_examples=500, deadline=None)
@given(_TEXT, _REPAIRS)
def test_plain_text_short_cut_equals_the_substitutions(text: str,
                                                       repairs: frozenset[str]) -> None:
    fast = normalise(text, repairs)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, "plain", lambda _: False)  # force every substitution to run
        slow = normalise(text, repairs)
        assert normalise_text(text, repairs) == slow.text
    assert normalise_text(text, repairs) == fast.text
    assert (fast.text, fast.starts, fast.ends, fast.hard, fast.soft) == (
        slow.text, slow.starts, slow.ends, slow.hard, slow.soft)
    for at in range(len(text) + 2):
        assert fast.index_of(at) == slow.index_of(at)


#: Each fast pattern, its reference as first written, and the characters that exercise it.
_PATTERNS_AND_REFERENCES = [
    ("_HYPHENS", re.compile(r"(?<=[^\W\d_])-\s*(?=[^\W\d_])|(?<=\d)-\s*\n\s*(?=\d)"),
     "a1_- \n\t\u00e9\u0301\u00a0\u2003-"),  # lookbehind first
    ("_SPACE", re.compile(r"\s{2,}|[^\S ]"), "a \n\t\r\u00a0\u2003\u3000\x1c\x0b."),
]


@pytest.mark.parametrize(("name", "reference", "alphabet"), _PATTERNS_AND_REFERENCES,
                         ids=[name for name, _, _ in _PATTERNS_AND_REFERENCES])
@settings(max_examples=1000, deadline=None)
@given(data=st.data())
def test_pattern_matches_where_the_reference_does(
    name: str, reference: re.Pattern[str], alphabet: str, data: st.DataObject
) -> None:
    text = data.draw(st.text(alphabet=alphabet, max_size=40))
    fast: re.Pattern[str] = getattr(module, name)
    assert [m.span() for m in fast.finditer(text)] == [
        m.span() for m in reference.finditer(text)]


#: The f-ligature tells as first written: one pattern, a branch per first letter (without
#: "suc..." and "trac...", dropped since: they matched "such" and "trace").
_F_TELLS_REFERENCE = module._words([  # noqa: SLF001 - the reference is built as it was
    "frst", r"[Aa]fect\w*", r"[Ee]fect\w*", r"[Ee]fort\w*", r"confict\w*", r"[Oo]fer\w*",
    r"[Dd]ifer\w*", r"specifc\w*", r"signifc\w*", r"[Ff]nanc\w*", r"[Oo]fc\w*", r"infuen\w*",
    r"[Ff]gur\w*", "[Ff]ve", "ffth", "benefts?", r"[Ff]nal\w*", r"[Dd]efn\w*", "[Ff]eld",
    r"sufc\w*", r"trafc\w*", r"[Ff]rm\w*", r"[Ff]nd\w*", "ratifed", r"confrm\w*", "ftted",
])
#: Each tell, near misses, and what can stand beside a word.
_TELL_PIECES = st.sampled_from([
    "frst", "afect", "Afects", "efect", "Efort", "confict", "ofer", "Difer", "specifc",
    "signifc", "fnance", "Fnanc", "ofc", "infuence", "fgure", "Fve", "ffth", "benefts",
    "benefit", "fnal", "defn", "feld", "Feld", "sufcient", "succeed", "suc", "trafc", "track",
    "trac", "frm", "Fnd", "ratifed", "confrm", "ftted", "effect", "of", "f", "F", "s", "u", "c",
    "t", "r", "a", " ", "", "-", "\n", "_", "1", "\u00e9", ".", "'", "\ufb01"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(_TELL_PIECES, max_size=8).map("".join))
def test_f_ligature_tells_are_found_where_the_reference_finds_one(text: str) -> None:
    assert (F_LIGATURES in module.detect_repairs(text)) == bool(
        _F_TELLS_REFERENCE.search(text))


@pytest.mark.parametrize(("name", "value"), [("_SPACE", " "), ("_MARKERS", "")])
@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet="a \n\t\r\u00a0\u3000\x1c\ufdd0\ufdd1.", max_size=40))
def test_a_constant_substitution_joins_what_re_sub_gives(name: str, value: str,
                                                         text: str) -> None:
    pattern: re.Pattern[str] = getattr(module, name)
    substitute = module._sub_constant  # noqa: SLF001 - the private step under test
    assert substitute(pattern, value, text, []) == pattern.sub(value, text)

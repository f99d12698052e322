"""What the check of the paper's map leaves unimported: OpenSSL (through ``hashlib``, or
``secrets`` and ``hmac``, which pydantic imports for ``SecretStr``), ``base64``, ``difflib``
(click's suggestions for a mistyped option, made even for a short option given right),
``gzip``, ``calendar`` (for the days of a month) and the code tables of other formats. Each
is still there when used: the digests are hashlib's, a deferred module is the module, a
mistyped option is still answered with its suggestion."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._load import digest
from argmap._verify import wordlist

_PAPER = Path(__file__).resolve().parent.parent / "claims" / "fiia-298"

_CHECK_PROBE = """
import json, sys
import argmap.cli as cli
cli._exit_now = lambda code: None  # the program's os._exit would end the probe too
sys.argv = ["argmap", *sys.argv[1:]]
cli.run()
deferred = sorted(name for name, module in sys.modules.items()
                  if type(module).__name__ == "_Deferred")
sys.stderr.write(json.dumps([sorted(sys.modules), deferred]))
"""

#: Not needed by the paper's check (see each module that imports them).
_UNNEEDED = ("hashlib", "_hashlib", "hmac", "random", "binascii", "difflib", "gzip",
             "calendar")


def _probe(*args: str) -> tuple[list[str], list[str]]:
    done = subprocess.run([sys.executable, "-c", _CHECK_PROBE, *args], capture_output=True,
                          text=True, check=False)
    modules, deferred = json.loads(done.stderr.splitlines()[-1])
    return modules, deferred


@pytest.mark.parametrize("options", [["-j1"], ["-f", "concise", "-j", "1"], []], ids=" ".join)
def test_the_paper_s_check_imports_none_of_what_it_does_not_need(options: list[str]) -> None:
    modules, deferred = _probe("check", "--no-cache", *options, str(_PAPER))
    assert "argmap.rules._shared" in modules  # the rules ran
    assert "argmap._verify.wordlist" in modules  # and read the word list
    assert [name for name in _UNNEEDED if name in modules] == []
    # the code tables of other formats and of `source add`: only the list of all codes
    others = ("argmap._ingest", "argmap._interop")
    assert [name for name in modules if name.startswith(others)] == []
    assert deferred == ["base64", "secrets"]  # imported by pydantic, never read


def test_a_mistyped_option_is_still_answered_with_a_suggestion() -> None:
    from click.testing import CliRunner

    from argmap.cli import cli

    result = CliRunner().invoke(cli, ["check", "--no-cach", str(_PAPER)])
    assert result.exit_code == 2
    assert "No such option '--no-cach'. (Did you mean one of: '--no-cache'," in result.output
    result = CliRunner().invoke(cli, ["check", "-q", str(_PAPER)])
    assert result.exit_code == 2
    assert "No such option '-q'." in result.output
    result = CliRunner().invoke(cli, ["check", "-j1", "-vx", str(_PAPER)])  # -v, then -x
    assert result.exit_code == 2
    assert "No such option '-x'." in result.output


@given(st.integers(-10**6, 10**6), st.integers(-3, 15))
def test_the_days_of_a_month_are_calendar_s(year: int, month: int) -> None:
    import calendar

    from argmap._verify.numbers.periods import days_in_month

    try:
        expected: int | str = calendar.monthrange(year, month)[1]
    except ValueError as exc:
        expected = str(exc)
    try:
        found: int | str = days_in_month(year, month)
    except ValueError as exc:
        found = str(exc)
    assert found == expected


def test_the_word_list_reads_as_gzip_reads_it() -> None:
    from argmap._verify.wordlist import words

    shipped = (Path(wordlist.__file__).parent / "data" / "words.txt.gz").read_bytes()
    assert words() == frozenset(gzip.decompress(shipped).decode("ascii").split())
    assert {"conflict", "flat", "the"} <= words()


_DEFERRED_PROBE = """
import sys
import argmap.cli as cli
cli._load_when_used(("secrets", "base64"))
stand_in = sys.modules["secrets"]
from pydantic import SecretStr  # pydantic.types binds the stand-in
assert "hmac" not in sys.modules
assert SecretStr("a") == SecretStr("a") and SecretStr("a") != SecretStr("b")  # reads secrets
import secrets
import pydantic.types
assert secrets is not stand_in and type(secrets).__name__ == "module"
assert pydantic.types.secrets.compare_digest is secrets.compare_digest
import base64  # the stand-in, still in its place: not read yet
assert base64.b64encode(b"argmap") == b"YXJnbWFw"
assert type(sys.modules["base64"]).__name__ == "module"
sys.stderr.write(repr(("hmac" in sys.modules, sys.modules["base64"].b64encode is base64.b64encode)))
"""


def test_a_deferred_module_is_the_module_when_read() -> None:
    done = subprocess.run([sys.executable, "-c", _DEFERRED_PROBE], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "(True, True)"


@settings(max_examples=60)
@given(st.lists(st.binary(max_size=3000), max_size=6), st.integers(0, 4000))
def test_the_digests_are_hashlib_s(chunks: list[bytes], budget: int) -> None:
    """Whether a text goes through Python's own SHA-256 or OpenSSL's (past the budget), its
    digest is hashlib's; so is the BLAKE2b."""
    saved = digest.BUILTIN_BYTES, digest._hashed  # noqa: SLF001 - the budget under test
    digest.BUILTIN_BYTES, digest._hashed = budget, 0  # noqa: SLF001
    try:
        for data in chunks:
            assert digest.sha256_hex(data) == hashlib.sha256(data).hexdigest()
            assert digest.blake2b_hex(data, 16) == hashlib.blake2b(data, digest_size=16).hexdigest()
    finally:
        digest.BUILTIN_BYTES, digest._hashed = saved  # noqa: SLF001


_BUDGET_PROBE = """
import sys
from argmap._load import digest
from argmap._verify import wordlist
small = digest.sha256_hex(b"x" * digest.BUILTIN_BYTES)
before = "_hashlib" in sys.modules
digest.sha256_hex(b"y")  # over the budget
sys.stderr.write(repr((small[:8], before, "_hashlib" in sys.modules)))
"""


def test_openssl_is_loaded_once_a_process_has_hashed_its_budget() -> None:
    done = subprocess.run([sys.executable, "-c", _BUDGET_PROBE], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stderr
    small = hashlib.sha256(b"x" * digest.BUILTIN_BYTES).hexdigest()[:8]
    assert done.stderr.strip().splitlines()[-1] == repr((small, False, True))

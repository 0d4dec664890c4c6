"""Pseudonymisation of volunteer identifiers: HMAC-SHA256 with a key kept outside the database.

The same identifier always gets the same key (so one volunteer in two files is one
volunteer), while the database alone cannot be turned back into identifiers. The key
comes from ``CIVHUB_PSEUDONYM_KEY`` (hex) or from a key file created on first use
with mode 0600 (``civhub.config.key_path()``); losing it means new files get new keys.

What is stored is the volunteer's number, ``volunteer_no``: the first 64 bits of the
HMAC, read as an unsigned integer (a truncated HMAC, as RFC 2104 section 5 allows).
Every count of distinct volunteers reads it, and a number costs a fraction of a
64-character text to store and compare. Two of a million volunteers share a number
with probability about 3e-8 (n^2 / 2^65); without the key, nobody can choose
identifiers that collide.

The HMAC is computed inside DuckDB (``sha256`` over the padded key and the value), so
that raw identifiers never leave the SQL statement that reads them. A file names each
volunteer many times, so where it can the number is computed once per distinct identifier
(``pipelines.stage``): the rows then carry a *link*, a 128-bit hash of the identifier
under a salt drawn afresh for each load and never written anywhere, and a small table
maps each link to its number. Without the salt, neither the links nor that table can be
matched to identifiers.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets

from civhub import config

_BLOCK = 64
_SALT_BYTES = 16  # salt and an identifier of up to 39 bytes fill one MD5 block


def load_key() -> bytes:
    """The pseudonymisation key, created (32 random bytes, mode 0600) when there is none."""
    from_env = os.environ.get("CIVHUB_PSEUDONYM_KEY")
    if from_env:
        return bytes.fromhex(from_env.strip())
    path = config.key_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(secrets.token_hex(32) + "\n")
    return bytes.fromhex(path.read_text(encoding="ascii").strip())


def pads(key: bytes) -> tuple[bytes, bytes]:
    """The inner and outer HMAC pads of ``key`` (RFC 2104)."""
    if len(key) > _BLOCK:
        key = hashlib.sha256(key).digest()
    padded = key.ljust(_BLOCK, b"\0")
    return bytes(b ^ 0x36 for b in padded), bytes(b ^ 0x5C for b in padded)


def _hmac_sql(value_sql: str) -> str:
    """SQL computing the HMAC of ``value_sql`` (hexadecimal); binds ``$ipad`` and ``$opad`` (see ``pads``)."""
    return f"sha256($opad || unhex(sha256($ipad || encode({value_sql}))))"


def new_salt() -> bytes:
    """A salt for the links of one load (bound as ``$salt``)."""
    return secrets.token_bytes(_SALT_BYTES)


def link_expression(value_sql: str) -> str:
    """SQL computing the link of ``value_sql`` (a UHUGEINT); binds ``$salt`` (see ``new_salt``)."""
    return f"md5_number($salt || encode({value_sql}))"


def number_expression(value_sql: str) -> str:
    """SQL computing the number of ``value_sql`` (a UBIGINT, ``volunteer_no``); binds ``$ipad`` and ``$opad``."""
    return f"CAST('0x' || {_hmac_sql(value_sql)}[1:16] AS UBIGINT)"


def table(column: str) -> str:
    """The temporary table of the numbers of ``column``: ``(link UHUGEINT, number UBIGINT)``."""
    return f"pseudonyms_{column}"


def pseudonymise(value: str, key: bytes) -> str:
    """The same HMAC in Python (hexadecimal), for tests and one-off look-ups."""
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()


def number(value: str, key: bytes) -> int:
    """The volunteer number of ``value`` in Python: what ``number_expression`` computes."""
    return int(pseudonymise(value, key)[:16], 16)

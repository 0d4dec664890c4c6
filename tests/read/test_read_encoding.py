"""Encodings: BOMs, UTF-8, UTF-16, the two Greek code pages, and the temporary UTF-8 copy."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from pipelines.faults import FileFault
from pipelines.read import decode
from pipelines.read.decode import legacy_encoding, to_utf8
from pipelines.read.open_file import close_table, opened_table
from tests.read.support import HEADER_MAP, REQUIRED, read, values

# 'Ά' is the letter the two Greek code pages place differently (0xA2 / 0xB6).
TEXT = "Δήμος;Υπογραφή;Κέντρο\r\n9101;2024-01-02;Άγιος Νικόλαος\r\n"
EXPECTED = [(2, "9101", "2024-01-02", "Άγιος Νικόλαος")]


def test_utf8_without_bom_is_read_in_place(write):
    path = write(TEXT)
    table = read(path)
    assert (table.encoding, values(table)) == ("utf-8", EXPECTED)
    assert table.fast.path == path


def test_utf8_with_bom_is_transcoded_without_the_bom(write):
    path = write(b"\xef\xbb\xbf" + TEXT.encode())
    table = read(path)
    assert (table.encoding, values(table)) == ("utf-8-sig", EXPECTED)
    assert table.header[0] == "Δήμος"
    assert table.fast.path != path
    assert table.fast.path.read_bytes() == TEXT.encode()


@pytest.mark.parametrize(("codec", "label"), [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
def test_utf16_with_bom_tab_separated(write, codec, label):
    # Excel's "Unicode text": UTF-16 with a BOM, TAB between cells.
    text = TEXT.replace(";", "\t")
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    table = read(write(bom + text.encode(codec)))
    assert (table.encoding, table.delimiter, values(table)) == (label, "\t", EXPECTED)
    assert table.fast is None  # a tab in the text: only the batches strip what DuckDB's scan would keep


def test_windows_1253(write):
    path = write(TEXT.encode("cp1253"))
    assert b"\xa2" in path.read_bytes()
    table = read(path)
    assert (table.encoding, values(table)) == ("cp1253", EXPECTED)


def test_iso_8859_7(write):
    path = write(TEXT.encode("iso-8859-7"))
    assert b"\xb6" in path.read_bytes()
    table = read(path)
    assert (table.encoding, values(table)) == ("iso-8859-7", EXPECTED)


def test_windows_1253_with_euro_and_quotes(write):
    # 0x80 '€' and 0x93/0x94 quotes are control characters in ISO-8859-7.
    text = "Δήμος;Υπογραφή;Κέντρο\r\n9101;2024-01-02;«Άλφα» “€ 5”\r\n"
    table = read(write(text.encode("cp1253")))
    assert (table.encoding, values(table)) == ("cp1253", [(2, "9101", "2024-01-02", "«Άλφα» “€ 5”")])


def test_code_page_choice_by_the_unlikely_characters(write):
    # Without 0xA2, 0xB6 or 0x80-0x9F both read the same: Windows-1253, Greek Excel's own.
    assert legacy_encoding(write("Δήμος;Τιμή\r\n".encode("cp1253"))) == "cp1253"
    # 0xB6 alone: 'Ά' in ISO-8859-7, a pilcrow '¶' in Windows-1253.
    assert legacy_encoding(write("Άρτα\r\n".encode("iso-8859-7"))) == "iso-8859-7"
    # 0xA2 and 0x80: 'Ά' and '€' in Windows-1253, a quote and a control character in ISO-8859-7.
    assert legacy_encoding(write("Άρτα €\r\n".encode("cp1253"))) == "cp1253"
    # 0xAE is '®' in Windows-1253 and undefined in ISO-8859-7; 0xAA the reverse.
    assert legacy_encoding(write(b"Art\xae\r\n")) == "cp1253"
    assert legacy_encoding(write(b"Art\xaa\r\n")) == "iso-8859-7"


@pytest.mark.parametrize("content", [
    b"Dimos;\xd2\xff\r\n",  # 0xD2 and 0xFF are undefined in both code pages
    "Δήμος;Υπογραφή\r\n".encode("utf-16-le"),  # UTF-16 without its BOM: NUL bytes everywhere
])
def test_unreadable_encoding(write, content):
    with pytest.raises(FileFault) as fault:
        read(write(content))
    assert fault.value.code == "unreadable_encoding"


def test_invalid_utf16_is_unreadable(write):
    # A lone high surrogate (0xD800) cannot be decoded.
    with pytest.raises(FileFault) as fault:
        read(write(b"\xff\xfe" + "Δήμος\t".encode("utf-16-le") + b"\x00\xd8"))
    assert fault.value.code == "unreadable_encoding"


@pytest.mark.parametrize("chunk", [1, 2, 3, 5])
def test_chunks_cutting_characters_apart(write, monkeypatch, chunk):
    # Greek letters are two bytes in UTF-8; tiny chunks cut them (and CRLFs) at every place.
    monkeypatch.setattr(decode, "CHUNK_BYTES", chunk)
    assert values(read(write(TEXT))) == EXPECTED
    assert values(read(write(TEXT.encode("cp1253")))) == EXPECTED
    assert values(read(write(b"\xff\xfe" + TEXT.encode("utf-16-le")))) == EXPECTED
    assert read(write(TEXT)).fast is not None


def test_invalid_utf8_falls_back_to_a_code_page_even_late_in_the_file(write, monkeypatch):
    monkeypatch.setattr(decode, "CHUNK_BYTES", 4)
    text = "Δήμος;Υπογραφή\r\n" + "9101;2024-01-02\r\n" * 10 + "9102;Άρτα\r\n"
    table = read(write(text.encode("cp1253")))
    assert table.encoding == "cp1253"
    assert values(table)[-1] == (12, "9102", "Άρτα")


def test_temporary_copy_is_deleted_by_close_table(write):
    table = read(write(TEXT.encode("cp1253")))
    copy = table.fast.path
    assert copy.exists()
    close_table(table)
    assert not copy.exists()


def test_temporary_copy_is_deleted_when_the_table_is_garbage_collected(write):
    table = read(write(TEXT.encode("cp1253")))
    copy = table.fast.path
    del table
    gc.collect()
    assert not copy.exists()


def test_opened_table_deletes_the_copy_on_leaving_the_block(write):
    with opened_table(write(TEXT.encode("iso-8859-7")), HEADER_MAP, REQUIRED) as table:
        copy = table.fast.path
        assert values(table) == EXPECTED
    assert not copy.exists()


def test_closing_a_table_read_in_place_keeps_the_submitted_file(write):
    path = write(TEXT)
    close_table(read(path))
    assert path.exists()


def test_temporary_copy_is_deleted_when_the_file_is_refused(write, monkeypatch):
    made = []
    real = decode.tempfile.mkstemp

    def mkstemp(**kwargs):
        made.append(real(**kwargs))
        return made[-1]

    monkeypatch.setattr(decode.tempfile, "mkstemp", mkstemp)
    with pytest.raises(FileFault):
        read(write("κάτι;άλλο\r\n".encode("cp1253")))
    assert len(made) == 1 and not Path(made[0][1]).exists()


def test_to_utf8_reports_the_encoding_and_whether_the_file_was_copied(write):
    text = to_utf8(write(TEXT))
    assert (text.encoding, text.temporary) == ("utf-8", False)
    copied = to_utf8(write(TEXT.encode("cp1253")))
    try:
        assert (copied.encoding, copied.temporary) == ("cp1253", True)
        assert copied.path.read_bytes() == TEXT.encode("utf-8")
    finally:
        copied.discard()
    assert not copied.path.exists()

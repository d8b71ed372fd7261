"""Word (.docx) files read straight from the file: tables from the w:tbl grid, positions as table, row, cell."""

from __future__ import annotations

import io
import json
import random
import re
import zipfile
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import giar_parse
from conftest import DATA, differences
from giar_parse import DamagedDocumentError, EncryptedDocumentError, Report, strategies
from giar_parse.cli.main import main
from giar_parse.sources.docx import MAX_XML_BYTES, flatten_docx
from giar_parse.sources.docx.numbering import counted
from giar_parse.sources.docx.wordml import MAX_TABLE_DEPTH
from wordfile import W, document_xml, docx, p, r, report_docx, tab_rows, tbl, tc, tr

SAMPLES = DATA / "2021"
REPORTS = ["pingtan-gov-2023", "pingtan-gov-2024"]
ROWS_TAB = (SAMPLES / "pingtan-gov-2023.rows-tab.txt").read_text(encoding="utf-8")


def text_of(data: bytes) -> str:
    return flatten_docx(data, "test.docx").text


def non_info(report: Report) -> list[str]:
    return [f"{d.code}: {d.message}" for d in report.diagnostics if d.severity != "info"]


# --- the real samples -----------------------------------------------------------------------


@pytest.mark.parametrize("report", REPORTS)
def test_sample_docx_reads_exactly_its_expected_values(report: str) -> None:
    path = SAMPLES / f"{report}.docx"
    expected = json.loads((SAMPLES / f"{report}.json").read_text(encoding="utf-8"))
    parsed = giar_parse.parse_file(path)
    assert differences(expected, giar_parse.to_dict(parsed)) == []
    assert parsed.template == "2021"
    assert non_info(parsed) == []
    assert parsed.source == str(path)


def test_path_bytes_and_open_file_read_the_same() -> None:
    path = SAMPLES / "pingtan-gov-2024.docx"
    from_path = giar_parse.parse_file(str(path))
    with path.open("rb") as file:
        from_file = giar_parse.parse_file(file)
    from_bytes = giar_parse.parse_file(path.read_bytes())
    assert from_path == from_file == from_bytes == giar_parse.parse_bytes(path.read_bytes())
    assert (from_file.source, from_bytes.source) == (str(path), None)


def test_provenance_names_the_table_row_and_cell() -> None:
    data = (SAMPLES / "pingtan-gov-2023.docx").read_bytes()
    report = giar_parse.parse_file(data)
    assert report.requests is not None and report.requests.received is not None
    where = report.requests.received.provenance["total"]
    # table 三 is the document's second table; 一、本年新收 is its fourth row; 总计 its eighth w:tc
    assert (where.raw, where.table, where.row, where.cell) == ("81", 1, 3, 7)
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    table = document.split("<w:tbl>")[2]
    row = table.split("<w:tr>")[1 + 3]
    cell = row.split("<w:tc>")[1 + 7]
    assert ">81<" in cell
    shown = giar_parse.to_dict(report, provenance=True)["requests"]["received"]["provenance"]["total"]
    assert (shown["raw"], shown["table"], shown["row"], shown["cell"]) == ("81", 1, 3, 7)
    # line and column point into the text made of the document
    line = flatten_docx(data, None).text.splitlines()[where.line - 1]
    assert line[where.column - 1 :].startswith("81")


def test_docx_of_tab_rows_reads_like_the_text() -> None:
    report = giar_parse.parse_file(docx(tab_rows(ROWS_TAB)))
    assert report == giar_parse.parse(ROWS_TAB)
    assert non_info(report) == []


# --- what is read from the XML ---------------------------------------------------------------


def test_paragraphs_and_rows_in_document_order() -> None:
    body = p("甲") + tbl(tr("一", "1"), tr("二", "2")) + p("乙") + tbl(tr("三", "3"))
    assert text_of(docx(body)) == "甲\n一\t1\n二\t2\n乙\n三\t3"


def test_merged_cells_follow_the_html_convention() -> None:
    # 总计 spans two rows, 法人 two columns: each is one field, in its first row only
    body = tbl(
        tr(tc("自然人", merge="restart"), tc("法人", span=2), tc("总计", merge="restart")),
        tr(tc(merge="continue"), tc("商业企业"), tc("科研机构"), tc(merge="continue")),
        tr(tc("5"), tc(""), tc("0"), tc("5")),
    )
    assert text_of(docx(body)) == "自然人\t法人\t总计\n商业企业\t科研机构\n5\t\t0\t5"


def test_cell_index_counts_every_w_tc() -> None:
    body = tbl(tr(tc("组", merge="restart"), tc("甲"), tc("1")), tr(tc(merge="continue"), tc("乙"), tc("2")))
    flattened = flatten_docx(docx(body), None)
    assert flattened.text == "组\t甲\t1\n乙\t2"
    [(_, first), (_, second)] = flattened.origins[1]
    assert (first.table, first.row, first.cell) == (0, 1, 1)
    assert (second.table, second.row, second.cell) == (0, 1, 2)


def test_breaks_and_paragraphs_inside_a_cell_are_joined() -> None:
    cell = tc(p(r("结果"), "<w:r><w:br/></w:r>", r("纠正")), p("维持"))
    body = tbl(tr(cell, tc("Item 1", "Part 2")))
    assert text_of(docx(body)) == "结果纠正维持\tItem 1 Part 2"


def test_a_break_in_a_body_paragraph_starts_a_line() -> None:
    body = p(r("一、总体情况"), "<w:r><w:br/></w:r>", r("本年度"), "<w:r><w:tab/></w:r>", r("继续"))
    assert text_of(docx(body)) == "一、总体情况\n本年度 继续"


def test_tracked_deletions_field_codes_and_drawings_are_left_out() -> None:
    body = p(
        r("收到"),
        "<w:del><w:r><w:delText>99</w:delText></w:r></w:del>",
        "<w:ins><w:r><w:t>81</w:t></w:r></w:ins>",
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>',
        "<w:r><w:drawing><w:t>图</w:t></w:drawing></w:r>",
        r("件"),
    )
    assert text_of(docx(body)) == "收到81件"


def test_deleted_rows_are_left_out_and_content_controls_looked_through() -> None:
    body = tbl(
        tr("甲", "1"),
        "<w:tr><w:trPr><w:del/></w:trPr>" + tc("乙") + tc("2") + "</w:tr>",
        "<w:sdt><w:sdtContent>" + tr("丙", "3") + "</w:sdtContent></w:sdt>",
    )
    assert text_of(docx("<w:sdt><w:sdtContent>" + p("前") + "</w:sdtContent></w:sdt>" + body)) == "前\n甲\t1\n丙\t3"


def test_any_namespace_prefix_and_the_default_namespace() -> None:
    body = p("甲") + tbl(tr(tc("组", merge="restart"), tc("1")), tr(tc(merge="continue"), tc("2")))
    expected = "甲\n组\t1\n2"
    assert text_of(docx(body)) == expected
    renamed = document_xml(body).replace("w:", "ns0:").replace("xmlns:w=", "xmlns:ns0=")
    assert text_of(docx("", document=renamed)) == expected
    default = document_xml(body).replace("<w:", "<").replace("</w:", "</").replace("xmlns:w=", "xmlns=")
    assert text_of(docx("", document=default.replace(' w:val="', ' val="'))) == expected
    strict = document_xml(body).replace(W, "http://purl.oclc.org/ooxml/wordprocessingml/main")  # "Strict Open XML"
    assert text_of(docx("", document=strict)) == expected
    other = document_xml(body).replace(W, "urn:not-word")
    assert "not WordprocessingML" in refused(docx("", document=other), DamagedDocumentError)


def test_xml_comments_cdata_and_character_references() -> None:
    body = (
        "<!-- <w:p><w:r><w:t>注释</w:t></w:r></w:p> -->"
        + p("<w:r><w:t>A &amp; B &#x4E00;&lt;</w:t></w:r>")
        + p("<w:r><w:t><![CDATA[x < y]]></w:t></w:r>")
    )
    assert text_of(docx(body)) == "A & B 一<\nx < y"
    utf16 = document_xml(body).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert text_of(docx("", document=utf16)) == "A & B 一<\nx < y"


def test_paragraph_properties_and_alternate_content_are_not_text() -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    properties = (
        '<w:pPr><w:tabs><w:tab w:val="left" w:pos="709"/></w:tabs>'
        "<w:pPrChange><w:pPr><w:tabs><w:tab/></w:tabs></w:pPr></w:pPrChange></w:pPr>"
    )
    alternate = (
        "<mc:AlternateContent><mc:Choice><w:drawing/></mc:Choice>"
        "<mc:Fallback><w:t>图</w:t></mc:Fallback></mc:AlternateContent>"
    )
    body = "<w:p>" + properties + r("一、") + "<w:r>" + alternate + "</w:r>" + r("总体情况") + "</w:p>"
    document = document_xml(body).replace("<w:document ", f'<w:document xmlns:mc="{mc}" ')
    assert text_of(docx("", document=document)) == "一、总体情况"


def test_headers_footers_and_comments_are_ignored() -> None:
    parts = {
        "word/header1.xml": f'<w:hdr xmlns:w="{W}"><w:p><w:r><w:t>页眉</w:t></w:r></w:p></w:hdr>',
        "word/footer1.xml": "<w:ftr/>",
        "word/comments.xml": "<w:comments/>",
    }
    body = p("正文", "<w:r><w:commentReference/></w:r>") + '<w:sectPr><w:headerReference w:type="default"/></w:sectPr>'
    assert text_of(docx(body, parts=parts)) == "正文"


def test_a_layout_table_holding_tables_is_read_as_its_contents() -> None:
    inner = tbl(tr("一", "1"))
    body = tbl(tr(tc(p("标题"), inner)))
    assert text_of(docx(body)) == "标题\n一\t1"


def test_a_frame_of_one_cell_is_read_as_its_paragraphs() -> None:
    body = tbl(tr(tc("一、总体情况", "本年度……", "二、主动公开政府信息情况"))) + tbl(
        tr(tc("商业", "企业")), tr(tc("1"))
    )
    assert text_of(docx(body)) == "一、总体情况\n本年度……\n二、主动公开政府信息情况\n商业企业\n1"
    assert text_of(docx(tbl(tr(tc("第二十条第（一）项"))))) == "第二十条第（一）项"


def test_main_part_found_through_the_package_relationships() -> None:
    rels = package_rels("word/main.xml")
    data = docx("", parts={"_rels/.rels": rels, "word/main.xml": document_xml(p("甲"))})
    data = _without(data, "word/document.xml")
    assert text_of(data) == "甲"


def package_rels(target: str) -> str:
    return (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        f'Target="{target}"/></Relationships>'
    )


def _without(data: bytes, member: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != member:
                target.writestr(info, source.read(info))
    return out.getvalue()


# --- errors: each our own, naming the file and what to do ------------------------------------


def zipped(files: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def refused(data: bytes, error: type[giar_parse.GiarParseError], name: str = "report.docx") -> str:
    source = io.BytesIO(data)
    source.name = name  # type: ignore[misc]
    with pytest.raises(error) as caught:
        giar_parse.parse_file(source)
    message = caught.value.message
    assert message.startswith(f"{name}: "), message
    return message


def test_a_zip_that_is_not_a_docx() -> None:
    message = refused(zipped({"xl/workbook.xml": "<workbook/>"}), DamagedDocumentError)
    assert "not a Word .docx" in message and "word/document.xml" in message


def test_an_opendocument_file_is_told_to_convert() -> None:
    data = zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
    assert "soffice --headless --convert-to docx" in refused(data, DamagedDocumentError, "report.odt")


def test_malformed_xml_says_where() -> None:
    data = docx("", document='<?xml version="1.0"?>\n<w:document xmlns:w="x"><w:body><w:p></w:body>')
    message = refused(data, DamagedDocumentError)
    assert "word/document.xml is not well-formed XML (line 2" in message and "save it again" in message


def test_a_damaged_zip() -> None:
    data = docx(p("甲"))
    message = refused(data[: len(data) // 2], DamagedDocumentError)
    assert "damaged zip archive" in message


def test_a_corrupt_member_is_damaged_not_a_zlib_error() -> None:
    data = bytearray(docx(p("甲" * 2000)))
    start = data.index(b"word/document.xml") + len("word/document.xml")
    data[start + 10 : start + 40] = b"\xff" * 30
    refused(bytes(data), DamagedDocumentError)


def test_a_zip_bomb_is_refused() -> None:
    # 60 MB of one repeated paragraph deflates to a few tens of kilobytes
    paragraph = b"<w:p><w:r><w:t>" + "一".encode() * 1000 + b"</w:t></w:r></w:p>"
    body = paragraph * (MAX_XML_BYTES // len(paragraph) + 1000)
    document = f'<w:document xmlns:w="{W}"><w:body>'.encode() + body
    data = zipped({"word/document.xml": document + b"</w:body></w:document>"})
    assert len(data) < MAX_XML_BYTES // 100
    assert "inflates past 50 MB" in refused(data, DamagedDocumentError)


def test_a_zip_bomb_lying_about_its_size_is_refused_while_reading() -> None:
    big = b"<w:document>" + b" " * (MAX_XML_BYTES + 10) + b"</w:document>"
    data = bytearray(zipped({"word/document.xml": big}))
    # the central directory claims a small size; the reader must not trust it
    central = data.rindex(b"PK\x01\x02")
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")
    local = data.index(b"PK\x03\x04")
    data[local + 22 : local + 26] = (100).to_bytes(4, "little")
    message = refused(bytes(data), DamagedDocumentError)
    assert "inflates past" in message or "damaged zip" in message


def test_entity_declarations_are_refused() -> None:
    document = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><w:document xmlns:w="x"><w:body/></w:document>'
    assert "DTD" in refused(docx("", document=document), DamagedDocumentError)


def test_an_encrypted_member() -> None:
    data = bytearray(docx(p("甲")))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            data[at + offset] |= 1  # the "encrypted" flag, on every member
            at = data.find(signature, at + 1)
    assert "without a password" in refused(bytes(data), EncryptedDocumentError)


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def test_legacy_doc_and_wps_files_are_told_to_convert() -> None:
    message = refused(OLE2 + "WordDocument".encode("utf-16-le"), giar_parse.LegacyFormatError, "report.doc")
    assert "legacy Word .doc or WPS" in message and "soffice --headless --convert-to docx" in message


def test_a_password_protected_word_file() -> None:
    data = OLE2 + "EncryptedPackage".encode("utf-16-le")
    assert "password" in refused(data, EncryptedDocumentError)


@pytest.mark.parametrize("data", [b"", b" \r\n\t\n"], ids=["empty", "blank"])
def test_an_empty_file_says_so(data: bytes) -> None:
    message = refused(data, giar_parse.EmptyInputError, "report.txt")
    assert "empty file" in message and "report structure" not in message
    with pytest.raises(giar_parse.EmptyInputError, match="the input: empty file"):
        giar_parse.parse_bytes(data)


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)), b"abc\x00def"],
    ids=["png", "elf", "nul"],
)
def test_other_binary_input(data: bytes) -> None:
    assert "binary file, not a report" in refused(data, giar_parse.BinaryInputError, "scan.png")


def test_utf16_text_with_a_byte_order_mark_is_not_binary() -> None:
    report = giar_parse.parse_file(ROWS_TAB.encode("utf-16"))
    assert report == giar_parse.parse(ROWS_TAB)


def test_a_missing_or_unreadable_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.docx"
    with pytest.raises(giar_parse.UnreadableFileError) as caught:
        giar_parse.parse_file(missing)
    assert caught.value.message.startswith(f"{missing}: cannot read the file")
    assert isinstance(caught.value, OSError) and caught.value.path == str(missing)
    with pytest.raises(giar_parse.UnreadableFileError, match="cannot read the file"):
        giar_parse.parse_file(tmp_path)
    with pytest.raises(giar_parse.UnreadableFileError, match=r"for a report's text, use parse\(\)"):
        giar_parse.parse_file(ROWS_TAB)
    with pytest.raises(giar_parse.UnreadableFileError, match="null"):
        giar_parse.parse_file("report\x00.docx")


def test_a_file_opened_in_text_mode_or_another_object(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(ROWS_TAB, encoding="utf-8")
    with path.open(encoding="utf-8") as file, pytest.raises(giar_parse.GiarParseError, match="'rb'"):
        giar_parse.parse_file(file)  # type: ignore[arg-type]
    with pytest.raises(giar_parse.GiarParseError, match="not int"):
        giar_parse.parse_file(3)  # type: ignore[arg-type]


def test_strict_raises_with_the_line_of_the_text_made_of_the_document() -> None:
    cut = ROWS_TAB[: ROWS_TAB.index("四、政府信息公开行政复议")]
    with pytest.raises(giar_parse.IncompleteReportError, match="四"):
        giar_parse.parse_file(docx(tab_rows(cut)), strict=True)


def test_a_docx_without_a_report_is_not_a_report(tmp_path: Path) -> None:
    with pytest.raises(giar_parse.NotAReportError):
        giar_parse.parse_file(docx(p("今天天气很好。")))
    path = tmp_path / "notes.docx"
    path.write_bytes(docx(p("今天天气很好。")))
    with pytest.raises(giar_parse.NotAReportError) as caught:
        giar_parse.parse_file(path)
    assert caught.value.message.startswith(f"{path}: no annual report structure found")
    assert str(caught.value).startswith(f"{path}: no annual report structure found")
    assert (caught.value.line, caught.value.column) == (1, 1) and "今天天气很好" in caught.value.snippet


def test_tables_nested_thousands_deep_are_our_error() -> None:
    depth = 5000
    body = "<w:tbl><w:tr><w:tc>" * depth + p("一") + "</w:tc></w:tr></w:tbl>" * depth
    with pytest.raises(DamagedDocumentError, match=f"nested more than {MAX_TABLE_DEPTH} deep"):
        giar_parse.parse_file(docx(body))


def test_tables_nested_a_few_deep_are_read() -> None:
    body = "<w:tbl><w:tr><w:tc>" * 5 + p("一、总体情况") + "</w:tc></w:tr></w:tbl>" * 5
    assert text_of(docx(body)) == "一、总体情况"


# --- the property: a drawn report written as Word reads back equal ---------------------------


@given(drawn=strategies.reports(), rng=st.randoms(use_true_random=False))
def test_drawn_reports_written_as_docx_read_back_equal(drawn: Report, rng: random.Random) -> None:
    """``parse_file(docx(r)) == r``, with merged cells, blank cells and labels split over two paragraphs."""
    report = giar_parse.parse_file(report_docx(drawn, rng))
    assert report == drawn
    assert non_info(report) == non_info(giar_parse.parse(giar_parse.render(drawn)))


def test_table_four_with_every_cell_blank_is_kept() -> None:
    """A row of blank cells is a row: table 四 printing 15 blank cells reads as 15 nulls, not as lost."""
    drawn = giar_parse.parse(ROWS_TAB)
    assert drawn.appeals is not None
    blank = giar_parse.Outcomes(None, None, None, None, None)
    drawn = attrs.evolve(drawn, appeals=giar_parse.AppealTable(blank, blank, blank))
    report = giar_parse.parse_file(report_docx(drawn, random.Random(0)))
    assert report.appeals == drawn.appeals
    assert not [d for d in report.diagnostics if d.severity == "error"]


# --- the command line -------------------------------------------------------------------------


def test_command_line_takes_docx_from_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "pingtan-gov-2024.docx").write_bytes((SAMPLES / "pingtan-gov-2024.docx").read_bytes())
    (folder / "notes.odt").write_bytes(b"not taken: no default glob matches it")
    assert main([str(folder), "--format", "jsonl"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    expected = json.loads((SAMPLES / "pingtan-gov-2024.json").read_text(encoding="utf-8"))
    assert differences(expected, json.loads(line)) == []


def test_command_line_reports_a_legacy_doc_and_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    legacy = tmp_path / "old.docx"  # named .docx, but an OLE2 file: the content decides
    legacy.write_bytes(OLE2)
    good = tmp_path / "good.docx"
    good.write_bytes((SAMPLES / "pingtan-gov-2023.docx").read_bytes())
    assert main([str(legacy), str(good), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    assert "LegacyFormatError" in captured.err and "soffice --headless --convert-to docx" in captured.err


# --- any damage: our error or a report, never another exception --------------------------------


def read_or_refuse(data: bytes) -> None:
    """A report, or our own error about the input: not a bug wrapped as "internal error"."""
    try:
        giar_parse.parse_file(data)
    except giar_parse.GiarParseError as error:
        assert "internal error" not in error.message, error.message


SAMPLE_XML = zipfile.ZipFile(io.BytesIO((SAMPLES / "pingtan-gov-2024.docx").read_bytes())).read("word/document.xml")


@given(cut=st.integers(0, len(SAMPLE_XML)), at=st.integers(0, len(SAMPLE_XML) - 1), junk=st.binary(max_size=8))
def test_damaged_document_xml_is_our_error_or_a_report(cut: int, at: int, junk: bytes) -> None:
    """Cut short, or with bytes replaced: DamagedDocumentError (or a report), nothing else."""
    for xml in (SAMPLE_XML[:cut], SAMPLE_XML[:at] + junk + SAMPLE_XML[at + len(junk) :]):
        read_or_refuse(docx("", document=xml))


@given(data=st.binary(min_size=1, max_size=64), keep=st.integers(0, 4000))
def test_damaged_zip_bytes_are_our_error(data: bytes, keep: int) -> None:
    whole = (SAMPLES / "pingtan-gov-2023.docx").read_bytes()
    for damaged in (whole[:keep], whole[:keep] + data + whole[keep + len(data) :], b"PK\x03\x04" + data):
        read_or_refuse(damaged)


# --- Word's automatic list numbers ------------------------------------------------------------

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/>
  <w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="第%1章"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/>
 <w:lvlOverride w:ilvl="2"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>
</w:styles>"""


def numbered(text: str, num: int, level: int = 0, tracked: str = "") -> str:
    properties = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>{tracked}</w:pPr>'
    return f"<w:p>{properties}{r(text)}</w:p>"


def styled(text: str, style: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{r(text)}</w:p>'


def test_list_numbers_are_put_back_before_their_paragraphs() -> None:
    body = (
        numbered("总体情况", 1)
        + numbered("主动公开方面", 1, 1)
        + numbered("依申请公开方面", 1, 1)
        + numbered("首页", 2)  # a bullet: no label
        + numbered("主动公开政府信息情况", 1)
        + numbered("规章", 1, 1)  # the second level restarts under a new first-level item
        + tbl(tr(tc(numbered("属于国家秘密", 3, 2)), tc("0")), tr(tc(numbered("其他", 3, 2)), tc("1")))
        + numbered("总则", 4)
    )
    parts = {"word/numbering.xml": NUMBERING}
    assert text_of(docx(body, parts=parts)).splitlines() == [
        "一、总体情况",
        "（一）主动公开方面",
        "（二）依申请公开方面",
        "首页",
        "二、主动公开政府信息情况",
        "（一）规章",
        "5.属于国家秘密\t0",  # the list that starts its third level at 5
        "6.其他\t1",
        "第1章 总则",
    ]


def test_list_numbers_of_paragraph_styles_and_tracked_changes() -> None:
    old = '<w:pPrChange><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr></w:pPrChange>'
    body = (
        styled("总体情况", "Heading1")
        + styled("主动公开", "MyHeading")
        + p(r("正文"))
        + numbered("其他", 0, tracked=old)
    )
    parts = {"word/numbering.xml": NUMBERING, "word/styles.xml": STYLES}
    assert text_of(docx(body, parts=parts)).splitlines() == ["一、总体情况", "二、主动公开", "正文", "其他"]


def test_a_report_with_numbered_headings_reads_like_its_text() -> None:
    """The sample with its section and sub-section numbers made Word list numbers."""
    heading = re.compile(r"^\s*[一二三四五六七八九十]+、(?=\S)")
    sub = re.compile(r"^\s*（[一二三四五六七八九十]+）(?=\S)")

    def paragraph(line: str) -> str:
        if heading.match(line):
            return numbered(heading.sub("", line), 1)
        if sub.match(line):
            return numbered(sub.sub("", line), 1, 1)
        return p(line)

    data = docx(tab_rows(ROWS_TAB, paragraph), parts={"word/numbering.xml": NUMBERING})
    assert flatten_docx(data, None).text == flatten_docx(docx(tab_rows(ROWS_TAB)), None).text
    assert giar_parse.parse_file(data) == giar_parse.parse(ROWS_TAB)


def test_malformed_numbering_is_damaged() -> None:
    data = docx(numbered("总体情况", 1), parts={"word/numbering.xml": "<w:numbering><w:num>"})
    assert "word/numbering.xml is not well-formed XML" in refused(data, DamagedDocumentError)


@pytest.mark.parametrize(
    ("style", "numbers"),
    [
        ("chineseCounting", "一 九 十 十一 二十 二十一 一百 一百零五 一百一十"),
        ("decimal", "1 9 10 11 20 21 100 105 110"),
        ("upperRoman", "I IX X XI XX XXI C CV CX"),
        ("lowerLetter", "a i j k t u vvvv aaaaa fffff"),
    ],
)
def test_number_formats(style: str, numbers: str) -> None:
    values = [1, 9, 10, 11, 20, 21, 100, 105, 110]
    assert " ".join(counted(n, style) for n in values) == numbers

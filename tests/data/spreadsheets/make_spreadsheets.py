#!/usr/bin/env python3
"""Writes the spreadsheets tests/vensim/test_spreadsheets.cpp reads, with the standard
library only (an .xlsx is a zip of XML parts). Run it from anywhere; it writes next to
itself. The cell values here are what the test asserts.

  numbers.xlsx  sheet "Params": B2=1.5 C2=2.5 D2=3.5 (a row), B4..B6 = 10, 20, 30
                (a column), B8:C9 = [[1, 2], [3, 4]] (a table), A1 = shared string
                "label", A2 = inline string "inline", F1 = "north", G1 = "south",
                F2 = 3 (subscript elements, G2 left empty);
                sheet "Series": row 1 times 0, 2, 4 in C1:E1, rows 2 and 3 values
                (C2:E2 = 5, 7, 11; C3:E3 = 100, 50, 0), column A times 1, 3 in A6:A7
                with values in B6:B7 = 40, 60, and a hole at D4 (C4 = 1, E4 = 3);
                defined names: "row_values" (global) = Params!$B$2:$D$2,
                "table" (local to Series) = Params!$B$8:$C$9, "times" (global) =
                Series!$C$1:$E$1, "first" (global) = Series!$C$2:$E$2.
  numbers.csv   "a,b" header then rows 1,2,3 and 4,"5",6.
  series.tab    tab-separated: a header, then times 0 and 10 in column A with 10 and 30 in B.
  textcell.csv  times 0, 1, 2 in B1:D1, values 30, "TEXT", 50 in B2:D2.
  badxml.xlsx   a sheet whose XML stops in the middle of a cell.
  bomb.xlsx     a sheet that inflates to 4 MB of spaces from a few kilobytes.
  farcell.xlsx  a cell at row 99999999, beyond Excel's last row.
  nosheetpart.xlsx  a workbook listing sheet "S" whose part (xl/worksheets/sheet1.xml) is missing.
  huge.xls      get_lookups_subset/input.xls claiming 65536 x 256 cells.
"""
import os
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def workbook(sheets, names=""):
    entries = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, n in enumerate(sheets))
    defined = f"<definedNames>{names}</definedNames>" if names else ""
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {NS}><sheets>{entries}</sheets>{defined}</workbook>'


def workbook_rels(count, strings=True):
    rels = "".join(
        f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(count))
    if strings:
        rels += ('<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                 'sharedStrings" Target="sharedStrings.xml"/>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')


def sheet(cells):
    """cells: {row: [(ref, xml of the <c> content and attributes)]}"""
    rows = "".join(f'<row r="{r}">' + "".join(cells[r]) + "</row>" for r in sorted(cells))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {NS}><sheetData>{rows}</sheetData></worksheet>'


def num(ref, value):
    return f'<c r="{ref}"><v>{value}</v></c>'


def write(name, parts):
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        # A fixed date, so that running the script again writes the same bytes.
        for part, text in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS)] + list(parts.items()):
            z.writestr(zipfile.ZipInfo(part, date_time=(2020, 1, 1, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)


def numbers():
    params = {
        1: ['<c r="A1" t="s"><v>0</v></c>', '<c r="F1" t="inlineStr"><is><t>north</t></is></c>',
            '<c r="G1" t="inlineStr"><is><t>south</t></is></c>'],
        2: ['<c r="A2" t="inlineStr"><is><t>inline</t></is></c>', num("B2", 1.5), num("C2", 2.5), num("D2", 3.5),
            num("F2", 3)],
        4: [num("B4", 10)], 5: [num("B5", 20)], 6: [num("B6", 30)],
        8: [num("B8", 1), num("C8", 2)], 9: [num("B9", 3), num("C9", 4)],
    }
    series = {
        1: [num("C1", 0), num("D1", 2), num("E1", 4)],
        2: [num("C2", 5), num("D2", 7), num("E2", 11)],
        3: [num("C3", 100), num("D3", 50), num("E3", 0)],
        4: [num("C4", 1), num("E4", 3)],
        6: [num("A6", 1), num("B6", 40)],
        7: [num("A7", 3), num("B7", 60)],
    }
    names = ('<definedName name="row_values">Params!$B$2:$D$2</definedName>'
             '<definedName name="table" localSheetId="1">Params!$B$8:$C$9</definedName>'
             '<definedName name="times">Series!$C$1:$E$1</definedName>'
             '<definedName name="first">Series!$C$2:$E$2</definedName>')
    strings = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
               'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><r><t>lab</t></r><r><t>el</t></r></si></sst>')
    write("numbers.xlsx", {
        "xl/workbook.xml": workbook(["Params", "Series"], names),
        "xl/_rels/workbook.xml.rels": workbook_rels(2),
        "xl/sharedStrings.xml": strings,
        "xl/worksheets/sheet1.xml": sheet(params),
        "xl/worksheets/sheet2.xml": sheet(series),
    })


def hostile():
    broken = sheet({1: [num("A1", 1)]}).replace("</v></c></row>", "</v")
    write("badxml.xlsx", {
        "xl/workbook.xml": workbook(["S"]),
        "xl/_rels/workbook.xml.rels": workbook_rels(1, strings=False),
        "xl/worksheets/sheet1.xml": broken,
    })
    write("bomb.xlsx", {
        "xl/workbook.xml": workbook(["S"]),
        "xl/_rels/workbook.xml.rels": workbook_rels(1, strings=False),
        "xl/worksheets/sheet1.xml": sheet({1: [num("A1", 1)]}).replace("<sheetData>", "<sheetData>" + " " * (4 << 20)),
    })
    write("nosheetpart.xlsx", {
        "xl/workbook.xml": workbook(["S"]),
        "xl/_rels/workbook.xml.rels": workbook_rels(1, strings=False),
    })
    write("farcell.xlsx", {
        "xl/workbook.xml": workbook(["S"]),
        "xl/_rels/workbook.xml.rels": workbook_rels(1, strings=False),
        "xl/worksheets/sheet1.xml": sheet({99999999: [num("A99999999", 1)]}),
    })


def huge_xls():
    """The reference model's input.xls with its DIMENSION record (BIFF 0x0200) claiming
    65536 rows and 256 columns: 16.7 million cells, refused before any is loaded."""
    source = os.path.join(HERE, "..", "test-models-vensim", "tests", "get_lookups_subset", "input.xls")
    data = bytearray(open(source, "rb").read())
    at = data.find(b"\x00\x02\x0e\x00")
    assert at >= 0 and data.find(b"\x00\x02\x0e\x00", at + 1) < 0, "one DIMENSION record expected"
    data[at + 4:at + 18] = struct.pack("<IIHHH", 1, 65536, 0, 256, 0)
    open(os.path.join(HERE, "huge.xls"), "wb").write(data)


def csv():
    with open(os.path.join(HERE, "numbers.csv"), "w", newline="") as f:
        f.write('a,b\r\n1,2,3\r\n4,"5",6\r\n')
    with open(os.path.join(HERE, "series.tab"), "w", newline="") as f:
        f.write("time\tvalue\n0\t10\n10\t30\n")
    with open(os.path.join(HERE, "textcell.csv"), "w", newline="") as f:
        f.write("time,0,1,2\r\nx,30,TEXT,50\r\n")


if __name__ == "__main__":
    numbers()
    hostile()
    huge_xls()
    csv()

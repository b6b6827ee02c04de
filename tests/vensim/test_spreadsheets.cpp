// Spreadsheets (model/spreadsheet/) and Vensim's GET XLS / GET DIRECT functions
// (model/vensim/mdlgetdata.cpp) on files written by tests/data/spreadsheets/
// make_spreadsheets.py, whose cell values are the numbers asserted here, and on the
// .xls files of the Vensim reference models.
#include "support/inlinemdl.h"

#include "model/lazylibrary.h"
#include "model/sizelimit.h"
#include "model/spreadsheet/workbook.h"
#include "model/vensim/mdlreader.h"
#include "solver/compiler.h"
#include "solver/simulation.h"

#include <QtTest>

using namespace meadows;
using namespace meadows::spreadsheet;

namespace {

QString dataPath(const char *name)
{
    return QStringLiteral(MEADOWS_TEST_DATA "/spreadsheets/") + QLatin1String(name);
}

QStringList messages(const XmileReadResult &r)
{
    return test::formatted(r.diagnostics);
}

// Named as if it were in tests/data/spreadsheets, where its files are looked for; it runs
// from 0 to 2.
XmileReadResult readInline(const QString &equations)
{
    return test::readMdl(equations, QStringLiteral("INITIAL TIME = 0 ~~|\nFINAL TIME = 2 ~~|\nTIME STEP = 1 ~~|\n"),
                         dataPath("inline.mdl"));
}

} // namespace

class TestSpreadsheets : public QObject {
    Q_OBJECT
private slots:
    void cellReferences();
    void xlsxCellsStringsAndNames();
    void xlsFromTheReferenceModels();
    void delimitedText();
    void getFunctionsReadTheNumbersPutThere();
    void missingFileSheetCellAndNameAreErrorsAtTheirPlace();
    void fileTheSettingsDoNotNameIsTheOneBesideTheModel();
    void textAmongDataIsLeftOutAsVensimDoes();
    void hostileSpreadsheetsAreRefused();
    void aLibraryThatIsMissingIsAnError();
};

void TestSpreadsheets::cellReferences()
{
    QCOMPARE(parseCell(u"A1")->row, 0);
    QCOMPARE(parseCell(u"$AB$10")->column, 27);
    QCOMPARE(parseCell(u"ab10")->row, 9);
    QVERIFY(!parseCell(u"B0"));
    QVERIFY(!parseCell(u"B"));
    QVERIFY(!parseCell(u"12"));
    QVERIFY(!parseCell(u"XFE1")); // one column beyond Excel's XFD
    QCOMPARE(parseColumn(u"XFD"), std::optional<int>(16383));
    QString sheet;
    const auto r = parseRange(u"'My ''own'' sheet'!$C$5:$B$2", &sheet);
    QVERIFY(r);
    QCOMPARE(sheet, QStringLiteral("My 'own' sheet"));
    QCOMPARE(r->first, (CellPos{1, 1})); // corners put in order
    QCOMPARE(r->last, (CellPos{4, 2}));
    QCOMPARE(cellName({9, 27}), QStringLiteral("AB10"));
}

void TestSpreadsheets::xlsxCellsStringsAndNames()
{
    const ReadResult r = readWorkbook(dataPath("numbers.xlsx"));
    QVERIFY2(r.workbook, qPrintable(r.error));
    const Workbook &book = *r.workbook;
    QCOMPARE(book.sheets.size(), std::size_t(2));
    const Sheet *params = book.sheet(QStringLiteral("params")); // Excel's names ignore case
    QVERIFY(params);
    QCOMPARE(params->name, QStringLiteral("Params"));
    QCOMPARE(params->cell({0, 0})->text, QStringLiteral("label")); // a shared string of two runs
    QCOMPARE(params->cell({1, 0})->text, QStringLiteral("inline"));
    QVERIFY(!params->cell({1, 0})->number);
    QCOMPARE(params->number({1, 1}), std::optional<double>(1.5));
    QCOMPARE(params->number({1, 3}), std::optional<double>(3.5));
    QCOMPARE(params->number({5, 1}), std::optional<double>(30));
    QCOMPARE(params->number({8, 2}), std::optional<double>(4));
    QVERIFY(!params->cell({2, 1}));
    const Sheet *series = book.sheet(QStringLiteral("Series"));
    QCOMPARE(series->number({2, 4}), std::optional<double>(0));
    QVERIFY(!series->cell({3, 3})); // the hole at D4

    // "table" is local to Series: seen from there, not from Params.
    const DefinedName *local = book.definedName(QStringLiteral("TABLE"), QStringLiteral("Series"));
    QVERIFY(local);
    QCOMPARE(local->sheet, QStringLiteral("Params"));
    QCOMPARE(local->range.first, (CellPos{7, 1}));
    QCOMPARE(local->range.last, (CellPos{8, 2}));
    QVERIFY(!book.definedName(QStringLiteral("table"), QStringLiteral("Params")));
    const DefinedName *global = book.definedName(QStringLiteral("times"), QStringLiteral("Params"));
    QVERIFY(global);
    QCOMPARE(global->sheet, QStringLiteral("Series"));
    QCOMPARE(global->range.columns(), 3);
}

void TestSpreadsheets::xlsFromTheReferenceModels()
{
    // get_lookups_subset/input.xls: times 0, 5, ..., 30 in C4:I4 and lookup rows below.
    // Vensim's output for that model (output.tab beside it) has lookup subset4[Row1],
    // which is row 5, at 0, -2, 10 and 5 at times 0, 5, 10 and 30, and [Row2] (row 6)
    // at 4 at time 0.
    const ReadResult r = readWorkbook(QStringLiteral(MEADOWS_TEST_DATA "/test-models-vensim/tests/get_lookups_subset/input.xls"));
    QVERIFY2(r.workbook, qPrintable(r.error));
    const Sheet *s = r.workbook->sheet(QStringLiteral("Sheet1"));
    QVERIFY(s);
    for (int i = 0; i < 7; ++i)
        QCOMPARE(s->number({3, 2 + i}), std::optional<double>(5.0 * i));
    QCOMPARE(s->cell({3, 1})->text, QStringLiteral("time"));
    QCOMPARE(s->number({4, 2}), std::optional<double>(0));
    QCOMPARE(s->number({4, 3}), std::optional<double>(-2));
    QCOMPARE(s->number({4, 4}), std::optional<double>(10));
    QCOMPARE(s->number({4, 8}), std::optional<double>(5));
    QCOMPARE(s->number({5, 2}), std::optional<double>(4));
    QVERIFY(!s->cell({4, 9}));
}

void TestSpreadsheets::delimitedText()
{
    const ReadResult r = readWorkbook(dataPath("numbers.csv"), QStringLiteral(","));
    QVERIFY2(r.workbook, qPrintable(r.error));
    const Sheet &s = r.workbook->sheets.front();
    QCOMPARE(s.name, QStringLiteral(","));
    QCOMPARE(s.cell({0, 1})->text, QStringLiteral("b"));
    QVERIFY(!s.cell({0, 1})->number);
    QCOMPARE(s.number({1, 2}), std::optional<double>(3));
    QCOMPARE(s.number({2, 1}), std::optional<double>(5)); // "5" in quotes
    QVERIFY(!s.cell({3, 0}));
}

void TestSpreadsheets::getFunctionsReadTheNumbersPutThere()
{
    const XmileReadResult r = readVensimFile(dataPath("getdata.mdl"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    // The one thing said: the model leaves one column's c1 elements undefined, on purpose.
    QCOMPARE(messages(r), QStringList{dataPath("getdata.mdl") + QStringLiteral(":17:1: warning: 'one column' has no equation "
                                                                               "for [a,c1], [b,c1], [c,c1]; those elements are 0, as in Vensim")});
    const test::InlineRun run = test::simulateRead(r);
    // Constants: a row read across, a column read down ('*'), a table and its transpose.
    QCOMPARE(run.at("row const[a]", 0), 1.5);
    QCOMPARE(run.at("row const[c]", 0), 3.5);
    QCOMPARE(run.at("column const[b]", 0), 20.0);
    QCOMPARE(run.at("table const[r1,c2]", 0), 2.0);
    QCOMPARE(run.at("table const[r2,c1]", 0), 3.0);
    QCOMPARE(run.at("table transposed[r1,c2]", 0), 3.0);
    QCOMPARE(run.at("table transposed[r2,c2]", 0), 4.0);
    QCOMPARE(run.at("named const[b]", 0), 2.5);
    QCOMPARE(run.at("local table[r2,c2]", 0), 4.0);
    QCOMPARE(run.at("scalar", 0), 4.0);
    QCOMPARE(run.at("partial[a]", 0), 1.5);
    QCOMPARE(run.at("partial[b]", 0), 0.0);
    QCOMPARE(run.at("partial[c]", 0), 3.5);
    // [dim, c2]: only dim varies, so one line of values; '*' reads it down.
    QCOMPARE(run.at("one column[c,c2]", 0), 30.0);
    QCOMPARE(run.at("one column[c,c1]", 0), 0.0);
    // Lookups with times in row 1: p1 (0,5) (2,7) (4,11); p2 (0,100) (2,50) (4,0).
    QCOMPARE(run.at("curve now[p1]", 1), 6.0);
    QCOMPARE(run.at("curve now[p2]", 3), 25.0);
    QCOMPARE(run.at("curve now[p1]", 6), 11.0); // held past the last point
    // Data: interpolated between points, the ends held.
    QCOMPARE(run.at("series[p1]", 3), 9.0);
    QCOMPARE(run.at("series[p2]", 1), 75.0);
    QCOMPARE(run.at("series[p2]", 5), 0.0);
    QCOMPARE(run.at("holey", 2), 2.0);   // (0,1) and (4,3): the empty D4 left out
    QCOMPARE(run.at("column data", 0), 40.0); // times down column A: (1,40) (3,60)
    QCOMPARE(run.at("column data", 2), 50.0);
    QCOMPARE(run.at("column data", 6), 60.0);
    QCOMPARE(run.at("named data", 1), 6.0);
    QCOMPARE(run.at("named lookup at 3", 0), 9.0);
    // A range read from F1:G2 across then down, the empty G2 left out, "r" before each.
    QCOMPARE(run.at("regions", 0), 3.0);
    QCOMPARE(run.at("by region[rnorth]", 0), 1.5);
    QCOMPARE(run.at("by region[rsouth]", 0), 2.5);
    QCOMPARE(run.at("by region[r3]", 0), 3.5);
    // Delimited text, the delimiter in the sheet's place.
    QCOMPARE(run.at("csv row[a]", 0), 1.0);
    QCOMPARE(run.at("csv row[c]", 0), 3.0);
    QCOMPARE(run.at("csv quoted", 0), 5.0);
    // A .tab file splits at tabs whatever its "sheet" says: (0,10) and (10,30).
    QCOMPARE(run.at("tab data", 5), 20.0);
    // An .xls named relative to the model's folder: C5 and C6 (read down, '*') hold 0
    // and 4, as xlsFromTheReferenceModels checks.
    QCOMPARE(run.at("xls value[p1]", 0), 0.0);
    QCOMPARE(run.at("xls value[p2]", 0), 4.0);
}

// '?numbers.xlsx' names a file through the settings' line "30:?numbers.xlsx=...". With no such
// line, the file of that name beside the model is read (Params!C9 holds 4, as
// getFunctionsReadTheNumbersPutThere reads it), and a warning says so at the argument
// (line 2, column 23); a name with no file beside the model stays an error.
void TestSpreadsheets::fileTheSettingsDoNotNameIsTheOneBesideTheModel()
{
    const XmileReadResult r = readInline(QStringLiteral("x = GET XLS CONSTANTS('?numbers.xlsx', 'Params', 'C9') ~~|\n"));
    QVERIFY2(r.project, qPrintable(messages(r).join(u'\n')));
    QVERIFY2(messages(r).contains(dataPath("inline.mdl") + QStringLiteral(":2:23: warning: the settings give no file for "
                                                                          "'?numbers.xlsx': Meadows reads 'numbers.xlsx' "
                                                                          "beside the model")),
             qPrintable(messages(r).join(u'\n')));
    QCOMPARE(test::simulateRead(r).at("x", 0), 4.0);
    const XmileReadResult missing = readInline(QStringLiteral("x = GET XLS CONSTANTS('?nowhere.xlsx', 'Params', 'C9') ~~|\n"));
    QVERIFY(!missing.project);
    QVERIFY2(messages(missing).filter(QStringLiteral("'?nowhere.xlsx' names a file through Vensim's settings")).size() == 1,
             qPrintable(messages(missing).join(u'\n')));
}

void TestSpreadsheets::missingFileSheetCellAndNameAreErrorsAtTheirPlace()
{
    const QString file = dataPath("inline.mdl");
    const auto check = [&](const QString &equation, const QString &expected) {
        const XmileReadResult r = readInline(equation);
        QVERIFY(!r.project);
        QVERIFY2(messages(r).contains(file + QLatin1Char(':') + expected), qPrintable(messages(r).join(u'\n')));
    };
    check(QStringLiteral("x = GET XLS CONSTANTS('nowhere.xlsx', 'S', 'A1') ~~|\n"),
          QStringLiteral("2:23: error: cannot read 'nowhere.xlsx': the file %1 does not exist").arg(dataPath("nowhere.xlsx")));
    // A file that cannot be read is said once, at the first call naming it, not at every call.
    const XmileReadResult twice = readInline(QStringLiteral("x = GET XLS CONSTANTS('nowhere.xlsx', 'S', 'A1') ~~|\n"
                                                            "y = GET XLS CONSTANTS('nowhere.xlsx', 'S', 'B1') ~~|\n"));
    QVERIFY(!twice.project);
    QCOMPARE(messages(twice).filter(QStringLiteral("cannot read 'nowhere.xlsx'")),
             QStringList{file + QStringLiteral(":2:23: error: cannot read 'nowhere.xlsx': the file %1 does not exist")
                                    .arg(dataPath("nowhere.xlsx"))});
    check(QStringLiteral("x = GET XLS CONSTANTS('numbers.xlsx', 'Sheet9', 'A1') ~~|\n"),
          QStringLiteral("2:39: error: 'numbers.xlsx' has no sheet 'Sheet9' (it has Params, Series)"));
    check(QStringLiteral("x = GET XLS CONSTANTS('numbers.xlsx', 'Params', 'Z9') ~~|\n"),
          QStringLiteral("2:49: error: Params!Z9 is empty"));
    check(QStringLiteral("x = GET XLS CONSTANTS('numbers.xlsx', 'Params', 'A2') ~~|\n"),
          QStringLiteral("2:49: error: Params!A2 holds 'inline', not a number"));
    check(QStringLiteral("x = GET XLS CONSTANTS('numbers.xlsx', 'Params', 'table') ~~|\n"),
          QStringLiteral("2:49: error: 'table' is neither a cell (such as B2) nor a range named in 'numbers.xlsx'"));
    check(QStringLiteral("d: a, b, c, e ~~|\nx[d] = GET XLS CONSTANTS('numbers.xlsx', 'Params', 'row_values') ~~|\n"),
          QStringLiteral("3:52: error: the range 'row_values' (Params!B2:D2) is too small: E2 is outside it"));
    check(QStringLiteral("x := GET XLS DATA('numbers.xlsx', 'Series', '9', 'C2') ~~|\n"),
          QStringLiteral("2:45: error: no times at Series!C9"));
    check(QStringLiteral("x == GET XLS DATA('numbers.xlsx', 'Series', '1', 'C2') ~~|\n"),
          QStringLiteral("2:6: error: GET XLS DATA defines data: write the equation with ':='"));
    check(QStringLiteral("d: GET DIRECT SUBSCRIPT('numbers.xlsx', 'Params', 'F1', '', 'r') ~~|\n"),
          QStringLiteral("2:57: error: GET DIRECT SUBSCRIPT without a last cell is not supported: name the last cell of "
                         "the elements"));
    check(QStringLiteral("d: GET DIRECT SUBSCRIPT('numbers.xlsx', 'Params', 'H1', 'H9', 'r') ~~|\n"),
          QStringLiteral("2:51: error: no elements from Params!H1 to H9"));
    // Inside an expression a GET function is not read: said where it is, and the run stops.
    const XmileReadResult nested = readInline(QStringLiteral("x = 2 * GET XLS CONSTANTS('numbers.xlsx', 'Params', 'B2') ~~|\n"));
    QCOMPARE(messages(nested), QStringList{file + QStringLiteral(":2:9: warning: GET XLS CONSTANTS must be the whole "
                                                                 "equation, not part of an expression")});
    QVERIFY(nested.project);
    QVERIFY(!compileProject(*nested.project).model);
    check(QStringLiteral("x = GET XLS CONSTANTS('?inputs', 'S', 'A1') ~~|\n"),
          QStringLiteral("2:23: error: '?inputs' names a file through Vensim's settings (XLS Files), but no settings line "
                         "30 gives it and there is no 'inputs' beside the model (in %1): name the file itself")
              .arg(QStringLiteral(MEADOWS_TEST_DATA "/spreadsheets")));
}

// textcell.csv: times 0, 1, 2 in B1:D1 and 30, "TEXT", 50 in B2:D2. Vensim leaves a data
// point that is not a number out and reads across it (SDEverywhere's directdata_invalidcell,
// made with Vensim): 40 at time 1, said as a warning at the cell argument (column 48). A
// constant that is not a number stops Vensim, and Meadows (column 47).
void TestSpreadsheets::textAmongDataIsLeftOutAsVensimDoes()
{
    const QString file = dataPath("inline.mdl");
    const XmileReadResult data = readInline(QStringLiteral("x := GET DIRECT DATA('textcell.csv', ',', '1', 'B2') ~~|\n"));
    QVERIFY2(data.project, qPrintable(messages(data).join(u'\n')));
    QCOMPARE(messages(data), QStringList{file + QStringLiteral(":2:48: warning: C2 holds 'TEXT', not a number: that point is "
                                                               "left out, as Vensim does, and the values around it are read "
                                                               "across it")});
    const test::InlineRun run = test::simulateRead(data);
    QCOMPARE(run.at("x", 0), 30.0);
    QCOMPARE(run.at("x", 1), 40.0);
    QCOMPARE(run.at("x", 2), 50.0);
    // "nan" and "inf", which Qt would read as numbers, are words in a data file too (nancell.csv:
    // 30, "nan", 50 and 1, "inf", 3 at times 0, 1, 2): left out, said, read across.
    const XmileReadResult words = readInline(QStringLiteral("x := GET DIRECT DATA('nancell.csv', ',', '1', 'B2') ~~|\n"
                                                            "y := GET DIRECT DATA('nancell.csv', ',', '1', 'B3') ~~|\n"));
    QVERIFY2(words.project, qPrintable(messages(words).join(u'\n')));
    QVERIFY2(messages(words).contains(file + QStringLiteral(":2:47: warning: C2 holds 'nan', not a number: that point is "
                                                            "left out, as Vensim does, and the values around it are read "
                                                            "across it")), qPrintable(messages(words).join(u'\n')));
    QVERIFY2(messages(words).contains(file + QStringLiteral(":3:47: warning: C3 holds 'inf', not a number: that point is "
                                                            "left out, as Vensim does, and the values around it are read "
                                                            "across it")), qPrintable(messages(words).join(u'\n')));
    const test::InlineRun across = test::simulateRead(words);
    QCOMPARE(across.at("x", 1), 40.0);
    QCOMPARE(across.at("y", 1), 2.0);
    const XmileReadResult constant = readInline(QStringLiteral("x = GET DIRECT CONSTANTS('textcell.csv', ',', 'C2') ~~|\n"));
    QVERIFY(!constant.project);
    QVERIFY2(messages(constant).contains(file + QStringLiteral(":2:47: error: C2 holds 'TEXT', not a number")),
             qPrintable(messages(constant).join(u'\n')));
}

void TestSpreadsheets::hostileSpreadsheetsAreRefused()
{
    const ReadResult bad = readWorkbook(dataPath("badxml.xlsx"));
    QVERIFY(!bad.workbook);
    QVERIFY2(bad.error.startsWith(QStringLiteral("xl/worksheets/sheet1.xml in %1: malformed XML at line").arg(dataPath("badxml.xlsx"))),
             qPrintable(bad.error));
    // A sheet the workbook lists whose part is missing: the file is damaged, which is said (it
    // was "has no sheet 'S' (it has )" when the sheet was asked for).
    const ReadResult noPart = readWorkbook(dataPath("nosheetpart.xlsx"));
    QVERIFY(!noPart.workbook);
    QCOMPARE(noPart.error, QStringLiteral("sheet 'S' of %1 is in the part xl/worksheets/sheet1.xml, which the file does not have")
                               .arg(dataPath("nosheetpart.xlsx")));
    const ReadResult far = readWorkbook(dataPath("farcell.xlsx"));
    QVERIFY(!far.workbook);
    QVERIFY2(far.error.contains(QStringLiteral("row 99999999 is beyond Excel's 1048576")), qPrintable(far.error));
    // An .xls whose DIMENSION record claims 65536 x 256 cells is refused before FreeXL
    // allocates them.
    const ReadResult huge = readWorkbook(dataPath("huge.xls"));
    QVERIFY(!huge.workbook);
    QCOMPARE(huge.error, QStringLiteral("%1 spans 16777216 cells, more than the limit of 1000000").arg(dataPath("huge.xls")));
    const ReadResult notXls = readXls(dataPath("numbers.csv"));
    QVERIFY(!notXls.workbook);
    // numbers.csv is 21 bytes: shorter than the 512-byte header of any Excel 97-2003 file.
    QVERIFY2(notXls.error.startsWith(QStringLiteral("cannot read %1 as an Excel 97-2003 workbook: it is too short to be an "
                                                    "Excel 97-2003 file, or not a regular file (FreeXL error -8)")
                                         .arg(dataPath("numbers.csv"))), qPrintable(notXls.error));
    const ReadResult notZip = readXlsx(dataPath("numbers.csv"));
    QVERIFY(!notZip.workbook);
    QVERIFY2(notZip.error.startsWith(QStringLiteral("cannot open %1 as an .xlsx (zip) file").arg(dataPath("numbers.csv"))),
             qPrintable(notZip.error));

    // The bomb inflates to 4 MB; with the size limit at 1000 elements a workbook may
    // inflate to 256 000 bytes, and reading stops there.
    const std::int64_t saved = maxModelSize();
    setMaxModelSize(1000);
    const ReadResult bomb = readWorkbook(dataPath("bomb.xlsx"));
    const ReadResult numbers = readWorkbook(dataPath("numbers.xlsx"));
    const ReadResult cells = readWorkbook(dataPath("numbers.csv"));
    setMaxModelSize(5); // numbers.csv has 8 cells
    const ReadResult tooMany = readWorkbook(dataPath("numbers.csv"));
    setMaxModelSize(saved);
    QVERIFY(!bomb.workbook);
    QCOMPARE(bomb.error, QStringLiteral("%1 inflates to more than 256000 bytes").arg(dataPath("bomb.xlsx")));
    QVERIFY2(numbers.workbook, qPrintable(numbers.error)); // an ordinary workbook is well within it
    QVERIFY(cells.workbook);
    QVERIFY(!tooMany.workbook);
    QVERIFY2(tooMany.error.contains(QStringLiteral("more than 5 cells")), qPrintable(tooMany.error));
}

// FreeXL, libzip and Graphviz are opened when first needed (model/lazylibrary.h); one that
// is not installed, or lacks a function, is an error that names it, and nothing is called.
void TestSpreadsheets::aLibraryThatIsMissingIsAnError()
{
    meadows::LazyLibrary absent("libmeadows-no-such-library.so.0");
    QVERIFY(!absent.resolve<double (*)(double)>("cos"));
    QVERIFY2(absent.error().startsWith(QStringLiteral("cannot load libmeadows-no-such-library.so.0: ")),
             qPrintable(absent.error()));

    meadows::LazyLibrary libm("libm.so.6");
    const auto cosine = libm.resolve<double (*)(double)>("cos");
    QVERIFY(cosine);
    QCOMPARE(cosine(0.0), 1.0);
    QCOMPARE(libm.error(), QString());
    QVERIFY(!libm.resolve<void (*)()>("meadows_no_such_function"));
    QVERIFY2(libm.error().startsWith(QStringLiteral("libm.so.6 has no meadows_no_such_function")), qPrintable(libm.error()));
    // Opened by its file name first; a path outside the loader's search is the fallback.
    meadows::LazyLibrary byPath("/no/such/directory/libm.so.6");
    QCOMPARE(byPath.error(), QString());
    QVERIFY(byPath.resolve<double (*)(double)>("cos"));
    // A library where the loader does not look is opened at the path CMake found it at.
    QTemporaryDir elsewhere;
    const QString copy = elsewhere.filePath(QStringLiteral("libmeadows-test-copy.so"));
    QVERIFY(QFile::copy(QStringLiteral("/lib/x86_64-linux-gnu/libm.so.6"), copy)
            || QFile::copy(QStringLiteral("/usr/lib64/libm.so.6"), copy));
    meadows::LazyLibrary outside(QFile::encodeName(copy).constData());
    QCOMPARE(outside.error(), QString());
    const auto copied = outside.resolve<double (*)(double)>("cos");
    QVERIFY(copied);
    QCOMPARE(copied(0.0), 1.0);
}

QTEST_GUILESS_MAIN(TestSpreadsheets)
#include "test_spreadsheets.moc"

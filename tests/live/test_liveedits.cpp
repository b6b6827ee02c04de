// What you see is what you save: a slider drag is one undoable edit of the model that Save
// writes; the wheel leaves values alone without focus; both redo keys redo; new variables
// are marked quietly; chart colours stay with their variables across a rename and a reopen.
// Driven with real mouse, wheel and key input on the editor's window.
#include "editor/editortesting.h"
#include "live/livepanels.h"
#include "live/liveworkspace.h"
#include "live/loopspanel.h"
#include "live/plotview.h"
#include "live/sliderpanel.h"
#include "commands/changesimspecs.h"
#include "commands/changevalue.h"
#include "diagram/diagramgeometry.h"
#include "scene/problemmarks.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleOptionSlider>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using namespace meadows;
using namespace meadows::testing;

namespace {

const QString kRoom = QStringLiteral("Room Temperature");

// Where a slider's handle is drawn, in the slider's coordinates.
QPoint handleCentre(QSlider *slider)
{
    // The option QSlider::initStyleOption fills (protected there), filled here from the
    // slider's public state: a downcast to reach it would be undefined behaviour.
    QStyleOptionSlider option;
    option.initFrom(slider);
    option.subControls = QStyle::SC_None;
    option.activeSubControls = QStyle::SC_None;
    option.orientation = slider->orientation();
    option.minimum = slider->minimum();
    option.maximum = slider->maximum();
    option.tickPosition = slider->tickPosition();
    option.tickInterval = slider->tickInterval();
    option.upsideDown = slider->orientation() == Qt::Horizontal
                            ? slider->invertedAppearance() != (option.direction == Qt::RightToLeft)
                            : !slider->invertedAppearance();
    option.direction = Qt::LeftToRight; // upsideDown already accounts for the direction
    option.sliderPosition = slider->sliderPosition();
    option.sliderValue = slider->value();
    option.singleStep = slider->singleStep();
    option.pageStep = slider->pageStep();
    return slider->style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider).center();
}

// Press on the handle, move right in steps with the button held, release: a hand's drag.
void dragHandle(QSlider *slider, int dx, int steps = 6)
{
    const QPoint from = handleCentre(slider);
    QTest::mousePress(slider, Qt::LeftButton, {}, from);
    for (int i = 1; i <= steps; ++i) {
        const QPoint p = from + QPoint(dx * i / steps, 0);
        QMouseEvent move(QEvent::MouseMove, p, slider->mapToGlobal(p), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(slider, &move);
    }
    QTest::mouseRelease(slider, Qt::LeftButton, {}, from + QPoint(dx, 0));
}

void wheel(QWidget *widget, int notches)
{
    const QPointF at = QRectF(widget->rect()).center();
    QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

double runValue(LiveWorkspace *w, const QString &name)
{
    const auto r = w->currentResults();
    return r ? r->at(0, std::size_t(r->column(name))) : std::nan("");
}

} // namespace

class TestLiveEdits : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() { m_recovery.reset(); }

    void aSliderDragIsOneEditThatSaveWrites()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        Document *doc = window.document();
        LiveWorkspace *w = window.live()->workspace();
        QTRY_VERIFY(w->currentResults());
        SliderPanel *sliders = w->sliderPanel();
        QSlider *slider = sliders->sliderFor(kRoom);
        QVERIFY(slider && slider->isVisible());
        QCOMPARE(doc->variable(kRoom)->equation, QStringLiteral("70"));
        QSignalSpy loopsFound(window.live()->loops(), &LoopsPanel::loopsFound);
        const int steps = doc->undoStack()->count();

        dragHandle(slider, slider->width() / 4);
        const double value = sliders->value(kRoom);
        QVERIFY2(value > 70, qPrintable(QString::number(value)));
        // One undo step for the whole drag, and the equation is the value the slider shows.
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        QCOMPARE(doc->variable(kRoom)->equation, constantText(value));
        QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Set Room Temperature to %1").arg(constantText(value)));
        QVERIFY(doc->isModified());
        QTRY_COMPARE(runValue(w, kRoom), value); // the chart runs from the edited model
        QTRY_VERIFY(!loopsFound.isEmpty());      // and so does the Loops panel

        // Undo with the keys puts the equation, the slider and the run back.
        window.view()->setFocus();
        QTest::keyClick(window.view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->variable(kRoom)->equation, QStringLiteral("70"));
        QCOMPARE(sliders->value(kRoom), 70.0);
        QTRY_COMPARE(runValue(w, kRoom), 70.0);
        QTest::keyClick(window.view(), Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(sliders->value(kRoom), value);

        // Save writes it, and it is what the file holds when opened again.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("teacup.xmile"));
        QVERIFY(window.saveTo(path));
        QVERIFY(readAll(path).contains(QStringLiteral("<eqn>%1</eqn>").arg(constantText(value)).toUtf8()));
        MainWindow reopened;
        QVERIFY(reopened.openFile(path));
        QCOMPARE(reopened.document()->variable(kRoom)->equation, constantText(value));
        QCOMPARE(reopened.live()->workspace()->sliderPanel()->value(kRoom), value);

        // "Reset to saved value" goes back to what the file says, as one more edit.
        QCOMPARE(sliders->savedValue(kRoom), std::optional<double>(value));
        sliders->setValue(kRoom, 50);
        QCOMPARE(doc->variable(kRoom)->equation, QStringLiteral("50"));
        sliders->resetToSaved(kRoom);
        QCOMPARE(doc->variable(kRoom)->equation, constantText(value));
        QCOMPARE(sliders->value(kRoom), value);
    }

    // The value box writes a number as a person does ("70", not "70.0"), takes one typed
    // the same way ("1e-06"), and the model gets exactly what was typed.
    void valueBoxesWriteNumbersAsPeopleDo()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        Document *doc = window.document();
        SliderPanel *sliders = window.live()->workspace()->sliderPanel();
        QTRY_VERIFY(sliders->sliderFor(kRoom));
        auto *box = sliders->sliderFor(kRoom)->parentWidget()->findChild<QDoubleSpinBox *>();
        QVERIFY(box && box->isVisible());
        QCOMPARE(box->text(), QStringLiteral("70"));
        const auto type = [&](const QString &text) {
            box->setFocus();
            box->selectAll();
            QTest::keyClicks(box, text);
            QTest::keyClick(box, Qt::Key_Return);
        };
        // (what is typed, the equation and the box after it, the value the model gets)
        const struct {
            QString typed, written;
            double value;
        } cases[] = {
            {QStringLiteral("128"), QStringLiteral("128"), 128},
            {QStringLiteral("0.25"), QStringLiteral("0.25"), 0.25},
            {QStringLiteral("1e-06"), QStringLiteral("1e-06"), 1e-6},
            {QStringLiteral("0.000002"), QStringLiteral("2e-06"), 2e-6},
            // 13 significant digits: kept, not rounded to the step's decimals.
            {QStringLiteral("71.23456789012"), QStringLiteral("71.23456789012"), 71.23456789012},
            {QStringLiteral("-3.5"), QStringLiteral("-3.5"), -3.5},
        };
        for (const auto &c : cases) {
            type(c.typed);
            QCOMPARE(doc->variable(kRoom)->equation, c.written);
            QCOMPARE(sliders->value(kRoom), c.value);
            QCOMPARE(box->text(), c.written);
        }
        // Not a number: the box keeps the last one, and so does the model.
        type(QStringLiteral("abc"));
        QCOMPARE(doc->variable(kRoom)->equation, QStringLiteral("-3.5"));
        QCOMPARE(box->text(), QStringLiteral("-3.5"));
        // A drag writes the slider's value without the noise of its arithmetic: 15 digits at most.
        sliders->setValue(kRoom, 70);
        QTest::keyClick(sliders->sliderFor(kRoom), Qt::Key_PageUp);
        QVERIFY2(doc->variable(kRoom)->equation.size() <= 16, qPrintable(doc->variable(kRoom)->equation));
        QCOMPARE(box->text(), doc->variable(kRoom)->equation);
    }

    void theWheelNeedsFocusToChangeAValue()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        Document *doc = window.document();
        SliderPanel *sliders = window.live()->workspace()->sliderPanel();
        QTRY_VERIFY(sliders->sliderFor(kRoom));
        QSlider *slider = sliders->sliderFor(kRoom);
        auto *box = slider->parentWidget()->findChild<QDoubleSpinBox *>();
        QVERIFY(box);
        const int steps = doc->undoStack()->count();
        window.view()->setFocus();
        wheel(slider, 3);
        wheel(box, 3);
        QVERIFY(!slider->hasFocus() && !box->hasFocus()); // the wheel did not take the focus either
        QCOMPARE(sliders->value(kRoom), 70.0);
        QCOMPARE(box->value(), 70.0);
        QCOMPARE(doc->undoStack()->count(), steps);
        // With the focus, the same wheel moves it: the events above were real ones.
        slider->setFocus();
        QTRY_VERIFY(slider->hasFocus());
        wheel(slider, 1);
        QVERIFY(sliders->value(kRoom) != 70.0);
        QCOMPARE(doc->undoStack()->count(), steps + 1);
    }

    void ctrlYAndCtrlShiftZBothRedo()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        Document *doc = window.document();
        QTest::keyClick(window.view(), Qt::Key_S);
        click(window.view(), {100, 60});
        QVERIFY(doc->variable(u"Stock 1"));
        for (const QKeyCombination redo : {Qt::CTRL | Qt::Key_Y, Qt::CTRL | Qt::SHIFT | Qt::Key_Z}) {
            QTest::keyClick(window.view(), Qt::Key_Z, Qt::ControlModifier);
            QVERIFY(!doc->variable(u"Stock 1"));
            QTest::keyClick(window.view(), redo.key(), redo.keyboardModifiers());
            QVERIFY2(doc->variable(u"Stock 1"), qPrintable(QKeySequence(redo).toString()));
        }
    }

    void aNewVariableIsMarkedQuietlyNotAsAnError()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        LiveWorkspace *w = window.live()->workspace();
        QTRY_VERIFY(w->currentResults());
        QTest::keyClick(window.view(), Qt::Key_A);
        click(window.view(), {120, 320});
        ElementItem *item = window.scene()->itemForName(QStringLiteral("Variable 1"));
        QVERIFY(item);
        window.problemMarks()->recheckNow();
        QVERIFY(item->needsWork());
        QVERIFY(!item->hasProblem());
        QCOMPARE(item->toolTip(), QStringLiteral("Needs an equation"));
        QCOMPARE(window.problemMarks()->problemCount(), 0);
        QCOMPARE(window.problemMarks()->needsEquationCount(), 1);
        const auto labels = window.statusBar()->findChildren<QLabel *>();
        // (No translator is installed here: the plural reads "variable(s)".)
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](QLabel *l) {
            return l->text().startsWith(QStringLiteral("No problems · 1 variable")) && l->text().endsWith(QLatin1String("an equation"));
        }));
        // The run that follows cannot go ahead, but says nothing in the banner about it.
        QTRY_VERIFY(!w->scheduler()->isBusy());
        QCOMPARE(w->bannerText(), QString());
        QVERIFY(w->showsStaleResults());
        // An equation written, the mark goes.
        window.document()->undoStack()->push(new ChangeVariableValueCommand<QString>(
            window.document(), QStringLiteral("Variable 1"), &Variable::equation, QStringLiteral("3"), QString()));
        window.problemMarks()->recheckNow();
        QVERIFY(!item->needsWork());
        QTRY_VERIFY(!w->showsStaleResults());
    }

    // A model whose equations are fine but whose run cannot go ahead (its stop before its
    // start, as a file may say) is not "No problems": the status bar points to Results.
    void aRunThatCannotGoAheadIsNotNoProblems()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        LiveWorkspace *w = window.live()->workspace();
        QTRY_VERIFY(w->currentResults());
        const auto statusSays = [&](const QString &text) {
            const auto labels = window.statusBar()->findChildren<QLabel *>();
            return std::any_of(labels.begin(), labels.end(), [&](QLabel *l) { return l->text() == text; });
        };
        QTRY_VERIFY(statusSays(QStringLiteral("No problems")));
        SimSpecs specs = window.document()->project().simSpecs;
        specs.stop = specs.start - 5;
        window.document()->undoStack()->push(new ChangeSimSpecsCommand(window.document(), specs));
        QTRY_VERIFY(w->bannerText().contains(QLatin1String("before the start time")));
        QTRY_VERIFY(statusSays(QStringLiteral("The run cannot go ahead: see Results")));
        window.document()->undoStack()->undo();
        QTRY_VERIFY(statusSays(QStringLiteral("No problems")));
    }

    void compareWaitsForASavedRun()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        LiveWorkspace *w = window.live()->workspace();
        QAction *compare = nullptr;
        for (QToolBar *bar : w->findChildren<QToolBar *>())
            for (QAction *a : bar->actions())
                if (a->text() == QStringLiteral("Compare…"))
                    compare = a;
        QVERIFY(compare);
        QVERIFY(!compare->isEnabled());
        QTRY_VERIFY(w->currentResults());
        w->saveCurrentRun(QStringLiteral("baseline"));
        QVERIFY(compare->isEnabled());
    }

    void seriesColoursStayAcrossARenameAndAReopen()
    {
        MainWindow window;
        QVERIFY(showTeacup(window));
        Document *doc = window.document();
        LiveWorkspace *w = window.live()->workspace();
        QTRY_VERIFY(w->currentResults());
        const QString stock = QStringLiteral("Teacup Temperature");
        const QColor stockColour = w->plot()->seriesColor(stock);
        QCOMPARE(stockColour, QColor(0x00, 0x72, 0xB2)); // the palette's first
        // Clicking the flow charts it, in the palette's second colour.
        const QPointF valve = window.scene()->itemForName(QStringLiteral("Heat Loss to Room"))->pos(); // a flow sits at its valve
        click(window.view(), valve);
        QTRY_VERIFY(w->shownVariables().contains(QStringLiteral("Heat Loss to Room")));
        const QColor flowColour = w->plot()->seriesColor(QStringLiteral("Heat Loss to Room"));
        QCOMPARE(flowColour, QColor(0xD5, 0x5E, 0x00));

        // Renamed in place: still charted, still its colour.
        window.scene()->clearSelection();
        doubleClick(window.view(), valve);
        QLineEdit *editor = window.view()->renameEditor();
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("Cooling"));
        QTest::keyClick(editor, Qt::Key_Return);
        QVERIFY(doc->variable(u"Cooling"));
        QVERIFY(w->shownVariables().contains(QStringLiteral("Cooling")));
        QTRY_COMPARE(w->plot()->seriesColor(QStringLiteral("Cooling")), flowColour);

        // Saved with the variables, and the same when the file is opened again.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("colours.xmile"));
        QVERIFY(window.saveTo(path));
        const QByteArray xml = readAll(path);
        QVERIFY(xml.contains("xmlns:meadows="));
        const qsizetype flowAt = xml.indexOf("<flow name=\"Cooling\"");
        QVERIFY(flowAt >= 0);
        const QByteArray flowTag = xml.mid(flowAt, xml.indexOf('>', flowAt) - flowAt);
        QCOMPARE(flowTag, QStringLiteral("<flow name=\"Cooling\" meadows:color=\"%1\"").arg(flowColour.name()).toUtf8());
        MainWindow reopened;
        QVERIFY(reopened.openFile(path));
        LiveWorkspace *again = reopened.live()->workspace();
        QTRY_VERIFY(again->currentResults());
        again->showVariable(QStringLiteral("Cooling"));
        QCOMPARE(again->plot()->seriesColor(stock), stockColour);
        QCOMPARE(again->plot()->seriesColor(QStringLiteral("Cooling")), flowColour);
    }

private:
    IsolatedRecovery m_recovery;
};

QTEST_MAIN(TestLiveEdits)
#include "test_liveedits.moc"

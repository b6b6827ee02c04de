// The simulation settings dialog: a setting the model computes (a Vensim control variable that
// changes with Time) is shown but cannot be edited, and is left out of the checks that compare
// settings, so the dialog never refuses or changes what the model computes.
#include "app/gui/live/simspecsdialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QtTest>

using namespace meadows;

class TestSimSpecsDialog : public QObject {
    Q_OBJECT
private slots:
    void computedStopTimeIsShownNotEdited();
    void fixedSettingsAreStillChecked();
};

namespace {

QDoubleSpinBox *boxLabelled(SimSpecsDialog &dialog, const QString &label)
{
    auto *form = qobject_cast<QFormLayout *>(dialog.layout());
    for (int row = 0; form && row < form->rowCount(); ++row) {
        auto *text = qobject_cast<QLabel *>(form->itemAt(row, QFormLayout::LabelRole) ? form->itemAt(row, QFormLayout::LabelRole)->widget() : nullptr);
        if (text && text->text() == label)
            return qobject_cast<QDoubleSpinBox *>(form->itemAt(row, QFormLayout::FieldRole)->widget());
    }
    return nullptr;
}

// Types a new value into a spin box as a person would: select all, type, Tab away.
void type(QDoubleSpinBox *box, const QString &text)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Tab);
}

} // namespace

void TestSimSpecsDialog::computedStopTimeIsShownNotEdited()
{
    SimSpecs specs;
    specs.start = 0;
    specs.stop = 100;
    specs.dt = 1;
    specs.timeUnits = QStringLiteral("Month");
    specs.varying.stop = QStringLiteral("FINAL TIME");
    SimSpecsDialog dialog(specs);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QDoubleSpinBox *stop = boxLabelled(dialog, QStringLiteral("Stop time (Month), computed by 'FINAL TIME'"));
    QDoubleSpinBox *start = boxLabelled(dialog, QStringLiteral("Start time (Month)"));
    QVERIFY(stop && start);
    QVERIFY(!stop->isEnabled());
    QCOMPARE(stop->text(), QStringLiteral("computed at every step"));
    QVERIFY(stop->toolTip().contains(QStringLiteral("edit the equation of 'FINAL TIME'")));
    // A start after the number that stands in for the computed stop is not a problem.
    type(start, QStringLiteral("250"));
    QCOMPARE(start->value(), 250.0);
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    const SimSpecs edited = dialog.specs();
    QCOMPARE(edited.start, 250.0);
    QCOMPARE(edited.varying.stop, QStringLiteral("FINAL TIME"));
    if (!qEnvironmentVariableIsEmpty("MEADOWS_TEST_PICTURES"))
        dialog.grab().save(qEnvironmentVariable("MEADOWS_TEST_PICTURES") + QStringLiteral("/simspecsdialog.png"));
}

void TestSimSpecsDialog::fixedSettingsAreStillChecked()
{
    SimSpecs specs;
    specs.varying.dt = QStringLiteral("TIME STEP");
    SimSpecsDialog dialog(specs);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QDoubleSpinBox *start = boxLabelled(dialog, QStringLiteral("Start time"));
    QVERIFY(start);
    type(start, QStringLiteral("150")); // after the stop time, 100: both are numbers
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!boxLabelled(dialog, QStringLiteral("DT, computed by 'TIME STEP'"))->isEnabled());
}

QTEST_MAIN(TestSimSpecsDialog)
#include "test_simspecsdialog.moc"

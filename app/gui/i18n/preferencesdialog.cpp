#include "preferencesdialog.h"

#include "language.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <algorithm>

namespace meadows {

PreferencesDialog::PreferencesDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("PreferencesDialog"));
    setWindowTitle(tr("Preferences"));
    auto *form = new QFormLayout(this);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("System language"), QString());
    // Each language under its own name, so that it can be found whatever is shown now.
    for (const QString &code : availableLanguages())
        m_language->addItem(nativeLanguageName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(languageSetting())));
    form->addRow(tr("&Language:"), m_language);
    auto *note = new QLabel(tr("A new language applies when Meadows starts next time."), this);
    note->setWordWrap(true);
    form->addRow(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    // A wrapped note would otherwise squeeze the dialog to its narrowest.
    setMinimumWidth(fontMetrics().averageCharWidth() * 56);
}

void PreferencesDialog::accept()
{
    const QString chosen = m_language->currentData().toString();
    m_changed = chosen != languageSetting();
    if (m_changed)
        setLanguageSetting(chosen);
    QDialog::accept();
}

} // namespace meadows

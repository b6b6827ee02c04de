#pragma once
// Edit → Preferences…: the editor's language (System / English / Deutsch / Français).
// The choice is stored at once on OK; it takes effect at the next start, since the
// windows build their texts once.
#include <QDialog>

class QComboBox;

namespace meadows {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }
    // After OK: whether the stored language differs from the one the dialog opened with.
    bool languageChanged() const { return m_changed; }

    void accept() override;

private:
    QComboBox *m_language = nullptr;
    bool m_changed = false;
};

} // namespace meadows

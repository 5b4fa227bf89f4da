#pragma once

#include <QDialog>

class QLineEdit;
class QMainWindow;
class QTreeWidget;

namespace sightline {

/// Help → Keyboard Shortcuts: every action of a main window that has a shortcut, grouped by
/// the top-level menu it is in (actions in no menu under "Tools"), with a filter. Read from the
/// window's actions each time it is shown, so it never goes stale.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QMainWindow *window);

    /// The window's dialog (made on first use), re-read and brought forward.
    static ShortcutsDialog *showFor(QMainWindow *window);

    /// Reads the window's actions again.
    void refresh();

    /// "&Open Layer…" → "Open Layer…"; "&&" stays one "&".
    static QString plainText(const QString &text);

private:
    void applyFilter();

    QMainWindow *mWindow;
    QLineEdit *mFilter;
    QTreeWidget *mTree;
};

} // namespace sightline

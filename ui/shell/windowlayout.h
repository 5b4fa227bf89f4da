#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace sightline {

/// Where the docks go. By default, as in QGIS, one column on the left: the Layers (with Style and
/// Identify) above, the panels read while working (Vessels, Sightings, Events, Measure) tabbed
/// below; the Timeline a strip under the map; the map keeps the rest, at least 60 % of a
/// 1400×900 window. Each dock comes back from the View menu, the arrangement the user makes is
/// kept across sessions, and View → Reset Layout brings the default back.
class WindowLayout : public QObject
{
    Q_OBJECT
public:
    struct Docks
    {
        QDockWidget *layers = nullptr;
        QDockWidget *style = nullptr;
        QDockWidget *vessels = nullptr;
        QDockWidget *sightings = nullptr;
        QDockWidget *events = nullptr;
        QDockWidget *identify = nullptr;
        QDockWidget *measure = nullptr;
        QDockWidget *attributes = nullptr;
        QDockWidget *timeline = nullptr;
    };

    WindowLayout(QMainWindow *window, const Docks &docks);

    /// Puts every dock where it goes by default (the docks shown stay shown, the others hidden).
    void arrangeDefault();
    /// The layout saved when the window last closed; false when there is none (or one from an
    /// arrangement this version no longer makes), and the default stays.
    bool restore();
    /// Keeps the window's geometry and its docks' arrangement for the next session.
    void save() const;
    /// View menu entries: one a dock, to show it again after it was closed, and Reset Layout.
    void addToViewMenu(QMenu *view);
    QAction *resetAction() const { return mReset; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QList<QDockWidget *> all() const;
    /// The column's width and the split between its two groups, and the timeline's height: sizes
    /// the window's layout takes only once it is shown.
    void applyDefaultSizes();
    /// The column's width: about a fifth of the window.
    int columnWidth() const;

    QMainWindow *mWindow;
    Docks mDocks;
    QAction *mReset;
    bool mSized = false; ///< the default sizes were applied, or a saved layout restored
};

} // namespace sightline

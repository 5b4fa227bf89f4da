#include "ui/shell/windowlayout.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QScrollArea>
#include <QEvent>
#include <QSettings>
#include <QTabBar>
#include <QTimer>

#include <algorithm>

namespace sightline {

namespace {
// Raised whenever the default arrangement changes in a way an old saved state would undo: the
// window then starts from the new default instead.
constexpr int kLayoutVersion = 2;
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kVersionKey = QStringLiteral("window/layoutVersion");
/// Puts a dock's contents in a scroll area: a panel with a wide or tall form then scrolls in a narrow
/// column instead of widening the column (and shrinking the map) or making the window taller than
/// the screen.
void makeScrollable(QDockWidget *dock)
{
    QWidget *contents = dock->widget();
    if (!contents || qobject_cast<QScrollArea *>(contents))
        return;
    auto *scroll = new QScrollArea(dock);
    scroll->setObjectName(dock->objectName() + QStringLiteral("Scroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(contents);
    dock->setWidget(scroll);
}
} // namespace

WindowLayout::WindowLayout(QMainWindow *window, const Docks &docks)
    : QObject(window)
    , mWindow(window)
    , mDocks(docks)
    , mReset(new QAction(tr("Reset &Layout"), this))
{
    mReset->setObjectName(QStringLiteral("actionResetLayout"));
    mReset->setToolTip(tr("Put every panel back where it starts: a column on the left, the timeline under "
                          "the map"));
    connect(mReset, &QAction::triggered, this, &WindowLayout::arrangeDefault);
    mWindow->installEventFilter(this);
    for (QDockWidget *dock : {mDocks.style, mDocks.sightings, mDocks.events, mDocks.identify, mDocks.measure})
        makeScrollable(dock);
}

QList<QDockWidget *> WindowLayout::all() const
{
    return {mDocks.layers, mDocks.style,   mDocks.vessels, mDocks.sightings, mDocks.events,
            mDocks.identify, mDocks.measure, mDocks.attributes, mDocks.timeline};
}

int WindowLayout::columnWidth() const
{
    // Under a fifth of the window, within what a panel needs to be read and what leaves the map its
    // room (its contents scroll when they need more).
    return std::clamp(mWindow->width() * 9 / 50, 240, 360);
}

void WindowLayout::arrangeDefault()
{
    for (QDockWidget *dock : all())
        dock->setFloating(false);
    // What the column starts with; the others come when there is something in them.
    for (QDockWidget *dock : {mDocks.layers, mDocks.style, mDocks.vessels, mDocks.sightings, mDocks.identify,
                              mDocks.measure})
        dock->show();
    // The column: what is on the map above (Layers, Style, Identify), the working lists tabbed below
    // (Vessels, Sightings, Events, Measure); few enough tabs in each that their names are not cut.
    mWindow->addDockWidget(Qt::LeftDockWidgetArea, mDocks.layers);
    for (QDockWidget *dock : {mDocks.style, mDocks.identify}) {
        mWindow->addDockWidget(Qt::LeftDockWidgetArea, dock);
        mWindow->tabifyDockWidget(mDocks.layers, dock);
    }
    mWindow->addDockWidget(Qt::LeftDockWidgetArea, mDocks.vessels, Qt::Vertical);
    for (QDockWidget *dock : {mDocks.sightings, mDocks.events, mDocks.measure}) {
        mWindow->addDockWidget(Qt::LeftDockWidgetArea, dock);
        mWindow->tabifyDockWidget(mDocks.vessels, dock);
    }
    // Under the map: the timeline, and the attribute table when it is asked for.
    mWindow->addDockWidget(Qt::BottomDockWidgetArea, mDocks.timeline);
    mWindow->addDockWidget(Qt::BottomDockWidgetArea, mDocks.attributes);
    mDocks.layers->raise();
    mDocks.vessels->raise();
    if (mWindow->isVisible())
        applyDefaultSizes();
    else
        mSized = false; // applied when the window shows
}

void WindowLayout::applyDefaultSizes()
{
    mSized = true;
    mWindow->resizeDocks({mDocks.layers}, {columnWidth()}, Qt::Horizontal);
    const int column = mWindow->centralWidget() ? mWindow->centralWidget()->height() : mWindow->height();
    mWindow->resizeDocks({mDocks.layers, mDocks.vessels}, {column * 2 / 5, column * 3 / 5}, Qt::Vertical);
}

bool WindowLayout::eventFilter(QObject *watched, QEvent *event)
{
    // The window makes a tab bar for each group of tabbed docks as it lays them out: names whole,
    // with scroll arrows when the column is too narrow for them all, rather than cut to "Sig…".
    if (watched == mWindow && (event->type() == QEvent::LayoutRequest || event->type() == QEvent::Show))
        for (QTabBar *tabs : mWindow->findChildren<QTabBar *>(QString(), Qt::FindDirectChildrenOnly)) {
            // Only when it differs: each setter asks the window for a new layout, and setting it on
            // every layout request would keep the window laying itself out and repainting while idle.
            if (tabs->elideMode() != Qt::ElideNone)
                tabs->setElideMode(Qt::ElideNone);
            if (!tabs->usesScrollButtons())
                tabs->setUsesScrollButtons(true);
        }
    // The layout has its geometry only once the window shows: the default sizes wait for that.
    if (watched == mWindow && event->type() == QEvent::Show && !mSized)
        QTimer::singleShot(0, this, [this] {
            if (!mSized)
                applyDefaultSizes();
        });
    return QObject::eventFilter(watched, event);
}

bool WindowLayout::restore()
{
    QSettings settings;
    if (settings.value(kVersionKey).toInt() != kLayoutVersion)
        return false;
    mWindow->restoreGeometry(settings.value(kGeometryKey).toByteArray());
    const bool restored = mWindow->restoreState(settings.value(kStateKey).toByteArray(), kLayoutVersion);
    // The sizes saved are the user's: the default ones must not replace them when the window shows.
    mSized = mSized || restored;
    return restored;
}

void WindowLayout::save() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, mWindow->saveGeometry());
    settings.setValue(kStateKey, mWindow->saveState(kLayoutVersion));
    settings.setValue(kVersionKey, kLayoutVersion);
}

void WindowLayout::addToViewMenu(QMenu *view)
{
    QMenu *panels = view->addMenu(tr("P&anels"));
    panels->setObjectName(QStringLiteral("panelsMenu"));
    panels->setToolTipsVisible(true);
    for (QDockWidget *dock : all()) {
        QAction *toggle = dock->toggleViewAction();
        if (toggle->toolTip().isEmpty() || toggle->toolTip() == dock->windowTitle())
            toggle->setToolTip(tr("Show or hide the %1 panel").arg(dock->windowTitle()));
        panels->addAction(toggle);
        // A panel brought back is the one wanted: in front of the others tabbed with it.
        connect(toggle, &QAction::triggered, dock, [dock](bool shown) {
            if (shown)
                dock->raise();
        });
    }
    panels->addSeparator();
    panels->addAction(mReset);
}

} // namespace sightline

#include "ui/time/timelinedock.h"

#include "layers/layerstack.h"
#include "render/timelinedata.h"
#include "ui/time/timecontroller.h"
#include "ui/time/timelinewidget.h"

#include <QComboBox>
#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace sightline {

namespace {

constexpr qint64 kHourMs = 3'600'000;
constexpr int kMostUnscrolledPx = 200; // more lanes scroll: the map keeps its room

QToolButton *makeButton(QWidget *parent, const char *name, const QIcon &icon, const QString &tip)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(QLatin1String(name));
    button->setIcon(icon);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    // Space belongs to the timeline (play, pause): the buttons do not take the focus from it.
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}

} // namespace

TimelineDock::TimelineDock(LayerStack *layers, TimeController *time, QWidget *parent)
    : QDockWidget(tr("Timeline"), parent)
    , mLayers(layers)
    , mTime(time)
{
    setObjectName(QStringLiteral("timelineDock"));
    auto *contents = new QWidget(this);
    contents->setObjectName(QStringLiteral("timelinePanel"));
    mTimeline = new TimelineWidget(time, contents);
    mScroll = new QScrollArea(contents);
    mScroll->setObjectName(QStringLiteral("timelineScroll"));
    mScroll->setFrameShape(QFrame::NoFrame);
    mScroll->setWidgetResizable(true);
    mScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    mScroll->setWidget(mTimeline);

    QStyle *style = this->style();
    mPrevious = makeButton(contents, "timelinePrevious", style->standardIcon(QStyle::SP_MediaSkipBackward),
                           tr("Previous event: the cursor to the start of the event before it"));
    mPlay = makeButton(contents, "timelinePlay", style->standardIcon(QStyle::SP_MediaPlay),
                       tr("Play (Space): the cursor, and the end of the window, move through time"));
    mNext = makeButton(contents, "timelineNext", style->standardIcon(QStyle::SP_MediaSkipForward),
                       tr("Next event: the cursor to the start of the event after it"));
    mSpeed = new QComboBox(contents);
    mSpeed->setObjectName(QStringLiteral("timelineSpeed"));
    mSpeed->setFocusPolicy(Qt::NoFocus);
    mSpeed->setToolTip(tr("Playback speed: data time per second"));
    mSpeed->addItem(tr("1 hour/s"), kHourMs);
    mSpeed->addItem(tr("6 hours/s"), 6 * kHourMs);
    mSpeed->addItem(tr("1 day/s"), 24 * kHourMs);
    mSpeed->addItem(tr("1 week/s"), 7 * 24 * kHourMs);
    const int current = mSpeed->findData(qint64(time->speedMsPerSecond()));
    mSpeed->setCurrentIndex(current >= 0 ? current : 1);
    time->setSpeedMsPerSecond(mSpeed->currentData().toLongLong());

    mCursorLabel = new QLabel(contents);
    mCursorLabel->setObjectName(QStringLiteral("timelineCursorLabel"));
    mCursorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mWindowLabel = new QLabel(contents);
    mWindowLabel->setObjectName(QStringLiteral("timelineWindowLabel"));
    mWindowLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mClearWindow = makeButton(contents, "timelineClearWindow", QIcon(), tr("Show all time on the map again"));
    mClearWindow->setText(tr("Clear"));
    mClearWindow->setAutoRaise(false);
    mLanesLabel = new QLabel(contents);
    mLanesLabel->setObjectName(QStringLiteral("timelineLanesLabel"));
    mAllVessels =
        makeButton(contents, "timelineAllVessels", QIcon(), tr("A lane for every vessel with events"));
    mAllVessels->setText(tr("All vessels"));
    mAllVessels->setAutoRaise(false);
    mFit = makeButton(contents, "timelineFit", QIcon(QStringLiteral(":/icons/zoom-full.svg")),
                      tr("Show all the data (Home); the wheel zooms, a drag pans"));

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->setSpacing(4);
    bar->addWidget(mPrevious);
    bar->addWidget(mPlay);
    bar->addWidget(mNext);
    bar->addWidget(mSpeed);
    bar->addSpacing(6);
    bar->addWidget(separator(contents));
    bar->addSpacing(6);
    bar->addWidget(mCursorLabel);
    bar->addSpacing(14);
    bar->addWidget(mWindowLabel);
    bar->addWidget(mClearWindow);
    bar->addStretch(1);
    bar->addWidget(mLanesLabel);
    bar->addWidget(mAllVessels);
    bar->addWidget(separator(contents));
    bar->addWidget(mFit);
    mCollapse = makeButton(contents, "timelineCollapse", QIcon(), tr("Fold the timeline down to this bar"));
    mCollapse->setArrowType(Qt::DownArrow);
    mCollapse->setCheckable(true);
    bar->addWidget(mCollapse);
    mClose = makeButton(contents, "timelineClose", style->standardIcon(QStyle::SP_TitleBarCloseButton),
                        tr("Close the timeline (View → Timeline, Ctrl+Shift+T, brings it back)"));
    bar->addWidget(mClose);
    // The bar is the dock's title bar: a drag on it moves the dock, a double click floats it.
    mBar = new QWidget(this);
    mBar->setObjectName(QStringLiteral("timelineBar"));
    auto *title = new QLabel(tr("<b>Timeline</b>"), mBar);
    bar->insertWidget(0, title);
    bar->insertSpacing(1, 6);
    mBar->setLayout(bar);
    setTitleBarWidget(mBar);

    mLanes = contents;
    auto *layout = new QVBoxLayout(contents);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *rule = new QFrame(contents);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    layout->addWidget(rule);
    layout->addWidget(mScroll, 1);
    contents->setFocusProxy(mTimeline);
    setWidget(contents);

    connect(mPrevious, &QToolButton::clicked, this, &TimelineDock::previousEvent);
    connect(mNext, &QToolButton::clicked, this, &TimelineDock::nextEvent);
    connect(mPlay, &QToolButton::clicked, mTime, &TimeController::togglePlaying);
    connect(mSpeed, &QComboBox::currentIndexChanged, this,
            [this] { mTime->setSpeedMsPerSecond(mSpeed->currentData().toLongLong()); });
    connect(mClearWindow, &QToolButton::clicked, mTime, &TimeController::clearWindow);
    connect(mAllVessels, &QToolButton::clicked, this, [this] { setVessels({}); });
    connect(mFit, &QToolButton::clicked, mTimeline, &TimelineWidget::zoomToFit);
    connect(mCollapse, &QToolButton::toggled, this, &TimelineDock::setCollapsed);
    connect(mClose, &QToolButton::clicked, this, &QDockWidget::close);
    connect(mTimeline, &TimelineWidget::eventClicked, this, &TimelineDock::eventClicked);
    connect(mTimeline, &TimelineWidget::sightingClicked, this, &TimelineDock::sightingClicked);
    connect(mTimeline, &TimelineWidget::eventDoubleClicked, this, &TimelineDock::eventDoubleClicked);
    connect(mTimeline, &TimelineWidget::sightingDoubleClicked, this, &TimelineDock::sightingDoubleClicked);
    connect(mTime, &TimeController::cursorChanged, this, &TimelineDock::updateTimeLabels);
    connect(mTime, &TimeController::windowChanged, this, &TimelineDock::updateTimeLabels);
    connect(mTime, &TimeController::playingChanged, this, [this](bool playing) {
        mPlay->setIcon(this->style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
        mPlay->setToolTip(playing
                              ? tr("Pause (Space)")
                              : tr("Play (Space): the cursor, and the end of the window, move through time"));
    });

    // Layers change in bursts (a project opening, an analysis storing its events): read them once after.
    mRebuildTimer.setSingleShot(true);
    mRebuildTimer.setInterval(50);
    connect(&mRebuildTimer, &QTimer::timeout, this, &TimelineDock::rebuild);
    connect(mLayers, &LayerStack::changed, &mRebuildTimer, qOverload<>(&QTimer::start));
    rebuild();
}

void TimelineDock::setVessels(const QSet<std::uint32_t> &mmsis)
{
    if (mmsis == mVessels)
        return;
    mVessels = mmsis;
    rebuild();
}

void TimelineDock::rebuild()
{
    mRebuildTimer.stop();
    if (mLayers->count() == 0)
        mVessels.clear(); // the map was cleared: the vessels picked went with it
    TimelineSources sources;
    TimelineData data = timelineDataFromLayers(mLayers->layers(), mVessels, &sources);
    const bool hadLanes = !mTimeline->data().lanes.isEmpty();
    mTime->setSpan(timelineDataExtent(data));
    mTimeline->setData(std::move(data), std::move(sources));
    // Every lane, squeezed, and the axis in sight; beyond a few lanes, the timeline scrolls.
    mScroll->setMinimumHeight(std::min(mTimeline->minimumSizeHint().height(), kMostUnscrolledPx));
    updateLanesLabel();
    updateTimeLabels();
    // Tracks with events just arrived where there were none: the timeline comes forward. Closed while
    // they stay, it stays closed.
    if (!hadLanes && !mTimeline->data().lanes.isEmpty())
        reveal();
}

void TimelineDock::reveal()
{
    if (isVisible())
        return;
    show();
    auto *window = qobject_cast<QMainWindow *>(parentWidget());
    if (!window || isFloating() || isCollapsed())
        return;
    // A strip: the lanes as squeezed as they stay readable, under the bar, never more than a fifth of
    // the window (beyond, the lanes scroll): the map stays the main thing.
    const int chrome = mBar->sizeHint().height() + 2; // the bar and its rule
    const int wanted = mTimeline->minimumSizeHint().height() + chrome;
    window->resizeDocks({this}, {std::clamp(wanted, 60, std::max(60, window->height() / 5))}, Qt::Vertical);
}

bool TimelineDock::isCollapsed() const
{
    return mLanes->isHidden();
}

void TimelineDock::setCollapsed(bool collapsed)
{
    if (collapsed == isCollapsed())
        return;
    const QSignalBlocker quiet(mCollapse);
    mCollapse->setChecked(collapsed);
    mCollapse->setArrowType(collapsed ? Qt::UpArrow : Qt::DownArrow);
    mCollapse->setToolTip(collapsed ? tr("Unfold the timeline's lanes") : tr("Fold the timeline down to this bar"));
    auto *window = qobject_cast<QMainWindow *>(parentWidget());
    if (collapsed) {
        mExpandedHeight = height();
        mLanes->hide();
        if (window && !isFloating())
            window->resizeDocks({this}, {mBar->sizeHint().height()}, Qt::Vertical);
    } else {
        mLanes->show();
        if (window && !isFloating())
            window->resizeDocks({this}, {std::max(mExpandedHeight, minimumSizeHint().height())}, Qt::Vertical);
    }
}

void TimelineDock::previousEvent()
{
    stepToEvent(-1);
}

void TimelineDock::nextEvent()
{
    stepToEvent(1);
}

void TimelineDock::stepToEvent(int direction)
{
    const std::vector<std::int64_t> starts = timelineEventStarts(mTimeline->data());
    if (starts.empty())
        return;
    const std::int64_t cursor = mTime->cursorMs();
    std::int64_t to = 0;
    if (direction > 0) {
        // Without a cursor, the first event in view (or after it).
        const std::int64_t after = cursor ? cursor : mTimeline->viewFromMs() - 1;
        const auto it = std::upper_bound(starts.begin(), starts.end(), after);
        if (it == starts.end())
            return;
        to = *it;
    } else {
        const std::int64_t before = cursor ? cursor : mTimeline->viewToMs() + 1;
        const auto it = std::lower_bound(starts.begin(), starts.end(), before);
        if (it == starts.begin())
            return;
        to = *std::prev(it);
    }
    const TimeWindow window = mTime->window();
    if (window.fromMs)
        mTime->setWindow({window.fromMs, std::max(to, window.fromMs)});
    mTime->setCursorMs(to);
}

void TimelineDock::updateTimeLabels()
{
    const std::int64_t cursor = mTime->cursorMs();
    const QString muted = QStringLiteral("color: palette(mid);");
    if (cursor) {
        mCursorLabel->setText(tr("Cursor %1 UTC")
                                  .arg(QDateTime::fromMSecsSinceEpoch(cursor, Qt::UTC)
                                           .toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        mCursorLabel->setStyleSheet(QString());
    } else {
        mCursorLabel->setText(tr("No cursor: click a lane"));
        mCursorLabel->setStyleSheet(muted);
    }
    const TimeWindow window = mTime->window();
    if (window.isOpen()) {
        mWindowLabel->setText(tr("All time: drag along the axis to set a window"));
        mWindowLabel->setStyleSheet(muted);
    } else {
        mWindowLabel->setText(tr("Window %1").arg(describeTimeWindow(window)));
        mWindowLabel->setStyleSheet(QString());
    }
    mClearWindow->setVisible(!window.isOpen());
}

void TimelineDock::updateLanesLabel()
{
    const TimelineData &data = mTimeline->data();
    mAllVessels->setVisible(!mVessels.isEmpty());
    if (!mVessels.isEmpty()) {
        mLanesLabel->setText(data.lanes.size() == 1 ? data.lanes.front().label
                                                    : tr("%1 vessels picked").arg(data.lanes.size()));
        mLanesLabel->setToolTip(tr("The vessel picked in the Vessels dock"));
    } else {
        mLanesLabel->setText(data.lanes.isEmpty()     ? QString()
                             : data.lanes.size() == 1 ? tr("1 vessel with events")
                                                      : tr("%1 vessels with events").arg(data.lanes.size()));
        mLanesLabel->setToolTip(tr("Pick a vessel in the Vessels dock to see it alone"));
    }
}

} // namespace sightline

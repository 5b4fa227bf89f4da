#include "ui/common/datetimefield.h"

#include "util/datetimetext.h"

#include <QCalendarWidget>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTimeZone>
#include <QToolButton>
#include <QValidator>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace sightline {

namespace {

/// Lets anything be typed (a date is written a character at a time) but calls only a readable
/// time acceptable, so QLineEdit::hasAcceptableInput() and returnPressed mean what they say.
class DateTimeValidator : public QValidator
{
public:
    DateTimeValidator(const bool *optional, QObject *parent)
        : QValidator(parent)
        , mOptional(optional)
    {
    }
    State validate(QString &input, int &) const override
    {
        if (input.trimmed().isEmpty())
            return *mOptional ? Acceptable : Intermediate;
        return readDateTime(input).value ? Acceptable : Intermediate;
    }

private:
    const bool *mOptional;
};

} // namespace

DateTimeField::DateTimeField(QWidget *parent)
    : QWidget(parent)
    , mEdit(new QLineEdit(this))
    , mHint(new QLabel(this))
    , mCalendar(new QToolButton(this))
{
    mEdit->setObjectName(QStringLiteral("dateTimeText"));
    mEdit->setPlaceholderText(tr("2023-10-05 02:30, 05/10/2023 02:30 or 5 Oct 2023 02:30 (UTC)"));
    mEdit->setValidator(new DateTimeValidator(&mOptional, mEdit));
    mToolTip = tr("A UTC time: ISO 8601 (2023-10-05 02:30, 2023-10-05T02:30Z, +09:00 offsets), "
                  "05/10/2023 (day first unless the second number is over 12), 5 Oct 2023, Oct 5, 2023");
    mEdit->setToolTip(mToolTip);
    mHint->setObjectName(QStringLiteral("dateTimeHint"));
    mHint->setWordWrap(true);
    QFont font = mHint->font();
    font.setPointSizeF(font.pointSizeF() * 0.92);
    mHint->setFont(font);
    mCalendar->setObjectName(QStringLiteral("dateTimeCalendar"));
    mCalendar->setText(tr("…"));
    mCalendar->setIcon(QIcon::fromTheme(QStringLiteral("x-office-calendar")));
    mCalendar->setToolTip(tr("Pick the day from a calendar (keeps the time of day)"));
    connect(mCalendar, &QToolButton::clicked, this, &DateTimeField::pickFromCalendar);

    auto *row = new QHBoxLayout();
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(mEdit, 1);
    row->addWidget(mCalendar);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(mHint);
    setFocusProxy(mEdit);
    connect(mEdit, &QLineEdit::textChanged, this, &DateTimeField::reread);
    reread();
}

void DateTimeField::setMsecs(std::int64_t ms)
{
    mEdit->setText(ms ? formatUtcMinutes(ms).chopped(4) : QString()); // without " UTC": the label says so
}

std::optional<std::int64_t> DateTimeField::msecs() const
{
    return mValue;
}

void DateTimeField::setOptional(bool optional)
{
    mOptional = optional;
    reread();
}

void DateTimeField::setHintShown(bool shown)
{
    mHintShown = shown;
    mHint->setVisible(shown);
    reread();
}

bool DateTimeField::isAcceptable() const
{
    return mAcceptable;
}

QString DateTimeField::problem() const
{
    return mProblem;
}

void DateTimeField::reread()
{
    const QString text = mEdit->text();
    const std::optional<std::int64_t> before = mValue;
    const bool wasAcceptable = mAcceptable;
    mValue.reset();
    mProblem.clear();
    if (text.trimmed().isEmpty()) {
        mAcceptable = mOptional;
        if (!mOptional)
            mProblem = tr("No time given");
        mHint->setText(mOptional ? tr("no limit") : tr("Type a UTC time, e.g. 2023-10-05 02:30"));
    } else {
        const DateTimeReading r = readDateTime(text);
        mAcceptable = r.value.has_value();
        if (r.value) {
            mValue = r.value->ms;
            QString said = tr("Parsed as: %1").arg(formatUtcMinutes(r.value->ms));
            if (!r.value->reading.isEmpty())
                said += QStringLiteral(" (%1)").arg(r.value->reading);
            mHint->setText(said);
        } else {
            mProblem = r.error;
            mHint->setText(r.error);
        }
    }
    // Red only for what cannot be read, and only while the field is in use: a switched-off field
    // (a time marked unknown) is not an error.
    const bool red = !mAcceptable && isEnabled();
    mHint->setStyleSheet(red ? QStringLiteral("color: #b3261e") : QString());
    mHint->setForegroundRole(red ? QPalette::WindowText : QPalette::PlaceholderText);
    mEdit->setStyleSheet(red ? QStringLiteral("QLineEdit { border: 1px solid #b3261e; }") : QString());
    mEdit->setProperty("invalid", !mAcceptable);
    mEdit->setToolTip(mHintShown ? mToolTip : mHint->text() + QStringLiteral("\n") + mToolTip);
    if (mValue != before)
        Q_EMIT timeChanged(mValue.value_or(0));
    if (mAcceptable != wasAcceptable)
        Q_EMIT acceptableChanged(mAcceptable);
}

void DateTimeField::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::EnabledChange)
        reread();
}

void DateTimeField::pickFromCalendar()
{
    const QDateTime shown = QDateTime::fromMSecsSinceEpoch(
        mValue.value_or(QDateTime::currentMSecsSinceEpoch()), QTimeZone::utc());
    QMenu popup(this);
    auto *calendar = new QCalendarWidget(&popup);
    calendar->setObjectName(QStringLiteral("dateTimeCalendarPopup"));
    calendar->setSelectedDate(shown.date());
    auto *action = new QWidgetAction(&popup);
    action->setDefaultWidget(calendar);
    popup.addAction(action);
    connect(calendar, &QCalendarWidget::clicked, &popup, [&popup, calendar, this, shown] {
        const QDateTime picked(calendar->selectedDate(), mValue ? shown.time() : QTime(0, 0), QTimeZone::utc());
        setMsecs(picked.toMSecsSinceEpoch());
        popup.close();
    });
    connect(calendar, &QCalendarWidget::activated, &popup, &QMenu::close);
    popup.exec(mCalendar->mapToGlobal(QPoint(0, mCalendar->height())));
}

} // namespace sightline

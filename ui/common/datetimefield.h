#pragma once

#include <QWidget>

#include <cstdint>
#include <optional>

class QLabel;
class QLineEdit;
class QToolButton;

namespace sightline {

/// The one date-time field of the workbench: a line the user types or pastes a UTC time into
/// (ISO 8601, or "05/10/2023 02:30", "5 Oct 2023 02:30" — see readDateTime), a line under it
/// saying how it was read ("2023-10-05 02:30 UTC") or why it cannot be, in red, and a calendar
/// button to pick the day. Unlike a section-by-section spin box, what is typed is read as a
/// whole, so a typed year cannot land in the month.
class DateTimeField : public QWidget
{
    Q_OBJECT
public:
    explicit DateTimeField(QWidget *parent = nullptr);

    /// Shows `ms` (UTC milliseconds); 0 empties the field.
    void setMsecs(std::int64_t ms);
    /// The time read from the field; nothing when it is empty or cannot be read.
    std::optional<std::int64_t> msecs() const;
    /// An empty field is acceptable (and reads as no time) when the field is optional, as the
    /// open end of a filter window is.
    void setOptional(bool optional);
    /// True when the text reads as a time, or is empty in an optional field.
    bool isAcceptable() const;
    /// The reason the text cannot be read, empty when it can.
    QString problem() const;

    /// Where space is short (a filter row), the reading goes to the tooltip instead of a line
    /// under the field; a problem still shows as the red frame.
    void setHintShown(bool shown);

    QLineEdit *lineEdit() const { return mEdit; }
    QLabel *hintLabel() const { return mHint; }
    QToolButton *calendarButton() const { return mCalendar; }

Q_SIGNALS:
    /// The time read from the text changed (0: empty or unreadable).
    void timeChanged(qint64 ms);
    void acceptableChanged(bool acceptable);

protected:
    void changeEvent(QEvent *event) override;

private:
    void reread();
    void pickFromCalendar();

    QLineEdit *mEdit;
    QLabel *mHint;
    QToolButton *mCalendar;
    bool mOptional = false;
    bool mHintShown = true;
    bool mAcceptable = false;
    std::optional<std::int64_t> mValue;
    QString mProblem;
    QString mToolTip;
};

} // namespace sightline

#pragma once

#include <QFrame>
#include <QStringList>

#include <functional>

class QLabel;
class QPushButton;

namespace sightline {

/// A non-modal strip above the map for errors and offers, as in QGIS: it never
/// blocks the analyst, and keeps the last message until dismissed.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Level
    {
        Info,
        Warning,
        Error
    };

    explicit MessageBar(QWidget *parent = nullptr);

    /// Shows `text`; with `actionText`, a button that calls `action` and closes the bar.
    /// While the bar is open, further errors and warnings are added below the
    /// first rather than replacing it, so no failure goes unseen.
    void showMessage(Level level, const QString &text, const QString &actionText = QString(),
                     std::function<void()> action = {});
    QString text() const;
    /// Dismisses what is shown (as ✕ does): the project the messages were about went.
    void clear();
    Level level() const { return mLevel; }

private:
    QLabel *mIcon;
    QLabel *mText;
    QPushButton *mAction;
    QPushButton *mClose;
    std::function<void()> mCallback;
    Level mLevel = Level::Info;
    QStringList mMessages;
};

} // namespace sightline

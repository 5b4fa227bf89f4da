#include "ui/common/messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace sightline {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , mIcon(new QLabel(this))
    , mText(new QLabel(this))
    , mAction(new QPushButton(this))
    , mClose(new QPushButton(QStringLiteral("✕"), this))
{
    setObjectName(QStringLiteral("messageBar"));
    mText->setObjectName(QStringLiteral("messageText"));
    mText->setWordWrap(true);
    mText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mAction->setObjectName(QStringLiteral("messageAction"));
    mClose->setObjectName(QStringLiteral("messageClose"));
    mClose->setFlat(true);
    mClose->setFixedWidth(28);
    mClose->setToolTip(tr("Dismiss"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(mIcon);
    layout->addWidget(mText, 1);
    layout->addWidget(mAction);
    layout->addWidget(mClose);
    connect(mClose, &QPushButton::clicked, this, [this] {
        mMessages.clear();
        hide();
    });
    connect(mAction, &QPushButton::clicked, this, [this] {
        mMessages.clear();
        hide();
        if (mCallback)
            mCallback();
    });
    hide();
}

void MessageBar::showMessage(Level level, const QString &text, const QString &actionText,
                             std::function<void()> action)
{
    constexpr int kMaxShown = 4;
    const bool accumulate = isVisible() && level != Level::Info && mLevel != Level::Info &&
                            actionText.isEmpty() && !mAction->isVisible();
    if (!accumulate)
        mMessages.clear();
    if (!mMessages.contains(text))
        mMessages << text;
    if (mMessages.size() > kMaxShown)
        mMessages.removeFirst();
    mLevel = accumulate ? std::max(mLevel, level) : level;
    mText->setText(mMessages.join(QStringLiteral("<br>")));
    mCallback = std::move(action);
    mAction->setVisible(!actionText.isEmpty());
    mAction->setText(actionText);
    const char *sheet = nullptr;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    switch (mLevel) {
    case Level::Info:
        sheet = "#messageBar{background:#e7f0fb;border:1px solid #9fbfe6;border-radius:3px;}";
        break;
    case Level::Warning:
        sheet = "#messageBar{background:#fdf3d7;border:1px solid #e5c46b;border-radius:3px;}";
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case Level::Error:
        sheet = "#messageBar{background:#fbe4e2;border:1px solid #e09a93;border-radius:3px;}";
        icon = QStyle::SP_MessageBoxCritical;
        break;
    }
    mIcon->setPixmap(style()->standardIcon(icon).pixmap(20, 20));
    setStyleSheet(QString::fromLatin1(sheet));
    show();
}

void MessageBar::clear()
{
    mMessages.clear();
    mCallback = {};
    mText->clear();
    hide();
}

QString MessageBar::text() const
{
    return isVisible() ? mText->text() : QString();
}

} // namespace sightline

#include "messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

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
    connect(mClose, &QPushButton::clicked, this, &QWidget::hide);
    connect(mAction, &QPushButton::clicked, this, [this] {
        hide();
        if (mCallback)
            mCallback();
    });
    hide();
}

void MessageBar::showMessage(Level level, const QString &text, const QString &actionText, std::function<void()> action)
{
    mLevel = level;
    mText->setText(text);
    mCallback = std::move(action);
    mAction->setVisible(!actionText.isEmpty());
    mAction->setText(actionText);
    const char *style = nullptr;
    switch (level) {
    case Level::Info:
        style = "#messageBar{background:#e7f0fb;border:1px solid #9fbfe6;border-radius:3px;}";
        mIcon->setText(QStringLiteral("ℹ"));
        break;
    case Level::Warning:
        style = "#messageBar{background:#fdf3d7;border:1px solid #e5c46b;border-radius:3px;}";
        mIcon->setText(QStringLiteral("⚠"));
        break;
    case Level::Error:
        style = "#messageBar{background:#fbe4e2;border:1px solid #e09a93;border-radius:3px;}";
        mIcon->setText(QStringLiteral("⛔"));
        break;
    }
    setStyleSheet(QString::fromLatin1(style));
    show();
}

QString MessageBar::text() const
{
    return isVisible() ? mText->text() : QString();
}

} // namespace sightline

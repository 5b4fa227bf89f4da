#include "ui/common/formwidgets.h"

#include <QFormLayout>
#include <QLabel>

namespace sightline {

QFormLayout *makeEditorForm(QWidget *parent, const QMargins &margins)
{
    auto *form = new QFormLayout(parent);
    form->setContentsMargins(margins);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return form;
}

QLabel *makeHintLabel(const QString &text, QWidget *parent)
{
    auto *hint = new QLabel(text, parent);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    QFont font = hint->font();
    font.setPointSizeF(font.pointSizeF() * 0.92);
    hint->setFont(font);
    return hint;
}

QString dialogTitleFor(const QString &menuText)
{
    QString title;
    for (qsizetype i = 0; i < menuText.size(); ++i) {
        if (menuText[i] == QLatin1Char('&')) {
            if (i + 1 < menuText.size() && menuText[i + 1] == QLatin1Char('&'))
                title += menuText[++i]; // "&&" is a literal ampersand
            continue;
        }
        title += menuText[i];
    }
    if (title.endsWith(QStringLiteral("…")))
        title.chop(1);
    else if (title.endsWith(QLatin1String("...")))
        title.chop(3);
    return title.trimmed();
}

} // namespace sightline

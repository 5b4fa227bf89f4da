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

} // namespace sightline

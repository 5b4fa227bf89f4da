#include "ui/editing/featuredialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace sightline {

FeatureDialog::FeatureDialog(bool polygon, QWidget *parent)
    : QDialog(parent)
    , mName(new QLineEdit(this))
    , mKind(new QComboBox(this))
    , mNotes(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("featureDialog"));
    setWindowTitle(polygon ? tr("New Area") : tr("New Line"));
    mName->setObjectName(QStringLiteral("featureName"));
    mKind->setObjectName(QStringLiteral("featureKind"));
    mKind->setEditable(true);
    if (polygon)
        mKind->addItems({QStringLiteral("port"), QStringLiteral("rail facility"), QStringLiteral("depot"),
                         QStringLiteral("other")});
    else
        mKind->addItems({QStringLiteral("rail"), QStringLiteral("road"), QStringLiteral("route"),
                         QStringLiteral("other")});
    mNotes->setPlaceholderText(tr("Source, how sure, what it is"));
    mNotes->setMaximumHeight(90);
    auto *form = new QFormLayout();
    form->addRow(tr("Name"), mName);
    form->addRow(tr("Kind"), mKind);
    form->addRow(tr("Notes"), mNotes);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString FeatureDialog::name() const
{
    return mName->text().trimmed();
}

QString FeatureDialog::kind() const
{
    return mKind->currentText().trimmed();
}

QString FeatureDialog::notes() const
{
    return mNotes->toPlainText().trimmed();
}

} // namespace sightline

#include "ui/layers/layerchooserdialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace sightline {

LayerChooserDialog::LayerChooserDialog(const QString &source, const QStringList &layers, QWidget *parent)
    : QDialog(parent)
    , mList(new QListWidget(this))
{
    setObjectName(QStringLiteral("layerChooserDialog"));
    setWindowTitle(tr("Layers of %1").arg(QFileInfo(source).fileName()));
    mList->setObjectName(QStringLiteral("layerChoices"));
    for (const QString &name : layers) {
        auto *item = new QListWidgetItem(name, mList);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        // OSM's relations rarely draw anything useful; the rest are on by default.
        item->setCheckState(name == QLatin1String("other_relations") ? Qt::Unchecked : Qt::Checked);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Choose the layers to add:"), this));
    layout->addWidget(mList);
    layout->addWidget(buttons);
}

QStringList LayerChooserDialog::selected() const
{
    QStringList names;
    for (int i = 0; i < mList->count(); ++i)
        if (mList->item(i)->checkState() == Qt::Checked)
            names << mList->item(i)->text();
    return names;
}

} // namespace sightline

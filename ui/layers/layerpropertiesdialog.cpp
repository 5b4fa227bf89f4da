#include "ui/layers/layerpropertiesdialog.h"

#include "layers/layer.h"
#include "util/credentials.h"
#include "util/gdalutil.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sightline {

LayerPropertiesDialog::LayerPropertiesDialog(const Layer &layer, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Layer Properties – %1").arg(layer.name()));
    setObjectName(QStringLiteral("layerPropertiesDialog"));
    const QList<LayerProperty> props = layer.properties();
    auto *table = new QTableWidget(int(props.size()), 2, this);
    table->setObjectName(QStringLiteral("propertiesTable"));
    table->setHorizontalHeaderLabels({tr("Property"), tr("Value")});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(true);
    for (int row = 0; row < props.size(); ++row) {
        // Metadata can quote service URLs too: no credentials on screen.
        const QString value = props[row].first == QLatin1String("Source") ? describeSource(props[row].second)
                                                                           : redactSecrets(props[row].second);
        table->setItem(row, 0, new QTableWidgetItem(props[row].first));
        auto *item = new QTableWidgetItem(value);
        item->setToolTip(value);
        table->setItem(row, 1, item);
    }
    table->resizeColumnToContents(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(640, 480);
}

} // namespace sightline

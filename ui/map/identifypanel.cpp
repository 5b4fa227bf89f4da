#include "ui/map/identifypanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sightline {

namespace {
QString hint()
{
    return IdentifyPanel::tr("Pick something on the map with the Identify tool (I).");
}
} // namespace

IdentifyPanel::IdentifyPanel(QWidget *parent)
    : QWidget(parent)
    , mTitle(new QLabel(hint(), this))
    , mTable(new QTableWidget(0, 2, this))
{
    setObjectName(QStringLiteral("identifyPanel"));
    mTitle->setObjectName(QStringLiteral("identifyTitle"));
    mTitle->setWordWrap(true);
    mTable->setObjectName(QStringLiteral("identifyTable"));
    mTable->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    mTable->verticalHeader()->hide();
    mTable->horizontalHeader()->setStretchLastSection(true);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(mTitle);
    layout->addWidget(mTable, 1);
}

void IdentifyPanel::show(const QString &title, const QList<LayerProperty> &fields)
{
    mTitle->setText(title);
    mTable->setRowCount(int(fields.size()));
    for (int row = 0; row < fields.size(); ++row) {
        mTable->setItem(row, 0, new QTableWidgetItem(fields[row].first));
        mTable->setItem(row, 1, new QTableWidgetItem(fields[row].second));
    }
    mTable->resizeColumnToContents(0);
}

void IdentifyPanel::showNothing(const QString &where)
{
    mTitle->setText(tr("Nothing found at %1.").arg(where));
    mTable->setRowCount(0);
}

void IdentifyPanel::clear()
{
    mTitle->setText(hint());
    mTable->setRowCount(0);
}

QString IdentifyPanel::title() const
{
    return mTitle->text();
}

} // namespace sightline

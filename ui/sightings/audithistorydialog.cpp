#include "ui/sightings/audithistorydialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sightline {

namespace {

// "kind: rail cars · count: 73 · …": the values a change wrote, readable in one cell.
QString describeDetails(const QString &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    if (o.isEmpty())
        return json;
    QStringList parts;
    for (auto it = o.begin(); it != o.end(); ++it) {
        QString value =
            it.value().isString()
                ? it.value().toString()
                : QString::fromUtf8(
                      QJsonDocument::fromVariant(it.value().toVariant()).toJson(QJsonDocument::Compact));
        if (it.value().isDouble())
            value = QString::number(it.value().toDouble(), 'g', 12);
        if (value.isEmpty() || value == QLatin1String("null"))
            continue;
        parts << QStringLiteral("%1: %2").arg(it.key(), value);
    }
    return parts.join(QStringLiteral(" · "));
}

QString actionLabel(const QString &action)
{
    if (action == QLatin1String("add"))
        return QObject::tr("Added");
    if (action == QLatin1String("edit"))
        return QObject::tr("Edited");
    if (action == QLatin1String("delete"))
        return QObject::tr("Deleted");
    if (action == QLatin1String("restore"))
        return QObject::tr("Restored");
    return action;
}

} // namespace

AuditHistoryDialog::AuditHistoryDialog(const QString &title, const QList<AuditEntry> &entries,
                                       QWidget *parent)
    : QDialog(parent)
    , mTable(new QTableWidget(int(entries.size()), 4, this))
{
    setObjectName(QStringLiteral("auditHistoryDialog"));
    setWindowTitle(tr("History of %1").arg(title));
    auto *layout = new QVBoxLayout(this);
    auto *intro =
        new QLabel(tr("Every change to this sighting, from the project's append-only audit log."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    mTable->setHorizontalHeaderLabels({tr("When (UTC)"), tr("Who"), tr("What"), tr("Values written")});
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->verticalHeader()->hide();
    mTable->setWordWrap(true);
    for (int row = 0; row < entries.size(); ++row) {
        const AuditEntry &e = entries[row];
        const QString details = describeDetails(e.details);
        mTable->setItem(row, 0,
                        new QTableWidgetItem(
                            utcIsoString(e.timeMs).left(19).replace(QLatin1Char('T'), QLatin1Char(' '))));
        mTable->setItem(row, 1, new QTableWidgetItem(e.user));
        mTable->setItem(row, 2, new QTableWidgetItem(actionLabel(e.action)));
        auto *values = new QTableWidgetItem(details);
        values->setToolTip(details);
        mTable->setItem(row, 3, values);
    }
    mTable->horizontalHeader()->setStretchLastSection(true);
    mTable->resizeColumnsToContents();
    mTable->resizeRowsToContents();
    layout->addWidget(mTable);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(820, 320);
}

} // namespace sightline
